// SPDX-License-Identifier: MIT
/*
 * Symbolic links. A target shorter than 60 bytes is kept in i_block itself (a "fast" symlink:
 * no block, i_blocks 0); a longer one in one data block (a "slow" symlink). Either way the
 * bytes after the target are zero, which e2fsck checks (strnlen(target) must equal i_size).
 * Slow symlink blocks are only ever reached through get_block, never the page cache.
 */
#include "ext2_int.h"

/* Put the target in a block of its own; the inode is not written yet. */
static int store_slow_target(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode,
			     const char *target, size_t tlen)
{
	u32 goal = ext2_group_first_block(fs, (ino - 1) / fs->inodes_per_group), block;
	u8 *data;
	int err = ext2_new_block(fs, goal, &block);

	if (err)
		return err;
	inode->i_block[0] = block;
	inode->i_blocks = ext2_sectors_per_block(fs);
	data = ext2_get_block(fs, block);
	if (!data)
		return -EIO;
	memset(data, 0, fs->block_size);
	memcpy(data, target, tlen);
	ext2_put_block(fs, block, data, true);
	return 0;
}

static int check_target(const char *target, size_t tlen)
{
	size_t i;

	if (tlen == 0)
		return -ENOENT;
	if (tlen >= EXT2_BLOCK_SIZE)
		return -ENAMETOOLONG;
	for (i = 0; i < tlen; i++)
		if (target[i] == '\0')
			return -EINVAL;
	return 0;
}

int ext2_symlink(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
		 size_t len, const char *target, size_t tlen, u32 *ino)
{
	struct ext2_inode ni;
	u32 new_ino, existing;
	int err = check_target(target, tlen);

	if (err)
		return err;
	if (fs->read_only)
		return -EROFS;
	if (!ext2_is_dir(dir))
		return -ENOTDIR;
	if (dir->i_links_count == 0)
		return -ENOENT;
	err = ext2_check_new_name(name, len);
	if (!err)
		err = ext2_lookup(fs, dir_ino, dir, name, len, &existing);
	if (err != -ENOENT)
		return err ? err : -EEXIST;
	err = ext2_new_inode(fs, dir_ino, EXT2_S_IFLNK | 0777, &new_ino, &ni);
	if (err)
		return err;
	ni.i_links_count = 1;
	ni.i_size = (u32)tlen;
	if (tlen <= EXT2_FAST_SYMLINK_MAX)
		memcpy(ni.i_block, target, tlen);
	else
		err = store_slow_target(fs, new_ino, &ni, target, tlen);
	if (!err)
		err = ext2_write_inode(fs, new_ino, &ni);
	if (!err)
		err = ext2_add_link(fs, dir_ino, dir, name, len, new_ino, EXT2_FT_SYMLINK);
	if (err) {
		ni.i_links_count = 0;
		ext2_evict_inode(fs, new_ino, &ni);
		return err;
	}
	if (ino)
		*ino = new_ino;
	return 0;
}

ssize_t ext2_readlink(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode, char *buf,
		      size_t buflen)
{
	u32 size = inode->i_size, block;
	size_t n = min((size_t)size, buflen);
	u8 *data;
	int err;

	if (!ext2_is_symlink(inode))
		return -EINVAL;
	if (ext2_is_fast_symlink(fs, inode)) {
		if (size > EXT2_FAST_SYMLINK_MAX)
			return ext2_corrupt(fs, "fast symlink too long", ino);
		memcpy(buf, inode->i_block, n);
		return (ssize_t)n;
	}
	if (size == 0 || size >= fs->block_size)
		return ext2_corrupt(fs, "symlink size", ino);
	err = ext2_bmap(fs, ino, inode, 0, false, &block, NULL);
	if (err)
		return err;
	if (!block)
		return ext2_corrupt(fs, "symlink without a block", ino);
	data = ext2_get_block(fs, block);
	if (!data)
		return -EIO;
	memcpy(buf, data, n);
	ext2_put_block(fs, block, data, false);
	return (ssize_t)n;
}
