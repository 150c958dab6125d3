// SPDX-License-Identifier: MIT
/*
 * Writing page-table entries, and kernel page mappings in the VMALLOC area.
 * The layout of a pte page (software entries + two hardware tables) is in
 * include/mm/pgtable.h.
 */
#include <mm/mmu.h>
#include <mm/page_alloc.h>
#include <asm/cacheflush.h>
#include <asm/tlbflush.h>
#include <asm/barrier.h>
#include <asm/memory.h>
#include <kernel/errno.h>
#include <kernel/spinlock.h>
#include <lib/string.h>

static DEFINE_SPINLOCK(kernel_pt_lock);	/* serialises changes to swapper_pg_dir */

void set_pte_ext(pte_t *ptep, pte_t pte)
{
	u32 *hwp = (u32 *)ptep + PTE_HWTABLE_PTRS;

	*ptep = pte;
	*hwp = pte_to_hw(pte);
	/* Table walks read memory at the Point of Unification: push the new hardware entry
	 * out of the L1 data cache (harmless where walks are coherent), then wait for it. */
	dcache_clean_pou((unsigned long)hwp, (unsigned long)(hwp + 1));
}

void set_pte_kernel(unsigned long vaddr, pte_t *ptep, pte_t pte)
{
	u32 old_hw = ((u32 *)ptep)[PTE_HWTABLE_PTRS];

	set_pte_ext(ptep, pte);
	/* A TLB may hold only what the walker could have read: a valid old entry. */
	if (old_hw != PTE_TYPE_FAULT)
		flush_tlb_kernel_page(vaddr);
}

/* First-level entries for vaddr's 2 MiB come in pairs; the even one points 2 KiB into the
 * pte page (its first hardware table). Returns the pte page, or NULL if there is none. */
static pte_t *pte_page_of(unsigned long vaddr)
{
	u32 pmd = swapper_pg_dir[(vaddr >> SECTION_SHIFT) & ~1u];

	if ((pmd & PMD_TYPE_MASK) != PMD_TYPE_TABLE)
		return NULL;
	return __va((pmd & ~0x3ffu) - PTE_HWTABLE_OFF);
}

pte_t *kernel_pte_lookup(unsigned long vaddr)
{
	pte_t *pte_page = pte_page_of(vaddr);

	if (!pte_page)
		return NULL;
	return pte_page + ((vaddr >> PAGE_SHIFT) & (PTRS_PER_PTE - 1));
}

static pte_t *kernel_pte_alloc(unsigned long vaddr)
{
	unsigned long idx = (vaddr >> SECTION_SHIFT) & ~1u;
	unsigned long page;
	phys_addr_t hw;

	if (pte_page_of(vaddr))
		return kernel_pte_lookup(vaddr);
	page = get_zeroed_page();
	if (!page)
		return NULL;
	hw = __pa((void *)page) + PTE_HWTABLE_OFF;
	dcache_clean_pou(page, page + PAGE_SIZE);
	swapper_pg_dir[idx] = mk_pmd_table(hw);
	swapper_pg_dir[idx + 1] = mk_pmd_table(hw + 1024);
	/* Only fault entries were replaced, and those are never cached in a TLB. */
	dcache_clean_pou((unsigned long)&swapper_pg_dir[idx], (unsigned long)&swapper_pg_dir[idx + 2]);
	return kernel_pte_lookup(vaddr);
}

static bool in_vmalloc_area(unsigned long vaddr)
{
	return vaddr >= VMALLOC_START && vaddr < VMALLOC_END;
}

int map_kernel_page(unsigned long vaddr, unsigned long pfn, u32 prot)
{
	unsigned long flags;
	pte_t *ptep;
	int ret = 0;

	if (!in_vmalloc_area(vaddr) || (vaddr & ~PAGE_MASK))
		return -EINVAL;
	spin_lock_irqsave(&kernel_pt_lock, flags);
	ptep = kernel_pte_alloc(vaddr);
	if (!ptep)
		ret = -ENOMEM;
	else
		set_pte_kernel(vaddr, ptep, pfn_pte(pfn, prot));
	spin_unlock_irqrestore(&kernel_pt_lock, flags);
	return ret;
}

long unmap_kernel_page(unsigned long vaddr)
{
	unsigned long flags;
	pte_t *ptep;
	long ret;

	if (!in_vmalloc_area(vaddr))
		return -EINVAL;
	spin_lock_irqsave(&kernel_pt_lock, flags);
	ptep = kernel_pte_lookup(vaddr);
	if (!ptep || !pte_present(*ptep)) {
		ret = -ENOENT;
	} else {
		ret = (long)pte_pfn(*ptep);
		set_pte_kernel(vaddr, ptep, 0);
	}
	spin_unlock_irqrestore(&kernel_pt_lock, flags);
	return ret;
}
