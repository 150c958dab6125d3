// SPDX-License-Identifier: MIT
/*
 * Extended attributes (ext_attr feature): only what deleting an inode needs. An inode may
 * point (i_file_acl) to one block of attributes that several inodes share; its header counts
 * the sharers, and the last one to go frees the block. The attributes themselves are neither
 * read nor written here.
 */
#include "ext2_int.h"

int ext2_xattr_release(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode)
{
	u32 block = inode->i_file_acl, sectors = ext2_sectors_per_block(fs);
	struct ext2_xattr_header *h;
	bool last;
	int err;

	if (!block)
		return 0;
	if (!ext2_block_is_data(fs, block))
		return ext2_corrupt(fs, "bad extended attribute block", ino);
	h = ext2_get_block(fs, block);
	if (!h)
		return -EIO;
	if (h->h_magic != EXT2_XATTR_MAGIC || h->h_refcount == 0 || h->h_blocks != 1) {
		ext2_put_block(fs, block, h, false);
		return ext2_corrupt(fs, "bad extended attribute header", block);
	}
	last = h->h_refcount == 1;
	if (!last)
		h->h_refcount--;
	ext2_put_block(fs, block, h, !last);
	if (last) {
		err = ext2_free_block(fs, block);
		if (err)
			return err;
	}
	inode->i_file_acl = 0;
	inode->i_blocks = inode->i_blocks >= sectors ? inode->i_blocks - sectors : 0;
	return 0;
}
