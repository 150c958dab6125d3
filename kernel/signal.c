// SPDX-License-Identifier: MIT
/*
 * Signal delivery (include/kernel/signal.h). The frame pushed on the user stack is Linux
 * ARM's struct rt_sigframe, so that handlers compiled for Linux read siginfo and ucontext at
 * the same offsets:
 *
 *   sp ->  struct siginfo   (128 bytes)   si_signo, si_errno, si_code, si_addr | si_pid ...
 *          struct ucontext                uc_flags, uc_link, uc_stack,
 *                                         uc_mcontext (trap_no, error_code, oldmask,
 *                                           r0-r10, fp, ip, sp, lr, pc, cpsr, fault_address),
 *                                         uc_sigmask, padding, uc_regspace (VFP: unused)
 *
 * The handler runs with r0 = signal, r1 = &info, r2 = &uc, lr = sa_restorer. The C library
 * always supplies a restorer (SA_RESTORER) that calls rt_sigreturn.
 *
 * With SA_ONSTACK and a sigaltstack set, the frame goes at the top of the alternate stack
 * instead (unless the process is already running on it): that is how a handler can run
 * after the normal stack overflowed into its limit, where no frame would fit.
 */
#include <kernel/signal.h>
#include <kernel/sched.h>
#include <kernel/exit.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/uaccess.h>
#include <kernel/syscalls.h>
#include <mm/slab.h>
#include <asm/ptrace.h>
#include <lib/string.h>

struct sigcontext {
	u32 trap_no, error_code, oldmask;
	u32 arm_r[11];			/* r0 - r10 */
	u32 arm_fp, arm_ip, arm_sp, arm_lr, arm_pc, arm_cpsr;
	u32 fault_address;
};

struct ucontext {
	u32 uc_flags;
	u32 uc_link;
	u32 ss_sp, ss_flags, ss_size;
	struct sigcontext uc_mcontext;
	u32 uc_sigmask[2];
	u32 pad[30];			
	u64 uc_regspace[64];
};

struct siginfo {
	s32 si_signo, si_errno, si_code;
	u32 si_fields[29];		/* si_addr or (si_pid, si_uid) first */
};

struct rt_sigframe {
	struct siginfo info;
	struct ucontext uc;
};

_Static_assert(sizeof(struct siginfo) == 128, "siginfo is 128 bytes");
_Static_assert(__builtin_offsetof(struct ucontext, uc_mcontext) == 20, "uc_mcontext at 20");
_Static_assert(__builtin_offsetof(struct ucontext, uc_sigmask) == 104, "uc_sigmask at 104");
_Static_assert(__builtin_offsetof(struct ucontext, uc_regspace) == 232, "uc_regspace at 232");

/*
 * A user sigset_t has signal n in bit n - 1 (Linux's layout); inside the kernel signal n is
 * bit n of an unsigned long. These convert the first word (signals 1-32).
 */
static unsigned long set_from_user(u32 word)
{
	return ((unsigned long)word << 1) & ~((1UL << SIGKILL) | (1UL << SIGSTOP) | 1UL);
}

static u32 set_to_user(unsigned long set)
{
	return (u32)(set >> 1);
}

int send_sig_from(int sig, struct task_struct *p, int sender)
{
	if (sig < 1 || sig >= NSIG)
		return -EINVAL;
	p->sig_sender[sig] = sender;
	__atomic_or_fetch(&p->sigpending, 1UL << sig, __ATOMIC_SEQ_CST);
	wake_up_process(p);
	return 0;
}

int send_sig(int sig, struct task_struct *p)
{
	return send_sig_from(sig, p, 0);
}

static struct k_sigaction *action(struct task_struct *p, int sig)
{
	return p->sighand ? &p->sighand[sig] : NULL;
}

void force_sig_fault(int sig, int code, unsigned long addr)
{
	struct k_sigaction *ka = action(current, sig);

	/* A program cannot ignore or block its own faults: it would fault forever. */
	if ((current->blocked & (1UL << sig)) || (ka && ka->handler == SIG_IGN)) {
		current->blocked &= ~(1UL << sig);
		if (ka)
			ka->handler = SIG_DFL;
	}
	current->fault_addr = addr;
	current->fault_code = code;
	current->fault_sig = sig;
	send_sig(sig, current);
}

static bool default_is_ignore(int sig)
{
	return sig == SIGCHLD || sig == SIGCONT || sig == SIGURG || sig == SIGWINCH;
}

static void fill_siginfo(struct siginfo *si, int sig)
{
	memset(si, 0, sizeof(*si));
	si->si_signo = sig;
	if (sig == current->fault_sig) {
		si->si_code = current->fault_code;
		si->si_fields[0] = (u32)current->fault_addr;
		current->fault_sig = 0;
	} else {
		si->si_code = SI_USER;
		si->si_fields[0] = (u32)current->sig_sender[sig];	/* si_pid; si_uid 0 */
	}
}

/* ---- the alternate signal stack ---- */

/* Is sp on the alternate stack? (It grows down: its top, sp + size, is still on it.) */
static bool on_sig_stack(unsigned long sp)
{
	return current->sas_ss_size && sp > current->sas_ss_sp &&
	       sp - current->sas_ss_sp <= current->sas_ss_size;
}

static u32 sas_ss_flags(unsigned long sp)
{
	if (!current->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

/* Where the frame goes: below sp, or at the top of the alternate stack. */
static unsigned long sigsp(unsigned long sp, const struct k_sigaction *ka)
{
	if ((ka->flags & SA_ONSTACK) && current->sas_ss_size && !on_sig_stack(sp))
		return current->sas_ss_sp + current->sas_ss_size;
	return sp;
}

/* sigaltstack(2)'s work, for the syscall and for rt_sigreturn (sp: the caller's stack). */
static int do_sigaltstack(u32 ss_sp, u32 ss_flags, u32 ss_size, unsigned long sp)
{
	if (on_sig_stack(sp))
		return -EPERM;		/* cannot move the stack the handler is running on */
	if (ss_flags == SS_DISABLE) {
		ss_sp = 0;
		ss_size = 0;
	} else if (ss_flags != 0 && ss_flags != SS_ONSTACK) {
		return -EINVAL;		/* SS_AUTODISARM is not supported */
	} else if (ss_size < MINSIGSTKSZ) {
		return -ENOMEM;
	}
	current->sas_ss_sp = ss_sp;
	current->sas_ss_size = ss_size;
	return 0;
}

struct user_stack_t {
	u32 ss_sp, ss_flags, ss_size;
};

long sys_sigaltstack(const struct user_stack_t __user *uss, struct user_stack_t __user *uoss)
{
	unsigned long sp = current_pt_regs()->sp;
	struct user_stack_t old = { current->sas_ss_sp, sas_ss_flags(sp), current->sas_ss_size };
	struct user_stack_t ss;
	int err;

	if (uss) {
		if (copy_from_user(&ss, uss, sizeof(ss)))
			return -EFAULT;
		err = do_sigaltstack(ss.ss_sp, ss.ss_flags, ss.ss_size, sp);
		if (err)
			return err;
	}
	if (uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* Pushes the frame and points the registers at the handler; false if the stack is bad. */
static bool setup_rt_frame(int sig, struct k_sigaction *ka, struct pt_regs *regs)
{
	struct rt_sigframe *frame;
	struct rt_sigframe *k = kzalloc(sizeof(*k));
	u32 *r = regs->uregs;
	bool ok;
	int i;

	if (!k)
		return false;
	frame = (struct rt_sigframe *)((sigsp(regs->sp, ka) - sizeof(*frame)) & ~7UL);
	fill_siginfo(&k->info, sig);
	k->uc.ss_sp = current->sas_ss_sp;
	k->uc.ss_flags = sas_ss_flags(regs->sp);
	k->uc.ss_size = current->sas_ss_size;
	for (i = 0; i < 11; i++)
		k->uc.uc_mcontext.arm_r[i] = r[i];
	k->uc.uc_mcontext.arm_fp = r[11];
	k->uc.uc_mcontext.arm_ip = r[12];
	k->uc.uc_mcontext.arm_sp = regs->sp;
	k->uc.uc_mcontext.arm_lr = regs->lr;
	k->uc.uc_mcontext.arm_pc = regs->pc;
	k->uc.uc_mcontext.arm_cpsr = regs->cpsr;
	k->uc.uc_mcontext.trap_no = sig == SIGSEGV || sig == SIGBUS ? 14 : 0;
	k->uc.uc_mcontext.oldmask = set_to_user(current->blocked);
	k->uc.uc_mcontext.fault_address = k->info.si_fields[0];
	k->uc.uc_sigmask[0] = set_to_user(current->restore_blocked ? current->saved_blocked
								       : current->blocked);
	ok = !copy_to_user(frame, k, sizeof(*k));
	kfree(k);
	if (!ok || !(ka->flags & SA_RESTORER))
		return false;

	r[0] = sig;
	r[1] = (u32)&frame->info;
	r[2] = (u32)&frame->uc;
	regs->sp = (u32)frame;
	regs->lr = ka->restorer;
	regs->pc = ka->handler & ~1UL;
	/* The handler's Thumb bit decides the state it starts in; no IT state carried over. */
	regs->cpsr &= ~(PSR_T | 0x0600fc00u);
	if (ka->handler & 1)
		regs->cpsr |= PSR_T;
	return true;
}

static void handle_signal(int sig, struct k_sigaction *ka, struct pt_regs *regs)
{
	if (!setup_rt_frame(sig, ka, regs)) {
		/* Nowhere to put the frame (stack overflow, a bad sp): die cleanly. */
		printk(KERN_INFO "%s[%d]: cannot deliver signal %d (bad stack %08x): killed\n",
		       current->comm, current->pid, sig, regs->sp);
		do_exit(W_SIGNALED(SIGSEGV));
	}
	current->blocked |= set_from_user(ka->mask[0]);
	if (!(ka->flags & SA_NODEFER))
		current->blocked |= 1UL << sig;
	current->blocked &= ~((1UL << SIGKILL) | (1UL << SIGSTOP));
	if (ka->flags & SA_RESETHAND)
		ka->handler = SIG_DFL;
	current->restore_blocked = false;	/* the frame holds the mask to go back to */
}

void do_signal(struct pt_regs *regs)
{
	unsigned long pending = current->sigpending & ~current->blocked;
	int sig;

	for (sig = 1; sig < NSIG; sig++) {
		struct k_sigaction *ka;

		if (!(pending & (1UL << sig)))
			continue;
		__atomic_and_fetch(&current->sigpending, ~(1UL << sig), __ATOMIC_SEQ_CST);
		ka = action(current, sig);
		if (sig != SIGKILL && sig != SIGSTOP && ka && ka->handler == SIG_IGN)
			continue;
		if (sig != SIGKILL && sig != SIGSTOP && ka && ka->handler != SIG_DFL) {
			handle_signal(sig, ka, regs);
			return;	/* one frame at a time; the next on the next return */
		}
		if (default_is_ignore(sig))
			continue;
		do_exit(W_SIGNALED(sig));
	}
	/* sigsuspend without a handler run: its mask ends with the call. */
	if (current->restore_blocked) {
		current->blocked = current->saved_blocked;
		current->restore_blocked = false;
	}
}

/* ---- system calls ------------------------------------------------------------------- */

static int ensure_sighand(void)
{
	if (!current->sighand)
		current->sighand = kzalloc(NSIG * sizeof(struct k_sigaction));
	return current->sighand ? 0 : -ENOMEM;
}

long sys_rt_sigaction(int sig, const struct k_sigaction __user *act,
		      struct k_sigaction __user *oact, size_t sigsetsize)
{
	struct k_sigaction new, old = { 0 };

	if (sigsetsize != 8 || sig < 1 || sig >= NSIG)
		return -EINVAL;
	if (act && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	if (ensure_sighand())
		return -ENOMEM;
	old = current->sighand[sig];
	if (act) {
		if (copy_from_user(&new, act, sizeof(new)))
			return -EFAULT;
		current->sighand[sig] = new;
		/* POSIX: ignoring a pending signal discards it, even while it is blocked. */
		if (new.handler == SIG_IGN || (new.handler == SIG_DFL && default_is_ignore(sig)))
			__atomic_and_fetch(&current->sigpending, ~(1UL << sig), __ATOMIC_SEQ_CST);
	}
	if (oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

long sys_rt_sigprocmask(int how, const u32 __user *set, u32 __user *oset, size_t sigsetsize)
{
	u32 newset[2], old[2] = { set_to_user(current->blocked), 0 };

	if (sigsetsize != 8)
		return -EINVAL;
	if (set) {
		if (copy_from_user(newset, set, sizeof(newset)))
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK:
			current->blocked |= set_from_user(newset[0]);
			break;
		case SIG_UNBLOCK:
			current->blocked &= ~set_from_user(newset[0]);
			break;
		case SIG_SETMASK:
			current->blocked = set_from_user(newset[0]);
			break;
		default:
			return -EINVAL;
		}
		current->blocked &= ~((1UL << SIGKILL) | (1UL << SIGSTOP));
	}
	if (oset && copy_to_user(oset, old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_rt_sigreturn(void)
{
	struct pt_regs *regs = current_pt_regs();
	struct rt_sigframe __user *frame = (struct rt_sigframe __user *)regs->sp;
	struct ucontext *uc = kmalloc(sizeof(*uc));
	struct sigcontext *sc;
	int i;

	if (!uc)
		do_exit(W_SIGNALED(SIGSEGV));
	if (copy_from_user(uc, &frame->uc, sizeof(*uc))) {
		kfree(uc);
		do_exit(W_SIGNALED(SIGSEGV));	/* a frame we cannot read: no way back */
	}
	sc = &uc->uc_mcontext;
	for (i = 0; i < 11; i++)
		regs->uregs[i] = sc->arm_r[i];
	regs->uregs[11] = sc->arm_fp;
	regs->uregs[12] = sc->arm_ip;
	regs->sp = sc->arm_sp;
	regs->lr = sc->arm_lr;
	regs->pc = sc->arm_pc;
	/* Only the condition flags and the Thumb/IT state come from user memory: the mode and
	 * interrupt masks stay those of user mode, whatever the frame says. */
	regs->cpsr = (sc->arm_cpsr & (0xf8000000u | PSR_T | 0x0600fc00u)) | PSR_MODE_USR;
	current->blocked = set_from_user(uc->uc_sigmask[0]);
	/* The handler may have changed uc_stack: as Linux, take it back, errors ignored. */
	do_sigaltstack(uc->ss_sp, uc->ss_flags, uc->ss_size, regs->sp);
	kfree(uc);
	return regs->uregs[0];	/* do_svc stores this in r0: the interrupted r0 survives */
}

int copy_sighand(struct task_struct *child, struct task_struct *parent)
{
	if (!parent->sighand)
		return 0;
	child->sighand = kmalloc(NSIG * sizeof(struct k_sigaction));
	if (!child->sighand)
		return -ENOMEM;
	memcpy(child->sighand, parent->sighand, NSIG * sizeof(struct k_sigaction));
	return 0;
}

void exec_reset_sighand(struct task_struct *p)
{
	int sig;

	p->sas_ss_sp = 0;	/* the new program has no alternate stack */
	p->sas_ss_size = 0;
	if (!p->sighand)
		return;
	for (sig = 1; sig < NSIG; sig++)
		if (p->sighand[sig].handler != SIG_IGN)
			memset(&p->sighand[sig], 0, sizeof(p->sighand[sig]));
}

void free_sighand(struct task_struct *p)
{
	kfree(p->sighand);
	p->sighand = NULL;
}

long sys_rt_sigpending(u32 __user *set, size_t sigsetsize)
{
	u32 k[2] = { set_to_user(current->sigpending & current->blocked), 0 };

	if (sigsetsize != 8)
		return -EINVAL;
	return copy_to_user(set, k, sizeof(k)) ? -EFAULT : 0;
}

/* Sleeps until a signal that is not blocked is pending (send_sig wakes us). The state is
 * set before the test, so a signal that arrives in between is not missed. */
static void sleep_until_signal(void)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (current->sigpending & ~current->blocked)
			break;
		schedule();
	}
	set_current_state(TASK_RUNNING);
}

/* Sleeps with the given mask until a signal is delivered; always -EINTR. The handler runs
 * on the way out (exit_to_user_mode), then the old mask comes back through the frame. */
long sys_rt_sigsuspend(const u32 __user *uset, size_t sigsetsize)
{
	u32 set[2];
	unsigned long saved = current->blocked;

	if (sigsetsize != 8)
		return -EINVAL;
	if (copy_from_user(set, uset, sizeof(set)))
		return -EFAULT;
	current->blocked = set_from_user(set[0]);
	sleep_until_signal();
	current->saved_blocked = saved;
	current->restore_blocked = true;
	return -EINTR;
}

long sys_pause(void)
{
	sleep_until_signal();
	return -EINTR;
}
