// SPDX-License-Identifier: MIT
/*
 * Timekeeping: jiffies counted by the tick, timers run from it, and ktime_get_ns() read from
 * the A9 global timer.
 */
#include <kernel/timer.h>
#include <kernel/sched.h>
#include <kernel/spinlock.h>
#include <drivers/timer.h>

volatile unsigned long jiffies;
static LIST_HEAD(timer_list);		/* pending timers, soonest first */
static DEFINE_SPINLOCK(timer_lock);
static u32 ns_per_cycle;		/* exact when the clock rate divides 10^9 */
static u32 clock_rate;

void time_init_clock(u32 rate)
{
	clock_rate = rate;
	ns_per_cycle = (NSEC_PER_SEC % rate == 0) ? (u32)(NSEC_PER_SEC / rate) : 0;
}

u64 ktime_get_ns(void)
{
	u64 cycles;

	if (!clock_rate)
		return 0;
	cycles = a9_gtimer_read();
	if (ns_per_cycle)	/* QEMU: 100 MHz, 10 ns per count: one multiply */
		return cycles * ns_per_cycle;
	return cycles / clock_rate * NSEC_PER_SEC + cycles % clock_rate * NSEC_PER_SEC / clock_rate;
}

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *))
{
	INIT_LIST_HEAD(&t->entry);
	t->function = fn;
	t->pending = false;
}

void add_timer(struct timer_list *t)
{
	struct timer_list *pos;
	unsigned long flags;

	spin_lock_irqsave(&timer_lock, flags);
	if (t->pending)
		list_del(&t->entry);
	list_for_each_entry(pos, &timer_list, entry)
		if ((long)(pos->expires - t->expires) > 0)
			break;
	list_add_tail(&t->entry, &pos->entry);	/* before the first later timer */
	t->pending = true;
	spin_unlock_irqrestore(&timer_lock, flags);
}

bool del_timer(struct timer_list *t)
{
	unsigned long flags;
	bool was;

	spin_lock_irqsave(&timer_lock, flags);
	was = t->pending;
	if (was) {
		list_del(&t->entry);
		t->pending = false;
	}
	spin_unlock_irqrestore(&timer_lock, flags);
	return was;
}

void timer_tick(void)
{
	unsigned long flags;

	spin_lock_irqsave(&timer_lock, flags);
	while (!list_empty(&timer_list)) {
		struct timer_list *t = list_first_entry(&timer_list, struct timer_list, entry);

		if ((long)(jiffies - t->expires) < 0)
			break;
		list_del(&t->entry);
		t->pending = false;
		/* Run it unlocked: it may add timers or wake threads. */
		spin_unlock_irqrestore(&timer_lock, flags);
		t->function(t);
		spin_lock_irqsave(&timer_lock, flags);
	}
	spin_unlock_irqrestore(&timer_lock, flags);
}

void tick_handler(void)
{
	jiffies++;
	timer_tick();
	scheduler_tick();
}
