// SPDX-License-Identifier: MIT
/*
 * Mounting: check the superblock and the group descriptor table before anything else trusts
 * them, so that every later function can rely on the geometry in struct ext2_fs (group count,
 * where each group's bitmaps and inode table are). Also: writing the superblock and the
 * descriptors back, unmounting, recording corruption.
 */
#include "ext2_int.h"

/* ---- a one-line message without printf (this file runs in the kernel and on the host) ---- */

struct msg {
	char *buf;
	size_t size;
	size_t len;
};

static void msg_char(struct msg *m, char c)
{
	if (m->buf && m->len + 1 < m->size) {
		m->buf[m->len++] = c;
		m->buf[m->len] = '\0';
	}
}

static void msg_str(struct msg *m, const char *s)
{
	while (*s)
		msg_char(m, *s++);
}

static void msg_num(struct msg *m, u64 v, unsigned int base)
{
	char digits[24];
	int n = 0;

	if (base == 16)
		msg_str(m, "0x");
	do {
		digits[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (n)
		msg_char(m, digits[--n]);
}

/* ---- features ---- */

struct feature_name {
	u32 mask;
	const char *name;
};

/* Names as e2fsprogs (mke2fs -O, dumpe2fs) spells them. */
static const struct feature_name incompat_names[] = {
	{ EXT2_FEATURE_INCOMPAT_COMPRESSION, "compression" },
	{ EXT2_FEATURE_INCOMPAT_FILETYPE, "filetype" },
	{ EXT3_FEATURE_INCOMPAT_RECOVER, "needs_recovery" },
	{ EXT3_FEATURE_INCOMPAT_JOURNAL_DEV, "journal_dev" },
	{ EXT2_FEATURE_INCOMPAT_META_BG, "meta_bg" },
	{ EXT4_FEATURE_INCOMPAT_EXTENTS, "extent" },
	{ EXT4_FEATURE_INCOMPAT_64BIT, "64bit" },
	{ EXT4_FEATURE_INCOMPAT_MMP, "mmp" },
	{ EXT4_FEATURE_INCOMPAT_FLEX_BG, "flex_bg" },
	{ EXT4_FEATURE_INCOMPAT_EA_INODE, "ea_inode" },
	{ EXT4_FEATURE_INCOMPAT_DIRDATA, "dirdata" },
	{ EXT4_FEATURE_INCOMPAT_CSUM_SEED, "metadata_csum_seed" },
	{ EXT4_FEATURE_INCOMPAT_LARGEDIR, "large_dir" },
	{ EXT4_FEATURE_INCOMPAT_INLINE_DATA, "inline_data" },
	{ EXT4_FEATURE_INCOMPAT_ENCRYPT, "encrypt" },
	{ EXT4_FEATURE_INCOMPAT_CASEFOLD, "casefold" },
};

static const struct feature_name ro_compat_names[] = {
	{ EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER, "sparse_super" },
	{ EXT2_FEATURE_RO_COMPAT_LARGE_FILE, "large_file" },
	{ EXT2_FEATURE_RO_COMPAT_BTREE_DIR, "btree_dir" },
	{ EXT4_FEATURE_RO_COMPAT_HUGE_FILE, "huge_file" },
	{ EXT4_FEATURE_RO_COMPAT_GDT_CSUM, "uninit_bg" },
	{ EXT4_FEATURE_RO_COMPAT_DIR_NLINK, "dir_nlink" },
	{ EXT4_FEATURE_RO_COMPAT_EXTRA_ISIZE, "extra_isize" },
	{ EXT4_FEATURE_RO_COMPAT_QUOTA, "quota" },
	{ EXT4_FEATURE_RO_COMPAT_BIGALLOC, "bigalloc" },
	{ EXT4_FEATURE_RO_COMPAT_METADATA_CSUM, "metadata_csum" },
};

/* "extent flex_bg (0x240)": the names of the bits set in `bits`, then the raw value. */
static void msg_features(struct msg *m, u32 bits, const struct feature_name *names, size_t n)
{
	u32 unnamed = bits;
	size_t i;

	for (i = 0; i < n; i++) {
		if (bits & names[i].mask) {
			msg_str(m, names[i].name);
			msg_char(m, ' ');
			unnamed &= ~names[i].mask;
		}
	}
	if (unnamed) {
		msg_str(m, "unknown ");
		msg_num(m, unnamed, 16);
		msg_char(m, ' ');
	}
	msg_char(m, '(');
	msg_num(m, bits, 16);
	msg_char(m, ')');
}

/* ---- the checks, each filling `m` with the reason when it fails ---- */

static int check_identity(const struct ext2_super_block *sb, struct msg *m)
{
	if (sb->s_magic != EXT2_SUPER_MAGIC) {
		msg_str(m, "ext2: bad magic ");
		msg_num(m, sb->s_magic, 16);
		msg_str(m, " (expected 0xef53)");
		return -EINVAL;
	}
	if (sb->s_rev_level > EXT2_DYNAMIC_REV) {
		msg_str(m, "ext2: revision ");
		msg_num(m, sb->s_rev_level, 10);
		msg_str(m, " not supported (only 0 and 1)");
		return -EINVAL;
	}
	if (sb->s_log_block_size != EXT2_LOG_BLOCK_SIZE) {
		msg_str(m, "ext2: block size ");
		if (sb->s_log_block_size < 22)
			msg_num(m, 1024u << sb->s_log_block_size, 10);
		else
			msg_str(m, "(garbage)");
		msg_str(m, " not supported (only 4096: mke2fs -b 4096)");
		return -EINVAL;
	}
	if (sb->s_first_data_block != 0) {
		msg_str(m, "ext2: first data block ");
		msg_num(m, sb->s_first_data_block, 10);
		msg_str(m, " (expected 0 with 4096-byte blocks)");
		return -EINVAL;
	}
	return 0;
}

/* Unknown incompatible features: we would misread the disk. Unknown read-only-compatible
 * ones: reading is safe, writing would break what we do not understand. */
static int check_features(struct ext2_fs *fs, bool read_only, struct msg *m)
{
	u32 incompat = fs->feature_incompat & ~EXT2_SUPPORTED_INCOMPAT;
	u32 ro_compat = fs->feature_ro_compat & ~EXT2_SUPPORTED_RO_COMPAT;

	if (incompat) {
		msg_str(m, "ext2: unsupported incompat features: ");
		msg_features(m, incompat, incompat_names, ARRAY_SIZE(incompat_names));
		return -EINVAL;
	}
	if (ro_compat && !read_only) {
		msg_str(m, "ext2: unsupported ro_compat features: ");
		msg_features(m, ro_compat, ro_compat_names, ARRAY_SIZE(ro_compat_names));
		msg_str(m, "; mount read-only");
		return -EROFS;
	}
	return 0;
}

static int bad_geometry(struct msg *m, const char *what, u64 value)
{
	msg_str(m, "ext2: bad ");
	msg_str(m, what);
	msg_char(m, ' ');
	msg_num(m, value, 10);
	return -EINVAL;
}

/* Copy the revision-dependent fields: revision 0 has fixed inodes and no features. */
static int decode_revision(struct ext2_fs *fs, const struct ext2_super_block *sb, struct msg *m)
{
	fs->rev_level = sb->s_rev_level;
	if (sb->s_rev_level == EXT2_GOOD_OLD_REV) {
		fs->first_ino = EXT2_GOOD_OLD_FIRST_INO;
		fs->inode_size = EXT2_GOOD_OLD_INODE_SIZE;
		return 0;
	}
	fs->first_ino = sb->s_first_ino;
	fs->inode_size = sb->s_inode_size;
	fs->feature_compat = sb->s_feature_compat;
	fs->feature_incompat = sb->s_feature_incompat;
	fs->feature_ro_compat = sb->s_feature_ro_compat;
	if (fs->feature_compat & EXT2_FEATURE_COMPAT_RESIZE_INODE)
		fs->reserved_gdt_blocks = sb->s_reserved_gdt_blocks;
	if (fs->inode_size < EXT2_GOOD_OLD_INODE_SIZE || fs->inode_size > EXT2_BLOCK_SIZE ||
	    (fs->inode_size & (fs->inode_size - 1)))
		return bad_geometry(m, "inode size", fs->inode_size);
	if (fs->reserved_gdt_blocks > fs->addr_per_block)
		return bad_geometry(m, "reserved GDT blocks", fs->reserved_gdt_blocks);
	return 0;
}

/*
 * The counts must describe a filesystem that fits the device and whose groups tile it:
 * everything later (group of a block, inode table slot of an inode) divides by them.
 */
static int decode_geometry(struct ext2_fs *fs, const struct ext2_super_block *sb,
			   u64 device_bytes, struct msg *m)
{
	u64 device_blocks = device_bytes >> EXT2_BLOCK_SIZE_BITS, gdt_blocks;
	u32 bits_per_block = 8 * EXT2_BLOCK_SIZE;

	fs->blocks_count = sb->s_blocks_count;
	fs->inodes_count = sb->s_inodes_count;
	fs->blocks_per_group = sb->s_blocks_per_group;
	fs->inodes_per_group = sb->s_inodes_per_group;
	fs->first_data_block = sb->s_first_data_block;

	if (fs->blocks_count > device_blocks) {
		msg_str(m, "ext2: filesystem has ");
		msg_num(m, fs->blocks_count, 10);
		msg_str(m, " blocks but the device holds only ");
		msg_num(m, device_blocks, 10);
		return -EINVAL;
	}
	if (fs->blocks_per_group < 8 || fs->blocks_per_group > bits_per_block ||
	    fs->blocks_per_group % 8)
		return bad_geometry(m, "blocks per group", fs->blocks_per_group);
	if (fs->inodes_per_group < fs->inodes_per_block ||
	    fs->inodes_per_group > bits_per_block)
		return bad_geometry(m, "inodes per group", fs->inodes_per_group);
	if (fs->blocks_count <= fs->first_data_block + 1)
		return bad_geometry(m, "blocks count", fs->blocks_count);

	fs->group_count = (fs->blocks_count - fs->first_data_block + fs->blocks_per_group - 1) /
			  fs->blocks_per_group;
	if ((u64)fs->group_count * fs->inodes_per_group != fs->inodes_count)
		return bad_geometry(m, "inodes count", fs->inodes_count);
	if (fs->first_ino < EXT2_GOOD_OLD_FIRST_INO || fs->first_ino > fs->inodes_count)
		return bad_geometry(m, "first inode", fs->first_ino);
	gdt_blocks = ((u64)fs->group_count * sizeof(struct ext2_group_desc) + EXT2_BLOCK_SIZE - 1) /
		     EXT2_BLOCK_SIZE;
	/* The table (and so the copy we allocate) must fit in group 0. */
	if (gdt_blocks >= fs->blocks_per_group)
		return bad_geometry(m, "group count", fs->group_count);
	fs->gdt_blocks = (u32)gdt_blocks;
	fs->inode_table_blocks = (fs->inodes_per_group + fs->inodes_per_block - 1) /
				 fs->inodes_per_block;
	return 0;
}

/* Are [start, start + n) inside group g, after its superblock/GDT copies? */
static bool inside_group(const struct ext2_fs *fs, u32 g, u32 start, u32 n)
{
	u32 first = ext2_group_first_block(fs, g) + ext2_group_super_blocks(fs, g);
	u32 end = ext2_group_first_block(fs, g) + ext2_group_nr_blocks(fs, g);

	return start >= first && start < end && n <= end - start;
}

static int bad_group(struct msg *m, u32 g, const char *what, u32 value)
{
	msg_str(m, "ext2: group ");
	msg_num(m, g, 10);
	msg_str(m, ": ");
	msg_str(m, what);
	msg_char(m, ' ');
	msg_num(m, value, 10);
	return -EINVAL;
}

/*
 * Each group's bitmaps and inode table must lie inside the group (no flex_bg here), past its
 * superblock copy and apart from each other, and its counters must be possible. After this,
 * ext2_block_is_data can tell metadata from data by looking at the copy alone.
 */
static int check_group_desc(const struct ext2_fs *fs, u32 g, struct msg *m)
{
	const struct ext2_group_desc *gd = &fs->groups[g];
	u32 itb = fs->inode_table_blocks;

	if (ext2_group_super_blocks(fs, g) >= ext2_group_nr_blocks(fs, g))
		return bad_group(m, g, "too small for its metadata, blocks",
				 ext2_group_nr_blocks(fs, g));
	if (!inside_group(fs, g, gd->bg_block_bitmap, 1))
		return bad_group(m, g, "block bitmap outside the group at block",
				 gd->bg_block_bitmap);
	if (!inside_group(fs, g, gd->bg_inode_bitmap, 1))
		return bad_group(m, g, "inode bitmap outside the group at block",
				 gd->bg_inode_bitmap);
	if (!inside_group(fs, g, gd->bg_inode_table, itb))
		return bad_group(m, g, "inode table outside the group at block",
				 gd->bg_inode_table);
	if (gd->bg_block_bitmap == gd->bg_inode_bitmap ||
	    gd->bg_block_bitmap - gd->bg_inode_table < itb ||
	    gd->bg_inode_bitmap - gd->bg_inode_table < itb)
		return bad_group(m, g, "bitmaps overlap at block", gd->bg_block_bitmap);
	if (gd->bg_free_blocks_count > ext2_group_nr_blocks(fs, g))
		return bad_group(m, g, "free blocks count", gd->bg_free_blocks_count);
	if (gd->bg_free_inodes_count > fs->inodes_per_group)
		return bad_group(m, g, "free inodes count", gd->bg_free_inodes_count);
	if (gd->bg_used_dirs_count > fs->inodes_per_group)
		return bad_group(m, g, "used directories count", gd->bg_used_dirs_count);
	return 0;
}

/* Copy the descriptor table (blocks first_data_block + 1 ...) into fs->groups. */
static int load_group_descs(struct ext2_fs *fs, struct msg *m)
{
	u32 per_block = EXT2_BLOCK_SIZE / sizeof(struct ext2_group_desc);
	u32 g, b;

	if (ext2_group_super_blocks(fs, 0) >= ext2_group_nr_blocks(fs, 0))
		return bad_group(m, 0, "too small for its metadata, blocks",
				 ext2_group_nr_blocks(fs, 0));
	fs->groups = fs->ops->alloc(fs->group_count * sizeof(struct ext2_group_desc));
	if (!fs->groups) {
		msg_str(m, "ext2: out of memory for the group descriptors");
		return -ENOMEM;
	}
	for (b = 0; b < fs->gdt_blocks; b++) {
		u32 block = fs->first_data_block + 1 + b;
		u32 n = min(per_block, fs->group_count - b * per_block);
		void *data = ext2_get_block(fs, block);

		if (!data) {
			msg_str(m, "ext2: cannot read group descriptor block ");
			msg_num(m, block, 10);
			return -EIO;
		}
		memcpy(&fs->groups[b * per_block], data, n * sizeof(struct ext2_group_desc));
		ext2_put_block(fs, block, data, false);
	}
	for (g = 0; g < fs->group_count; g++) {
		int err = check_group_desc(fs, g, m);

		if (err)
			return err;
		fs->free_blocks_count += fs->groups[g].bg_free_blocks_count;
		fs->free_inodes_count += fs->groups[g].bg_free_inodes_count;
	}
	return 0;
}

/* Everything but the descriptors: decode and check the superblock held in block 0. */
static int decode_super(struct ext2_fs *fs, const struct ext2_super_block *sb, u64 device_bytes,
			bool read_only, struct msg *m)
{
	int err = check_identity(sb, m);

	if (err)
		return err;
	fs->block_size = EXT2_BLOCK_SIZE;
	fs->addr_per_block = EXT2_BLOCK_SIZE / sizeof(u32);
	fs->addr_per_block_bits = EXT2_BLOCK_SIZE_BITS - 2;
	err = decode_revision(fs, sb, m);
	if (err)
		return err;
	fs->inodes_per_block = EXT2_BLOCK_SIZE / fs->inode_size;
	err = check_features(fs, read_only, m);
	if (err)
		return err;
	err = decode_geometry(fs, sb, device_bytes, m);
	if (err)
		return err;
	fs->mount_state = sb->s_state;
	fs->state = sb->s_state;
	fs->errors_behaviour = sb->s_errors;
	fs->time_fallback = max(sb->s_wtime, sb->s_mkfs_time);
	return 0;
}

static int read_super(struct ext2_fs *fs, u64 device_bytes, bool read_only, struct msg *m)
{
	u8 *block0;
	int err;

	if (device_bytes < EXT2_BLOCK_SIZE) {
		msg_str(m, "ext2: device of ");
		msg_num(m, device_bytes, 10);
		msg_str(m, " bytes is too small");
		return -EINVAL;
	}
	/* blocks_count is not known yet: ask the environment directly for block 0. */
	block0 = fs->ops->get_block(fs->ctx, 0);
	if (!block0) {
		msg_str(m, "ext2: cannot read the superblock");
		return -EIO;
	}
	err = decode_super(fs, (const struct ext2_super_block *)(block0 + EXT2_SUPERBLOCK_OFFSET),
			   device_bytes, read_only, m);
	ext2_put_block(fs, 0, block0, false);
	return err;
}

/* The root must be a live directory, or nothing can be found. */
static int check_root(struct ext2_fs *fs, struct msg *m)
{
	struct ext2_inode root;
	int err = ext2_read_inode(fs, EXT2_ROOT_INO, &root);

	if (err) {
		msg_str(m, "ext2: cannot read the root inode");
		return err;
	}
	if (!ext2_is_dir(&root) || root.i_links_count == 0 || root.i_size == 0) {
		msg_str(m, "ext2: root inode is not a directory (mode ");
		msg_num(m, root.i_mode, 16);
		msg_char(m, ')');
		return -EINVAL;
	}
	return 0;
}

/* Say so when the filesystem should be checked before use (not an error, Linux mounts it). */
static void warn_state(const struct ext2_fs *fs, struct msg *m)
{
	if (!(fs->mount_state & EXT2_VALID_FS))
		msg_str(m, "ext2: warning: not cleanly unmounted, running e2fsck is recommended");
	else if (fs->mount_state & EXT2_ERROR_FS)
		msg_str(m, "ext2: warning: errors were recorded, running e2fsck is recommended");
}

int ext2_mount(struct ext2_fs *fs, const struct ext2_block_ops *ops, void *ctx, u64 device_bytes,
	       bool read_only, char *msg, size_t msglen)
{
	struct msg m = { msg, msglen, 0 };
	int err;

	if (msg && msglen)
		msg[0] = '\0';
	memset(fs, 0, sizeof(*fs));
	if (!ops || !ops->get_block || !ops->put_block || !ops->alloc || !ops->free) {
		msg_str(&m, "ext2: incomplete block operations");
		return -EINVAL;
	}
	fs->ops = ops;
	fs->ctx = ctx;
	fs->read_only = true;	/* until mounted: nothing below may write */
	err = read_super(fs, device_bytes, read_only, &m);
	if (!err)
		err = load_group_descs(fs, &m);
	if (!err)
		err = check_root(fs, &m);
	if (err)
		goto fail;
	warn_state(fs, &m);
	fs->read_only = read_only;
	if (!read_only) {
		/* Not clean while we may be writing: a crash leaves it marked for e2fsck. */
		fs->mounted_rw = true;
		fs->state = fs->mount_state & ~EXT2_VALID_FS;
		err = ext2_write_super(fs);
		if (err) {
			msg_str(&m, "ext2: cannot write the superblock");
			goto fail;
		}
	}
	return 0;

fail:
	if (fs->groups)
		ops->free(fs->groups);
	fs->groups = NULL;
	return err;
}

int ext2_unmount(struct ext2_fs *fs)
{
	int err = 0;

	if (fs->mounted_rw) {
		/* Back to the state found at mount, plus any corruption seen since (as Linux). */
		fs->state = fs->mount_state;
		if (fs->errors)
			fs->state |= EXT2_ERROR_FS;
		err = ext2_write_super(fs);
		fs->mounted_rw = false;
	}
	if (fs->groups)
		fs->ops->free(fs->groups);
	fs->groups = NULL;
	fs->read_only = true;
	return err;
}

int ext2_corrupt(struct ext2_fs *fs, const char *what, u32 num)
{
	fs->errors++;
	fs->last_error = what;
	fs->last_error_num = num;
	/* s_errors = remount-ro: stop writing to a filesystem known to be damaged. */
	if (fs->errors_behaviour == EXT2_ERRORS_RO)
		fs->read_only = true;
	return -EIO;
}

/* The primary superblock only: e2fsck -n compares the backups' geometry, not their counts. */
int ext2_write_super(struct ext2_fs *fs)
{
	u8 *block0 = ext2_get_block(fs, 0);
	struct ext2_super_block *sb;

	if (!block0)
		return -EIO;
	sb = (struct ext2_super_block *)(block0 + EXT2_SUPERBLOCK_OFFSET);
	sb->s_free_blocks_count = fs->free_blocks_count;
	sb->s_free_inodes_count = fs->free_inodes_count;
	sb->s_state = fs->state;
	if (fs->ops->now)
		sb->s_wtime = fs->ops->now(fs->ctx);
	ext2_put_block(fs, 0, block0, true);
	return 0;
}

int ext2_write_group_desc(struct ext2_fs *fs, u32 g)
{
	u32 per_block = EXT2_BLOCK_SIZE / sizeof(struct ext2_group_desc);
	u32 block = fs->first_data_block + 1 + g / per_block;
	struct ext2_group_desc *table = ext2_get_block(fs, block);

	if (!table)
		return -EIO;
	table[g % per_block] = fs->groups[g];
	ext2_put_block(fs, block, table, true);
	return 0;
}
