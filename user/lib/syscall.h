/* SPDX-License-Identifier: MIT */
/*
 * The library's private view of the kernel: syscallN() makes the call and returns the raw
 * result (negative errno on failure); syscall_ret() turns that into the C convention
 * (-1 with errno set). Every wrapper in user/lib is one of
 *
 *	return syscall_ret(syscall3(__NR_read, fd, (long)buf, count));
 *
 * or a few lines that convert a structure between newlib's layout and the kernel's.
 */
#ifndef USER_LIB_SYSCALL_H
#define USER_LIB_SYSCALL_H

#include <errno.h>
#include <sys/syscall.h>

/* user/lib/syscall.S */
long __syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

static inline long syscall0(long nr)
{
	return __syscall(nr, 0, 0, 0, 0, 0, 0);
}

static inline long syscall1(long nr, long a1)
{
	return __syscall(nr, a1, 0, 0, 0, 0, 0);
}

static inline long syscall2(long nr, long a1, long a2)
{
	return __syscall(nr, a1, a2, 0, 0, 0, 0);
}

static inline long syscall3(long nr, long a1, long a2, long a3)
{
	return __syscall(nr, a1, a2, a3, 0, 0, 0);
}

static inline long syscall4(long nr, long a1, long a2, long a3, long a4)
{
	return __syscall(nr, a1, a2, a3, a4, 0, 0);
}

static inline long syscall5(long nr, long a1, long a2, long a3, long a4, long a5)
{
	return __syscall(nr, a1, a2, a3, a4, a5, 0);
}

static inline long syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	return __syscall(nr, a1, a2, a3, a4, a5, a6);
}

/* Is r an error? The kernel returns -1 ... -4095 for errors; compare unsigned so that a
 * valid address above 0x80000000 (which looks negative) is not taken for one. */
static inline int syscall_failed(long r)
{
	return (unsigned long)r >= (unsigned long)-4095;
}

/* -errno into errno and -1; anything else through unchanged. */
static inline long syscall_ret(long r)
{
	if (syscall_failed(r)) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

#endif /* USER_LIB_SYSCALL_H */
