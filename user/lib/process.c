// SPDX-License-Identifier: MIT
/*
 * Processes: fork, the exec family, waiting, and the ids. getpid() and kill() are newlib's,
 * over _getpid() and _kill() in newlib.c.
 */
#include <sys/types.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "syscall.h"

extern char **environ;

/*
 * fork(2), not clone: the child returns 0, the parent the child's pid. Anything buffered
 * in stdio is copied too; flush before forking if the child might also write it out.
 */
pid_t fork(void)
{
	return syscall_ret(syscall0(__NR_fork));
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	return syscall_ret(syscall3(__NR_execve, (long)path, (long)argv, (long)envp));
}

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/*
 * A file the kernel cannot execute (ENOEXEC: no ELF header) is a shell script, as POSIX
 * asks of execvp(): run it with /bin/sh, which keeps scripts working without "#!".
 */
static void exec_script(const char *path, char *const argv[])
{
	int argc = 0;
	char **sh_argv;

	while (argv[argc])
		argc++;
	sh_argv = malloc((argc + 2) * sizeof(char *));
	if (sh_argv == NULL)
		return;
	sh_argv[0] = "sh";
	sh_argv[1] = (char *)path;
	memcpy(&sh_argv[2], &argv[1], argc * sizeof(char *)); /* argv[1..] and its NULL */
	execve("/bin/sh", sh_argv, environ);
	free(sh_argv);
}

static void try_exec(const char *path, char *const argv[])
{
	execve(path, argv, environ);
	if (errno == ENOEXEC) {
		exec_script(path, argv);
		errno = ENOEXEC;
	}
}

/*
 * A name without '/' is looked for in each directory of $PATH (default /bin:/sbin).
 * The error reported is EACCES if some candidate existed but could not be run, else the
 * last one (usually ENOENT), as glibc does.
 */
int execvp(const char *file, char *const argv[])
{
	const char *path = getenv("PATH");
	int saw_eacces = 0;
	char buf[512];

	if (*file == '\0') {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/')) {
		try_exec(file, argv);
		return -1;
	}
	if (path == NULL)
		path = "/bin:/sbin";
	while (*path) {
		const char *end = strchr(path, ':');
		size_t dirlen = end ? (size_t)(end - path) : strlen(path);

		if (dirlen + 1 + strlen(file) + 1 > sizeof(buf)) {
			errno = ENAMETOOLONG;
			return -1;
		}
		memcpy(buf, path, dirlen); /* an empty entry means the current directory */
		buf[dirlen] = '/';
		strcpy(buf + dirlen + (dirlen > 0), file);
		try_exec(buf, argv);
		if (errno == EACCES)
			saw_eacces = 1;
		else if (errno != ENOENT && errno != ENOTDIR)
			return -1;
		path += dirlen;
		if (*path == ':')
			path++;
	}
	if (saw_eacces)
		errno = EACCES;
	return -1;
}

#define EXECL_MAX_ARGS 64

/* execl(path, arg0, arg1, ..., NULL) and execlp(): collect the list into an argv. */
static int collect_args(char *argv[], const char *arg0, va_list ap)
{
	int n = 0;

	argv[n++] = (char *)arg0;
	while (argv[n - 1] != NULL) {
		if (n == EXECL_MAX_ARGS) {
			errno = E2BIG;
			return -1;
		}
		argv[n++] = va_arg(ap, char *);
	}
	return 0;
}

int execl(const char *path, const char *arg0, ...)
{
	char *argv[EXECL_MAX_ARGS];
	va_list ap;
	int r;

	va_start(ap, arg0);
	r = collect_args(argv, arg0, ap);
	va_end(ap);
	return r < 0 ? -1 : execve(path, argv, environ);
}

int execlp(const char *file, const char *arg0, ...)
{
	char *argv[EXECL_MAX_ARGS];
	va_list ap;
	int r;

	va_start(ap, arg0);
	r = collect_args(argv, arg0, ap);
	va_end(ap);
	return r < 0 ? -1 : execvp(file, argv);
}

/*
 * wait4(2) also reports the child's resource usage, in the kernel's struct rusage: two
 * 32-bit struct timevals (user, system time) and 14 longs, 72 bytes. newlib's struct
 * rusage holds only the two times, with a 64-bit time_t; copy those across.
 */
struct kernel_rusage {
	long utime_sec, utime_usec;
	long stime_sec, stime_usec;
	long rest[14];
};

pid_t wait4(pid_t pid, int *status, int options, struct rusage *rusage)
{
	struct kernel_rusage kr;
	long r = syscall4(__NR_wait4, pid, (long)status, options, rusage ? (long)&kr : 0);

	if (!syscall_failed(r) && rusage) {
		rusage->ru_utime.tv_sec = kr.utime_sec;
		rusage->ru_utime.tv_usec = kr.utime_usec;
		rusage->ru_stime.tv_sec = kr.stime_sec;
		rusage->ru_stime.tv_usec = kr.stime_usec;
	}
	return syscall_ret(r);
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

pid_t wait(int *status)
{
	return wait4(-1, status, 0, NULL);
}

pid_t getppid(void)
{
	return syscall0(__NR_getppid);
}

/* Users and groups: the 32-bit-id calls (the plain ones, 24 and 47, return 16-bit ids). */
uid_t getuid(void)
{
	return (uid_t)syscall0(__NR_getuid32);
}

uid_t geteuid(void)
{
	return (uid_t)syscall0(__NR_geteuid32);
}

gid_t getgid(void)
{
	return (gid_t)syscall0(__NR_getgid32);
}

gid_t getegid(void)
{
	return (gid_t)syscall0(__NR_getegid32);
}
