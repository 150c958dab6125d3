// SPDX-License-Identifier: MIT
/* Exceptions other than interrupts: aborts go to the fault handler, the rest are reported. */
#include <kernel/traps.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <mm/fault.h>
#include <mm/fsr.h>
#include <asm/cp15.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/syscalls.h>

void do_data_abort(struct pt_regs *regs)
{
	u32 fsr = read_dfsr();
	u32 far = read_dfar();

	do_page_fault(far, fsr, regs);
	if (user_mode(regs))
		exit_to_user_mode(regs);
}

void do_prefetch_abort(struct pt_regs *regs)
{
	u32 ifsr = read_ifsr();
	u32 ifar = read_ifar();

	do_page_fault(ifar, ifsr | FSR_LNX_PF, regs);
	if (user_mode(regs))
		exit_to_user_mode(regs);
}

void do_undefinstr(struct pt_regs *regs)
{
	/* lr pointed after the instruction: 4 bytes back in ARM state, 2 in Thumb. */
	regs->pc -= (regs->cpsr & PSR_T) ? 2 : 4;
	if (user_mode(regs)) {
		printk(KERN_INFO "%s[%d]: undefined instruction at %08x\n", current->comm,
		       current->pid, regs->pc);
		force_sig_fault(SIGILL, 1 /* ILL_ILLOPC */, regs->pc);
		exit_to_user_mode(regs);
		return;
	}
	die("Undefined instruction", regs, 0, regs->pc);
}
