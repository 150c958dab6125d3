/* SPDX-License-Identifier: MIT */
/*
 * The two newlib ABIs that the stubs in newlib.c must still speak, because the code inside
 * newlib's libc.a was compiled with newlib's own headers, not ours:
 *
 *  - open flags: fopen() builds them with newlib's values (O_CREAT 0x200 ...) and calls
 *    _open(), which translates them to Linux's;
 *  - struct stat: stdio calls _fstat() with newlib's 88-byte struct stat to learn whether
 *    a stream is a terminal and its block size; _fstat() converts the kernel's stat64.
 *
 * The values are those of newlib 3.3's <sys/_default_fcntl.h> and <sys/stat.h> for
 * arm-none-eabi. tests/user/newlib_abi_check.c compiles against newlib's headers alone
 * and fails to build if any of them drifts.
 */
#ifndef USER_LIB_NEWLIB_ABI_H
#define USER_LIB_NEWLIB_ABI_H

#define NEWLIB_O_ACCMODE   0x0003
#define NEWLIB_O_APPEND	   0x0008
#define NEWLIB_O_CREAT	   0x0200
#define NEWLIB_O_TRUNC	   0x0400
#define NEWLIB_O_EXCL	   0x0800
#define NEWLIB_O_SYNC	   0x2000
#define NEWLIB_O_NONBLOCK  0x4000
#define NEWLIB_O_NOCTTY	   0x8000
#define NEWLIB_O_CLOEXEC   0x40000
#define NEWLIB_O_DIRECT	   0x80000
#define NEWLIB_O_NOFOLLOW  0x100000
#define NEWLIB_O_DIRECTORY 0x200000

/* newlib's struct timespec: a 64-bit time_t, then long nanoseconds, padded to 16 bytes. */
struct newlib_timespec {
	long long tv_sec;
	long tv_nsec;
};

/* newlib's struct stat (its <sys/stat.h>, non-Cygwin branch), 88 bytes. */
struct newlib_stat {
	short st_dev;
	unsigned short st_ino;
	unsigned int st_mode;
	unsigned short st_nlink;
	unsigned short st_uid;
	unsigned short st_gid;
	short st_rdev;
	long st_size;
	struct newlib_timespec st_atim;
	struct newlib_timespec st_mtim;
	struct newlib_timespec st_ctim;
	long st_blksize;
	long st_blocks;
	long st_spare4[2];
};

#endif /* USER_LIB_NEWLIB_ABI_H */
