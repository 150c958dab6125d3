// SPDX-License-Identifier: MIT
/*
 * Host tests for the ext2 code (fs/ext2/) against images made by mke2fs.
 *
 * The group setup writes a staging folder (files of 0, 1, 4095, 4096, 4097 bytes, a 6 MiB
 * file that needs double-indirect blocks, 50 MB sparse files, 21 nested directories, a
 * 255-byte name, a directory of 300 entries, fast and slow symlinks) and turns it into two
 * images with `mke2fs -t ext2 -b 4096 -d`: one with mke2fs's default layout (one group) for
 * the read tests, one with 16 MiB groups (four groups, backups in 0, 1 and 3) for the write
 * tests. Each test works on its own copy, through the checking block device of
 * tests/fuzz/ext2_harness.c. Write tests end by saving the image and running `e2fsck -fn`
 * (which must find nothing at all) and compare file contents with `debugfs -R cat`.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <fs/ext2.h>
#include "../fuzz/ext2_harness.h"
#include "../fuzz/ext2_image.h"

/* The kernel's errno values, which the ext2 code returns. */
#define K_ENOENT 2
#define K_EIO 5
#define K_EEXIST 17
#define K_ENOTDIR 20
#define K_EISDIR 21
#define K_EINVAL 22
#define K_ENOSPC 28
#define K_EROFS 30
#define K_ENAMETOOLONG 36
#define K_ENOTEMPTY 39
#define K_EBUSY 16
#define K_EMLINK 31

#define BS 4096u
#define BIG_SIZE (6u * 1024 * 1024 + 123)
#define SPARSE_SIZE (50u * 1024 * 1024)
#define SPARSE_DATA_OFF (30u * 1024 * 1024 + 100)
#define SPARSE_DATA_LEN 8192u
#define DEEP_LEVELS 20
#define MANY_ENTRIES 300

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

/* ---- images ---- */

static char workdir[64];
static u8 *read_image, *write_image;
static size_t read_image_size, write_image_size;

static u8 pattern(unsigned int seed, u64 i)
{
	u32 x = (u32)i * 2654435761u ^ (u32)(i >> 12) * 40503u ^ seed * 0x9e3779b9u;

	x ^= x >> 15;
	return (u8)x;
}

static void write_file(const char *path, const void *data, size_t len)
{
	if (save_file(path, data, len))
		fail_msg("cannot write %s", path);
}

static void write_pattern_file(const char *path, size_t size, unsigned int seed)
{
	u8 *buf = malloc(size ? size : 1);
	size_t i;

	for (i = 0; i < size; i++)
		buf[i] = pattern(seed, i);
	write_file(path, buf, size);
	free(buf);
}

static char long_name[EXT2_NAME_LEN + 1];
static char slow_target[304];

static void make_staging(const char *st)
{
	char path[1024], *p;
	size_t i;
	int fd;

	mkdir(st, 0755);
#define STAGE(name) (snprintf(path, sizeof(path), "%s/%s", st, name), path)
	write_pattern_file(STAGE("zero"), 0, 0);
	write_pattern_file(STAGE("one"), 1, 1);
	write_pattern_file(STAGE("f4095"), 4095, 2);
	write_pattern_file(STAGE("f4096"), 4096, 3);
	write_pattern_file(STAGE("f4097"), 4097, 4);
	write_pattern_file(STAGE("big6m"), BIG_SIZE, 6);
	fd = open(STAGE("sparse50m"), O_CREAT | O_WRONLY, 0644);
	if (fd < 0 || ftruncate(fd, SPARSE_SIZE) || close(fd))
		fail_msg("cannot make sparse50m");
	fd = open(STAGE("sparse_data"), O_CREAT | O_WRONLY, 0644);
	if (fd < 0 || ftruncate(fd, SPARSE_SIZE))
		fail_msg("cannot make sparse_data");
	{
		u8 buf[SPARSE_DATA_LEN];

		for (i = 0; i < SPARSE_DATA_LEN; i++)
			buf[i] = pattern(7, i);
		if (pwrite(fd, buf, sizeof(buf), SPARSE_DATA_OFF) != (ssize_t)sizeof(buf))
			fail_msg("cannot write sparse_data");
	}
	close(fd);
	/* deep/d01/d02/.../d20/leaf */
	p = STAGE("deep");
	mkdir(p, 0755);
	for (i = 1; i <= DEEP_LEVELS; i++) {
		size_t len = strlen(path);

		snprintf(path + len, sizeof(path) - len, "/d%02zu", i);
		mkdir(path, 0755);
	}
	strcat(path, "/leaf");
	write_file(path, "leaf\n", 5);
	memset(long_name, 'n', EXT2_NAME_LEN);
	long_name[EXT2_NAME_LEN] = '\0';
	write_file(STAGE(long_name), "long name\n", 10);
	mkdir(STAGE("many"), 0755);
	for (i = 0; i < MANY_ENTRIES; i++) {
		char name[128];

		snprintf(name, sizeof(name),
			 "many/entry_%03zu_with_a_name_long_enough_to_fill_blocks", i);
		write_file(STAGE(name), name, strlen(name));
	}
	if (symlink("f4095", STAGE("fastlink")))
		fail_msg("symlink fastlink");
	strcpy(slow_target, "");
	for (i = 0; i < 150; i++)
		strcat(slow_target, "./");
	strcat(slow_target, "one");
	if (symlink(slow_target, STAGE("slowlink")))
		fail_msg("symlink slowlink");
#undef STAGE
}

/* mke2fs an image of `size` with `options`, filled from the staging folder if staged. */
static u8 *make_image(const char *name, const char *options, bool staged, const char *size,
		      size_t *len)
{
	char img[128], from[128] = "";

	snprintf(img, sizeof(img), "%s/%s", workdir, name);
	if (staged)
		snprintf(from, sizeof(from), "-d %s/staging", workdir);
	if (run_cmd("%s -q -F -t ext2 -b 4096 %s %s %s %s > /dev/null", e2fs_tool("mke2fs"),
		    options, from, img, size))
		fail_msg("mke2fs failed for %s", name);
	return load_file(img, len);
}

static int group_setup(void **state)
{
	char st[128];

	strcpy(workdir, "/tmp/test_ext2.XXXXXX");
	if (!mkdtemp(workdir))
		return -1;
	snprintf(st, sizeof(st), "%s/staging", workdir);
	make_staging(st);
	read_image = make_image("read.img", "", true, "64M", &read_image_size);
	write_image = make_image("write.img", "-g 4096", true, "64M", &write_image_size);
	return read_image && write_image ? 0 : -1;
}

static int group_teardown(void **state)
{
	free(read_image);
	free(write_image);
	if (workdir[0])
		run_cmd("rm -rf %s", workdir);
	return 0;
}

/* ---- one mounted copy per test ---- */

struct fx {
	u8 *img;
	size_t size;
	struct memdev dev;
	struct ext2_fs fs;
	bool mounted;
	bool read_only;
};

static void violation(const char *what, u32 block)
{
	fail_msg("block device misuse: %s (block %u)", what, block);
}

static void fx_mount(struct fx *f)
{
	char msg[160];
	int err = ext2_mount(&f->fs, &memdev_ops, &f->dev, f->size, f->read_only, msg, sizeof(msg));

	expect_int(err, 0, "ext2_mount (%s)", msg);
	f->mounted = true;
}

static void fx_unmount(struct fx *f)
{
	if (f->mounted) {
		expect_int(ext2_unmount(&f->fs), 0, "ext2_unmount");
		f->mounted = false;
	}
	expect_int(f->dev.held, 0, "blocks still held after the test");
}

static struct fx *fx_new(const u8 *image, size_t size, bool read_only)
{
	struct fx *f = calloc(1, sizeof(*f));

	f->img = malloc(size);
	memcpy(f->img, image, size);
	f->size = size;
	f->read_only = read_only;
	memdev_init(&f->dev, f->img, size, violation);
	f->dev.now = (u32)time(NULL);
	fx_mount(f);
	return f;
}

static void fx_free(struct fx *f)
{
	fx_unmount(f);
	free(f->img);
	free(f);
}

static int setup_read(void **state)
{
	*state = fx_new(read_image, read_image_size, true);
	return 0;
}

static int setup_write(void **state)
{
	*state = fx_new(write_image, write_image_size, false);
	return 0;
}

static int teardown(void **state)
{
	fx_free(*state);
	return 0;
}

/* ---- helpers ---- */

/* Resolve a path from the root; fails the test unless the result is `expected_err`. */
static int path_lookup(struct ext2_fs *fs, const char *path, u32 *ino, struct ext2_inode *inode)
{
	u32 cur = EXT2_ROOT_INO;
	int err = ext2_read_inode(fs, cur, inode);

	while (!err && *path) {
		const char *end = strchr(path, '/');
		size_t len = end ? (size_t)(end - path) : strlen(path);

		err = ext2_lookup(fs, cur, inode, path, len, &cur);
		if (!err)
			err = ext2_read_inode(fs, cur, inode);
		path += len + (end ? 1 : 0);
	}
	*ino = cur;
	return err;
}

static u32 must_lookup(struct ext2_fs *fs, const char *path, struct ext2_inode *inode)
{
	u32 ino;
	int err = path_lookup(fs, path, &ino, inode);

	expect_int(err, 0, "lookup of %s", path);
	return ino;
}

static u8 *read_whole(struct ext2_fs *fs, const char *path, u64 *size)
{
	struct ext2_inode inode;
	u32 ino = must_lookup(fs, path, &inode);
	u8 *buf;
	ssize_t n;

	*size = ext2_inode_size(&inode);
	buf = malloc(*size ? *size : 1);
	n = ext2_read_data(fs, ino, &inode, 0, buf, *size);
	expect_int(n, *size, "bytes read from %s", path);
	return buf;
}

static void expect_same_bytes(const u8 *seen, const u8 *expected, size_t n, const char *what)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (seen[i] != expected[i])
			fail_msg("%s: byte %zu: expected 0x%02x, seen 0x%02x", what, i, expected[i],
				 seen[i]);
}

static void expect_pattern(const u8 *seen, size_t n, unsigned int seed, u64 first,
			   const char *what)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (seen[i] != pattern(seed, first + i))
			fail_msg("%s: byte %llu: expected 0x%02x, seen 0x%02x", what,
				 (unsigned long long)(first + i), pattern(seed, first + i),
				 seen[i]);
}

/* Save the image (unmounted, so marked clean) for the e2fsprogs tools. */
static void save_image(struct fx *f, char *path, size_t len)
{
	snprintf(path, len, "%s/check.img", workdir);
	fx_unmount(f);
	write_file(path, f->img, f->size);
}

/* e2fsck -fn must exit 0 and ask about nothing ("Fix? no" is how -n answers a problem). */
static void expect_fsck_clean(struct fx *f)
{
	char img[128], log[160], *text;
	size_t len;
	int status;

	save_image(f, img, sizeof(img));
	snprintf(log, sizeof(log), "%s/fsck.log", workdir);
	status = run_cmd("%s -fn %s > %s 2>&1", e2fs_tool("e2fsck"), img, log);
	text = (char *)load_file(log, &len);
	if (text) {
		text[len ? len - 1 : 0] = '\0';
		if (status != 0 || strstr(text, "? no") || strstr(text, "wrong"))
			fail_msg("e2fsck -fn: expected a clean filesystem, exit %d:\n%s", status,
				 text);
	}
	free(text);
	expect_int(status, 0, "e2fsck exit status");
	fx_mount(f);
}

/* The file as e2fsprogs' debugfs reads it from the saved image. */
static u8 *debugfs_cat(struct fx *f, const char *path, size_t *len)
{
	char img[128], out[160];
	u8 *data;
	int status;

	save_image(f, img, sizeof(img));
	snprintf(out, sizeof(out), "%s/cat.out", workdir);
	status = run_cmd("%s -R 'cat /%s' %s > %s 2>/dev/null", e2fs_tool("debugfs"), path, img,
			 out);
	expect_int(status, 0, "debugfs cat %s", path);
	data = load_file(out, len);
	fx_mount(f);
	return data;
}

static void expect_debugfs_content(struct fx *f, const char *path, const u8 *expected,
				   size_t len)
{
	size_t seen_len;
	u8 *seen = debugfs_cat(f, path, &seen_len);

	expect_true(seen, "debugfs produced no output for %s", path);
	expect_int(seen_len, len, "debugfs: size of %s", path);
	expect_same_bytes(seen, expected, len, path);
	free(seen);
}

static struct ext2_inode root_inode(struct fx *f)
{
	struct ext2_inode root;

	expect_int(ext2_read_inode(&f->fs, EXT2_ROOT_INO, &root), 0, "read root");
	return root;
}

/* ---- read tests ---- */

static void mount_decodes_geometry_of_mke2fs_image(void **state)
{
	struct fx *f = *state;
	struct ext2_fs *fs = &f->fs;

	expect_int(fs->block_size, 4096, "block size");
	expect_int(fs->blocks_count, 64 * 1024 * 1024 / 4096, "blocks count");
	expect_int(fs->group_count, 1, "group count");
	expect_int(fs->inode_size, 256, "inode size");
	expect_int(fs->rev_level, 1, "revision");
	expect_true(fs->feature_incompat & EXT2_FEATURE_INCOMPAT_FILETYPE, "filetype feature");
	expect_true(fs->feature_compat & EXT2_FEATURE_COMPAT_DIR_INDEX, "dir_index feature");
	expect_true(fs->read_only, "read-only mount");
}

static void files_of_0_1_4095_4096_4097_bytes_match_staging(void **state)
{
	static const struct {
		const char *name;
		size_t size;
		unsigned int seed;
	} files[] = {
		{ "zero", 0, 0 }, { "one", 1, 1 }, { "f4095", 4095, 2 },
		{ "f4096", 4096, 3 }, { "f4097", 4097, 4 },
	};
	struct fx *f = *state;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(files); i++) {
		u64 size;
		u8 *data = read_whole(&f->fs, files[i].name, &size);

		expect_int(size, files[i].size, "size of %s", files[i].name);
		expect_pattern(data, size, files[i].seed, 0, files[i].name);
		free(data);
	}
}

static void six_mib_file_through_double_indirect_matches_staging(void **state)
{
	struct fx *f = *state;
	struct ext2_inode inode;
	u32 ino = must_lookup(&f->fs, "big6m", &inode), block;
	u64 size;
	u8 *data = read_whole(&f->fs, "big6m", &size);

	expect_int(size, BIG_SIZE, "size of big6m");
	expect_pattern(data, size, 6, 0, "big6m");
	free(data);
	expect_true(inode.i_block[EXT2_DIND_BLOCK] != 0, "big6m uses a double-indirect block");
	/* 1537 data blocks + the indirect, the double-indirect and one block under it */
	expect_int(inode.i_blocks, (1537 + 3) * 8, "i_blocks of big6m");
	expect_int(ext2_bmap(&f->fs, ino, &inode, 12 + 1024, false, &block, NULL), 0, "bmap");
	expect_true(block != 0, "first double-indirect block is mapped");
	expect_int(ext2_bmap(&f->fs, ino, &inode, 1537, false, &block, NULL), 0, "bmap past end");
	expect_int(block, 0, "block past the end of big6m");
}

static void reads_at_odd_offsets_match_staging(void **state)
{
	struct fx *f = *state;
	struct ext2_inode inode;
	u32 ino = must_lookup(&f->fs, "big6m", &inode);
	u8 buf[10000];
	unsigned int seed = 12345, i;

	for (i = 0; i < 200; i++) {
		u64 off;
		size_t len;
		ssize_t n;

		seed = seed * 1103515245 + 12345;
		off = seed % (BIG_SIZE + 100);
		len = (seed >> 8) % sizeof(buf);
		n = ext2_read_data(&f->fs, ino, &inode, off, buf, len);
		expect_int(n, off >= BIG_SIZE ? 0 : min((u64)len, BIG_SIZE - off),
			   "read of %zu at %llu", len, (unsigned long long)off);
		expect_pattern(buf, n, 6, off, "big6m at an odd offset");
	}
}

static void sparse_50mb_file_reads_zeros_and_maps_holes(void **state)
{
	struct fx *f = *state;
	struct ext2_inode inode;
	u32 ino = must_lookup(&f->fs, "sparse50m", &inode), b, block;
	u8 buf[BS];
	u64 off;

	expect_int(ext2_inode_size(&inode), SPARSE_SIZE, "size of sparse50m");
	expect_int(inode.i_blocks, 0, "i_blocks of sparse50m");
	for (b = 0; b < SPARSE_SIZE / BS; b++) {
		expect_int(ext2_bmap(&f->fs, ino, &inode, b, false, &block, NULL), 0, "bmap");
		if (block)
			fail_msg("sparse50m: block %u: expected a hole, seen disk block %u", b,
				 block);
	}
	for (off = 0; off < SPARSE_SIZE; off += 7 * 1024 * 1024 + 333) {
		size_t i;

		expect_int(ext2_read_data(&f->fs, ino, &inode, off, buf, sizeof(buf)),
			   min((u64)sizeof(buf), SPARSE_SIZE - off), "read of sparse50m");
		for (i = 0; i < sizeof(buf) && off + i < SPARSE_SIZE; i++)
			if (buf[i])
				fail_msg("sparse50m: byte %llu: expected 0, seen 0x%02x",
					 (unsigned long long)(off + i), buf[i]);
	}
}

static void sparse_file_with_data_maps_only_its_blocks(void **state)
{
	struct fx *f = *state;
	struct ext2_inode inode;
	u32 ino = must_lookup(&f->fs, "sparse_data", &inode), b, block;
	u32 first = SPARSE_DATA_OFF / BS, last = (SPARSE_DATA_OFF + SPARSE_DATA_LEN - 1) / BS;
	u8 *buf = malloc(3 * BS);
	size_t i;

	for (b = first - 2; b <= last + 2; b++) {
		expect_int(ext2_bmap(&f->fs, ino, &inode, b, false, &block, NULL), 0, "bmap");
		expect_int(block != 0, b >= first && b <= last, "block %u mapped", b);
	}
	expect_int(ext2_read_data(&f->fs, ino, &inode, SPARSE_DATA_OFF - BS, buf, 3 * BS), 3 * BS,
		   "read around the data");
	for (i = 0; i < BS; i++)
		expect_int(buf[i], 0, "byte before the data");
	expect_pattern(buf + BS, SPARSE_DATA_LEN, 7, 0, "sparse_data");
	free(buf);
}

static void twenty_level_deep_directories_resolve(void **state)
{
	struct fx *f = *state;
	char path[256] = "deep";
	struct ext2_inode inode;
	u64 size;
	u8 *data;
	int i;

	for (i = 1; i <= DEEP_LEVELS; i++) {
		size_t len = strlen(path);

		snprintf(path + len, sizeof(path) - len, "/d%02d", i);
		must_lookup(&f->fs, path, &inode);
		expect_true(ext2_is_dir(&inode), "%s is a directory", path);
	}
	strcat(path, "/leaf");
	data = read_whole(&f->fs, path, &size);
	expect_int(size, 5, "size of leaf");
	expect_same_bytes(data, (const u8 *)"leaf\n", 5, "leaf");
	free(data);
}

static void name_of_255_bytes_resolves_and_256_is_too_long(void **state)
{
	struct fx *f = *state;
	struct ext2_inode root = root_inode(f);
	char name[EXT2_NAME_LEN + 2];
	u64 size;
	u8 *data = read_whole(&f->fs, long_name, &size);
	u32 ino;

	expect_int(size, 10, "size of the long-named file");
	expect_same_bytes(data, (const u8 *)"long name\n", 10, "long-named file");
	free(data);
	memset(name, 'n', sizeof(name));
	expect_int(ext2_lookup(&f->fs, EXT2_ROOT_INO, &root, name, EXT2_NAME_LEN + 1, &ino),
		   -K_ENAMETOOLONG, "lookup of a 256-byte name");
	expect_int(ext2_lookup(&f->fs, EXT2_ROOT_INO, &root, name, EXT2_NAME_LEN - 1, &ino),
		   -K_ENOENT, "lookup of a 254-byte name");
}

/* readdir collector that takes at most `per_call` entries per call, to test resuming. */
struct names {
	char name[MANY_ENTRIES + 8][EXT2_NAME_LEN + 1];
	unsigned int type[MANY_ENTRIES + 8];
	int n, per_call, this_call;
};

static int collect_name(void *arg, const char *name, size_t len, u32 ino, unsigned int type)
{
	struct names *nm = arg;

	if (nm->this_call == nm->per_call || nm->n == (int)ARRAY_SIZE(nm->name))
		return 1;
	memcpy(nm->name[nm->n], name, len);
	nm->name[nm->n][len] = '\0';
	nm->type[nm->n] = type;
	nm->n++;
	nm->this_call++;
	return 0;
}

static void list_dir(struct fx *f, const char *path, struct names *nm, int per_call)
{
	struct ext2_inode dir;
	u32 ino = strcmp(path, "") ? must_lookup(&f->fs, path, &dir) : EXT2_ROOT_INO;
	u64 pos = 0;

	if (ino == EXT2_ROOT_INO)
		dir = root_inode(f);
	nm->n = 0;
	nm->per_call = per_call;
	do {
		nm->this_call = 0;
		expect_int(ext2_readdir(&f->fs, ino, &dir, &pos, collect_name, nm), 0, "readdir %s",
			   path);
	} while (nm->this_call > 0);
}

static int count_name(const struct names *nm, const char *name)
{
	int i, n = 0;

	for (i = 0; i < nm->n; i++)
		n += strcmp(nm->name[i], name) == 0;
	return n;
}

static void readdir_lists_each_entry_once_across_calls(void **state)
{
	struct fx *f = *state;
	struct names *nm = malloc(sizeof(*nm));
	struct ext2_inode dir;
	int i;

	must_lookup(&f->fs, "many", &dir);
	expect_true(dir.i_size > BS, "many/ spans more than one block (size %u)", dir.i_size);
	list_dir(f, "many", nm, 7);
	expect_int(nm->n, MANY_ENTRIES + 2, "entries of many/ (with . and ..)");
	expect_int(count_name(nm, "."), 1, "count of .");
	expect_int(count_name(nm, ".."), 1, "count of ..");
	for (i = 0; i < MANY_ENTRIES; i++) {
		char name[128];

		snprintf(name, sizeof(name), "entry_%03d_with_a_name_long_enough_to_fill_blocks",
			 i);
		expect_int(count_name(nm, name), 1, "count of %s", name);
	}
	for (i = 0; i < nm->n; i++)
		expect_int(nm->type[i], strcmp(nm->name[i], ".") && strcmp(nm->name[i], "..") ?
					EXT2_FT_REG_FILE : EXT2_FT_DIR,
			   "file type of %s", nm->name[i]);
	free(nm);
}

static void fast_and_slow_symlinks_read_their_targets(void **state)
{
	struct fx *f = *state;
	struct ext2_inode inode;
	char buf[BS];
	u32 ino;

	ino = must_lookup(&f->fs, "fastlink", &inode);
	expect_int(inode.i_blocks, 0, "fast symlink has no block");
	expect_int(ext2_readlink(&f->fs, ino, &inode, buf, sizeof(buf)), 5, "fastlink length");
	expect_same_bytes((u8 *)buf, (const u8 *)"f4095", 5, "fastlink target");
	ino = must_lookup(&f->fs, "slowlink", &inode);
	expect_int(inode.i_blocks, 8, "slow symlink has one block");
	expect_int(ext2_readlink(&f->fs, ino, &inode, buf, sizeof(buf)), strlen(slow_target),
		   "slowlink length");
	expect_same_bytes((u8 *)buf, (const u8 *)slow_target, strlen(slow_target),
			  "slowlink target");
	expect_int(ext2_readlink(&f->fs, ino, &inode, buf, 10), 10, "readlink into 10 bytes");
	ino = must_lookup(&f->fs, "one", &inode);
	expect_int(ext2_readlink(&f->fs, ino, &inode, buf, sizeof(buf)), -K_EINVAL,
		   "readlink of a file");
}

static void lookup_errors_are_enoent_and_enotdir(void **state)
{
	struct fx *f = *state;
	struct ext2_inode inode;
	u32 ino;

	expect_int(path_lookup(&f->fs, "missing", &ino, &inode), -K_ENOENT, "missing name");
	expect_int(path_lookup(&f->fs, "one/x", &ino, &inode), -K_ENOTDIR, "lookup in a file");
	expect_int(ext2_read_inode(&f->fs, 0, &inode), -K_EINVAL, "inode 0");
	expect_int(ext2_read_inode(&f->fs, f->fs.inodes_count + 1, &inode), -K_EINVAL,
		   "inode past s_inodes_count");
	expect_int(ext2_read_inode(&f->fs, f->fs.inodes_count, &inode), 0, "last inode");
}

static void writes_to_read_only_mount_are_erofs(void **state)
{
	struct fx *f = *state;
	struct ext2_inode root = root_inode(f), inode;
	u32 ino = must_lookup(&f->fs, "one", &inode), block, created;

	expect_int(ext2_create(&f->fs, EXT2_ROOT_INO, &root, "x", 1, 0644, &created, NULL),
		   -K_EROFS, "create");
	expect_int(ext2_write_data(&f->fs, ino, &inode, 0, "x", 1), -K_EROFS, "write");
	expect_int(ext2_truncate(&f->fs, ino, &inode, 0), -K_EROFS, "truncate");
	expect_int(ext2_unlink(&f->fs, EXT2_ROOT_INO, &root, "one", 3), -K_EROFS, "unlink");
	expect_int(ext2_bmap(&f->fs, ino, &inode, 5, true, &block, NULL), -K_EROFS, "bmap create");
	expect_int(f->dev.writes, 0, "blocks written by a read-only mount");
}

/* ---- write tests ---- */

static void write_new_file_reads_back_and_fsck_is_clean(void **state)
{
	struct fx *f = *state;
	struct ext2_inode root = root_inode(f), inode;
	u8 data[10000], back[10000];
	size_t i;
	u32 ino;

	for (i = 0; i < sizeof(data); i++)
		data[i] = pattern(20, i);
	expect_int(ext2_create(&f->fs, EXT2_ROOT_INO, &root, "newfile", 7, 0644, &ino, &inode), 0,
		   "create newfile");
	expect_int(ext2_write_data(&f->fs, ino, &inode, 0, data, sizeof(data)), sizeof(data),
		   "write");
	expect_int(ext2_inode_size(&inode), sizeof(data), "size after write");
	expect_int(inode.i_blocks, 3 * 8, "i_blocks of 10000 bytes");
	must_lookup(&f->fs, "newfile", &inode);
	expect_int(ext2_read_data(&f->fs, ino, &inode, 0, back, sizeof(back)), sizeof(back),
		   "read");
	expect_same_bytes(back, data, sizeof(data), "newfile read back");
	expect_fsck_clean(f);
	expect_debugfs_content(f, "newfile", data, sizeof(data));
}

/* Append in 40000-byte steps (never block-aligned) until the file needs a double-indirect
 * block; every byte must still be where it was written. */
static void append_crosses_direct_indirect_and_double_indirect(void **state)
{
	const u64 target = (u64)(12 + 1024 + 10) * BS + 777;
	struct fx *f = *state;
	struct ext2_inode root = root_inode(f), inode;
	u8 *data = malloc(target), *back = malloc(target);
	u32 ino, block;
	u64 off;

	for (off = 0; off < target; off++)
		data[off] = pattern(21, off);
	expect_int(ext2_create(&f->fs, EXT2_ROOT_INO, &root, "grow", 4, 0644, &ino, &inode), 0,
		   "create grow");
	for (off = 0; off < target; off += 40000) {
		size_t n = min((u64)40000, target - off);

		expect_int(ext2_write_data(&f->fs, ino, &inode, off, data + off, n), n,
			   "append at %llu", (unsigned long long)off);
		expect_int(ext2_inode_size(&inode), off + n, "size after append");
	}
	expect_true(inode.i_block[EXT2_IND_BLOCK] && inode.i_block[EXT2_DIND_BLOCK],
		    "indirect and double-indirect blocks allocated");
	/* data blocks + indirect + double-indirect + one block under it */
	expect_int(inode.i_blocks, ((target + BS - 1) / BS + 3) * 8, "i_blocks");
	expect_int(ext2_bmap(&f->fs, ino, &inode, 12 + 1024, false, &block, NULL), 0, "bmap");
	expect_true(block, "first double-indirect block mapped");
	expect_int(ext2_read_data(&f->fs, ino, &inode, 0, back, target), target, "read back");
	expect_same_bytes(back, data, target, "grow");
	expect_fsck_clean(f);
	expect_debugfs_content(f, "grow", data, target);
	free(data);
	free(back);
}

static void overwrite_in_the_middle_keeps_size_and_other_bytes(void **state)
{
	struct fx *f = *state;
	struct ext2_inode inode;
	u32 ino = must_lookup(&f->fs, "f4097", &inode);
	u8 expected[4097], patch[47];
	size_t i;
	u32 free_before = f->fs.free_blocks_count;

	for (i = 0; i < sizeof(expected); i++)
		expected[i] = pattern(4, i);
	memset(patch, 0xab, sizeof(patch));
	memcpy(expected + 4050, patch, sizeof(patch));
	expect_int(ext2_write_data(&f->fs, ino, &inode, 4050, patch, sizeof(patch)), sizeof(patch),
		   "overwrite across a block boundary");
	expect_int(ext2_inode_size(&inode), 4097, "size unchanged");
	expect_int(f->fs.free_blocks_count, free_before, "no block allocated by an overwrite");
	expect_fsck_clean(f);
	expect_debugfs_content(f, "f4097", expected, sizeof(expected));
}

static void truncate_frees_blocks_and_zeroes_the_tail(void **state)
{
	const u64 keep = 13 * BS + 5;
	struct fx *f = *state;
	struct ext2_inode inode;
	u32 ino = must_lookup(&f->fs, "big6m", &inode);
	u32 free0 = f->fs.free_blocks_count;
	u8 *buf = malloc(3 * BS);
	size_t i;

	expect_int(ext2_truncate(&f->fs, ino, &inode, keep), 0, "truncate to 13 blocks + 5");
	/* 1537 data + 3 map blocks before; 14 data + the indirect block after */
	expect_int(f->fs.free_blocks_count - free0, 1540 - 15, "blocks freed");
	expect_int(inode.i_blocks, 15 * 8, "i_blocks after truncate");
	expect_int(inode.i_block[EXT2_DIND_BLOCK], 0, "double-indirect block freed");
	expect_fsck_clean(f);
	/* Growing again must show zeros after the old end, not the old bytes. */
	expect_int(ext2_truncate(&f->fs, ino, &inode, keep + 2 * BS), 0, "truncate up");
	expect_int(ext2_read_data(&f->fs, ino, &inode, 13 * BS, buf, 3 * BS), 2 * BS + 5,
		   "read across the old end");
	expect_pattern(buf, 5, 6, 13 * BS, "kept bytes");
	for (i = 5; i < 2 * BS + 5; i++)
		if (buf[i])
			fail_msg("byte %zu past the old end: expected 0, seen 0x%02x", i, buf[i]);
	expect_int(ext2_truncate(&f->fs, ino, &inode, 0), 0, "truncate to 0");
	expect_int(inode.i_blocks, 0, "i_blocks after truncate to 0");
	expect_int(f->fs.free_blocks_count - free0, 1540, "every block freed");
	expect_fsck_clean(f);
	expect_debugfs_content(f, "big6m", (const u8 *)"", 0);
	free(buf);
}

static void unlink_returns_every_block_and_inode(void **state)
{
	struct fx *f = *state;
	struct ext2_inode root = root_inode(f), inode;
	u32 free_blocks = f->fs.free_blocks_count, free_inodes = f->fs.free_inodes_count, ino;
	u8 *data = calloc(1, 5 << 20);
	u32 x;

	expect_int(ext2_create(&f->fs, EXT2_ROOT_INO, &root, "victim", 6, 0600, &ino, &inode), 0,
		   "create");
	expect_int(ext2_write_data(&f->fs, ino, &inode, 0, data, 5 << 20), 5 << 20, "write 5 MiB");
	expect_true(f->fs.free_blocks_count < free_blocks - 1280, "blocks taken");
	expect_int(ext2_unlink(&f->fs, EXT2_ROOT_INO, &root, "victim", 6), 0, "unlink");
	expect_int(f->fs.free_blocks_count, free_blocks, "free blocks after unlink");
	expect_int(f->fs.free_inodes_count, free_inodes, "free inodes after unlink");
	expect_int(ext2_lookup(&f->fs, EXT2_ROOT_INO, &root, "victim", 6, &x), -K_ENOENT,
		   "lookup after unlink");
	expect_int(ext2_unlink(&f->fs, EXT2_ROOT_INO, &root, "victim", 6), -K_ENOENT,
		   "second unlink");
	/* An existing staged file too, with its indirect blocks. */
	expect_int(ext2_unlink(&f->fs, EXT2_ROOT_INO, &root, "big6m", 5), 0, "unlink big6m");
	expect_fsck_clean(f);
	free(data);
}

static void mkdir_and_rmdir_keep_links_and_counters(void **state)
{
	struct fx *f = *state;
	struct ext2_inode root = root_inode(f), a, b;
	u32 free_blocks = f->fs.free_blocks_count, free_inodes = f->fs.free_inodes_count;
	u16 root_links = root.i_links_count;
	u32 a_ino, b_ino, x;
	u32 dirs0 = f->fs.groups[0].bg_used_dirs_count;

	expect_int(ext2_mkdir(&f->fs, EXT2_ROOT_INO, &root, "a", 1, 0755, &a_ino, &a), 0,
		   "mkdir a");
	expect_int(root.i_links_count, root_links + 1, "root links after mkdir");
	expect_int(a.i_links_count, 2, "links of a");
	expect_int(f->fs.groups[0].bg_used_dirs_count, dirs0 + 1, "used dirs of group 0");
	expect_int(ext2_mkdir(&f->fs, a_ino, &a, "b", 1, 0755, &b_ino, &b), 0, "mkdir a/b");
	expect_int(a.i_links_count, 3, "links of a after mkdir a/b");
	expect_int(ext2_lookup(&f->fs, b_ino, &b, "..", 2, &x), 0, "lookup a/b/..");
	expect_int(x, a_ino, "a/b/.. is a");
	expect_int(ext2_mkdir(&f->fs, EXT2_ROOT_INO, &root, "a", 1, 0755, &x, NULL), -K_EEXIST,
		   "mkdir of an existing name");
	expect_fsck_clean(f);
	root = root_inode(f);
	expect_int(ext2_rmdir(&f->fs, EXT2_ROOT_INO, &root, "a", 1), -K_ENOTEMPTY, "rmdir a");
	expect_int(ext2_read_inode(&f->fs, a_ino, &a), 0, "read a");
	expect_int(ext2_rmdir(&f->fs, a_ino, &a, "b", 1), 0, "rmdir a/b");
	expect_int(a.i_links_count, 2, "links of a after rmdir a/b");
	expect_int(ext2_rmdir(&f->fs, EXT2_ROOT_INO, &root, "a", 1), 0, "rmdir a");
	expect_int(root.i_links_count, root_links, "root links after rmdir");
	expect_int(f->fs.free_blocks_count, free_blocks, "free blocks");
	expect_int(f->fs.free_inodes_count, free_inodes, "free inodes");
	expect_int(f->fs.groups[0].bg_used_dirs_count, dirs0, "used dirs of group 0");
	expect_fsck_clean(f);
}

static void directory_grows_past_one_block_and_empties_again(void **state)
{
	struct fx *f = *state;
	struct ext2_inode root = root_inode(f), dir;
	struct names *nm = malloc(sizeof(*nm));
	u32 dir_ino, x;
	char name[128];
	int i;

	expect_int(ext2_mkdir(&f->fs, EXT2_ROOT_INO, &root, "big", 3, 0755, &dir_ino, &dir), 0,
		   "mkdir big");
	for (i = 0; i < 200; i++) {
		snprintf(name, sizeof(name),
			 "a_rather_long_file_name_to_fill_directory_blocks_%03d", i);
		expect_int(ext2_create(&f->fs, dir_ino, &dir, name, strlen(name), 0644, &x, NULL),
			   0, "create %s", name);
	}
	expect_true(dir.i_size >= 3 * BS, "big/ spans 3 blocks or more (size %u)", dir.i_size);
	list_dir(f, "big", nm, 1000);
	expect_int(nm->n, 202, "entries of big/");
	expect_fsck_clean(f);
	must_lookup(&f->fs, "big", &dir);
	for (i = 0; i < 200; i += 2) {
		snprintf(name, sizeof(name),
			 "a_rather_long_file_name_to_fill_directory_blocks_%03d", i);
		expect_int(ext2_unlink(&f->fs, dir_ino, &dir, name, strlen(name)), 0, "unlink %s",
			   name);
	}
	list_dir(f, "big", nm, 3);
	expect_int(nm->n, 102, "entries of big/ after removing half");
	expect_fsck_clean(f);
	must_lookup(&f->fs, "big", &dir);
	for (i = 1; i < 200; i += 2) {
		snprintf(name, sizeof(name),
			 "a_rather_long_file_name_to_fill_directory_blocks_%03d", i);
		expect_int(ext2_unlink(&f->fs, dir_ino, &dir, name, strlen(name)), 0, "unlink %s",
			   name);
		expect_int(ext2_lookup(&f->fs, dir_ino, &dir, name, strlen(name), &x), -K_ENOENT,
			   "lookup of %s after unlink", name);
	}
	expect_int(ext2_dir_is_empty(&f->fs, dir_ino, &dir), 1, "big/ is empty");
	root = root_inode(f);
	expect_int(ext2_rmdir(&f->fs, EXT2_ROOT_INO, &root, "big", 3), 0, "rmdir big");
	expect_fsck_clean(f);
	free(nm);
}

static void name_errors_have_linux_errnos(void **state)
{
	struct fx *f = *state;
	struct ext2_inode root = root_inode(f), one;
	char name[EXT2_NAME_LEN + 1];
	u32 x, one_ino = must_lookup(&f->fs, "one", &one);

	memset(name, 'q', sizeof(name));
	expect_int(ext2_create(&f->fs, EXT2_ROOT_INO, &root, "one", 3, 0644, &x, NULL), -K_EEXIST,
		   "create over an existing file");
	expect_int(ext2_create(&f->fs, EXT2_ROOT_INO, &root, name, sizeof(name), 0644, &x, NULL),
		   -K_ENAMETOOLONG, "create with a 256-byte name");
	expect_int(ext2_create(&f->fs, EXT2_ROOT_INO, &root, name, EXT2_NAME_LEN, 0644, &x, NULL),
		   0, "create with a 255-byte name");
	expect_int(ext2_create(&f->fs, one_ino, &one, "x", 1, 0644, &x, NULL), -K_ENOTDIR,
		   "create inside a file");
	expect_int(ext2_create(&f->fs, EXT2_ROOT_INO, &root, "a/b", 3, 0644, &x, NULL), -K_EINVAL,
		   "create with a slash");
	expect_int(ext2_mkdir(&f->fs, EXT2_ROOT_INO, &root, ".", 1, 0755, &x, NULL), -K_EEXIST,
		   "mkdir .");
	expect_int(ext2_unlink(&f->fs, EXT2_ROOT_INO, &root, "many", 4), -K_EISDIR, "unlink a dir");
	expect_int(ext2_rmdir(&f->fs, EXT2_ROOT_INO, &root, "one", 3), -K_ENOTDIR, "rmdir a file");
	expect_int(ext2_rmdir(&f->fs, EXT2_ROOT_INO, &root, "many", 4), -K_ENOTEMPTY,
		   "rmdir a full dir");
	expect_int(ext2_rmdir(&f->fs, EXT2_ROOT_INO, &root, ".", 1), -K_EINVAL, "rmdir .");
	expect_int(ext2_rmdir(&f->fs, EXT2_ROOT_INO, &root, "..", 2), -K_ENOTEMPTY, "rmdir ..");
	expect_int(ext2_write_data(&f->fs, EXT2_ROOT_INO, &root, 0, "x", 1), -K_EISDIR,
		   "write to a directory");
	expect_fsck_clean(f);
}

static void symlinks_fast_and_slow_are_created(void **state)
{
	struct fx *f = *state;
	struct ext2_inode root = root_inode(f), inode;
	char target[1000], buf[1000];
	u32 ino;

	memset(target, 't', sizeof(target));
	expect_int(ext2_symlink(&f->fs, EXT2_ROOT_INO, &root, "sfast", 5, "one", 3, &ino), 0,
		   "fast symlink");
	must_lookup(&f->fs, "sfast", &inode);
	expect_int(inode.i_blocks, 0, "fast symlink blocks");
	expect_int(ext2_readlink(&f->fs, ino, &inode, buf, sizeof(buf)), 3, "fast readlink");
	expect_same_bytes((u8 *)buf, (const u8 *)"one", 3, "fast target");
	expect_int(ext2_symlink(&f->fs, EXT2_ROOT_INO, &root, "s59", 3, target, 59, &ino), 0,
		   "59-byte symlink");
	must_lookup(&f->fs, "s59", &inode);
	expect_int(inode.i_blocks, 0, "59-byte symlink is fast");
	expect_int(ext2_symlink(&f->fs, EXT2_ROOT_INO, &root, "s60", 3, target, 60, &ino), 0,
		   "60-byte symlink");
	must_lookup(&f->fs, "s60", &inode);
	expect_int(inode.i_blocks, 8, "60-byte symlink is slow");
	expect_int(ext2_symlink(&f->fs, EXT2_ROOT_INO, &root, "sslow", 5, target, sizeof(target),
				&ino), 0, "slow symlink");
	must_lookup(&f->fs, "sslow", &inode);
	expect_int(ext2_readlink(&f->fs, ino, &inode, buf, sizeof(buf)), sizeof(target),
		   "slow readlink");
	expect_same_bytes((u8 *)buf, (u8 *)target, sizeof(target), "slow target");
	expect_fsck_clean(f);
	root = root_inode(f);
	expect_int(ext2_unlink(&f->fs, EXT2_ROOT_INO, &root, "sslow", 5), 0, "unlink slow symlink");
	expect_int(ext2_unlink(&f->fs, EXT2_ROOT_INO, &root, "sfast", 5), 0, "unlink fast symlink");
	expect_fsck_clean(f);
}

static void hard_link_keeps_data_until_last_name_goes(void **state)
{
	struct fx *f = *state;
	struct ext2_inode root = root_inode(f), inode;
	u32 ino = must_lookup(&f->fs, "f4096", &inode), free_blocks;
	u8 expected[4096];
	size_t i;

	for (i = 0; i < sizeof(expected); i++)
		expected[i] = pattern(3, i);
	expect_int(ext2_link(&f->fs, EXT2_ROOT_INO, &root, "again", 5, ino, &inode), 0, "link");
	expect_int(inode.i_links_count, 2, "links after link");
	free_blocks = f->fs.free_blocks_count;
	expect_int(ext2_unlink(&f->fs, EXT2_ROOT_INO, &root, "f4096", 5), 0, "unlink first name");
	expect_int(f->fs.free_blocks_count, free_blocks, "no block freed while a name remains");
	expect_fsck_clean(f);
	expect_debugfs_content(f, "again", expected, sizeof(expected));
}

/* ---- rename ---- */

/* One side of a rename, for the tests: dir is looked up by path ("" is the root). */
struct rename_side {
	struct ext2_inode dir, inode;
	struct ext2_name name;
};

static void rename_side(struct fx *f, struct rename_side *s, const char *dir, const char *name)
{
	s->name.dir_ino = must_lookup(&f->fs, dir, &s->dir);
	s->name.dir = &s->dir;
	s->name.name = name;
	s->name.len = strlen(name);
	s->name.inode = &s->inode;
}

/* rename(2) of dir1/name1 to dir2/name2, each directory read fresh from the image. */
static int do_rename(struct fx *f, const char *dir1, const char *name1, const char *dir2,
		     const char *name2, struct rename_side *from, struct rename_side *to)
{
	rename_side(f, from, dir1, name1);
	rename_side(f, to, dir2, name2);
	if (strcmp(dir1, dir2) == 0)
		to->name.dir = &from->dir;	/* one directory: one copy, as the kernel passes */
	return ext2_rename(&f->fs, &from->name, &to->name);
}

static u32 lookup_or_zero(struct fx *f, const char *path)
{
	struct ext2_inode inode;
	u32 ino;

	return path_lookup(&f->fs, path, &ino, &inode) ? 0 : ino;
}

static void rename_moves_a_file_within_and_across_directories(void **state)
{
	struct fx *f = *state;
	struct rename_side a, b;
	struct ext2_inode inode;
	u8 expected[4097];
	u32 ino = must_lookup(&f->fs, "f4097", &inode), free_blocks = f->fs.free_blocks_count;
	size_t i;

	for (i = 0; i < sizeof(expected); i++)
		expected[i] = pattern(4, i);
	expect_int(do_rename(f, "", "f4097", "", "renamed", &a, &b), 0, "rename in the root");
	expect_int(lookup_or_zero(f, "f4097"), 0, "old name after rename");
	expect_int(lookup_or_zero(f, "renamed"), ino, "new name names the same inode");
	expect_int(a.inode.i_links_count, 1, "links of the moved file");
	expect_int(b.name.ino, 0, "nothing was replaced");
	expect_int(do_rename(f, "", "renamed", "deep/d01/d02", "moved", &a, &b), 0,
		   "rename into a subdirectory");
	expect_int(lookup_or_zero(f, "deep/d01/d02/moved"), ino, "deep/d01/d02/moved");
	expect_int(lookup_or_zero(f, "renamed"), 0, "renamed after the move");
	expect_int(f->fs.free_blocks_count, free_blocks, "no block taken or freed");
	expect_fsck_clean(f);
	expect_debugfs_content(f, "deep/d01/d02/moved", expected, sizeof(expected));
}

static void rename_over_a_file_frees_the_replaced_one(void **state)
{
	struct fx *f = *state;
	struct rename_side a, b;
	struct ext2_inode inode;
	u32 free_blocks = f->fs.free_blocks_count, free_inodes = f->fs.free_inodes_count;
	u32 ino = must_lookup(&f->fs, "f4095", &inode), old = lookup_or_zero(f, "big6m");
	u8 expected[4095];
	size_t i;

	for (i = 0; i < sizeof(expected); i++)
		expected[i] = pattern(2, i);
	expect_int(do_rename(f, "", "f4095", "", "big6m", &a, &b), 0, "rename over big6m");
	expect_int(b.name.ino, old, "the replaced inode is big6m's");
	expect_int(b.inode.i_links_count, 0, "links of the replaced file");
	expect_int(lookup_or_zero(f, "big6m"), ino, "big6m now names f4095's inode");
	/* The kernel frees it when the last user goes; here at once. */
	expect_int(ext2_evict_inode(&f->fs, b.name.ino, &b.inode), 0, "evict the replaced inode");
	expect_int(f->fs.free_blocks_count - free_blocks, 1540, "big6m's blocks are free");
	expect_int(f->fs.free_inodes_count - free_inodes, 1, "its inode is free");
	expect_fsck_clean(f);
	expect_debugfs_content(f, "big6m", expected, sizeof(expected));
}

static void rename_to_another_name_of_the_same_inode_does_nothing(void **state)
{
	struct fx *f = *state;
	struct rename_side a, b;
	struct ext2_inode root = root_inode(f), inode;
	u32 ino = must_lookup(&f->fs, "one", &inode);

	expect_int(ext2_link(&f->fs, EXT2_ROOT_INO, &root, "two", 3, ino, &inode), 0, "link");
	expect_int(do_rename(f, "", "one", "", "two", &a, &b), 0, "rename one two");
	expect_int(lookup_or_zero(f, "one"), ino, "one is still there");
	expect_int(lookup_or_zero(f, "two"), ino, "two is still there");
	must_lookup(&f->fs, "one", &inode);
	expect_int(inode.i_links_count, 2, "links unchanged");
	expect_fsck_clean(f);
}

/* A directory changing parent: its ".." and both parents' link counts follow. */
static void rename_moves_a_directory_and_its_dotdot(void **state)
{
	struct fx *f = *state;
	struct rename_side a, b;
	struct ext2_inode root = root_inode(f), d01, dir;
	u32 d01_ino = must_lookup(&f->fs, "deep/d01", &d01), d02, x;
	u16 root_links = root.i_links_count, d01_links = d01.i_links_count;

	expect_int(do_rename(f, "deep/d01", "d02", "", "top", &a, &b), 0,
		   "rename deep/d01/d02 to top");
	d02 = must_lookup(&f->fs, "top", &dir);
	expect_int(ext2_lookup(&f->fs, d02, &dir, "..", 2, &x), 0, "lookup top/..");
	expect_int(x, EXT2_ROOT_INO, "top/.. is the root");
	root = root_inode(f);
	expect_int(root.i_links_count, root_links + 1, "root links: top's .. arrived");
	must_lookup(&f->fs, "deep/d01", &d01);
	expect_int(d01.i_links_count, d01_links - 1, "deep/d01 links: d02's .. left");
	expect_int(lookup_or_zero(f, "top/d03/d04/d05/d06/d07/d08/d09/d10/d11/d12/d13/d14/d15/d16/"
				  "d17/d18/d19/d20/leaf") != 0, 1, "the subtree came along");
	expect_fsck_clean(f);
	/* And back, over an empty directory of the old parent. */
	expect_int(ext2_mkdir(&f->fs, d01_ino, &d01, "empty", 5, 0755, &x, NULL), 0, "mkdir");
	expect_int(do_rename(f, "", "top", "deep/d01", "empty", &a, &b), 0,
		   "rename top over deep/d01/empty");
	expect_int(b.inode.i_links_count, 0, "links of the replaced directory");
	expect_int(ext2_evict_inode(&f->fs, b.name.ino, &b.inode), 0, "evict it");
	must_lookup(&f->fs, "deep/d01", &d01);
	expect_int(d01.i_links_count, d01_links, "deep/d01 links as before");
	root = root_inode(f);
	expect_int(root.i_links_count, root_links, "root links as before");
	expect_int(lookup_or_zero(f, "deep/d01/empty/d03") != 0, 1, "the subtree moved back");
	expect_fsck_clean(f);
}

static void rename_errors_have_linux_errnos(void **state)
{
	struct fx *f = *state;
	struct rename_side a, b;
	struct ext2_inode root = root_inode(f), inode;
	u32 x;

	expect_int(do_rename(f, "", "nothing", "", "x", &a, &b), -K_ENOENT, "missing source");
	expect_int(do_rename(f, "", "one", "", "many", &a, &b), -K_EISDIR, "file over a directory");
	expect_int(do_rename(f, "", "many", "", "one", &a, &b), -K_ENOTDIR, "directory over a file");
	expect_int(do_rename(f, "", "deep", "", "many", &a, &b), -K_ENOTEMPTY,
		   "directory over a full directory");
	expect_int(do_rename(f, "", "deep", "deep/d01/d02", "inside", &a, &b), -K_EINVAL,
		   "directory into its own subtree");
	expect_int(do_rename(f, "", "deep", "deep", "inside", &a, &b), -K_EINVAL,
		   "directory into itself");
	expect_int(do_rename(f, "", "..", "", "x", &a, &b), -K_EBUSY, "rename ..");
	expect_int(do_rename(f, "", "one", "deep", ".", &a, &b), -K_EBUSY, "rename to .");
	expect_int(do_rename(f, "", "one", "", "a/b", &a, &b), -K_EINVAL, "new name with a slash");
	expect_int(do_rename(f, "", "one", "f4096", "x", &a, &b), -K_ENOTDIR,
		   "new directory is a file");
	/* EMLINK: the new parent has as many links as ext2 allows. */
	expect_int(ext2_mkdir(&f->fs, EXT2_ROOT_INO, &root, "full", 4, 0755, &x, &inode), 0,
		   "mkdir full");
	inode.i_links_count = EXT2_LINK_MAX;
	expect_int(ext2_write_inode(&f->fs, x, &inode), 0, "fake a full link count");
	expect_int(do_rename(f, "", "many", "full", "many", &a, &b), -K_EMLINK,
		   "directory into a parent with LINK_MAX links");
	inode.i_links_count = 2;
	expect_int(ext2_write_inode(&f->fs, x, &inode), 0, "restore the link count");
	expect_int(lookup_or_zero(f, "one") != 0 && lookup_or_zero(f, "many") != 0, 1,
		   "nothing moved");
	expect_fsck_clean(f);
}

/* The new name needs a directory block and there is none: nothing changes. */
static void rename_on_a_full_disk_gives_enospc_and_changes_nothing(void **state)
{
	struct fx *f = *state;
	struct rename_side a, b;
	struct ext2_inode root = root_inode(f), dir;
	u32 dir_ino, ino, block, free_blocks;
	char name[EXT2_NAME_LEN + 1];
	int i, err = 0;

	expect_int(ext2_mkdir(&f->fs, EXT2_ROOT_INO, &root, "tight", 5, 0755, &dir_ino, &dir), 0,
		   "mkdir tight");
	/* Fill tight/'s first block with 255-byte names (264 bytes each: 15 fit in a block). */
	memset(name, 'z', EXT2_NAME_LEN);
	for (i = 0; dir.i_size == BS; i++) {
		snprintf(name, sizeof(name), "%03d", i);
		name[3] = 'z';
		err = ext2_create(&f->fs, dir_ino, &dir, name, EXT2_NAME_LEN, 0644, &ino, NULL);
		expect_int(err, 0, "create a long name");
	}
	/* The last one spilled into a second block: take it back, leaving block 0 full. */
	expect_int(ext2_unlink(&f->fs, dir_ino, &dir, name, EXT2_NAME_LEN), 0, "unlink");
	expect_int(ext2_truncate_blocks(&f->fs, dir_ino, &dir, BS), 0, "shrink tight/");
	/* Use up every free block. */
	while (ext2_new_block(&f->fs, 0, &block) == 0)
		;
	free_blocks = f->fs.free_blocks_count;
	expect_int(free_blocks, 0, "the disk is full");
	/* A 255-byte name does not fit in the 136 bytes the 15 entries left over. */
	memset(name, 'y', EXT2_NAME_LEN);
	name[EXT2_NAME_LEN] = '\0';
	expect_int(do_rename(f, "", "one", "tight", name, &a, &b), -K_ENOSPC, "rename");
	expect_int(lookup_or_zero(f, "one") != 0, 1, "one is still in the root");
	must_lookup(&f->fs, "tight", &dir);
	expect_int(ext2_lookup(&f->fs, dir_ino, &dir, name, EXT2_NAME_LEN, &ino), -K_ENOENT,
		   "and not in tight/");
	expect_int(dir.i_size, BS, "tight/ did not grow");
}

/* A file past 4 GiB: i_size_high and the triple-indirect block. */
static void file_past_4gib_uses_triple_indirect_block(void **state)
{
	const u64 off = 5ull << 30;
	struct fx *f = *state;
	struct ext2_inode root = root_inode(f), inode;
	u32 ino, free_blocks = f->fs.free_blocks_count;
	char buf[16];

	expect_int(ext2_create(&f->fs, EXT2_ROOT_INO, &root, "huge", 4, 0644, &ino, &inode), 0,
		   "create");
	expect_int(ext2_write_data(&f->fs, ino, &inode, off, "far away", 8), 8, "write at 5 GiB");
	expect_int(ext2_inode_size(&inode), off + 8, "size");
	expect_int(inode.i_size_high, 1, "i_size_high");
	expect_true(inode.i_block[EXT2_TIND_BLOCK] != 0, "triple-indirect block used");
	expect_int(inode.i_blocks, 4 * 8, "data block + three map blocks");
	must_lookup(&f->fs, "huge", &inode);
	expect_int(ext2_read_data(&f->fs, ino, &inode, off - 4, buf, sizeof(buf)), 12, "read");
	expect_same_bytes((u8 *)buf, (const u8 *)"\0\0\0\0far away", 12, "huge");
	expect_fsck_clean(f);
	expect_int(ext2_truncate(&f->fs, ino, &inode, 0), 0, "truncate");
	expect_int(f->fs.free_blocks_count, free_blocks, "blocks back");
	expect_fsck_clean(f);
}

static void filling_the_disk_gives_enospc_and_stays_consistent(void **state)
{
	struct fx *f;
	u8 *img, *chunk = malloc(64 * 1024);
	size_t size;
	char name[32];
	u32 free_blocks, free_inodes;
	int i, files = 0;
	bool full = false;

	img = make_image("small.img", "-g 256 -N 64", false, "4M", &size);
	f = fx_new(img, size, false);
	free(img);
	free_blocks = f->fs.free_blocks_count;
	free_inodes = f->fs.free_inodes_count;
	memset(chunk, 0x77, 64 * 1024);
	for (i = 0; i < 200 && !full; i++) {
		struct ext2_inode root = root_inode(f), inode;
		u32 ino;
		int err;

		snprintf(name, sizeof(name), "fill%03d", i);
		err = ext2_create(&f->fs, EXT2_ROOT_INO, &root, name, strlen(name), 0644, &ino,
				  &inode);
		if (err) {
			expect_int(err, -K_ENOSPC, "create on a full disk");
			break;
		}
		files++;
		while (!full) {
			ssize_t n = ext2_write_data(&f->fs, ino, &inode, ext2_inode_size(&inode),
						    chunk, 64 * 1024);

			if (n < 0)
				expect_int(n, -K_ENOSPC, "write on a full disk");
			full = n < 64 * 1024;
			if (ext2_inode_size(&inode) > 300 * 1024)
				break;
		}
	}
	expect_true(full, "the disk filled up");
	expect_int(f->fs.free_blocks_count, 0, "no free block left");
	expect_fsck_clean(f);
	for (i = 0; i < files; i++) {
		struct ext2_inode root = root_inode(f);

		snprintf(name, sizeof(name), "fill%03d", i);
		expect_int(ext2_unlink(&f->fs, EXT2_ROOT_INO, &root, name, strlen(name)), 0,
			   "unlink %s", name);
	}
	expect_int(f->fs.free_blocks_count, free_blocks, "free blocks after unlinking all");
	expect_int(f->fs.free_inodes_count, free_inodes, "free inodes after unlinking all");
	expect_fsck_clean(f);
	fx_free(f);
	free(chunk);
}

/* `e2fsck -fyD` turns many/ into an htree directory; our linear changes drop the index. */
static void changing_an_htree_directory_clears_its_index_flag(void **state)
{
	struct fx *f;
	char img_path[128];
	struct ext2_inode dir, inode;
	u8 *img;
	size_t size;
	u32 dir_ino, ino, x;
	char name[64];
	int i;

	snprintf(img_path, sizeof(img_path), "%s/htree.img", workdir);
	write_file(img_path, write_image, write_image_size);
	run_cmd("%s -fyD %s > /dev/null 2>&1", e2fs_tool("e2fsck"), img_path);
	img = load_file(img_path, &size);
	f = fx_new(img, size, false);
	free(img);
	dir_ino = must_lookup(&f->fs, "many", &dir);
	expect_true(dir.i_flags & EXT2_INDEX_FL, "e2fsck -D indexed many/ (flags %#x)",
		    dir.i_flags);
	expect_int(ext2_lookup(&f->fs, dir_ino, &dir,
			       "entry_123_with_a_name_long_enough_to_fill_blocks", 48, &x), 0,
		   "linear lookup in an htree directory");
	for (i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "added_%02d", i);
		expect_int(ext2_create(&f->fs, dir_ino, &dir, name, strlen(name), 0644, &ino,
				       &inode),
			   0, "create %s", name);
	}
	expect_int(ext2_unlink(&f->fs, dir_ino, &dir,
			       "entry_007_with_a_name_long_enough_to_fill_blocks", 48),
		   0, "unlink");
	expect_int(dir.i_flags & EXT2_INDEX_FL, 0, "index flag after a change");
	expect_fsck_clean(f);
	expect_debugfs_content(f, "many/entry_008_with_a_name_long_enough_to_fill_blocks",
			       (const u8 *)"many/entry_008_with_a_name_long_enough_to_fill_blocks",
			       53);
	fx_free(f);
}

/* debugfs gives "one" an extended-attribute block; we share it with f4096 (refcount 2, as
 * Linux shares identical attribute sets). The last of the two to go frees it. */
static void unlink_releases_a_shared_xattr_block_with_its_last_user(void **state)
{
	struct fx *f;
	char img_path[128], value_path[128], value[1500];
	struct ext2_inode root, one, other;
	struct ext2_xattr_header *h;
	u32 other_ino, acl, free_blocks;
	size_t size;
	u8 *img;

	snprintf(img_path, sizeof(img_path), "%s/xattr.img", workdir);
	snprintf(value_path, sizeof(value_path), "%s/xattr.value", workdir);
	memset(value, 'v', sizeof(value));
	write_file(value_path, value, sizeof(value));
	write_file(img_path, write_image, write_image_size);
	expect_int(run_cmd("%s -w -R 'ea_set -f %s /one user.big' %s > /dev/null 2>&1",
			   e2fs_tool("debugfs"), value_path, img_path),
		   0, "debugfs ea_set");
	img = load_file(img_path, &size);
	f = fx_new(img, size, false);
	free(img);
	must_lookup(&f->fs, "one", &one);
	acl = one.i_file_acl;
	expect_true(acl != 0, "debugfs gave \"one\" an xattr block");
	expect_int(one.i_blocks, 2 * 8, "i_blocks of one: data + xattr");
	h = (struct ext2_xattr_header *)(f->img + (size_t)acl * BS);
	expect_int(h->h_magic, EXT2_XATTR_MAGIC, "xattr magic");
	h->h_refcount = 2;
	other_ino = must_lookup(&f->fs, "f4096", &other);
	other.i_file_acl = acl;
	other.i_blocks += 8;
	expect_int(ext2_write_inode(&f->fs, other_ino, &other), 0, "share the block");
	expect_fsck_clean(f);

	root = root_inode(f);
	free_blocks = f->fs.free_blocks_count;
	expect_int(ext2_unlink(&f->fs, EXT2_ROOT_INO, &root, "one", 3), 0, "unlink one");
	expect_int(f->fs.free_blocks_count - free_blocks, 1, "blocks freed: the data block only");
	expect_int(h->h_refcount, 1, "refcount after the first unlink");
	expect_fsck_clean(f);
	root = root_inode(f);
	free_blocks = f->fs.free_blocks_count;
	expect_int(ext2_unlink(&f->fs, EXT2_ROOT_INO, &root, "f4096", 5), 0, "unlink f4096");
	expect_int(f->fs.free_blocks_count - free_blocks, 2, "blocks freed: data and xattr");
	expect_fsck_clean(f);
	fx_free(f);
}

static void mount_marks_not_clean_until_unmount(void **state)
{
	struct fx *f = *state;
	const struct ext2_super_block *sb = (const void *)(f->img + EXT2_SUPERBLOCK_OFFSET);

	expect_int(sb->s_state & EXT2_VALID_FS, 0, "valid bit while mounted read-write");
	fx_unmount(f);
	expect_int(sb->s_state, EXT2_VALID_FS, "state after unmount");
	fx_mount(f);
}

int main(void)
{
#define READ_TEST(t) cmocka_unit_test_setup_teardown(t, setup_read, teardown)
#define WRITE_TEST(t) cmocka_unit_test_setup_teardown(t, setup_write, teardown)
	const struct CMUnitTest tests[] = {
		READ_TEST(mount_decodes_geometry_of_mke2fs_image),
		READ_TEST(files_of_0_1_4095_4096_4097_bytes_match_staging),
		READ_TEST(six_mib_file_through_double_indirect_matches_staging),
		READ_TEST(reads_at_odd_offsets_match_staging),
		READ_TEST(sparse_50mb_file_reads_zeros_and_maps_holes),
		READ_TEST(sparse_file_with_data_maps_only_its_blocks),
		READ_TEST(twenty_level_deep_directories_resolve),
		READ_TEST(name_of_255_bytes_resolves_and_256_is_too_long),
		READ_TEST(readdir_lists_each_entry_once_across_calls),
		READ_TEST(fast_and_slow_symlinks_read_their_targets),
		READ_TEST(lookup_errors_are_enoent_and_enotdir),
		READ_TEST(writes_to_read_only_mount_are_erofs),
		WRITE_TEST(write_new_file_reads_back_and_fsck_is_clean),
		WRITE_TEST(append_crosses_direct_indirect_and_double_indirect),
		WRITE_TEST(overwrite_in_the_middle_keeps_size_and_other_bytes),
		WRITE_TEST(truncate_frees_blocks_and_zeroes_the_tail),
		WRITE_TEST(unlink_returns_every_block_and_inode),
		WRITE_TEST(mkdir_and_rmdir_keep_links_and_counters),
		WRITE_TEST(directory_grows_past_one_block_and_empties_again),
		WRITE_TEST(name_errors_have_linux_errnos),
		WRITE_TEST(symlinks_fast_and_slow_are_created),
		WRITE_TEST(hard_link_keeps_data_until_last_name_goes),
		WRITE_TEST(rename_moves_a_file_within_and_across_directories),
		WRITE_TEST(rename_over_a_file_frees_the_replaced_one),
		WRITE_TEST(rename_to_another_name_of_the_same_inode_does_nothing),
		WRITE_TEST(rename_moves_a_directory_and_its_dotdot),
		WRITE_TEST(rename_errors_have_linux_errnos),
		WRITE_TEST(rename_on_a_full_disk_gives_enospc_and_changes_nothing),
		WRITE_TEST(file_past_4gib_uses_triple_indirect_block),
		WRITE_TEST(mount_marks_not_clean_until_unmount),
		cmocka_unit_test(filling_the_disk_gives_enospc_and_stays_consistent),
		cmocka_unit_test(changing_an_htree_directory_clears_its_index_flag),
		cmocka_unit_test(unlink_releases_a_shared_xattr_block_with_its_last_user),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
