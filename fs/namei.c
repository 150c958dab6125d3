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
	if (is_mountpoint(victim)) {
		iput(victim);
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

/* ---- link, symlink, rename -------------------------------------------------------------- */

/* Does the path end in '/'? Then its last component must be a directory. */
static bool has_trailing_slash(const char *path)
{
	size_t len = strnlen(path, PATH_MAX);

	return len > 0 && path[len - 1] == '/';
}

struct link_arg {
	struct inode *inode;
};

static int link_op(struct inode *dir, const char *name, size_t len, void *arg)
{
	struct inode *inode = ((struct link_arg *)arg)->inode;

	if (is_dot_or_dotdot(name, len))
		return -EEXIST;
	if (dir->i_sb != inode->i_sb)
		return -EXDEV;
	if (!dir->i_op->link)
		return -EPERM;
	return dir->i_op->link(inode, dir, name, len);
}

/* link(2): oldpath is not followed if it is a symlink, as on Linux. */
int vfs_link(const char *oldpath, const char *newpath)
{
	struct link_arg arg = { lnamei(oldpath) };
	int err;

	if (IS_ERR(arg.inode))
		return PTR_ERR(arg.inode);
	if (S_ISDIR(arg.inode->i_mode))
		err = -EPERM;
	else if (has_trailing_slash(newpath) || has_trailing_slash(oldpath))
		err = has_trailing_slash(oldpath) ? -ENOTDIR : -ENOENT;
	else
		err = change_parent(newpath, link_op, &arg);
	iput(arg.inode);
	return err;
}

static int symlink_op(struct inode *dir, const char *name, size_t len, void *arg)
{
	struct inode *inode;

	if (is_dot_or_dotdot(name, len))
		return -EEXIST;
	if (!dir->i_op->symlink)
		return -EPERM;
	inode = dir->i_op->symlink(dir, name, len, arg);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	iput(inode);
	return 0;
}

int vfs_symlink(const char *target, const char *linkpath)
{
	if (*target == '\0')
		return -ENOENT;
	return change_parent(linkpath, symlink_op, (void *)target);
}

/*
 * The checks that need the inodes, under s_mutex: the old name exists, neither name is a
 * mount point, and a trailing slash asks for a directory. The filesystem checks the rest
 * (types, emptiness, a directory moved below itself) and does the move.
 */
static int rename_locked(struct inode *old_dir, const char *old_name, size_t old_len,
			 struct inode *new_dir, const char *new_name, size_t new_len,
			 bool want_dir)
{
	struct inode *old = old_dir->i_op->lookup(old_dir, old_name, old_len), *new;
	int err = 0;

	if (IS_ERR(old))
		return PTR_ERR(old);
	new = new_dir->i_op->lookup(new_dir, new_name, new_len);
	if (IS_ERR(new)) {
		err = PTR_ERR(new) == -ENOENT ? 0 : PTR_ERR(new);
		new = NULL;
	}
	if (!err && (is_mountpoint(old) || (new && is_mountpoint(new))))
		err = -EBUSY;
	if (!err && want_dir && !S_ISDIR(old->i_mode))
		err = -ENOTDIR;
	if (!err)
		err = old_dir->i_op->rename(old_dir, old_name, old_len, old, new_dir, new_name,
					    new_len, new);
	if (new)
		iput(new);
	iput(old);
	return err;
}

/*
 * rename(2). Both parents are looked up first; they must be on one filesystem (EXDEV), and
 * neither last component may be "." or ".." (EBUSY), as Linux checks in that order. One
 * s_mutex per filesystem serialises every namespace change, so the two directories need no
 * lock ordering.
 */
int vfs_rename(const char *oldpath, const char *newpath)
{
	const char *old_name, *new_name;
	size_t old_len, new_len;
	struct inode *old_dir, *new_dir;
	int err;

	old_dir = namei_parent(oldpath, &old_name, &old_len);
	if (IS_ERR(old_dir))
		return PTR_ERR(old_dir) == -EEXIST ? -EBUSY : PTR_ERR(old_dir);	/* "/" */
	new_dir = namei_parent(newpath, &new_name, &new_len);
	if (IS_ERR(new_dir)) {
		iput(old_dir);
		return PTR_ERR(new_dir) == -EEXIST ? -EBUSY : PTR_ERR(new_dir);
	}
	if (old_dir->i_sb != new_dir->i_sb) {
		err = -EXDEV;
	} else if (is_dot_or_dotdot(old_name, old_len) || is_dot_or_dotdot(new_name, new_len)) {
		err = -EBUSY;
	} else if (old_dir->i_sb->s_rdonly) {
		err = -EROFS;
	} else if (!old_dir->i_op->rename) {
		err = -EPERM;
	} else {
		mutex_lock(&old_dir->i_sb->s_mutex);
		err = rename_locked(old_dir, old_name, old_len, new_dir, new_name, new_len,
				    has_trailing_slash(oldpath) || has_trailing_slash(newpath));
		mutex_unlock(&old_dir->i_sb->s_mutex);
	}
	iput(new_dir);
	iput(old_dir);
	return err;
}
