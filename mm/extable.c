// SPDX-License-Identifier: MIT
/* The exception table of lib/uaccess.S: (faulting instruction, fix-up) pairs. */
#include <kernel/uaccess.h>
#include <asm/ptrace.h>

struct exception_table_entry {
	unsigned long insn;
	unsigned long fixup;
};

extern const struct exception_table_entry __ex_table_start[], __ex_table_end[];

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e;

	/* A handful of entries: a linear search is plenty. */
	for (e = __ex_table_start; e < __ex_table_end; e++)
		if (e->insn == regs->pc) {
			regs->pc = e->fixup;
			return true;
		}
	return false;
}
