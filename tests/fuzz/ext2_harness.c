// SPDX-License-Identifier: MIT
/*
 * The in-memory block device and the tree walker described in ext2_harness.h.
 */
#include <stdlib.h>
#include <string.h>

#include "ext2_harness.h"

/* ---- the block device ---- */

static int held_slot(struct memdev *dev, u32 block)
{
	int i;

	for (i = 0; i < dev->held; i++)
		if (dev->held_block[i] == block)
			return i;
	return -1;
}

static void *memdev_get_block(void *ctx, u32 block)
{
	struct memdev *dev = ctx;
	void *copy;

	if (block == dev->fail_block || ((u64)block + 1) * EXT2_BLOCK_SIZE > dev->size)
		return NULL;
	if (held_slot(dev, block) >= 0) {
		dev->violation("block taken twice", block);
		return NULL;
	}
	if (dev->held == MEMDEV_MAX_HELD) {
		dev->violation("too many blocks held", block);
		return NULL;
	}
	copy = malloc(EXT2_BLOCK_SIZE);
	if (!copy)
		return NULL;
	memcpy(copy, dev->image + (size_t)block * EXT2_BLOCK_SIZE, EXT2_BLOCK_SIZE);
	dev->held_block[dev->held] = block;
	dev->held_copy[dev->held] = copy;
	dev->held++;
	dev->reads++;
	return copy;
}

static void memdev_put_block(void *ctx, u32 block, void *data, bool dirty)
{
	struct memdev *dev = ctx;
	u8 *disk = dev->image + (size_t)block * EXT2_BLOCK_SIZE;
	int slot = held_slot(dev, block);

	if (slot < 0 || dev->held_copy[slot] != data) {
		dev->violation("put_block of a block not held", block);
		return;
	}
	if (dirty) {
		memcpy(disk, data, EXT2_BLOCK_SIZE);
		dev->writes++;
	} else if (memcmp(disk, data, EXT2_BLOCK_SIZE) != 0) {
		dev->violation("block changed but put back clean", block);
	}
	free(data);
	dev->held--;
	dev->held_block[slot] = dev->held_block[dev->held];
	dev->held_copy[slot] = dev->held_copy[dev->held];
}

static void *memdev_alloc(size_t size)
{
	return malloc(size);
}

static u32 memdev_now(void *ctx)
{
	return ((struct memdev *)ctx)->now;
}

const struct ext2_block_ops memdev_ops = {
	.get_block = memdev_get_block,
	.put_block = memdev_put_block,
	.alloc = memdev_alloc,
	.free = free,
	.now = memdev_now,
};

void memdev_init(struct memdev *dev, u8 *image, size_t size,
		 void (*violation)(const char *what, u32 block))
{
	memset(dev, 0, sizeof(*dev));
	dev->image = image;
	dev->size = size;
	dev->fail_block = ~0u;
	dev->now = 1700000000;	/* November 2023: after any mke2fs time of the tests */
	dev->violation = violation;
}

/* ---- the tree walker ---- */

#define WALK_BATCH 16

struct dent {
	char name[EXT2_NAME_LEN + 1];
	size_t len;
	u32 ino;
};

struct batch {
	struct dent d[WALK_BATCH];
	int n;
};

static int collect(void *arg, const char *name, size_t len, u32 ino, unsigned int type)
{
	struct batch *b = arg;

	if (b->n == WALK_BATCH)
		return 1;
	memcpy(b->d[b->n].name, name, len);
	b->d[b->n].name[len] = '\0';
	b->d[b->n].len = len;
	b->d[b->n].ino = ino;
	b->n++;
	return 0;
}

static void read_file(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode,
		      unsigned long long max_bytes, struct walk_stats *st)
{
	static u8 buf[65536];
	unsigned long long off = 0;

	while (off < max_bytes) {
		ssize_t n = ext2_read_data(fs, ino, inode, off, buf, sizeof(buf));

		if (n < 0)
			st->errors++;
		if (n <= 0)
			break;
		st->bytes += n;
		off += n;
	}
}

static void walk_dir(struct ext2_fs *fs, u32 dir_ino, int depth, const struct walk_limits *lim,
		     struct walk_stats *st);

static void visit_entry(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir,
			const struct dent *d, int depth, const struct walk_limits *lim,
			struct walk_stats *st)
{
	struct ext2_inode inode;
	char target[EXT2_BLOCK_SIZE];
	u32 again;

	if ((d->len == 1 && d->name[0] == '.') ||
	    (d->len == 2 && d->name[0] == '.' && d->name[1] == '.'))
		return;
	st->entries++;
	if (ext2_lookup(fs, dir_ino, dir, d->name, d->len, &again))
		st->errors++;
	if (ext2_read_inode(fs, d->ino, &inode)) {
		st->errors++;
		return;
	}
	if (ext2_is_dir(&inode)) {
		st->dirs++;
		if (depth < lim->max_depth)
			walk_dir(fs, d->ino, depth + 1, lim, st);
	} else if (ext2_is_reg(&inode)) {
		st->files++;
		read_file(fs, d->ino, &inode, lim->max_file_bytes, st);
	} else if (ext2_is_symlink(&inode)) {
		st->symlinks++;
		if (ext2_readlink(fs, d->ino, &inode, target, sizeof(target)) < 0)
			st->errors++;
	} else {
		st->others++;
	}
}

static void walk_dir(struct ext2_fs *fs, u32 dir_ino, int depth, const struct walk_limits *lim,
		     struct walk_stats *st)
{
	struct batch *b = malloc(sizeof(*b));
	struct ext2_inode dir;
	u64 pos = 0;
	int i, err;

	if (!b)
		return;
	if (ext2_read_inode(fs, dir_ino, &dir)) {
		st->errors++;
		goto out;
	}
	do {
		u64 before = pos;

		b->n = 0;
		err = ext2_readdir(fs, dir_ino, &dir, &pos, collect, b);
		if (err)
			st->errors++;
		/* Not from inside collect(): readdir holds the directory block while it calls. */
		for (i = 0; i < b->n && st->entries < lim->max_entries; i++)
			visit_entry(fs, dir_ino, &dir, &b->d[i], depth, lim, st);
		if (pos == before)
			break;
	} while (!err && b->n == WALK_BATCH && st->entries < lim->max_entries);
out:
	free(b);
}

void ext2_walk_tree(struct ext2_fs *fs, const struct walk_limits *lim, struct walk_stats *stats)
{
	memset(stats, 0, sizeof(*stats));
	walk_dir(fs, EXT2_ROOT_INO, 0, lim, stats);
}

/* ---- mutations ---- */

static void touch_existing(struct ext2_fs *fs, struct ext2_inode *root, const struct dent *d)
{
	static const u8 bytes[16] = "overwritten here";
	struct ext2_inode inode;

	if ((d->len == 1 && d->name[0] == '.') ||
	    (d->len == 2 && d->name[0] == '.' && d->name[1] == '.'))
		return;
	if (ext2_read_inode(fs, d->ino, &inode))
		return;
	if (ext2_is_reg(&inode)) {
		ext2_write_data(fs, d->ino, &inode, 4090, bytes, sizeof(bytes));
		ext2_truncate(fs, d->ino, &inode, ext2_inode_size(&inode) / 2);
		ext2_unlink(fs, EXT2_ROOT_INO, root, d->name, d->len);
	} else if (ext2_is_dir(&inode)) {
		ext2_rmdir(fs, EXT2_ROOT_INO, root, d->name, d->len);
	} else {
		ext2_unlink(fs, EXT2_ROOT_INO, root, d->name, d->len);
	}
}

void ext2_mutate_tree(struct ext2_fs *fs)
{
	static u8 data[20000];
	static const char long_target[] =
		"a/target/that/is/longer/than/sixty/bytes/so/it/needs/a/block/of/its/own";
	struct ext2_inode root, file, sub;
	struct batch b = { .n = 0 };
	u32 file_ino, sub_ino;
	u64 pos = 0;
	int i;

	memset(data, 0x5a, sizeof(data));
	if (ext2_read_inode(fs, EXT2_ROOT_INO, &root))
		return;
	ext2_readdir(fs, EXT2_ROOT_INO, &root, &pos, collect, &b);
	for (i = 0; i < b.n && i < 6; i++)
		touch_existing(fs, &root, &b.d[i]);
	if (!ext2_create(fs, EXT2_ROOT_INO, &root, "fz_new", 6, 0644, &file_ino, &file)) {
		ext2_write_data(fs, file_ino, &file, 0, data, sizeof(data));
		ext2_write_data(fs, file_ino, &file, 60000, data, 100);
		ext2_truncate(fs, file_ino, &file, 5000);
		ext2_link(fs, EXT2_ROOT_INO, &root, "fz_hard", 7, file_ino, &file);
	}
	if (!ext2_mkdir(fs, EXT2_ROOT_INO, &root, "fz_dir", 6, 0755, &sub_ino, &sub)) {
		ext2_create(fs, sub_ino, &sub, "x", 1, 0644, NULL, NULL);
		ext2_symlink(fs, sub_ino, &sub, "l", 1, long_target, sizeof(long_target) - 1, NULL);
		ext2_unlink(fs, sub_ino, &sub, "x", 1);
		ext2_unlink(fs, sub_ino, &sub, "l", 1);
		ext2_rmdir(fs, EXT2_ROOT_INO, &root, "fz_dir", 6);
	}
	ext2_symlink(fs, EXT2_ROOT_INO, &root, "fz_link", 7, "fz_new", 6, NULL);
	ext2_unlink(fs, EXT2_ROOT_INO, &root, "fz_new", 6);
}
