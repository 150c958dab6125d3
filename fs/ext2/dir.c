// SPDX-License-Identifier: MIT
/*
 * Directories, read linearly (entry format in <fs/ext2_fs.h>).
 *
 * One walker visits every entry of every block in order and checks each entry before anyone
 * looks at it: rec_len at least 8 and a multiple of 4, room for the name, not crossing the end
 * of the block, inode number within s_inodes_count and not a reserved one. A bad entry, a hole
 * or a size that is not whole blocks makes the directory report -EIO. Lookup, readdir, adding,
 * deleting, re-pointing (rename) and the emptiness test are each a small "visit" function
 * given to the walker.
 *
 * dir_index (htree) directories are read the same way: their index blocks look like blocks
 * holding one empty entry. A directory we change loses EXT2_INDEX_FL (the index would no
 * longer match); e2fsck then sees an ordinary linear directory, as Linux's ext2 leaves it.
 */
#include "ext2_int.h"

#define NO_PREV 0xffffffffu

struct dir_walk {
	struct ext2_fs *fs;
	u32 dir_ino;
	struct ext2_inode *dir;
	/* Where the walk is, for the visit function */
	u64 pos;		/* byte offset of the entry in the directory */
	u8 *data;		/* the block being walked */
	u32 offset;		/* of the entry in the block */
	u32 prev;		/* of the entry before it in the block, or NO_PREV */
	bool dirty;		/* the visit changed the block */
	/* 0: go on; > 0: stop the walk with this value; < 0: an error */
	int (*visit)(struct dir_walk *w, struct ext2_dir_entry_2 *de);
	void *arg;
};

static bool dirent_ok(const struct ext2_fs *fs, const u8 *data, u32 offset)
{
	const struct ext2_dir_entry_2 *de = (const void *)(data + offset);
	u32 rec_len;

	if (fs->block_size - offset < sizeof(*de))
		return false;
	rec_len = de->rec_len;
	if (rec_len < sizeof(*de) || rec_len % EXT2_DIR_PAD || rec_len > fs->block_size - offset)
		return false;
	if (rec_len < ext2_dir_rec_len(de->name_len))
		return false;
	if (de->inode > fs->inodes_count || (de->inode && de->name_len == 0))
		return false;
	/* Reserved inodes (bad blocks, resize, journal ...) are never named, as e2fsck checks:
	 * unlinking one through a forged entry would free metadata. */
	if (de->inode && de->inode < fs->first_ino && de->inode != EXT2_ROOT_INO)
		return false;
	return true;
}

/* Whole blocks, no more than the filesystem has: the walk is bounded by the disk size. */
static int dir_nblocks(struct ext2_fs *fs, u32 dir_ino, const struct ext2_inode *dir, u32 *n)
{
	u32 size = dir->i_size;

	if (!ext2_is_dir(dir))
		return -ENOTDIR;
	if (size % fs->block_size || size / fs->block_size > fs->blocks_count)
		return ext2_corrupt(fs, "directory size", dir_ino);
	*n = size / fs->block_size;
	return 0;
}

/* Visit the entries of one directory block; returns the first non-zero visit result. */
static int walk_block(struct dir_walk *w, u64 block_pos, u32 block)
{
	struct ext2_fs *fs = w->fs;
	u32 offset = 0;
	int ret = 0;

	w->data = ext2_get_block(fs, block);
	if (!w->data)
		return -EIO;
	w->dirty = false;
	w->prev = NO_PREV;
	while (offset < fs->block_size && ret == 0) {
		struct ext2_dir_entry_2 *de = (void *)(w->data + offset);

		if (!dirent_ok(fs, w->data, offset)) {
			ret = ext2_corrupt(fs, "bad directory entry", block);
			break;
		}
		w->offset = offset;
		w->pos = block_pos + offset;
		ret = w->visit(w, de);
		w->prev = offset;
		offset += de->rec_len;
	}
	ext2_put_block(fs, block, w->data, w->dirty);
	w->data = NULL;
	return ret;
}

/* Visit every entry from block `first` on; 0 when all were visited. */
static int dir_walk(struct dir_walk *w, u32 first)
{
	u32 nblocks = 0, lb, block;
	int err = dir_nblocks(w->fs, w->dir_ino, w->dir, &nblocks);

	for (lb = first; !err && lb < nblocks; lb++) {
		err = ext2_bmap(w->fs, w->dir_ino, w->dir, lb, false, &block, NULL);
		if (!err && !block)
			err = ext2_corrupt(w->fs, "hole in directory", w->dir_ino);
		if (!err)
			err = walk_block(w, (u64)lb * w->fs->block_size, block);
	}
	return err;
}

unsigned int ext2_mode_to_ft(u16 mode)
{
	switch (mode & EXT2_S_IFMT) {
	case EXT2_S_IFREG: return EXT2_FT_REG_FILE;
	case EXT2_S_IFDIR: return EXT2_FT_DIR;
	case EXT2_S_IFCHR: return EXT2_FT_CHRDEV;
	case EXT2_S_IFBLK: return EXT2_FT_BLKDEV;
	case EXT2_S_IFIFO: return EXT2_FT_FIFO;
	case EXT2_S_IFSOCK: return EXT2_FT_SOCK;
	case EXT2_S_IFLNK: return EXT2_FT_SYMLINK;
	default: return EXT2_FT_UNKNOWN;
	}
}

/* Linux's DT_* values (include/linux/fs_types.h), as getdents64 returns them. */
unsigned int ext2_ft_to_dt(unsigned int file_type)
{
	static const u8 dt[EXT2_FT_MAX] = { 0, 8, 4, 2, 6, 1, 12, 10 };

	return file_type < EXT2_FT_MAX ? dt[file_type] : 0;
}

static unsigned int entry_type(const struct ext2_fs *fs, const struct ext2_dir_entry_2 *de)
{
	if (!ext2_has_filetype(fs) || de->file_type >= EXT2_FT_MAX)
		return EXT2_FT_UNKNOWN;
	return de->file_type;
}

static bool name_is(const struct ext2_dir_entry_2 *de, const char *name, size_t len)
{
	return de->inode && de->name_len == len && memcmp(de->name, name, len) == 0;
}

bool ext2_is_dot_or_dotdot(const char *name, size_t len)
{
	return (len == 1 && name[0] == '.') || (len == 2 && name[0] == '.' && name[1] == '.');
}

int ext2_check_new_name(const char *name, size_t len)
{
	size_t i;

	if (len == 0)
		return -EINVAL;
	if (len > EXT2_NAME_LEN)
		return -ENAMETOOLONG;
	for (i = 0; i < len; i++)
		if (name[i] == '/' || name[i] == '\0')
			return -EINVAL;
	if (ext2_is_dot_or_dotdot(name, len))
		return -EEXIST;
	return 0;
}

/* A directory we modify linearly stops being an htree: see the comment at the top. */
static int dir_modified(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir)
{
	dir->i_flags &= ~EXT2_INDEX_FL;
	dir->i_mtime = dir->i_ctime = ext2_now(fs);
	return ext2_write_inode(fs, dir_ino, dir);
}

/* ---- lookup ---- */

struct lookup_arg {
	const char *name;
	size_t len;
	u32 ino;
	unsigned int file_type;
};

static int visit_lookup(struct dir_walk *w, struct ext2_dir_entry_2 *de)
{
	struct lookup_arg *a = w->arg;

	if (!name_is(de, a->name, a->len))
		return 0;
	a->ino = de->inode;
	a->file_type = entry_type(w->fs, de);
	return 1;
}

int ext2_lookup_type(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
		     size_t len, u32 *ino, unsigned int *file_type)
{
	struct lookup_arg a = { name, len, 0, 0 };
	struct dir_walk w = { .fs = fs, .dir_ino = dir_ino, .dir = dir, .visit = visit_lookup,
			      .arg = &a };
	int ret;

	if (len > EXT2_NAME_LEN)
		return -ENAMETOOLONG;
	if (len == 0)
		return -ENOENT;
	ret = dir_walk(&w, 0);
	if (ret < 0)
		return ret;
	if (ret == 0)
		return -ENOENT;
	if (a.ino == 0 || a.ino > fs->inodes_count)
		return ext2_corrupt(fs, "bad inode number in directory", dir_ino);
	*ino = a.ino;
	if (file_type)
		*file_type = a.file_type;
	return 0;
}

int ext2_lookup(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
		size_t len, u32 *ino)
{
	return ext2_lookup_type(fs, dir_ino, dir, name, len, ino, NULL);
}

/* ---- readdir ---- */

struct readdir_arg {
	u64 *pos;
	ext2_filldir_t fill;
	void *arg;
};

static int visit_readdir(struct dir_walk *w, struct ext2_dir_entry_2 *de)
{
	struct readdir_arg *a = w->arg;

	if (w->pos < *a->pos)
		return 0;
	if (de->inode && a->fill(a->arg, de->name, de->name_len, de->inode, entry_type(w->fs, de)))
		return 1;	/* *pos stays at this entry: it is given again next time */
	*a->pos = w->pos + de->rec_len;
	return 0;
}

int ext2_readdir(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, u64 *pos,
		 ext2_filldir_t fill, void *arg)
{
	struct readdir_arg a = { pos, fill, arg };
	struct dir_walk w = { .fs = fs, .dir_ino = dir_ino, .dir = dir, .visit = visit_readdir,
			      .arg = &a };
	u64 first = *pos >> EXT2_BLOCK_SIZE_BITS;
	int ret;

	if (first >= fs->blocks_count)
		return ext2_is_dir(dir) ? 0 : -ENOTDIR;
	ret = dir_walk(&w, (u32)first);
	return ret < 0 ? ret : 0;
}

/* ---- adding an entry ---- */

struct add_arg {
	const char *name;
	size_t len;
	u32 ino;
	unsigned int file_type;
};

static void fill_entry(struct ext2_fs *fs, struct ext2_dir_entry_2 *de, const struct add_arg *a)
{
	de->inode = a->ino;
	de->name_len = (u8)a->len;
	de->file_type = ext2_has_filetype(fs) ? (u8)a->file_type : 0;
	memcpy(de->name, a->name, a->len);
}

/*
 * Room for the new entry: a free entry big enough, or the slack after a used entry's name
 * (the entry is then cut to its own length and the new one takes the rest).
 */
static int visit_add(struct dir_walk *w, struct ext2_dir_entry_2 *de)
{
	struct add_arg *a = w->arg;
	u32 needed = ext2_dir_rec_len((u32)a->len);
	u32 used = de->inode ? ext2_dir_rec_len(de->name_len) : 0;

	if (de->rec_len - used < needed)
		return 0;
	if (used) {
		struct ext2_dir_entry_2 *next = (void *)((u8 *)de + used);

		next->rec_len = (u16)(de->rec_len - used);
		de->rec_len = (u16)used;
		de = next;
	}
	fill_entry(w->fs, de, a);
	w->dirty = true;
	return 1;
}

/* No block had room: the entry gets a new block of its own at the end. */
static int add_block(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir,
		     const struct add_arg *a)
{
	u32 lb = dir->i_size / fs->block_size, block;
	struct ext2_dir_entry_2 *de;
	int err;

	if (dir->i_size > 0xffffffffu - fs->block_size)
		return -EFBIG;
	err = ext2_bmap(fs, dir_ino, dir, lb, true, &block, NULL);
	if (err)
		return err;
	de = ext2_get_block(fs, block);
	if (!de)
		return -EIO;
	memset(de, 0, fs->block_size);
	de->rec_len = (u16)fs->block_size;
	fill_entry(fs, de, a);
	ext2_put_block(fs, block, de, true);
	dir->i_size += fs->block_size;
	return 0;
}

int ext2_add_link(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
		  size_t len, u32 ino, unsigned int file_type)
{
	struct add_arg a = { name, len, ino, file_type };
	struct dir_walk w = { .fs = fs, .dir_ino = dir_ino, .dir = dir, .visit = visit_add,
			      .arg = &a };
	u32 existing;
	int err;

	if (fs->read_only)
		return -EROFS;
	err = ext2_check_new_name(name, len);
	if (err)
		return err;
	err = ext2_lookup(fs, dir_ino, dir, name, len, &existing);
	if (err != -ENOENT)
		return err ? err : -EEXIST;
	err = dir_walk(&w, 0);
	if (err == 0)
		err = add_block(fs, dir_ino, dir, &a);
	if (err < 0)
		return err;
	return dir_modified(fs, dir_ino, dir);
}

/* ---- deleting an entry ---- */

/* The entry before absorbs the deleted one; the first entry of a block just becomes free. */
static int visit_delete(struct dir_walk *w, struct ext2_dir_entry_2 *de)
{
	struct lookup_arg *a = w->arg;

	if (!name_is(de, a->name, a->len))
		return 0;
	a->ino = de->inode;
	if (w->prev == NO_PREV) {
		de->inode = 0;
	} else {
		struct ext2_dir_entry_2 *prev = (void *)(w->data + w->prev);

		prev->rec_len = (u16)(prev->rec_len + de->rec_len);
	}
	w->dirty = true;
	return 1;
}

int ext2_delete_entry(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
		      size_t len, u32 *ino)
{
	struct lookup_arg a = { name, len, 0, 0 };
	struct dir_walk w = { .fs = fs, .dir_ino = dir_ino, .dir = dir, .visit = visit_delete,
			      .arg = &a };
	int ret;

	if (fs->read_only)
		return -EROFS;
	if (len > EXT2_NAME_LEN)
		return -ENAMETOOLONG;
	if (len == 0)
		return -ENOENT;
	if (ext2_is_dot_or_dotdot(name, len))
		return -EINVAL;
	ret = dir_walk(&w, 0);
	if (ret < 0)
		return ret;
	if (ret == 0)
		return -ENOENT;
	*ino = a.ino;
	return dir_modified(fs, dir_ino, dir);
}

/* ---- pointing an entry at another inode (rename) ---- */

static int visit_set(struct dir_walk *w, struct ext2_dir_entry_2 *de)
{
	struct add_arg *a = w->arg;

	if (!de->inode || !name_is(de, a->name, a->len))
		return 0;
	de->inode = a->ino;
	if (ext2_has_filetype(w->fs))
		de->file_type = (u8)a->file_type;
	w->dirty = true;
	return 1;
}

int ext2_set_link(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir, const char *name,
		  size_t len, u32 ino, unsigned int file_type)
{
	struct add_arg a = { name, len, ino, file_type };
	struct dir_walk w = { .fs = fs, .dir_ino = dir_ino, .dir = dir, .visit = visit_set,
			      .arg = &a };
	int ret;

	if (fs->read_only)
		return -EROFS;
	if (len == 0 || len > EXT2_NAME_LEN)
		return -ENOENT;
	ret = dir_walk(&w, 0);
	if (ret < 0)
		return ret;
	if (ret == 0)
		return -ENOENT;
	return dir_modified(fs, dir_ino, dir);
}

/* ---- emptiness, and a new directory's first block ---- */

static int visit_empty(struct dir_walk *w, struct ext2_dir_entry_2 *de)
{
	if (de->inode && !ext2_is_dot_or_dotdot(de->name, de->name_len))
		return 1;
	return 0;
}

int ext2_dir_is_empty(struct ext2_fs *fs, u32 dir_ino, struct ext2_inode *dir)
{
	struct dir_walk w = { .fs = fs, .dir_ino = dir_ino, .dir = dir, .visit = visit_empty };
	int ret = dir_walk(&w, 0);

	if (ret < 0)
		return ret;
	return ret == 0;
}

/*
 *   | ino, 12, 1, DIR, "."  | parent, 4084, 2, DIR, ".." ... (rest of the block) |
 */
int ext2_make_empty_dir(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode, u32 parent_ino)
{
	struct ext2_dir_entry_2 *dot, *dotdot;
	u32 block;
	u8 *data;
	int err = ext2_bmap(fs, ino, inode, 0, true, &block, NULL);

	if (err)
		return err;
	data = ext2_get_block(fs, block);
	if (!data)
		return -EIO;
	memset(data, 0, fs->block_size);
	dot = (void *)data;
	dot->inode = ino;
	dot->rec_len = (u16)ext2_dir_rec_len(1);
	dot->name_len = 1;
	dot->file_type = ext2_has_filetype(fs) ? EXT2_FT_DIR : 0;
	dot->name[0] = '.';
	dotdot = (void *)(data + dot->rec_len);
	dotdot->inode = parent_ino;
	dotdot->rec_len = (u16)(fs->block_size - dot->rec_len);
	dotdot->name_len = 2;
	dotdot->file_type = dot->file_type;
	dotdot->name[0] = '.';
	dotdot->name[1] = '.';
	ext2_put_block(fs, block, data, true);
	inode->i_size = fs->block_size;
	return ext2_write_inode(fs, ino, inode);
}
