// SPDX-License-Identifier: MIT
/*
 * Inodes in the inode table: reading and writing one, its size and time stamps.
 *
 * Inode n (counted from 1) is slot (n - 1) % s_inodes_per_group of the inode table of group
 * (n - 1) / s_inodes_per_group; a 4096-byte block of the table holds 4096 / s_inode_size slots.
 */
#include "ext2_int.h"

/* Block and byte offset of inode ino's slot. */
static int inode_location(const struct ext2_fs *fs, u32 ino, u32 *block, u32 *offset)
{
	u32 g, index;

	if (ino < 1 || ino > fs->inodes_count)
		return -EINVAL;
	g = (ino - 1) / fs->inodes_per_group;
	index = (ino - 1) % fs->inodes_per_group;
	/* The table's position was checked at mount: this block is inside it. */
	*block = fs->groups[g].bg_inode_table + index / fs->inodes_per_block;
	*offset = (index % fs->inodes_per_block) * fs->inode_size;
	return 0;
}

int ext2_read_inode(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode)
{
	u32 block, offset;
	u8 *table;
	int err = inode_location(fs, ino, &block, &offset);

	if (err)
		return err;
	table = ext2_get_block(fs, block);
	if (!table)
		return -EIO;
	memcpy(inode, table + offset, sizeof(*inode));
	ext2_put_block(fs, block, table, false);
	return 0;
}

int ext2_write_inode(struct ext2_fs *fs, u32 ino, const struct ext2_inode *inode)
{
	u32 block, offset;
	u8 *table;
	int err = inode_location(fs, ino, &block, &offset);

	if (err)
		return err;
	if (fs->read_only)
		return -EROFS;
	table = ext2_get_block(fs, block);
	if (!table)
		return -EIO;
	memcpy(table + offset, inode, sizeof(*inode));
	ext2_put_block(fs, block, table, true);
	return 0;
}

/*
 * A new inode's whole slot is zeroed, so that ext4's extra fields in a 256-byte slot are
 * consistent: i_extra_isize says how many of them are in use (e2fsck checks it).
 */
int ext2_init_inode_slot(struct ext2_fs *fs, u32 ino, const struct ext2_inode *inode)
{
	u32 block, offset;
	u8 *table;
	int err = inode_location(fs, ino, &block, &offset);

	if (err)
		return err;
	table = ext2_get_block(fs, block);
	if (!table)
		return -EIO;
	memset(table + offset, 0, fs->inode_size);
	memcpy(table + offset, inode, sizeof(*inode));
	if (fs->inode_size >= EXT2_EXTRA_ISIZE_OFFSET + EXT2_DEFAULT_EXTRA_ISIZE) {
		u16 extra = EXT2_DEFAULT_EXTRA_ISIZE;

		memcpy(table + offset + EXT2_EXTRA_ISIZE_OFFSET, &extra, sizeof(extra));
	}
	ext2_put_block(fs, block, table, true);
	return 0;
}

/* Directories keep i_size_high for a directory ACL (revision 0), so only files use it. */
u64 ext2_inode_size(const struct ext2_inode *inode)
{
	u64 size = inode->i_size;

	if (ext2_is_reg(inode))
		size |= (u64)inode->i_size_high << 32;
	return size;
}

void ext2_inode_set_size(struct ext2_inode *inode, u64 size)
{
	inode->i_size = (u32)size;
	if (ext2_is_reg(inode))
		inode->i_size_high = (u32)(size >> 32);
}

/* Can a file of this type have this size? */
int ext2_check_size(const struct ext2_fs *fs, const struct ext2_inode *inode, u64 size)
{
	if (size > (u64)EXT2_MAX_FILE_BLOCKS * fs->block_size)
		return -EFBIG;
	if (!ext2_is_reg(inode) && size > 0xffffffffu)
		return -EFBIG;
	/* Without large_file, e2fsck expects no file of 2 GiB or more. */
	if (size > 0x7fffffffu && !(fs->feature_ro_compat & EXT2_FEATURE_RO_COMPAT_LARGE_FILE))
		return -EFBIG;
	return 0;
}

u32 ext2_now(struct ext2_fs *fs)
{
	if (fs->ops->now)
		return fs->ops->now(fs->ctx);
	return fs->time_fallback;
}

/* As Linux decides it: no blocks besides a possible xattr block. */
bool ext2_is_fast_symlink(const struct ext2_fs *fs, const struct ext2_inode *inode)
{
	u32 xattr_sectors = inode->i_file_acl ? ext2_sectors_per_block(fs) : 0;

	return ext2_is_symlink(inode) && inode->i_blocks == xattr_sectors;
}

bool ext2_has_block_map(const struct ext2_fs *fs, const struct ext2_inode *inode)
{
	if (ext2_is_reg(inode) || ext2_is_dir(inode))
		return true;
	return ext2_is_symlink(inode) && !ext2_is_fast_symlink(fs, inode);
}
