/* SPDX-License-Identifier: MIT */
/*
 * int sigsetjmp(sigjmp_buf env, int savemask)
 *
 * Cannot be a C function that calls setjmp(): setjmp would record the C function's frame,
 * which is gone once it returns. So: save the signal mask into env (sigsetjmp.c), then
 * branch (not call) to newlib's setjmp with our caller's lr still in place, so that setjmp
 * records our caller's registers and a later longjmp returns to our caller.
 */
	.syntax unified
	.thumb
	.text

	.global	sigsetjmp
	.type	sigsetjmp, %function
	.thumb_func
sigsetjmp:
	push	{r0, lr}
	bl	__sigjmp_save		@ (env, savemask)
	pop	{r0, lr}
	b.w	setjmp			@ (env): returns 0 now, and again from siglongjmp
	.size	sigsetjmp, . - sigsetjmp

	.section .note.GNU-stack, "", %progbits
