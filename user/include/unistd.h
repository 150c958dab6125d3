/* SPDX-License-Identifier: MIT */
/*
 * newlib's <unistd.h>, plus what it hides behind _GNU_SOURCE or does not declare at all.
 * newlib declares most POSIX calls here but implements few of them on a bare-metal
 * target; user/lib implements the ones listed in docs/userspace.md.
 */
#ifndef _USER_UNISTD_H
#define _USER_UNISTD_H

#include_next <unistd.h>

#ifdef __cplusplus
extern "C" {
#endif

int pipe2(int fds[2], int flags);
int dup3(int oldfd, int newfd, int flags);
int getpagesize(void);
void sync(void);
int usleep(useconds_t usec);
int ftruncate(int fd, off_t length);
int truncate(const char *path, off_t length);

/* Any syscall by number (<sys/syscall.h>): returns the result, or -1 with errno set. */
long syscall(long number, ...);

#ifdef __cplusplus
}
#endif

#endif /* _USER_UNISTD_H */
