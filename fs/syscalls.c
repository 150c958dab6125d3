// SPDX-License-Identifier: MIT
/*
 * The file system calls: argument checks and user-memory copies around the VFS. Every
 * error is the errno Linux returns for the same mistake.
 */
#include <fs/fs.h>
#include <kernel/files.h>
#include <kernel/sched.h>
#include <kernel/timer.h>
#include <kernel/uaccess.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <block/blkdev.h>
#include <mm/slab.h>
#include <lib/string.h>

#define PATH_MAX 4096

/* Copies a user path into a new kernel buffer (kfree it), or returns ERR_PTR. */
static char *getname(const char __user *upath)
{
	char *path = kmalloc(PATH_MAX);
	long n;

	if (!path)
		return ERR_PTR(-ENOMEM);
	n = strncpy_from_user(path, upath, PATH_MAX);
	if (n < 0) {
		kfree(path);
		return ERR_PTR(n);
	}
	if (n == 0) {
		kfree(path);
		return ERR_PTR(-ENOENT);
	}
	return path;
}

long sys_open(const char __user *upath, int flags, int mode)
{
	char *path = getname(upath);
	struct file *file;
	long fd;

	if (IS_ERR(path))
		return PTR_ERR(path);

	file = vfs_open(path, (unsigned int)flags & ~O_CLOEXEC,
			(umode_t)(mode & ~current->umask));
	kfree(path);
	if (IS_ERR(file))
		return PTR_ERR(file);
	fd = fd_install_lowest(file, 0);
	if (fd >= 0 && (flags & O_CLOEXEC))
		fd_set_cloexec((int)fd, true);
	return fd;
}

long sys_close(int fd)
{
	return fd_close(fd);
}

long sys_read(int fd, char __user *buf, size_t len)
{
	struct file *file = fget_fd(fd);
	ssize_t n;

	if (!file)
		return -EBADF;
	n = access_ok(buf, len) ? vfs_read(file, buf, len) : -EFAULT;
	fput(file);
	return n;
}

long sys_write(int fd, const char __user *buf, size_t len)
{
	struct file *file = fget_fd(fd);
	ssize_t n;

	if (!file)
		return -EBADF;
	n = access_ok(buf, len) ? vfs_write(file, buf, len) : -EFAULT;
	fput(file);
	return n;
}

long sys_lseek(int fd, long offset, int whence)
{
	struct file *file = fget_fd(fd);
	loff_t pos;

	if (!file)
		return -EBADF;
	pos = vfs_llseek(file, offset, whence);
	fput(file);
	if (pos > 0x7fffffff)
		return -EOVERFLOW;
	return (long)pos;
}

long sys_llseek(int fd, unsigned long hi, unsigned long lo, loff_t __user *result, int whence)
{
	struct file *file = fget_fd(fd);
	loff_t pos;

	if (!file)
		return -EBADF;
	pos = vfs_llseek(file, (loff_t)(((u64)hi << 32) | lo), whence);
	fput(file);
	if (pos < 0)
		return (long)pos;
	return copy_to_user(result, &pos, sizeof(pos)) ? -EFAULT : 0;
}

/* struct stat64 as Linux ARM EABI lays it out (arch/arm/include/uapi/asm/stat.h). */
struct stat64 {
	u64 st_dev;
	u8 __pad0[4];
	u32 __st_ino;
	u32 st_mode;
	u32 st_nlink;
	u32 st_uid;
	u32 st_gid;
	u64 st_rdev;
	u8 __pad3[4];
	s64 st_size;
	u32 st_blksize;
	u64 st_blocks;
	u32 st_atime, st_atime_nsec;
	u32 st_mtime, st_mtime_nsec;
	u32 st_ctime, st_ctime_nsec;
	u64 st_ino;
};
_Static_assert(sizeof(struct stat64) == 104, "struct stat64 is 104 bytes on ARM EABI");

static int fill_stat(struct inode *inode, struct stat64 __user *ubuf)
{
	struct stat64 st = { 0 };

	st.st_dev = inode->i_sb && inode->i_sb->s_bdev ? 0x800 : 0;
	st.__st_ino = (u32)inode->i_ino;
	st.st_ino = inode->i_ino;
	st.st_mode = inode->i_mode;
	st.st_nlink = inode->i_nlink;
	st.st_uid = inode->i_uid;
	st.st_gid = inode->i_gid;
	st.st_size = inode->i_size;
	st.st_blksize = 4096;
	st.st_blocks = (u64)(inode->i_size + 511) / 512;
	st.st_atime = inode->i_atime;
	st.st_mtime = inode->i_mtime;
	st.st_ctime = inode->i_ctime;
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_fstat64(int fd, struct stat64 __user *ubuf)
{
	struct file *file = fget_fd(fd);
	int err;

	if (!file)
		return -EBADF;
	err = fill_stat(file->f_inode, ubuf);
	fput(file);
	return err;
}

static long stat_path(const char __user *upath, struct stat64 __user *ubuf, bool follow)
{
	char *path = getname(upath);
	struct inode *inode;
	int err;

	if (IS_ERR(path))
		return PTR_ERR(path);
	inode = follow ? namei(path) : lnamei(path);
	kfree(path);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	err = fill_stat(inode, ubuf);
	iput(inode);
	return err;
}

long sys_stat64(const char __user *upath, struct stat64 __user *ubuf)
{
	return stat_path(upath, ubuf, true);
}

long sys_lstat64(const char __user *upath, struct stat64 __user *ubuf)
{
	return stat_path(upath, ubuf, false);
}

/*
 * getdents64: struct linux_dirent64 { u64 d_ino; s64 d_off; u16 d_reclen; u8 d_type;
 * char d_name[]; }, each record 8-byte aligned. The records are built in a kernel buffer and
 * copied out after the filesystem let go of its locks: copying to user memory can fault,
 * and a fault on a file mapping of the same filesystem would need those locks.
 */
#define GETDENTS_BUF 4096

struct getdents_ctx {
	char *buf;
	size_t size, used;
};

static int filldir64(void *arg, const char *name, size_t len, loff_t pos, u32 ino,
		     unsigned int type)
{
	struct getdents_ctx *c = arg;
	size_t reclen = ALIGN_UP(19 + len + 1, 8);
	struct {
		u64 d_ino;
		s64 d_off;
		u16 d_reclen;
		u8 d_type;
	} __packed hdr = { ino, pos, (u16)reclen, (u8)type };

	if (c->used + reclen > c->size)
		return 1;
	memcpy(c->buf + c->used, &hdr, 19);
	memcpy(c->buf + c->used + 19, name, len);
	memset(c->buf + c->used + 19 + len, 0, reclen - 19 - len);
	c->used += reclen;
	return 0;
}

long sys_getdents64(int fd, void __user *buf, unsigned int count)
{
	struct file *file = fget_fd(fd);
	struct getdents_ctx c = { NULL, min(count, (unsigned int)GETDENTS_BUF), 0 };
	long err;

	if (!file)
		return -EBADF;
	err = -EFAULT;
	if (!access_ok(buf, count))
		goto out;
	err = -ENOMEM;
	c.buf = kmalloc(GETDENTS_BUF);
	if (!c.buf)
		goto out;
	err = vfs_readdir(file, filldir64, &c);
	if (!err && c.used == 0 && count < ALIGN_UP(19 + 2, 8))
		err = -EINVAL;	/* not even one entry fits */
	if (!err)
		err = copy_to_user(buf, c.buf, c.used) ? -EFAULT : (long)c.used;
	kfree(c.buf);
out:
	fput(file);
	return err;
}

static long path_op(const char __user *upath, int (*op)(const char *path))
{
	char *path = getname(upath);
	int err;

	if (IS_ERR(path))
		return PTR_ERR(path);
	err = op(path);
	kfree(path);
	return err;
}

long sys_unlink(const char __user *upath)
{
	return path_op(upath, vfs_unlink);
}

long sys_rmdir(const char __user *upath)
{
	return path_op(upath, vfs_rmdir);
}

/* A call on two paths: link, symlink and rename. */
static long two_path_op(const char __user *ufirst, const char __user *usecond,
			int (*op)(const char *first, const char *second))
{
	char *first = getname(ufirst), *second;
	int err;

	if (IS_ERR(first))
		return PTR_ERR(first);
	second = getname(usecond);
	if (IS_ERR(second)) {
		kfree(first);
		return PTR_ERR(second);
	}
	err = op(first, second);
	kfree(second);
	kfree(first);
	return err;
}

long sys_link(const char __user *oldpath, const char __user *newpath)
{
	return two_path_op(oldpath, newpath, vfs_link);
}

long sys_symlink(const char __user *target, const char __user *linkpath)
{
	return two_path_op(target, linkpath, vfs_symlink);
}

long sys_rename(const char __user *oldpath, const char __user *newpath)
{
	return two_path_op(oldpath, newpath, vfs_rename);
}

long sys_mkdir(const char __user *upath, int mode)
{
	char *path = getname(upath);
	int err;

	if (IS_ERR(path))
		return PTR_ERR(path);
	err = vfs_mkdir(path, (umode_t)(mode & ~current->umask));
	kfree(path);
	return err;
}

/* umask(2): the new mask (permission bits only), the old one returned; it cannot fail. */
long sys_umask(int mask)
{
	unsigned int old = current->umask;

	current->umask = (unsigned int)mask & 0777;
	return old;
}

/* Keeps cwd_path in step with a successful chdir: resolves "." and ".." lexically. */
static void update_cwd_path(const char *path)
{
	char *out = current->cwd_path;
	char tmp[256];
	const char *p = path;
	size_t len;

	if (*path == '/')
		strlcpy(tmp, "", sizeof(tmp));
	else
		strlcpy(tmp, out, sizeof(tmp));
	len = strlen(tmp);
	while (*p) {
		const char *end;
		size_t n;

		while (*p == '/')
			p++;
		if (!*p)
			break;
		end = strchr(p, '/');
		n = end ? (size_t)(end - p) : strlen(p);
		if (n == 1 && p[0] == '.') {
			/* stays */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (len > 0 && tmp[len - 1] != '/')
				len--;
			if (len > 0)
				len--;
			tmp[len] = '\0';
		} else if (len + 1 + n < sizeof(tmp)) {
			tmp[len++] = '/';
			memcpy(tmp + len, p, n);
			len += n;
			tmp[len] = '\0';
		}
		p += n;
	}
	strlcpy(out, len ? tmp : "/", sizeof(current->cwd_path));
}

/* fchdir(2): the directory an open descriptor names; getcwd gives the path it was opened by. */
long sys_fchdir(int fd)
{
	struct file *file = fget_fd(fd);
	struct inode *inode;

	if (!file)
		return -EBADF;
	inode = file->f_inode;
	if (!S_ISDIR(inode->i_mode)) {
		fput(file);
		return -ENOTDIR;
	}
	ihold(inode);
	iput(current->cwd);
	current->cwd = inode;
	if (file->f_path)
		strlcpy(current->cwd_path, file->f_path, sizeof(current->cwd_path));
	fput(file);
	return 0;
}

/* chmod and fchmod: new permission bits, written back with the inode (sync, fsync, unmount). */
int chmod_common(struct inode *inode, unsigned int mode)
{
	if (inode->i_sb->s_rdonly)
		return -EROFS;
	if (!inode->i_sb->s_op || !inode->i_sb->s_op->write_inode)
		return -EPERM;		/* /proc and pipes keep their modes */
	inode->i_mode = (umode_t)((inode->i_mode & S_IFMT) | (mode & 07777));
	inode->i_ctime = realtime_seconds();
	mark_inode_dirty(inode);
	return 0;
}

/* A call on the inode a path names (followed if it is a symlink): chmod, truncate. */
static long inode_op(const char __user *upath, int (*op)(struct inode *inode, long arg),
		     long arg)
{
	char *path = getname(upath);
	struct inode *inode;
	int err;

	if (IS_ERR(path))
		return PTR_ERR(path);
	inode = namei(path);
	kfree(path);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	err = op(inode, arg);
	iput(inode);
	return err;
}

static int chmod_op(struct inode *inode, long mode)
{
	return chmod_common(inode, (unsigned int)mode);
}

long sys_chmod(const char __user *upath, unsigned int mode)
{
	return inode_op(upath, chmod_op, mode);
}

long sys_fchmod(int fd, unsigned int mode)
{
	struct file *file = fget_fd(fd);
	int err;

	if (!file)
		return -EBADF;
	err = chmod_common(file->f_inode, mode);
	fput(file);
	return err;
}

long sys_chdir(const char __user *upath)
{
	char *path = getname(upath);
	struct inode *inode;

	if (IS_ERR(path))
		return PTR_ERR(path);
	inode = namei(path);
	if (IS_ERR(inode)) {
		kfree(path);
		return PTR_ERR(inode);
	}
	if (!S_ISDIR(inode->i_mode)) {
		iput(inode);
		kfree(path);
		return -ENOTDIR;
	}
	iput(current->cwd);
	current->cwd = inode;
	update_cwd_path(path);
	kfree(path);
	return 0;
}

long sys_getcwd(char __user *buf, unsigned long size)
{
	size_t len = strlen(current->cwd_path) + 1;

	if (size < len)
		return -ERANGE;
	return copy_to_user(buf, current->cwd_path, len) ? -EFAULT : (long)len;
}

long sys_dup(int fd)
{
	struct file *file = fget_fd(fd);

	return file ? fd_install_lowest(file, 0) : -EBADF;
}

/* dup2 and dup3: newfd becomes oldfd's file (closing what it was), close-on-exec as asked. */
static long do_dup2(int oldfd, int newfd, bool cloexec)
{
	struct files_struct *files = current->files;
	struct file *file = fget_fd(oldfd), *old;

	if (!file)
		return -EBADF;
	if (newfd < 0 || newfd >= NR_OPEN) {
		fput(file);
		return -EBADF;
	}
	if (oldfd == newfd) {
		fput(file);
		return newfd;
	}
	spin_lock(&files->lock);
	old = files->fd[newfd];
	files->fd[newfd] = file;
	spin_unlock(&files->lock);
	fd_set_cloexec(newfd, cloexec);
	if (old)
		fput(old);
	return newfd;
}

long sys_dup2(int oldfd, int newfd)
{
	return do_dup2(oldfd, newfd, false);
}

/* dup3: as dup2, but the same fd twice is an error and O_CLOEXEC is the only flag. */
long sys_dup3(int oldfd, int newfd, int flags)
{
	if ((flags & ~O_CLOEXEC) || oldfd == newfd)
		return -EINVAL;
	return do_dup2(oldfd, newfd, flags & O_CLOEXEC);
}

static long do_pipe_fds(int __user *fds, bool cloexec)
{
	struct file *f[2];
	int err = do_pipe(f), rd, wr, k[2];

	if (err)
		return err;
	rd = fd_install_lowest(f[0], 0);
	if (rd < 0) {
		fput(f[1]);
		return rd;
	}
	wr = fd_install_lowest(f[1], 0);
	if (wr < 0) {
		fd_close(rd);
		return wr;
	}
	fd_set_cloexec(rd, cloexec);
	fd_set_cloexec(wr, cloexec);
	k[0] = rd;
	k[1] = wr;
	if (copy_to_user(fds, k, sizeof(k))) {
		fd_close(rd);
		fd_close(wr);
		return -EFAULT;
	}
	return 0;
}

long sys_pipe(int __user *fds)
{
	return do_pipe_fds(fds, false);
}

/* pipe2: O_CLOEXEC marks both ends; O_NONBLOCK is not supported (EINVAL), nor O_DIRECT. */
long sys_pipe2(int __user *fds, int flags)
{
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	return do_pipe_fds(fds, flags & O_CLOEXEC);
}

long sys_ftruncate(int fd, long length)
{
	struct file *file = fget_fd(fd);
	int err;

	if (!file)
		return -EBADF;
	if ((file->f_flags & O_ACCMODE) == O_RDONLY)
		err = -EINVAL;	/* Linux: EINVAL for a descriptor not open for writing */
	else
		err = length < 0 ? -EINVAL : vfs_truncate(file->f_inode, length);
	fput(file);
	return err;
}

static int truncate_op(struct inode *inode, long length)
{
	return length < 0 ? -EINVAL : vfs_truncate(inode, length);
}

long sys_truncate(const char __user *upath, long length)
{
	return inode_op(upath, truncate_op, length);
}

long sys_fsync(int fd)
{
	struct file *file = fget_fd(fd);
	int err;

	if (!file)
		return -EBADF;
	err = file->f_op && file->f_op->fsync ? vfs_fsync(file) : -EINVAL;
	fput(file);
	return err;
}

/* No inode times are kept apart from the data here, so fdatasync is fsync. */
long sys_fdatasync(int fd)
{
	return sys_fsync(fd);
}

long sys_sync(void)
{
	sync_filesystems();
	return 0;
}

long sys_readlink(const char __user *upath, char __user *buf, int size)
{
	char *path = getname(upath), *tmp;
	int n;

	if (IS_ERR(path))
		return PTR_ERR(path);
	if (size <= 0) {
		kfree(path);
		return -EINVAL;
	}
	tmp = kmalloc(PATH_MAX);
	if (!tmp) {
		kfree(path);
		return -ENOMEM;
	}
	n = vfs_readlink(path, tmp, min(size, PATH_MAX));
	if (n > 0 && copy_to_user(buf, tmp, n))
		n = -EFAULT;
	kfree(tmp);
	kfree(path);
	return n;
}

#define TCGETS 0x5401
#define TIOCGWINSZ 0x5413

long sys_ioctl(int fd, unsigned int cmd, unsigned long arg)
{
	struct file *file = fget_fd(fd);
	long ret = -ENOTTY;

	if (!file)
		return -EBADF;
	if (file_is_tty(file) && (cmd == TCGETS || cmd == TIOCGWINSZ)) {
		/* Enough for isatty(): a zeroed struct termios / winsize. */
		ret = clear_user((void __user *)arg, cmd == TCGETS ? 60 : 8) ? -EFAULT : 0;
	}
	fput(file);
	return ret;
}

#define MS_RDONLY 1
#define MNT_FORCE 1

long sys_mount(const char __user *udev, const char __user *udir, const char __user *utype,
	       unsigned long flags, const void __user *data)
{
	char *dev = getname(udev), *dir, *type;
	long err;

	if (IS_ERR(dev))
		return PTR_ERR(dev);
	dir = getname(udir);
	if (IS_ERR(dir)) {
		kfree(dev);
		return PTR_ERR(dir);
	}
	type = utype ? getname(utype) : ERR_PTR(-EINVAL);
	if (IS_ERR(type)) {
		err = PTR_ERR(type);
	} else {
		err = do_mount(dev, dir, type, flags & MS_RDONLY);
		kfree(type);
	}
	kfree(dir);
	kfree(dev);
	return err;
}

long sys_umount2(const char __user *udir, int flags)
{
	char *dir = getname(udir);
	long err;

	if (IS_ERR(dir))
		return PTR_ERR(dir);
	err = (flags & ~MNT_FORCE) ? -EINVAL : do_umount(dir);
	kfree(dir);
	return err;
}

static ssize_t rw_at(int fd, char __user *buf, size_t len, loff_t pos, bool write)
{
	struct file *file = fget_fd(fd);
	ssize_t n;

	if (!file)
		return -EBADF;
	if (pos < 0) {
		n = -EINVAL;
	} else if (!file->f_op || !file->f_op->llseek) {
		n = -ESPIPE;
	} else if (!access_ok(buf, len)) {
		n = -EFAULT;
	} else {
		/* The file position is neither used nor changed. */
		loff_t p = pos;

		if (write)
			n = (file->f_flags & O_ACCMODE) == O_RDONLY ? -EBADF
			    : file->f_op->write ? file->f_op->write(file, buf, len, &p) : -EINVAL;
		else
			n = (file->f_flags & O_ACCMODE) == O_WRONLY ? -EBADF
			    : file->f_op->read ? file->f_op->read(file, buf, len, &p) : -EINVAL;
	}
	fput(file);
	return n;
}

/* ARM EABI passes the 64-bit offset in an aligned register pair: r4 (low), r5 (high). */
long sys_pread64(int fd, char __user *buf, size_t len, long pad, u32 lo, u32 hi)
{
	return rw_at(fd, buf, len, (loff_t)(((u64)hi << 32) | lo), false);
}

long sys_pwrite64(int fd, const char __user *buf, size_t len, long pad, u32 lo, u32 hi)
{
	return rw_at(fd, (char __user *)buf, len, (loff_t)(((u64)hi << 32) | lo), true);
}

#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define F_DUPFD_CLOEXEC 1030
#define FD_CLOEXEC 1

long sys_fcntl(int fd, int cmd, unsigned long arg)
{
	struct files_struct *files = current->files;
	struct file *file = fget_fd(fd);
	long ret;

	if (!file)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg >= NR_OPEN) {
			fput(file);
			return -EINVAL;
		}
		ret = fd_install_lowest(file, (int)arg);
		if (ret >= 0)
			fd_set_cloexec((int)ret, cmd == F_DUPFD_CLOEXEC);
		return ret;	/* the reference went to the new descriptor (or was dropped) */
	case F_GETFD:
		ret = (files->close_on_exec[fd / 32] >> (fd % 32)) & 1;
		break;
	case F_SETFD:
		fd_set_cloexec(fd, arg & FD_CLOEXEC);
		ret = 0;
		break;
	case F_GETFL:
		ret = file->f_flags;
		break;
	case F_SETFL:
		/* Only O_APPEND can change; O_NONBLOCK is accepted and ignored. */
		file->f_flags = (file->f_flags & ~O_APPEND) | (arg & O_APPEND);
		ret = 0;
		break;
	default:
		ret = -EINVAL;
	}
	fput(file);
	return ret;
}

long sys_access(const char __user *upath, int mode)
{
	char *path = getname(upath);
	struct inode *inode;

	if (IS_ERR(path))
		return PTR_ERR(path);
	if (mode & ~7) {
		kfree(path);
		return -EINVAL;
	}
	inode = namei(path);
	kfree(path);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	/* Everyone is root here: only writing to a read-only filesystem is refused. */
	if ((mode & 2) && inode->i_sb->s_rdonly) {
		iput(inode);
		return -EROFS;
	}
	iput(inode);
	return 0;
}
