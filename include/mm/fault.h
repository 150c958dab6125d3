/* SPDX-License-Identifier: MIT */
#ifndef MM_FAULT_H
#define MM_FAULT_H

#include <types.h>
#include <asm/ptrace.h>

/* Handles an MMU fault at addr with status fsr (FSR_LNX_PF set for instruction fetches). */
void do_page_fault(unsigned long addr, u32 fsr, struct pt_regs *regs);

#endif
