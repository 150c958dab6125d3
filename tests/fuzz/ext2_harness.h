/* SPDX-License-Identifier: MIT */
/*
 * Host harness for fs/ext2: a block device held in memory that checks how the ext2 code uses
 * it, and a walker that visits a whole tree. Shared by tests/host/test_ext2*.c and by the
 * libFuzzer target tests/fuzz/ext2_fuzz.c.
 */
#ifndef EXT2_HARNESS_H
#define EXT2_HARNESS_H

#include <fs/ext2.h>

/* Blocks the ext2 code may hold at once (the promise in <fs/ext2.h>). */
#define MEMDEV_MAX_HELD 1

/*
 * The image is `size` bytes at `image`. get_block hands out a malloc'd copy of exactly one
 * block (so AddressSanitizer catches any access past its end or after put_block) and
 * put_block copies it back if dirty. These are protocol violations, reported to violation():
 * holding the same block twice, holding more than MEMDEV_MAX_HELD, putting a block not held,
 * changing a block and putting it back clean.
 */
struct memdev {
	u8 *image;
	size_t size;
	unsigned long reads, writes;
	int held;
	u32 held_block[MEMDEV_MAX_HELD];
	void *held_copy[MEMDEV_MAX_HELD];
	u32 fail_block;		/* get_block of this block fails (-EIO); ~0u: none */
	u32 now;		/* what ops->now returns */
	void (*violation)(const char *what, u32 block);
};

extern const struct ext2_block_ops memdev_ops;

void memdev_init(struct memdev *dev, u8 *image, size_t size,
		 void (*violation)(const char *what, u32 block));

/* What ext2_walk_tree saw. */
struct walk_stats {
	unsigned long dirs, files, symlinks, others, entries, errors;
	unsigned long long bytes;
};

/* Bounds of a walk: a damaged tree may link a directory into itself many times. */
struct walk_limits {
	int max_depth;				/* directories below the root */
	unsigned long long max_file_bytes;	/* read of each file */
	unsigned long max_entries;		/* entries visited in all */
};

/*
 * Visit the tree from the root: readdir every directory, look each name up again, read every
 * inode, every regular file and every symlink, within `lim`. Errors are counted, never fatal:
 * on a damaged image this is the fuzzer's and the corruption tests' way of touching every
 * parser.
 */
void ext2_walk_tree(struct ext2_fs *fs, const struct walk_limits *lim, struct walk_stats *stats);

/* Create, write, grow, truncate, link, unlink and remove in the root, ignoring errors: the
 * write paths' share of the same treatment. */
void ext2_mutate_tree(struct ext2_fs *fs);

#endif /* EXT2_HARNESS_H */
