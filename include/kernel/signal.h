/* SPDX-License-Identifier: MIT */
/*
 * Signals (Linux's numbers). For now every signal has its default action: SIGCHLD is
 * ignored, all others terminate the process, and the parent sees it in the wait status.
 * User handlers (sigaction) arrive with the mmap issue.
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
#define NSIG	32

/* si_code values. */
#define SEGV_MAPERR	1	/* no mapping at the address */
#define SEGV_ACCERR	2	/* mapped, but the access is not allowed */
#define BUS_ADRERR	2	/* nonexistent physical address: e.g. a file page past EOF */

struct task_struct;
struct pt_regs;

/* Marks sig pending for p and wakes it; -EINVAL for a bad number. */
int send_sig(int sig, struct task_struct *p);
/* A fault in the current process: the signal, with the address and code it would carry. */
void force_sig_fault(int sig, int code, unsigned long addr);
/* On every return to user mode: act on pending signals (terminate, for now). */
void do_signal(struct pt_regs *regs);


#endif
