/* SPDX-License-Identifier: MIT */
/*
 * open() flags and fcntl() commands with the Linux ARM values (arch/arm/include/uapi/asm/
 * fcntl.h over include/uapi/asm-generic/fcntl.h).
 *
 * It replaces newlib's <fcntl.h> and <sys/fcntl.h>, whose O_CREAT is 0x200 where Linux's is
 * 0100. open() passes these flags to the kernel unchanged. newlib's own fopen() still
 * builds flags with newlib's values and hands them to _open(), which translates them
 * (user/lib/newlib.c); that is the one place both encodings meet.
 *
 * ARM differs from x86 in four flags: O_DIRECTORY 040000 (x86 0200000), O_NOFOLLOW 0100000
 * (x86 0400000), O_DIRECT 0200000 (x86 040000), O_LARGEFILE 0400000 (x86 0100000).
 */
#ifndef _FCNTL_H_
#define _FCNTL_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/stat.h>

#ifdef __cplusplus
extern "C" {
#endif

#define O_ACCMODE   00000003
#define O_RDONLY    00000000
#define O_WRONLY    00000001
#define O_RDWR	    00000002
#define O_CREAT	    00000100 /* create if missing */
#define O_EXCL	    00000200 /* with O_CREAT: fail if it exists */
#define O_NOCTTY    00000400
#define O_TRUNC	    00001000 /* truncate to length 0 */
#define O_APPEND    00002000 /* every write goes to the end */
#define O_NONBLOCK  00004000
#define O_NDELAY    O_NONBLOCK
#define O_DSYNC	    00010000
#define FASYNC	    00020000
#define O_DIRECTORY 00040000 /* fail unless it is a directory (ARM value) */
#define O_NOFOLLOW  00100000 /* fail if the last component is a symlink (ARM value) */
#define O_DIRECT    00200000 /* ARM value */
#define O_LARGEFILE 00400000 /* ARM value */
#define O_NOATIME   01000000
#define O_CLOEXEC   02000000 /* close on execve() */
#define __O_SYNC    04000000
#define O_SYNC	    (__O_SYNC | O_DSYNC)
#define O_RSYNC	    O_SYNC
#define O_PATH	    010000000

#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_GETLK		5
#define F_SETLK		6
#define F_SETLKW	7
#define F_SETOWN	8
#define F_GETOWN	9
#define F_DUPFD_CLOEXEC 1030

#define FD_CLOEXEC 1

#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2

#define AT_FDCWD	    (-100) /* "relative to the current directory" for *at() */
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_REMOVEDIR	    0x200
#define AT_SYMLINK_FOLLOW   0x400
#define AT_EACCESS	    0x200

struct flock {
	short l_type;
	short l_whence;
	off_t l_start;
	off_t l_len;
	pid_t l_pid;
};

int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, ...);

#ifdef __cplusplus
}
#endif

#endif /* _FCNTL_H_ */
