/* SPDX-License-Identifier: MIT */
/*
 * The page allocator: the buddy allocator (mm/buddy.c) over all of RAM, behind a lock.
 * Every page it hands out is in the linear map, so page_address() is just arithmetic.
 */
#ifndef MM_PAGE_ALLOC_H
#define MM_PAGE_ALLOC_H

#include <types.h>
#include <mm/page.h>
#include <mm/buddy.h>
#include <asm/memory.h>

typedef unsigned int gfp_t;
#define GFP_KERNEL	0u		/* may sleep (later: may reclaim) */
#define GFP_ATOMIC	(1u << 0)	/* from interrupt context or under a spinlock */
#define __GFP_ZERO	(1u << 1)	/* return zero-filled memory */

extern struct zone mem_zone;	/* all of RAM */

static inline unsigned long page_to_pfn(const struct page *page)
{
	return zone_page_to_pfn(&mem_zone, page);
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return zone_pfn_to_page(&mem_zone, pfn);
}

static inline bool pfn_valid(unsigned long pfn)
{
	return zone_contains_pfn(&mem_zone, pfn);
}

static inline void *page_address(const struct page *page)
{
	return __va((phys_addr_t)page_to_pfn(page) << PAGE_SHIFT);
}

static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(__pa(addr) >> PAGE_SHIFT);
}

/* lib/page.S: one page, page-aligned. */
void clear_page(void *page);
void copy_page(void *to, const void *from);

struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
unsigned long __get_free_pages(unsigned int order);	/* kernel address, 0 if none */
unsigned long get_zeroed_page(void);
void free_pages(unsigned long addr, unsigned int order);
#define alloc_page(gfp) alloc_pages(gfp, 0)
#define __free_page(page) __free_pages(page, 0)
#define free_page(addr) free_pages(addr, 0)

unsigned long nr_free_pages(void);
unsigned long totalram_pages(void);

/* Sets up mem_map and the buddy lists from the boot information (mm/init.c). */
struct bootinfo;
void mem_init(const struct bootinfo *bi);

/* What mem_init decided, for the boot banner and tests. */
struct mem_layout {
	phys_addr_t ram_start, ram_end;
	phys_addr_t mem_map_start, mem_map_end;
	unsigned long free_at_boot;	/* pages */
};
extern struct mem_layout mem_layout;

#include <mm/slab.h>

#endif
