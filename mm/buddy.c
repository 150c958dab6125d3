// SPDX-License-Identifier: MIT
/*
 * The buddy allocator: physical frames in blocks of 2^order, order 0..MAX_ORDER-1.
 *
 * Every free block is aligned to its own size in pfn space, so the block that a block of
 * order k pairs with (its buddy) starts at pfn ^ (1 << k), and the two together make the
 * aligned block of order k+1. Alignment is taken in physical frame numbers, not relative to
 * the zone, so a 4 MiB block is 4 MiB aligned in physical memory whatever base_pfn is.
 *
 * Allocation takes the smallest free block that is large enough and splits it, putting the
 * upper half back on the list one order down each time (expand). An order-0 request with
 * only an order-3 block free at pfn 0x60000:
 *
 *   order 3   [ 0  1  2  3  4  5  6  7 ]     taken off free_area[3]
 *   order 2   [ 0  1  2  3 ][ 4  5  6  7 ]   4..7 -> free_area[2]
 *   order 1   [ 0  1 ][ 2  3 ]               2..3 -> free_area[1]
 *   order 0   [ 0 ][ 1 ]                     1    -> free_area[0]
 *               ^ returned: pfn 0x60000
 *
 * Freeing runs the picture upwards: the buddy of 0 at order 0 is 0 ^ 1 = 1, free, so the two
 * merge into [0 1]; its buddy 0 ^ 2 = 2 is free at order 1, and so on back to [0..7].
 *
 * A free block is known by its first page alone: PG_buddy set and page->private = order,
 * linked through page->lru into free_area[order]. The other pages of the block carry nothing.
 *
 * Simplified from Linux's mm/page_alloc.c: one zone, no per-CPU lists, no migrate types,
 * no watermarks, and no lock (the caller provides one).
 */
#include <mm/buddy.h>

#if defined(HOST_TEST)
#include <stdio.h>
#include <stdlib.h>
/* abort() rather than exit(): a test can fork, free twice and expect the child's SIGABRT. */
#define buddy_bug(fmt, ...) (fprintf(stderr, fmt, __VA_ARGS__), abort())
#elif defined(__KERNEL__)
/* Same declaration as include/kernel/panic.h; kept local while that header settles. */
void panic(const char *fmt, ...) __attribute__((noreturn));
#define buddy_bug(fmt, ...) panic(fmt, __VA_ARGS__)
#else
#error "build with -D__KERNEL__ or -DHOST_TEST"
#endif

#define BUG_ON(cond)                                                                        \
	do {                                                                                \
		if (unlikely(cond))                                                         \
			buddy_bug("BUG_ON(%s) at %s:%d\n", #cond, __FILE__, __LINE__);     \
	} while (0)

static void add_to_free_list(struct zone *z, struct page *page, unsigned int order)
{
	set_page_flag(page, PG_buddy);
	page->private = order;
	list_add(&page->lru, &z->free_area[order].free_list);
	z->free_area[order].nr_free++;
	z->free_pages += 1UL << order;
}

static void del_page_from_free_list(struct zone *z, struct page *page, unsigned int order)
{
	list_del(&page->lru);
	clear_page_flag(page, PG_buddy);
	page->private = 0;
	z->free_area[order].nr_free--;
	z->free_pages -= 1UL << order;
}

/*
 * The zone check comes first: at an unaligned zone edge the buddy pfn lies outside mem_map,
 * and there is no struct page to look at.
 */
static bool page_is_buddy(struct zone *z, unsigned long buddy_pfn, unsigned int order)
{
	struct page *buddy;

	if (!zone_contains_pfn(z, buddy_pfn))
		return false;
	buddy = zone_pfn_to_page(z, buddy_pfn);
	return test_page_flag(buddy, PG_buddy) && buddy->private == order;
}

/*
 * Is pfn inside a free block? Only the first page of a free block is marked, and a page that
 * was merged into its lower buddy is no longer a first page, so look for a marked page at pfn
 * rounded down to each order whose block reaches pfn.
 */
static bool pfn_is_free(struct zone *z, unsigned long pfn)
{
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++) {
		unsigned long head_pfn = ALIGN_DOWN(pfn, 1UL << order);
		struct page *head;

		if (!zone_contains_pfn(z, head_pfn))
			break;
		head = zone_pfn_to_page(z, head_pfn);
		if (test_page_flag(head, PG_buddy) && head->private >= order)
			return true;
	}
	return false;
}

/* Puts the free block [pfn, pfn + 2^order) on the lists, merging with its buddies first. */
static void __free_one_page(struct zone *z, unsigned long pfn, unsigned int order)
{
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);

		if (!page_is_buddy(z, buddy_pfn, order))
			break;
		del_page_from_free_list(z, zone_pfn_to_page(z, buddy_pfn), order);
		pfn &= ~(1UL << order); /* the merged block starts at the lower of the two */
		order++;
	}
	add_to_free_list(z, zone_pfn_to_page(z, pfn), order);
}

/* page heads a block of order high that was taken off the lists; keep its first 2^low frames. */
static void expand(struct zone *z, struct page *page, unsigned int low, unsigned int high)
{
	while (high > low) {
		high--;
		add_to_free_list(z, &page[1UL << high], high);
	}
}

void buddy_init(struct zone *z, struct page *map, unsigned long base_pfn, unsigned long nr_pages)
{
	unsigned long i;
	unsigned int order;

	z->mem_map = map;
	z->base_pfn = base_pfn;
	z->nr_pages = nr_pages;
	z->free_pages = 0;
	for (order = 0; order < MAX_ORDER; order++) {
		INIT_LIST_HEAD(&z->free_area[order].free_list);
		z->free_area[order].nr_free = 0;
	}
	for (i = 0; i < nr_pages; i++) {
		map[i] = (struct page){
			.flags = 1UL << PG_reserved,
			._refcount = 1,
			._mapcount = -1,
		};
		INIT_LIST_HEAD(&map[i].lru);
	}
}

/* The largest order whose aligned block starts at pfn and ends by end_pfn. */
static unsigned int largest_fitting_order(unsigned long pfn, unsigned long end_pfn)
{
	unsigned int order = 0;

	while (order + 1 < MAX_ORDER && IS_ALIGNED(pfn, 2UL << order) &&
	       pfn + (2UL << order) <= end_pfn)
		order++;
	return order;
}

void buddy_free_range(struct zone *z, unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn;

	BUG_ON(start_pfn > end_pfn);
	BUG_ON(start_pfn < z->base_pfn || end_pfn - z->base_pfn > z->nr_pages);

	for (pfn = start_pfn; pfn < end_pfn; pfn++) {
		struct page *page = zone_pfn_to_page(z, pfn);

		BUG_ON(!test_page_flag(page, PG_reserved)); /* given to the allocator twice */
		clear_page_flag(page, PG_reserved);
		page->_refcount = 0;
	}

	/* Whole aligned blocks rather than single frames: a 4 MiB block then costs one merge. */
	pfn = start_pfn;
	while (pfn < end_pfn) {
		unsigned int order = largest_fitting_order(pfn, end_pfn);

		__free_one_page(z, pfn, order);
		pfn += 1UL << order;
	}
}

struct page *buddy_alloc(struct zone *z, unsigned int order)
{
	unsigned int current_order;
	struct page *page;

	if (order >= MAX_ORDER)
		return NULL;

	for (current_order = order; current_order < MAX_ORDER; current_order++) {
		struct list_head *list = &z->free_area[current_order].free_list;

		if (list_empty(list))
			continue;
		page = list_first_entry(list, struct page, lru);
		del_page_from_free_list(z, page, current_order);
		expand(z, page, order, current_order);
		page->_refcount = 1;
		return page;
	}
	return NULL;
}

void buddy_free(struct zone *z, struct page *page, unsigned int order)
{
	unsigned long pfn = zone_page_to_pfn(z, page);
	unsigned long i;

	BUG_ON(order >= MAX_ORDER);
	BUG_ON(!zone_contains_pfn(z, pfn) || !zone_contains_pfn(z, pfn + (1UL << order) - 1));
	BUG_ON(!IS_ALIGNED(pfn, 1UL << order)); /* no block of this order starts here */
	BUG_ON(pfn_is_free(z, pfn)); /* double free */

	/*
	 * An order larger than the one allocated reaches past the block: into reserved frames,
	 * into a free block (whose first page is then inside ours), or into another allocation
	 * (whose first page holds a reference, where our own tail pages hold none).
	 */
	for (i = 0; i < (1UL << order); i++) {
		BUG_ON(test_page_flag(&page[i], PG_reserved));
		BUG_ON(i > 0 && test_page_flag(&page[i], PG_buddy));
		BUG_ON(i > 0 && page[i]._refcount != 0);
	}

	page->_refcount = 0;
	__free_one_page(z, pfn, order);
}
