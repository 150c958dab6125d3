// SPDX-License-Identifier: MIT
/* In-kernel tests of the page allocator, kmalloc, kernel mappings and the TLB. */
#include <kernel/ktest.h>
#include <mm/page_alloc.h>
#include <mm/mmu.h>
#include <asm/tlbflush.h>
#include <asm/irqflags.h>
#include <asm/barrier.h>
#include <lib/string.h>
#include <kernel/errno.h>

/* Every order from 0 to MAX_ORDER-1 comes back aligned to its size, holds what is written,
 * and freeing everything returns the free count to where it started. */
KTEST(buddy_blocks_aligned_and_all_returned)
{
	unsigned long before = nr_free_pages();
	struct page *pages[MAX_ORDER];
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++) {
		unsigned long pfn;
		u32 *p;

		pages[order] = alloc_pages(GFP_KERNEL, order);
		KTEST_EXPECT(pages[order], "order %u: expected a block, seen NULL", order);
		if (!pages[order])
			continue;
		pfn = page_to_pfn(pages[order]);
		KTEST_EXPECT((pfn & ((1ul << order) - 1)) == 0,
			     "order %u: expected pfn aligned to %lu pages, seen pfn 0x%lx", order,
			     1ul << order, pfn);
		p = page_address(pages[order]);
		p[0] = 0xa5a50000 | order;
		p[(PAGE_SIZE << order) / 4 - 1] = 0x5a5a0000 | order;
	}
	for (order = 0; order < MAX_ORDER; order++) {
		u32 *p;

		if (!pages[order])
			continue;
		p = page_address(pages[order]);
		KTEST_EXPECT_EQ(p[0], 0xa5a50000 | order);
		KTEST_EXPECT_EQ(p[(PAGE_SIZE << order) / 4 - 1], 0x5a5a0000 | order);
		__free_pages(pages[order], order);
	}
	KTEST_EXPECT_EQ(nr_free_pages(), before);
}

/* Allocating until memory runs out gives NULL (not a crash), and everything comes back.
 * GFP_ATOMIC: no reclaim, so this is the buddy allocator alone (kswapd may still free page
 * cache meanwhile, which only gives us more blocks). */
KTEST(buddy_exhaustion_returns_null)
{
	struct page *head = NULL, *page;
	unsigned long n = 0, before;

	/* Chain the blocks through their own first word: no extra memory needed. */
	while ((page = alloc_pages(GFP_ATOMIC, 4)) != NULL) {
		*(struct page **)page_address(page) = head;
		head = page;
		n++;
	}
	KTEST_EXPECT(n > 0, "expected some order-4 blocks, seen none");
	before = nr_free_pages();
	while (head) {
		page = *(struct page **)page_address(head);
		__free_pages(head, 4);
		head = page;
	}
	KTEST_EXPECT(nr_free_pages() >= before + n * 16,
		     "freeing %lu order-4 blocks: expected >= %lu free pages, seen %lu", n,
		     before + n * 16, nr_free_pages());
}

/* kmalloc of each size class: distinct, non-overlapping, writable objects; kfree gives
 * the memory back (the slab pages return to the page allocator). */
KTEST(kmalloc_objects_distinct_and_freed)
{
	static const size_t sizes[] = { 1, 16, 24, 100, 512, 2048, 3000, 9000 };
	unsigned long before = nr_free_pages();
	void *objs[ARRAY_SIZE(sizes)][20];
	unsigned int s, i, j;

	for (s = 0; s < ARRAY_SIZE(sizes); s++) {
		for (i = 0; i < 20; i++) {
			objs[s][i] = kmalloc(sizes[s]);
			KTEST_EXPECT(objs[s][i], "kmalloc(%u): expected memory, seen NULL",
				     (unsigned int)sizes[s]);
			if (objs[s][i]) {
				KTEST_EXPECT(ksize(objs[s][i]) >= sizes[s],
					     "ksize: expected >= %u, seen %u", (unsigned int)sizes[s],
					     (unsigned int)ksize(objs[s][i]));
				memset(objs[s][i], (int)(s * 20 + i), sizes[s]);
			}
		}
	}
	for (s = 0; s < ARRAY_SIZE(sizes); s++)
		for (i = 0; i < 20; i++)
			for (j = 0; j < sizes[s]; j++)
				if (((u8 *)objs[s][i])[j] != (u8)(s * 20 + i)) {
					ktest_fail(__FILE__, __LINE__,
						   "object %u/%u byte %u: expected %u, seen %u "
						   "(objects overlap)", s, i, j, s * 20 + i,
						   ((u8 *)objs[s][i])[j]);
					break;
				}
	for (s = 0; s < ARRAY_SIZE(sizes); s++)
		for (i = 0; i < 20; i++)
			kfree(objs[s][i]);
	KTEST_EXPECT_EQ(nr_free_pages(), before);
}

#define TEST_VA (VMALLOC_START + 0x100000)

/* A fresh frame mapped at a new kernel virtual address shows the same bytes through both
 * the new mapping and the linear map, in both directions. */
KTEST(map_fresh_frame_seen_through_both_mappings)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	volatile u32 *linear, *mapped = (volatile u32 *)TEST_VA;

	KTEST_EXPECT(page, "expected a page, seen NULL");
	if (!page)
		return;
	linear = page_address(page);
	linear[5] = 0xfeedf00d;
	KTEST_EXPECT_EQ(map_kernel_page(TEST_VA, page_to_pfn(page), PAGE_KERNEL), 0);
	KTEST_EXPECT_EQ(mapped[5], 0xfeedf00d);
	mapped[7] = 0xc0ffee11;
	KTEST_EXPECT_EQ(linear[7], 0xc0ffee11);
	KTEST_EXPECT_EQ(unmap_kernel_page(TEST_VA), page_to_pfn(page));
	KTEST_EXPECT(!pte_present(*kernel_pte_lookup(TEST_VA)),
		     "after unmap: expected no present PTE, seen 0x%x", *kernel_pte_lookup(TEST_VA));
	KTEST_EXPECT_EQ(unmap_kernel_page(TEST_VA), (unsigned long)-ENOENT);
	KTEST_EXPECT_EQ(map_kernel_page(PAGE_OFFSET, page_to_pfn(page), PAGE_KERNEL), (unsigned long)-EINVAL);
	__free_page(page);
}

/*
 * The TLB really caches translations: point a mapped address at another frame by writing
 * the PTE only, and reads still reach the old frame; after the TLB invalidate they reach
 * the new one. (QEMU models the TLB; it does not model caches.)
 */
KTEST(tlb_stale_without_invalidate)
{
	struct page *a = alloc_page(GFP_KERNEL), *b = alloc_page(GFP_KERNEL);
	volatile u32 *va = (volatile u32 *)(TEST_VA + PAGE_SIZE);
	unsigned long flags;
	u32 before, stale, fresh;

	KTEST_EXPECT(a && b, "expected two pages");
	if (!a || !b)
		return;
	*(u32 *)page_address(a) = 0xaaaaaaaa;
	*(u32 *)page_address(b) = 0xbbbbbbbb;
	KTEST_EXPECT_EQ(map_kernel_page((unsigned long)va, page_to_pfn(a), PAGE_KERNEL), 0);

	flags = local_irq_save();
	before = *va;				/* the translation is now in the TLB */
	set_pte_ext(kernel_pte_lookup((unsigned long)va), pfn_pte(page_to_pfn(b), PAGE_KERNEL));
	dsb();
	isb();
	stale = *va;				/* no invalidate: the TLB still says frame a */
	flush_tlb_kernel_page((unsigned long)va);
	fresh = *va;				/* walked again: frame b */
	local_irq_restore(flags);

	KTEST_EXPECT_EQ(before, 0xaaaaaaaa);
	KTEST_EXPECT(stale == 0xaaaaaaaa,
		     "without TLB invalidate: expected the old frame's 0xaaaaaaaa, seen 0x%x", stale);
	KTEST_EXPECT(fresh == 0xbbbbbbbb,
		     "after TLB invalidate: expected the new frame's 0xbbbbbbbb, seen 0x%x", fresh);
	unmap_kernel_page((unsigned long)va);
	__free_page(a);
	__free_page(b);
}

/* The kernel image is mapped with the permissions linker.ld's sections ask for. */
KTEST(kernel_sections_have_their_permissions)
{
	extern char _text[], _etext[], _erodata[], _data[];
	pte_t text = *kernel_pte_lookup((unsigned long)_text);
	pte_t ro = *kernel_pte_lookup((unsigned long)_etext);
	pte_t data = *kernel_pte_lookup((unsigned long)_data);

	KTEST_EXPECT(!pte_write(text) && pte_exec(text), "text: expected r-x, seen pte 0x%x", text);
	KTEST_EXPECT(!pte_write(ro) && !pte_exec(ro), "rodata: expected r--, seen pte 0x%x", ro);
	KTEST_EXPECT(pte_write(data) && !pte_exec(data), "data: expected rw-, seen pte 0x%x", data);
	KTEST_EXPECT((unsigned long)_erodata <= (unsigned long)_data, "rodata must end before data");
}
