// SPDX-License-Identifier: MIT
/*
 * ARM SP804 dual timer (ARM Dual-Timer Module SP804 TRM, section 3.2), timer 1 of the pair
 * at 0x10011000: a 32-bit down-counter reloaded from LOAD in periodic mode, raising its
 * interrupt at each wrap.
 */
#include <drivers/timer.h>
#include <kernel/irq.h>
#include <kernel/printk.h>
#include <asm/io.h>

#define TIMER_LOAD	0x00
#define TIMER_VALUE	0x04
#define TIMER_CTRL	0x08
#define TIMER_INTCLR	0x0c

#define CTRL_32BIT	(1u << 1)
#define CTRL_IE		(1u << 5)
#define CTRL_PERIODIC	(1u << 6)
#define CTRL_ENABLE	(1u << 7)

static void *timer;

static void sp804_irq(unsigned int irq, void *dev)
{
	writel(1, timer + TIMER_INTCLR);
	tick_handler();
}

void sp804_tick_init(void *base, unsigned int irq, u32 clock_hz, unsigned int hz)
{
	timer = base;
	writel(0, timer + TIMER_CTRL);
	writel(clock_hz / hz, timer + TIMER_LOAD);
	writel(1, timer + TIMER_INTCLR);
	if (request_irq(irq, sp804_irq, "sp804-tick", NULL))
		pr_err("sp804: interrupt %u is taken: no tick\n", irq);
	writel(CTRL_ENABLE | CTRL_PERIODIC | CTRL_IE | CTRL_32BIT, timer + TIMER_CTRL);
}
