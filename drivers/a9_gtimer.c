// SPDX-License-Identifier: MIT
/*
 * Cortex-A9 global timer (Cortex-A9 MPCore TRM, section 4.4): a 64-bit up-counter clocked by
 * PERIPHCLK, read as two 32-bit halves. QEMU runs it at 100 MHz (10 ns per count); under
 * `-icount shift=0` one nanosecond is one guest instruction.
 */
#include <drivers/timer.h>
#include <asm/io.h>

#define GT_COUNTER_LO	0x00
#define GT_COUNTER_HI	0x04
#define GT_CONTROL	0x08	/* bit 0: enable; bits [15:8]: prescaler - 1 */

static void *gtimer;
static u32 gtimer_rate;

void a9_gtimer_init(void *base, u32 rate_hz)
{
	gtimer = base;
	gtimer_rate = rate_hz;
	writel(1, gtimer + GT_CONTROL);
}

u64 a9_gtimer_read(void)
{
	u32 hi, lo, hi2;

	/* The low half may wrap between the two reads: retry until the high half is stable. */
	hi = readl_relaxed(gtimer + GT_COUNTER_HI);
	for (;;) {
		lo = readl_relaxed(gtimer + GT_COUNTER_LO);
		hi2 = readl_relaxed(gtimer + GT_COUNTER_HI);
		if (hi == hi2)
			return ((u64)hi << 32) | lo;
		hi = hi2;
	}
}

u32 a9_gtimer_rate(void)
{
	return gtimer_rate;
}
