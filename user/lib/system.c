// SPDX-License-Identifier: MIT
/*
 * The machine as a whole: names, mounts, swap, the kernel log, power, and sysconf().
 */
#include <sys/klog.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/swap.h>
#include <sys/utsname.h>
#include <sys/auxv.h>
#include <stdarg.h>
#include <unistd.h>
#include "syscall.h"

int uname(struct utsname *buf)
{
	return syscall_ret(syscall1(__NR_uname, (long)buf));
}

int mount(const char *source, const char *target, const char *fstype, unsigned long flags,
	  const void *data)
{
	return syscall_ret(syscall5(__NR_mount, (long)source, (long)target, (long)fstype,
				    (long)flags, (long)data));
}

int umount2(const char *target, int flags)
{
	return syscall_ret(syscall2(__NR_umount2, (long)target, flags));
}

int umount(const char *target)
{
	return umount2(target, 0);
}

int swapon(const char *path, int flags)
{
	return syscall_ret(syscall2(__NR_swapon, (long)path, flags));
}

int swapoff(const char *path)
{
	return syscall_ret(syscall1(__NR_swapoff, (long)path));
}

int klogctl(int type, char *buf, int len)
{
	return syscall_ret(syscall3(__NR_syslog, type, (long)buf, len));
}

int reboot(int howto)
{
	return syscall_ret(
	    syscall4(__NR_reboot, (long)LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, howto, 0));
}

/* The page size the kernel announced in the auxiliary vector (AT_PAGESZ), else 4096. */
int getpagesize(void)
{
	unsigned long size = getauxval(AT_PAGESZ);

	return size ? (int)size : 4096;
}

/* The _SC_* names are newlib's numbers; they never reach the kernel. */
long sysconf(int name)
{
	switch (name) {
	case _SC_PAGESIZE:
		return getpagesize();
	case _SC_CLK_TCK:
		return 100; /* USER_HZ, and newlib's CLOCKS_PER_SEC */
	case _SC_OPEN_MAX:
		return 256;
	case _SC_ARG_MAX:
		return 131072;
	case _SC_NPROCESSORS_CONF:
	case _SC_NPROCESSORS_ONLN:
		return 1;
	default:
		errno = EINVAL;
		return -1;
	}
}

/* syscall(number, ...): six arguments are read whatever the call takes; extra ones are
 * harmless, since the kernel looks only at those it needs. */
long syscall(long number, ...)
{
	va_list ap;
	long a[6];
	int i;

	va_start(ap, number);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	return syscall_ret(__syscall(number, a[0], a[1], a[2], a[3], a[4], a[5]));
}
