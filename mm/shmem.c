// SPDX-License-Identifier: MIT
/*
 * Shared anonymous memory (MAP_SHARED | MAP_ANONYMOUS), in the spirit of Linux's shmem
 * (seed 002): the mapping is backed by an in-memory file with no name. Its pages live in
 * that file's page cache, so the VMA copy a fork makes maps the very same pages, and a write
 * by either process is seen by the other.
 *
 * Nothing is behind that file but swap. Reclaim unmaps a shmem page like any file page and
 * asks its writepage to save it: shmem_writepage gives it a swap slot, notes the slot under
 * the page's index in the inode's swap index, and writes it there; reclaim then drops the
 * page from the page cache. The next fault misses the page cache and calls shmem_readpage,
 * which finds the slot in the index, reads the page back and forgets the slot (the page is
 * dirty again: memory holds the only copy). A page never saved reads as zeros.
 *
 * The rule that keeps this simple: a page in the page cache is always the current data; the
 * swap index is consulted only when the page is not there. A slot noted for a page that is
 * back in the cache is stale and is replaced at the next writeout.
 */
#include <mm/mmap.h>
#include <mm/pagemap.h>
#include <mm/page_alloc.h>
#include <mm/swap.h>
#include <fs/fs.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/mutex.h>
#include <kernel/spinlock.h>
#include <lib/radix-tree.h>
#include <lib/list.h>
#include <mm/slab.h>
#include <lib/string.h>

struct shmem_inode_info {
	struct radix_tree_root swap;	/* page index -> swp_entry_t.val of its saved copy */
	spinlock_t lock;		/* around swap */
	unsigned long nr_swapped;	/* entries in swap */
	struct list_head list;		/* on shmem_inodes, for swapoff */
	struct inode *inode;
};

/* Every live shmem file, so that swapoff can bring their pages back. */
static LIST_HEAD(shmem_inodes);
static DEFINE_MUTEX(shmem_inodes_mutex);

static const struct address_space_operations shmem_aops;

static struct shmem_inode_info *SHMEM_I(struct inode *inode)
{
	return inode->i_private;
}

static unsigned long shmem_pages(struct inode *inode)
{
	return (unsigned long)((inode->i_size + PAGE_SIZE - 1) >> PAGE_SHIFT);
}

/* The slot noted for index (val 0: none). */
static swp_entry_t shmem_find_swap(struct shmem_inode_info *info, unsigned long index)
{
	swp_entry_t entry;
	unsigned long flags;

	spin_lock_irqsave(&info->lock, flags);
	entry.val = (unsigned long)radix_tree_lookup(&info->swap, index);
	spin_unlock_irqrestore(&info->lock, flags);
	return entry;
}

/* Notes entry (val 0: none) for index; the slot it replaces is freed. */
static int shmem_set_swap(struct shmem_inode_info *info, unsigned long index, swp_entry_t entry)
{
	swp_entry_t old;
	unsigned long flags;
	int err = 0;

	spin_lock_irqsave(&info->lock, flags);
	old.val = (unsigned long)radix_tree_delete(&info->swap, index);
	if (old.val)
		info->nr_swapped--;
	if (entry.val) {
		err = radix_tree_insert(&info->swap, index, (void *)entry.val);
		if (!err)
			info->nr_swapped++;
	}
	spin_unlock_irqrestore(&info->lock, flags);
	if (old.val)
		swap_free(old);
	return err;
}

/*
 * Reclaim (page locked, unmapped from every process, its dirty bit just cleared): save it
 * to a new swap slot. A page still mapped (msync, fsync) or with no slot to go to stays in
 * memory, dirty. The write completes asynchronously and unlocks the page; on a write error
 * the page is dirty again (mm/page_io.c), so reclaim keeps it.
 */
static int shmem_writepage(struct page *page)
{
	struct shmem_inode_info *info = SHMEM_I(page->mapping->host);
	swp_entry_t entry = { 0 };

	if (page->_mapcount < 0)
		entry = get_swap_page();
	if (!entry.val || shmem_set_swap(info, page->index, entry)) {
		if (entry.val)
			swap_free(entry);
		set_page_dirty(page);
		unlock_page(page);
		return 0;
	}
	page->private = entry.val;	/* where swap_writepage writes it */
	return swap_writepage(page);
}

/*
 * A page cache miss (page new, locked): its saved copy from swap, or zeros. The slot is
 * forgotten only once the page holds the data and is dirty, still under the page lock, so
 * reclaim can never drop the page between the two.
 */
static int shmem_readpage(struct file *file, struct page *page)
{
	struct shmem_inode_info *info = SHMEM_I(page->mapping->host);
	swp_entry_t entry = shmem_find_swap(info, page->index);
	int err = 0;

	if (!entry.val) {
		clear_page(page_address(page));
	} else {
		/* Swap-in readahead of a neighbouring anonymous page may have read the slot into
		 * the swap cache already: take the data from there. */
		struct page *cached = lookup_swap_cache(entry);

		if (cached) {
			wait_on_page_locked(cached);
			if (PageUptodate(cached))
				copy_page(page_address(page), page_address(cached));
			else
				err = -EIO;
			put_page(cached);
		} else {
			err = swap_read_sync(page, entry);
		}
		if (!err) {
			set_page_dirty(page);
			shmem_set_swap(info, page->index, (swp_entry_t){ 0 });
		}
	}
	if (!err)
		SetPageUptodate(page);
	unlock_page(page);
	return err;
}

static const struct address_space_operations shmem_aops = {
	.readpage = shmem_readpage,
	.writepage = shmem_writepage,
};

/* The last reference to the file (every mapping of it is gone): its slots are freed. */
static int shmem_release(struct inode *inode, struct file *file)
{
	struct shmem_inode_info *info = SHMEM_I(inode);
	unsigned long index, n = shmem_pages(inode);

	mutex_lock(&shmem_inodes_mutex);
	list_del(&info->list);
	mutex_unlock(&shmem_inodes_mutex);
	for (index = 0; index < n && info->nr_swapped; index++)
		shmem_set_swap(info, index, (swp_entry_t){ 0 });
	inode->i_private = NULL;
	kfree(info);
	return 0;
}

static const struct file_operations shmem_fops = {
	.mmap = generic_file_mmap,
	.fsync = generic_file_fsync,
	.release = shmem_release,
};

/* An unnamed in-memory file of `size` bytes, opened read-write. */
struct file *shmem_file_setup(loff_t size)
{
	struct inode *inode = anon_inode_new(S_IFREG | 0600, &shmem_fops);
	struct shmem_inode_info *info = kzalloc(sizeof(*info));
	struct file *file;

	if (!inode || !info)
		goto fail;
	inode->i_size = size;
	inode->i_mapping->a_ops = &shmem_aops;
	file = alloc_file(inode, O_RDWR, &shmem_fops);
	if (!file)
		goto fail;
	INIT_RADIX_TREE(&info->swap);
	spin_lock_init(&info->lock);
	info->inode = inode;
	inode->i_private = info;
	mutex_lock(&shmem_inodes_mutex);
	list_add(&info->list, &shmem_inodes);
	mutex_unlock(&shmem_inodes_mutex);
	return file;
fail:
	kfree(info);
	if (inode)
		iput(inode);
	return ERR_PTR(-ENOMEM);
}

/*
 * swapoff: every shmem page saved in area `type` comes back into its page cache (dirty), so
 * that the area's slots are free. -ENOMEM (or -EIO) if one cannot be brought back.
 */
int shmem_unuse(unsigned int type)
{
	struct shmem_inode_info *info;
	int err = 0;

	mutex_lock(&shmem_inodes_mutex);
	list_for_each_entry(info, &shmem_inodes, list) {
		struct address_space *mapping = info->inode->i_mapping;
		unsigned long index, n = shmem_pages(info->inode);

		for (index = 0; index < n && info->nr_swapped && !err; index++) {
			swp_entry_t entry = shmem_find_swap(info, index);
			struct page *page;

			if (!entry.val || swp_type(entry) != type)
				continue;
			/* A miss reads it back through shmem_readpage; a hit means the slot
			 * was stale: the page cache holds the data. */
			page = read_cache_page(mapping, index);
			if (IS_ERR(page)) {
				err = PTR_ERR(page);
				break;
			}
			if (shmem_find_swap(info, index).val == entry.val) {
				lock_page(page);
				set_page_dirty(page);
				shmem_set_swap(info, index, (swp_entry_t){ 0 });
				unlock_page(page);
			}
			put_page(page);
		}
	}
	mutex_unlock(&shmem_inodes_mutex);
	return err;
}
