// SPDX-License-Identifier: MIT
/*
 * Names: creating and removing files, directories and links. Each operation is a short
 * sequence of the lower steps (allocate an inode, add or delete a directory entry, adjust link
 * counts), and undoes what it did when a later step fails, so that an error such as -ENOSPC
 * leaves a filesystem e2fsck finds clean.
 */
#include "ext2_int.h"

/* The directory an operation changes: writable, a directory, still linked. */
static int check_parent(struct ext2_fs *fs, const struct ext2_inode *dir)
{
	if (fs->read_only)
		return -EROFS;
	if (!ext2_is_dir(dir))
		return -ENOTDIR;
	if (dir->i_links_count == 0)
		return -ENOENT;
	return 0;
}

/* A new name must be valid and not taken. */
static int check_free_name(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir,
			   const char *name, size_t len)
{
	u32 existing;
	int err = ext2_check_new_name(name, len);

	if (err)
		return err;
	err = ext2_lookup(fs, dir_ino, dir, name, len, &existing);
	if (err == 0)
		return -EEXIST;
	return err == -ENOENT ? 0 : err;
}

int ext2_evict_inode(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode)
{
	int err;

	if (fs->read_only)
		return -EROFS;
	if (inode->i_links_count != 0)
		return -EBUSY;
	if (ext2_has_block_map(fs, inode)) {
		err = ext2_truncate_blocks(fs, ino, inode, 0);
		if (err)
			return err;
	}
	err = ext2_xattr_release(fs, ino, inode);
	if (err)
		return err;
	/* e2fsck takes an inode with no links and no dtime for a lost one. */
	inode->i_dtime = ext2_now(fs);
	err = ext2_write_inode(fs, ino, inode);
	if (err)
		return err;
	return ext2_free_inode(fs, ino, ext2_is_dir(inode));
}

/* Undo a creation whose directory entry could not be added. */
static void discard_new_inode(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode)
{
	inode->i_links_count = 0;
	ext2_evict_inode(fs, ino, inode);
}

int ext2_create(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
		size_t len, u16 mode, u32 *ino, struct ext2_inode *inode)
{
	struct ext2_inode ni;
	u32 new_ino;
	int err = check_parent(fs, dir);

	if (!err)
		err = check_free_name(fs, dir_ino, dir, name, len);
	if (err)
		return err;
	if ((mode & EXT2_S_IFMT) == 0)
		mode |= EXT2_S_IFREG;
	if ((mode & EXT2_S_IFMT) == EXT2_S_IFDIR || (mode & EXT2_S_IFMT) == EXT2_S_IFLNK)
		return -EINVAL;
	err = ext2_new_inode(fs, dir_ino, mode, &new_ino, &ni);
	if (err)
		return err;
	ni.i_links_count = 1;
	err = ext2_write_inode(fs, new_ino, &ni);
	if (!err)
		err = ext2_add_link(fs, dir_ino, dir, name, len, new_ino, ext2_mode_to_ft(mode));
	if (err) {
		discard_new_inode(fs, new_ino, &ni);
		return err;
	}
	if (ino)
		*ino = new_ino;
	if (inode)
		*inode = ni;
	return 0;
}

int ext2_mkdir(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
	       size_t len, u16 mode, u32 *ino, struct ext2_inode *inode)
{
	struct ext2_inode ni;
	u32 new_ino;
	int err = check_parent(fs, dir);

	if (!err)
		err = check_free_name(fs, dir_ino, dir, name, len);
	if (err)
		return err;
	/* The child's ".." will be one more link to the parent. */
	if (dir->i_links_count >= EXT2_LINK_MAX)
		return -EMLINK;
	err = ext2_new_inode(fs, dir_ino, EXT2_S_IFDIR | (mode & 07777), &new_ino, &ni);
	if (err)
		return err;
	ni.i_links_count = 2;	/* its name in the parent, and its own "." */
	err = ext2_make_empty_dir(fs, new_ino, &ni, dir_ino);
	if (!err)
		err = ext2_add_link(fs, dir_ino, dir, name, len, new_ino, EXT2_FT_DIR);
	if (err) {
		discard_new_inode(fs, new_ino, &ni);
		return err;
	}
	dir->i_links_count++;
	err = ext2_write_inode(fs, dir_ino, dir);
	if (ino)
		*ino = new_ino;
	if (inode)
		*inode = ni;
	return err;
}

int ext2_link(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
	      size_t len, u32 ino, struct ext2_inode *inode)
{
	int err = check_parent(fs, dir);

	if (err)
		return err;
	if (ext2_is_dir(inode))
		return -EPERM;
	if (inode->i_links_count == 0)
		return -ENOENT;
	if (inode->i_links_count >= EXT2_LINK_MAX)
		return -EMLINK;
	err = ext2_add_link(fs, dir_ino, dir, name, len, ino, ext2_mode_to_ft(inode->i_mode));
	if (err)
		return err;
	inode->i_links_count++;
	inode->i_ctime = ext2_now(fs);
	return ext2_write_inode(fs, ino, inode);
}

int ext2_remove_link(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
		     size_t len, u32 *ino, struct ext2_inode *inode)
{
	u32 found, deleted;
	int err = check_parent(fs, dir);

	if (!err)
		err = ext2_lookup(fs, dir_ino, dir, name, len, &found);
	if (!err)
		err = ext2_read_inode(fs, found, inode);
	if (err)
		return err;
	if (ext2_is_dir(inode))
		return -EISDIR;
	err = ext2_delete_entry(fs, dir_ino, dir, name, len, &deleted);
	if (err)
		return err;
	if (inode->i_links_count == 0)
		return ext2_corrupt(fs, "entry for an inode with no links", found);
	inode->i_links_count--;
	inode->i_ctime = ext2_now(fs);
	*ino = found;
	return ext2_write_inode(fs, found, inode);
}

int ext2_unlink(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
		size_t len)
{
	struct ext2_inode inode;
	u32 ino;
	int err = ext2_remove_link(fs, dir_ino, dir, name, len, &ino, &inode);

	if (err || inode.i_links_count)
		return err;
	return ext2_evict_inode(fs, ino, &inode);
}

int ext2_rmdir(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
	       size_t len)
{
	struct ext2_inode child;
	u32 ino, deleted;
	int err = check_parent(fs, dir);

	if (err)
		return err;
	if (len == 1 && name[0] == '.')
		return -EINVAL;
	if (len == 2 && name[0] == '.' && name[1] == '.')
		return -ENOTEMPTY;
	err = ext2_lookup(fs, dir_ino, dir, name, len, &ino);
	if (!err)
		err = ext2_read_inode(fs, ino, &child);
	if (err)
		return err;
	if (!ext2_is_dir(&child))
		return -ENOTDIR;
	err = ext2_dir_is_empty(fs, ino, &child);
	if (err < 0)
		return err;
	if (err == 0)
		return -ENOTEMPTY;
	err = ext2_delete_entry(fs, dir_ino, dir, name, len, &deleted);
	if (err)
		return err;
	/* Its ".." no longer links the parent. */
	if (dir->i_links_count > 2)
		dir->i_links_count--;
	err = ext2_write_inode(fs, dir_ino, dir);
	if (err)
		return err;
	child.i_links_count = 0;
	child.i_ctime = ext2_now(fs);
	return ext2_evict_inode(fs, ino, &child);
}

/* ---- rename ---------------------------------------------------------------------------- */

/*
 * Is directory `ancestor` on the path from dir up to the root? Followed through the ".."
 * entries on disk, as there is no dentry tree here to ask. The climb is bounded by the
 * number of inodes, so a corrupt loop of ".." entries ends in -EIO, not in a hang.
 */
static int is_ancestor(struct ext2_fs *fs, u32 ancestor, u32 dir_ino)
{
	struct ext2_inode dir;
	u32 steps, parent;
	int err;

	for (steps = 0; steps < fs->inodes_count; steps++) {
		if (dir_ino == ancestor)
			return 1;
		if (dir_ino == EXT2_ROOT_INO)
			return 0;
		err = ext2_read_inode(fs, dir_ino, &dir);
		if (!err)
			err = ext2_lookup(fs, dir_ino, &dir, "..", 2, &parent);
		if (err)
			return err;
		dir_ino = parent;
	}
	return ext2_corrupt(fs, "loop of \"..\" entries", dir_ino);
}

/* Everything rename(2) refuses, checked before anything changes on disk. */
static int rename_checks(struct ext2_fs *fs, struct ext2_name *from, struct ext2_name *to)
{
	bool moving_dir = ext2_is_dir(from->inode);
	int err;

	if (to->ino) {
		if (!ext2_is_dir(to->inode) && to->inode->i_links_count == 0)
			return ext2_corrupt(fs, "entry for an inode with no links", to->ino);
		if (moving_dir && !ext2_is_dir(to->inode))
			return -ENOTDIR;
		if (!moving_dir && ext2_is_dir(to->inode))
			return -EISDIR;
		if (moving_dir) {
			err = ext2_dir_is_empty(fs, to->ino, to->inode);
			if (err <= 0)
				return err ? err : -ENOTEMPTY;
		}
	} else {
		err = ext2_check_new_name(to->name, to->len);
		if (err)
			return err;
	}
	if (!moving_dir || from->dir_ino == to->dir_ino)
		return 0;
	/* A directory cannot move into itself or below itself: it would leave the tree. */
	err = is_ancestor(fs, from->ino, to->dir_ino);
	if (err)
		return err < 0 ? err : -EINVAL;
	/* Its ".." will be one more link to the new parent (unless it replaces a directory). */
	if (!to->ino && to->dir->i_links_count >= EXT2_LINK_MAX)
		return -EMLINK;
	return 0;
}

/* Put `to`'s name in place: a new entry, or the existing one pointed at the moved inode. */
static int rename_target(struct ext2_fs *fs, struct ext2_name *from, struct ext2_name *to)
{
	unsigned int ft = ext2_mode_to_ft(from->inode->i_mode);

	if (!to->ino)
		return ext2_add_link(fs, to->dir_ino, to->dir, to->name, to->len, from->ino, ft);
	return ext2_set_link(fs, to->dir_ino, to->dir, to->name, to->len, from->ino, ft);
}

/* Step back from rename_target when the old name cannot be removed. */
static void undo_rename_target(struct ext2_fs *fs, struct ext2_name *to)
{
	u32 ino;

	if (!to->ino)
		ext2_delete_entry(fs, to->dir_ino, to->dir, to->name, to->len, &ino);
	else
		ext2_set_link(fs, to->dir_ino, to->dir, to->name, to->len, to->ino,
			      ext2_mode_to_ft(to->inode->i_mode));
}

/* Add delta to a directory's link count and write it. */
static int adjust_links(struct ext2_fs *fs, u32 ino, struct ext2_inode *dir, int delta)
{
	dir->i_links_count = (u16)(dir->i_links_count + delta);
	dir->i_ctime = ext2_now(fs);
	return ext2_write_inode(fs, ino, dir);
}

int ext2_rename(struct ext2_fs *fs, struct ext2_name *from, struct ext2_name *to)
{
	u32 deleted;
	bool moving_dir, new_parent;
	int err = check_parent(fs, from->dir);

	if (!err)
		err = check_parent(fs, to->dir);
	if (err)
		return err;
	to->ino = 0;
	/* "." and ".." are not names a directory can be moved by or to (Linux: EBUSY). */
	if (ext2_is_dot_or_dotdot(from->name, from->len) ||
	    ext2_is_dot_or_dotdot(to->name, to->len))
		return -EBUSY;
	err = ext2_lookup(fs, from->dir_ino, from->dir, from->name, from->len, &from->ino);
	if (!err)
		err = ext2_read_inode(fs, from->ino, from->inode);
	if (err)
		return err;
	err = ext2_lookup(fs, to->dir_ino, to->dir, to->name, to->len, &to->ino);
	if (err == -ENOENT)
		to->ino = 0;
	else if (err)
		return err;
	/* Two names of one inode: rename(2) does nothing and succeeds. */
	if (to->ino == from->ino)
		return 0;
	if (to->ino) {
		err = ext2_read_inode(fs, to->ino, to->inode);
		if (err)
			return err;
	}
	err = rename_checks(fs, from, to);
	if (!err)
		err = rename_target(fs, from, to);
	if (err)
		return err;
	err = ext2_delete_entry(fs, from->dir_ino, from->dir, from->name, from->len, &deleted);
	if (err) {
		undo_rename_target(fs, to);
		return err;
	}
	/*
	 * Link counts. The replaced inode loses its name (a directory also its "."); a
	 * directory that changes parent takes the link of its ".." from the old parent to the
	 * new one; a replaced directory's ".." stops linking the new parent.
	 */
	moving_dir = ext2_is_dir(from->inode);
	new_parent = from->dir_ino != to->dir_ino;
	if (to->ino) {
		to->inode->i_links_count = ext2_is_dir(to->inode) ? 0 : to->inode->i_links_count - 1;
		to->inode->i_ctime = ext2_now(fs);
		err = ext2_write_inode(fs, to->ino, to->inode);
		if (!err && ext2_is_dir(to->inode))
			err = adjust_links(fs, to->dir_ino, to->dir, -1);
		if (err)
			return err;
	}
	if (moving_dir && new_parent) {
		err = ext2_set_link(fs, from->ino, from->inode, "..", 2, to->dir_ino, EXT2_FT_DIR);
		if (!err)
			err = adjust_links(fs, to->dir_ino, to->dir, +1);
		if (!err)
			err = adjust_links(fs, from->dir_ino, from->dir, -1);
		if (err)
			return err;
	}
	from->inode->i_ctime = ext2_now(fs);
	return ext2_write_inode(fs, from->ino, from->inode);
}
