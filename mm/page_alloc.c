// SPDX-License-Identifier: MIT
/* The page allocator: mm/buddy.c plus locking, zeroing and kernel addresses. */
#include <mm/page_alloc.h>
#include <kernel/spinlock.h>
#include <lib/string.h>
#include <mm/swap.h>
#include <kernel/sched.h>
#include <kernel/preempt.h>

struct zone mem_zone;
static DEFINE_SPINLOCK(zone_lock);
static unsigned long total_pages;

extern unsigned long watermark_min, watermark_low;

/* Reclaim sleeps (I/O, locks): only a thread that may sleep, and is not reclaiming
 * already, may do it. Interrupt handlers and spinlock holders get what is free. */
static bool may_reclaim(gfp_t gfp)
{
	return !(gfp & GFP_ATOMIC) && preempt_count() == 0 && !irqs_disabled() &&
	       !current->in_reclaim && current != &init_task;
}

/*
 * The last watermark_min pages are a reserve: only allocations that cannot reclaim (reclaim
 * itself, interrupt handlers, spinlock holders) may take them. Writing a page out to make
 * room needs memory too (a bio, a slab page): without the reserve, processes could take
 * the very last page and leave reclaim unable to free anything (Linux: the min watermark,
 * which PF_MEMALLOC and atomic allocations may go below).
 */
static struct page *take(unsigned int order, gfp_t gfp)
{
	struct page *page;
	unsigned long flags;

	/* Checked unlocked (may_reclaim looks at the interrupt mask): the reserve is a few
	 * dozen pages, being one page off now and then does not matter. */
	if (READ_ONCE(mem_zone.free_pages) < watermark_min + (1UL << order) && may_reclaim(gfp))
		return NULL;
	spin_lock_irqsave(&zone_lock, flags);
	page = buddy_alloc(&mem_zone, order);
	spin_unlock_irqrestore(&zone_lock, flags);
	return page;
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = take(order, gfp);
	int tries;

	if (nr_free_pages() < watermark_low)
		wakeup_kswapd();
	/* Direct reclaim, then the OOM killer, then a last look: the victim needs a moment
	 * to exit and give its memory back. */
	for (tries = 0; !page && may_reclaim(gfp) && tries < 16; tries++) {
		unsigned long freed = try_to_free_pages(32 << order);

		page = take(order, gfp);
		if (page || freed)
			continue;	/* progress: another thread may just have taken ours */
		/* Nothing could be freed: after a few rounds, a victim must go; give it a
		 * moment to exit and return its memory. */
		if (tries >= 3 && !out_of_memory())
			break;
		if (tries >= 3)
			msleep(10);
		else
			schedule();	/* let kswapd's writes complete */
	}
	if (page && (gfp & __GFP_ZERO)) {
		unsigned int i;

		for (i = 0; i < (1u << order); i++)
			clear_page((char *)page_address(page) + i * PAGE_SIZE);
	}
	return page;
}

void __free_pages(struct page *page, unsigned int order)
{
	unsigned long flags;

	spin_lock_irqsave(&zone_lock, flags);
	buddy_free(&mem_zone, page, order);
	spin_unlock_irqrestore(&zone_lock, flags);
}

unsigned long __get_free_pages(unsigned int order)
{
	struct page *page = alloc_pages(GFP_KERNEL, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(void)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);

	return page ? (unsigned long)page_address(page) : 0;
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}

unsigned long nr_free_pages(void)
{
	return READ_ONCE(mem_zone.free_pages);
}

unsigned long totalram_pages(void)
{
	return total_pages;
}

void page_alloc_set_total(unsigned long n)
{
	total_pages = n;
}
