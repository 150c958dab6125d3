/*
 * Exception vectors and the code that saves and restores a full register frame.
 *
 * Every exception, whatever mode the CPU enters (UND, SVC, ABT, IRQ, FIQ), is handled in SVC
 * mode on the current thread's kernel stack:
 *
 *   srsdb sp!, #SVC   pushes the return address and the interrupted CPSR onto the SVC stack
 *   cps #SVC          switches to SVC mode (IRQs stay masked)
 *   stm               saves r0-r12 and the interrupted mode's sp and lr
 *
 * giving the struct pt_regs described in include/asm/ptrace.h. The C handler gets a pointer
 * to it, and the exit path restores everything with `rfe`.
 *
 * The return address the CPU leaves in lr depends on the exception (ARM ARM B1.8.3,
 * table B1-7), so each entry subtracts its own correction first:
 *   IRQ/FIQ: lr - 4 (next instruction)     prefetch abort: lr - 4 (faulting instruction)
 *   data abort: lr - 8 (faulting one)      SVC and undefined: lr (the next instruction)
 */
	.syntax unified
#include <asm/ptrace.h>
#include <asm/irqflags.h>

	.macro	exception_entry, correction
	.if	\correction
	sub	lr, lr, #\correction
	.endif
	srsdb	sp!, #PSR_MODE_SVC
	cps	#PSR_MODE_SVC
	sub	sp, sp, #(S_FRAME_SIZE - 8)
	stmia	sp, {r0-r12}
	ldr	r0, [sp, #S_PSR]
	and	r0, r0, #PSR_MODE_MASK
	cmp	r0, #PSR_MODE_USR
	add	r1, sp, #S_SP
	stmiaeq	r1, {sp, lr}^			@ from user: the user's banked sp and lr
	addne	r2, sp, #S_FRAME_SIZE		@ from the kernel: sp before the exception
	stmiane	r1, {r2, lr}
	.endm

	/* Call a C handler with the frame as its argument, on an 8-byte aligned stack as
	 * the procedure call standard requires (the frame itself may be only 4-aligned). */
	.macro	call_handler, handler
	mov	r0, sp
	mov	r5, sp
	bic	sp, sp, #7
	mov	fp, #0				@ backtraces of the handler stop at the frame
	bl	\handler
	mov	sp, r5
	b	ret_from_exception
	.endm

	.text
	.align	5
	.globl	vectors
vectors:
	b	vector_reset
	b	vector_und
	b	vector_svc
	b	vector_pabt
	b	vector_dabt
	b	vector_reset			@ unused vector
	b	vector_irq
	b	vector_fiq

vector_reset:
	b	vector_reset

vector_und:
	exception_entry 0
	call_handler do_undefinstr

vector_svc:
	exception_entry 0
	ldr	r1, [sp, #S_R0]
	str	r1, [sp, #S_ORIG_R0]
	call_handler do_svc

vector_pabt:
	exception_entry 4
	call_handler do_prefetch_abort

vector_dabt:
	exception_entry 8
	call_handler do_data_abort

vector_irq:
	exception_entry 4
	call_handler do_irq

vector_fiq:
	exception_entry 4
	call_handler do_fiq

/*
 * Restore the frame at sp and return to the interrupted code. Used by every exception and
 * by a new user process's first return to user space.
 */
	.globl	ret_from_exception
ret_from_exception:
	clrex				@ no exclusive reservation survives an exception (A3.4.4)
	ldr	r0, [sp, #S_PSR]
	and	r0, r0, #PSR_MODE_MASK
	cmp	r0, #PSR_MODE_USR
	add	r1, sp, #S_SP
	ldmiaeq	r1, {sp, lr}^			@ back to user: restore its banked sp and lr
	nop					@ no banked register access right after ldm ^
	ldrne	lr, [r1, #(S_LR - S_SP)]	@ back to the kernel: its lr (sp unwinds below)
	ldmia	sp, {r0-r12}
	add	sp, sp, #(S_FRAME_SIZE - 8)
	rfeia	sp!				@ pc and cpsr from the frame

/*
 * struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next)
 *
 * Saves the callee-saved registers, sp and lr of prev in prev->cpu_context (the first member
 * of struct task_struct), makes next current (TPIDRPRW) and resumes next where it called
 * __switch_to (or at ret_from_fork). Returns prev, in the context of next.
 */
	.globl	__switch_to
__switch_to:
	stmia	r0, {r4-r11, sp, lr}
	mcr	p15, 0, r1, c13, c0, 4		@ TPIDRPRW = next: `current`
	ldmia	r1, {r4-r11, sp, lr}
	bx	lr

/*
 * First instructions of a new kernel thread: finish the switch (schedule_tail drops the
 * run-queue lock and enables interrupts), then call fn(arg) = r4(r5), then exit.
 */
	.globl	ret_from_fork
ret_from_fork:
	bl	schedule_tail
	mov	fp, #0
	cmp	r4, #0			@ no function: a forked process, back to user mode
	beq	ret_to_user
	mov	r0, r5
	blx	r4
	bl	kthread_exit
	b	.

/*
 * void start_user(struct pt_regs *regs): leave the kernel for user mode with regs, the frame
 * at the top of this thread's stack (after exec). Also the way out of a fork's child.
 */
	.globl	start_user
start_user:
	mov	sp, r0
ret_to_user:
	mov	r0, sp
	bl	exit_to_user_mode
	b	ret_from_exception
