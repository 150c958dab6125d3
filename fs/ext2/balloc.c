// SPDX-License-Identifier: MIT
/*
 * Block allocation from the block bitmaps. Every change updates three places that e2fsck
 * compares: the bit, the group's bg_free_blocks_count and the superblock's
 * s_free_blocks_count (fs->free_blocks_count, written through).
 */
#include "ext2_int.h"

/* Account for `delta` (+1 freed, -1 taken) blocks of group g and write both counters. */
static int count_blocks(struct ext2_fs *fs, u32 g, int delta)
{
	int err;

	fs->groups[g].bg_free_blocks_count += delta;
	fs->free_blocks_count += delta;
	err = ext2_write_group_desc(fs, g);
	if (!err)
		err = ext2_write_super(fs);
	return err;
}

/* Take the first free block of group g at or after bit `from`; -ENOSPC if none. */
static int alloc_in_group(struct ext2_fs *fs, u32 g, u32 from, u32 *block)
{
	struct ext2_group_desc *gd = &fs->groups[g];
	u32 nr = ext2_group_nr_blocks(fs, g);
	u32 bit, b;
	u8 *map;

	if (gd->bg_free_blocks_count == 0)
		return -ENOSPC;
	map = ext2_get_block(fs, gd->bg_block_bitmap);
	if (!map)
		return -EIO;
	bit = ext2_find_zero_bit(map, from, nr);
	if (bit == nr) {
		ext2_put_block(fs, gd->bg_block_bitmap, map, false);
		return -ENOSPC;
	}
	b = ext2_group_first_block(fs, g) + bit;
	if (!ext2_block_is_data(fs, b)) {
		/* Handing out a bitmap or the inode table would destroy the filesystem. */
		ext2_put_block(fs, gd->bg_block_bitmap, map, false);
		return ext2_corrupt(fs, "block bitmap marks metadata free", b);
	}
	ext2_set_bit(map, bit);
	ext2_put_block(fs, gd->bg_block_bitmap, map, true);
	*block = b;
	return count_blocks(fs, g, -1);
}

/*
 * Look in goal's group from goal on, then in the following groups from their start, and
 * finally in goal's group before goal: the first free block found keeps a file together.
 */
int ext2_new_block(struct ext2_fs *fs, u32 goal, u32 *block)
{
	u32 g0, start, i;

	if (fs->read_only)
		return -EROFS;
	if (fs->free_blocks_count == 0)
		return -ENOSPC;
	if (goal < fs->first_data_block || goal >= fs->blocks_count)
		goal = fs->first_data_block;
	g0 = (goal - fs->first_data_block) / fs->blocks_per_group;
	start = goal - ext2_group_first_block(fs, g0);
	for (i = 0; i <= fs->group_count; i++) {
		u32 g = (g0 + i) % fs->group_count;
		int err;

		if (i == fs->group_count && start == 0)
			break;
		err = alloc_in_group(fs, g, i == 0 ? start : 0, block);
		if (err != -ENOSPC)
			return err;
	}
	return -ENOSPC;
}

int ext2_free_block(struct ext2_fs *fs, u32 block)
{
	struct ext2_group_desc *gd;
	u32 g, bit;
	u8 *map;

	if (fs->read_only)
		return -EROFS;
	if (!ext2_block_is_data(fs, block))
		return ext2_corrupt(fs, "freeing a block that is not data", block);
	g = (block - fs->first_data_block) / fs->blocks_per_group;
	bit = (block - fs->first_data_block) % fs->blocks_per_group;
	gd = &fs->groups[g];
	if (gd->bg_free_blocks_count >= ext2_group_nr_blocks(fs, g))
		return ext2_corrupt(fs, "group free blocks count too high", g);
	map = ext2_get_block(fs, gd->bg_block_bitmap);
	if (!map)
		return -EIO;
	if (!ext2_test_bit(map, bit)) {
		/* Two owners of one block (a cross-link), or a corrupt bitmap. */
		ext2_put_block(fs, gd->bg_block_bitmap, map, false);
		return ext2_corrupt(fs, "freeing a free block", block);
	}
	ext2_clear_bit(map, bit);
	ext2_put_block(fs, gd->bg_block_bitmap, map, true);
	return count_blocks(fs, g, +1);
}
