/* SPDX-License-Identifier: MIT */
/* Process exit and wait (kernel/exit.c). Wait statuses are Linux's encoding. */
#ifndef KERNEL_EXIT_H
#define KERNEL_EXIT_H

#include <types.h>

#define W_EXITED(code)	(((code) & 0xff) << 8)	/* WIFEXITED, WEXITSTATUS = code */
#define W_SIGNALED(sig)	((sig) & 0x7f)		/* WIFSIGNALED, WTERMSIG = sig */
#define WNOHANG		1

void do_exit(int status) __noreturn;
long do_wait4(int pid, int *status_kernel, int options);

#endif
