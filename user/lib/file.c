// SPDX-License-Identifier: MIT
/*
 * Files, descriptors and directories by name: thin wrappers, one syscall each.
 *
 * read(), write(), close(), lseek(), unlink(), link() and isatty() are newlib's own, which
 * call the stubs in newlib.c. open(), the stat() family and access() are defined here
 * because newlib's versions speak newlib's flag values and struct stat.
 */
#include <sys/types.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "syscall.h"

/* The mode argument exists only when a file may be created. */
static mode_t open_mode(int flags, va_list ap)
{
	if (flags & O_CREAT)
		return va_arg(ap, mode_t);
	return 0;
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = open_mode(flags, ap);
	va_end(ap);
	return syscall_ret(syscall3(__NR_open, (long)path, flags, mode));
}

int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = open_mode(flags, ap);
	va_end(ap);
	return syscall_ret(syscall4(__NR_openat, dirfd, (long)path, flags, mode));
}

int creat(const char *path, mode_t mode)
{
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int fstat(int fd, struct stat *st)
{
	return syscall_ret(syscall2(__NR_fstat64, fd, (long)st));
}

int stat(const char *path, struct stat *st)
{
	return syscall_ret(syscall2(__NR_stat64, (long)path, (long)st));
}

int lstat(const char *path, struct stat *st)
{
	return syscall_ret(syscall2(__NR_lstat64, (long)path, (long)st));
}

int access(const char *path, int mode)
{
	return syscall_ret(syscall2(__NR_access, (long)path, mode));
}

/* fcntl's third argument is an int or a pointer; both travel in one register. */
int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	return syscall_ret(syscall3(__NR_fcntl, fd, cmd, arg));
}

int dup(int fd)
{
	return syscall_ret(syscall1(__NR_dup, fd));
}

int dup2(int oldfd, int newfd)
{
	return syscall_ret(syscall2(__NR_dup2, oldfd, newfd));
}

int dup3(int oldfd, int newfd, int flags)
{
	return syscall_ret(syscall3(__NR_dup3, oldfd, newfd, flags));
}

/* pipe(2) writes both descriptors into fds[]; fds[0] is the read end. */
int pipe(int fds[2])
{
	return syscall_ret(syscall1(__NR_pipe, (long)fds));
}

int pipe2(int fds[2], int flags)
{
	return syscall_ret(syscall2(__NR_pipe2, (long)fds, flags));
}

/*
 * pread64(2)/pwrite64(2) take a 64-bit offset; the ARM EABI passes a 64-bit argument in an
 * even/odd register pair, so r3 is skipped (0) and the offset goes in r4 (low), r5 (high).
 */
ssize_t pread(int fd, void *buf, size_t count, off_t offset)
{
	return syscall_ret(
	    syscall6(__NR_pread64, fd, (long)buf, (long)count, 0, offset, offset < 0 ? -1 : 0));
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset)
{
	return syscall_ret(
	    syscall6(__NR_pwrite64, fd, (long)buf, (long)count, 0, offset, offset < 0 ? -1 : 0));
}

int ftruncate(int fd, off_t length)
{
	return syscall_ret(syscall2(__NR_ftruncate, fd, length));
}

int truncate(const char *path, off_t length)
{
	return syscall_ret(syscall2(__NR_truncate, (long)path, length));
}

int fsync(int fd)
{
	return syscall_ret(syscall1(__NR_fsync, fd));
}

int fdatasync(int fd)
{
	return syscall_ret(syscall1(__NR_fdatasync, fd));
}

void sync(void)
{
	syscall0(__NR_sync);
}

/* rename(2), atomic; newlib's rename() would fall back to link() then unlink(). */
int rename(const char *oldpath, const char *newpath)
{
	return syscall_ret(syscall2(__NR_rename, (long)oldpath, (long)newpath));
}

int symlink(const char *target, const char *linkpath)
{
	return syscall_ret(syscall2(__NR_symlink, (long)target, (long)linkpath));
}

ssize_t readlink(const char *path, char *buf, size_t size)
{
	return syscall_ret(syscall3(__NR_readlink, (long)path, (long)buf, (long)size));
}

int mkdir(const char *path, mode_t mode)
{
	return syscall_ret(syscall2(__NR_mkdir, (long)path, mode));
}

int rmdir(const char *path)
{
	return syscall_ret(syscall1(__NR_rmdir, (long)path));
}

int chdir(const char *path)
{
	return syscall_ret(syscall1(__NR_chdir, (long)path));
}

int fchdir(int fd)
{
	return syscall_ret(syscall1(__NR_fchdir, fd));
}

int chmod(const char *path, mode_t mode)
{
	return syscall_ret(syscall2(__NR_chmod, (long)path, mode));
}

int fchmod(int fd, mode_t mode)
{
	return syscall_ret(syscall2(__NR_fchmod, fd, mode));
}

mode_t umask(mode_t mask)
{
	return (mode_t)syscall1(__NR_umask, mask);
}

/*
 * getcwd(2) returns the length of the path including its NUL (not the buffer, as the C
 * function does). With buf NULL the buffer is malloc()ed, as glibc does.
 */
char *getcwd(char *buf, size_t size)
{
	char *mine = NULL;
	long r;

	if (buf == NULL) {
		if (size == 0)
			size = 4096;
		buf = mine = malloc(size);
		if (buf == NULL)
			return NULL;
	}
	r = syscall2(__NR_getcwd, (long)buf, (long)size);
	if (syscall_failed(r)) {
		free(mine);
		errno = (int)-r;
		return NULL;
	}
	return buf;
}
