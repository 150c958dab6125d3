// SPDX-License-Identifier: MIT
/* File descriptor tables. */
#include <kernel/files.h>
#include <kernel/sched.h>
#include <kernel/errno.h>
#include <fs/fs.h>
#include <mm/slab.h>

struct files_struct *files_alloc(void)
{
	struct files_struct *files = kzalloc(sizeof(*files));

	if (files) {
		files->count = 1;
		spin_lock_init(&files->lock);
	}
	return files;
}

struct files_struct *files_dup(struct files_struct *old)
{
	struct files_struct *files = files_alloc();
	int i;

	if (!files)
		return NULL;
	spin_lock(&old->lock);
	for (i = 0; i < NR_OPEN; i++) {
		files->fd[i] = old->fd[i];
		if (files->fd[i])
			fget(files->fd[i]);
	}
	for (i = 0; i < (NR_OPEN + 31) / 32; i++)
		files->close_on_exec[i] = old->close_on_exec[i];
	spin_unlock(&old->lock);
	return files;
}

void files_put(struct files_struct *files)
{
	int i;

	if (!files || --files->count)
		return;
	for (i = 0; i < NR_OPEN; i++)
		if (files->fd[i])
			fput(files->fd[i]);
	kfree(files);
}

struct file *fget_fd(int fd)
{
	struct files_struct *files = current->files;
	struct file *file = NULL;

	if (!files || fd < 0 || fd >= NR_OPEN)
		return NULL;
	spin_lock(&files->lock);
	file = files->fd[fd];
	if (file)
		fget(file);
	spin_unlock(&files->lock);
	return file;
}

int fd_install_lowest(struct file *file, int min)
{
	struct files_struct *files = current->files;
	int fd;

	spin_lock(&files->lock);
	for (fd = min; fd < NR_OPEN; fd++)
		if (!files->fd[fd]) {
			files->fd[fd] = file;
			files->close_on_exec[fd / 32] &= ~(1ul << (fd % 32));
			spin_unlock(&files->lock);
			return fd;
		}
	spin_unlock(&files->lock);
	fput(file);
	return -EMFILE;
}

void fd_set_cloexec(int fd, bool on)
{
	struct files_struct *files = current->files;

	spin_lock(&files->lock);
	if (on)
		files->close_on_exec[fd / 32] |= 1ul << (fd % 32);
	else
		files->close_on_exec[fd / 32] &= ~(1ul << (fd % 32));
	spin_unlock(&files->lock);
}

int fd_close(int fd)
{
	struct files_struct *files = current->files;
	struct file *file;

	if (fd < 0 || fd >= NR_OPEN)
		return -EBADF;
	spin_lock(&files->lock);
	file = files->fd[fd];
	files->fd[fd] = NULL;
	spin_unlock(&files->lock);
	if (!file)
		return -EBADF;
	fput(file);
	return 0;
}

void files_close_on_exec(struct files_struct *files)
{
	int fd;

	for (fd = 0; fd < NR_OPEN; fd++)
		if (files->close_on_exec[fd / 32] & (1ul << (fd % 32))) {
			files->close_on_exec[fd / 32] &= ~(1ul << (fd % 32));
			if (files->fd[fd]) {
				fput(files->fd[fd]);
				files->fd[fd] = NULL;
			}
		}
}
