// SPDX-License-Identifier: MIT
/*
 * remap_file_pages (seed 000): rearrange which pages of a file appear where inside an
 * existing MAP_SHARED mapping, without creating VMAs. The first use marks the VMA
 * VM_NONLINEAR and moves it from its file's i_mmap to i_mmap_nonlinear (the reverse map
 * can no longer compute a page's address from its offset). Each page of the range then
 * gets a file PTE holding its page offset (install_file_pte); a later access faults
 * through do_nonlinear_fault, which reads the offset back out of the PTE. Without
 * MAP_NONBLOCK the pages are made present at once, as make_pages_present did.
 */
#include <mm/memory.h>
#include <mm/mmap.h>
#include <mm/vma.h>
#include <mm/pgd.h>
#include <mm/pagemap.h>
#include <mm/page_alloc.h>
#include <kernel/sched.h>
#include <kernel/errno.h>
#include <fs/fs.h>

int install_file_pte(struct vm_area_struct *vma, unsigned long addr, unsigned long pgoff)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *ptep = pte_alloc(mm, addr), old;

	if (!ptep)
		return -ENOMEM;
	old = *ptep;
	if (pte_present(old)) {
		struct page *page = pfn_to_page(pte_pfn(old));

		/* Zap first: the old translation must be gone (TLB) before the PTE changes
		 * meaning, and a dirty page must not lose its data. */
		set_pte_at(mm, addr, ptep, 0);
		if (pte_dirty(old))
			set_page_dirty(page);
		if (test_page_flag(page, PG_anon))
			mm->rss_anon--;
		else
			mm->rss_file--;
		__atomic_sub_fetch(&page->_mapcount, 1, __ATOMIC_SEQ_CST);
		put_page(page);
	}
	set_pte_at(mm, addr, ptep, pgoff_to_pte(pgoff));
	return 0;
}

static void make_nonlinear(struct vm_area_struct *vma)
{
	vma_unlink_file(vma);
	vma->vm_flags |= VM_NONLINEAR;
	vma_link_file(vma);
}

long sys_remap_file_pages(unsigned long start, unsigned long size, unsigned long prot,
			  unsigned long pgoff, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long addr, end;
	int err;

	/* The checks of Linux 3.x, in its order. */
	if (prot)
		return -EINVAL;
	if (flags & ~MAP_NONBLOCK)
		return -EINVAL;
	start &= PAGE_MASK;
	size &= PAGE_MASK;
	end = start + size;
	if (end <= start)
		return -EINVAL;		/* empty, or wraps around */
	if (pgoff + (size >> PAGE_SHIFT) < pgoff)
		return -EINVAL;
	if (pgoff + (size >> PAGE_SHIFT) >= (1UL << PTE_FILE_MAX_BITS))
		return -EINVAL;		/* a file PTE cannot hold the offset */
	vma = find_vma(mm, start);
	if (!vma || !(vma->vm_flags & VM_SHARED) || !vma->vm_ops || !vma->vm_ops->fault)
		return -EINVAL;
	if (start < vma->vm_start || end > vma->vm_end)
		return -EINVAL;
	if (!(vma->vm_flags & VM_NONLINEAR)) {
		/* Nothing to rearrange: the linear layout already shows these pages here. */
		if (pgoff == vma->vm_pgoff + ((start - vma->vm_start) >> PAGE_SHIFT))
			return 0;
		make_nonlinear(vma);
	}
	for (addr = start; addr < end; addr += PAGE_SIZE, pgoff++) {
		err = install_file_pte(vma, addr, pgoff);
		if (err)
			return err;
	}
	if (!(flags & MAP_NONBLOCK)) {
		/* Populate now (read faults: a shared mapping is dirtied by writes only). */
		for (addr = start; addr < end; addr += PAGE_SIZE)
			if (handle_mm_fault(vma, addr, 0) & VM_FAULT_ERROR)
				break;	/* past EOF: the access itself will get SIGBUS */
	}
	return 0;
}
