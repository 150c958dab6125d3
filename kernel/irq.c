// SPDX-License-Identifier: MIT
/* The interrupt exception: ask the GIC which line fired and run its handler. */
#include <kernel/irq.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/errno.h>
#include <kernel/spinlock.h>
#include <drivers/gic.h>
#include <asm/ptrace.h>
#include <kernel/syscalls.h>

struct irq_desc {
	irq_handler_t handler;
	void *dev;
	const char *name;
	unsigned long count;
};

static struct irq_desc irq_desc[NR_IRQS];
static DEFINE_SPINLOCK(irq_desc_lock);

int request_irq(unsigned int irq, irq_handler_t handler, const char *name, void *dev)
{
	unsigned long flags;
	int ret = 0;

	if (irq >= NR_IRQS || !handler)
		return -EINVAL;
	spin_lock_irqsave(&irq_desc_lock, flags);
	if (irq_desc[irq].handler) {
		ret = -EBUSY;
	} else {
		irq_desc[irq].handler = handler;
		irq_desc[irq].dev = dev;
		irq_desc[irq].name = name;
		gic_unmask(irq);
	}
	spin_unlock_irqrestore(&irq_desc_lock, flags);
	return ret;
}

void free_irq(unsigned int irq)
{
	unsigned long flags;

	if (irq >= NR_IRQS)
		return;
	spin_lock_irqsave(&irq_desc_lock, flags);
	gic_mask(irq);
	irq_desc[irq].handler = NULL;
	spin_unlock_irqrestore(&irq_desc_lock, flags);
}

unsigned long irq_count(unsigned int irq)
{
	return irq < NR_IRQS ? irq_desc[irq].count : 0;
}

/* Entered from boot/entry.S with interrupts masked. */
void do_irq(struct pt_regs *regs)
{
	for (;;) {
		u32 iar = gic_ack();
		unsigned int irq = iar & 0x3ff;

		if (irq == GIC_SPURIOUS)
			break;
		if (irq < NR_IRQS && irq_desc[irq].handler) {
			irq_desc[irq].count++;
			irq_desc[irq].handler(irq, irq_desc[irq].dev);
		} else {
			pr_err("irq: unexpected interrupt %u, masking it\n", irq);
			gic_mask(irq);
		}
		gic_eoi(iar);
	}
	/* Kernel preemption point: the tick may have used up this thread's time slice. */
	if (user_mode(regs))
		exit_to_user_mode(regs);	/* also handles a reschedule */
	else if (need_resched() && preempt_count() == 0)
		preempt_schedule_irq();
}

void do_fiq(struct pt_regs *regs)
{
	pr_err("unexpected FIQ\n");
}
