// SPDX-License-Identifier: MIT
/*
 * Splitting a VMA in two (Linux's __split_vma in mm/mmap.c).
 *
 * munmap and mprotect act on any page-aligned range, but a VMA has one set of flags and is
 * mapped or not as a whole. So before they act on part of a VMA they cut it at the edges of
 * the range: munmap of [s, e) in the middle of V makes three VMAs and removes the middle one.
 *
 *          V.vm_start          s               e            V.vm_end
 *   before |--------------------------- V ---------------------------|
 *   split  |------ V ----------|---------- new -----------------------|    at s, new above
 *   split  |------ V ----------|--- new2 ------|--------- new --------|    at e, new2 below
 *
 * Each page keeps its offset in the file: page P of the mapping is file page
 * vm_pgoff + (P - vm_start) / PAGE_SIZE, so the upper part's vm_pgoff grows by the number of
 * pages in the lower part:
 *
 *   before   [0x10000, 0x16000)  vm_pgoff 4     file pages 4 5 6 7 8 9
 *   at 0x12000:
 *   lower    [0x10000, 0x12000)  vm_pgoff 4     file pages 4 5
 *   upper    [0x12000, 0x16000)  vm_pgoff 6     file pages 6 7 8 9
 *
 * Nothing happens to page tables: a PTE belongs to an address, not to a VMA.
 *
 * The caller allocates new (kmalloc in the kernel, malloc in the host tests) so that this
 * code cannot fail for lack of memory halfway through. Both halves must then be owned
 * properly: the caller takes a file reference for new and calls vm_ops->open(new).
 */
#include <mm/vma.h>
#include <kernel/errno.h>

int vma_split(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
	      struct vm_area_struct *new, bool new_below)
{
	unsigned long lower_pages;

	if (!IS_ALIGNED(addr, PAGE_SIZE) || addr <= vma->vm_start || addr >= vma->vm_end)
		return -EINVAL;
	lower_pages = (addr - vma->vm_start) >> PAGE_SHIFT;

	/* Same flags, protection, file, ops, private data and anon_vma; fresh links. */
	*new = *vma;
	new->vm_next = NULL;
	new->vm_prev = NULL;
	new->rb_subtree_gap = 0;
	INIT_LIST_HEAD(&new->anon_vma_chain);

	/*
	 * First shrink vma in place, leaving a hole where the other part goes, and bring the
	 * gaps up to date (vma_link expects them right); then link new into the hole.
	 */
	if (new_below) {
		new->vm_end = addr;
		vma->vm_start = addr;
		vma->vm_pgoff += lower_pages;
	} else {
		new->vm_start = addr;
		new->vm_pgoff += lower_pages;
		vma->vm_end = addr;
	}
	vma_adjust_gaps(mm, vma);
	vma_link(mm, new);
	return 0;
}
