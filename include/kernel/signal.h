/* SPDX-License-Identifier: MIT */
/*
 * Signals, with Linux's numbers, actions and frames (kernel/signal.c). A signal sent to a
 * process is marked pending; on its next return to user mode the kernel either applies the
 * default action (terminate, or ignore for SIGCHLD) or runs the handler installed with
 * rt_sigaction: it pushes a frame (siginfo + ucontext with the interrupted registers) on
 * the user stack and enters the handler; the handler's return goes through sa_restorer to
 * rt_sigreturn, which restores the registers from the frame.
 */
#ifndef KERNEL_SIGNAL_H
#define KERNEL_SIGNAL_H

#include <types.h>

#define SIGHUP	1
#define SIGINT	2
#define SIGQUIT	3
#define SIGILL	4
#define SIGTRAP	5
#define SIGABRT	6
#define SIGBUS	7
#define SIGFPE	8
#define SIGKILL	9
#define SIGUSR1	10
#define SIGSEGV	11
#define SIGUSR2	12
#define SIGPIPE	13
#define SIGALRM	14
#define SIGTERM	15
#define SIGCHLD	17
#define SIGCONT	18
#define SIGSTOP	19
#define SIGTSTP	20
#define SIGURG	23
#define SIGWINCH 28
#define NSIG	32

/* si_code values. */
#define SI_USER		0	/* sent by kill */
#define SEGV_MAPERR	1	/* no mapping at the address */
#define SEGV_ACCERR	2	/* mapped, but the access is not allowed */
#define BUS_ADRERR	2	/* nonexistent physical address: e.g. a file page past EOF */
#define ILL_ILLOPC	1

/* sa_flags (Linux ARM values). */
#define SA_SIGINFO	0x00000004
#define SA_ONSTACK	0x08000000	/* run the handler on the sigaltstack */
#define SA_RESTORER	0x04000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000

/* sigaltstack ss_flags */
#define SS_ONSTACK	1
#define SS_DISABLE	2
#define MINSIGSTKSZ	2048

#define SIG_DFL		0UL
#define SIG_IGN		1UL

/* The kernel's struct sigaction for rt_sigaction on ARM (sa_mask is 64 bits). */
struct k_sigaction {
	unsigned long handler;
	unsigned long flags;
	unsigned long restorer;
	unsigned long mask[2];
};

struct task_struct;
struct pt_regs;

/* Marks sig pending for p and wakes it; -EINVAL for a bad number. */
int send_sig(int sig, struct task_struct *p);
/* The same, from process sender (its pid goes to si_pid). */
int send_sig_from(int sig, struct task_struct *p, int sender);
/* A fault in the current process: the signal, with the address and code it carries. A
 * fault signal that is blocked or ignored is forced back to its default action. */
void force_sig_fault(int sig, int code, unsigned long addr);
/* On every return to user mode: act on pending signals. */
void do_signal(struct pt_regs *regs);
/* fork: the child gets a copy of the actions; exec: handlers reset to the default. */
int copy_sighand(struct task_struct *child, struct task_struct *parent);
void exec_reset_sighand(struct task_struct *p);
void free_sighand(struct task_struct *p);

#endif
