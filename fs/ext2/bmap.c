// SPDX-License-Identifier: MIT
/*
 * The block map: which disk block holds block n of a file (drawing in <fs/ext2_fs.h>).
 *
 * The walk goes down at most four levels (i_block, then up to three indirect blocks), so it
 * cannot loop however the pointers are set. Each pointer is checked before it is followed: it
 * must be a data block (not past the end, not a bitmap, inode table or superblock copy) and
 * not one of the indirect blocks above it on the path (a block pointing to itself).
 */
#include "ext2_int.h"

/* Path through the map to file block n: offsets[0] indexes i_block, offsets[1..] the indirect
 * blocks. Returns the number of levels (1..4), or -EFBIG past the triple-indirect range. */
static int block_to_path(const struct ext2_fs *fs, u32 n, u32 offsets[4])
{
	u32 apb = fs->addr_per_block, bits = fs->addr_per_block_bits, mask = apb - 1;

	if (n < EXT2_NDIR_BLOCKS) {
		offsets[0] = n;
		return 1;
	}
	n -= EXT2_NDIR_BLOCKS;
	if (n < apb) {
		offsets[0] = EXT2_IND_BLOCK;
		offsets[1] = n;
		return 2;
	}
	n -= apb;
	if (n < apb * apb) {
		offsets[0] = EXT2_DIND_BLOCK;
		offsets[1] = n >> bits;
		offsets[2] = n & mask;
		return 3;
	}
	n -= apb * apb;
	if ((n >> (2 * bits)) < apb) {
		offsets[0] = EXT2_TIND_BLOCK;
		offsets[1] = n >> (2 * bits);
		offsets[2] = (n >> bits) & mask;
		offsets[3] = n & mask;
		return 4;
	}
	return -EFBIG;
}

/*
 * Read entry `index` of indirect block `parent`. *goal gets a good place for a block that
 * would fill it: after the nearest used entry before it, else after the indirect block.
 */
static int read_entry(struct ext2_fs *fs, u32 parent, u32 index, u32 *value, u32 *goal)
{
	u32 *entries = ext2_get_block(fs, parent);
	u32 i;

	if (!entries)
		return -EIO;
	*value = entries[index];
	*goal = parent + 1;
	for (i = index; i > 0; i--) {
		if (entries[i - 1]) {
			*goal = entries[i - 1] + 1;
			break;
		}
	}
	ext2_put_block(fs, parent, entries, false);
	return 0;
}

static int write_entry(struct ext2_fs *fs, u32 parent, u32 index, u32 value)
{
	u32 *entries = ext2_get_block(fs, parent);

	if (!entries)
		return -EIO;
	entries[index] = value;
	ext2_put_block(fs, parent, entries, true);
	return 0;
}

/* Goal for a direct block: after the previous direct block, else the inode's group. */
static u32 direct_goal(const struct ext2_fs *fs, u32 ino, const struct ext2_inode *inode,
		       u32 index)
{
	u32 i;

	for (i = index; i > 0; i--)
		if (inode->i_block[i - 1])
			return inode->i_block[i - 1] + 1;
	if (ino < 1 || ino > fs->inodes_count)
		return fs->first_data_block;
	return ext2_group_first_block(fs, (ino - 1) / fs->inodes_per_group);
}

/* Allocate one block for the map and count it in i_blocks. An indirect block starts zeroed:
 * all of its range is a hole until filled. */
static int alloc_map_block(struct ext2_fs *fs, struct ext2_inode *inode, u32 goal,
			   bool indirect, u32 *block)
{
	u32 sectors = ext2_sectors_per_block(fs);
	void *data;
	int err;

	if (inode->i_blocks > 0xffffffffu - sectors)
		return -EFBIG;
	err = ext2_new_block(fs, goal, block);
	if (err)
		return err;
	if (indirect) {
		data = ext2_get_block(fs, *block);
		if (!data) {
			ext2_free_block(fs, *block);
			return -EIO;
		}
		memset(data, 0, fs->block_size);
		ext2_put_block(fs, *block, data, true);
	}
	inode->i_blocks += sectors;
	return 0;
}

/* A pointer read from disk may be followed only to a data block not already on the path. */
static bool pointer_ok(const struct ext2_fs *fs, u32 block, const u32 *chain, int level)
{
	int i;

	if (!ext2_block_is_data(fs, block))
		return false;
	for (i = 0; i < level; i++)
		if (chain[i] == block)
			return false;
	return true;
}

int ext2_bmap(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode, u32 file_block, bool create,
	      u32 *disk_block, bool *created)
{
	u32 offsets[4], chain[4], block, goal;
	bool inode_dirty = false;
	int depth, level, err = 0;

	if (created)
		*created = false;
	*disk_block = 0;
	if (!ext2_has_block_map(fs, inode))
		return -EINVAL;
	depth = block_to_path(fs, file_block, offsets);
	if (depth < 0)
		return depth;
	for (level = 0; level < depth; level++) {
		bool leaf = level == depth - 1;

		if (level == 0) {
			block = inode->i_block[offsets[0]];
			goal = direct_goal(fs, ino, inode, offsets[0]);
		} else {
			err = read_entry(fs, chain[level - 1], offsets[level], &block, &goal);
			if (err)
				goto out;
		}
		if (block && !pointer_ok(fs, block, chain, level)) {
			err = ext2_corrupt(fs, "block map points outside the data area", ino);
			goto out;
		}
		if (!block) {
			if (!create)
				goto out;	/* a hole: *disk_block stays 0 */
			err = alloc_map_block(fs, inode, goal, !leaf, &block);
			if (err)
				goto out;
			inode_dirty = true;
			if (level == 0)
				inode->i_block[offsets[0]] = block;
			else
				err = write_entry(fs, chain[level - 1], offsets[level], block);
			if (err) {
				/* Not linked anywhere: give it back. */
				ext2_free_block(fs, block);
				inode->i_blocks -= ext2_sectors_per_block(fs);
				goto out;
			}
			if (leaf && created)
				*created = true;
		}
		chain[level] = block;
	}
	*disk_block = chain[depth - 1];
out:
	if (inode_dirty) {
		int werr = ext2_write_inode(fs, ino, inode);

		if (!err)
			err = werr;
	}
	return err;
}
