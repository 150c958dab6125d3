// SPDX-License-Identifier: MIT
/*
 * signal() and raise() on top of the kernel, replacing newlib's.
 *
 * newlib's signal() only records the handler in a table in user space and its raise()
 * calls that handler directly: a SIGSEGV delivered by the kernel would never reach it.
 * These two go through sigaction(2) and kill(2) instead.
 *
 * Nothing else belongs in this file: newlib's abort() refers to raise(), and when the
 * linker takes newlib's signal.o for that (defining both signal and raise) this object
 * must not be pulled in for some other name as well, or both would be linked.
 */
#include <signal.h>
#include "syscall.h"

/* BSD and glibc semantics: the handler stays installed and slow calls restart. */
sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction sa = {.sa_handler = handler, .sa_flags = SA_RESTART};
	struct sigaction old;

	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int raise(int sig)
{
	return syscall_ret(syscall2(__NR_kill, syscall0(__NR_getpid), sig));
}
