// SPDX-License-Identifier: MIT
/*
 * Truncation: free the blocks of a file past a new size, pruning the indirect tree.
 *
 * The subtree under an indirect pointer covers a fixed range of file blocks (1024, 1024^2 or
 * 1024^3); the part of it at or after the first block to free is walked recursively, at most
 * three levels deep, and an indirect block whose entries are all gone is freed too. No block
 * is held across a recursive call, so at most two blocks are held at once (an indirect block
 * and a bitmap or descriptor block while a data block is freed).
 */
#include "ext2_int.h"

struct trunc {
	struct ext2_fs *fs;
	u32 ino;
	struct ext2_inode *inode;
	u32 chain[3];		/* the indirect blocks above the current one: a loop check */
};

/* Free one block the map pointed to, and count it out of i_blocks. */
static int release_block(struct trunc *t, u32 block)
{
	u32 sectors = ext2_sectors_per_block(t->fs);
	int err = ext2_free_block(t->fs, block);

	if (err)
		return err;
	t->inode->i_blocks = t->inode->i_blocks >= sectors ? t->inode->i_blocks - sectors : 0;
	return 0;
}

static int get_entry(struct ext2_fs *fs, u32 block, u32 index, u32 *value)
{
	u32 *entries = ext2_get_block(fs, block);

	if (!entries)
		return -EIO;
	*value = entries[index];
	ext2_put_block(fs, block, entries, false);
	return 0;
}

static int clear_entry(struct ext2_fs *fs, u32 block, u32 index)
{
	u32 *entries = ext2_get_block(fs, block);

	if (!entries)
		return -EIO;
	entries[index] = 0;
	ext2_put_block(fs, block, entries, true);
	return 0;
}

/* 1 if every entry of the indirect block is 0, 0 if not, -EIO. */
static int all_zero(struct ext2_fs *fs, u32 block)
{
	u32 *entries = ext2_get_block(fs, block);
	u32 i;
	int empty = 1;

	if (!entries)
		return -EIO;
	for (i = 0; i < fs->addr_per_block && empty; i++)
		if (entries[i])
			empty = 0;
	ext2_put_block(fs, block, entries, false);
	return empty;
}

static u32 span_of(const struct ext2_fs *fs, int levels)
{
	u32 span = 1;

	while (levels-- > 0)
		span <<= fs->addr_per_block_bits;
	return span;
}

/*
 * *slot points to a subtree `levels` deep (0: a data block) at depth `depth` of the walk.
 * Free what it maps from file block `from` on (counted from the subtree's start); set *slot
 * to 0 when nothing is left. The caller writes *slot back.
 */
static int free_branch(struct trunc *t, u32 *slot, int levels, int depth, u32 from)
{
	struct ext2_fs *fs = t->fs;
	u32 block = *slot, span, i;
	int d, err, empty;

	if (!block)
		return 0;
	if (!ext2_block_is_data(fs, block))
		return ext2_corrupt(fs, "block map points outside the data area", t->ino);
	for (d = 0; d < depth; d++)
		if (t->chain[d] == block)
			return ext2_corrupt(fs, "indirect block loop", t->ino);
	if (levels == 0) {
		err = release_block(t, block);
		if (!err)
			*slot = 0;
		return err;
	}
	t->chain[depth] = block;
	span = span_of(fs, levels - 1);
	for (i = from / span; i < fs->addr_per_block; i++) {
		u32 child, child_from = i == from / span ? from % span : 0;

		err = get_entry(fs, block, i, &child);
		if (!err && child) {
			err = free_branch(t, &child, levels - 1, depth + 1, child_from);
			if (!err && !child)
				err = clear_entry(fs, block, i);
		}
		if (err)
			return err;
	}
	/* Entries before `from` may all be holes: then the block is empty too. */
	empty = from == 0 ? 1 : all_zero(fs, block);
	if (empty < 0)
		return empty;
	if (empty) {
		err = release_block(t, block);
		if (err)
			return err;
		*slot = 0;
	}
	return 0;
}

/* Free every block of the map at or after file block `first`. */
static int free_from(struct trunc *t, u64 first)
{
	struct ext2_inode *inode = t->inode;
	u64 base = EXT2_NDIR_BLOCKS;
	int k, err;

	for (k = 0; k < EXT2_NDIR_BLOCKS; k++) {
		if ((u64)k < first)
			continue;
		err = free_branch(t, &inode->i_block[k], 0, 0, 0);
		if (err)
			return err;
	}
	for (k = 0; k < 3; k++) {
		u64 span = (u64)span_of(t->fs, k + 1);

		if (first < base + span) {
			u32 from = first > base ? (u32)(first - base) : 0;

			err = free_branch(t, &inode->i_block[EXT2_IND_BLOCK + k], k + 1, 0, from);
			if (err)
				return err;
		}
		base += span;
	}
	return 0;
}

int ext2_truncate_blocks(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode, u64 size)
{
	struct trunc t = { .fs = fs, .ino = ino, .inode = inode };
	u64 first = (size + fs->block_size - 1) >> EXT2_BLOCK_SIZE_BITS;
	int err, werr;

	if (fs->read_only)
		return -EROFS;
	if (!ext2_has_block_map(fs, inode))
		return -EINVAL;
	err = ext2_check_size(fs, inode, size);
	if (err)
		return err;
	/* Size first: a crash half-way leaves blocks past the end, which e2fsck frees. */
	ext2_inode_set_size(inode, size);
	inode->i_mtime = inode->i_ctime = ext2_now(fs);
	err = free_from(&t, first);
	werr = ext2_write_inode(fs, ino, inode);
	return err ? err : werr;
}

/* Bytes past the end of a file in its last block must read as zeros if the file grows again. */
static int zero_tail(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode, u64 size)
{
	u32 offset = size & (fs->block_size - 1), block;
	u8 *data;
	int err;

	if (offset == 0 || size >= (u64)EXT2_MAX_FILE_BLOCKS * fs->block_size)
		return 0;
	err = ext2_bmap(fs, ino, inode, (u32)(size >> EXT2_BLOCK_SIZE_BITS), false, &block, NULL);
	if (err || !block)
		return err;
	data = ext2_get_block(fs, block);
	if (!data)
		return -EIO;
	memset(data + offset, 0, fs->block_size - offset);
	ext2_put_block(fs, block, data, true);
	return 0;
}

int ext2_truncate(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode, u64 size)
{
	int err;

	if (fs->read_only)
		return -EROFS;
	if (!ext2_has_block_map(fs, inode))
		return -EINVAL;
	if (size < ext2_inode_size(inode)) {
		err = zero_tail(fs, ino, inode, size);
		if (err)
			return err;
	}
	return ext2_truncate_blocks(fs, ino, inode, size);
}
