// SPDX-License-Identifier: MIT
/*
 * The ext2 code against damaged images: mke2fs output with one thing broken on purpose (a bad
 * superblock field, a descriptor pointing past the end, directory entries that overrun their
 * block, block pointers into metadata or looping back, a bitmap that lies), and then with
 * random damage. Every case must end in a refused mount or an error code (-EINVAL, -EIO,
 * -EROFS), never a crash, a hang or a sanitizer report; the block device of
 * tests/fuzz/ext2_harness.c also checks that no block is held twice or leaked.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fs/ext2.h>
#include "../fuzz/ext2_harness.h"
#include "../fuzz/ext2_image.h"

#define K_EIO 5
#define K_EINVAL 22
#define K_EROFS 30

#define BS 4096u

#define expect_int(seen, expected, ...)                                                         \
	do {                                                                                    \
		long long seen_ = (seen), expected_ = (expected);                               \
		if (seen_ != expected_) {                                                       \
			char what_[512];                                                        \
			snprintf(what_, sizeof(what_), __VA_ARGS__);                            \
			fail_msg("%s: expected %lld, seen %lld", what_, expected_, seen_);      \
		}                                                                               \
	} while (0)

#define expect_true(cond, ...)                                                                  \
	do {                                                                                    \
		if (!(cond))                                                                    \
			fail_msg(__VA_ARGS__);                                                  \
	} while (0)

static char workdir[64];
static u8 *clean;		/* the undamaged image */
static size_t clean_size;

static void violation(const char *what, u32 block)
{
	fail_msg("block device misuse: %s (block %u)", what, block);
}

static void stage(const char *dir)
{
	char path[256], data[61440];
	static const char target[] = "a/slow/symlink/target/of/more/than/sixty/bytes/that/needs/"
				     "its/own/block/to/be/stored";

	memset(data, 'x', sizeof(data));
	mkdir(dir, 0755);
	snprintf(path, sizeof(path), "%s/file60k", dir);
	save_file(path, data, sizeof(data));
	snprintf(path, sizeof(path), "%s/small", dir);
	save_file(path, data, 100);
	snprintf(path, sizeof(path), "%s/dir", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/dir/a", dir);
	save_file(path, "a", 1);
	snprintf(path, sizeof(path), "%s/dir/b", dir);
	save_file(path, "b", 1);
	snprintf(path, sizeof(path), "%s/fast", dir);
	symlink("small", path);
	snprintf(path, sizeof(path), "%s/slow", dir);
	symlink(target, path);
}

static int group_setup(void **state)
{
	char st[128], img[128];

	strcpy(workdir, "/tmp/test_ext2_corrupt.XXXXXX");
	if (!mkdtemp(workdir))
		return -1;
	snprintf(st, sizeof(st), "%s/staging", workdir);
	snprintf(img, sizeof(img), "%s/clean.img", workdir);
	stage(st);
	if (run_cmd("%s -q -F -t ext2 -b 4096 -d %s %s 8M > /dev/null", e2fs_tool("mke2fs"), st,
		    img))
		return -1;
	clean = load_file(img, &clean_size);
	return clean ? 0 : -1;
}

static int group_teardown(void **state)
{
	free(clean);
	if (workdir[0])
		run_cmd("rm -rf %s", workdir);
	return 0;
}

/* ---- a damaged copy ---- */

struct fx {
	u8 *img;
	size_t size;
	struct memdev dev;
	struct ext2_fs fs;
	bool mounted;
	char msg[200];
};

static struct fx *fx_copy(void)
{
	struct fx *f = calloc(1, sizeof(*f));

	f->size = clean_size;
	f->img = malloc(clean_size);
	memcpy(f->img, clean, clean_size);
	memdev_init(&f->dev, f->img, f->size, violation);
	return f;
}

static int fx_try_mount(struct fx *f, u64 device_bytes, bool read_only)
{
	int err = ext2_mount(&f->fs, &memdev_ops, &f->dev, device_bytes, read_only, f->msg,
			     sizeof(f->msg));

	f->mounted = err == 0;
	return err;
}

static void fx_mount(struct fx *f, bool read_only)
{
	expect_int(fx_try_mount(f, f->size, read_only), 0, "mount (%s)", f->msg);
}

static void fx_free(struct fx *f)
{
	if (f->mounted)
		ext2_unmount(&f->fs);
	expect_int(f->dev.held, 0, "blocks still held");
	free(f->img);
	free(f);
}

static struct ext2_super_block *sb_of(struct fx *f)
{
	return (struct ext2_super_block *)(f->img + EXT2_SUPERBLOCK_OFFSET);
}

static struct ext2_group_desc *gd_of(struct fx *f)
{
	return (struct ext2_group_desc *)(f->img + BS);
}

/* Where inode ino sits in the image (the layout mke2fs chose: one group). */
static struct ext2_inode *disk_inode(struct fx *f, u32 ino)
{
	u32 isz = sb_of(f)->s_inode_size;

	return (struct ext2_inode *)(f->img + (size_t)gd_of(f)->bg_inode_table * BS +
				     (size_t)(ino - 1) * isz);
}

static u32 *disk_block(struct fx *f, u32 block)
{
	return (u32 *)(f->img + (size_t)block * BS);
}

/* The inode number of a name in the root (looked up in the clean image). */
static u32 ino_of(const char *path)
{
	struct fx *f = fx_copy();
	struct ext2_inode dir;
	u32 cur = EXT2_ROOT_INO;

	fx_mount(f, true);
	while (*path) {
		const char *end = strchr(path, '/');
		size_t len = end ? (size_t)(end - path) : strlen(path);

		expect_int(ext2_read_inode(&f->fs, cur, &dir), 0, "read inode %u", cur);
		expect_int(ext2_lookup(&f->fs, cur, &dir, path, len, &cur), 0, "lookup %s", path);
		path += len + (end ? 1 : 0);
	}
	fx_free(f);
	return cur;
}

static void expect_msg(struct fx *f, const char *part)
{
	expect_true(strstr(f->msg, part),
		    "mount message: expected it to contain \"%s\", seen \"%s\"", part, f->msg);
}

static int lookup(struct fx *f, u32 dir_ino, const char *name, u32 *ino)
{
	struct ext2_inode dir;
	int err = ext2_read_inode(&f->fs, dir_ino, &dir);

	return err ? err : ext2_lookup(&f->fs, dir_ino, &dir, name, strlen(name), ino);
}

static int count_entry(void *arg, const char *name, size_t len, u32 ino, unsigned int type)
{
	(*(int *)arg)++;
	return 0;
}

static int readdir_all(struct fx *f, u32 dir_ino)
{
	struct ext2_inode dir;
	u64 pos = 0;
	int n = 0, err = ext2_read_inode(&f->fs, dir_ino, &dir);

	return err ? err : ext2_readdir(&f->fs, dir_ino, &dir, &pos, count_entry, &n);
}

static ssize_t read_file(struct fx *f, u32 ino, u64 off, void *buf, size_t len)
{
	struct ext2_inode inode;
	int err = ext2_read_inode(&f->fs, ino, &inode);

	return err ? err : ext2_read_data(&f->fs, ino, &inode, off, buf, len);
}

/* ---- the superblock and descriptors: mount refuses ---- */

static void bad_magic_is_refused_with_message(void **state)
{
	struct fx *f = fx_copy();

	sb_of(f)->s_magic = 0x1234;
	expect_int(fx_try_mount(f, f->size, true), -K_EINVAL, "mount");
	expect_true(strcmp(f->msg, "ext2: bad magic 0x1234 (expected 0xef53)") == 0,
		    "message: seen \"%s\"", f->msg);
	fx_free(f);
}

static void revision_2_is_refused(void **state)
{
	struct fx *f = fx_copy();

	sb_of(f)->s_rev_level = 2;
	expect_int(fx_try_mount(f, f->size, true), -K_EINVAL, "mount");
	expect_msg(f, "revision 2");
	fx_free(f);
}

static void block_size_other_than_4096_is_refused(void **state)
{
	char img[128];
	struct fx *f = fx_copy();
	u8 *small;
	size_t size;

	snprintf(img, sizeof(img), "%s/1k.img", workdir);
	expect_int(run_cmd("%s -q -F -t ext2 -b 1024 %s 8M > /dev/null", e2fs_tool("mke2fs"), img),
		   0, "mke2fs -b 1024");
	small = load_file(img, &size);
	expect_true(small && size == f->size, "1 KiB image of 8 MiB");
	memcpy(f->img, small, size);
	free(small);
	expect_int(fx_try_mount(f, f->size, true), -K_EINVAL, "mount of a 1 KiB-block image");
	expect_msg(f, "block size 1024 not supported");
	sb_of(f)->s_log_block_size = 0xdeadbeef;
	expect_int(fx_try_mount(f, f->size, true), -K_EINVAL, "mount with a garbage block size");
	fx_free(f);
}

static void block_count_past_the_device_is_refused(void **state)
{
	struct fx *f = fx_copy();

	sb_of(f)->s_blocks_count += 1;
	expect_int(fx_try_mount(f, f->size, true), -K_EINVAL, "mount");
	expect_msg(f, "blocks but the device holds only 2048");
	fx_free(f);
}

static void truncated_image_is_refused(void **state)
{
	struct fx *f = fx_copy();

	expect_int(fx_try_mount(f, f->size / 2, true), -K_EINVAL, "mount of half the image");
	expect_msg(f, "device holds only 1024");
	expect_int(fx_try_mount(f, f->size - 1, true), -K_EINVAL, "mount of all but one byte");
	expect_int(fx_try_mount(f, 100, true), -K_EINVAL, "mount of 100 bytes");
	expect_msg(f, "too small");
	fx_free(f);
}

static void impossible_group_geometry_is_refused(void **state)
{
	static const struct {
		size_t offset;	/* of the u32 field in the superblock */
		u32 value;
		const char *msg;
	} cases[] = {
		{ offsetof(struct ext2_super_block, s_blocks_per_group), 0, "blocks per group" },
		{ offsetof(struct ext2_super_block, s_blocks_per_group), 12, "blocks per group" },
		{ offsetof(struct ext2_super_block, s_blocks_per_group), 1 << 20,
		  "blocks per group" },
		{ offsetof(struct ext2_super_block, s_inodes_per_group), 0, "inodes per group" },
		{ offsetof(struct ext2_super_block, s_inodes_count), 12345, "inodes count" },
		{ offsetof(struct ext2_super_block, s_first_ino), 3, "first inode" },
		{ offsetof(struct ext2_super_block, s_first_data_block), 1, "first data block" },
		{ offsetof(struct ext2_super_block, s_blocks_count), 1, "blocks count" },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct fx *f = fx_copy();

		memcpy((u8 *)sb_of(f) + cases[i].offset, &cases[i].value, sizeof(u32));
		expect_int(fx_try_mount(f, f->size, true), -K_EINVAL, "mount with case %zu (%s)", i,
			   cases[i].msg);
		expect_msg(f, cases[i].msg);
		fx_free(f);
	}
}

static void inode_size_not_a_power_of_two_is_refused(void **state)
{
	struct fx *f = fx_copy();

	sb_of(f)->s_inode_size = 200;
	expect_int(fx_try_mount(f, f->size, true), -K_EINVAL, "mount");
	expect_msg(f, "inode size 200");
	fx_free(f);
}

static void inode_table_past_the_end_is_refused(void **state)
{
	struct fx *f = fx_copy();

	gd_of(f)->bg_inode_table = sb_of(f)->s_blocks_count - 2;
	expect_int(fx_try_mount(f, f->size, true), -K_EINVAL, "mount");
	expect_msg(f, "inode table outside the group");
	fx_free(f);
}

static void bitmaps_in_bad_places_are_refused(void **state)
{
	struct fx *f = fx_copy();
	u32 it = gd_of(f)->bg_inode_table, bb = gd_of(f)->bg_block_bitmap;

	gd_of(f)->bg_block_bitmap = it + 1;
	expect_int(fx_try_mount(f, f->size, true), -K_EINVAL, "block bitmap in the inode table");
	expect_msg(f, "overlap");
	gd_of(f)->bg_block_bitmap = 0;
	expect_int(fx_try_mount(f, f->size, true), -K_EINVAL, "block bitmap on the superblock");
	gd_of(f)->bg_block_bitmap = bb;
	gd_of(f)->bg_inode_bitmap = 1 << 30;
	expect_int(fx_try_mount(f, f->size, true), -K_EINVAL, "inode bitmap far away");
	expect_msg(f, "inode bitmap outside the group");
	fx_free(f);
}

static void unknown_incompat_features_are_refused_by_name(void **state)
{
	struct fx *f = fx_copy();

	sb_of(f)->s_feature_incompat |= EXT4_FEATURE_INCOMPAT_EXTENTS;
	expect_int(fx_try_mount(f, f->size, true), -K_EINVAL, "mount with extents");
	expect_true(strcmp(f->msg, "ext2: unsupported incompat features: extent (0x40)") == 0,
		    "message: seen \"%s\"", f->msg);
	sb_of(f)->s_feature_incompat |= 0x80000000u | EXT4_FEATURE_INCOMPAT_FLEX_BG;
	expect_int(fx_try_mount(f, f->size, true), -K_EINVAL, "mount with more");
	expect_msg(f, "extent flex_bg unknown 0x80000000 (0x80000240)");
	fx_free(f);
}

static void unknown_ro_compat_features_allow_only_read_only(void **state)
{
	struct fx *f = fx_copy();

	sb_of(f)->s_feature_ro_compat |= EXT4_FEATURE_RO_COMPAT_METADATA_CSUM;
	expect_int(fx_try_mount(f, f->size, false), -K_EROFS, "read-write mount");
	expect_msg(f, "metadata_csum");
	expect_msg(f, "read-only");
	expect_int(fx_try_mount(f, f->size, true), 0, "read-only mount");
	fx_free(f);
}

static void root_that_is_not_a_directory_is_refused(void **state)
{
	struct fx *f = fx_copy();

	disk_inode(f, EXT2_ROOT_INO)->i_mode = EXT2_S_IFREG | 0644;
	expect_int(fx_try_mount(f, f->size, true), -K_EINVAL, "mount");
	expect_msg(f, "root inode is not a directory");
	fx_free(f);
}

static void unreadable_superblock_is_an_io_error(void **state)
{
	struct fx *f = fx_copy();

	f->dev.fail_block = 0;
	expect_int(fx_try_mount(f, f->size, true), -K_EIO, "mount");
	expect_msg(f, "cannot read the superblock");
	f->dev.fail_block = 1;
	expect_int(fx_try_mount(f, f->size, true), -K_EIO, "mount without descriptors");
	fx_free(f);
}

static void unclean_filesystem_mounts_with_a_warning(void **state)
{
	struct fx *f = fx_copy();

	sb_of(f)->s_state = 0;
	fx_mount(f, true);
	expect_msg(f, "not cleanly unmounted");
	fx_free(f);
}

/* ---- directories: the bad directory reports -EIO, the rest still works ---- */

/* Offset of the last entry of a directory block (the one whose rec_len reaches the end). */
static u32 last_entry(const u8 *block)
{
	u32 off = 0;

	for (;;) {
		const struct ext2_dir_entry_2 *de = (const void *)(block + off);

		if (off + de->rec_len >= BS)
			return off;
		off += de->rec_len;
	}
}

static struct ext2_dir_entry_2 *entry_named(u8 *block, const char *name)
{
	u32 off = 0;

	while (off < BS) {
		struct ext2_dir_entry_2 *de = (void *)(block + off);

		if (de->name_len == strlen(name) && !memcmp(de->name, name, de->name_len))
			return de;
		off += de->rec_len;
	}
	fail_msg("no entry %s", name);
	return NULL;
}

static u8 *root_block(struct fx *f)
{
	return (u8 *)disk_block(f, disk_inode(f, EXT2_ROOT_INO)->i_block[0]);
}

static void expect_bad_root_dir(struct fx *f, const char *what)
{
	u32 ino;

	fx_mount(f, true);
	expect_int(lookup(f, EXT2_ROOT_INO, "no-such-name", &ino), -K_EIO, "lookup (%s)", what);
	expect_int(readdir_all(f, EXT2_ROOT_INO), -K_EIO, "readdir (%s)", what);
	expect_true(f->fs.errors > 0 && f->fs.last_error, "corruption recorded (%s)", what);
	ext2_unmount(&f->fs);
	f->mounted = false;
}

static void dir_entry_overrunning_its_block_gives_eio(void **state)
{
	struct fx *f = fx_copy();
	u8 *block = root_block(f);
	struct ext2_dir_entry_2 *de = (void *)(block + last_entry(block));

	de->rec_len += 4;
	expect_bad_root_dir(f, "rec_len past the block");
	fx_free(f);
}

static void dir_entry_with_rec_len_zero_gives_eio(void **state)
{
	struct fx *f = fx_copy();
	struct ext2_dir_entry_2 *de = (void *)root_block(f);

	de->rec_len = 0;
	expect_bad_root_dir(f, "rec_len 0 on \".\"");
	fx_free(f);
}

static void dir_entry_with_odd_rec_len_or_long_name_gives_eio(void **state)
{
	struct fx *f = fx_copy();
	struct ext2_dir_entry_2 *de = (void *)root_block(f);

	de->rec_len = 13;
	expect_bad_root_dir(f, "rec_len 13");
	de->rec_len = 12;
	de->name_len = 5;	/* needs 16 bytes */
	expect_bad_root_dir(f, "name longer than rec_len");
	fx_free(f);
}

static void dir_entry_with_inode_past_the_count_gives_eio(void **state)
{
	struct fx *f = fx_copy();
	u32 dir_ino = ino_of("dir"), ino;
	u8 *block = (u8 *)disk_block(f, disk_inode(f, dir_ino)->i_block[0]);

	entry_named(block, "a")->inode = sb_of(f)->s_inodes_count + 1;
	fx_mount(f, true);
	expect_int(lookup(f, dir_ino, "a", &ino), -K_EIO, "lookup of the bad entry");
	expect_int(readdir_all(f, dir_ino), -K_EIO, "readdir");
	expect_int(lookup(f, EXT2_ROOT_INO, "small", &ino), 0, "other directories still work");
	fx_free(f);
}

/* A forged entry for the resize inode must not let unlink free the reserved GDT blocks. */
static void dir_entry_naming_a_reserved_inode_gives_eio(void **state)
{
	struct fx *f = fx_copy();
	u32 dir_ino = ino_of("dir"), ino, free_before;
	u8 *block = (u8 *)disk_block(f, disk_inode(f, dir_ino)->i_block[0]);
	struct ext2_inode dir;

	entry_named(block, "a")->inode = EXT2_RESIZE_INO;
	fx_mount(f, false);
	free_before = f->fs.free_blocks_count;
	expect_int(lookup(f, dir_ino, "a", &ino), -K_EIO, "lookup of the forged entry");
	expect_int(ext2_read_inode(&f->fs, dir_ino, &dir), 0, "read dir");
	expect_int(ext2_unlink(&f->fs, dir_ino, &dir, "a", 1), -K_EIO,
		   "unlink of the forged entry");
	expect_int(f->fs.free_blocks_count, free_before, "nothing freed");
	fx_free(f);
}

static void directory_hole_or_partial_block_gives_eio(void **state)
{
	struct fx *f = fx_copy();
	u32 dir_ino = ino_of("dir"), ino;
	struct ext2_inode *di = disk_inode(f, dir_ino);
	u32 block0 = di->i_block[0];

	di->i_block[0] = 0;
	fx_mount(f, true);
	expect_int(lookup(f, dir_ino, "a", &ino), -K_EIO, "lookup in a directory with a hole");
	ext2_unmount(&f->fs);
	di->i_block[0] = block0;
	di->i_size = 100;
	fx_mount(f, true);
	expect_int(lookup(f, dir_ino, "a", &ino), -K_EIO, "size not whole blocks");
	ext2_unmount(&f->fs);
	di->i_size = 0xfffff000u;
	fx_mount(f, true);
	expect_int(readdir_all(f, dir_ino), -K_EIO, "size past the filesystem");
	fx_free(f);
}

/* ---- block pointers ---- */

static void indirect_block_pointing_to_itself_gives_eio(void **state)
{
	struct fx *f = fx_copy();
	u32 ino = ino_of("file60k"), free_before;
	struct ext2_inode *di = disk_inode(f, ino), inode;
	u32 ind = di->i_block[EXT2_IND_BLOCK];
	u8 buf[BS];

	expect_true(ind != 0, "file60k has an indirect block");
	disk_block(f, ind)[1] = ind;
	fx_mount(f, false);
	expect_int(read_file(f, ino, 12 * BS, buf, BS), BS, "block 12 is fine");
	expect_int(read_file(f, ino, 13 * BS, buf, BS), -K_EIO, "block 13 loops");
	expect_int(read_file(f, ino, 0, buf, BS), BS, "block 0 still reads");
	/* Truncating frees the direct blocks and block 12, then stops at the loop: nothing is
	 * freed twice. */
	free_before = f->fs.free_blocks_count;
	expect_int(ext2_read_inode(&f->fs, ino, &inode), 0, "read inode");
	expect_int(ext2_truncate_blocks(&f->fs, ino, &inode, 0), -K_EIO, "truncate");
	expect_int(f->fs.free_blocks_count - free_before, 13, "blocks freed before the loop");
	fx_free(f);
}

static void block_pointers_into_metadata_give_eio(void **state)
{
	struct fx *f = fx_copy();
	u32 ino = ino_of("small");
	struct ext2_inode *di = disk_inode(f, ino);
	const u32 targets[] = { 1, 2, gd_of(f)->bg_block_bitmap, gd_of(f)->bg_inode_bitmap,
				gd_of(f)->bg_inode_table, gd_of(f)->bg_inode_table + 5,
				sb_of(f)->s_blocks_count, 0xffffffffu };
	u8 buf[200];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(targets); i++) {
		di->i_block[0] = targets[i];
		fx_mount(f, true);
		expect_int(read_file(f, ino, 0, buf, sizeof(buf)), -K_EIO, "read through block %u",
			   targets[i]);
		ext2_unmount(&f->fs);
		f->mounted = false;
	}
	fx_free(f);
}

static void writes_through_a_bad_pointer_change_nothing(void **state)
{
	struct fx *f = fx_copy();
	u32 ino = ino_of("small");
	struct ext2_inode *di = disk_inode(f, ino), inode;
	u8 *table_before = malloc(BS);
	u32 table = gd_of(f)->bg_inode_table, free_before;

	di->i_block[0] = table;
	memcpy(table_before, disk_block(f, table), BS);
	fx_mount(f, false);
	free_before = f->fs.free_blocks_count;
	expect_int(ext2_read_inode(&f->fs, ino, &inode), 0, "read inode");
	expect_int(ext2_write_data(&f->fs, ino, &inode, 0, "boom", 4), -K_EIO, "write");
	expect_int(ext2_truncate_blocks(&f->fs, ino, &inode, 0), -K_EIO, "truncate");
	expect_int(f->fs.free_blocks_count, free_before, "free blocks unchanged");
	expect_int(memcmp(table_before, disk_block(f, table), BS), 0,
		   "inode table block unchanged");
	free(table_before);
	fx_free(f);
}

static void zero_in_an_indirect_block_is_a_hole(void **state)
{
	struct fx *f = fx_copy();
	u32 ino = ino_of("file60k");
	struct ext2_inode *di = disk_inode(f, ino);
	u8 buf[BS];
	size_t i;

	/* Block 0 holds the superblock, but in a block map 0 means "hole". */
	disk_block(f, di->i_block[EXT2_IND_BLOCK])[2] = 0;
	fx_mount(f, true);
	expect_int(read_file(f, ino, 14 * BS, buf, BS), BS, "read of the hole");
	for (i = 0; i < BS; i++)
		expect_int(buf[i], 0, "byte %zu of the hole", i);
	fx_free(f);
}

static void symlinks_with_impossible_sizes_give_eio(void **state)
{
	struct fx *f = fx_copy();
	u32 fast = ino_of("fast"), slow = ino_of("slow");
	struct ext2_inode inode;
	char buf[BS];

	disk_inode(f, fast)->i_size = 60;
	disk_inode(f, slow)->i_size = BS;
	fx_mount(f, true);
	expect_int(ext2_read_inode(&f->fs, fast, &inode), 0, "read fast");
	expect_int(ext2_readlink(&f->fs, fast, &inode, buf, sizeof(buf)), -K_EIO, "fast of 60");
	expect_int(ext2_read_inode(&f->fs, slow, &inode), 0, "read slow");
	expect_int(ext2_readlink(&f->fs, slow, &inode, buf, sizeof(buf)), -K_EIO, "slow of 4096");
	fx_free(f);
}

/* ---- lying bitmaps ---- */

static void freeing_a_block_the_bitmap_calls_free_is_refused(void **state)
{
	struct fx *f = fx_copy();
	u32 ino = ino_of("small"), block = disk_inode(f, ino)->i_block[0], free_before;
	u8 *bitmap = (u8 *)disk_block(f, gd_of(f)->bg_block_bitmap);
	struct ext2_inode root;

	bitmap[block / 8] &= ~(1 << (block % 8));
	fx_mount(f, false);
	free_before = f->fs.free_blocks_count;
	expect_int(ext2_read_inode(&f->fs, EXT2_ROOT_INO, &root), 0, "read root");
	expect_int(ext2_unlink(&f->fs, EXT2_ROOT_INO, &root, "small", 5), -K_EIO, "unlink");
	expect_int(f->fs.free_blocks_count, free_before, "free count not raised twice");
	fx_free(f);
}

static void allocator_never_hands_out_metadata(void **state)
{
	struct fx *f = fx_copy();
	u32 table = gd_of(f)->bg_inode_table;
	u8 *bitmap = (u8 *)disk_block(f, gd_of(f)->bg_block_bitmap);
	u8 *table_before = malloc(BS);
	u32 block;

	bitmap[table / 8] &= ~(1 << (table % 8));
	memcpy(table_before, disk_block(f, table), BS);
	fx_mount(f, false);
	expect_int(ext2_new_block(&f->fs, 0, &block), -K_EIO, "allocation");
	expect_int(memcmp(table_before, disk_block(f, table), BS), 0, "inode table unchanged");
	free(table_before);
	fx_free(f);
}

static void io_error_in_a_directory_block_gives_eio(void **state)
{
	struct fx *f = fx_copy();
	u32 ino;

	fx_mount(f, true);
	f->dev.fail_block = disk_inode(f, EXT2_ROOT_INO)->i_block[0];
	expect_int(lookup(f, EXT2_ROOT_INO, "small", &ino), -K_EIO, "lookup");
	f->dev.fail_block = ~0u;
	expect_int(lookup(f, EXT2_ROOT_INO, "small", &ino), 0, "lookup once the disk works");
	fx_free(f);
}

/* ---- random damage ---- */

static u32 rng_state;

static u32 rng(void)
{
	rng_state = rng_state * 1664525u + 1013904223u;
	return rng_state >> 8;
}

/* Blocks worth damaging: superblock, descriptors, bitmaps, the first inode table blocks,
 * the root and dir/ directory blocks, file60k's indirect block. */
static void interesting_blocks(struct fx *f, u32 *blocks, int *n)
{
	*n = 0;
	blocks[(*n)++] = 0;
	blocks[(*n)++] = 1;
	blocks[(*n)++] = gd_of(f)->bg_block_bitmap;
	blocks[(*n)++] = gd_of(f)->bg_inode_bitmap;
	blocks[(*n)++] = gd_of(f)->bg_inode_table;
	blocks[(*n)++] = gd_of(f)->bg_inode_table + 1;
	blocks[(*n)++] = disk_inode(f, EXT2_ROOT_INO)->i_block[0];
	blocks[(*n)++] = disk_inode(f, ino_of("dir"))->i_block[0];
	blocks[(*n)++] = disk_inode(f, ino_of("file60k"))->i_block[EXT2_IND_BLOCK];
}

static void damage(struct fx *f, const u32 *blocks, int nblocks)
{
	int i, changes = 1 + rng() % 8;

	for (i = 0; i < changes; i++) {
		u32 block = blocks[rng() % nblocks];
		u32 off = rng() % BS;
		u8 *p = f->img + (size_t)block * BS;

		switch (rng() % 4) {
		case 0:		/* flip a bit */
			p[off] ^= 1 << (rng() % 8);
			break;
		case 1:		/* a random byte */
			p[off] = rng();
			break;
		case 2:		/* a small number in an aligned u32 (block and inode numbers) */
			((u32 *)p)[off / 4] = rng() % 4096;
			break;
		default:	/* a huge one */
			((u32 *)p)[off / 4] = 0xffffffffu - rng() % 16;
			break;
		}
	}
}

static void random_damage_never_crashes_or_hangs(void **state)
{
	static const struct walk_limits lim = { 8, 1 << 20, 20000 };
	const char *seed_env = getenv("EXT2_CORRUPT_SEED");
	u32 blocks[16];
	int nblocks, round, mounted = 0;
	struct fx *probe = fx_copy();

	interesting_blocks(probe, blocks, &nblocks);
	fx_free(probe);
	rng_state = seed_env ? (u32)strtoul(seed_env, NULL, 0) : 20240601;
	for (round = 0; round < 400; round++) {
		struct fx *f = fx_copy();
		struct walk_stats st;

		damage(f, blocks, nblocks);
		if (fx_try_mount(f, f->size, true) == 0) {
			mounted++;
			ext2_walk_tree(&f->fs, &lim, &st);
			ext2_unmount(&f->fs);
			f->mounted = false;
		}
		if (fx_try_mount(f, f->size, false) == 0) {
			ext2_mutate_tree(&f->fs);
			ext2_walk_tree(&f->fs, &lim, &st);
		}
		fx_free(f);
	}
	/* Most damage is not to the superblock: the walks must have run. */
	expect_true(mounted > 100, "mounted %d damaged images of 400", mounted);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bad_magic_is_refused_with_message),
		cmocka_unit_test(revision_2_is_refused),
		cmocka_unit_test(block_size_other_than_4096_is_refused),
		cmocka_unit_test(block_count_past_the_device_is_refused),
		cmocka_unit_test(truncated_image_is_refused),
		cmocka_unit_test(impossible_group_geometry_is_refused),
		cmocka_unit_test(inode_size_not_a_power_of_two_is_refused),
		cmocka_unit_test(inode_table_past_the_end_is_refused),
		cmocka_unit_test(bitmaps_in_bad_places_are_refused),
		cmocka_unit_test(unknown_incompat_features_are_refused_by_name),
		cmocka_unit_test(unknown_ro_compat_features_allow_only_read_only),
		cmocka_unit_test(root_that_is_not_a_directory_is_refused),
		cmocka_unit_test(unreadable_superblock_is_an_io_error),
		cmocka_unit_test(unclean_filesystem_mounts_with_a_warning),
		cmocka_unit_test(dir_entry_overrunning_its_block_gives_eio),
		cmocka_unit_test(dir_entry_with_rec_len_zero_gives_eio),
		cmocka_unit_test(dir_entry_with_odd_rec_len_or_long_name_gives_eio),
		cmocka_unit_test(dir_entry_with_inode_past_the_count_gives_eio),
		cmocka_unit_test(dir_entry_naming_a_reserved_inode_gives_eio),
		cmocka_unit_test(directory_hole_or_partial_block_gives_eio),
		cmocka_unit_test(indirect_block_pointing_to_itself_gives_eio),
		cmocka_unit_test(block_pointers_into_metadata_give_eio),
		cmocka_unit_test(writes_through_a_bad_pointer_change_nothing),
		cmocka_unit_test(zero_in_an_indirect_block_is_a_hole),
		cmocka_unit_test(symlinks_with_impossible_sizes_give_eio),
		cmocka_unit_test(freeing_a_block_the_bitmap_calls_free_is_refused),
		cmocka_unit_test(allocator_never_hands_out_metadata),
		cmocka_unit_test(io_error_in_a_directory_block_gives_eio),
		cmocka_unit_test(random_damage_never_crashes_or_hangs),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
