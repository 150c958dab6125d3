/* SPDX-License-Identifier: MIT */
/*
 * Access to user memory from the kernel. A user pointer is checked to lie below TASK_SIZE
 * (so a program cannot make the kernel read or write kernel memory for it), then copied by
 * the routines of lib/uaccess.S, whose user accesses may fault: a fault the page-fault
 * handler can resolve (demand paging, copy-on-write) is resolved; any other makes the copy
 * stop and report -EFAULT, through the exception table. The kernel never panics on a user
 * pointer.
 */
#ifndef KERNEL_UACCESS_H
#define KERNEL_UACCESS_H

#include <types.h>
#include <asm/memory.h>
#include <asm/thread_info.h>
#include <kernel/errno.h>

#define __user

unsigned long __copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long __copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long __clear_user(void __user *to, unsigned long n);
long __strncpy_from_user(char *dst, const char __user *src, long n);

/* The highest user address + 1 the current thread may pass (see thread_info.kernel_ds). */
static inline unsigned long user_addr_limit(void)
{
	return current_thread_info()->kernel_ds ? ~0UL : TASK_SIZE;
}

static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr, limit = user_addr_limit();

	return size <= limit && a <= limit - size;
}

/* Both return the number of bytes NOT copied: 0 on success. */
static inline unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	return access_ok(from, n) ? __copy_from_user(to, from, n) : n;
}

static inline unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	return access_ok(to, n) ? __copy_to_user(to, from, n) : n;
}

static inline unsigned long clear_user(void __user *to, unsigned long n)
{
	return access_ok(to, n) ? __clear_user(to, n) : n;
}

/* Copies a NUL-terminated string of at most n - 1 characters (plus the NUL) into dst.
 * Returns its length, -ENAMETOOLONG if it does not fit, -EFAULT on a bad pointer. */
static inline long strncpy_from_user(char *dst, const char __user *src, long n)
{
	long len;

	unsigned long limit = user_addr_limit();

	if ((unsigned long)src >= limit)
		return -EFAULT;
	/* Never read past the limit, even if n would take us there. */
	if ((unsigned long)n > limit - (unsigned long)src)
		n = (long)(limit - (unsigned long)src);
	len = __strncpy_from_user(dst, src, n);
	if (len < 0)
		return len;
	if (len == n)
		return -ENAMETOOLONG;
	return len;
}

static inline int get_user_u32(u32 *val, const u32 __user *p)
{
	return copy_from_user(val, p, sizeof(*val)) ? -EFAULT : 0;
}

static inline int put_user_u32(u32 val, u32 __user *p)
{
	return copy_to_user(p, &val, sizeof(val)) ? -EFAULT : 0;
}

/* mm/extable.c: if regs->pc is a listed user access, point it at its fix-up; true if so. */
struct pt_regs;
bool fixup_exception(struct pt_regs *regs);

#endif
