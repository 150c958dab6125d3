// SPDX-License-Identifier: MIT
/*
 * Inodes that belong to no filesystem on disk: the console and pipes. They live in a
 * pseudo super block with no operations and disappear at their last iput.
 */
#include <fs/fs.h>
#include <mm/slab.h>

static struct super_block anon_sb = {
	.s_inodes = LIST_HEAD_INIT(anon_sb.s_inodes),
};
static unsigned long anon_ino = 1;

struct inode *anon_inode_new(umode_t mode, const struct file_operations *fops)
{
	struct inode *inode = kzalloc(sizeof(*inode));

	if (!inode)
		return NULL;
	inode->i_ino = __atomic_fetch_add(&anon_ino, 1, __ATOMIC_SEQ_CST);
	inode->i_mode = mode;
	inode->i_nlink = 0;		/* freed at the last iput */
	inode->i_count = 1;
	inode->i_sb = &anon_sb;
	inode->i_fop = fops;
	address_space_init(&inode->i_data, inode);
	mutex_init(&inode->i_mutex);
	INIT_LIST_HEAD(&inode->i_sb_list);
	list_add(&inode->i_sb_list, &anon_sb.s_inodes);
	return inode;
}
