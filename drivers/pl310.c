// SPDX-License-Identifier: MIT
/*
 * ARM PL310 (L2C-310) level-2 cache controller, the outer cache of Cortex-A9 boards
 * (CoreLink Level 2 Cache Controller L2C-310 TRM, section 3.3 register summary).
 * It caches by physical address and has its own maintenance registers: each operation is a
 * write of a line address, then a Cache Sync to drain its buffers.
 * QEMU models only the registers; the operations matter on a real board.
 */
#include <drivers/pl310.h>
#include <asm/io.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>

#define L2X0_CACHE_ID		0x000
#define L2X0_CTRL		0x100	/* bit 0: L2 enabled */
#define L2X0_AUX_CTRL		0x104	/* bit 16: 16 ways instead of 8 */
#define L2X0_CACHE_SYNC		0x730
#define L2X0_INV_LINE_PA	0x770
#define L2X0_INV_WAY		0x77c
#define L2X0_CLEAN_LINE_PA	0x7b0
#define L2X0_CLEAN_INV_LINE_PA	0x7f0
#define L2X0_LINE_SIZE		32

static void *l2x0_base;
static DEFINE_SPINLOCK(l2x0_lock);	/* one maintenance operation at a time */

void pl310_init(void *base)
{
	u32 ways;

	if ((readl(base + L2X0_CTRL) & 1) == 0) {
		ways = (readl(base + L2X0_AUX_CTRL) & (1 << 16)) ? 0xffff : 0xff;
		/* Contents are undefined at reset: invalidate every way, wait, then enable. */
		writel(ways, base + L2X0_INV_WAY);
		while (readl(base + L2X0_INV_WAY) & ways)
			;
		writel(0, base + L2X0_CACHE_SYNC);
		writel(1, base + L2X0_CTRL);
	}
	l2x0_base = base;
	pr_info("l2x0: PL310 cache id %08x enabled\n", readl(base + L2X0_CACHE_ID));
}

static void l2x0_range_op(u32 reg, phys_addr_t start, phys_addr_t end)
{
	unsigned long flags;
	phys_addr_t pa;

	if (!l2x0_base)
		return;
	spin_lock_irqsave(&l2x0_lock, flags);
	for (pa = start & ~(L2X0_LINE_SIZE - 1); pa < end; pa += L2X0_LINE_SIZE)
		writel_relaxed(pa, l2x0_base + reg);
	writel(0, l2x0_base + L2X0_CACHE_SYNC);
	spin_unlock_irqrestore(&l2x0_lock, flags);
}

void outer_clean_range(phys_addr_t start, phys_addr_t end)
{
	l2x0_range_op(L2X0_CLEAN_LINE_PA, start, end);
}

void outer_inv_range(phys_addr_t start, phys_addr_t end)
{
	l2x0_range_op(L2X0_INV_LINE_PA, start, end);
}

void outer_flush_range(phys_addr_t start, phys_addr_t end)
{
	l2x0_range_op(L2X0_CLEAN_INV_LINE_PA, start, end);
}
