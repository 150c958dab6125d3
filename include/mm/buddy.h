/* SPDX-License-Identifier: MIT */
/*
 * The buddy page-frame allocator: hands out blocks of 2^order physically contiguous
 * frames. Pure logic (no locking, no hardware) so that tests/host/test_buddy.c can run it
 * on the host; the caller provides mutual exclusion.
 */
#ifndef MM_BUDDY_H
#define MM_BUDDY_H

#include <mm/page.h>

/* The free blocks of one order. */
struct free_area {
	struct list_head free_list;	/* head pages (PG_buddy) of free 2^order blocks */
	unsigned long nr_free;		/* blocks on free_list */
};

/* One physically contiguous range of frames, as Linux's struct zone without the extras. */
struct zone {
	struct page *mem_map;		/* one struct page per frame, index = pfn - base_pfn */
	unsigned long base_pfn;		/* first frame the zone covers */
	unsigned long nr_pages;		/* frames covered: any number, any alignment */
	unsigned long free_pages;	/* frames currently free */
	struct free_area free_area[MAX_ORDER];
};

/*
 * Sets every page of map[0..nr_pages) reserved (PG_reserved, refcount 1, mapcount -1) and
 * empties the lists: nothing is free until buddy_free_range() says so.
 */
void buddy_init(struct zone *z, struct page *map, unsigned long base_pfn, unsigned long nr_pages);

/*
 * Gives frames [start_pfn, end_pfn) to the allocator (boot time), coalescing as it goes;
 * clears PG_reserved. Giving a frame twice is a bug.
 */
void buddy_free_range(struct zone *z, unsigned long start_pfn, unsigned long end_pfn);

/*
 * 2^order contiguous frames, aligned to 2^order frames in pfn space; the first page has
 * refcount 1, the others 0. NULL when no block is large enough or order >= MAX_ORDER.
 */
struct page *buddy_alloc(struct zone *z, unsigned int order);

/*
 * Returns a block from buddy_alloc() with the order it was allocated with; merges it with
 * free buddies up to MAX_ORDER-1. Freeing twice, freeing a reserved frame, or an order that
 * does not fit the block (misaligned, or reaching into free or reserved frames) is a bug.
 */
void buddy_free(struct zone *z, struct page *page, unsigned int order);

static inline unsigned long zone_page_to_pfn(const struct zone *z, const struct page *p)
{
	return z->base_pfn + (unsigned long)(p - z->mem_map);
}

static inline struct page *zone_pfn_to_page(struct zone *z, unsigned long pfn)
{
	return &z->mem_map[pfn - z->base_pfn];
}

static inline bool zone_contains_pfn(const struct zone *z, unsigned long pfn)
{
	return pfn >= z->base_pfn && pfn - z->base_pfn < z->nr_pages;
}

#endif /* MM_BUDDY_H */
