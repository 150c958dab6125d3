/* SPDX-License-Identifier: MIT */
/*
 * System calls: the Linux ARM EABI convention (svc #0, number in r7, arguments in r0-r5,
 * result or -errno in r0) and Linux's numbers (arch/arm/tools/syscall.tbl), so that a
 * program built against POSIX behaves here as on Linux. kernel/syscall.c has the table.
 */
#ifndef KERNEL_SYSCALLS_H
#define KERNEL_SYSCALLS_H

#include <types.h>

#define __user

struct pt_regs;

long sys_exit(int code);
long sys_fork(void);
long sys_execve(const char __user *path, const char *const __user *argv,
		const char *const __user *envp);
long sys_wait4(int pid, int __user *status, int options, void __user *rusage);
long sys_kill(int pid, int sig);

/* Processes can be started from the kernel: exec the first program as pid 1. */
int do_execve(const char *path, const char *const __user *argv,
	      const char *const __user *envp);
void start_user(struct pt_regs *regs) __noreturn;
void exit_to_user_mode(struct pt_regs *regs);

#endif
