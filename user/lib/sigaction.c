// SPDX-License-Identifier: MIT
/*
 * Signal actions and masks: rt_sigaction(2), rt_sigprocmask(2) and friends. Our struct
 * sigaction and sigset_t have the kernel's layout (<signal.h>), so these pass pointers
 * straight through; the last argument of each rt_ call is the size of a sigset_t, 8.
 */
#include <signal.h>
#include "syscall.h"

/* user/lib/syscall.S: they call sigreturn and rt_sigreturn. */
void __restore(void);
void __restore_rt(void);

/*
 * The kernel makes a handler return to sa_restorer: it has no code of its own to put on
 * the user stack (the stack is not executable). So every action installed here carries
 * our trampoline and SA_RESTORER, unless the caller brought its own. Which trampoline
 * depends on the frame the kernel will build: an rt frame for SA_SIGINFO handlers (undone
 * by rt_sigreturn), a plain one otherwise (undone by sigreturn), as on Linux ARM.
 */
int sigaction(int sig, const struct sigaction *act, struct sigaction *oldact)
{
	struct sigaction k;

	if (act && !(act->sa_flags & SA_RESTORER)) {
		k = *act;
		k.sa_flags |= SA_RESTORER;
		k.sa_restorer = (act->sa_flags & SA_SIGINFO) ? __restore_rt : __restore;
		act = &k;
	}
	return syscall_ret(
	    syscall4(__NR_rt_sigaction, sig, (long)act, (long)oldact, sizeof(sigset_t)));
}

int sigprocmask(int how, const sigset_t *set, sigset_t *oldset)
{
	return syscall_ret(
	    syscall4(__NR_rt_sigprocmask, how, (long)set, (long)oldset, sizeof(sigset_t)));
}

int sigpending(sigset_t *set)
{
	return syscall_ret(syscall2(__NR_rt_sigpending, (long)set, sizeof(sigset_t)));
}

/* Always returns -1 with EINTR, after a handler has run. */
int sigsuspend(const sigset_t *mask)
{
	return syscall_ret(syscall2(__NR_rt_sigsuspend, (long)mask, sizeof(sigset_t)));
}

/* Sleep until a signal's handler has run: sigsuspend() with the mask left as it is. */
int pause(void)
{
	sigset_t mask;

	if (sigprocmask(SIG_BLOCK, NULL, &mask) < 0)
		return -1;
	return sigsuspend(&mask);
}

int sigaltstack(const stack_t *ss, stack_t *old_ss)
{
	return syscall_ret(syscall2(__NR_sigaltstack, (long)ss, (long)old_ss));
}

/* Signal n is bit (n - 1): word (n - 1) / 32, bit (n - 1) % 32. */
static int sig_valid(int sig)
{
	if (sig < 1 || sig > 64) {
		errno = EINVAL;
		return 0;
	}
	return 1;
}

int sigemptyset(sigset_t *set)
{
	set->__bits[0] = 0;
	set->__bits[1] = 0;
	return 0;
}

int sigfillset(sigset_t *set)
{
	set->__bits[0] = ~0UL;
	set->__bits[1] = ~0UL;
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	if (!sig_valid(sig))
		return -1;
	set->__bits[(sig - 1) / 32] |= 1UL << ((sig - 1) % 32);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (!sig_valid(sig))
		return -1;
	set->__bits[(sig - 1) / 32] &= ~(1UL << ((sig - 1) % 32));
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (!sig_valid(sig))
		return -1;
	return (set->__bits[(sig - 1) / 32] >> ((sig - 1) % 32)) & 1;
}
