/* SPDX-License-Identifier: MIT */
/*
 * struct page: one per physical page frame, as in Linux. The array of them is mem_map,
 * indexed by (pfn - the first RAM pfn).
 */
#ifndef MM_PAGE_H
#define MM_PAGE_H

#include <types.h>
#include <lib/list.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

/* Orders 0..MAX_ORDER-1: the largest block is 2^10 pages = 4 MiB. */
#define MAX_ORDER 11

/* Bits of page->flags. */
enum pageflags {
	PG_locked,	/* I/O in progress or owner holds it: waiters sleep on it */
	PG_reserved,	/* never given to the allocator: kernel image, mem_map, boot data */
	PG_buddy,	/* free, heading a block of 2^page->private pages in the buddy lists */
	PG_slab,	/* owned by kmalloc */
	PG_uptodate,	/* contents are valid (page cache) */
	PG_dirty,	/* must be written back before it is freed */
	PG_lru,		/* on an LRU list */
	PG_active,	/* on the active LRU list */
	PG_anon,	/* anonymous memory (mapping is an anon_vma) */
	PG_swapcache,	/* in the swap cache; private holds the swap entry */
	PG_error,	/* an I/O error happened */
	PG_head,	/* first page of a multi-page kernel allocation (compound) */
	NR_PAGEFLAGS
};

struct address_space;

struct page {
	unsigned long flags;		/* enum pageflags bits */
	int _refcount;			/* users of the frame; 0 = free */
	int _mapcount;			/* page-table entries mapping it, minus one (-1 = none) */
	struct address_space *mapping;	/* file or anon_vma the page belongs to */
	unsigned long index;		/* page offset within mapping */
	unsigned long private;		/* buddy: order of a free block; swap cache: entry */
	struct list_head lru;		/* LRU list; buddy free list while free */
	void *slab;			/* kmalloc: the cache this page serves */
};

static inline bool test_page_flag(const struct page *page, enum pageflags bit)
{
	return (page->flags >> bit) & 1;
}

static inline void set_page_flag(struct page *page, enum pageflags bit)
{
	page->flags |= 1UL << bit;
}

static inline void clear_page_flag(struct page *page, enum pageflags bit)
{
	page->flags &= ~(1UL << bit);
}

#endif /* MM_PAGE_H */
