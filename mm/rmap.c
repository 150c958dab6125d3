// SPDX-License-Identifier: MIT
/* The reverse map: see include/mm/rmap.h. */
#include <mm/rmap.h>
#include <mm/pgd.h>
#include <mm/pagemap.h>
#include <mm/page_alloc.h>
#include <mm/swapops.h>
#include <mm/swap.h>
#include <mm/slab.h>
#include <fs/fs.h>
#include <kernel/errno.h>

int anon_vma_prepare(struct vm_area_struct *vma)
{
	struct anon_vma *av;

	if (vma->anon_vma)
		return 0;
	av = kzalloc(sizeof(*av));
	if (!av)
		return -ENOMEM;
	spin_lock_init(&av->lock);
	INIT_LIST_HEAD(&av->head);
	vma->anon_vma = av;
	anon_vma_link(vma);
	return 0;
}

void anon_vma_link(struct vm_area_struct *vma)
{
	struct anon_vma *av = vma->anon_vma;
	unsigned long flags;

	if (!av)
		return;
	spin_lock_irqsave(&av->lock, flags);
	list_add_tail(&vma->anon_vma_chain, &av->head);
	av->refcount++;
	spin_unlock_irqrestore(&av->lock, flags);
}

void anon_vma_unlink(struct vm_area_struct *vma)
{
	struct anon_vma *av = vma->anon_vma;
	unsigned long flags;
	bool last;

	if (!av)
		return;
	spin_lock_irqsave(&av->lock, flags);
	list_del(&vma->anon_vma_chain);
	last = --av->refcount == 0;
	spin_unlock_irqrestore(&av->lock, flags);
	vma->anon_vma = NULL;
	if (last)
		kfree(av);
}

static unsigned long linear_index(struct vm_area_struct *vma, unsigned long address)
{
	return vma->vm_pgoff + ((address - vma->vm_start) >> PAGE_SHIFT);
}

void page_add_anon_rmap(struct page *page, struct vm_area_struct *vma, unsigned long address)
{
	page->mapping = (struct address_space *)vma->anon_vma;
	page->index = linear_index(vma, address);
}

/* Where vma would map page (by its index), or 0 if outside vma. */
static unsigned long vma_address(struct page *page, struct vm_area_struct *vma)
{
	unsigned long address;

	if (page->index < vma->vm_pgoff)
		return 0;
	address = vma->vm_start + ((page->index - vma->vm_pgoff) << PAGE_SHIFT);
	return address < vma->vm_end ? address : 0;
}

/* What one rmap walk does at each PTE that maps the page. */
enum rmap_action { RMAP_REFERENCED, RMAP_UNMAP };

struct rmap_walk {
	enum rmap_action action;
	int referenced;
};

static void one_pte(struct page *page, struct vm_area_struct *vma, unsigned long address,
		    pte_t *ptep, struct rmap_walk *w)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t pte = *ptep, new;

	if (w->action == RMAP_REFERENCED) {
		if (pte_young(pte)) {
			w->referenced++;
			/* Old: the MMU faults on the next access, which sets it young again. */
			set_pte_at(mm, address, ptep, pte_mkold(pte));
		}
		return;
	}
	if (pte_dirty(pte))
		set_page_dirty(page);
	if (test_page_flag(page, PG_anon)) {
		swp_entry_t entry = { page->private };

		swap_duplicate(entry);		/* the PTE now holds the slot */
		new = swp_entry_to_pte(entry);
		mm->rss_anon--;
		mm->swap_ents++;
	} else {
		/* A nonlinear VMA keeps the page's offset for the next fault to find. */
		new = (vma->vm_flags & VM_NONLINEAR) ? pgoff_to_pte(page->index) : 0;
		mm->rss_file--;
	}
	set_pte_at(mm, address, ptep, new);	/* with the TLB invalidate */
	__atomic_sub_fetch(&page->_mapcount, 1, __ATOMIC_SEQ_CST);
	put_page(page);				/* the PTE's reference */
}

static void walk_vma(struct page *page, struct vm_area_struct *vma, struct rmap_walk *w)
{
	unsigned long address, end = vma->vm_end;

	if (!(vma->vm_flags & VM_NONLINEAR)) {
		address = vma_address(page, vma);
		if (!address)
			return;
		end = address + PAGE_SIZE;
	} else {
		address = vma->vm_start;	/* try_to_unmap_nonlinear: scan it all */
	}
	for (; address < end; address += PAGE_SIZE) {
		pte_t *ptep = pte_offset(vma->vm_mm, address);

		if (ptep && pte_present(*ptep) && pte_pfn(*ptep) == page_to_pfn(page))
			one_pte(page, vma, address, ptep, w);
	}
}

static void rmap_walk(struct page *page, struct rmap_walk *w)
{
	struct vm_area_struct *vma;

	if (test_page_flag(page, PG_anon)) {
		struct anon_vma *av = (struct anon_vma *)page->mapping;
		unsigned long flags;

		if (!av)
			return;
		spin_lock_irqsave(&av->lock, flags);
		list_for_each_entry(vma, &av->head, anon_vma_chain)
			walk_vma(page, vma, w);
		spin_unlock_irqrestore(&av->lock, flags);
	} else if (page->mapping) {
		struct address_space *mapping = page->mapping;

		spin_lock(&mapping->i_mmap_lock);
		list_for_each_entry(vma, &mapping->i_mmap, shared)
			walk_vma(page, vma, w);
		list_for_each_entry(vma, &mapping->i_mmap_nonlinear, shared)
			walk_vma(page, vma, w);
		spin_unlock(&mapping->i_mmap_lock);
	}
}

int page_referenced(struct page *page)
{
	struct rmap_walk w = { RMAP_REFERENCED, 0 };

	if (page->_mapcount < 0)
		return 0;
	rmap_walk(page, &w);
	return w.referenced;
}

bool try_to_unmap(struct page *page)
{
	struct rmap_walk w = { RMAP_UNMAP, 0 };

	if (page->_mapcount >= 0)
		rmap_walk(page, &w);
	return page->_mapcount < 0;
}
