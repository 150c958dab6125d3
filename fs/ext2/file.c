// SPDX-License-Identifier: MIT
/*
 * Reading and writing file data through get_block, block by block on top of ext2_bmap. The
 * host tests and tools use these; the kernel reads and writes whole pages with ext2_bmap and
 * its own bios instead (see the warning at struct ext2_block_ops).
 */
#include "ext2_int.h"

/* Largest count returned, so that it fits ssize_t on a 32-bit kernel. */
#define EXT2_IO_MAX 0x7ffff000u

ssize_t ext2_read_data(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode, u64 off, void *buf,
		       size_t len)
{
	u64 size = ext2_inode_size(inode);
	size_t done = 0;

	if (!ext2_has_block_map(fs, inode))
		return -EINVAL;
	if (off >= size)
		return 0;
	len = (size_t)min((u64)len, size - off);
	len = min(len, (size_t)EXT2_IO_MAX);
	while (done < len) {
		u64 pos = off + done;
		u32 boff = pos & (fs->block_size - 1), block;
		size_t n = min((size_t)(fs->block_size - boff), len - done);
		int err = -EIO;
		u8 *data;

		/* i_size may claim more than the map can address: the file is corrupt there. */
		if ((pos >> EXT2_BLOCK_SIZE_BITS) < EXT2_MAX_FILE_BLOCKS)
			err = ext2_bmap(fs, ino, inode, (u32)(pos >> EXT2_BLOCK_SIZE_BITS), false,
					&block, NULL);
		if (err)
			return done ? (ssize_t)done : err;
		if (!block) {
			memset((u8 *)buf + done, 0, n);
		} else {
			data = ext2_get_block(fs, block);
			if (!data)
				return done ? (ssize_t)done : -EIO;
			memcpy((u8 *)buf + done, data + boff, n);
			ext2_put_block(fs, block, data, false);
		}
		done += n;
	}
	return (ssize_t)done;
}

/* Write n bytes at boff of file block fb, allocating the block if it is a hole. */
static int write_block(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode, u32 fb, u32 boff,
		       const u8 *src, size_t n)
{
	u32 block;
	bool created;
	u8 *data;
	int err = ext2_bmap(fs, ino, inode, fb, true, &block, &created);

	if (err)
		return err;
	data = ext2_get_block(fs, block);
	if (!data)
		return -EIO;
	/* A fresh block holds whatever was on disk: the bytes not written must read as 0. */
	if (created && n < fs->block_size)
		memset(data, 0, fs->block_size);
	memcpy(data + boff, src, n);
	ext2_put_block(fs, block, data, true);
	return 0;
}

ssize_t ext2_write_data(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode, u64 off,
			const void *buf, size_t len)
{
	size_t done = 0;
	int err = 0;

	if (fs->read_only)
		return -EROFS;
	if (ext2_is_dir(inode))
		return -EISDIR;
	if (!ext2_has_block_map(fs, inode))
		return -EINVAL;
	len = min(len, (size_t)EXT2_IO_MAX);
	if (off + len < off || ext2_check_size(fs, inode, off + len))
		return -EFBIG;
	while (done < len) {
		u64 pos = off + done;
		u32 boff = pos & (fs->block_size - 1);
		size_t n = min((size_t)(fs->block_size - boff), len - done);

		err = write_block(fs, ino, inode, (u32)(pos >> EXT2_BLOCK_SIZE_BITS), boff,
				  (const u8 *)buf + done, n);
		if (err)
			break;
		done += n;
	}
	if (done) {
		if (off + done > ext2_inode_size(inode))
			ext2_inode_set_size(inode, off + done);
		inode->i_mtime = inode->i_ctime = ext2_now(fs);
		err = ext2_write_inode(fs, ino, inode);
		if (err)
			return err;
	}
	return done ? (ssize_t)done : err;
}
