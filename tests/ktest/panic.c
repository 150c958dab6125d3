// SPDX-License-Identifier: MIT
/*
 * Kernel faults on purpose, to check the panic report (tests/qemu/panic_report.sh reads
 * it). Each runs only when named on the command line (KTEST_NAMED).
 */
#include <kernel/ktest.h>

/* noinline and a distinct name each, so the backtrace has something to show. */
static __attribute__((noinline)) void write_to_null(void)
{
	volatile u32 *p = NULL;

	/* Hide the constant from the optimiser, which may drop a store it can prove is UB. */
	__asm__("" : "+r"(p));
	*p = 0x12345678;
}

KTEST_NAMED(panic_null_write)
{
	write_to_null();
}

static __attribute__((noinline)) void write_to_text(void)
{
	extern char _text[];

	*(volatile u32 *)(_text + 0x100) = 0;
}

KTEST_NAMED(panic_text_write)
{
	write_to_text();
}

KTEST_NAMED(panic_undefined_instruction)
{
	__asm__ volatile(".word 0xe7f000f0");	/* permanently undefined (UDF) */
}
