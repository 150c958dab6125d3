// SPDX-License-Identifier: MIT
/* Console input arrives by interrupt (tests/qemu/console.sh types a line into QEMU). */
#include <kernel/ktest.h>
#include <kernel/irq.h>
#include <drivers/console.h>
#include <drivers/board.h>
#include <lib/string.h>

KTEST_NAMED(console_reads_a_typed_line_by_interrupt)
{
	unsigned long irqs_before = irq_count(IRQ_UART0);
	char line[32];
	unsigned int n = 0;
	int c;

	/* console_getc sleeps on a wait queue until the receive interrupt wakes it. */
	while (n < sizeof(line) - 1 && (c = console_getc()) != '\n' && c != '\r')
		line[n++] = (char)c;
	line[n] = '\0';
	KTEST_EXPECT(!strcmp(line, "hello kernel"), "expected the line \"hello kernel\", seen \"%s\"",
		     line);
	KTEST_EXPECT(irq_count(IRQ_UART0) > irqs_before,
		     "expected UART interrupts while reading, seen %lu before and after",
		     irqs_before);
}
