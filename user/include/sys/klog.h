/* SPDX-License-Identifier: MIT */
/*
 * klogctl(): the kernel log, through syslog(2) (number 103; glibc calls the wrapper klogctl
 * to keep it apart from syslog(3)). Actions from include/linux/syslog.h.
 */
#ifndef _SYS_KLOG_H
#define _SYS_KLOG_H

#ifdef __cplusplus
extern "C" {
#endif

#define SYSLOG_ACTION_CLOSE	    0
#define SYSLOG_ACTION_OPEN	    1
#define SYSLOG_ACTION_READ	    2
#define SYSLOG_ACTION_READ_ALL	    3 /* copy the newest len bytes, keep them */
#define SYSLOG_ACTION_READ_CLEAR    4
#define SYSLOG_ACTION_CLEAR	    5
#define SYSLOG_ACTION_CONSOLE_OFF   6
#define SYSLOG_ACTION_CONSOLE_ON    7
#define SYSLOG_ACTION_CONSOLE_LEVEL 8
#define SYSLOG_ACTION_SIZE_UNREAD   9
#define SYSLOG_ACTION_SIZE_BUFFER   10 /* the size of the whole log buffer */

int klogctl(int type, char *buf, int len);

#ifdef __cplusplus
}
#endif

#endif /* _SYS_KLOG_H */
