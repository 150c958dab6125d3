// SPDX-License-Identifier: MIT
/*
 * The inode cache: one struct inode per (super block, inode number) in memory at a time,
 * shared by everyone who has the file open or is looking at it. iget() finds or reads it;
 * iput() drops a reference, and the last one writes it back if dirty and, for a file with
 * no links left, frees it on disk.
 */
#include <fs/fs.h>
#include <mm/slab.h>
#include <mm/pagemap.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/panic.h>
#include <lib/string.h>

void address_space_init(struct address_space *mapping, struct inode *host)
{
	mapping->host = host;
	INIT_RADIX_TREE(&mapping->page_tree);
	spin_lock_init(&mapping->tree_lock);
	INIT_LIST_HEAD(&mapping->i_mmap);
	INIT_LIST_HEAD(&mapping->i_mmap_nonlinear);
	spin_lock_init(&mapping->i_mmap_lock);
	host->i_mapping = mapping;
}

static struct inode *inode_alloc(struct super_block *sb, unsigned long ino)
{
	struct inode *inode = kzalloc(sizeof(*inode));

	if (!inode)
		return NULL;
	inode->i_ino = ino;
	inode->i_sb = sb;
	inode->i_count = 1;
	address_space_init(&inode->i_data, inode);
	mutex_init(&inode->i_mutex);
	INIT_LIST_HEAD(&inode->i_sb_list);
	return inode;
}

static struct inode *find_cached(struct super_block *sb, unsigned long ino)
{
	struct inode *inode;

	list_for_each_entry(inode, &sb->s_inodes, i_sb_list)
		if (inode->i_ino == ino) {
			inode->i_count++;
			return inode;
		}
	return NULL;
}

struct inode *iget(struct super_block *sb, unsigned long ino)
{
	struct inode *inode, *other;
	unsigned long flags;
	int err;

	spin_lock_irqsave(&sb->s_inode_lock, flags);
	inode = find_cached(sb, ino);
	spin_unlock_irqrestore(&sb->s_inode_lock, flags);
	if (inode)
		return inode;

	inode = inode_alloc(sb, ino);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	err = sb->s_op->read_inode(inode);
	if (err) {
		kfree(inode);
		return ERR_PTR(err);
	}
	spin_lock_irqsave(&sb->s_inode_lock, flags);
	other = find_cached(sb, ino);	/* read by another thread meanwhile? use theirs */
	if (!other)
		list_add(&inode->i_sb_list, &sb->s_inodes);
	spin_unlock_irqrestore(&sb->s_inode_lock, flags);
	if (other) {
		kfree(inode->i_private);
		kfree(inode);
		return other;
	}
	return inode;
}

void ihold(struct inode *inode)
{
	unsigned long flags;

	spin_lock_irqsave(&inode->i_sb->s_inode_lock, flags);
	inode->i_count++;
	spin_unlock_irqrestore(&inode->i_sb->s_inode_lock, flags);
}

void mark_inode_dirty(struct inode *inode)
{
	inode->i_dirty = true;
}

int write_inode_now(struct inode *inode)
{
	if (!inode->i_dirty)
		return 0;
	inode->i_dirty = false;
	return inode->i_sb->s_op->write_inode(inode);
}

/*
 * Inodes stay cached while the file system is mounted (they are small and this kernel has
 * no inode reclaim); only an unlinked inode is dropped at its last iput, after its pages.
 */
void iput(struct inode *inode)
{
	struct super_block *sb;
	unsigned long flags;
	bool last;

	if (!inode)
		return;
	sb = inode->i_sb;
	spin_lock_irqsave(&sb->s_inode_lock, flags);
	BUG_ON(inode->i_count <= 0);
	last = --inode->i_count == 0 && inode->i_nlink == 0;
	if (last)
		list_del(&inode->i_sb_list);
	spin_unlock_irqrestore(&sb->s_inode_lock, flags);
	if (!last)
		return;
	truncate_inode_pages(inode->i_mapping, 0);
	if (sb->s_op && sb->s_op->evict_inode)
		sb->s_op->evict_inode(inode);
	kfree(inode->i_private);
	kfree(inode);
}

int sync_inodes_sb(struct super_block *sb)
{
	struct inode *inode;
	int err = 0, e;

	/* Inodes are only removed from s_inodes by the last iput of an unlinked file, which
	 * needs s_mutex held by the caller of namespace changes; sync holds s_mutex too. */
	list_for_each_entry(inode, &sb->s_inodes, i_sb_list) {
		e = filemap_write_and_wait(inode->i_mapping);
		if (e && !err)
			err = e;
		e = write_inode_now(inode);
		if (e && !err)
			err = e;
	}
	return err;
}
