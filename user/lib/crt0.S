/* SPDX-License-Identifier: MIT */
/*
 * _start: the first instruction of every program (the ELF entry point).
 *
 * execve() leaves sp pointing at the initial stack, laid out as Linux lays it out
 * (fs/binfmt_elf.c, create_elf_tables), lowest address first:
 *
 *	sp ->	argc
 *		argv[0] ... argv[argc - 1], NULL
 *		envp[0] ... envp[n - 1], NULL
 *		auxv: (type, value) pairs ..., (AT_NULL, 0)
 *		... the strings they point to, higher up
 *
 * No register other than sp and pc carries anything (Linux sets r0 to 0 for static
 * programs). _start clears fp and lr so that a debugger's backtrace ends here, aligns sp
 * to the 8 bytes the procedure call standard wants, and hands the stack's address to
 * __libc_start (start.c), which never returns.
 *
 * ARM state, so the entry address is even and the kernel starts the program in ARM state
 * whatever it does with bit 0 of e_entry; `blx` then switches to the Thumb code of
 * everything else.
 */
	.syntax unified
	.arm
	.text

	.global	_start
	.type	_start, %function
_start:
	.fnstart
	.cantunwind
	mov	fp, #0
	mov	lr, #0
	mov	r0, sp			@ r0 = &argc
	bic	sp, sp, #7
	blx	__libc_start
	udf	#0			@ not reached
	.fnend
	.size	_start, . - _start

	.section .note.GNU-stack, "", %progbits
