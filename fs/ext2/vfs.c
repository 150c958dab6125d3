// SPDX-License-Identifier: MIT
/*
 * ext2 in the kernel: the glue between the on-disk logic of fs/ext2/ (pure functions over
 * blocks, also run by the host tests) and the VFS, the page cache and the block layer.
 *
 *   metadata blocks  -> the block device's page cache (block n = page n: 4 KiB blocks)
 *   file data pages  -> the file's own page cache; readpage/writepage map the page to its
 *                       disk block with ext2_bmap and move it with one bio
 *
 * The pure code is not reentrant, so every call into it holds the filesystem's mutex; the
 * mutex may be held across I/O (a metadata read sleeps on its page lock).
 */
#include <fs/fs.h>
#include <fs/ext2.h>
#include <block/blkdev.h>
#include <mm/pagemap.h>
#include <mm/page_alloc.h>
#include <mm/slab.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/timer.h>
#include <lib/string.h>

struct ext2_sb_info {
	struct ext2_fs fs;
	struct mutex lock;		/* around every call into the on-disk logic */
	struct block_device *bdev;
};

struct ext2_inode_info {
	struct ext2_inode raw;		/* the on-disk inode, as the pure code updates it */
	bool freed;			/* rmdir freed it on disk already */
};

static const struct inode_operations ext2_dir_iops, ext2_file_iops, ext2_symlink_iops;
static const struct file_operations ext2_dir_fops, ext2_file_fops;
static const struct address_space_operations ext2_aops;

static struct ext2_sb_info *EXT2_SB(struct super_block *sb)
{
	return sb->s_fs_info;
}

static struct ext2_inode_info *EXT2_I(struct inode *inode)
{
	return inode->i_private;
}

/* ---- metadata blocks through the block device's page cache ----------------------------- */

static void *ext2_get_block(void *ctx, u32 block)
{
	struct ext2_sb_info *sbi = ctx;
	struct page *page = read_cache_page(sbi->bdev->bd_inode->i_mapping, block);

	return IS_ERR(page) ? NULL : page_address(page);
}

static void ext2_put_block(void *ctx, u32 block, void *data, bool dirty)
{
	struct page *page = virt_to_page(data);

	if (dirty)
		set_page_dirty(page);
	put_page(page);
}

static void *ext2_alloc(size_t size)
{
	return kmalloc(size);
}

static void ext2_free(void *ptr)
{
	kfree(ptr);
}

static u32 ext2_clock(void *ctx)
{
	return realtime_seconds();	/* the RTC's time at boot plus the monotonic clock */
}

static const struct ext2_block_ops ext2_kernel_block_ops = {
	.get_block = ext2_get_block,
	.put_block = ext2_put_block,
	.alloc = ext2_alloc,
	.free = ext2_free,
	.now = ext2_clock,
};

/* A block that becomes file data must not linger in the device's page cache: a stale,
 * perhaps dirty, copy there (an old directory block, say) would later be written over it. */
static void forget_metadata_block(struct ext2_sb_info *sbi, u32 block)
{
	struct address_space *mapping = sbi->bdev->bd_inode->i_mapping;

	invalidate_mapping_page(mapping, block);
}

/* ---- inodes ----------------------------------------------------------------------------- */

/* The VFS fields follow the raw inode after every change the pure code made. */
static void ext2_sync_vfs_inode(struct inode *inode)
{
	struct ext2_inode *raw = &EXT2_I(inode)->raw;

	inode->i_mode = raw->i_mode;
	inode->i_nlink = raw->i_links_count;
	inode->i_uid = raw->i_uid;
	inode->i_gid = raw->i_gid;
	inode->i_size = (loff_t)ext2_inode_size(raw);
	inode->i_atime = raw->i_atime;
	inode->i_mtime = raw->i_mtime;
	inode->i_ctime = raw->i_ctime;
}

static int ext2_read_vfs_inode(struct inode *inode)
{
	struct ext2_sb_info *sbi = EXT2_SB(inode->i_sb);
	struct ext2_inode_info *ei = kzalloc(sizeof(*ei));
	int err;

	if (!ei)
		return -ENOMEM;
	mutex_lock(&sbi->lock);
	err = ext2_read_inode(&sbi->fs, inode->i_ino, &ei->raw);
	mutex_unlock(&sbi->lock);
	if (err) {
		kfree(ei);
		return err;
	}
	inode->i_private = ei;
	ext2_sync_vfs_inode(inode);
	inode->i_mapping->a_ops = &ext2_aops;
	if (S_ISDIR(inode->i_mode)) {
		inode->i_op = &ext2_dir_iops;
		inode->i_fop = &ext2_dir_fops;
	} else if (S_ISLNK(inode->i_mode)) {
		inode->i_op = &ext2_symlink_iops;
	} else {
		inode->i_op = &ext2_file_iops;
		inode->i_fop = &ext2_file_fops;
	}
	return 0;
}

static int ext2_write_vfs_inode(struct inode *inode)
{
	struct ext2_sb_info *sbi = EXT2_SB(inode->i_sb);
	struct ext2_inode_info *ei = EXT2_I(inode);
	int err;

	if (ei->freed)
		return 0;
	mutex_lock(&sbi->lock);
	ext2_inode_set_size(&ei->raw, inode->i_size);
	ei->raw.i_mtime = inode->i_mtime;
	ei->raw.i_ctime = inode->i_ctime;
	ei->raw.i_mode = (u16)inode->i_mode;	/* chmod changes it in the VFS inode */
	err = ext2_write_inode(&sbi->fs, inode->i_ino, &ei->raw);
	mutex_unlock(&sbi->lock);
	return err;
}

static void ext2_evict_vfs_inode(struct inode *inode)
{
	struct ext2_sb_info *sbi = EXT2_SB(inode->i_sb);
	struct ext2_inode_info *ei = EXT2_I(inode);

	if (ei->freed || inode->i_sb->s_rdonly)
		return;
	mutex_lock(&sbi->lock);
	ext2_evict_inode(&sbi->fs, inode->i_ino, &ei->raw);
	mutex_unlock(&sbi->lock);
}

/* ---- file data through the page cache ------------------------------------------------- */

static int ext2_readpage(struct file *file, struct page *page)
{
	struct inode *inode = page->mapping->host;
	struct ext2_sb_info *sbi = EXT2_SB(inode->i_sb);
	u32 block = 0;
	int err;

	mutex_lock(&sbi->lock);
	err = ext2_bmap(&sbi->fs, inode->i_ino, &EXT2_I(inode)->raw, page->index, false, &block,
			NULL);
	mutex_unlock(&sbi->lock);
	if (err) {
		SetPageError(page);
		unlock_page(page);
		return err;
	}
	if (block == 0) {		/* a hole reads as zeros, no I/O */
		memset(page_address(page), 0, PAGE_SIZE);
		SetPageUptodate(page);
		unlock_page(page);
		return 0;
	}
	return bdev_read_page_async(sbi->bdev, page, (sector_t)block * (PAGE_SIZE / SECTOR_SIZE));
}

/* Finds (allocating if needed) the disk block of page `index`. */
static int ext2_map_for_write(struct inode *inode, unsigned long index, u32 *block)
{
	struct ext2_sb_info *sbi = EXT2_SB(inode->i_sb);
	bool created = false;
	int err;

	mutex_lock(&sbi->lock);
	err = ext2_bmap(&sbi->fs, inode->i_ino, &EXT2_I(inode)->raw, index, true, block, &created);
	mutex_unlock(&sbi->lock);
	if (!err && created)
		forget_metadata_block(sbi, *block);
	return err;
}

static int ext2_write_begin(struct inode *inode, unsigned long index)
{
	u32 block;

	return ext2_map_for_write(inode, index, &block);
}

static int ext2_writepage(struct page *page)
{
	struct inode *inode = page->mapping->host;
	struct ext2_sb_info *sbi = EXT2_SB(inode->i_sb);
	u32 block;
	int err = ext2_map_for_write(inode, page->index, &block);

	if (!err)
		err = bdev_write_page_sync(sbi->bdev, page,
					   (sector_t)block * (PAGE_SIZE / SECTOR_SIZE));
	if (err)
		set_page_dirty(page);	/* keep the data: nothing is lost on a failed write */
	unlock_page(page);
	return err;
}

static const struct address_space_operations ext2_aops = {
	.readpage = ext2_readpage,
	.writepage = ext2_writepage,
	.write_begin = ext2_write_begin,
};

/* ---- directories -------------------------------------------------------------------- */

static struct inode *ext2_vfs_lookup(struct inode *dir, const char *name, size_t len)
{
	struct ext2_sb_info *sbi = EXT2_SB(dir->i_sb);
	u32 ino = 0;
	int err;

	mutex_lock(&sbi->lock);
	err = ext2_lookup(&sbi->fs, dir->i_ino, &EXT2_I(dir)->raw, name, len, &ino);
	mutex_unlock(&sbi->lock);
	if (err)
		return ERR_PTR(err);
	return iget(dir->i_sb, ino);
}

/* After the pure code changed dir's raw inode (size, links, times). */
static void dir_changed(struct inode *dir)
{
	ext2_sync_vfs_inode(dir);
}

static struct inode *ext2_vfs_create(struct inode *dir, const char *name, size_t len,
				     umode_t mode)
{
	struct ext2_sb_info *sbi = EXT2_SB(dir->i_sb);
	u32 ino;
	int err;

	mutex_lock(&sbi->lock);
	err = ext2_create(&sbi->fs, dir->i_ino, &EXT2_I(dir)->raw, name, len, (u16)mode, &ino,
			  NULL);
	mutex_unlock(&sbi->lock);
	dir_changed(dir);
	return err ? ERR_PTR(err) : iget(dir->i_sb, ino);
}

static struct inode *ext2_vfs_mkdir(struct inode *dir, const char *name, size_t len,
				    umode_t mode)
{
	struct ext2_sb_info *sbi = EXT2_SB(dir->i_sb);
	u32 ino;
	int err;

	mutex_lock(&sbi->lock);
	err = ext2_mkdir(&sbi->fs, dir->i_ino, &EXT2_I(dir)->raw, name, len,
			 (u16)(S_IFDIR | (mode & 07777)), &ino, NULL);
	mutex_unlock(&sbi->lock);
	dir_changed(dir);
	return err ? ERR_PTR(err) : iget(dir->i_sb, ino);
}

static int ext2_vfs_unlink(struct inode *dir, const char *name, size_t len)
{
	struct ext2_sb_info *sbi = EXT2_SB(dir->i_sb);
	struct inode *victim = ext2_vfs_lookup(dir, name, len);
	u32 ino;
	int err;

	if (IS_ERR(victim))
		return PTR_ERR(victim);
	/* The on-disk inode must be current before the pure code reads and rewrites it. */
	write_inode_now(victim);
	mutex_lock(&sbi->lock);
	err = ext2_remove_link(&sbi->fs, dir->i_ino, &EXT2_I(dir)->raw, name, len, &ino,
			       &EXT2_I(victim)->raw);
	mutex_unlock(&sbi->lock);
	dir_changed(dir);
	if (!err)
		ext2_sync_vfs_inode(victim);	/* i_nlink may now be 0: freed at the last iput */
	iput(victim);
	return err;
}

static int ext2_vfs_rmdir(struct inode *dir, const char *name, size_t len)
{
	struct ext2_sb_info *sbi = EXT2_SB(dir->i_sb);
	struct inode *victim = ext2_vfs_lookup(dir, name, len);
	int err;

	if (IS_ERR(victim))
		return PTR_ERR(victim);
	mutex_lock(&sbi->lock);
	err = ext2_rmdir(&sbi->fs, dir->i_ino, &EXT2_I(dir)->raw, name, len);
	mutex_unlock(&sbi->lock);
	dir_changed(dir);
	if (!err) {
		EXT2_I(victim)->freed = true;	/* ext2_rmdir freed it on disk */
		victim->i_nlink = 0;
	}
	iput(victim);
	return err;
}

static int ext2_vfs_link(struct inode *inode, struct inode *dir, const char *name, size_t len)
{
	struct ext2_sb_info *sbi = EXT2_SB(dir->i_sb);
	int err;

	write_inode_now(inode);		/* ext2_link rewrites the on-disk inode from raw */
	mutex_lock(&sbi->lock);
	err = ext2_link(&sbi->fs, dir->i_ino, &EXT2_I(dir)->raw, name, len, inode->i_ino,
			&EXT2_I(inode)->raw);
	mutex_unlock(&sbi->lock);
	dir_changed(dir);
	ext2_sync_vfs_inode(inode);
	return err;
}

static struct inode *ext2_vfs_symlink(struct inode *dir, const char *name, size_t len,
				      const char *target)
{
	struct ext2_sb_info *sbi = EXT2_SB(dir->i_sb);
	u32 ino;
	int err;

	mutex_lock(&sbi->lock);
	err = ext2_symlink(&sbi->fs, dir->i_ino, &EXT2_I(dir)->raw, name, len, target,
			   strlen(target), &ino);
	mutex_unlock(&sbi->lock);
	dir_changed(dir);
	return err ? ERR_PTR(err) : iget(dir->i_sb, ino);
}

/*
 * The pure code updates the raw inodes it is given: the two directories (one struct when they
 * are the same directory, as the VFS inode is then the same), the moved inode and the one it
 * replaces, so it gets the copies this inode cache holds. The VFS holds s_mutex: the names
 * still name moved and target.
 */
static int ext2_vfs_rename(struct inode *old_dir, const char *old_name, size_t old_len,
			   struct inode *moved, struct inode *new_dir, const char *new_name,
			   size_t new_len, struct inode *target)
{
	struct ext2_sb_info *sbi = EXT2_SB(old_dir->i_sb);
	struct ext2_name from = { .dir_ino = old_dir->i_ino, .dir = &EXT2_I(old_dir)->raw,
				  .name = old_name, .len = old_len };
	struct ext2_name to = { .dir_ino = new_dir->i_ino, .dir = &EXT2_I(new_dir)->raw,
				.name = new_name, .len = new_len };
	struct ext2_inode none;
	int err;

	write_inode_now(moved);
	if (target)
		write_inode_now(target);
	from.inode = &EXT2_I(moved)->raw;
	to.inode = target ? &EXT2_I(target)->raw : &none;
	mutex_lock(&sbi->lock);
	err = ext2_rename(&sbi->fs, &from, &to);
	mutex_unlock(&sbi->lock);
	dir_changed(old_dir);
	dir_changed(new_dir);
	ext2_sync_vfs_inode(moved);
	if (target)
		ext2_sync_vfs_inode(target);	/* no links left: freed at its last iput */
	return err;
}

struct readdir_ctx {
	filldir_t fill;
	void *arg;
	u64 pos;
};

static int ext2_fill_one(void *arg, const char *name, size_t len, u32 ino, unsigned int ft)
{
	struct readdir_ctx *rc = arg;

	return rc->fill(rc->arg, name, len, (loff_t)rc->pos, ino, ext2_ft_to_dt(ft));
}

static int ext2_vfs_iterate(struct file *file, filldir_t fill, void *arg)
{
	struct inode *dir = file->f_inode;
	struct ext2_sb_info *sbi = EXT2_SB(dir->i_sb);
	struct readdir_ctx rc = { fill, arg, 0 };
	u64 pos = (u64)file->f_pos;
	int err;

	mutex_lock(&sbi->lock);
	rc.pos = pos;
	err = ext2_readdir(&sbi->fs, dir->i_ino, &EXT2_I(dir)->raw, &pos, ext2_fill_one, &rc);
	mutex_unlock(&sbi->lock);
	file->f_pos = (loff_t)pos;
	return err;
}

static int ext2_vfs_readlink(struct inode *inode, char *buf, size_t len)
{
	struct ext2_sb_info *sbi = EXT2_SB(inode->i_sb);
	ssize_t n;

	mutex_lock(&sbi->lock);
	n = ext2_readlink(&sbi->fs, inode->i_ino, &EXT2_I(inode)->raw, buf, len);
	mutex_unlock(&sbi->lock);
	return (int)n;
}

static int ext2_vfs_setsize(struct inode *inode, loff_t size)
{
	struct ext2_sb_info *sbi = EXT2_SB(inode->i_sb);
	int err;

	/* The VFS zeroed the tail of the last page in the page cache already. */
	mutex_lock(&sbi->lock);
	ext2_inode_set_size(&EXT2_I(inode)->raw, inode->i_size);
	err = ext2_truncate_blocks(&sbi->fs, inode->i_ino, &EXT2_I(inode)->raw, (u64)size);
	mutex_unlock(&sbi->lock);
	return err;
}

static const struct inode_operations ext2_dir_iops = {
	.lookup = ext2_vfs_lookup,
	.create = ext2_vfs_create,
	.mkdir = ext2_vfs_mkdir,
	.unlink = ext2_vfs_unlink,
	.rmdir = ext2_vfs_rmdir,
	.link = ext2_vfs_link,
	.symlink = ext2_vfs_symlink,
	.rename = ext2_vfs_rename,
};

static const struct inode_operations ext2_file_iops = {
	.setsize = ext2_vfs_setsize,
};

static const struct inode_operations ext2_symlink_iops = {
	.readlink = ext2_vfs_readlink,
};

static const struct file_operations ext2_dir_fops = {
	.iterate = ext2_vfs_iterate,
	.llseek = generic_file_llseek,
};

static const struct file_operations ext2_file_fops = {
	.read = generic_file_read,
	.write = generic_file_write,
	.llseek = generic_file_llseek,
	.fsync = generic_file_fsync,
	.mmap = generic_file_mmap,
};

/* ---- the super block -------------------------------------------------------------- */

static int ext2_sync_fs(struct super_block *sb)
{
	return 0;	/* superblock and descriptors are written through the device's pages */
}

static void ext2_put_super(struct super_block *sb)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);

	mutex_lock(&sbi->lock);
	ext2_unmount(&sbi->fs);
	mutex_unlock(&sbi->lock);
	filemap_write_and_wait(sbi->bdev->bd_inode->i_mapping);
	kfree(sbi);
}

static const struct super_operations ext2_sops = {
	.read_inode = ext2_read_vfs_inode,
	.write_inode = ext2_write_vfs_inode,
	.evict_inode = ext2_evict_vfs_inode,
	.sync_fs = ext2_sync_fs,
	.put_super = ext2_put_super,
};

static int ext2_fill_super(struct super_block *sb, bool read_only)
{
	struct ext2_sb_info *sbi = kzalloc(sizeof(*sbi));
	char msg[128];
	struct inode *root;
	int err;

	if (!sbi)
		return -ENOMEM;
	sbi->bdev = sb->s_bdev;
	mutex_init(&sbi->lock);
	err = ext2_mount(&sbi->fs, &ext2_kernel_block_ops, sbi,
			 (u64)sb->s_bdev->nr_sectors * SECTOR_SIZE, read_only, msg, sizeof(msg));
	if (err) {
		printk(KERN_ERR "%s (device %s)\n", msg, sb->s_bdev->name);
		kfree(sbi);
		return err;
	}
	sb->s_rdonly = sbi->fs.read_only;
	sb->s_fs_info = sbi;
	sb->s_op = &ext2_sops;
	root = iget(sb, EXT2_ROOT_INO);
	if (IS_ERR(root) || !S_ISDIR(root->i_mode)) {
		printk(KERN_ERR "ext2: %s: the root inode is not a directory\n", sb->s_bdev->name);
		if (!IS_ERR(root))
			iput(root);
		ext2_unmount(&sbi->fs);
		kfree(sbi);
		return -EINVAL;
	}
	sb->s_root = root;
	return 0;
}

static struct file_system_type ext2_fs_type = {
	.name = "ext2",
	.fill_super = ext2_fill_super,
};

void ext2_init(void)
{
	register_filesystem(&ext2_fs_type);
}
