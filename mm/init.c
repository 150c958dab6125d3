// SPDX-License-Identifier: MIT
/*
 * mem_init: from the RAM banks the boot loader described to a working page allocator.
 *
 *   RAM start                                                                    RAM end
 *   | ATAGS, boot table | kernel image | mem_map |   free   | initrd |     free      |
 *   |<------------ reserved ---------->|<- res ->|          |<-res ->|               |
 *
 * mem_map (one struct page per frame) goes right after the image, or after the initrd
 * when the two would overlap.
 */
#include <mm/page_alloc.h>
#include <boot/bootinfo.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <lib/string.h>

extern char _end[];
void page_alloc_set_total(unsigned long n);

struct mem_layout mem_layout;

static bool overlaps(phys_addr_t a, phys_addr_t a_end, phys_addr_t b, phys_addr_t b_end)
{
	return a < b_end && b < a_end;
}

void mem_init(const struct bootinfo *bi)
{
	phys_addr_t ram_start = phys_base, ram_end = phys_base;
	phys_addr_t image_end = ALIGN_UP(__pa(_end), PAGE_SIZE);
	phys_addr_t initrd = bi->initrd_start, initrd_end = bi->initrd_start + bi->initrd_size;
	phys_addr_t map_start, map_end;
	unsigned long nr_pages, map_bytes, freed = 0;
	int b;

	/* The linear map covers [phys_base, phys_base + 1 GiB): use the banks inside it. */
	for (b = 0; b < bi->nr_mem; b++) {
		phys_addr_t end = bi->mem[b].start + bi->mem[b].size;

		if (bi->mem[b].start < phys_base)
			continue;
		if (end < bi->mem[b].start || end - phys_base > LOWMEM_MAX_SIZE)
			end = phys_base + LOWMEM_MAX_SIZE;
		if (end > ram_end)
			ram_end = end;
	}
	ram_end &= PAGE_MASK;
	if (ram_end <= image_end)
		panic("mm: no RAM beyond the kernel image (RAM ends at %08x)", ram_end);

	nr_pages = (ram_end - ram_start) >> PAGE_SHIFT;
	map_bytes = ALIGN_UP(nr_pages * sizeof(struct page), PAGE_SIZE);
	map_start = image_end;
	if (bi->initrd_size && overlaps(map_start, map_start + map_bytes, initrd, initrd_end))
		map_start = ALIGN_UP(initrd_end, PAGE_SIZE);
	map_end = map_start + map_bytes;
	if (map_end > ram_end)
		panic("mm: no room for mem_map (%lu bytes)", map_bytes);

	buddy_init(&mem_zone, __va(map_start), ram_start >> PAGE_SHIFT, nr_pages);

	/* Give each bank's pages to the buddy allocator, minus the reserved ranges. */
	for (b = 0; b < bi->nr_mem; b++) {
		phys_addr_t start = bi->mem[b].start, end = start + bi->mem[b].size;
		phys_addr_t p;

		if (start < ram_start)
			continue;
		if (end > ram_end || end < start)
			end = ram_end;
		for (p = ALIGN_UP(start, PAGE_SIZE); p + PAGE_SIZE <= end; p += PAGE_SIZE) {
			phys_addr_t run = p;

			/* Extend a run of free pages, then free it in one call. */
			while (p + PAGE_SIZE <= end && !overlaps(p, p + PAGE_SIZE, ram_start, image_end) &&
			       !overlaps(p, p + PAGE_SIZE, map_start, map_end) &&
			       !(bi->initrd_size && overlaps(p, p + PAGE_SIZE, initrd, initrd_end)))
				p += PAGE_SIZE;
			if (p > run) {
				buddy_free_range(&mem_zone, run >> PAGE_SHIFT, p >> PAGE_SHIFT);
				freed += (p - run) >> PAGE_SHIFT;
			}
		}
	}
	page_alloc_set_total(nr_pages);
	kmalloc(0);	/* sets up the size classes while only one thread runs */

	mem_layout.ram_start = ram_start;
	mem_layout.ram_end = ram_end;
	mem_layout.mem_map_start = map_start;
	mem_layout.mem_map_end = map_end;
	mem_layout.free_at_boot = freed;
}
