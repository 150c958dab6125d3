/* SPDX-License-Identifier: MIT */
/*
 * <signal.h> with Linux's signal numbers and the Linux ARM kernel's structures.
 *
 * It replaces newlib's <signal.h> and <sys/signal.h>. newlib numbers signals its own way
 * (SIGBUS 10, SIGUSR1 30, SIGCHLD 20) and its signal()/raise() keep a table in user space
 * that the kernel never sees. Here every number is the kernel's, struct sigaction is
 * byte for byte what rt_sigaction(2) reads on ARM, and siginfo_t is what the kernel writes
 * into a signal frame, so user/lib/signal.c passes them through untouched.
 */
#ifndef _SIGNAL_H_
#define _SIGNAL_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/_sigset.h>

#ifdef __cplusplus
extern "C" {
#endif

#if !defined(_SIGSET_T_DECLARED)
#define _SIGSET_T_DECLARED
typedef __sigset_t sigset_t;
#endif

typedef int sig_atomic_t;
typedef void (*sighandler_t)(int);
typedef sighandler_t sig_t;
typedef sighandler_t _sig_func_ptr; /* newlib's name for it */

#define SIG_DFL ((sighandler_t)0)  /* the default action */
#define SIG_IGN ((sighandler_t)1)  /* ignore the signal */
#define SIG_ERR ((sighandler_t)-1) /* signal()'s error return */

/* Signal numbers: Linux arch/arm/include/uapi/asm/signal.h (the same as x86's). */
#define SIGHUP	  1
#define SIGINT	  2
#define SIGQUIT	  3
#define SIGILL	  4
#define SIGTRAP	  5
#define SIGABRT	  6
#define SIGIOT	  6
#define SIGBUS	  7
#define SIGFPE	  8
#define SIGKILL	  9
#define SIGUSR1	  10
#define SIGSEGV	  11
#define SIGUSR2	  12
#define SIGPIPE	  13
#define SIGALRM	  14
#define SIGTERM	  15
#define SIGSTKFLT 16
#define SIGCHLD	  17
#define SIGCONT	  18
#define SIGSTOP	  19
#define SIGTSTP	  20
#define SIGTTIN	  21
#define SIGTTOU	  22
#define SIGURG	  23
#define SIGXCPU	  24
#define SIGXFSZ	  25
#define SIGVTALRM 26
#define SIGPROF	  27
#define SIGWINCH  28
#define SIGIO	  29
#define SIGPOLL	  SIGIO
#define SIGPWR	  30
#define SIGSYS	  31
#define SIGUNUSED 31

/* The kernel's sets hold 64 signals; as in glibc, NSIG is one more than the largest. */
#define NSIG 65

/* sa_flags (arch/arm/include/uapi/asm/signal.h) */
#define SA_NOCLDSTOP 0x00000001u /* no SIGCHLD when a child stops */
#define SA_NOCLDWAIT 0x00000002u /* children do not become zombies */
#define SA_SIGINFO   0x00000004u /* handler is sa_sigaction(sig, info, ucontext) */
#define SA_THIRTYTWO 0x02000000u /* ARM: deliver in 32-bit mode (always so here) */
#define SA_RESTORER  0x04000000u /* sa_restorer holds the return trampoline */
#define SA_ONSTACK   0x08000000u /* run the handler on the sigaltstack */
#define SA_RESTART   0x10000000u /* restart interrupted syscalls */
#define SA_NODEFER   0x40000000u /* do not block the signal inside its handler */
#define SA_RESETHAND 0x80000000u /* back to SIG_DFL once delivered */
#define SA_NOMASK    SA_NODEFER
#define SA_ONESHOT   SA_RESETHAND

/* sigprocmask() how */
#define SIG_BLOCK   0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

/* sigaltstack() */
#define SS_ONSTACK  1
#define SS_DISABLE  2
#define MINSIGSTKSZ 2048
#define SIGSTKSZ    8192

union sigval {
	int sival_int;
	void *sival_ptr;
};

/*
 * What the kernel tells a SA_SIGINFO handler, at Linux's offsets (include/uapi/asm-generic/
 * siginfo.h, 32-bit): si_signo 0, si_errno 4, si_code 8, then a union at 12 whose member
 * depends on the signal: si_addr for SIGSEGV/SIGBUS/SIGILL/SIGFPE, si_pid and si_uid for
 * kill() and SIGCHLD (plus si_status at 20). 128 bytes in all.
 */
typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		int __pad[29];
		struct { /* kill(), sigqueue(), SIGCHLD */
			pid_t si_pid;
			unsigned int si_uid;
			union {
				int si_status;	       /* SIGCHLD: exit code or signal */
				union sigval si_value; /* sigqueue() */
			};
			long si_utime;
			long si_stime;
		};
		struct { /* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
			void *si_addr;
			short si_addr_lsb;
		};
		struct { /* SIGIO */
			long si_band;
			int si_fd;
		};
	};
} siginfo_t;

/* si_code: who sent it (any signal) */
#define SI_USER	   0	/* kill() */
#define SI_KERNEL  0x80 /* the kernel */
#define SI_QUEUE   (-1) /* sigqueue() */
#define SI_TIMER   (-2)
#define SI_MESGQ   (-3)
#define SI_ASYNCIO (-4)
#define SI_SIGIO   (-5)
#define SI_TKILL   (-6) /* tkill(), tgkill() */
/* SIGSEGV */
#define SEGV_MAPERR 1 /* no mapping at the address */
#define SEGV_ACCERR 2 /* mapped, but the access is not permitted */
/* SIGBUS */
#define BUS_ADRALN 1 /* misaligned address */
#define BUS_ADRERR 2 /* no such physical address (e.g. past the end of a mapped file) */
#define BUS_OBJERR 3 /* object-specific hardware error */
/* SIGILL */
#define ILL_ILLOPC 1
#define ILL_ILLOPN 2
#define ILL_ILLADR 3
#define ILL_ILLTRP 4
#define ILL_PRVOPC 5
#define ILL_PRVREG 6
#define ILL_COPROC 7
#define ILL_BADSTK 8
/* SIGFPE */
#define FPE_INTDIV 1
#define FPE_INTOVF 2
#define FPE_FLTDIV 3
#define FPE_FLTOVF 4
#define FPE_FLTUND 5
#define FPE_FLTRES 6
#define FPE_FLTINV 7
#define FPE_FLTSUB 8
/* SIGTRAP */
#define TRAP_BRKPT 1
#define TRAP_TRACE 2
/* SIGCHLD */
#define CLD_EXITED    1
#define CLD_KILLED    2
#define CLD_DUMPED    3
#define CLD_TRAPPED   4
#define CLD_STOPPED   5
#define CLD_CONTINUED 6

/*
 * The action for a signal, laid out as the ARM kernel's struct sigaction (arch/arm/include/
 * asm/signal.h): handler 0, flags 4, restorer 8, mask 12, 20 bytes. sigaction() fills in
 * sa_restorer and SA_RESTORER itself; a program sets the other three.
 */
struct sigaction {
	union {
		void (*sa_handler)(int);
		void (*sa_sigaction)(int, siginfo_t *, void *);
	};
	unsigned long sa_flags;
	void (*sa_restorer)(void);
	sigset_t sa_mask;
};

typedef struct sigaltstack {
	void *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;

/* Linux's struct sigevent (64 bytes), for timer_create() declared by newlib's <time.h>. */
#define SIGEV_SIGNAL 0
#define SIGEV_NONE   1
#define SIGEV_THREAD 2
typedef struct sigevent {
	union sigval sigev_value;
	int sigev_signo;
	int sigev_notify;
	int __pad[13];
} sigevent_t;

sighandler_t signal(int sig, sighandler_t handler);
int raise(int sig);
int kill(pid_t pid, int sig);
int sigaction(int sig, const struct sigaction *act, struct sigaction *oldact);
int sigprocmask(int how, const sigset_t *set, sigset_t *oldset);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int sigaltstack(const stack_t *ss, stack_t *old_ss);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);
void psignal(int sig, const char *msg);
char *strsignal(int sig);
/* "SEGV" for SIGSEGV (glibc 2.32 declares it in <string.h> under _GNU_SOURCE). */
const char *sigabbrev_np(int sig);

#ifdef __cplusplus
}
#endif

#endif /* _SIGNAL_H_ */
