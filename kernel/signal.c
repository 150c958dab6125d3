// SPDX-License-Identifier: MIT
/* Sending signals and their default actions (include/kernel/signal.h). */
#include <kernel/signal.h>
#include <kernel/sched.h>
#include <kernel/exit.h>
#include <kernel/errno.h>
#include <asm/ptrace.h>

int send_sig(int sig, struct task_struct *p)
{
	if (sig < 1 || sig >= NSIG)
		return -EINVAL;
	__atomic_or_fetch(&p->sigpending, 1UL << sig, __ATOMIC_SEQ_CST);
	/* A sleeping process must notice: SIGKILL ends even uninterruptible-looking waits
	 * at their next check, other signals at the next return to user mode. */
	wake_up_process(p);
	return 0;
}

void force_sig_fault(int sig, int code, unsigned long addr)
{
	current->fault_addr = addr;
	current->fault_code = code;
	send_sig(sig, current);
}

static bool sig_ignored_by_default(int sig)
{
	return sig == SIGCHLD || sig == SIGCONT;
}

void do_signal(struct pt_regs *regs)
{
	unsigned long pending = current->sigpending & ~current->blocked;
	int sig;

	for (sig = 1; sig < NSIG; sig++) {
		if (!(pending & (1UL << sig)))
			continue;
		__atomic_and_fetch(&current->sigpending, ~(1UL << sig), __ATOMIC_SEQ_CST);
		if (sig_ignored_by_default(sig))
			continue;
		do_exit(W_SIGNALED(sig));
	}
}
