/* SPDX-License-Identifier: MIT */
/*
 * newlib's <time.h> with Linux's clock numbers (include/uapi/linux/time.h). newlib calls
 * CLOCK_REALTIME 1 and CLOCK_MONOTONIC 4; the kernel's clock_gettime(2) knows them as 0
 * and 1. Everything else (struct timespec, time_t of 64 bits, CLOCKS_PER_SEC 100) is
 * newlib's; user/lib/time.c converts to and from the kernel's 32-bit timespec.
 */
#ifndef _USER_TIME_H
#define _USER_TIME_H

#include_next <time.h>

#undef CLOCK_REALTIME
#undef CLOCK_MONOTONIC
#undef CLOCK_PROCESS_CPUTIME_ID
#undef CLOCK_THREAD_CPUTIME_ID
#undef CLOCK_MONOTONIC_RAW
#undef CLOCK_REALTIME_COARSE
#undef CLOCK_MONOTONIC_COARSE
#undef CLOCK_BOOTTIME
#undef CLOCK_REALTIME_ALARM
#undef CLOCK_BOOTTIME_ALARM
#undef TIMER_ABSTIME

#define CLOCK_REALTIME		 ((clockid_t)0) /* wall-clock time */
#define CLOCK_MONOTONIC		 ((clockid_t)1) /* time since boot, never set */
#define CLOCK_PROCESS_CPUTIME_ID ((clockid_t)2) /* CPU time of this process */
#define CLOCK_THREAD_CPUTIME_ID	 ((clockid_t)3)
#define CLOCK_MONOTONIC_RAW	 ((clockid_t)4)
#define CLOCK_REALTIME_COARSE	 ((clockid_t)5)
#define CLOCK_MONOTONIC_COARSE	 ((clockid_t)6)
#define CLOCK_BOOTTIME		 ((clockid_t)7)

#define TIMER_ABSTIME 1 /* clock_nanosleep(): an absolute deadline */

/* newlib declares these only where it defines _POSIX_TIMERS, which it does not for
 * arm-none-eabi. user/lib/time.c implements them. */
#ifdef __cplusplus
extern "C" {
#endif
int clock_gettime(clockid_t clk, struct timespec *ts);
int clock_getres(clockid_t clk, struct timespec *res);
int nanosleep(const struct timespec *req, struct timespec *rem);
#ifdef __cplusplus
}
#endif

#endif /* _USER_TIME_H */
