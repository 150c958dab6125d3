/* SPDX-License-Identifier: MIT */
/*
 * The third argument of a SA_SIGINFO handler: the interrupted context, as the Linux ARM
 * kernel lays it out in the signal frame (arch/arm/include/asm/ucontext.h and
 * arch/arm/include/uapi/asm/sigcontext.h).
 *
 * A handler may read uc_mcontext (the registers at the moment of the fault, and the faulting
 * address) and may change it: rt_sigreturn restores the registers from here, so setting
 * uc_mcontext.arm_pc resumes somewhere else.
 *
 *   offset  0  uc_flags          4  uc_link        8  uc_stack (12 bytes)
 *          20  uc_mcontext: trap_no, error_code, oldmask, r0..r10, fp, ip, sp, lr, pc,
 *              cpsr, fault_address (21 words)
 *         104  uc_sigmask (8 bytes, the mask to restore), padded to 128 bytes
 *         232  uc_regspace (coprocessor state, 8-byte aligned)
 */
#ifndef _SYS_UCONTEXT_H
#define _SYS_UCONTEXT_H

#include <signal.h>

struct sigcontext {
	unsigned long trap_no;
	unsigned long error_code; /* the fault status register's value, for faults */
	unsigned long oldmask;
	unsigned long arm_r0;
	unsigned long arm_r1;
	unsigned long arm_r2;
	unsigned long arm_r3;
	unsigned long arm_r4;
	unsigned long arm_r5;
	unsigned long arm_r6;
	unsigned long arm_r7;
	unsigned long arm_r8;
	unsigned long arm_r9;
	unsigned long arm_r10;
	unsigned long arm_fp;
	unsigned long arm_ip;
	unsigned long arm_sp;
	unsigned long arm_lr;
	unsigned long arm_pc;
	unsigned long arm_cpsr;
	unsigned long fault_address;
};

typedef struct sigcontext mcontext_t;

typedef struct ucontext {
	unsigned long uc_flags;
	struct ucontext *uc_link;
	stack_t uc_stack;
	mcontext_t uc_mcontext;
	sigset_t uc_sigmask;
	int __pad[32 - (sizeof(sigset_t) / sizeof(int))];
	unsigned long uc_regspace[128] __attribute__((__aligned__(8)));
} ucontext_t;

#endif /* _SYS_UCONTEXT_H */
