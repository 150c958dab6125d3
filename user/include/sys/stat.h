/* SPDX-License-Identifier: MIT */
/*
 * struct stat as the Linux ARM kernel writes it for stat64(2), lstat64(2) and fstat64(2)
 * (arch/arm/include/uapi/asm/stat.h, struct stat64, 104 bytes with EABI alignment):
 *
 *   offset  0  st_dev (64)          8  padding            12  __st_ino (low 32 bits)
 *          16  st_mode             20  st_nlink           24  st_uid    28  st_gid
 *          32  st_rdev (64)        40  padding            48  st_size (64)
 *          56  st_blksize          64  st_blocks (64, in 512-byte units)
 *          72  st_atime, st_atime_nsec  80  st_mtime, ...  88  st_ctime, ...
 *          96  st_ino (64)
 *
 * It replaces newlib's <sys/stat.h>, whose struct stat (88 bytes, 16-bit st_dev and st_ino,
 * 64-bit times) is nothing like it. The stat() family below fills this struct straight from
 * the kernel; newlib's own code, which was compiled against its struct, reaches the kernel
 * through _fstat()/_stat() in user/lib/newlib.c, which convert.
 *
 * The times are the kernel's 32-bit seconds plus nanoseconds, not POSIX's struct timespec
 * st_atim (newlib's time_t has 64 bits and would not match the kernel's layout).
 */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <sys/cdefs.h>
#include <sys/types.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

struct stat {
	unsigned long long st_dev;
	unsigned char __pad0[4];
	unsigned long __st_ino; /* the inode number's low 32 bits; use st_ino */
	unsigned int st_mode;
	unsigned int st_nlink;
	unsigned long st_uid;
	unsigned long st_gid;
	unsigned long long st_rdev;
	unsigned char __pad3[4];
	long long st_size;
	unsigned long st_blksize;
	unsigned long long st_blocks;
	unsigned long st_atime;
	unsigned long st_atime_nsec;
	unsigned long st_mtime;
	unsigned long st_mtime_nsec;
	unsigned long st_ctime;
	unsigned long st_ctime_nsec;
	unsigned long long st_ino;
};

/* File types and permission bits: the traditional octal values, the same in newlib. */
#define S_IFMT	 0170000
#define S_IFSOCK 0140000
#define S_IFLNK	 0120000
#define S_IFREG	 0100000
#define S_IFBLK	 0060000
#define S_IFDIR	 0040000
#define S_IFCHR	 0020000
#define S_IFIFO	 0010000
#define S_ISUID	 0004000
#define S_ISGID	 0002000
#define S_ISVTX	 0001000

#define S_ISLNK(m)  (((m)&S_IFMT) == S_IFLNK)
#define S_ISREG(m)  (((m)&S_IFMT) == S_IFREG)
#define S_ISDIR(m)  (((m)&S_IFMT) == S_IFDIR)
#define S_ISCHR(m)  (((m)&S_IFMT) == S_IFCHR)
#define S_ISBLK(m)  (((m)&S_IFMT) == S_IFBLK)
#define S_ISFIFO(m) (((m)&S_IFMT) == S_IFIFO)
#define S_ISSOCK(m) (((m)&S_IFMT) == S_IFSOCK)

#define S_IRWXU	 00700
#define S_IRUSR	 00400
#define S_IWUSR	 00200
#define S_IXUSR	 00100
#define S_IRWXG	 00070
#define S_IRGRP	 00040
#define S_IWGRP	 00020
#define S_IXGRP	 00010
#define S_IRWXO	 00007
#define S_IROTH	 00004
#define S_IWOTH	 00002
#define S_IXOTH	 00001
#define S_IREAD	 S_IRUSR
#define S_IWRITE S_IWUSR
#define S_IEXEC	 S_IXUSR

int stat(const char *path, struct stat *st);
int lstat(const char *path, struct stat *st);
int fstat(int fd, struct stat *st);
int mkdir(const char *path, mode_t mode);
int chmod(const char *path, mode_t mode);
int fchmod(int fd, mode_t mode);
mode_t umask(mode_t mask);

#ifdef __cplusplus
}
#endif

#endif /* _SYS_STAT_H */
