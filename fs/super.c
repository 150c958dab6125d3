// SPDX-License-Identifier: MIT
/*
 * Filesystem types, the mount table, and sync. A mount attaches the root directory of a
 * filesystem (a super block on a block device) to a directory of an already mounted one;
 * path lookup crosses it with follow_mount() on the way down and mount_point_of() on the
 * way up ("..").
 */
#include <fs/fs.h>
#include <block/blkdev.h>
#include <mm/pagemap.h>
#include <mm/slab.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <lib/string.h>

struct vfsmount {
	struct super_block *sb;
	struct inode *root;		/* the filesystem's root directory */
	struct inode *mountpoint;	/* the directory it covers; NULL for / */
	struct list_head list;
};

struct inode *root_inode;
static LIST_HEAD(filesystems);
static LIST_HEAD(mounts);
static DEFINE_MUTEX(mount_mutex);	/* the mount table; sleeps inside (I/O) */

int register_filesystem(struct file_system_type *fs)
{
	list_add_tail(&fs->list, &filesystems);
	return 0;
}

static struct file_system_type *find_filesystem(const char *name)
{
	struct file_system_type *fs;

	list_for_each_entry(fs, &filesystems, list)
		if (!strcmp(fs->name, name))
			return fs;
	return NULL;
}

struct inode *follow_mount(struct inode *dir)
{
	struct vfsmount *mnt;

	list_for_each_entry(mnt, &mounts, list)
		if (mnt->mountpoint == dir) {
			ihold(mnt->root);
			iput(dir);
			return mnt->root;
		}
	return dir;
}

struct inode *mount_point_of(struct inode *root)
{
	struct vfsmount *mnt;

	list_for_each_entry(mnt, &mounts, list)
		if (mnt->root == root)
			return mnt->mountpoint;
	return NULL;
}

bool is_mountpoint(struct inode *dir)
{
	struct vfsmount *mnt;

	list_for_each_entry(mnt, &mounts, list)
		if (mnt->mountpoint == dir)
			return true;
	return false;
}

static struct vfsmount *mount_of_bdev(struct block_device *bdev)
{
	struct vfsmount *mnt;

	list_for_each_entry(mnt, &mounts, list)
		if (bdev && mnt->sb->s_bdev == bdev)
			return mnt;
	return NULL;
}

/* Reads the super block of bdev as fstype; returns the new super block or ERR_PTR. */
static struct super_block *read_super(struct block_device *bdev, const char *fstype,
				      bool read_only)
{
	struct file_system_type *type = find_filesystem(fstype);
	struct super_block *sb;
	int err;

	if (!type)
		return ERR_PTR(-ENODEV);
	if (!type->nodev && !bdev)
		return ERR_PTR(-ENOTBLK);
	if (bdev && !bdev_inode(bdev))
		return ERR_PTR(-ENOMEM);
	sb = kzalloc(sizeof(*sb));
	if (!sb)
		return ERR_PTR(-ENOMEM);
	sb->s_bdev = bdev;
	sb->s_type = type;
	sb->s_rdonly = read_only || (bdev && bdev->read_only);
	INIT_LIST_HEAD(&sb->s_inodes);
	spin_lock_init(&sb->s_inode_lock);
	mutex_init(&sb->s_mutex);
	err = type->fill_super(sb, sb->s_rdonly);
	if (err) {
		kfree(sb);
		return ERR_PTR(err);
	}
	return sb;
}

static int add_mount(struct super_block *sb, struct inode *mountpoint)
{
	struct vfsmount *mnt = kzalloc(sizeof(*mnt));

	if (!mnt)
		return -ENOMEM;
	mnt->sb = sb;
	mnt->root = sb->s_root;
	mnt->mountpoint = mountpoint;
	list_add_tail(&mnt->list, &mounts);
	return 0;
}

int mount_root(const char *dev, const char *fstype)
{
	struct block_device *bdev = lookup_bdev(dev);
	struct super_block *sb;
	int err;

	if (!bdev) {
		printk(KERN_ERR "VFS: cannot open root device %s\n", dev);
		return -ENODEV;
	}
	sb = read_super(bdev, fstype, false);
	if (IS_ERR(sb)) {
		printk(KERN_ERR "VFS: cannot mount root %s as %s: error %ld\n", dev, fstype,
		       PTR_ERR(sb));
		return PTR_ERR(sb);
	}
	mutex_lock(&mount_mutex);
	err = add_mount(sb, NULL);
	if (!err)
		root_inode = sb->s_root;
	mutex_unlock(&mount_mutex);
	if (!err)
		printk(KERN_INFO "VFS: mounted root (%s filesystem%s) on device %s\n", fstype,
		       sb->s_rdonly ? ", read-only" : "", bdev->name);
	return err;
}

int do_mount(const char *dev, const char *dir, const char *fstype, bool read_only)
{
	struct file_system_type *type = find_filesystem(fstype);
	struct block_device *bdev = NULL;
	struct inode *target;
	struct super_block *sb;
	int err;

	if (!type)
		return -ENODEV;
	if (!type->nodev) {
		bdev = lookup_bdev(dev);
		if (!bdev)
			return -ENOTBLK;
	}
	target = namei(dir);
	if (IS_ERR(target))
		return PTR_ERR(target);
	if (!S_ISDIR(target->i_mode)) {
		iput(target);
		return -ENOTDIR;
	}
	mutex_lock(&mount_mutex);
	if (mount_of_bdev(bdev) || mount_point_of(target) || target == root_inode) {
		err = -EBUSY;	/* device already mounted, or dir is a mount root already */
		goto out;
	}
	sb = read_super(bdev, fstype, read_only);
	if (IS_ERR(sb)) {
		err = PTR_ERR(sb);
		goto out;
	}
	err = add_mount(sb, target);	/* keeps the reference on target */
	if (!err) {
		mutex_unlock(&mount_mutex);
		return 0;
	}
out:
	mutex_unlock(&mount_mutex);
	iput(target);
	return err;
}

static int sync_sb(struct super_block *sb)
{
	int err, e;

	mutex_lock(&sb->s_mutex);
	err = sync_inodes_sb(sb);
	if (sb->s_op->sync_fs) {
		e = sb->s_op->sync_fs(sb);
		if (e && !err)
			err = e;
	}
	if (sb->s_bdev) {
		e = filemap_write_and_wait(sb->s_bdev->bd_inode->i_mapping);
		if (e && !err)
			err = e;
	}
	mutex_unlock(&sb->s_mutex);
	return err;
}

void sync_filesystems(void)
{
	struct vfsmount *mnt;

	mutex_lock(&mount_mutex);
	list_for_each_entry(mnt, &mounts, list)
		if (!mnt->sb->s_rdonly)
			sync_sb(mnt->sb);
	mutex_unlock(&mount_mutex);
}

int do_umount(const char *dir)
{
	struct inode *root = namei(dir);
	struct vfsmount *mnt, *found = NULL;
	struct super_block *sb;
	struct inode *inode, *next;
	int err = 0;

	if (IS_ERR(root))
		return PTR_ERR(root);
	mutex_lock(&mount_mutex);
	list_for_each_entry(mnt, &mounts, list)
		if (mnt->root == root && mnt->mountpoint)
			found = mnt;
	iput(root);
	if (!found) {
		err = -EINVAL;	/* not a mount point (and / cannot be unmounted) */
		goto out;
	}
	sb = found->sb;
	/* Busy if anything but the root holds a reference (an open file, a lookup in
	 * progress), or the root has more than the mount's own. */
	list_for_each_entry(inode, &sb->s_inodes, i_sb_list)
		if (inode->i_count > (inode == sb->s_root ? 1 : 0))
			err = -EBUSY;
	if (err)
		goto out;
	if (!sb->s_rdonly)
		err = sync_sb(sb);
	list_del(&found->list);
	iput(found->mountpoint);
	if (sb->s_op->put_super)
		sb->s_op->put_super(sb);
	list_for_each_entry_safe(inode, next, &sb->s_inodes, i_sb_list) {
		truncate_inode_pages(inode->i_mapping, 0);
		kfree(inode->i_private);
		kfree(inode);
	}
	if (sb->s_bdev)
		truncate_inode_pages(sb->s_bdev->bd_inode->i_mapping, 0);
	kfree(sb);
	kfree(found);
out:
	mutex_unlock(&mount_mutex);
	return err;
}
