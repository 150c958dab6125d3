/* SPDX-License-Identifier: MIT */
#ifndef DRIVERS_GIC_H
#define DRIVERS_GIC_H

#include <types.h>

#define GIC_SPURIOUS 1023

void gic_init(void *dist_base, void *cpu_base);
void gic_unmask(unsigned int irq);
void gic_mask(unsigned int irq);
u32 gic_ack(void);		/* GICC_IAR: the interrupt ID being taken (1023 = spurious) */
void gic_eoi(u32 iar);
unsigned int gic_nr_irqs(void);

#endif
