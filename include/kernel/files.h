/* SPDX-License-Identifier: MIT */
/* A process's open files: descriptor n -> struct file (kernel/files.c). */
#ifndef KERNEL_FILES_H
#define KERNEL_FILES_H

#include <types.h>
#include <kernel/spinlock.h>

#define NR_OPEN 64

struct file;

struct files_struct {
	int count;			/* processes sharing it (not yet: always 1) */
	spinlock_t lock;
	struct file *fd[NR_OPEN];
	unsigned long close_on_exec[(NR_OPEN + 31) / 32];
};

struct files_struct *files_alloc(void);
/* A copy for fork: the same open files, each with one more reference. */
struct files_struct *files_dup(struct files_struct *old);
void files_put(struct files_struct *files);	/* closes everything */

/* The file of fd, with a reference (fput it), or NULL: callers return -EBADF. */
struct file *fget_fd(int fd);
/* Puts file in the lowest free slot >= min; returns it or -EMFILE. Consumes the reference. */
int fd_install_lowest(struct file *file, int min);
int fd_close(int fd);
/* Marks fd close-on-exec or not (Linux: __set_close_on_exec / __clear_close_on_exec). */
void fd_set_cloexec(int fd, bool on);
/* Closes the descriptors marked close-on-exec (execve). */
void files_close_on_exec(struct files_struct *files);

#endif
