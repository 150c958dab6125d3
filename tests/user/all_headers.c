// SPDX-License-Identifier: MIT
/*
 * Compile-only: every header a program may include, ours and newlib's together, in one
 * translation unit. Our headers replace some of newlib's and extend others, and newlib's
 * headers include each other (<time.h> pulls in <signal.h>, <sys/types.h> pulls in
 * <sys/select.h> and its sigset_t ...): a duplicate type or a clashing prototype shows up
 * here as an error. tests/user/run-under-qemu-arm.sh builds it with -Wall -Wextra -Werror
 * in several language modes (-std=c11, gnu11, _POSIX_C_SOURCE, _XOPEN_SOURCE, _GNU_SOURCE).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <signal.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/file.h>
#include <sys/param.h>
#include <sys/signal.h>
#include <sys/fcntl.h>
#include <sys/errno.h>
#include <sys/ucontext.h>
#include <sys/utsname.h>
#include <sys/mount.h>
#include <sys/swap.h>
#include <sys/reboot.h>
#include <sys/klog.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <time.h>
#include <sched.h>
#include <dirent.h>
#include <setjmp.h>
#include <ucontext.h>
#include <pthread.h>
#include <spawn.h>
#include <limits.h>
#include <stdint.h>
#include <inttypes.h>
#include <ctype.h>
#include <assert.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <math.h>
#include <locale.h>

/* Each line uses something the headers must agree on. */
int main(void)
{
	struct sigaction sa = {.sa_handler = SIG_IGN, .sa_flags = SA_RESTART};
	sigset_t set;
	sigjmp_buf env;
	struct stat st;
	struct timespec ts;
	siginfo_t info;
	ucontext_t uc;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sa.sa_mask = set;
	sigaction(SIGPIPE, &sa, NULL);
	if (sigsetjmp(env, 1) != 0)
		return 1;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	info.si_addr = &st;
	uc.uc_mcontext.arm_pc = 0;
	return (int)(st.st_size + info.si_signo + uc.uc_mcontext.arm_pc + EOPNOTSUPP + O_DIRECTORY +
		     MAP_ANONYMOUS + WNOHANG + sched_yield());
}
