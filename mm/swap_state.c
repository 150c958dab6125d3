// SPDX-License-Identifier: MIT
/*
 * The swap cache: pages by swap entry (a radix tree keyed by entry.val). A page is in it
 * while it is being written out, while it is being read in, and afterwards as long as both
 * the page and its slot are in use: so that all the PTEs that point at one slot (a page
 * shared by a parent and its children when it was swapped out) map one page, read once.
 *
 * Slot use counts: each swap PTE holds one, and the swap cache holds one while the page is
 * in it (mm/swapfile.c).
 */
#include <mm/swap.h>
#include <mm/pagemap.h>
#include <mm/page_alloc.h>
#include <block/blkdev.h>
#include <lib/radix-tree.h>
#include <kernel/spinlock.h>
#include <kernel/errno.h>

static struct radix_tree_root swap_cache = RADIX_TREE_INIT;
static DEFINE_SPINLOCK(swap_cache_lock);

#define SWAP_READAHEAD 32	/* slots read around a faulting one */

/* Adds page (locked, ours) under entry; the cache takes a page reference. The caller has
 * taken the slot reference the cache holds. */
static int add_to_swap_cache(struct page *page, swp_entry_t entry)
{
	unsigned long flags;
	int err;

	spin_lock_irqsave(&swap_cache_lock, flags);
	err = radix_tree_insert(&swap_cache, entry.val, page);
	if (!err) {
		get_page(page);
		set_page_flag(page, PG_swapcache);
		page->private = entry.val;
	}
	spin_unlock_irqrestore(&swap_cache_lock, flags);
	return err;
}

int add_to_swap(struct page *page)
{
	swp_entry_t entry = get_swap_page();

	if (!entry.val)
		return -ENOMEM;
	if (add_to_swap_cache(page, entry)) {
		swap_free(entry);
		return -ENOMEM;
	}
	set_page_dirty(page);	/* its data is not in the slot yet */
	SetPageUptodate(page);	/* but memory holds it: a fault finds it valid in the cache */
	return 0;
}

void delete_from_swap_cache(struct page *page)
{
	swp_entry_t entry = { page->private };
	unsigned long flags;

	spin_lock_irqsave(&swap_cache_lock, flags);
	radix_tree_delete(&swap_cache, entry.val);
	clear_page_flag(page, PG_swapcache);
	page->private = 0;
	spin_unlock_irqrestore(&swap_cache_lock, flags);
	swap_free(entry);
	put_page(page);
}

struct page *lookup_swap_cache(swp_entry_t entry)
{
	struct page *page;
	unsigned long flags;

	spin_lock_irqsave(&swap_cache_lock, flags);
	page = radix_tree_lookup(&swap_cache, entry.val);
	if (page)
		get_page(page);
	spin_unlock_irqrestore(&swap_cache_lock, flags);
	return page;
}

/* The page of entry: from the cache, or a new page in the cache with its read started. */
static struct page *read_swap_cache_async(swp_entry_t entry)
{
	struct page *page;

	for (;;) {
		page = lookup_swap_cache(entry);
		if (page)
			return page;
		if (swap_count(entry) <= 0)
			return NULL;	/* the slot was freed meanwhile: nothing to read */
		page = alloc_page(GFP_KERNEL);
		if (!page)
			return NULL;
		page->flags = (1UL << PG_locked) | (1UL << PG_anon);
		page->_mapcount = -1;
		if (swap_duplicate(entry)) {	/* the cache's slot reference */
			page->flags = 0;
			put_page(page);
			return NULL;
		}
		if (add_to_swap_cache(page, entry) == 0) {
			lru_cache_add(page);
			swap_readpage(page);	/* unlocks when the data is in */
			return page;
		}
		/* Another thread added it first: drop ours and use theirs. */
		swap_free(entry);
		page->flags = 0;
		put_page(page);
	}
}

struct page *swapin_readahead(swp_entry_t entry)
{
	unsigned long first = swp_offset(entry) & ~(unsigned long)(SWAP_READAHEAD - 1), off;
	struct blk_plug plug;

	/* The neighbours of the slot were most likely swapped out with it (clusters):
	 * read them in the same go, merged into one request. */
	blk_start_plug(&plug);
	for (off = first; off < first + SWAP_READAHEAD; off++) {
		swp_entry_t e = swp_entry(swp_type(entry), off);
		struct page *page;

		if (off == 0 || off == swp_offset(entry) || swap_count(e) <= 0)
			continue;
		page = read_swap_cache_async(e);
		if (page)
			put_page(page);
	}
	blk_finish_plug(&plug);
	return read_swap_cache_async(entry);
}

bool try_to_free_swap(struct page *page)
{
	swp_entry_t entry = { page->private };

	if (!test_page_flag(page, PG_swapcache) || swap_count(entry) != 1)
		return false;	/* a swap PTE still points at the slot */
	delete_from_swap_cache(page);
	return true;
}
