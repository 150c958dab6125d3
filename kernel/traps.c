// SPDX-License-Identifier: MIT
/* Exceptions other than interrupts: aborts go to the fault handler, the rest are reported. */
#include <kernel/traps.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <mm/fault.h>
#include <mm/fsr.h>
#include <asm/cp15.h>

void do_data_abort(struct pt_regs *regs)
{
	u32 fsr = read_dfsr();
	u32 far = read_dfar();

	do_page_fault(far, fsr, regs);
}

void do_prefetch_abort(struct pt_regs *regs)
{
	u32 ifsr = read_ifsr();
	u32 ifar = read_ifar();

	do_page_fault(ifar, ifsr | FSR_LNX_PF, regs);
}

void do_undefinstr(struct pt_regs *regs)
{
	/* lr pointed after the instruction: 4 bytes back in ARM state, 2 in Thumb. */
	regs->pc -= (regs->cpsr & PSR_T) ? 2 : 4;
	die("Undefined instruction", regs, 0, regs->pc);
}

void do_svc(struct pt_regs *regs)
{
	die("Supervisor call from kernel mode", regs, 0, regs->pc - 4);
}
