// SPDX-License-Identifier: MIT
/*
 * The "system calls" newlib's libc.a expects its target to provide.
 *
 * newlib is built for bare metal: its stdio, malloc, exit() and time() end in calls to
 * _read(), _write(), _sbrk(), _exit(), _gettimeofday() ... that the platform supplies
 * (newlib's libc/reent/ files call them; the Debian build provides none, which is why
 * plain arm-none-eabi programs are linked with nosys.specs or rdimon.specs). Here each one
 * is a Linux syscall. A stub returns -1 and sets errno on failure, as newlib expects.
 *
 * Two of them translate, because the newlib code calling them was compiled with newlib's
 * headers rather than ours: _open() receives newlib's O_* bits, and _fstat()/_stat() fill
 * newlib's struct stat (see newlib_abi.h). The POSIX functions a program calls directly
 * (open(), fstat() ... in file.c) take our headers' Linux values and need no translation.
 *
 * Keep this file free of any name libc.a also defines: the link is a group
 * (libsys.a -lc -lgcc), and a newlib object pulled in for one name must not clash with
 * one of ours pulled in for another.
 */
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "syscall.h"
#include "newlib_abi.h"

ssize_t _read(int fd, void *buf, size_t count);
ssize_t _write(int fd, const void *buf, size_t count);
int _open(const char *path, int newlib_flags, int mode);
int _close(int fd);
off_t _lseek(int fd, off_t offset, int whence);
int _fstat(int fd, struct newlib_stat *st);
int _stat(const char *path, struct newlib_stat *st);
int _isatty(int fd);
void *_sbrk(ptrdiff_t increment);
void _exit(int status);
int _kill(pid_t pid, int sig);
pid_t _getpid(void);
clock_t _times(struct tms *tms);
int _gettimeofday(struct timeval *tv, void *tz);
int _link(const char *oldpath, const char *newpath);
int _unlink(const char *path);
pid_t _fork(void);
int _execve(const char *path, char *const argv[], char *const envp[]);
pid_t _wait(int *status);

ssize_t _read(int fd, void *buf, size_t count)
{
	return syscall_ret(syscall3(__NR_read, fd, (long)buf, (long)count));
}

ssize_t _write(int fd, const void *buf, size_t count)
{
	return syscall_ret(syscall3(__NR_write, fd, (long)buf, (long)count));
}

/* newlib's O_* bits, as fopen() and newlib's open() produce them, to Linux's. */
static int linux_open_flags(int nf)
{
	static const struct {
		int newlib_flag, linux_flag;
	} map[] = {
	    {NEWLIB_O_APPEND, O_APPEND},       {NEWLIB_O_CREAT, O_CREAT},
	    {NEWLIB_O_TRUNC, O_TRUNC},	       {NEWLIB_O_EXCL, O_EXCL},
	    {NEWLIB_O_SYNC, O_SYNC},	       {NEWLIB_O_NONBLOCK, O_NONBLOCK},
	    {NEWLIB_O_NOCTTY, O_NOCTTY},       {NEWLIB_O_CLOEXEC, O_CLOEXEC},
	    {NEWLIB_O_DIRECT, O_DIRECT},       {NEWLIB_O_NOFOLLOW, O_NOFOLLOW},
	    {NEWLIB_O_DIRECTORY, O_DIRECTORY},
	};
	int flags = nf & NEWLIB_O_ACCMODE; /* O_RDONLY 0, O_WRONLY 1, O_RDWR 2 in both */
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		if (nf & map[i].newlib_flag)
			flags |= map[i].linux_flag;
	}
	return flags;
}

int _open(const char *path, int newlib_flags, int mode)
{
	return syscall_ret(syscall3(__NR_open, (long)path, linux_open_flags(newlib_flags), mode));
}

int _close(int fd)
{
	return syscall_ret(syscall1(__NR_close, fd));
}

off_t _lseek(int fd, off_t offset, int whence)
{
	return syscall_ret(syscall3(__NR_lseek, fd, offset, whence));
}

/* The kernel's stat64 (our struct stat) into newlib's struct stat. */
static void to_newlib_stat(const struct stat *k, struct newlib_stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = (short)k->st_dev;
	st->st_ino = (unsigned short)k->st_ino;
	st->st_mode = k->st_mode;
	st->st_nlink = (unsigned short)k->st_nlink;
	st->st_uid = (unsigned short)k->st_uid;
	st->st_gid = (unsigned short)k->st_gid;
	st->st_rdev = (short)k->st_rdev;
	st->st_size = (long)k->st_size;
	st->st_atim.tv_sec = k->st_atime;
	st->st_atim.tv_nsec = (long)k->st_atime_nsec;
	st->st_mtim.tv_sec = k->st_mtime;
	st->st_mtim.tv_nsec = (long)k->st_mtime_nsec;
	st->st_ctim.tv_sec = k->st_ctime;
	st->st_ctim.tv_nsec = (long)k->st_ctime_nsec;
	st->st_blksize = (long)k->st_blksize;
	st->st_blocks = (long)k->st_blocks;
}

int _fstat(int fd, struct newlib_stat *st)
{
	struct stat k;

	if (fstat(fd, &k) < 0)
		return -1;
	to_newlib_stat(&k, st);
	return 0;
}

int _stat(const char *path, struct newlib_stat *st)
{
	struct stat k;

	if (stat(path, &k) < 0)
		return -1;
	to_newlib_stat(&k, st);
	return 0;
}

/*
 * A terminal is whatever answers the terminal ioctl TCGETS (as glibc's isatty() asks).
 * stdio asks this to make stdout line-buffered on a terminal and fully buffered on a pipe
 * or a file. On ARM the kernel's struct termios is 36 bytes; the buffer has room to spare.
 */
#define TCGETS 0x5401

int _isatty(int fd)
{
	unsigned char termios[64];
	long r = syscall3(__NR_ioctl, fd, TCGETS, (long)termios);

	if (syscall_failed(r)) {
		errno = (int)-r;
		return 0;
	}
	return 1;
}

/*
 * The heap, for malloc(): brk(2) moves the end of the data segment. Linux's brk returns
 * the new break, or the old one if it cannot move; brk(0) asks where it is.
 */
void *_sbrk(ptrdiff_t increment)
{
	static unsigned long cur;
	unsigned long old, want;

	if (cur == 0)
		cur = (unsigned long)syscall1(__NR_brk, 0);
	old = cur;
	want = old + increment;
	if ((unsigned long)syscall1(__NR_brk, (long)want) != want) {
		errno = ENOMEM;
		return (void *)-1;
	}
	cur = want;
	return (void *)old;
}

/* exit_group, not exit: the whole process ends, as _exit() must. */
void _exit(int status)
{
	for (;;)
		syscall1(__NR_exit_group, status);
}

int _kill(pid_t pid, int sig)
{
	return syscall_ret(syscall2(__NR_kill, pid, sig));
}

pid_t _getpid(void)
{
	return syscall0(__NR_getpid);
}

/*
 * times(), for clock(): newlib's CLOCKS_PER_SEC is 100, the same as Linux's USER_HZ, so
 * ticks are hundredths of a second. The process's CPU time if the kernel keeps it (clock
 * 2), else the time since boot. Children's times are not known here and read as 0.
 */
static clock_t clock_ticks(clockid_t clk)
{
	struct timespec ts;

	if (clock_gettime(clk, &ts) < 0)
		return (clock_t)-1;
	return (clock_t)(ts.tv_sec * CLOCKS_PER_SEC + ts.tv_nsec / (1000000000 / CLOCKS_PER_SEC));
}

clock_t _times(struct tms *tms)
{
	clock_t now = clock_ticks(CLOCK_MONOTONIC);
	clock_t cpu = clock_ticks(CLOCK_PROCESS_CPUTIME_ID);

	if (tms) {
		tms->tms_utime = cpu == (clock_t)-1 ? now : cpu;
		tms->tms_stime = 0;
		tms->tms_cutime = 0;
		tms->tms_cstime = 0;
	}
	return now;
}

int _gettimeofday(struct timeval *tv, void *tz)
{
	struct timespec ts;

	(void)tz; /* obsolete: Linux fills it with zeros, newlib never passes one */
	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		return -1;
	if (tv) {
		tv->tv_sec = ts.tv_sec;
		tv->tv_usec = ts.tv_nsec / 1000;
	}
	return 0;
}

int _link(const char *oldpath, const char *newpath)
{
	return syscall_ret(syscall2(__NR_link, (long)oldpath, (long)newpath));
}

int _unlink(const char *path)
{
	return syscall_ret(syscall1(__NR_unlink, (long)path));
}

pid_t _fork(void)
{
	return fork();
}

int _execve(const char *path, char *const argv[], char *const envp[])
{
	return execve(path, argv, envp);
}

pid_t _wait(int *status)
{
	return wait4(-1, status, 0, NULL);
}
