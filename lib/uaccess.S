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

	.globl	__copy_from_user
__copy_from_user:
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

	.globl	__copy_to_user
__copy_to_user:
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
