// SPDX-License-Identifier: MIT
/*
 * do_page_fault: where every data and prefetch abort arrives, with the faulting address
 * (DFAR/IFAR) and the decoded reason (DFSR/IFSR, see include/mm/fsr.h).
 *
 *   user address, from user mode or from a kernel copy_{to,from}_user:
 *       find the VMA, check the access against it, handle_mm_fault
 *       failure: a signal for the program (SIGSEGV, SIGBUS), or -EFAULT for the kernel copy
 *   anything else in kernel mode: a bug, reported by die()
 */
#include <mm/fault.h>
#include <mm/fsr.h>
#include <mm/page.h>
#include <mm/memory.h>
#include <mm/mmap.h>
#include <mm/vma.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/uaccess.h>
#include <asm/memory.h>
#include <kernel/timer.h>

/* Boot option trace=faults: one log line per user page fault. */
bool trace_faults;
extern const char *fault_path;

static void __noreturn __do_kernel_fault(unsigned long addr, u32 fsr, struct pt_regs *regs)
{
	if (fsr & FSR_LNX_PF)
		die("Unable to handle kernel instruction fetch", regs, fsr, addr);
	if (addr < PAGE_SIZE)
		die("Unable to handle kernel NULL pointer dereference", regs, fsr, addr);
	die("Unable to handle kernel paging request", regs, fsr, addr);
}

/* Returns 0 when the fault was resolved, else the signal (si_code in *code). */
static int __do_page_fault(struct mm_struct *mm, unsigned long addr, u32 fsr, int *code)
{
	struct vm_area_struct *vma;
	unsigned int flags = 0;
	unsigned long need;
	u64 t0;
	int ret;

	if (fsr_kind(fsr) == FAULT_ALIGNMENT || fsr_kind(fsr) == FAULT_EXTERNAL) {
		*code = BUS_ADRERR;
		return SIGBUS;
	}
	*code = SEGV_MAPERR;
	vma = find_vma(mm, addr);
	if (!vma)
		return SIGSEGV;
	if (vma->vm_start > addr) {
		if (!(vma->vm_flags & VM_GROWSDOWN) || expand_stack(vma, addr))
			return SIGSEGV;
	}
	if (fsr & FSR_LNX_PF) {
		need = VM_EXEC;
		flags |= FAULT_FLAG_EXEC;
	} else if (fsr_is_write(fsr)) {
		need = VM_WRITE;
		flags |= FAULT_FLAG_WRITE;
	} else {
		need = VM_READ | VM_WRITE | VM_EXEC;	/* any access right allows a read */
	}
	*code = SEGV_ACCERR;
	if (!(vma->vm_flags & need))
		return SIGSEGV;
	fault_path = "?";
	t0 = trace_faults ? ktime_get_ns() : 0;
	ret = handle_mm_fault(vma, addr, flags);
	if (trace_faults)
		printk(KERN_INFO "fault: pid %d %08lx %s -> %s%s, %llu ns\n", current->pid, addr,
		       flags & FAULT_FLAG_WRITE ? "write" : flags & FAULT_FLAG_EXEC ? "exec" : "read",
		       fault_path, ret & VM_FAULT_ERROR ? " FAILED" : "", ktime_get_ns() - t0);
	if (ret & VM_FAULT_SIGBUS) {
		*code = BUS_ADRERR;
		return SIGBUS;
	}
	if (ret & VM_FAULT_OOM) {
		*code = 0;
		return SIGKILL;
	}
	return 0;
}

void do_page_fault(unsigned long addr, u32 fsr, struct pt_regs *regs)
{
	struct mm_struct *mm = current->mm;
	int sig = SIGSEGV, code = SEGV_MAPERR;

	if (addr < TASK_SIZE && mm) {
		/* The fault may sleep on I/O: let interrupts in, if the faulting code had them. */
		if (!(regs->cpsr & PSR_I))
			local_irq_enable();
		sig = __do_page_fault(mm, addr, fsr, &code);
		local_irq_disable();
		if (!sig)
			return;
	}
	if (user_mode(regs)) {
		char desc[64];

		printk(KERN_INFO "%s[%d]: %s at %08lx, pc %08x (%s)\n", current->comm, current->pid,
		       sig == SIGBUS ? "bus error" : "segfault", addr, regs->pc,
		       fsr_describe(fsr, desc, sizeof(desc)));
		force_sig_fault(sig, code, addr);
		return;
	}
	/* A kernel access to a user address that cannot be resolved: -EFAULT for the caller. */
	if (addr < TASK_SIZE && fixup_exception(regs))
		return;
	__do_kernel_fault(addr, fsr, regs);
}
