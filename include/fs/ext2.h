/* SPDX-License-Identifier: MIT */
/*
 * ext2: the on-disk logic, as pure C that runs in the kernel and in host tests.
 *
 * The code knows nothing of pages, bios or locks. The environment hands it metadata blocks
 * through struct ext2_block_ops; the kernel maps them to the block device's page cache, the
 * host tests to an image held in memory. On-disk structures are in <fs/ext2_fs.h>, the
 * design notes in docs/ext2.md.
 *
 * Rules every function keeps, whatever the image holds:
 *  - it returns 0 (or a count) or -errno, never faults and never loops without bound: every
 *    block number is checked against the filesystem size and the group layout before use, and
 *    every walk (indirect tree, directory, bitmap) has a fixed bound;
 *  - corruption gives -EIO (and is recorded in fs->errors / fs->last_error);
 *  - it holds at most one block at a time (get_block ... put_block, with no other get_block in
 *    between), so the environment may lock a block's page while it is held. Callbacks such as
 *    readdir's fill run while a block is held and must not call back into this code.
 *
 * Inodes: functions that take (ino, struct ext2_inode *inode) read *inode as the current copy
 * of that inode (from ext2_read_inode or left by an earlier call), update it in place and write
 * it back to disk themselves. So a caller may keep one copy per inode, but must pass that copy.
 *
 * Locking: none inside. The caller serialises all calls on one filesystem (one mutex).
 */
#ifndef FS_EXT2_H
#define FS_EXT2_H

#include <types.h>
#include <fs/ext2_fs.h>

/*
 * Block access supplied by the environment. Blocks are EXT2_BLOCK_SIZE (4096) bytes and must
 * be 4-byte aligned. Only metadata goes through here (superblock, descriptors, bitmaps, inode
 * table, indirect blocks, directories, symlink and xattr blocks) - plus file data when the
 * host convenience functions ext2_read_data/ext2_write_data/ext2_truncate are used. The
 * kernel moves file data through its own page cache with ext2_bmap and must then never reach
 * a data block through get_block (two caches of one block would overwrite each other).
 */
struct ext2_block_ops {
	/* Contents of disk block `block`, or NULL on an I/O error. Valid until put_block. */
	void *(*get_block)(void *ctx, u32 block);
	/* Done with it; dirty: it was modified and must reach the disk. */
	void (*put_block)(void *ctx, u32 block, void *data, bool dirty);
	/* Memory for the copy of the group descriptors (kmalloc/kfree, malloc/free). */
	void *(*alloc)(size_t size);
	void (*free)(void *ptr);
	/* (optional) Seconds since 1970 for i_atime/i_ctime/i_mtime/i_dtime. Without it the
	 * last write time recorded in the superblock is used. */
	u32 (*now)(void *ctx);
};

/* The mounted filesystem: the superblock decoded, plus what is derived from it. */
struct ext2_fs {
	const struct ext2_block_ops *ops;
	void *ctx;
	bool read_only;

	/* From the superblock (see struct ext2_super_block) */
	u32 inodes_count;
	u32 blocks_count;
	u32 first_data_block;
	u32 blocks_per_group;
	u32 inodes_per_group;
	u32 free_blocks_count;		/* kept equal to the sum over the groups */
	u32 free_inodes_count;
	u32 rev_level;
	u32 first_ino;
	u32 inode_size;
	u32 feature_compat;
	u32 feature_incompat;
	u32 feature_ro_compat;
	u32 reserved_gdt_blocks;	/* 0 without resize_inode */
	u16 mount_state;		/* s_state as found at mount */
	u16 state;			/* s_state to write: not VALID while mounted read-write */
	u16 errors_behaviour;		/* s_errors (EXT2_ERRORS_RO: go read-only on errors) */
	bool mounted_rw;		/* ext2_unmount must write the state back */
	u32 time_fallback;		/* s_wtime/s_mkfs_time, for ops without now() */

	/* Derived */
	u32 block_size;			/* EXT2_BLOCK_SIZE */
	u32 addr_per_block;		/* block numbers in an indirect block: 1024 */
	u32 addr_per_block_bits;	/* log2 of addr_per_block: 10 */
	u32 group_count;
	u32 gdt_blocks;			/* blocks of the group descriptor table */
	u32 inodes_per_block;
	u32 inode_table_blocks;		/* per group */
	struct ext2_group_desc *groups;	/* copy of the table: checked at mount, written through */

	/* Corruption seen since mount (each -EIO that came from the image) */
	u32 errors;
	const char *last_error;		/* what was wrong, e.g. "bad directory entry" */
	u32 last_error_num;		/* the block or inode it was found in */
};

/* ---- super.c ------------------------------------------------------------------------ */

/*
 * Check the superblock and the group descriptors and fill *fs. device_bytes is the size of
 * the device: a filesystem that claims more blocks than the device holds is refused. msg gets
 * one line for a human: the reason on failure ("ext2: bad magic 0x1234 (expected 0xef53)"), a
 * warning or "" on success. A read-write mount marks the filesystem not clean on disk until
 * ext2_unmount. Returns 0, -EINVAL (not an ext2 we can use), -EROFS (read-write asked for but
 * unknown read-only-compatible features), -EIO (the device failed), -ENOMEM.
 */
int ext2_mount(struct ext2_fs *fs, const struct ext2_block_ops *ops, void *ctx, u64 device_bytes,
	       bool read_only, char *msg, size_t msglen);

/* Mark the filesystem clean again (or in error, if corruption was seen) and free the copy of
 * the group descriptors. Returns -EIO if the superblock could not be written. */
int ext2_unmount(struct ext2_fs *fs);

/* ---- inode.c ------------------------------------------------------------------------ */

/* Copy inode `ino` (1 .. inodes_count, else -EINVAL) from the inode table. */
int ext2_read_inode(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode);
/* Write its first 128 bytes back; the extra bytes of a larger slot are left alone. */
int ext2_write_inode(struct ext2_fs *fs, u32 ino, const struct ext2_inode *inode);

/* File size: i_size, plus i_size_high for regular files (large_file). */
u64 ext2_inode_size(const struct ext2_inode *inode);
void ext2_inode_set_size(struct ext2_inode *inode, u64 size);

/* The time stamp for i_[acm]time (ops->now or the fallback). */
u32 ext2_now(struct ext2_fs *fs);

/* Largest file size: what the block map can address. */
#define EXT2_MAX_FILE_BLOCKS	(12u + 1024u + 1024u * 1024u + 1024u * 1024u * 1024u)

/* ---- bmap.c ------------------------------------------------------------------------- */

/*
 * Map block `file_block` of the file to a disk block: *disk_block = 0 is a hole. With create,
 * a hole is filled: a data block (and any missing indirect blocks, zeroed) is allocated near
 * the inode's group, i_blocks updated and the inode written. *created (may be NULL) tells the
 * caller that the data block is new and holds garbage: the caller must write all of it (the
 * page cache writes a whole zero-filled page). -EIO if a pointer on the way is outside the data
 * area or loops back; -EFBIG past the triple-indirect range; -ENOSPC; -EROFS.
 */
int ext2_bmap(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode, u32 file_block, bool create,
	      u32 *disk_block, bool *created);

/* ---- file.c (host convenience; file data through get_block) ------------------------- */

/* Read up to len bytes at off (stops at end of file; holes read as zeros). Returns the bytes
 * read or -errno. */
ssize_t ext2_read_data(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode, u64 off, void *buf,
		       size_t len);
/* Write len bytes at off, allocating blocks and growing i_size. Returns the bytes written (short
 * only if some were written before an error) or -errno. Also updates i_mtime/i_ctime. */
ssize_t ext2_write_data(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode, u64 off,
			const void *buf, size_t len);

/* ---- truncate.c --------------------------------------------------------------------- */

/*
 * Set the size to `size`: blocks wholly beyond it are freed, including indirect blocks left
 * empty; growing only sets i_size (the new part is a hole). ext2_truncate_blocks does only
 * that (the kernel zeroes the tail of the last page in its page cache); ext2_truncate also
 * zeroes the bytes past `size` in the last partial block, through get_block.
 */
int ext2_truncate_blocks(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode, u64 size);
int ext2_truncate(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode, u64 size);

/* ---- dir.c -------------------------------------------------------------------------- */

/* Find `name` in directory dir: *ino, and its EXT2_FT_* in *file_type (may be NULL).
 * -ENOENT, -ENOTDIR, -ENAMETOOLONG, -EIO. */
int ext2_lookup(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
		size_t len, u32 *ino);
int ext2_lookup_type(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
		     size_t len, u32 *ino, unsigned int *file_type);

/*
 * Call fill(arg, name, len, ino, file_type) for each entry at or after byte *pos of the
 * directory, in order; *pos advances past each entry given. fill returns non-zero to stop (the
 * entry it refused is given again next time). file_type is EXT2_FT_* (EXT2_FT_UNKNOWN without
 * the filetype feature); ext2_ft_to_dt converts it for getdents64. Returns 0 at the end or when
 * fill stopped, -errno on error. fill runs while the directory block is held: it must not call
 * ext2 functions, nor fault on user memory (fill a kernel buffer, copy it out afterwards).
 */
typedef int (*ext2_filldir_t)(void *arg, const char *name, size_t len, u32 ino,
			      unsigned int file_type);
int ext2_readdir(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, u64 *pos,
		 ext2_filldir_t fill, void *arg);

/* Add the entry name -> ino (file_type EXT2_FT_*). -EEXIST if the name is there. Extends the
 * directory by a block when no block has room. Clears EXT2_INDEX_FL (see docs/ext2.md). */
int ext2_add_link(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
		  size_t len, u32 ino, unsigned int file_type);
/* Remove the entry `name`; *ino gets the inode it named. Does not touch that inode. */
int ext2_delete_entry(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
		      size_t len, u32 *ino);
/* Point the existing entry `name` ("..", too) at ino, of type file_type (rename). Touches no
 * inode but dir; -ENOENT if there is no such entry. */
int ext2_set_link(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
		  size_t len, u32 ino, unsigned int file_type);
/* 1 if the directory holds nothing but "." and "..", 0 if it holds more, -errno. */
int ext2_dir_is_empty(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir);

/* EXT2_FT_* for an i_mode, and the getdents64 d_type (DT_*) for an EXT2_FT_*. */
unsigned int ext2_mode_to_ft(u16 mode);
unsigned int ext2_ft_to_dt(unsigned int file_type);

/* ---- balloc.c / ialloc.c ------------------------------------------------------------ */

/* Allocate a free block, the first free one at or after goal (then anywhere). */
int ext2_new_block(struct ext2_fs *fs, u32 goal, u32 *block);
/* Free a block; -EIO if it is not a data block or already free. */
int ext2_free_block(struct ext2_fs *fs, u32 block);
/* Allocate an inode for a file of type `mode` near the parent's group, write it zeroed but
 * for i_mode and times, i_links_count 0, and return it in *inode. Directories count in
 * bg_used_dirs_count. */
int ext2_new_inode(struct ext2_fs *fs, u32 parent_ino, u16 mode, u32 *ino,
		   struct ext2_inode *inode);
/* Clear the inode's bitmap bit (is_dir: and bg_used_dirs_count). */
int ext2_free_inode(struct ext2_fs *fs, u32 ino, bool is_dir);

/* ---- namei.c ------------------------------------------------------------------------ */

/* Create a file (type from mode: a regular file if no type bits are set; not a directory or
 * symlink) named name in dir. *ino and *inode (may be NULL) receive the new inode. */
int ext2_create(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
		size_t len, u16 mode, u32 *ino, struct ext2_inode *inode);
/* Create a directory with "." and ".."; the parent gains a link. */
int ext2_mkdir(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
	       size_t len, u16 mode, u32 *ino, struct ext2_inode *inode);
/* A new hard link name -> ino (not a directory: -EPERM). */
int ext2_link(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
	      size_t len, u32 ino, struct ext2_inode *inode);

/*
 * Removing a file is two steps, so that the kernel can keep an open file alive:
 * ext2_remove_link deletes the entry and drops the link count (*ino, *inode: the inode it
 * named, as it now is); ext2_evict_inode frees the blocks and the inode once i_links_count is
 * 0 and nobody uses it. ext2_unlink does both at once.
 */
int ext2_remove_link(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
		     size_t len, u32 *ino, struct ext2_inode *inode);
int ext2_evict_inode(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode);
int ext2_unlink(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
		size_t len);
/* Remove an empty directory (-ENOTEMPTY otherwise) and free it at once. */
int ext2_rmdir(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
	       size_t len);

/* One side of a rename: a name in a directory, and the inode it names. */
struct ext2_name {
	u32 dir_ino;
	struct ext2_inode *dir;		/* current copy, updated in place */
	const char *name;
	size_t len;
	u32 ino;			/* out: the inode the name named before (0: none) */
	struct ext2_inode *inode;	/* out: that inode as it is after (caller's storage) */
};

/*
 * rename(2) within one filesystem: from's name moves to `to` (the same directory is passed as
 * the same pointer). If to's name named an inode, that inode loses the link (a directory
 * both): the caller frees it with ext2_evict_inode once it has no links and no users. Two
 * names of one inode: nothing happens. -ENOENT, -EISDIR, -ENOTDIR, -ENOTEMPTY, -EINVAL (a
 * directory into its own subtree), -EBUSY ("." or ".."), -EMLINK, -ENOSPC, -EROFS, -EIO.
 */
int ext2_rename(struct ext2_fs *fs, struct ext2_name *from, struct ext2_name *to);

/* ---- symlink.c ---------------------------------------------------------------------- */

/* A symlink to target (tlen < 4096 bytes): in i_block when it fits (fast), else in a block. */
int ext2_symlink(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
		 size_t len, const char *target, size_t tlen, u32 *ino);
/* Copy the target (no NUL added) into buf; returns its length (cut to buflen) or -errno. */
ssize_t ext2_readlink(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode, char *buf,
		      size_t buflen);

#endif /* FS_EXT2_H */
