/* SPDX-License-Identifier: MIT */
/* Masking IRQs on this CPU (CPSR.I, ARM ARM B1.3.3). */
#ifndef ASM_IRQFLAGS_H
#define ASM_IRQFLAGS_H

#define PSR_MODE_MASK	0x1f
#define PSR_MODE_USR	0x10
#define PSR_MODE_FIQ	0x11
#define PSR_MODE_IRQ	0x12
#define PSR_MODE_SVC	0x13
#define PSR_MODE_ABT	0x17
#define PSR_MODE_UND	0x1b
#define PSR_MODE_SYS	0x1f
#define PSR_T		(1 << 5)	/* Thumb state */
#define PSR_F		(1 << 6)	/* FIQ masked */
#define PSR_I		(1 << 7)	/* IRQ masked */
#define PSR_A		(1 << 8)	/* asynchronous abort masked */

#ifndef __ASSEMBLY__
#include <types.h>

static inline unsigned long local_irq_save(void)
{
	unsigned long flags;

	__asm__ volatile("mrs %0, cpsr\n\tcpsid i" : "=r"(flags) : : "memory", "cc");
	return flags;
}

static inline void local_irq_restore(unsigned long flags)
{
	__asm__ volatile("msr cpsr_c, %0" : : "r"(flags) : "memory", "cc");
}

static inline void local_irq_enable(void)
{
	__asm__ volatile("cpsie i" : : : "memory", "cc");
}

static inline void local_irq_disable(void)
{
	__asm__ volatile("cpsid i" : : : "memory", "cc");
}

static inline bool irqs_disabled(void)
{
	unsigned long flags;

	__asm__ volatile("mrs %0, cpsr" : "=r"(flags));
	return flags & PSR_I;
}

static inline void cpu_wfi(void)
{
	__asm__ volatile("dsb\n\twfi" : : : "memory");
}

#endif /* __ASSEMBLY__ */

#endif
