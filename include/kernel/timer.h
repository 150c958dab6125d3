/* SPDX-License-Identifier: MIT */
/*
 * Time: the tick (HZ per second, from an SP804 timer), jiffies, timers that run a function
 * from the tick, and a monotonic nanosecond clock (the Cortex-A9 global timer).
 */
#ifndef KERNEL_TIMER_H
#define KERNEL_TIMER_H

#include <types.h>
#include <lib/list.h>

#define HZ 100
#define NSEC_PER_SEC 1000000000ULL

extern volatile unsigned long jiffies;

struct timer_list {
	struct list_head entry;
	unsigned long expires;			/* in jiffies */
	void (*function)(struct timer_list *);
	bool pending;
};

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *));
void add_timer(struct timer_list *t);		/* t->expires set by the caller */
bool del_timer(struct timer_list *t);		/* true if it was pending */

/* Called by the tick interrupt. */
void timer_tick(void);

/* Nanoseconds since the clock started; monotonic, never wraps in practice (584 years). */
u64 ktime_get_ns(void);
/* Seconds since 1970: the RTC's time at boot plus the monotonic clock (inode times). */
u32 realtime_seconds(void);

static inline unsigned long msecs_to_jiffies(unsigned int ms)
{
	return (ms + (1000 / HZ) - 1) / (1000 / HZ);
}

#endif
