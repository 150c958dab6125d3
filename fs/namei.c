// SPDX-License-Identifier: MIT
/*
 * Path lookup: walk a path one component at a time, asking each directory's
 * inode_operations->lookup for the next inode, crossing mount points, following symbolic
 * links (at most MAX_SYMLINKS of them, so a loop ends with -ELOOP).
 */
#include <fs/fs.h>
#include <kernel/sched.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <mm/slab.h>
#include <lib/string.h>

#define NAME_MAX	255
#define PATH_MAX	4096
#define MAX_SYMLINKS	8

struct nameidata {
	int links;		/* symlinks followed so far */
};

static struct inode *walk(struct nameidata *nd, struct inode *start, const char *path,
			  bool follow_last);

/* One step: dir (referenced) plus name gives the next inode (referenced); dir is released. */
static struct inode *step(struct nameidata *nd, struct inode *dir, const char *name, size_t len,
			  bool is_last, bool follow)
{
	struct inode *next;

	if (!S_ISDIR(dir->i_mode)) {
		iput(dir);
		return ERR_PTR(-ENOTDIR);
	}
	if (len > NAME_MAX) {
		iput(dir);
		return ERR_PTR(-ENAMETOOLONG);
	}
	if (len == 1 && name[0] == '.')
		return dir;
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		struct inode *covered;

		if (dir == root_inode)
			return dir;
		/* At the root of a mounted filesystem, ".." is the parent of the directory it
		 * covers: climb to that directory first. */
		covered = mount_point_of(dir);
		if (covered) {
			ihold(covered);
			iput(dir);
			dir = covered;
		}
	}
	next = dir->i_op->lookup(dir, name, len);
	if (IS_ERR(next)) {
		iput(dir);
		return next;
	}
	next = follow_mount(next);
	if (S_ISLNK(next->i_mode) && (!is_last || follow)) {
		char *target = kmalloc(PATH_MAX);
		int n;

		if (!target) {
			iput(next);
			iput(dir);
			return ERR_PTR(-ENOMEM);
		}
		n = ++nd->links > MAX_SYMLINKS ? -ELOOP : next->i_op->readlink(next, target, PATH_MAX - 1);
		iput(next);
		if (n < 0) {
			kfree(target);
			iput(dir);
			return ERR_PTR(n);
		}
		target[n] = '\0';
		next = walk(nd, dir, target, true);	/* relative to dir; consumes dir */
		kfree(target);
		return next;
	}
	iput(dir);
	return next;
}

/* Walks path from start (referenced, consumed); returns the final inode, referenced. */
static struct inode *walk(struct nameidata *nd, struct inode *start, const char *path,
			  bool follow_last)
{
	struct inode *inode = start;

	if (*path == '/') {
		iput(inode);
		inode = root_inode;
		ihold(inode);
	}
	for (;;) {
		const char *name, *end;

		while (*path == '/')
			path++;
		if (!*path)
			return inode;
		name = path;
		end = strchr(name, '/');
		if (!end)
			end = name + strlen(name);
		path = end;
		while (*path == '/')
			path++;
		inode = step(nd, inode, name, end - name, *path == '\0', follow_last);
		if (IS_ERR(inode))
			return inode;
	}
}

static struct inode *cwd(void)
{
	struct inode *dir = current->cwd ? current->cwd : root_inode;

	ihold(dir);
	return dir;
}

static struct inode *path_lookup(const char *path, bool follow_last)
{
	struct nameidata nd = { 0 };

	if (!root_inode)
		return ERR_PTR(-ENOENT);
	if (strnlen(path, PATH_MAX) == PATH_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	if (!*path)
		return ERR_PTR(-ENOENT);
	return walk(&nd, cwd(), path, follow_last);
}

struct inode *namei(const char *path)
{
	return path_lookup(path, true);
}

/* Like namei, but a symbolic link at the end of path is returned itself (lstat). */
struct inode *lnamei(const char *path)
{
	return path_lookup(path, false);
}

/*
 * For create/unlink/mkdir/rmdir: the directory that holds the last component, referenced,
 * and the component itself (*name, *len: inside path). "a/b/" has last component "b".
 */
struct inode *namei_parent(const char *path, const char **name, size_t *len)
{
	struct nameidata nd = { 0 };
	size_t plen, start, end;
	char *dir;
	struct inode *parent;

	if (!root_inode)
		return ERR_PTR(-ENOENT);
	plen = strnlen(path, PATH_MAX);
	if (plen == PATH_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	end = plen;
	while (end > 0 && path[end - 1] == '/')
		end--;
	if (end == 0)
		return ERR_PTR(plen ? -EEXIST : -ENOENT);	/* "/" itself, or "" */
	start = end;
	while (start > 0 && path[start - 1] != '/')
		start--;
	*name = path + start;
	*len = end - start;
	if (*len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	dir = kmalloc(start + 2);
	if (!dir)
		return ERR_PTR(-ENOMEM);
	memcpy(dir, path, start);
	dir[start] = '\0';
	parent = walk(&nd, cwd(), dir, true);
	kfree(dir);
	if (!IS_ERR(parent) && !S_ISDIR(parent->i_mode)) {
		iput(parent);
		return ERR_PTR(-ENOTDIR);
	}
	return parent;
}

static bool is_dot_or_dotdot(const char *name, size_t len)
{
	return (len == 1 && name[0] == '.') || (len == 2 && name[0] == '.' && name[1] == '.');
}

/* Runs a namespace change on the parent of path with the filesystem's s_mutex held. */
static int change_parent(const char *path, int (*op)(struct inode *dir, const char *name,
						      size_t len, void *arg),
			 void *arg)
{
	const char *name;
	size_t len;
	struct inode *dir = namei_parent(path, &name, &len);
	int err;

	if (IS_ERR(dir))
		return PTR_ERR(dir);
	if (dir->i_sb->s_rdonly) {
		err = -EROFS;
	} else {
		mutex_lock(&dir->i_sb->s_mutex);
		err = op(dir, name, len, arg);
		mutex_unlock(&dir->i_sb->s_mutex);
	}
	iput(dir);
	return err;
}

static int mkdir_op(struct inode *dir, const char *name, size_t len, void *arg)
{
	struct inode *inode;

	if (is_dot_or_dotdot(name, len))
		return -EEXIST;
	if (!dir->i_op->mkdir)
		return -EPERM;
	inode = dir->i_op->mkdir(dir, name, len, *(umode_t *)arg);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	iput(inode);
	return 0;
}

int vfs_mkdir(const char *path, umode_t mode)
{
	return change_parent(path, mkdir_op, &mode);
}

static int unlink_op(struct inode *dir, const char *name, size_t len, void *arg)
{
	bool rmdir = *(bool *)arg;
	struct inode *victim;

	if (is_dot_or_dotdot(name, len))
		return rmdir ? -EINVAL : -EISDIR;
	victim = dir->i_op->lookup(dir, name, len);
	if (IS_ERR(victim))
		return PTR_ERR(victim);
	if (mount_point_of(follow_mount(victim)) ) {
		/* follow_mount swapped the reference to the mounted root: a mount point */
		iput(victim == root_inode ? victim : victim);
		return -EBUSY;
	}
	if (rmdir && !S_ISDIR(victim->i_mode)) {
		iput(victim);
		return -ENOTDIR;
	}
	if (!rmdir && S_ISDIR(victim->i_mode)) {
		iput(victim);
		return -EISDIR;
	}
	iput(victim);
	if (rmdir)
		return dir->i_op->rmdir ? dir->i_op->rmdir(dir, name, len) : -EPERM;
	return dir->i_op->unlink ? dir->i_op->unlink(dir, name, len) : -EPERM;
}

int vfs_unlink(const char *path)
{
	bool rmdir = false;

	return change_parent(path, unlink_op, &rmdir);
}

int vfs_rmdir(const char *path)
{
	bool rmdir = true;

	return change_parent(path, unlink_op, &rmdir);
}

int vfs_readlink(const char *path, char *buf, size_t len)
{
	struct nameidata nd = { 0 };
	struct inode *inode;
	int n;

	if (!root_inode)
		return -ENOENT;
	inode = walk(&nd, cwd(), path, false);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	n = S_ISLNK(inode->i_mode) ? inode->i_op->readlink(inode, buf, len) : -EINVAL;
	iput(inode);
	return n;
}
