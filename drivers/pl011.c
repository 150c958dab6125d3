// SPDX-License-Identifier: MIT
/*
 * ARM PL011 UART (PrimeCell UART PL011 TRM, section 3.2 register summary), the console.
 * Output is polled: a character at a time into the TX FIFO, which also works inside panic
 * with interrupts masked. Input is interrupt-driven: the receive interrupt moves characters
 * from the RX FIFO into a ring buffer and wakes readers.
 */
#include <drivers/console.h>
#include <kernel/irq.h>
#include <kernel/wait.h>
#include <asm/io.h>

#define UART_DR		0x00	/* data */
#define UART_FR		0x18	/* flags */
#define UART_IBRD	0x24
#define UART_FBRD	0x28
#define UART_LCRH	0x2c
#define UART_CR		0x30
#define UART_IMSC	0x38	/* interrupt mask set/clear */
#define UART_MIS	0x40
#define UART_ICR	0x44

#define FR_RXFE		(1u << 4)	/* receive FIFO empty */
#define FR_TXFF		(1u << 5)	/* transmit FIFO full */
#define CR_UARTEN	(1u << 0)
#define CR_TXE		(1u << 8)
#define CR_RXE		(1u << 9)
#define LCRH_FEN	(1u << 4)	/* FIFOs on */
#define LCRH_WLEN8	(3u << 5)
#define INT_RX		(1u << 4)
#define INT_RT		(1u << 6)	/* receive timeout: FIFO not empty and idle */

#define RX_BUF_SIZE	256

static void *uart;
static char rx_buf[RX_BUF_SIZE];
static unsigned int rx_head, rx_tail;	/* head: next write (irq), tail: next read */
static DEFINE_SPINLOCK(rx_lock);
static DECLARE_WAIT_QUEUE_HEAD(rx_wait);

void pl011_init(void *base)
{
	uart = base;
	/* Keep the boot loader's baud rate (QEMU ignores it); 8N1 with FIFOs. */
	writel(0, uart + UART_CR);
	writel(LCRH_WLEN8 | LCRH_FEN, uart + UART_LCRH);
	writel(0, uart + UART_IMSC);
	writel(0x7ff, uart + UART_ICR);
	writel(CR_UARTEN | CR_TXE | CR_RXE, uart + UART_CR);
}

static void pl011_putc(char c)
{
	while (readl_relaxed(uart + UART_FR) & FR_TXFF)
		;
	writel_relaxed((u8)c, uart + UART_DR);
}

void pl011_write(const char *s, size_t len)
{
	if (!uart)
		return;
	while (len--) {
		if (*s == '\n')
			pl011_putc('\r');
		pl011_putc(*s++);
	}
}

static void pl011_irq(unsigned int irq, void *dev)
{
	unsigned long flags;
	bool got = false;

	spin_lock_irqsave(&rx_lock, flags);
	while (!(readl_relaxed(uart + UART_FR) & FR_RXFE)) {
		char c = (char)readl_relaxed(uart + UART_DR);
		unsigned int next = (rx_head + 1) % RX_BUF_SIZE;

		if (next != rx_tail) {	/* when full, drop: the reader is too slow */
			rx_buf[rx_head] = c;
			rx_head = next;
		}
		got = true;
	}
	writel(INT_RX | INT_RT, uart + UART_ICR);
	spin_unlock_irqrestore(&rx_lock, flags);
	if (got)
		wake_up(&rx_wait);
}

void pl011_enable_rx_irq(unsigned int irq)
{
	if (request_irq(irq, pl011_irq, "uart-pl011", NULL) == 0)
		writel(INT_RX | INT_RT, uart + UART_IMSC);
}

int console_getc_nonblock(void)
{
	unsigned long flags;
	int c = -1;

	spin_lock_irqsave(&rx_lock, flags);
	if (rx_tail != rx_head) {
		c = (u8)rx_buf[rx_tail];
		rx_tail = (rx_tail + 1) % RX_BUF_SIZE;
	}
	spin_unlock_irqrestore(&rx_lock, flags);
	return c;
}

int console_getc(void)
{
	int c;

	wait_event(rx_wait, (c = console_getc_nonblock()) >= 0);
	return c;
}
