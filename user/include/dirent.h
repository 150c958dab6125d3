/* SPDX-License-Identifier: MIT */
/*
 * Reading directories: opendir()/readdir()/closedir() over getdents64(2). newlib's
 * <dirent.h> is an #error on bare-metal targets; this replaces it.
 *
 * struct dirent is the kernel's struct linux_dirent64 (include/linux/dirent.h):
 *
 *   offset  0  d_ino (64)   8  d_off (64, opaque cookie)   16  d_reclen (16)
 *          18  d_type (8)  19  d_name, NUL-terminated, the record padded to 8 bytes
 *
 * getdents64() packs as many records as fit into the caller's buffer, each d_reclen
 * bytes long; readdir() hands out pointers into that buffer, so a name is only valid until
 * the next readdir() on the same DIR.
 */
#ifndef _DIRENT_H_
#define _DIRENT_H_

#include <sys/cdefs.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

struct dirent {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[256];
};

/* d_type */
#define DT_UNKNOWN 0
#define DT_FIFO	   1
#define DT_CHR	   2
#define DT_DIR	   4
#define DT_BLK	   6
#define DT_REG	   8
#define DT_LNK	   10
#define DT_SOCK	   12

typedef struct __dirstream DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *dir);
void rewinddir(DIR *dir);
int closedir(DIR *dir);
int dirfd(DIR *dir);

/* The raw call: fills buf with struct dirent records; returns bytes used, 0 at the end. */
ssize_t getdents64(int fd, void *buf, size_t count);

#ifdef __cplusplus
}
#endif

#endif /* _DIRENT_H_ */
