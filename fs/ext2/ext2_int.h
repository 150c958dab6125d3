/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the files of fs/ext2/ and not part of the API: group geometry, the check
 * that a block number may hold data, block access, bitmaps, corruption reports.
 */
#ifndef FS_EXT2_INT_H
#define FS_EXT2_INT_H

#include <fs/ext2.h>
#include <kernel/errno.h>
#include <lib/string.h>

/* ---- super.c: corruption, superblock and descriptors ---- */

/* Record that the image is corrupt (what, in block or inode num) and return -EIO. */
int ext2_corrupt(struct ext2_fs *fs, const char *what, u32 num);
/* Write the free counts and the state into the primary superblock. */
int ext2_write_super(struct ext2_fs *fs);
/* Write group g's descriptor (from fs->groups) back into the descriptor table. */
int ext2_write_group_desc(struct ext2_fs *fs, u32 g);

/* ---- inode.c ---- */

/* Write a brand-new inode: the whole slot zeroed, then *inode, then i_extra_isize. */
int ext2_init_inode_slot(struct ext2_fs *fs, u32 ino, const struct ext2_inode *inode);

/* Can this inode have this size (block map range, 32-bit i_size of non-files, large_file)?
 * 0 or -EFBIG. */
int ext2_check_size(const struct ext2_fs *fs, const struct ext2_inode *inode, u64 size);

/* ---- group.c: where things are ---- */

/* Does group g begin with a copy of the superblock and descriptor table? */
bool ext2_group_has_super(const struct ext2_fs *fs, u32 g);
/* First block of group g, and the number of blocks in it (the last group may be short). */
u32 ext2_group_first_block(const struct ext2_fs *fs, u32 g);
u32 ext2_group_nr_blocks(const struct ext2_fs *fs, u32 g);
/* Blocks at the start of group g taken by the superblock, GDT and reserved GDT copies. */
u32 ext2_group_super_blocks(const struct ext2_fs *fs, u32 g);
/* May `block` hold file data, an indirect block or a directory: inside the filesystem and none
 * of the superblock/GDT copies, bitmaps or inode table? Every pointer read from an inode or an
 * indirect block passes this before it is followed, freed or written. */
bool ext2_block_is_data(const struct ext2_fs *fs, u32 block);

/* ---- block access ---- */

/* ops->get_block for a block known to be inside the filesystem; NULL on I/O error. */
static inline void *ext2_get_block(struct ext2_fs *fs, u32 block)
{
	if (block >= fs->blocks_count)
		return NULL;
	return fs->ops->get_block(fs->ctx, block);
}

static inline void ext2_put_block(struct ext2_fs *fs, u32 block, void *data, bool dirty)
{
	fs->ops->put_block(fs->ctx, block, data, dirty);
}

/* ---- bitmaps (bit i is byte i / 8, bit i % 8) ---- */

static inline bool ext2_test_bit(const u8 *map, u32 i)
{
	return (map[i >> 3] >> (i & 7)) & 1;
}
static inline void ext2_set_bit(u8 *map, u32 i)
{
	map[i >> 3] |= (u8)(1u << (i & 7));
}
static inline void ext2_clear_bit(u8 *map, u32 i)
{
	map[i >> 3] &= (u8)~(1u << (i & 7));
}
/* First clear bit in [start, end), or end if none. */
u32 ext2_find_zero_bit(const u8 *map, u32 start, u32 end);

/* ---- small shared checks ---- */

static inline bool ext2_has_filetype(const struct ext2_fs *fs)
{
	return fs->feature_incompat & EXT2_FEATURE_INCOMPAT_FILETYPE;
}

/* Sectors (512 bytes, the unit of i_blocks) per block. */
static inline u32 ext2_sectors_per_block(const struct ext2_fs *fs)
{
	return fs->block_size >> 9;
}

/* A fast symlink keeps its target in i_block; everything in i_blocks is then the xattr block. */
bool ext2_is_fast_symlink(const struct ext2_fs *fs, const struct ext2_inode *inode);
/* Does i_block[] hold block numbers (regular files, directories, slow symlinks)? */
bool ext2_has_block_map(const struct ext2_fs *fs, const struct ext2_inode *inode);

/* A name for a new entry: 1..255 bytes, no '/' or NUL, not "." or "..". */
int ext2_check_new_name(const char *name, size_t len);
bool ext2_is_dot_or_dotdot(const char *name, size_t len);

/* Drop the inode's reference to its extended-attribute block (xattr.c). */
int ext2_xattr_release(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode);

/* Set up a new directory's first block with "." and ".." (dir.c). */
int ext2_make_empty_dir(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode, u32 parent_ino);

#endif /* FS_EXT2_INT_H */
