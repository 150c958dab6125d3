// SPDX-License-Identifier: MIT
/*
 * The page cache (seed 001's filemap_fault reads through it): the pages of each file,
 * found by (address_space, index) in a radix tree, read in by a_ops->readpage through a bio,
 * written back by a_ops->writepage. read(2) and write(2) copy to and from these pages, so
 * every reader and writer of a file sees the same bytes (and mmap will map the same pages).
 *
 * Also the page lock: I/O holds PG_locked, and threads that need the page sleep on a wait
 * queue chosen by hashing the page's address (one queue per page would cost too much memory).
 */
#include <mm/pagemap.h>
#include <mm/page_alloc.h>
#include <fs/fs.h>
#include <kernel/wait.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/panic.h>
#include <lib/string.h>
#include <block/blkdev.h>
#include <kernel/uaccess.h>
#include <kernel/sched.h>
#include <mm/memory.h>
#include <mm/swap.h>

struct page_cache_stats page_cache_stats;

/* ---- page references and the page lock ----------------------------------------------- */

void put_page(struct page *page)
{
	if (__atomic_sub_fetch(&page->_refcount, 1, __ATOMIC_SEQ_CST) == 0) {
		lru_del(page);
		if (test_page_flag(page, PG_anon))
			page->mapping = NULL;	/* its anon_vma: no reference held */
		BUG_ON(page->mapping);	/* still in a page cache: the cache holds a reference */
		BUG_ON(test_page_flag(page, PG_swapcache));
		page->flags = 0;
		page->private = 0;
		__free_pages(page, 0);
	}
}

#define PAGE_WAIT_TABLE_SIZE 64
static wait_queue_head_t page_wait_table[PAGE_WAIT_TABLE_SIZE];

void page_wait_table_init(void)
{
	int i;

	for (i = 0; i < PAGE_WAIT_TABLE_SIZE; i++)
		init_waitqueue_head(&page_wait_table[i]);
}

static wait_queue_head_t *page_waitqueue(struct page *page)
{
	return &page_wait_table[((unsigned long)page / sizeof(struct page)) % PAGE_WAIT_TABLE_SIZE];
}

void lock_page(struct page *page)
{
	wait_event(*page_waitqueue(page), trylock_page(page));
}

void unlock_page(struct page *page)
{
	BUG_ON(!PageLocked(page));
	ClearPageLocked(page);
	smp_mb();	/* the unlock is visible before waiters re-check it */
	wake_up(page_waitqueue(page));
}

void wait_on_page_locked(struct page *page)
{
	wait_event(*page_waitqueue(page), !PageLocked(page));
}

/* ---- finding and adding pages ------------------------------------------------------ */

struct page *find_get_page(struct address_space *mapping, unsigned long index)
{
	struct page *page;
	unsigned long flags;

	spin_lock_irqsave(&mapping->tree_lock, flags);
	page = radix_tree_lookup(&mapping->page_tree, index);
	if (page)
		get_page(page);
	spin_unlock_irqrestore(&mapping->tree_lock, flags);
	return page;
}

struct page *find_or_create_page(struct address_space *mapping, unsigned long index)
{
	struct page *page;
	unsigned long flags;
	int err;

	for (;;) {
		page = find_get_page(mapping, index);
		if (page) {
			lock_page(page);
			if (page->mapping == mapping)
				return page;
			/* Truncated while we slept on the lock: look again. */
			unlock_page(page);
			put_page(page);
			continue;
		}
		page = alloc_page(GFP_KERNEL);
		if (!page)
			return NULL;
		page->flags = 1UL << PG_locked;
		spin_lock_irqsave(&mapping->tree_lock, flags);
		err = radix_tree_insert(&mapping->page_tree, index, page);
		if (!err)
			lru_cache_add(page);
		if (!err) {
			page->mapping = mapping;
			page->index = index;
			get_page(page);		/* the page cache's reference */
			mapping->nrpages++;
			page_cache_stats.nr_pages++;
		}
		spin_unlock_irqrestore(&mapping->tree_lock, flags);
		if (!err)
			return page;
		page->flags = 0;
		put_page(page);
		if (err != -EEXIST)	/* -EEXIST: another thread added it first, retry */
			return NULL;
	}
}

struct page *read_cache_page(struct address_space *mapping, unsigned long index)
{
	struct page *page = find_get_page(mapping, index);
	int err;

	if (page && PageUptodate(page)) {
		page_cache_stats.hits++;
		return page;
	}
	if (page) {
		lock_page(page);
	} else {
		page = find_or_create_page(mapping, index);
		if (!page)
			return ERR_PTR(-ENOMEM);
	}
	if (PageUptodate(page)) {	/* another thread read it while we waited */
		unlock_page(page);
		page_cache_stats.hits++;
		return page;
	}
	page_cache_stats.misses++;
	ClearPageError(page);
	err = mapping->a_ops->readpage(NULL, page);	/* unlocks the page when done */
	if (!err)
		wait_on_page_locked(page);
	if (err || !PageUptodate(page)) {
		put_page(page);
		return ERR_PTR(err ? err : -EIO);
	}
	return page;
}

void set_page_dirty(struct page *page)
{
	if (!test_and_set_bit(PG_dirty, &page->flags))
		__atomic_add_fetch(&page_cache_stats.nr_dirty, 1, __ATOMIC_SEQ_CST);
}

static bool clear_page_dirty(struct page *page)
{
	if (!TestClearPageDirty(page))
		return false;
	__atomic_sub_fetch(&page_cache_stats.nr_dirty, 1, __ATOMIC_SEQ_CST);
	return true;
}

#define GANG 16

int filemap_write_and_wait(struct address_space *mapping)
{
	struct page *pages[GANG];
	unsigned long indices[GANG], next = 0, flags;
	unsigned int n, i;
	int err = 0;

	for (;;) {
		spin_lock_irqsave(&mapping->tree_lock, flags);
		n = radix_tree_gang_lookup(&mapping->page_tree, (void **)pages, indices, next, GANG);
		for (i = 0; i < n; i++)
			get_page(pages[i]);
		spin_unlock_irqrestore(&mapping->tree_lock, flags);
		if (n == 0)
			break;
		for (i = 0; i < n; i++) {
			struct page *page = pages[i];

			if (PageDirty(page)) {
				lock_page(page);
				if (page->mapping == mapping && clear_page_dirty(page)) {
					/* Still mapped: a process may go on writing through a PTE
					 * that stays dirty, unseen; keep the page dirty so the next
					 * sync writes it again (Linux write-protects it instead). */
					bool mapped = page->_mapcount >= 0;
					int e = mapping->a_ops->writepage(page);	/* unlocks */

					if (mapped)
						set_page_dirty(page);
					if (e && !err)
						err = e;
				} else {
					unlock_page(page);
				}
			}
			put_page(page);
		}
		next = indices[n - 1] + 1;
	}
	return err;
}

/* Takes a locked page that belongs to mapping out of it. */
static void delete_from_page_cache(struct address_space *mapping, struct page *page)
{
	unsigned long flags;

	spin_lock_irqsave(&mapping->tree_lock, flags);
	radix_tree_delete(&mapping->page_tree, page->index);
	mapping->nrpages--;
	page_cache_stats.nr_pages--;
	spin_unlock_irqrestore(&mapping->tree_lock, flags);
	page->mapping = NULL;
	clear_page_dirty(page);
	put_page(page);		/* the page cache's reference */
}

void invalidate_locked_page(struct address_space *mapping, struct page *page)
{
	delete_from_page_cache(mapping, page);
}

void invalidate_mapping_page(struct address_space *mapping, unsigned long index)
{
	struct page *page = find_get_page(mapping, index);

	if (!page)
		return;
	lock_page(page);
	if (page->mapping == mapping)
		delete_from_page_cache(mapping, page);
	unlock_page(page);
	put_page(page);
}

void truncate_inode_pages(struct address_space *mapping, unsigned long start)
{
	struct page *pages[GANG];
	unsigned long indices[GANG], flags;
	unsigned int n, i;

	for (;;) {
		spin_lock_irqsave(&mapping->tree_lock, flags);
		n = radix_tree_gang_lookup(&mapping->page_tree, (void **)pages, indices, start, GANG);
		for (i = 0; i < n; i++)
			get_page(pages[i]);
		spin_unlock_irqrestore(&mapping->tree_lock, flags);
		if (n == 0)
			break;
		for (i = 0; i < n; i++) {
			struct page *page = pages[i];

			lock_page(page);
			if (page->mapping == mapping)
				delete_from_page_cache(mapping, page);
			unlock_page(page);
			put_page(page);
		}
	}
}

/* ---- readahead ------------------------------------------------------------------------ */

#define READAHEAD_PAGES 32	/* 128 KiB */

/*
 * Starts reads of the pages [index, index + nr) that are not cached yet, without waiting,
 * under a plug: consecutive pages on consecutive blocks reach the driver as a few large
 * requests instead of one request per page. Readers then find the pages locked and sleep on
 * the page lock until their part has arrived.
 */
void page_cache_readahead(struct address_space *mapping, unsigned long index, unsigned long nr)
{
	struct blk_plug plug;
	unsigned long i;

	blk_start_plug(&plug);
	for (i = index; i < index + nr; i++) {
		struct page *page = find_get_page(mapping, i);

		if (page) {
			put_page(page);
			continue;
		}
		page = find_or_create_page(mapping, i);
		if (!page)
			break;
		if (PageUptodate(page)) {
			unlock_page(page);
		} else {
			page_cache_stats.readahead++;
			mapping->a_ops->readpage(NULL, page);	/* unlocks when the I/O is done */
		}
		put_page(page);
	}
	blk_finish_plug(&plug);
}

/* The window at index (if any of it is inside the file), not waited for. */
static void page_cache_readahead_async(struct address_space *mapping, unsigned long index,
				       unsigned long last)
{
	if (index <= last)
		page_cache_readahead(mapping, index,
				     min((unsigned long)READAHEAD_PAGES, last - index + 1));
}

/* ---- read(2) and write(2) through the page cache -------------------------------------- */

ssize_t generic_file_read(struct file *file, char *buf, size_t len, loff_t *pos)
{
	struct inode *inode = file->f_inode;
	size_t done = 0;

	while (done < len && *pos < inode->i_size) {
		unsigned long index = *pos >> PAGE_SHIFT, last;
		unsigned int off = *pos & (PAGE_SIZE - 1);
		size_t n = min((size_t)(PAGE_SIZE - off), len - done);
		struct page *page;

		if ((loff_t)n > inode->i_size - *pos)
			n = inode->i_size - *pos;
		/* Not cached: read this page and the next ones of the file in one go. */
		page = find_get_page(inode->i_mapping, index);
		last = (inode->i_size - 1) >> PAGE_SHIFT;
		if (!page) {
			/* A miss: read this window now, and the next one behind it. */
			page_cache_readahead(inode->i_mapping, index,
					     min((unsigned long)READAHEAD_PAGES, last - index + 1));
			page_cache_readahead_async(inode->i_mapping, index + READAHEAD_PAGES, last);
		} else {
			/* At the start of a window: keep the next one in flight, so a sequential
			 * reader rarely waits for the disk. */
			if (index % READAHEAD_PAGES == 0)
				page_cache_readahead_async(inode->i_mapping, index + READAHEAD_PAGES,
							   last);
			put_page(page);
		}
		page = read_cache_page(inode->i_mapping, index);
		if (IS_ERR(page))
			return done ? (ssize_t)done : PTR_ERR(page);
		if (copy_to_user(buf + done, (char *)page_address(page) + off, n)) {
			put_page(page);
			return done ? (ssize_t)done : -EFAULT;
		}
		put_page(page);
		done += n;
		*pos += n;
	}
	return done;
}

/* Makes a locked page ready for a partial overwrite: its old bytes must be read first,
 * unless they lie entirely past the end of the file (then they are zeros). */
static int prepare_partial_page(struct inode *inode, struct page *page)
{
	if (((loff_t)page->index << PAGE_SHIFT) >= inode->i_size) {
		memset(page_address(page), 0, PAGE_SIZE);
		SetPageUptodate(page);
		return 0;
	}
	ClearPageError(page);
	if (inode->i_mapping->a_ops->readpage(NULL, page))
		return -EIO;
	wait_on_page_locked(page);
	lock_page(page);
	return PageUptodate(page) ? 0 : -EIO;
}

ssize_t generic_file_write(struct file *file, const char *buf, size_t len, loff_t *pos)
{
	struct inode *inode = file->f_inode;
	struct address_space *mapping = inode->i_mapping;
	size_t done = 0;
	int err = 0;
	char probe;

	mutex_lock(&inode->i_mutex);
	if (file->f_flags & O_APPEND)
		*pos = inode->i_size;
	while (done < len) {
		unsigned long index = *pos >> PAGE_SHIFT;
		unsigned int off = *pos & (PAGE_SIZE - 1);
		size_t n = min((size_t)(PAGE_SIZE - off), len - done);
		struct page *page;

		/* Touch the source first: faulting it in later, with the page locked, could
		 * deadlock if it is a mapping of this very page. */
		if (copy_from_user(&probe, buf + done, 1)) {
			err = -EFAULT;
			break;
		}
		if (mapping->a_ops->write_begin) {
			err = mapping->a_ops->write_begin(inode, index);
			if (err)
				break;
		}
		page = find_or_create_page(mapping, index);
		if (!page) {
			err = -ENOMEM;
			break;
		}
		if (!PageUptodate(page) && n != PAGE_SIZE) {
			err = prepare_partial_page(inode, page);
			if (err) {
				unlock_page(page);
				put_page(page);
				break;
			}
		}
		if (copy_from_user((char *)page_address(page) + off, buf + done, n)) {
			/* A short copy leaves garbage only if the page had no valid data. */
			if (!PageUptodate(page))
				memset(page_address(page), 0, PAGE_SIZE);
			SetPageUptodate(page);
			unlock_page(page);
			put_page(page);
			err = -EFAULT;
			break;
		}
		SetPageUptodate(page);
		set_page_dirty(page);
		unlock_page(page);
		put_page(page);
		done += n;
		*pos += n;
		if (*pos > inode->i_size) {
			inode->i_size = *pos;
			mark_inode_dirty(inode);
		}
	}
	mutex_unlock(&inode->i_mutex);
	return done ? (ssize_t)done : err;
}

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t base;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = file->f_pos;
		break;
	case SEEK_END:
		base = file->f_inode->i_size;
		break;
	default:
		return -EINVAL;
	}
	if (base + offset < 0)
		return -EINVAL;
	file->f_pos = base + offset;
	return file->f_pos;
}

int generic_file_fsync(struct file *file)
{
	struct inode *inode = file->f_inode;
	int err = filemap_write_and_wait(inode->i_mapping);
	int err2 = write_inode_now(inode);

	return err ? err : err2;
}

/* ---- file mappings ------------------------------------------------------------------- */

/*
 * vm_ops->fault of file mappings (filemap_fault in seed 001): the page of the file at
 * vmf->pgoff, from the page cache, read in if needed while the process sleeps. A page past
 * the end of the file raises SIGBUS, as POSIX says for mappings beyond EOF.
 */
int filemap_fault(struct vm_area_struct *vma, struct vm_fault *vmf)
{
	struct inode *inode = vma->vm_file->f_inode;
	struct page *page;
	int ret = 0;

	if ((loff_t)vmf->pgoff << PAGE_SHIFT >= inode->i_size)
		return VM_FAULT_SIGBUS;
	page = find_get_page(inode->i_mapping, vmf->pgoff);
	if (!page || !PageUptodate(page)) {
		if (page)
			put_page(page);
		ret = VM_FAULT_MAJOR;
		vm_events.pgmajfault++;
		current->maj_flt++;
		page = read_cache_page(inode->i_mapping, vmf->pgoff);
		if (IS_ERR(page))
			return PTR_ERR(page) == -ENOMEM ? VM_FAULT_OOM : VM_FAULT_SIGBUS;
	}
	vmf->page = page;
	return ret;
}

static const struct vm_operations_struct generic_file_vm_ops = {
	.fault = filemap_fault,
};

int generic_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!file->f_inode->i_mapping->a_ops || !file->f_inode->i_mapping->a_ops->readpage)
		return -ENODEV;
	vma->vm_ops = &generic_file_vm_ops;
	return 0;
}
