/*
 * Copying to and from user memory. Every instruction that touches a user address is listed
 * in the __ex_table section with a fix-up address: if it faults and the fault cannot be
 * resolved (no VMA, no permission), do_page_fault resumes at the fix-up instead of
 * panicking, and the function returns how many bytes it could not copy (see
 * include/kernel/uaccess.h and mm/extable.c).
 *
 * unsigned long __copy_from_user(void *to, const void __user *from, unsigned long n)
 * unsigned long __copy_to_user(void __user *to, const void *from, unsigned long n)
 * unsigned long __clear_user(void __user *to, unsigned long n)
 * long __strncpy_from_user(char *dst, const char __user *src, long n)
 *	returns the length copied (without the NUL), n if no NUL was found, -EFAULT on a fault
 */
	.syntax unified
	.arm
	.text

	/* A user access: the instruction and where to go if it faults. */
	.macro	USER, fixup, insn:vararg
9999:	\insn
	.pushsection __ex_table, "a"
	.align	2
	.word	9999b, \fixup
	.popsection
	.endm

/*
 * Both copies start with a fast path for 32-byte blocks when both pointers are word aligned:
 * ldm/stm move eight registers per instruction (a 4 KiB page in about 300 instructions
 * instead of 3,000). If the user side faults inside a block, the fix-up reports the whole
 * block as not copied: callers only learn "at least this much failed", as Linux allows.
 */
	.macro	fast_blocks, user_load, fixup
	orr	ip, r0, r1
	tst	ip, #3
	bne	8f
	cmp	r2, #32
	blo	8f
	push	{r4-r10}
7:
	.if	\user_load
	USER	\fixup, ldmia r1!, {r3-r10}
	stmia	r0!, {r3-r10}
	.else
	ldmia	r1!, {r3-r10}
	USER	\fixup, stmia r0!, {r3-r10}
	.endif
	sub	r2, r2, #32
	cmp	r2, #32
	bhs	7b
	pop	{r4-r10}
8:
	.endm

	.globl	__copy_from_user
__copy_from_user:
	fast_blocks 1, 5f
1:	cmp	r2, #0
	beq	3f
	orr	ip, r0, r1
	tst	ip, #3			@ both word aligned and a word left: copy a word
	bne	2f
	cmp	r2, #4
	blo	2f
	USER	4f, ldr	ip, [r1]
	str	ip, [r0], #4
	add	r1, r1, #4
	sub	r2, r2, #4
	b	1b
2:	USER	4f, ldrb ip, [r1]
	strb	ip, [r0], #1
	add	r1, r1, #1
	sub	r2, r2, #1
	b	1b
3:
4:	mov	r0, r2			@ bytes not copied
	bx	lr
5:	pop	{r4-r10}		@ a fault inside a block
	mov	r0, r2
	bx	lr

	.globl	__copy_to_user
__copy_to_user:
	fast_blocks 0, 5f
1:	cmp	r2, #0
	beq	3f
	orr	ip, r0, r1
	tst	ip, #3
	bne	2f
	cmp	r2, #4
	blo	2f
	ldr	ip, [r1], #4
	USER	4f, str	ip, [r0]
	add	r0, r0, #4
	sub	r2, r2, #4
	b	1b
2:	ldrb	ip, [r1], #1
	USER	4f, strb ip, [r0]
	add	r0, r0, #1
	sub	r2, r2, #1
	b	1b
3:
4:	mov	r0, r2
	bx	lr
5:	pop	{r4-r10}
	mov	r0, r2
	bx	lr

	.globl	__clear_user
__clear_user:
	mov	ip, #0
1:	cmp	r1, #0
	beq	2f
	USER	2f, strb ip, [r0]
	add	r0, r0, #1
	sub	r1, r1, #1
	b	1b
2:	mov	r0, r1
	bx	lr

	.globl	__strncpy_from_user
__strncpy_from_user:
	mov	r3, #0			@ bytes copied
1:	cmp	r3, r2
	beq	2f
	USER	3f, ldrb ip, [r1, r3]
	strb	ip, [r0, r3]
	cmp	ip, #0
	beq	2f
	add	r3, r3, #1
	b	1b
2:	mov	r0, r3
	bx	lr
3:	mvn	r0, #13			@ -EFAULT (14)
	bx	lr
