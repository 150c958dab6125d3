// SPDX-License-Identifier: MIT
/*
 * Shared anonymous memory (MAP_SHARED | MAP_ANONYMOUS), in the spirit of Linux's shmem
 * (seed 002): the mapping is backed by an in-memory file with no name. Its pages live in
 * that file's page cache, so the VMA copy a fork makes maps the very same pages, and a write
 * by either process is seen by the other. A page is zero-filled the first time it is read;
 * "writing it back" keeps it in memory (there is nothing behind it until swap exists).
 */
#include <mm/mmap.h>
#include <mm/pagemap.h>
#include <mm/page_alloc.h>
#include <fs/fs.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <mm/slab.h>
#include <lib/string.h>

static int shmem_readpage(struct file *file, struct page *page)
{
	clear_page(page_address(page));
	SetPageUptodate(page);
	unlock_page(page);
	return 0;
}

static int shmem_writepage(struct page *page)
{
	set_page_dirty(page);	/* only memory holds it: it stays */
	unlock_page(page);
	return 0;
}

static const struct address_space_operations shmem_aops = {
	.readpage = shmem_readpage,
	.writepage = shmem_writepage,
};

static const struct file_operations shmem_fops = {
	.mmap = generic_file_mmap,
	.fsync = generic_file_fsync,
};

/* An unnamed in-memory file of `size` bytes, opened read-write. */
struct file *shmem_file_setup(loff_t size)
{
	struct inode *inode = anon_inode_new(S_IFREG | 0600, &shmem_fops);
	struct file *file;

	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_size = size;
	inode->i_mapping->a_ops = &shmem_aops;
	file = alloc_file(inode, O_RDWR, &shmem_fops);
	if (!file) {
		iput(inode);
		return ERR_PTR(-ENOMEM);
	}
	return file;
}
