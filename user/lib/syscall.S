/* SPDX-License-Identifier: MIT */
/*
 * The one place user space enters the kernel.
 *
 * Linux ARM EABI convention: the syscall number in r7, up to six arguments in r0-r5,
 * `svc #0`, the result in r0. A result between -4095 and -1 is -errno; everything else
 * (including addresses above 2 GiB that look negative) is a success.
 *
 * C calls __syscall(nr, a1, a2, a3, a4, a5, a6) with the AAPCS: nr in r0, a1-a3 in r1-r3,
 * a4-a6 on the stack. So the arguments shift down one register, and r4, r5 and r7, which
 * the callee must preserve, are saved first. (An inline asm with r7 as a register
 * variable would save the call, but r7 is the Thumb frame pointer and GCC refuses it
 * at -O0, which is how one builds for gdb.)
 *
 * After `push {r4, r5, r7, lr}` (16 bytes) the caller's stack arguments are at sp+16.
 */
	.syntax unified
	.thumb
	.text

	.global	__syscall
	.type	__syscall, %function
	.thumb_func
__syscall:
	push	{r4, r5, r7, lr}
	mov	r7, r0			@ the number
	mov	r0, r1			@ arguments 1-3
	mov	r1, r2
	mov	r2, r3
	ldr	r3, [sp, #16]		@ arguments 4-6 from the caller's stack
	ldr	r4, [sp, #20]
	ldr	r5, [sp, #24]
	svc	#0
	pop	{r4, r5, r7, pc}
	.size	__syscall, . - __syscall

/*
 * __restore and __restore_rt: where a signal handler returns to.
 *
 * sigaction() stores one of these in sa_restorer and sets SA_RESTORER; the kernel puts it
 * in lr when it enters the handler, so the handler's return lands here, and the sigreturn
 * call restores the registers and signal mask saved in the frame at sp. Nothing may touch
 * sp in between.
 *
 * Linux ARM builds two kinds of frame, and each has its own return call: for a SA_SIGINFO
 * handler an rt frame (siginfo, then the ucontext), undone by rt_sigreturn (173); for a
 * plain handler a frame without the siginfo, undone by sigreturn (119). Returning from one
 * with the other's call reads the registers from the wrong place.
 *
 * ARM state, as in glibc: gdb recognises exactly these instruction pairs
 * (mov r7, #NR; svc 0) as signal trampolines and unwinds through the frame.
 */
	.arm
	.global	__restore
	.type	__restore, %function
__restore:
	mov	r7, #119		@ __NR_sigreturn
	svc	#0
	.size	__restore, . - __restore

	.global	__restore_rt
	.type	__restore_rt, %function
__restore_rt:
	mov	r7, #173		@ __NR_rt_sigreturn
	svc	#0
	.size	__restore_rt, . - __restore_rt

	.section .note.GNU-stack, "", %progbits
