// SPDX-License-Identifier: MIT
/*
 * The LRU lists: every page that reclaim may take (anonymous pages of processes, page-cache
 * pages) is on one of four lists. New pages start inactive; reclaim scans the inactive
 * tails, and a page found young (accessed since the last scan: the emulated access bit of
 * its PTEs) is moved to the active list instead of being evicted (second chance). The active
 * lists are aged back into the inactive ones as they grow.
 */
#include <mm/swap.h>
#include <mm/page.h>
#include <mm/pagemap.h>
#include <kernel/spinlock.h>

struct list_head lru_lists[NR_LRU] = {
	LIST_HEAD_INIT(lru_lists[0]), LIST_HEAD_INIT(lru_lists[1]),
	LIST_HEAD_INIT(lru_lists[2]), LIST_HEAD_INIT(lru_lists[3]),
};
static unsigned long lru_sizes[NR_LRU];
DEFINE_SPINLOCK(lru_lock);

static enum lru_list page_lru(const struct page *page)
{
	bool active = test_page_flag(page, PG_active);

	if (test_page_flag(page, PG_anon))
		return active ? LRU_ACTIVE_ANON : LRU_INACTIVE_ANON;
	return active ? LRU_ACTIVE_FILE : LRU_INACTIVE_FILE;
}

void lru_cache_add(struct page *page)
{
	unsigned long flags;

	spin_lock_irqsave(&lru_lock, flags);
	if (!test_page_flag(page, PG_lru)) {
		clear_page_flag(page, PG_active);
		set_page_flag(page, PG_lru);
		list_add(&page->lru, &lru_lists[page_lru(page)]);
		lru_sizes[page_lru(page)]++;
	}
	spin_unlock_irqrestore(&lru_lock, flags);
}

void lru_del(struct page *page)
{
	unsigned long flags;

	spin_lock_irqsave(&lru_lock, flags);
	if (test_page_flag(page, PG_lru)) {
		list_del(&page->lru);
		lru_sizes[page_lru(page)]--;
		clear_page_flag(page, PG_lru);
	}
	spin_unlock_irqrestore(&lru_lock, flags);
}

void mark_page_accessed(struct page *page)
{
	unsigned long flags;

	spin_lock_irqsave(&lru_lock, flags);
	if (test_page_flag(page, PG_lru) && !test_page_flag(page, PG_active)) {
		list_del(&page->lru);
		lru_sizes[page_lru(page)]--;
		set_page_flag(page, PG_active);
		list_add(&page->lru, &lru_lists[page_lru(page)]);
		lru_sizes[page_lru(page)]++;
	}
	spin_unlock_irqrestore(&lru_lock, flags);
}

unsigned long lru_count(enum lru_list l)
{
	return lru_sizes[l];
}

void lru_move(struct page *page, bool active)
{
	unsigned long flags;

	spin_lock_irqsave(&lru_lock, flags);
	if (test_page_flag(page, PG_lru)) {
		list_del(&page->lru);
		lru_sizes[page_lru(page)]--;
		if (active)
			set_page_flag(page, PG_active);
		else
			clear_page_flag(page, PG_active);
		list_add(&page->lru, &lru_lists[page_lru(page)]);
		lru_sizes[page_lru(page)]++;
	}
	spin_unlock_irqrestore(&lru_lock, flags);
}
