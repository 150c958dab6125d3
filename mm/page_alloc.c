// SPDX-License-Identifier: MIT
/* The page allocator: mm/buddy.c plus locking, zeroing and kernel addresses. */
#include <mm/page_alloc.h>
#include <kernel/spinlock.h>
#include <lib/string.h>

struct zone mem_zone;
static DEFINE_SPINLOCK(zone_lock);
static unsigned long total_pages;

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page;
	unsigned long flags;

	spin_lock_irqsave(&zone_lock, flags);
	page = buddy_alloc(&mem_zone, order);
	spin_unlock_irqrestore(&zone_lock, flags);
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
