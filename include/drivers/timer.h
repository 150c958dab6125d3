/* SPDX-License-Identifier: MIT */
#ifndef DRIVERS_TIMER_H
#define DRIVERS_TIMER_H

#include <types.h>

/* SP804 timer 0 as the periodic tick: calls tick_handler() HZ times a second. */
void sp804_tick_init(void *base, unsigned int irq, u32 clock_hz, unsigned int hz);

/* Cortex-A9 global timer: a 64-bit counter shared by all CPUs, the monotonic clock. */
void a9_gtimer_init(void *base, u32 rate_hz);
u64 a9_gtimer_read(void);
u32 a9_gtimer_rate(void);

/* Called from the tick interrupt (kernel/time.c). */
void tick_handler(void);

#endif
