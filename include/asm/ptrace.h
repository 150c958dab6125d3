/* SPDX-License-Identifier: MIT */
/*
 * The register frame every exception saves on the kernel stack (boot/entry.S):
 *
 *   sp ->  r0 r1 ... r12 | sp lr (of the interrupted mode) | orig_r0 | pc cpsr
 *          0            48 52   56                          60        64  68
 *
 * pc and cpsr are pushed first by `srsdb`; orig_r0 keeps a syscall's first argument (r0 is
 * overwritten by its result) and pads the frame to 72 bytes, a multiple of 8.
 */
#ifndef ASM_PTRACE_H
#define ASM_PTRACE_H

#define S_R0		0
#define S_SP		52
#define S_LR		56
#define S_ORIG_R0	60
#define S_PC		64
#define S_PSR		68
#define S_FRAME_SIZE	72

#ifndef __ASSEMBLY__
#include <types.h>
#include <asm/irqflags.h>

struct pt_regs {
	u32 uregs[13];
	u32 sp;
	u32 lr;
	u32 orig_r0;
	u32 pc;
	u32 cpsr;
};

_Static_assert(sizeof(struct pt_regs) == S_FRAME_SIZE, "pt_regs layout");

static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cpsr & PSR_MODE_MASK) == PSR_MODE_USR;
}
#endif

#endif
