/* SPDX-License-Identifier: MIT */
#ifndef DRIVERS_CONSOLE_H
#define DRIVERS_CONSOLE_H

#include <types.h>

/* The serial console (PL011 UART0). */
void pl011_init(void *base);
void pl011_enable_rx_irq(unsigned int irq);
void pl011_write(const char *s, size_t len);	/* polled: safe from any context */
int console_getc(void);				/* sleeps until a character arrives */
int console_getc_nonblock(void);		/* -1 if none is buffered */

#endif
