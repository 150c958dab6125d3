/* SPDX-License-Identifier: MIT */
/*
 * ext2 on-disk format (revision 1, "dynamic"), as written by `mke2fs -t ext2 -b 4096`.
 *
 * Field names follow the ext2 specification ("The Second Extended File System", Dave Poirier)
 * so that a student can read this header next to it. Everything on disk is little-endian; the
 * kernel (ARM, little-endian) and the host tests (x86-64) read the fields directly.
 *
 * The disk is an array of 4096-byte blocks, numbered from 0:
 *
 *   block 0      | boot sector (bytes 0..1023) | superblock (1024..2047) | unused |
 *   block 1..G   group descriptor table: 32 bytes per group, G = ceil(groups * 32 / 4096)
 *   next R       reserved GDT blocks (resize_inode feature: room to grow the table; they
 *                belong to inode 7 and are never data)
 *   then         block bitmap (1 block), inode bitmap (1 block), inode table, data ...
 *
 * The blocks are cut into groups of s_blocks_per_group blocks; group g starts at block
 * s_first_data_block + g * s_blocks_per_group (s_first_data_block is 0 with 4 KiB blocks).
 * Group 0, group 1 and groups that are powers of 3, 5 and 7 (sparse_super) begin with a backup
 * copy of the superblock and the descriptor table (+ the reserved GDT blocks); every group has
 * its own two bitmaps and its slice of the inode table, which its descriptor locates:
 *
 *   | [sb copy | GDT copy | reserved GDT] | block bitmap | inode bitmap | inode table | data |
 *
 * Bitmaps: bit i of the block bitmap (byte i/8, bit i%8) is block "group start + i"; bit i
 * of the inode bitmap is inode "g * s_inodes_per_group + i + 1" (inode numbers start at 1).
 * Bits past the end of the group (a short last group, or inodes_per_group < 8 * 4096) are 1.
 */
#ifndef FS_EXT2_FS_H
#define FS_EXT2_FS_H

#include <types.h>

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
	       "ext2 fields are read without byte swapping: little-endian CPUs only");

#define EXT2_SUPER_MAGIC	0xEF53
#define EXT2_SUPERBLOCK_OFFSET	1024	/* bytes from the start of the device */
#define EXT2_BLOCK_SIZE		4096	/* the only block size handled here (= page size) */
#define EXT2_BLOCK_SIZE_BITS	12
#define EXT2_LOG_BLOCK_SIZE	2	/* s_log_block_size: block size = 1024 << this */

/* s_rev_level */
#define EXT2_GOOD_OLD_REV	0	/* 128-byte inodes, first free inode 11, no features */
#define EXT2_DYNAMIC_REV	1

#define EXT2_GOOD_OLD_INODE_SIZE 128
#define EXT2_GOOD_OLD_FIRST_INO	11

/* Reserved inode numbers. */
#define EXT2_BAD_INO		1	/* bad blocks */
#define EXT2_ROOT_INO		2
#define EXT2_RESIZE_INO		7	/* owns the reserved GDT blocks */

/* s_state */
#define EXT2_VALID_FS		0x0001	/* unmounted cleanly */
#define EXT2_ERROR_FS		0x0002	/* errors detected */

/* s_errors: what the kernel should do on finding corruption */
#define EXT2_ERRORS_CONTINUE	1
#define EXT2_ERRORS_RO		2
#define EXT2_ERRORS_PANIC	3

/* s_feature_compat: a kernel that does not know them may still read and write. */
#define EXT2_FEATURE_COMPAT_DIR_PREALLOC	0x0001
#define EXT2_FEATURE_COMPAT_IMAGIC_INODES	0x0002
#define EXT3_FEATURE_COMPAT_HAS_JOURNAL		0x0004
#define EXT2_FEATURE_COMPAT_EXT_ATTR		0x0008
#define EXT2_FEATURE_COMPAT_RESIZE_INODE	0x0010
#define EXT2_FEATURE_COMPAT_DIR_INDEX		0x0020

/* s_feature_ro_compat: unknown ones allow reading only. */
#define EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER	0x0001
#define EXT2_FEATURE_RO_COMPAT_LARGE_FILE	0x0002
#define EXT2_FEATURE_RO_COMPAT_BTREE_DIR	0x0004
#define EXT4_FEATURE_RO_COMPAT_HUGE_FILE	0x0008
#define EXT4_FEATURE_RO_COMPAT_GDT_CSUM		0x0010
#define EXT4_FEATURE_RO_COMPAT_DIR_NLINK	0x0020
#define EXT4_FEATURE_RO_COMPAT_EXTRA_ISIZE	0x0040
#define EXT4_FEATURE_RO_COMPAT_QUOTA		0x0100
#define EXT4_FEATURE_RO_COMPAT_BIGALLOC		0x0200
#define EXT4_FEATURE_RO_COMPAT_METADATA_CSUM	0x0400

/* s_feature_incompat: unknown ones forbid mounting at all. */
#define EXT2_FEATURE_INCOMPAT_COMPRESSION	0x0001
#define EXT2_FEATURE_INCOMPAT_FILETYPE		0x0002	/* entries carry a file type */
#define EXT3_FEATURE_INCOMPAT_RECOVER		0x0004
#define EXT3_FEATURE_INCOMPAT_JOURNAL_DEV	0x0008
#define EXT2_FEATURE_INCOMPAT_META_BG		0x0010
#define EXT4_FEATURE_INCOMPAT_EXTENTS		0x0040
#define EXT4_FEATURE_INCOMPAT_64BIT		0x0080
#define EXT4_FEATURE_INCOMPAT_MMP		0x0100
#define EXT4_FEATURE_INCOMPAT_FLEX_BG		0x0200
#define EXT4_FEATURE_INCOMPAT_EA_INODE		0x0400
#define EXT4_FEATURE_INCOMPAT_DIRDATA		0x1000
#define EXT4_FEATURE_INCOMPAT_CSUM_SEED		0x2000
#define EXT4_FEATURE_INCOMPAT_LARGEDIR		0x4000
#define EXT4_FEATURE_INCOMPAT_INLINE_DATA	0x8000
#define EXT4_FEATURE_INCOMPAT_ENCRYPT		0x10000
#define EXT4_FEATURE_INCOMPAT_CASEFOLD		0x20000

/* What this code understands (see docs/ext2.md for what each one means here). */
#define EXT2_SUPPORTED_INCOMPAT		EXT2_FEATURE_INCOMPAT_FILETYPE
#define EXT2_SUPPORTED_RO_COMPAT	(EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER | \
					 EXT2_FEATURE_RO_COMPAT_LARGE_FILE | \
					 EXT2_FEATURE_RO_COMPAT_BTREE_DIR)

/*
 * The superblock: 1024 bytes at byte 1024 of the device (in block 0 with 4 KiB blocks).
 * Backup copies in other groups are not read or updated here (e2fsck checks the primary).
 */
struct ext2_super_block {
	u32 s_inodes_count;		/* 0x00 */
	u32 s_blocks_count;
	u32 s_r_blocks_count;		/* reserved for the superuser */
	u32 s_free_blocks_count;
	u32 s_free_inodes_count;	/* 0x10 */
	u32 s_first_data_block;		/* superblock's block: 0 with 4 KiB blocks */
	u32 s_log_block_size;		/* block size = 1024 << s_log_block_size */
	u32 s_log_frag_size;
	u32 s_blocks_per_group;		/* 0x20 */
	u32 s_frags_per_group;
	u32 s_inodes_per_group;
	u32 s_mtime;			/* last mount */
	u32 s_wtime;			/* 0x30: last write */
	u16 s_mnt_count;
	s16 s_max_mnt_count;
	u16 s_magic;			/* EXT2_SUPER_MAGIC */
	u16 s_state;			/* EXT2_VALID_FS, EXT2_ERROR_FS */
	u16 s_errors;			/* EXT2_ERRORS_* */
	u16 s_minor_rev_level;
	u32 s_lastcheck;		/* 0x40 */
	u32 s_checkinterval;
	u32 s_creator_os;
	u32 s_rev_level;		/* EXT2_GOOD_OLD_REV or EXT2_DYNAMIC_REV */
	u16 s_def_resuid;		/* 0x50 */
	u16 s_def_resgid;
	/* Revision 1 (EXT2_DYNAMIC_REV) only: */
	u32 s_first_ino;		/* first inode usable for files */
	u16 s_inode_size;
	u16 s_block_group_nr;		/* group holding this copy */
	u32 s_feature_compat;
	u32 s_feature_incompat;		/* 0x60 */
	u32 s_feature_ro_compat;
	u8 s_uuid[16];
	char s_volume_name[16];		/* 0x78 */
	char s_last_mounted[64];	/* 0x88 */
	u32 s_algorithm_usage_bitmap;	/* 0xc8 */
	u8 s_prealloc_blocks;
	u8 s_prealloc_dir_blocks;
	u16 s_reserved_gdt_blocks;	/* resize_inode: reserved GDT blocks per backup group */
	u8 s_journal_uuid[16];		/* 0xd0 */
	u32 s_journal_inum;		/* 0xe0 */
	u32 s_journal_dev;
	u32 s_last_orphan;
	u32 s_hash_seed[4];		/* 0xec: dir_index */
	u8 s_def_hash_version;		/* 0xfc */
	u8 s_jnl_backup_type;
	u16 s_desc_size;
	u32 s_default_mount_opts;	/* 0x100 */
	u32 s_first_meta_bg;
	u32 s_mkfs_time;
	u32 s_reserved[189];		/* 0x10c .. 0x3ff: ext3/ext4 fields, unused here */
};
_Static_assert(sizeof(struct ext2_super_block) == 1024, "superblock is 1024 bytes");

/*
 * A block group descriptor: 32 bytes, the table starts at the block after the superblock.
 */
struct ext2_group_desc {
	u32 bg_block_bitmap;		/* block number of the block bitmap */
	u32 bg_inode_bitmap;		/* block number of the inode bitmap */
	u32 bg_inode_table;		/* first block of this group's inode table */
	u16 bg_free_blocks_count;
	u16 bg_free_inodes_count;
	u16 bg_used_dirs_count;
	u16 bg_pad;
	u32 bg_reserved[3];
};
_Static_assert(sizeof(struct ext2_group_desc) == 32, "group descriptor is 32 bytes");

/*
 * i_block[]: where a file's blocks are. File block n is found through
 *
 *   n < 12                  i_block[n]                              direct
 *   n < 12 + 1024           i_block[12] -> [n - 12]                 single indirect
 *   n < 12 + 1024 + 1024^2  i_block[13] -> [m / 1024] -> [m % 1024]  double indirect
 *   otherwise               i_block[14] -> three levels              triple indirect
 *
 * (an indirect block holds 4096 / 4 = 1024 block numbers). 0 is a hole: the block, or the
 * whole range under an indirect pointer, reads as zeros and occupies no disk space.
 */
#define EXT2_NDIR_BLOCKS	12
#define EXT2_IND_BLOCK		12
#define EXT2_DIND_BLOCK		13
#define EXT2_TIND_BLOCK		14
#define EXT2_N_BLOCKS		15

/*
 * An inode: the first 128 bytes of each s_inode_size-byte slot of the inode table. Inode n
 * lives in group (n - 1) / s_inodes_per_group at index (n - 1) % s_inodes_per_group.
 * With 256-byte inodes the rest of the slot begins with i_extra_isize (ext4's extra fields);
 * this code leaves that part alone except when it creates an inode.
 */
struct ext2_inode {
	u16 i_mode;			/* 0x00: file type (EXT2_S_IF*) and permissions */
	u16 i_uid;
	u32 i_size;			/* bytes (low 32 bits) */
	u32 i_atime;			/* 0x08 */
	u32 i_ctime;
	u32 i_mtime;			/* 0x10 */
	u32 i_dtime;			/* deletion time: non-zero only for freed inodes */
	u16 i_gid;			/* 0x18 */
	u16 i_links_count;
	u32 i_blocks;			/* 512-byte sectors: data, indirect and xattr blocks */
	u32 i_flags;			/* 0x20: EXT2_*_FL */
	u32 i_osd1;
	u32 i_block[EXT2_N_BLOCKS];	/* 0x28: block map, or a fast symlink's target */
	u32 i_generation;		/* 0x64 */
	u32 i_file_acl;			/* extended-attribute block, 0 if none */
	u32 i_size_high;		/* 0x6c: high 32 bits of a file size ("i_dir_acl") */
	u32 i_faddr;
	u8 l_i_frag;			/* 0x74 */
	u8 l_i_fsize;
	u16 l_i_blocks_hi;
	u16 l_i_uid_high;		/* 0x78 */
	u16 l_i_gid_high;
	u32 l_i_reserved2;
};
_Static_assert(sizeof(struct ext2_inode) == EXT2_GOOD_OLD_INODE_SIZE, "inode is 128 bytes");

/* In a slot larger than 128 bytes: u16 i_extra_isize at byte 128. mke2fs and Linux set it to
 * 32 (the size of ext4's extra fields) for new inodes; we do the same. */
#define EXT2_EXTRA_ISIZE_OFFSET	128
#define EXT2_DEFAULT_EXTRA_ISIZE 32

/* i_mode: file type (the top 4 bits) */
#define EXT2_S_IFMT	0xF000
#define EXT2_S_IFSOCK	0xC000
#define EXT2_S_IFLNK	0xA000
#define EXT2_S_IFREG	0x8000
#define EXT2_S_IFBLK	0x6000
#define EXT2_S_IFDIR	0x4000
#define EXT2_S_IFCHR	0x2000
#define EXT2_S_IFIFO	0x1000

static inline bool ext2_is_dir(const struct ext2_inode *i)
{
	return (i->i_mode & EXT2_S_IFMT) == EXT2_S_IFDIR;
}
static inline bool ext2_is_reg(const struct ext2_inode *i)
{
	return (i->i_mode & EXT2_S_IFMT) == EXT2_S_IFREG;
}
static inline bool ext2_is_symlink(const struct ext2_inode *i)
{
	return (i->i_mode & EXT2_S_IFMT) == EXT2_S_IFLNK;
}

/* i_flags */
#define EXT2_INDEX_FL		0x00001000	/* directory has an htree index */

#define EXT2_LINK_MAX		32000	/* largest i_links_count Linux's ext2 allows */
#define EXT2_FAST_SYMLINK_MAX	59	/* longest target kept in i_block (60 bytes) */

/*
 * A directory is a file whose blocks are filled with entries, end to end; each block is
 * covered exactly by its entries' rec_len:
 *
 *   | inode (4) | rec_len (2) | name_len (1) | file_type (1) | name (name_len, no NUL) | pad |
 *
 * rec_len is a multiple of 4, at least 8 + name_len rounded up to 4, and never crosses the end
 * of the block; the slack after the name holds deleted entries or free space. inode 0 marks an
 * unused entry. file_type is valid only with the FILETYPE feature.
 */
struct ext2_dir_entry_2 {
	u32 inode;
	u16 rec_len;
	u8 name_len;
	u8 file_type;			/* EXT2_FT_* */
	char name[];			/* up to EXT2_NAME_LEN bytes */
};
_Static_assert(sizeof(struct ext2_dir_entry_2) == 8, "directory entry header is 8 bytes");

#define EXT2_NAME_LEN		255
#define EXT2_DIR_PAD		4
/* Bytes an entry with a name of `name_len` bytes needs: header + name, rounded up to 4. */
static inline unsigned int ext2_dir_rec_len(unsigned int name_len)
{
	return (8 + name_len + EXT2_DIR_PAD - 1) & ~(EXT2_DIR_PAD - 1u);
}

/* file_type */
#define EXT2_FT_UNKNOWN		0
#define EXT2_FT_REG_FILE	1
#define EXT2_FT_DIR		2
#define EXT2_FT_CHRDEV		3
#define EXT2_FT_BLKDEV		4
#define EXT2_FT_FIFO		5
#define EXT2_FT_SOCK		6
#define EXT2_FT_SYMLINK		7
#define EXT2_FT_MAX		8

/*
 * An extended-attribute block (ext_attr feature), pointed to by i_file_acl. Only its header
 * matters here: several inodes may share one block, h_refcount says how many.
 */
struct ext2_xattr_header {
	u32 h_magic;			/* EXT2_XATTR_MAGIC */
	u32 h_refcount;
	u32 h_blocks;			/* always 1 */
	u32 h_hash;
	u32 h_reserved[4];
};
#define EXT2_XATTR_MAGIC	0xEA020000

#endif /* FS_EXT2_FS_H */
