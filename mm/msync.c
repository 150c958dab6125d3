// SPDX-License-Identifier: MIT
/*
 * msync, mincore and madvise: three walks over a range of the caller's mappings.
 *
 * msync(MS_SYNC) moves the dirty bits of the range's PTEs into the page cache (the page
 * becomes dirty, the PTE clean and read-only again, so the next write faults and dirties it
 * anew), then writes the file's dirty pages back. MS_ASYNC only moves the dirty bits: the
 * data reaches the file at the next sync. read(2) sees it at once either way: mapping and
 * read(2) share one page cache.
 */
#include <mm/mmap.h>
#include <mm/vma.h>
#include <mm/pgd.h>
#include <mm/memory.h>
#include <mm/pagemap.h>
#include <mm/page_alloc.h>
#include <kernel/sched.h>
#include <kernel/errno.h>
#include <kernel/uaccess.h>
#include <fs/fs.h>

#define MS_ASYNC	1
#define MS_INVALIDATE	2
#define MS_SYNC		4

#define MADV_NORMAL	0
#define MADV_RANDOM	1
#define MADV_SEQUENTIAL	2
#define MADV_WILLNEED	3
#define MADV_DONTNEED	4

/* Checks that [start, end) is all mapped; -ENOMEM if not. */
static int range_mapped(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unsigned long addr;
	struct vm_area_struct *vma;

	for (addr = start; addr < end; addr = vma->vm_end) {
		vma = find_vma(mm, addr);
		if (!vma || vma->vm_start > addr)
			return -ENOMEM;
	}
	return 0;
}

static void clean_ptes(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	unsigned long addr;

	for (addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *ptep = pte_offset(vma->vm_mm, addr), pte;

		if (!ptep || !pte_present(pte = *ptep) || !pte_dirty(pte))
			continue;
		set_page_dirty(pfn_to_page(pte_pfn(pte)));
		set_pte_at(vma->vm_mm, addr, ptep, pte_wrprotect(pte_mkclean(pte)));
	}
}

long sys_msync(unsigned long start, size_t len, int flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long end;
	int err = 0;

	if ((start & (PAGE_SIZE - 1)) || (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC)) ||
	    ((flags & MS_ASYNC) && (flags & MS_SYNC)))
		return -EINVAL;
	end = start + ALIGN_UP(len, PAGE_SIZE);
	if (end < start)
		return -ENOMEM;
	if (range_mapped(mm, start, end))
		return -ENOMEM;
	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = vma->vm_next) {
		if (!(vma->vm_flags & VM_SHARED) || !vma->vm_file)
			continue;
		clean_ptes(vma, max(start, vma->vm_start), min(end, vma->vm_end));
		if (flags & MS_SYNC) {
			int e = vfs_fsync(vma->vm_file);

			if (e && !err)
				err = e;
		}
	}
	return err;
}

long sys_mincore(unsigned long start, size_t len, unsigned char __user *vec)
{
	struct mm_struct *mm = current->mm;
	unsigned long end, addr;

	if (start & (PAGE_SIZE - 1))
		return -EINVAL;
	end = start + ALIGN_UP(len, PAGE_SIZE);
	if (end < start || end > TASK_SIZE)
		return -ENOMEM;
	if (range_mapped(mm, start, end))
		return -ENOMEM;
	if (!access_ok(vec, (end - start) >> PAGE_SHIFT))
		return -EFAULT;
	for (addr = start; addr < end; addr += PAGE_SIZE) {
		struct vm_area_struct *vma = find_vma(mm, addr);
		pte_t *ptep = pte_offset(mm, addr);
		unsigned char in = ptep && pte_present(*ptep);

		/* A file page counts if it is in the page cache, mapped here or not. */
		if (!in && vma->vm_file) {
			unsigned long pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
			struct page *page = find_get_page(vma->vm_file->f_inode->i_mapping, pgoff);

			if (page) {
				in = PageUptodate(page);
				put_page(page);
			}
		}
		if (copy_to_user(vec + ((addr - start) >> PAGE_SHIFT), &in, 1))
			return -EFAULT;
	}
	return 0;
}

long sys_madvise(unsigned long start, size_t len, int advice)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long end;

	if (start & (PAGE_SIZE - 1))
		return -EINVAL;
	switch (advice) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_DONTNEED:
		break;
	default:
		return -EINVAL;
	}
	end = start + ALIGN_UP(len, PAGE_SIZE);
	if (end < start)
		return -EINVAL;
	if (range_mapped(mm, start, end))
		return -ENOMEM;
	if (advice != MADV_DONTNEED)
		return 0;	/* hints this kernel has no use for */
	/* Drop the pages: private anonymous memory reads back as zeros, a file mapping
	 * reads the file again. */
	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = vma->vm_next)
		zap_page_range(vma, max(start, vma->vm_start), min(end, vma->vm_end));
	return 0;
}
