/*
 * Whole-page clear and copy, the two hottest loops of the fault paths (a first write to
 * anonymous memory clears a page; copy-on-write copies one). ldm/stm move eight registers,
 * 32 bytes, per instruction: about 300 instructions per page instead of the 3,000-5,000 of
 * a word-at-a-time loop.
 *
 * void clear_page(void *page)		void copy_page(void *to, const void *from)
 */
	.syntax unified
	.arm
	.text

	.globl	clear_page
clear_page:
	push	{r4-r9, lr}
	mov	r1, #0
	mov	r2, #0
	mov	r3, #0
	mov	r4, #0
	mov	r5, #0
	mov	r6, #0
	mov	r7, #0
	mov	r8, #0
	mov	r9, #4096 / 128		@ 128 bytes per turn
1:	stmia	r0!, {r1-r8}
	stmia	r0!, {r1-r8}
	stmia	r0!, {r1-r8}
	stmia	r0!, {r1-r8}
	subs	r9, r9, #1
	bne	1b
	pop	{r4-r9, pc}

	.globl	copy_page
copy_page:
	push	{r4-r9, lr}
	mov	ip, #4096 / 64		@ 64 bytes per turn
1:	ldmia	r1!, {r2-r9}
	stmia	r0!, {r2-r9}
	ldmia	r1!, {r2-r9}
	stmia	r0!, {r2-r9}
	subs	ip, ip, #1
	bne	1b
	pop	{r4-r9, pc}
