// SPDX-License-Identifier: MIT
/*
 * Inode allocation from the inode bitmaps, keeping bg_free_inodes_count,
 * bg_used_dirs_count and s_free_inodes_count (fs->free_inodes_count) in step with the bits.
 *
 * Linux spreads new directories over the groups (the Orlov allocator) so that unrelated trees
 * do not crowd one group; here every inode goes in the parent's group or the next one with
 * room, which keeps the code short and is fine for the small disks of this kernel.
 */
#include "ext2_int.h"

static int count_inodes(struct ext2_fs *fs, u32 g, int delta, int dirs)
{
	int err;

	fs->groups[g].bg_free_inodes_count += delta;
	fs->groups[g].bg_used_dirs_count += dirs;
	fs->free_inodes_count += delta;
	err = ext2_write_group_desc(fs, g);
	if (!err)
		err = ext2_write_super(fs);
	return err;
}

/* Take a free inode of group g; inodes below s_first_ino are reserved. */
static int alloc_in_group(struct ext2_fs *fs, u32 g, bool is_dir, u32 *ino)
{
	struct ext2_group_desc *gd = &fs->groups[g];
	u32 first_bit = 0, bit;
	u8 *map;

	if (gd->bg_free_inodes_count == 0)
		return -ENOSPC;
	if (g * fs->inodes_per_group < fs->first_ino - 1)
		first_bit = fs->first_ino - 1 - g * fs->inodes_per_group;
	map = ext2_get_block(fs, gd->bg_inode_bitmap);
	if (!map)
		return -EIO;
	bit = ext2_find_zero_bit(map, first_bit, fs->inodes_per_group);
	if (bit == fs->inodes_per_group) {
		ext2_put_block(fs, gd->bg_inode_bitmap, map, false);
		return -ENOSPC;
	}
	ext2_set_bit(map, bit);
	ext2_put_block(fs, gd->bg_inode_bitmap, map, true);
	*ino = g * fs->inodes_per_group + bit + 1;
	return count_inodes(fs, g, -1, is_dir ? 1 : 0);
}

/* A live inode behind a clear bit means the bitmap lies: keep the bit set, refuse the slot. */
static int check_slot_unused(struct ext2_fs *fs, u32 ino)
{
	struct ext2_inode old;
	int err = ext2_read_inode(fs, ino, &old);

	if (err)
		return err;
	if (old.i_links_count != 0 && old.i_dtime == 0)
		return ext2_corrupt(fs, "inode bitmap marks a live inode free", ino);
	return 0;
}

int ext2_new_inode(struct ext2_fs *fs, u32 parent_ino, u16 mode, u32 *ino,
		   struct ext2_inode *inode)
{
	bool is_dir = (mode & EXT2_S_IFMT) == EXT2_S_IFDIR;
	u32 g0 = 0, i, now;
	int err = -ENOSPC;

	if (fs->read_only)
		return -EROFS;
	if (fs->free_inodes_count == 0)
		return -ENOSPC;
	if (parent_ino >= 1 && parent_ino <= fs->inodes_count)
		g0 = (parent_ino - 1) / fs->inodes_per_group;
	for (i = 0; i < fs->group_count && err == -ENOSPC; i++)
		err = alloc_in_group(fs, (g0 + i) % fs->group_count, is_dir, ino);
	if (err)
		return err;
	err = check_slot_unused(fs, *ino);
	if (err)
		return err;
	now = ext2_now(fs);
	memset(inode, 0, sizeof(*inode));
	inode->i_mode = mode;
	inode->i_atime = now;
	inode->i_ctime = now;
	inode->i_mtime = now;
	return ext2_init_inode_slot(fs, *ino, inode);
}

int ext2_free_inode(struct ext2_fs *fs, u32 ino, bool is_dir)
{
	struct ext2_group_desc *gd;
	u32 g, bit;
	u8 *map;

	if (fs->read_only)
		return -EROFS;
	if (ino < fs->first_ino || ino > fs->inodes_count)
		return ext2_corrupt(fs, "freeing a reserved or out-of-range inode", ino);
	g = (ino - 1) / fs->inodes_per_group;
	bit = (ino - 1) % fs->inodes_per_group;
	gd = &fs->groups[g];
	if (gd->bg_free_inodes_count >= fs->inodes_per_group ||
	    (is_dir && gd->bg_used_dirs_count == 0))
		return ext2_corrupt(fs, "group inode counts wrong", g);
	map = ext2_get_block(fs, gd->bg_inode_bitmap);
	if (!map)
		return -EIO;
	if (!ext2_test_bit(map, bit)) {
		ext2_put_block(fs, gd->bg_inode_bitmap, map, false);
		return ext2_corrupt(fs, "freeing a free inode", ino);
	}
	ext2_clear_bit(map, bit);
	ext2_put_block(fs, gd->bg_inode_bitmap, map, true);
	return count_inodes(fs, g, +1, is_dir ? -1 : 0);
}
