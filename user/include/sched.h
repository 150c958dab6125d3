/* SPDX-License-Identifier: MIT */
/*
 * newlib's <sched.h>, plus sched_yield(), which newlib declares only where it defines
 * _POSIX_PRIORITY_SCHEDULING (not for arm-none-eabi). user/lib/time.c implements it.
 */
#ifndef _USER_SCHED_H
#define _USER_SCHED_H

#include_next <sched.h>

#ifdef __cplusplus
extern "C" {
#endif

int sched_yield(void);

#ifdef __cplusplus
}
#endif

#endif /* _USER_SCHED_H */
