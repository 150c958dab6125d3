// SPDX-License-Identifier: MIT
/*
 * What happens when the kernel cannot go on: a report a student can act on (which address,
 * why the MMU refused it, every register, the chain of calls that led there), then a stop
 * that never leaves a test hanging.
 */
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/kallsyms.h>
#include <kernel/params.h>
#include <kernel/reboot.h>
#include <kernel/sched.h>
#include <mm/fsr.h>
#include <asm/ptrace.h>
#include <asm/irqflags.h>
#include <lib/vsprintf.h>
#include <lib/string.h>

#define PANIC_STATUS 255
#define BACKTRACE_DEPTH 32

static bool panicking;
static bool backtrace_shown;	/* die() already printed the one that matters */

static const char *mode_name(u32 cpsr)
{
	switch (cpsr & PSR_MODE_MASK) {
	case PSR_MODE_USR: return "USER";
	case PSR_MODE_FIQ: return "FIQ";
	case PSR_MODE_IRQ: return "IRQ";
	case PSR_MODE_SVC: return "SVC";
	case PSR_MODE_ABT: return "ABT";
	case PSR_MODE_UND: return "UND";
	case PSR_MODE_SYS: return "SYS";
	default: return "???";
	}
}

static void print_symbol_line(const char *what, unsigned long addr)
{
	char sym[96];

	sprint_symbol(sym, sizeof(sym), addr);
	printk(KERN_EMERG "%s is at %s\n", what, sym);
}

void show_regs(const struct pt_regs *regs)
{
	const u32 *r = regs->uregs;

	print_symbol_line("PC", regs->pc);
	print_symbol_line("LR", regs->lr);
	printk(KERN_EMERG "pc : [<%08x>]    lr : [<%08x>]    psr: %08x\n", regs->pc, regs->lr,
	       regs->cpsr);
	printk(KERN_EMERG "sp : %08x  ip : %08x  fp : %08x\n", regs->sp, r[12], r[11]);
	printk(KERN_EMERG "r10: %08x  r9 : %08x  r8 : %08x\n", r[10], r[9], r[8]);
	printk(KERN_EMERG "r7 : %08x  r6 : %08x  r5 : %08x  r4 : %08x\n", r[7], r[6], r[5], r[4]);
	printk(KERN_EMERG "r3 : %08x  r2 : %08x  r1 : %08x  r0 : %08x\n", r[3], r[2], r[1], r[0]);
	printk(KERN_EMERG "Flags: %c%c%c%c  IRQs %s  FIQs %s  Mode %s  ISA %s\n",
	       regs->cpsr & (1u << 31) ? 'N' : 'n', regs->cpsr & (1u << 30) ? 'Z' : 'z',
	       regs->cpsr & (1u << 29) ? 'C' : 'c', regs->cpsr & (1u << 28) ? 'V' : 'v',
	       regs->cpsr & PSR_I ? "off" : "on", regs->cpsr & PSR_F ? "off" : "on",
	       mode_name(regs->cpsr), regs->cpsr & PSR_T ? "Thumb" : "ARM");
}

/* A frame pointer is followed only while it stays inside the current kernel stack and
 * moves towards its top: a corrupt chain ends the walk instead of faulting again. */
static bool fp_on_stack(unsigned long fp, unsigned long lo, unsigned long hi)
{
	return fp >= lo + 12 && fp + 4 <= hi && IS_ALIGNED(fp, 4);
}

/*
 * Walks APCS frames (-mapcs-frame: every function starts with push {fp, ip, lr, pc} and
 * points fp at the saved pc), so from a frame pointer fp:
 *
 *      fp ->  saved pc     (of the push, unused)
 *   fp - 4    saved lr     the return address into the caller
 *   fp - 8    saved sp     the caller's sp
 *   fp - 12   saved fp     the caller's frame
 */
void dump_backtrace(unsigned long pc, unsigned long fp)
{
	unsigned long lo, hi;
	char sym[96];
	int depth;

	struct task_struct *tsk = current;

	if (tsk->stack) {
		lo = (unsigned long)tsk->stack;
		hi = lo + THREAD_SIZE;
	} else {
		extern char init_thread_union[];

		lo = (unsigned long)init_thread_union;
		hi = lo + THREAD_SIZE;
	}

	printk(KERN_EMERG "Backtrace:\n");
	sprint_symbol(sym, sizeof(sym), pc);
	printk(KERN_EMERG "[<%08lx>] (%s)\n", pc, sym);
	for (depth = 0; depth < BACKTRACE_DEPTH && fp_on_stack(fp, lo, hi); depth++) {
		unsigned long lr = *(unsigned long *)(fp - 4);
		unsigned long next = *(unsigned long *)(fp - 12);

		sprint_symbol(sym, sizeof(sym), lr);
		printk(KERN_EMERG "[<%08lx>] (%s)\n", lr, sym);
		if (next <= fp)
			break;
		fp = next;
	}
}

static void __noreturn panic_stop(void)
{
	char how[16];

	if (cmdline_get("panic", how, sizeof(how)) && !strcmp(how, "poweroff"))
		machine_power_off(PANIC_STATUS);
	printk(KERN_EMERG "---[ end Kernel panic ]---\n");
	machine_halt();
}

void panic(const char *fmt, ...)
{
	static char buf[256];
	unsigned long fp;
	va_list ap;

	local_irq_disable();
	printk_bust_locks();
	if (panicking) {	/* a panic inside the panic: stop at once */
		printk(KERN_EMERG "Kernel panic - not syncing: recursive panic\n");
		machine_halt();
	}
	panicking = true;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);

	if (!backtrace_shown) {
		__asm__ volatile("mov %0, fp" : "=r"(fp));
		dump_backtrace((unsigned long)panic, fp);
	}
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	panic_stop();
}

void die(const char *why, struct pt_regs *regs, u32 fsr, u32 far)
{
	static int die_counter;
	char desc[80];

	local_irq_disable();
	printk_bust_locks();
	printk(KERN_EMERG "%s at virtual address %08x\n", why, far);
	if (fsr)
		printk(KERN_EMERG "fault: %s, FSR 0x%03x\n", fsr_describe(fsr, desc, sizeof(desc)),
		       fsr & ~FSR_LNX_PF);
	printk(KERN_EMERG "Internal error: Oops [#%d]\n", ++die_counter);
	printk(KERN_EMERG "CPU: 0 PID: %d Comm: %s\n", current->pid, current->comm);
	show_regs(regs);
	dump_backtrace(regs->pc, regs->uregs[11]);
	backtrace_shown = true;
	panic("Fatal exception");
}

void __warn(const char *file, int line, const char *cond)
{
	unsigned long fp;

	printk(KERN_WARNING "WARNING: %s:%d: %s\n", file, line, cond);
	__asm__ volatile("mov %0, fp" : "=r"(fp));
	dump_backtrace((unsigned long)__warn, fp);
}
