// SPDX-License-Identifier: MIT
/*
 * Clocks and sleeping.
 *
 * The 32-bit Linux calls used here (clock_gettime 263, nanosleep 162, setitimer 104) take
 * the old 32-bit struct timespec / timeval: two longs. newlib's have a 64-bit time_t, so
 * each wrapper converts at the boundary. (Linux's *_time64 calls would avoid that, at the
 * price of more syscalls for our kernel to implement; 2038 is not this project's problem.)
 */
#include <sys/time.h>
#include <limits.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>
#include "syscall.h"

struct kernel_timespec {
	long tv_sec;
	long tv_nsec;
};

struct kernel_itimerval {
	long interval_sec, interval_usec;
	long value_sec, value_usec;
};

static void to_kernel_timespec(const struct timespec *ts, struct kernel_timespec *k)
{
	k->tv_sec = ts->tv_sec > LONG_MAX ? LONG_MAX : (long)ts->tv_sec;
	k->tv_nsec = ts->tv_nsec;
}

static void from_kernel_timespec(const struct kernel_timespec *k, struct timespec *ts)
{
	ts->tv_sec = k->tv_sec;
	ts->tv_nsec = k->tv_nsec;
}

int clock_gettime(clockid_t clk, struct timespec *ts)
{
	struct kernel_timespec k;
	long r = syscall2(__NR_clock_gettime, (long)clk, (long)&k);

	if (!syscall_failed(r))
		from_kernel_timespec(&k, ts);
	return syscall_ret(r);
}

int clock_getres(clockid_t clk, struct timespec *res)
{
	struct kernel_timespec k;
	long r = syscall2(__NR_clock_getres, (long)clk, (long)&k);

	if (!syscall_failed(r) && res)
		from_kernel_timespec(&k, res);
	return syscall_ret(r);
}

/* On EINTR the time left is written to *rem. */
int nanosleep(const struct timespec *req, struct timespec *rem)
{
	struct kernel_timespec kreq, krem;
	long r;

	to_kernel_timespec(req, &kreq);
	r = syscall2(__NR_nanosleep, (long)&kreq, (long)&krem);
	if (r == -EINTR && rem)
		from_kernel_timespec(&krem, rem);
	return syscall_ret(r);
}

/* Returns the seconds left if a signal cut the sleep short, else 0. */
unsigned int sleep(unsigned int seconds)
{
	struct timespec req = {.tv_sec = seconds}, rem = {0};

	if (nanosleep(&req, &rem) < 0 && errno == EINTR)
		return (unsigned int)rem.tv_sec + (rem.tv_nsec > 0);
	return 0;
}

int usleep(useconds_t usec)
{
	struct timespec req = {.tv_sec = usec / 1000000, .tv_nsec = (usec % 1000000) * 1000};

	return nanosleep(&req, NULL);
}

/*
 * SIGALRM after `seconds`. ARM EABI has no alarm(2) (it is an OABI-only call), so this is
 * setitimer(ITIMER_REAL) with no interval, as glibc does it.
 */
unsigned int alarm(unsigned int seconds)
{
	struct kernel_itimerval new = {.value_sec = (long)seconds}, old;

	if (syscall_failed(syscall3(__NR_setitimer, ITIMER_REAL, (long)&new, (long)&old)))
		return 0;
	return (unsigned int)old.value_sec + (old.value_usec > 0);
}

int sched_yield(void)
{
	return syscall_ret(syscall0(__NR_sched_yield));
}
