// SPDX-License-Identifier: MIT
/* Per-process page tables: see include/mm/pgd.h for the layout. */
#include <mm/pgd.h>
#include <mm/mm_types.h>
#include <mm/mmu.h>
#include <mm/page_alloc.h>
#include <asm/cacheflush.h>
#include <asm/tlbflush.h>
#include <asm/memory.h>
#include <kernel/errno.h>
#include <lib/string.h>

int pgd_alloc(struct mm_struct *mm)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 1);	/* 8 KiB, 8 KiB aligned */

	if (!page)
		return -ENOMEM;
	mm->pgd = page_address(page);
	dcache_clean_pou((unsigned long)mm->pgd, (unsigned long)mm->pgd + 2 * PAGE_SIZE);
	return 0;
}

/* The pte page of a first-level pair, or NULL. */
static pte_t *pte_page_at(u32 *pgd, unsigned int pair)
{
	u32 pmd = pgd[2 * pair];

	if ((pmd & PMD_TYPE_MASK) != PMD_TYPE_TABLE)
		return NULL;
	return __va((pmd & ~0x3ffu) - PTE_HWTABLE_OFF);
}

void pgd_free(struct mm_struct *mm)
{
	unsigned int pair;

	if (!mm->pgd)
		return;
	for (pair = 0; pair < USER_PTRS_PER_PGD / 2; pair++) {
		pte_t *ptes = pte_page_at(mm->pgd, pair);

		if (ptes)
			free_page((unsigned long)ptes);
	}
	free_pages((unsigned long)mm->pgd, 1);
	mm->pgd = NULL;
}

pte_t *pte_offset(struct mm_struct *mm, unsigned long addr)
{
	pte_t *ptes;

	if (addr >= TASK_SIZE)
		return NULL;
	ptes = pte_page_at(mm->pgd, addr >> PGDIR_SHIFT);
	return ptes ? ptes + ((addr >> PAGE_SHIFT) & (PTRS_PER_PTE - 1)) : NULL;
}

pte_t *pte_alloc(struct mm_struct *mm, unsigned long addr)
{
	unsigned int pair = addr >> PGDIR_SHIFT;
	unsigned long page;
	phys_addr_t hw;

	if (addr >= TASK_SIZE)
		return NULL;
	if (pte_page_at(mm->pgd, pair))
		return pte_offset(mm, addr);
	page = get_zeroed_page();
	if (!page)
		return NULL;
	hw = __pa((void *)page) + PTE_HWTABLE_OFF;
	dcache_clean_pou(page, page + PAGE_SIZE);
	mm->pgd[2 * pair] = mk_pmd_table(hw);
	mm->pgd[2 * pair + 1] = mk_pmd_table(hw + 1024);
	/* The entries replaced were faults, which no TLB caches: no invalidate needed. */
	dcache_clean_pou((unsigned long)&mm->pgd[2 * pair], (unsigned long)&mm->pgd[2 * pair + 2]);
	return pte_offset(mm, addr);
}

void free_pgtables(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unsigned long pair;

	for (pair = ALIGN_UP(start, PGDIR_SIZE) >> PGDIR_SHIFT;
	     (pair + 1) << PGDIR_SHIFT <= end && pair < USER_PTRS_PER_PGD / 2; pair++) {
		pte_t *ptes = pte_page_at(mm->pgd, pair);
		unsigned int i;

		if (!ptes)
			continue;
		for (i = 0; i < PTRS_PER_PTE; i++)
			if (!pte_none(ptes[i]))
				break;
		if (i < PTRS_PER_PTE)
			continue;
		mm->pgd[2 * pair] = 0;
		mm->pgd[2 * pair + 1] = 0;
		dcache_clean_pou((unsigned long)&mm->pgd[2 * pair],
				 (unsigned long)&mm->pgd[2 * pair + 2]);
		/* The walker may have cached the table pointer: forget this mm's entries. */
		flush_tlb_asid(mm->asid);
		free_page((unsigned long)ptes);
	}
}

void set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte)
{
	u32 old_hw = ((u32 *)ptep)[PTE_HWTABLE_PTRS];

	set_pte_ext(ptep, pte);
	if (old_hw != PTE_TYPE_FAULT)
		flush_tlb_page_asid(addr, mm->asid);
}
