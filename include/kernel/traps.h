/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_TRAPS_H
#define KERNEL_TRAPS_H

#include <asm/ptrace.h>

/* The C side of each exception vector (boot/entry.S). */
void do_undefinstr(struct pt_regs *regs);
void do_svc(struct pt_regs *regs);
void do_prefetch_abort(struct pt_regs *regs);
void do_data_abort(struct pt_regs *regs);
void do_irq(struct pt_regs *regs);
void do_fiq(struct pt_regs *regs);

#endif
