// SPDX-License-Identifier: MIT
/*
 * The Cortex-A9 MPCore interrupt controller: a GIC version 1 (ARM Generic Interrupt
 * Controller Architecture Specification v1.0, chapter 4). The distributor (shared) decides
 * which interrupts are enabled, their priority and target CPUs; each CPU interface hands
 * this CPU the highest-priority pending one: read IAR to take it, write EOIR when done.
 */
#include <drivers/gic.h>
#include <asm/io.h>
#include <kernel/printk.h>

/* Distributor registers (GIC spec 4.1.2). */
#define GICD_CTLR	0x000
#define GICD_TYPER	0x004	/* bits [4:0]: lines = 32 * (N + 1) */
#define GICD_ISENABLER	0x100
#define GICD_ICENABLER	0x180
#define GICD_ICPENDR	0x280
#define GICD_IPRIORITYR	0x400
#define GICD_ITARGETSR	0x800
#define GICD_ICFGR	0xc00

/* CPU interface registers (GIC spec 4.1.3). */
#define GICC_CTLR	0x00
#define GICC_PMR	0x04	/* priority mask: only priorities below it are signalled */
#define GICC_IAR	0x0c
#define GICC_EOIR	0x10

#define GIC_PRIO_DEFAULT 0xa0

static void *gicd, *gicc;
static unsigned int nr_lines;

void gic_init(void *dist_base, void *cpu_base)
{
	unsigned int i;

	gicd = dist_base;
	gicc = cpu_base;
	nr_lines = 32 * ((readl(gicd + GICD_TYPER) & 0x1f) + 1);

	writel(0, gicd + GICD_CTLR);
	/* Shared interrupts: all masked, not pending, default priority, sent to CPU 0,
	 * level-sensitive (the vexpress peripherals hold their line until serviced). */
	for (i = 32; i < nr_lines; i += 32) {
		writel(0xffffffff, gicd + GICD_ICENABLER + i / 8);
		writel(0xffffffff, gicd + GICD_ICPENDR + i / 8);
	}
	for (i = 32; i < nr_lines; i += 4) {
		writel(0x01010101, gicd + GICD_ITARGETSR + i);
		writel(GIC_PRIO_DEFAULT * 0x01010101u, gicd + GICD_IPRIORITYR + i);
	}
	for (i = 32; i < nr_lines; i += 16)
		writel(0, gicd + GICD_ICFGR + i / 4);
	/* This CPU's private interrupts (banked registers). */
	for (i = 0; i < 32; i += 4)
		writel(GIC_PRIO_DEFAULT * 0x01010101u, gicd + GICD_IPRIORITYR + i);
	writel(1, gicd + GICD_CTLR);

	writel(0xf0, gicc + GICC_PMR);
	writel(1, gicc + GICC_CTLR);
	pr_info("GIC: %u interrupt lines\n", nr_lines);
}

void gic_unmask(unsigned int irq)
{
	writel(1u << (irq % 32), gicd + GICD_ISENABLER + 4 * (irq / 32));
}

void gic_mask(unsigned int irq)
{
	writel(1u << (irq % 32), gicd + GICD_ICENABLER + 4 * (irq / 32));
}

u32 gic_ack(void)
{
	return readl(gicc + GICC_IAR);
}

void gic_eoi(u32 iar)
{
	writel(iar, gicc + GICC_EOIR);
}

unsigned int gic_nr_irqs(void)
{
	return nr_lines;
}
