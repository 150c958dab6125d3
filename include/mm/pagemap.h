/* SPDX-License-Identifier: MIT */
/*
 * The page cache and the page lock.
 *
 * A page of a file is found by (address_space, index) in the mapping's radix tree. A page is
 * locked (PG_locked) while its contents are being read or written by I/O; whoever needs
 * the contents sleeps in lock_page() or wait_on_page_locked() until the I/O completion
 * unlocks it. PG_uptodate says the contents are valid; PG_error that the last I/O failed.
 *
 * Reference counts: the page cache holds one reference; find_get_page() and friends return
 * the page with one more, which the caller drops with put_page().
 */
#ifndef MM_PAGEMAP_H
#define MM_PAGEMAP_H

#include <types.h>
#include <mm/page.h>
#include <asm/bitops.h>

struct address_space;

static inline void get_page(struct page *page)
{
	__atomic_add_fetch(&page->_refcount, 1, __ATOMIC_SEQ_CST);
}

static inline int page_count(const struct page *page)
{
	return __atomic_load_n(&page->_refcount, __ATOMIC_SEQ_CST);
}

/* Drops a reference; the last one frees the page. */
void put_page(struct page *page);

#define PAGE_FLAG_FNS(name, bit)                                                        \
	static inline bool Page##name(const struct page *p) { return test_bit(bit, &p->flags); } \
	static inline void SetPage##name(struct page *p) { set_bit(bit, &p->flags); }   \
	static inline void ClearPage##name(struct page *p) { clear_bit(bit, &p->flags); }

PAGE_FLAG_FNS(Locked, PG_locked)
PAGE_FLAG_FNS(Uptodate, PG_uptodate)
PAGE_FLAG_FNS(Dirty, PG_dirty)
PAGE_FLAG_FNS(Error, PG_error)

static inline bool TestClearPageDirty(struct page *p)
{
	return test_and_clear_bit(PG_dirty, &p->flags);
}

static inline bool trylock_page(struct page *page)
{
	return !test_and_set_bit(PG_locked, &page->flags);
}

void lock_page(struct page *page);		/* sleeps until it owns the lock */
void unlock_page(struct page *page);		/* wakes the sleepers; callable from irq */
void wait_on_page_locked(struct page *page);	/* sleeps until nobody holds it */

/* ---- the page cache (mm/filemap.c) ---------------------------------------------------- */

/* The page at index with a reference, or NULL. */
struct page *find_get_page(struct address_space *mapping, unsigned long index);
/* The page at index, locked, with a reference; a new (not uptodate) one is added if absent.
 * NULL without memory. */
struct page *find_or_create_page(struct address_space *mapping, unsigned long index);
/* The page at index, uptodate (read in through a_ops->readpage if needed), with a
 * reference; ERR_PTR(-EIO) if the read failed, ERR_PTR(-ENOMEM). */
struct page *read_cache_page(struct address_space *mapping, unsigned long index);

/* Starts reading up to nr pages from index that are not cached, without waiting. */
void page_cache_readahead(struct address_space *mapping, unsigned long index, unsigned long nr);

void set_page_dirty(struct page *page);
/* Writes every dirty page of the mapping through a_ops->writepage and waits. First error. */
int filemap_write_and_wait(struct address_space *mapping);
/* Drops the page at index from the cache, dirty or not (its disk block got a new owner). */
void invalidate_mapping_page(struct address_space *mapping, unsigned long index);
/* Takes a locked page out of its page cache (reclaim). */
void invalidate_locked_page(struct address_space *mapping, struct page *page);
/* Removes every page at index >= start from the cache (they must not be dirty or mapped). */
void truncate_inode_pages(struct address_space *mapping, unsigned long start);

/* Page cache counters, for /proc/meminfo and /proc/vmstat. */
struct page_cache_stats {
	unsigned long nr_pages;		/* pages in all page caches */
	unsigned long nr_dirty;
	unsigned long hits, misses;	/* read_cache_page found the page uptodate, or not */
	unsigned long readahead;	/* pages read ahead of the reader */
};
extern struct page_cache_stats page_cache_stats;

#endif
