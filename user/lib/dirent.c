// SPDX-License-Identifier: MIT
/*
 * opendir()/readdir()/closedir(): a directory descriptor and a buffer that getdents64(2)
 * fills with as many records as fit. readdir() walks the records by their d_reclen and
 * refills the buffer when it runs out; getdents64 returning 0 means the end.
 */
#include <sys/types.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "syscall.h"

struct __dirstream {
	int fd;
	size_t pos; /* offset of the next record in buf */
	size_t len; /* bytes of records in buf */
	/* Records are 8-byte aligned; the spare 256 bytes let a caller copy a whole
	 * struct dirent even from the last, short record. */
	char buf[4096] __attribute__((aligned(8)));
	char spare[256];
};

ssize_t getdents64(int fd, void *buf, size_t count)
{
	return syscall_ret(syscall3(__NR_getdents64, fd, (long)buf, (long)count));
}

DIR *fdopendir(int fd)
{
	DIR *dir = malloc(sizeof(*dir));

	if (dir == NULL)
		return NULL;
	dir->fd = fd;
	dir->pos = 0;
	dir->len = 0;
	return dir;
}

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *dir;

	if (fd < 0)
		return NULL;
	dir = fdopendir(fd);
	if (dir == NULL)
		close(fd);
	return dir;
}

struct dirent *readdir(DIR *dir)
{
	struct dirent *de;

	if (dir->pos >= dir->len) {
		ssize_t n = getdents64(dir->fd, dir->buf, sizeof(dir->buf));

		if (n <= 0)
			return NULL; /* 0: the end (errno untouched); -1: an error */
		dir->len = (size_t)n;
		dir->pos = 0;
	}
	de = (struct dirent *)(dir->buf + dir->pos);
	dir->pos += de->d_reclen;
	return de;
}

void rewinddir(DIR *dir)
{
	lseek(dir->fd, 0, SEEK_SET);
	dir->pos = 0;
	dir->len = 0;
}

int dirfd(DIR *dir)
{
	return dir->fd;
}

int closedir(DIR *dir)
{
	int r = close(dir->fd);

	free(dir);
	return r;
}
