// SPDX-License-Identifier: MIT
/* Opening files and the checks around read, write, seek, truncate and readdir. */
#include <fs/fs.h>
#include <mm/pagemap.h>
#include <mm/page_alloc.h>
#include <mm/slab.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <lib/string.h>
#include <lib/vsprintf.h>
#include <kernel/sched.h>

struct inode *namei_parent(const char *path, const char **name, size_t *len);

static bool file_readable(const struct file *f)
{
	return (f->f_flags & O_ACCMODE) != O_WRONLY;
}

static bool file_writable(const struct file *f)
{
	return (f->f_flags & O_ACCMODE) != O_RDONLY;
}

/* The inode of path, made as an empty regular file if it does not exist (O_CREAT). */
static struct inode *open_create(const char *path, unsigned int flags, umode_t mode)
{
	const char *name;
	size_t len;
	struct inode *dir = namei_parent(path, &name, &len);
	struct inode *inode;

	if (IS_ERR(dir))
		return dir;
	mutex_lock(&dir->i_sb->s_mutex);
	inode = dir->i_op->lookup(dir, name, len);
	if (!IS_ERR(inode)) {
		inode = follow_mount(inode);
		if (flags & O_EXCL) {
			iput(inode);
			inode = ERR_PTR(-EEXIST);
		}
	} else if (PTR_ERR(inode) == -ENOENT) {
		if (dir->i_sb->s_rdonly)
			inode = ERR_PTR(-EROFS);
		else if (!dir->i_op->create)
			inode = ERR_PTR(-EPERM);
		else
			inode = dir->i_op->create(dir, name, len, S_IFREG | (mode & 07777));
	}
	mutex_unlock(&dir->i_sb->s_mutex);
	iput(dir);
	return inode;
}

/* path made absolute against the working directory (for /proc/PID/maps); NULL if no memory. */
static char *absolute_path(const char *path)
{
	const char *cwd = (path[0] == '/' || !current->cwd_path[0]) ? "" : current->cwd_path;
	size_t len = strlen(cwd) + 1 + strlen(path) + 1;
	char *abs = kmalloc(len);

	if (abs)
		snprintf(abs, len, "%s%s%s", cwd, (*cwd && strcmp(cwd, "/")) ? "/" : "", path);
	return abs;
}

struct file *alloc_file(struct inode *inode, unsigned int flags,
			const struct file_operations *fops)
{
	struct file *file = kzalloc(sizeof(*file));

	if (!file)
		return NULL;
	file->f_inode = inode;
	file->f_flags = flags;
	file->f_op = fops;
	file->f_count = 1;
	mutex_init(&file->f_pos_lock);
	return file;
}

struct file *vfs_open(const char *path, unsigned int flags, umode_t mode)
{
	struct inode *inode;
	struct file *file;
	int err;

	inode = (flags & O_CREAT) ? open_create(path, flags, mode) : namei(path);
	if (IS_ERR(inode))
		return (struct file *)inode;
	err = -EISDIR;
	if (S_ISDIR(inode->i_mode) && (flags & O_ACCMODE) != O_RDONLY)
		goto fail;
	err = -ENOTDIR;
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		goto fail;
	err = -EROFS;
	if ((flags & O_ACCMODE) != O_RDONLY && inode->i_sb->s_rdonly)
		goto fail;
	err = -EINVAL;
	if ((flags & O_ACCMODE) == O_ACCMODE)
		goto fail;
	if ((flags & O_TRUNC) && (flags & O_ACCMODE) != O_RDONLY && S_ISREG(inode->i_mode)) {
		err = vfs_truncate(inode, 0);
		if (err)
			goto fail;
	}
	err = -ENOMEM;
	file = alloc_file(inode, flags, inode->i_fop);
	if (!file)
		goto fail;
	file->f_path = absolute_path(path);
	if (file->f_op && file->f_op->open) {
		err = file->f_op->open(inode, file);
		if (err) {
			kfree(file->f_path);
			kfree(file);
			goto fail;
		}
	}
	return file;
fail:
	iput(inode);
	return ERR_PTR(err);
}

void fget(struct file *file)
{
	__atomic_add_fetch(&file->f_count, 1, __ATOMIC_SEQ_CST);
}

void fput(struct file *file)
{
	if (__atomic_sub_fetch(&file->f_count, 1, __ATOMIC_SEQ_CST))
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	iput(file->f_inode);
	kfree(file->f_path);
	kfree(file);
}

ssize_t vfs_read(struct file *file, char *buf, size_t len)
{
	ssize_t n;

	if (!file_readable(file))
		return -EBADF;
	if (S_ISDIR(file->f_inode->i_mode))
		return -EISDIR;
	if (!file->f_op || !file->f_op->read)
		return -EINVAL;
	mutex_lock(&file->f_pos_lock);
	n = file->f_op->read(file, buf, len, &file->f_pos);
	mutex_unlock(&file->f_pos_lock);
	return n;
}

ssize_t vfs_write(struct file *file, const char *buf, size_t len)
{
	ssize_t n;

	if (!file_writable(file))
		return -EBADF;
	if (!file->f_op || !file->f_op->write)
		return -EINVAL;
	mutex_lock(&file->f_pos_lock);
	n = file->f_op->write(file, buf, len, &file->f_pos);
	mutex_unlock(&file->f_pos_lock);
	return n;
}

loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t pos;

	if (!file->f_op || !file->f_op->llseek)
		return -ESPIPE;
	mutex_lock(&file->f_pos_lock);
	pos = file->f_op->llseek(file, offset, whence);
	mutex_unlock(&file->f_pos_lock);
	return pos;
}

int vfs_fsync(struct file *file)
{
	if (!file->f_op || !file->f_op->fsync)
		return -EINVAL;
	return file->f_op->fsync(file);
}

int vfs_readdir(struct file *file, filldir_t fill, void *arg)
{
	int err;

	if (!S_ISDIR(file->f_inode->i_mode) || !file->f_op || !file->f_op->iterate)
		return -ENOTDIR;
	mutex_lock(&file->f_pos_lock);
	err = file->f_op->iterate(file, fill, arg);
	mutex_unlock(&file->f_pos_lock);
	return err;
}

/*
 * Changes a file's size. Pages wholly beyond the new end leave the page cache; the tail of
 * the page that straddles it is zeroed, so a later extension reads zeros there, not the old
 * bytes. Then the filesystem frees the blocks.
 */
int vfs_truncate(struct inode *inode, loff_t size)
{
	struct page *page;
	int err;

	if (size < 0)
		return -EINVAL;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	if (inode->i_sb->s_rdonly)
		return -EROFS;
	if (!inode->i_op->setsize)
		return -EPERM;
	mutex_lock(&inode->i_mutex);
	if (size < inode->i_size && (size & (PAGE_SIZE - 1))) {
		page = find_get_page(inode->i_mapping, size >> PAGE_SHIFT);
		if (page) {
			lock_page(page);
			if (PageUptodate(page)) {
				unsigned int off = size & (PAGE_SIZE - 1);

				memset((char *)page_address(page) + off, 0, PAGE_SIZE - off);
				set_page_dirty(page);
			}
			unlock_page(page);
			put_page(page);
		}
	}
	unmap_mapping_range(inode->i_mapping, (size + PAGE_SIZE - 1) >> PAGE_SHIFT);
	truncate_inode_pages(inode->i_mapping, (size + PAGE_SIZE - 1) >> PAGE_SHIFT);
	err = inode->i_op->setsize(inode, size);
	if (!err) {
		inode->i_size = size;
		mark_inode_dirty(inode);
	}
	mutex_unlock(&inode->i_mutex);
	return err;
}
