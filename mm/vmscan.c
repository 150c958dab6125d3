// SPDX-License-Identifier: MIT
/*
 * Page reclaim: when free memory runs low, take pages from the tails of the inactive LRU
 * lists and make them free.
 *
 *   a page used since the last look (young PTE): second chance, to the active list
 *   a clean file page: unmapped from every process, dropped from the page cache
 *   a dirty file page: written to its file first (writepage), then dropped
 *   an anonymous page: given a swap slot and a place in the swap cache, unmapped (its
 *     PTEs become swap entries), written to swap, then dropped
 *
 * kswapd does this in the background between the low and high watermarks; an allocation
 * that finds nothing free does it itself (direct reclaim); when nothing can be freed the
 * OOM killer chooses a victim.
 */
#include <mm/swap.h>
#include <mm/rmap.h>
#include <mm/pagemap.h>
#include <mm/page_alloc.h>
#include <kernel/sched.h>
#include <kernel/wait.h>
#include <kernel/signal.h>
#include <kernel/printk.h>
#include <kernel/timer.h>
#include <fs/fs.h>
#include <block/blkdev.h>

extern struct list_head lru_lists[NR_LRU];
extern spinlock_t lru_lock;
void lru_move(struct page *page, bool active);

struct reclaim_stats reclaim_stats;
static DECLARE_WAIT_QUEUE_HEAD(kswapd_wait);
static struct task_struct *kswapd_task;
unsigned long watermark_min, watermark_low, watermark_high;

/* Takes the page at the tail of list l off it, with a reference; NULL if empty. */
static struct page *isolate_tail(enum lru_list l)
{
	struct page *page = NULL;
	unsigned long flags;

	spin_lock_irqsave(&lru_lock, flags);
	if (!list_empty(&lru_lists[l])) {
		page = list_entry(lru_lists[l].prev, struct page, lru);
		/* Rotated to the head: if it is kept, it is not scanned again at once. */
		list_del(&page->lru);
		list_add(&page->lru, &lru_lists[l]);
		get_page(page);
	}
	spin_unlock_irqrestore(&lru_lock, flags);
	return page;
}

/* Writes a dirty file page back and locks it again; false on an I/O error. */
static bool write_file_page(struct page *page)
{
	struct address_space *mapping = page->mapping;

	int err;

	if (!TestClearPageDirty(page))
		return true;
	__atomic_sub_fetch(&page_cache_stats.nr_dirty, 1, __ATOMIC_SEQ_CST);
	err = mapping->a_ops->writepage(page);	/* unlocks the page */
	lock_page(page);
	return !err && page->mapping == mapping;
}

enum shrink_result {
	PAGE_KEEP,	/* stays (in use, no swap, I/O error) */
	PAGE_FREED,	/* out of every mapping and cache: our put_page frees it */
	PAGE_WRITING,	/* its swap write is in flight: finish_writing() completes it */
};

/* Frees an unmapped, clean anonymous page from the swap cache if nobody else holds it. */
static enum shrink_result release_anon(struct page *page)
{
	/* The cache's reference and ours: nobody else may use it. */
	if (PageError(page) || page_count(page) != 2 || page->_mapcount >= 0)
		return PAGE_KEEP;
	delete_from_swap_cache(page);
	return PAGE_FREED;
}

/* Tries to free one locked page we hold a reference on. */
static enum shrink_result shrink_page(struct page *page)
{
	if (page_referenced(page)) {
		/* Used since the last look: a second chance. The young bits are now clear, so
		 * if it is not used again before the scan comes round, it goes next time. */
		reclaim_stats.pgactivate++;
		lru_move(page, true);
		return PAGE_KEEP;
	}
	if (test_page_flag(page, PG_anon)) {
		/* Its slot failed to take it: it lives in memory for good (until it is freed),
		 * not written again and again. */
		if (PageError(page) && test_page_flag(page, PG_swapcache)) {
			lru_move(page, true);
			return PAGE_KEEP;
		}
		if (!test_page_flag(page, PG_swapcache) && add_to_swap(page))
			return PAGE_KEEP;	/* no swap space: it has to stay */
		if (!try_to_unmap(page))
			return PAGE_KEEP;
		if (TestClearPageDirty(page)) {
			if (!swap_writepage(page))	/* unlocks when written */
				return PAGE_WRITING;
			lock_page(page);		/* not sent: it stays, dirty */
			return PAGE_KEEP;
		}
		return release_anon(page);
	}
	if (!page->mapping)
		return PAGE_KEEP;
	if (!try_to_unmap(page))
		return PAGE_KEEP;
	if (PageDirty(page) && !write_file_page(page))
		return PAGE_KEEP;
	if (page_count(page) != 2 || page->_mapcount >= 0 || PageDirty(page) || !page->mapping)
		return PAGE_KEEP;
	invalidate_locked_page(page->mapping, page);
	return PAGE_FREED;
}

#define WRITE_BATCH 32

/* Waits for the swap writes of a batch (one wait for all: they went out together, merged
 * into a few requests) and frees the pages that made it to disk. */
static unsigned long finish_writing(struct page **batch, unsigned int n)
{
	unsigned long freed = 0;
	unsigned int i;

	for (i = 0; i < n; i++) {
		struct page *page = batch[i];

		lock_page(page);	/* the write's completion unlocked it */
		if (release_anon(page) == PAGE_FREED)
			freed++;
		unlock_page(page);
		put_page(page);
	}
	return freed;
}

/* Scans up to nr_scan pages from the tail of list l, stopping once nr_free are freed.
 * Swap writes are started under a plug and waited for in batches. */
static unsigned long shrink_list(enum lru_list l, unsigned long nr_scan, unsigned long nr_free)
{
	struct page *batch[WRITE_BATCH];
	unsigned long freed = 0, i;
	unsigned int n = 0;
	struct blk_plug plug;

	blk_start_plug(&plug);
	for (i = 0; i < nr_scan && freed + n < nr_free; i++) {
		struct page *page = isolate_tail(l);

		if (!page)
			break;
		reclaim_stats.pgscan++;
		if (!trylock_page(page)) {
			put_page(page);
			continue;
		}
		switch (shrink_page(page)) {
		case PAGE_WRITING:
			batch[n++] = page;	/* our reference stays with it */
			if (n == WRITE_BATCH) {
				blk_finish_plug(&plug);
				freed += finish_writing(batch, n);
				n = 0;
				blk_start_plug(&plug);
			}
			continue;
		case PAGE_FREED:
			freed++;
			break;
		case PAGE_KEEP:
			break;
		}
		unlock_page(page);
		put_page(page);	/* ours: if it was freed, this frees it */
	}
	blk_finish_plug(&plug);
	freed += finish_writing(batch, n);
	reclaim_stats.pgsteal += freed;
	return freed;
}

/* Moves pages from the tail of the active list to the inactive one, clearing their young
 * bits, so the inactive list has candidates again. */
static void age_active(enum lru_list active, unsigned long nr)
{
	unsigned long i;

	for (i = 0; i < nr; i++) {
		struct page *page = isolate_tail(active);

		if (!page)
			break;
		if (trylock_page(page)) {
			page_referenced(page);	/* clears young: it must earn its place again */
			unlock_page(page);
		}
		lru_move(page, false);
		reclaim_stats.pgdeactivate++;
		put_page(page);
	}
}

/* Keeps the inactive list at least as long as the active one by aging active pages. */
static void balance(enum lru_list inactive, enum lru_list active)
{
	if (lru_count(inactive) < lru_count(active))
		age_active(active, lru_count(active) - lru_count(inactive));
}

/*
 * Each pass may scan a whole inactive list: a page found young is moved to the active list
 * with its young bits cleared, so the pass after the next aging finds it old unless it was
 * used again. Three passes are enough to find anything reclaimable.
 */
unsigned long try_to_free_pages(unsigned long nr)
{
	unsigned long freed = 0;
	int pass;

	if (current->in_reclaim)
		return 0;	/* reclaim allocates too (bios): never recurse into it */
	current->in_reclaim = true;
	for (pass = 0; pass < 3 && freed < nr; pass++) {
		/* File pages first: dropping a clean one costs no I/O. */
		balance(LRU_INACTIVE_FILE, LRU_ACTIVE_FILE);
		freed += shrink_list(LRU_INACTIVE_FILE, lru_count(LRU_INACTIVE_FILE), nr - freed);
		if (freed >= nr || !nr_swap_pages())
			continue;
		balance(LRU_INACTIVE_ANON, LRU_ACTIVE_ANON);
		freed += shrink_list(LRU_INACTIVE_ANON, lru_count(LRU_INACTIVE_ANON), nr - freed);
	}
	current->in_reclaim = false;
	return freed;
}

static int kswapd(void *unused)
{
	for (;;) {
		wait_event(kswapd_wait, nr_free_pages() < watermark_low);
		while (nr_free_pages() < watermark_high) {
			if (!try_to_free_pages(32)) {
				msleep(10);	/* nothing to free now: let the others run */
				break;
			}
		}
	}
	return 0;
}

void wakeup_kswapd(void)
{
	if (kswapd_task)
		wake_up(&kswapd_wait);
}

void kswapd_init(void)
{
	watermark_min = max(totalram_pages() / 128, 32ul);
	watermark_low = watermark_min * 2;
	watermark_high = watermark_min * 3;
	kswapd_task = kthread_run(kswapd, NULL, "kswapd");
}

/* ---- the OOM killer --------------------------------------------------------------- */

struct oom_choice {
	struct task_struct *victim;
	unsigned long points;
};

static void consider(struct task_struct *p, void *arg)
{
	struct oom_choice *c = arg;
	unsigned long points;

	if (!p->mm || p->exit_state || p->pid == 1)
		return;
	points = p->mm->rss_anon + p->mm->rss_file + p->mm->swap_ents;
	if (points > c->points) {
		c->points = points;
		c->victim = p;
	}
}

bool out_of_memory(void)
{
	struct oom_choice c = { NULL, 0 };

	for_each_task(consider, &c);
	if (!c.victim)
		return false;
	printk(KERN_ERR "Out of memory: killed process %d (%s), %lu kB resident, %lu kB in swap "
	       "(the largest; free %lu kB, swap free %lu kB)\n", c.victim->pid, c.victim->comm,
	       (c.victim->mm->rss_anon + c.victim->mm->rss_file) * 4, c.victim->mm->swap_ents * 4,
	       nr_free_pages() * 4, nr_swap_pages() * 4);
	reclaim_stats.oom_kill++;
	send_sig(SIGKILL, c.victim);
	return true;
}
