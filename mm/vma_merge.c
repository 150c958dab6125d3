// SPDX-License-Identifier: MIT
/*
 * Merging VMAs (Linux's vma_merge, is_mergeable_vma and can_vma_merge_before/after in
 * mm/mmap.c).
 *
 * Two VMAs that touch and would behave identically on every fault are kept as one: fewer
 * VMAs to search and walk, and a program that grows its heap page by page with mmap does
 * not end up with thousands of them. Merging is never required for correctness.
 *
 * prev and next may merge when
 *
 *   - they touch:                 prev->vm_end == next->vm_start
 *   - same vm_flags and vm_page_prot (same permissions, same sharing)
 *   - same vm_file and vm_ops     (faults are served the same way)
 *   - compatible anon_vma:        both NULL or the same one (anonymous pages of both halves
 *                                 must be found through one reverse map)
 *   - for a file mapping, contiguous file offsets: the page after prev's last page is
 *     next's first page:          prev->vm_pgoff + vma_pages(prev) == next->vm_pgoff
 *
 *        file pages:  4 5 6 | 7 8        mergeable:     prev 4..6, next 7..8
 *                     4 5 6 | 9 10       not mergeable: the file would jump from 6 to 9
 *
 *   - and neither is VM_NONLINEAR (remap_file_pages scrambled its offsets), nor has a
 *     vm_ops->close (it would be called once for the merged VMA instead of once per
 *     ->open'ed part: Linux refuses these too).
 *
 * A VMA with no anon_vma may merge with one that has one: the result adopts it, as in
 * Linux. The caller then links the grown VMA into that anon_vma (anon_vma_link) before it
 * frees the VMA merged away, which may have been the anon_vma's last user.
 */
#include <mm/vma.h>
#include <kernel/panic.h>

bool vma_can_merge(const struct vm_area_struct *prev, const struct vm_area_struct *next)
{
	if (prev->vm_end != next->vm_start)
		return false;
	if (prev->vm_flags != next->vm_flags || prev->vm_page_prot != next->vm_page_prot)
		return false;
	if (prev->vm_flags & VM_NONLINEAR)
		return false;
	if (prev->vm_file != next->vm_file || prev->vm_ops != next->vm_ops)
		return false;
	if (prev->vm_ops && prev->vm_ops->close)
		return false;
	if (prev->anon_vma && next->anon_vma && prev->anon_vma != next->anon_vma)
		return false;
	if (prev->vm_file && prev->vm_pgoff + vma_pages(prev) != next->vm_pgoff)
		return false;
	return true;
}

/*
 * prev grows over next:
 *
 *   |--- prev ---|--- next ---|     ->     |--------- prev ---------|
 *
 * next leaves the tree first, so that prev's new vm_end never overlaps a linked VMA.
 */
struct vm_area_struct *vma_merge_with_next(struct mm_struct *mm, struct vm_area_struct *prev)
{
	struct vm_area_struct *next = prev->vm_next;

	if (!next || !vma_can_merge(prev, next))
		return NULL;
	vma_unlink(mm, next);
	if (!prev->anon_vma)
		prev->anon_vma = next->anon_vma;	/* adopted: the caller links prev */
	prev->vm_end = next->vm_end;
	vma_adjust_gaps(mm, prev);
	return next;
}

/*
 * The new range [start, end) lies in the free space between prev and next (either may be
 * missing). Three ways to cover it without a new VMA:
 *
 *   extends prev:     |-- prev --|+++ new +++|     |-- next --|
 *   extends next:     |-- prev --|     |+++ new +++|-- next --|
 *   bridges both:     |-- prev --|+++++ new +++++|-- next --|
 *
 * Bridging needs prev to merge with next too; with our anon_vma rule that follows from
 * both tests (equality is transitive, and the offsets add up: prev's pages, then the new
 * range's, then next's).
 */
struct vm_area_struct *vma_merge(struct mm_struct *mm, const struct vm_area_struct *proposed,
				 struct vm_area_struct **freed)
{
	struct vm_area_struct *prev, *next;
	bool with_prev, with_next;

	*freed = NULL;
	next = find_vma_prev(mm, proposed->vm_start, &prev);
	BUG_ON(next && next->vm_start < proposed->vm_end); /* the range must be free */

	with_prev = prev && vma_can_merge(prev, proposed);
	with_next = next && vma_can_merge(proposed, next);
	/* Bridging also needs prev and next to agree with each other on the anon_vma. */
	if (with_prev && with_next && prev->anon_vma && next->anon_vma &&
	    prev->anon_vma != next->anon_vma)
		with_next = false;

	if (with_prev && with_next) {
		vma_unlink(mm, next);
		if (!prev->anon_vma)
			prev->anon_vma = next->anon_vma;	/* adopted: the caller links prev */
		prev->vm_end = next->vm_end;
		vma_adjust_gaps(mm, prev);
		*freed = next;
		return prev;
	}
	if (with_prev) {
		prev->vm_end = proposed->vm_end;
		vma_adjust_gaps(mm, prev);
		return prev;
	}
	if (with_next) {
		next->vm_start = proposed->vm_start;
		next->vm_pgoff = proposed->vm_pgoff;
		vma_adjust_gaps(mm, next);
		return next;
	}
	return NULL;
}
