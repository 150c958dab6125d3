// SPDX-License-Identifier: MIT
/* Small system calls about the process, time and the machine. */
#include <kernel/syscalls.h>
#include <kernel/sched.h>
#include <kernel/files.h>
#include <mm/slab.h>
#include <kernel/timer.h>
#include <drivers/timer.h>
#include <kernel/uaccess.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/reboot.h>
#include <mm/mmap.h>
#include <fs/fs.h>
#include <lib/string.h>
#include <kernel/signal.h>

long sys_getpid(void)
{
	return current->pid;
}

long sys_getppid(void)
{
	return current->parent ? current->parent->pid : 0;
}

/* Every process runs as root (uid and gid 0): there are no users to tell apart here. */
long sys_getuid(void)
{
	return 0;
}

long sys_brk(unsigned long brk)
{
	return (long)do_brk(brk);
}

long sys_sched_yield(void)
{
	schedule();
	return 0;
}

static u64 realtime_base_ns;

struct timespec32 {
	s32 tv_sec;
	s32 tv_nsec;
};

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_BOOTTIME 7

/* The clock's time in ns: 0, or -EINVAL for a clock we do not have. */
static int clock_now_ns(int clk, u64 *ns)
{
	switch (clk) {
	case CLOCK_REALTIME:
		*ns = realtime_base_ns + ktime_get_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_BOOTTIME:
		*ns = ktime_get_ns();
		return 0;
	default:
		return -EINVAL;
	}
}

static int put_timespec32(struct timespec32 __user *tp, u64 ns)
{
	struct timespec32 ts = { (s32)(ns / NSEC_PER_SEC), (s32)(ns % NSEC_PER_SEC) };

	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

long sys_clock_gettime(int clk, struct timespec32 __user *tp)
{
	u64 ns;
	int err = clock_now_ns(clk, &ns);

	return err ? err : put_timespec32(tp, ns);
}

/* Every clock ticks with the ARM global timer: one count is the resolution. */
long sys_clock_getres(int clk, struct timespec32 __user *res)
{
	u32 rate = a9_gtimer_rate();
	u64 ns;
	int err = clock_now_ns(clk, &ns);

	if (err || !res)
		return err;
	return put_timespec32(res, rate ? (NSEC_PER_SEC + rate - 1) / rate : 1);
}

long sys_nanosleep(const struct timespec32 __user *req, struct timespec32 __user *rem)
{
	struct timespec32 ts;
	u64 ns;
	long ticks;

	if (copy_from_user(&ts, req, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
		return -EINVAL;
	ns = (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	/* + 1: the tick now running is partly gone, and POSIX says never wake early. */
	ticks = (long)((ns + NSEC_PER_SEC / HZ - 1) / (NSEC_PER_SEC / HZ)) + 1;
	while (ticks > 0) {
		set_current_state(TASK_INTERRUPTIBLE);
		ticks = schedule_timeout(ticks);
		if (ticks && (current->sigpending & ~current->blocked)) {
			if (rem) {
				u64 left = (u64)ticks * (NSEC_PER_SEC / HZ);
				struct timespec32 r = { (s32)(left / NSEC_PER_SEC),
							(s32)(left % NSEC_PER_SEC) };

				if (copy_to_user(rem, &r, sizeof(r)))
					return -EFAULT;
			}
			return -EINTR;
		}
	}
	return 0;
}

struct new_utsname {
	char sysname[65], nodename[65], release[65], version[65], machine[65], domainname[65];
};

long sys_uname(struct new_utsname __user *name)
{
	static const struct new_utsname uts = {
		.sysname = "Linux",	/* the ABI we implement; programs test for it */
		.nodename = "vexpress",
		.release = "6.1.0-teach",
		.version = "#1 teaching kernel",
		.machine = "armv7l",
		.domainname = "(none)",
	};

	return copy_to_user(name, &uts, sizeof(uts)) ? -EFAULT : 0;
}

#define LINUX_REBOOT_MAGIC1 0xfee1dead
#define LINUX_REBOOT_MAGIC2 672274793
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321fedc
#define LINUX_REBOOT_CMD_RESTART 0x01234567
#define LINUX_REBOOT_CMD_HALT 0xcdef0123

long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg)
{
	if ((u32)magic1 != LINUX_REBOOT_MAGIC1 || magic2 != LINUX_REBOOT_MAGIC2)
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_POWER_OFF:
	case LINUX_REBOOT_CMD_HALT:
	case LINUX_REBOOT_CMD_RESTART:	/* QEMU is run with -no-reboot: restart = power off */
		sync_filesystems();
		machine_power_off(0);
	default:
		return -EINVAL;
	}
}

#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_SIZE_BUFFER 10

long sys_syslog(int type, char __user *buf, int len)
{
	char *tmp;
	size_t n;

	if (type == SYSLOG_ACTION_SIZE_BUFFER)
		return LOG_BUF_SIZE;
	if (type != SYSLOG_ACTION_READ_ALL)
		return -EINVAL;
	if (len < 0)
		return -EINVAL;
	tmp = kmalloc(LOG_BUF_SIZE);
	if (!tmp)
		return -ENOMEM;
	n = log_buf_read(tmp, min((size_t)len, (size_t)LOG_BUF_SIZE));
	if (copy_to_user(buf, tmp, n))
		n = (size_t)-EFAULT;
	kfree(tmp);
	return (long)n;
}

long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot, unsigned long flags,
	       int fd, unsigned long pgoff)
{
	struct file *file = NULL;
	unsigned long ret;

	if (!(flags & MAP_ANONYMOUS)) {
		file = fget_fd(fd);
		if (!file)
			return -EBADF;
	}
	ret = do_mmap_pgoff(file, addr, len, prot, flags, pgoff);
	if (file)
		fput(file);
	return (long)ret;
}

long sys_munmap(unsigned long addr, unsigned long len)
{
	return do_munmap(current->mm, addr, len);
}

/* ---- interval timer (ITIMER_REAL): SIGALRM after a delay, alarm(2) uses it ---------- */

struct itimerval32 {
	struct { s32 tv_sec, tv_usec; } it_interval, it_value;
};

struct itimer {
	struct timer_list timer;
	struct task_struct *task;
};

static void itimer_fire(struct timer_list *t)
{
	struct itimer *it = container_of(t, struct itimer, timer);

	send_sig(SIGALRM, it->task);
	if (it->task->itimer_interval) {
		t->expires = jiffies + it->task->itimer_interval;
		add_timer(t);
	}
}

static unsigned long tv_to_ticks(s32 sec, s32 usec)
{
	u64 us = (u64)sec * 1000000 + usec;

	return (unsigned long)((us + 1000000 / HZ - 1) / (1000000 / HZ));
}

#define ITIMER_REAL 0

long sys_setitimer(int which, const struct itimerval32 __user *unew,
		   struct itimerval32 __user *uold)
{
	struct itimerval32 nv, ov = { 0 };
	struct itimer *it;

	if (which != ITIMER_REAL)
		return -EINVAL;
	if (unew && copy_from_user(&nv, unew, sizeof(nv)))
		return -EFAULT;
	if (!current->itimer) {
		it = kzalloc(sizeof(*it));
		if (!it)
			return -ENOMEM;
		it->task = current;
		timer_setup(&it->timer, itimer_fire);
		current->itimer = &it->timer;
	}
	if (current->itimer->pending) {
		unsigned long left = current->itimer->expires - jiffies;

		ov.it_value.tv_sec = (s32)(left / HZ);
		ov.it_value.tv_usec = (s32)(left % HZ * (1000000 / HZ));
	}
	if (uold && copy_to_user(uold, &ov, sizeof(ov)))
		return -EFAULT;
	if (!unew)
		return 0;
	if (nv.it_value.tv_usec < 0 || nv.it_value.tv_usec >= 1000000 || nv.it_value.tv_sec < 0)
		return -EINVAL;
	del_timer(current->itimer);
	current->itimer_interval = (u32)tv_to_ticks(nv.it_interval.tv_sec, nv.it_interval.tv_usec);
	if (nv.it_value.tv_sec || nv.it_value.tv_usec) {
		current->itimer->expires = jiffies + tv_to_ticks(nv.it_value.tv_sec,
								   nv.it_value.tv_usec);
		add_timer(current->itimer);
	}
	return 0;
}

/* The wall clock: the board's PL031 RTC read once at boot, plus the monotonic clock. */

void time_set_realtime_base(u32 seconds)
{
	realtime_base_ns = (u64)seconds * NSEC_PER_SEC;
}

u32 realtime_seconds(void)
{
	return (u32)((realtime_base_ns + ktime_get_ns()) / NSEC_PER_SEC);
}
