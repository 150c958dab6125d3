// SPDX-License-Identifier: MIT
/*
 * mprotect: change the access of [start, start + len). The VMAs are split at the ends of
 * the range, given their new flags, and merged again with neighbours that now match; the
 * present PTEs get the new protection (with a TLB invalidate each, by set_pte_at).
 *
 * A PTE only ever loses write permission here: a page made writable again stays read-only
 * until the next write faults, and do_wp_page then decides between reusing it and copying
 * it — the page may still be shared copy-on-write with a parent or child.
 */
#include <mm/mmap.h>
#include <mm/vma.h>
#include <mm/pgd.h>
#include <mm/page_alloc.h>
#include <kernel/sched.h>
#include <kernel/errno.h>
#include <fs/fs.h>

static void change_pte_range(struct vm_area_struct *vma, unsigned long start,
			     unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long addr;

	for (addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *ptep = pte_offset(mm, addr), old, new;

		if (!ptep) {
			addr = ALIGN_UP(addr + 1, PGDIR_SIZE) - PAGE_SIZE;
			continue;
		}
		old = *ptep;
		if (!pte_present(old))
			continue;
		new = pfn_pte(pte_pfn(old), vma->vm_page_prot) |
		      (old & (L_PTE_YOUNG | L_PTE_DIRTY));
		if (!pte_write(old))
			new = pte_wrprotect(new);
		if (new != old)
			set_pte_at(mm, addr, ptep, new);
	}
}

/* After a change of flags: merge vma with its neighbours that now match. */
static void merge_around(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *gone;

	if (vma->vm_prev) {
		gone = vma_merge_with_next(mm, vma->vm_prev);
		if (gone) {			/* vma was swallowed by its prev */
			vma = find_vma(mm, gone->vm_start);
			vma_adopted_anon(vma);
			vma_free(gone);
		}
	}
	gone = vma_merge_with_next(mm, vma);
	if (gone) {
		vma_adopted_anon(vma);
		vma_free(gone);
	}
}

long sys_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long end, addr, next_addr, newflags;
	int err;

	if (start & (PAGE_SIZE - 1))
		return -EINVAL;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	len = ALIGN_UP(len, PAGE_SIZE);
	end = start + len;
	if (end < start || end > TASK_SIZE)
		return -ENOMEM;
	if (len == 0)
		return 0;
	/* Every page of the range must be mapped, and every VMA must allow the change. */
	for (addr = start; addr < end; addr = vma->vm_end) {
		vma = find_vma(mm, addr);
		if (!vma || vma->vm_start > addr)
			return -ENOMEM;
		if ((prot & PROT_WRITE) && !(vma->vm_flags & VM_MAYWRITE))
			return -EACCES;	/* a shared mapping of a file opened read-only */
	}
	err = split_vma_at(mm, start);
	if (!err)
		err = split_vma_at(mm, end);
	if (err)
		return err;
	/* Walk by address: a merge may free the VMA after this one. */
	for (addr = start; addr < end; addr = next_addr) {
		vma = find_vma(mm, addr);
		if (!vma || vma->vm_start >= end)
			break;
		next_addr = vma->vm_end;
		newflags = (vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC)) |
			   (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
			   (prot & PROT_EXEC ? VM_EXEC : 0);
		vma->vm_flags = newflags;
		vma->vm_page_prot = vm_get_page_prot(newflags);
		change_pte_range(vma, vma->vm_start, vma->vm_end);
		merge_around(mm, vma);
	}
	return 0;
}
