/* SPDX-License-Identifier: MIT */
/*
 * Interrupt handlers. Numbers are GIC interrupt IDs: 0-15 software-generated, 16-31 private
 * to a CPU (29 = A9 private timer), 32 and up shared peripherals (vexpress: UART0 = 37,
 * SP804 = 34/35, virtio-mmio = 72-75).
 */
#ifndef KERNEL_IRQ_H
#define KERNEL_IRQ_H

#include <types.h>

#define NR_IRQS 96

typedef void (*irq_handler_t)(unsigned int irq, void *dev);

/* Installs handler for irq and unmasks it at the GIC. -EBUSY if taken, -EINVAL if out of
 * range. Handlers run with interrupts masked and must not sleep. */
int request_irq(unsigned int irq, irq_handler_t handler, const char *name, void *dev);
void free_irq(unsigned int irq);

/* Interrupts taken per line (for /proc/interrupts later). */
unsigned long irq_count(unsigned int irq);

#endif
