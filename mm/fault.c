// SPDX-License-Identifier: MIT
/*
 * do_page_fault: where every data and prefetch abort arrives, with the faulting address
 * (DFAR/IFAR) and the decoded reason (DFSR/IFSR, see include/mm/fsr.h).
 *
 * A fault in kernel mode on a kernel address is a bug: report it and stop.
 */
#include <mm/fault.h>
#include <mm/fsr.h>
#include <mm/page.h>
#include <kernel/panic.h>

static void __noreturn __do_kernel_fault(unsigned long addr, u32 fsr, struct pt_regs *regs)
{
	if (fsr & FSR_LNX_PF)
		die("Unable to handle kernel instruction fetch", regs, fsr, addr);
	if (addr < PAGE_SIZE)
		die("Unable to handle kernel NULL pointer dereference", regs, fsr, addr);
	die("Unable to handle kernel paging request", regs, fsr, addr);
}

void do_page_fault(unsigned long addr, u32 fsr, struct pt_regs *regs)
{
	__do_kernel_fault(addr, fsr, regs);
}
