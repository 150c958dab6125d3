/* SPDX-License-Identifier: MIT */
/*
 * The VMAs of an address space: tree and list upkeep, lookup, free-range search, split and
 * merge (Linux's mm/mmap.c, one concern per file here):
 *
 *   mm/vma_tree.c   vma_link, vma_unlink, vma_adjust_gaps, find_vma*, unmapped_area*
 *   mm/vma_split.c  vma_split
 *   mm/vma_merge.c  vma_can_merge, vma_merge_with_next, vma_merge
 *
 * All of it is pure logic: no locking (the caller holds the mm's lock), no allocation (the
 * caller allocates and frees VMAs), no page tables. docs/vma.md explains the structure.
 */
#ifndef MM_VMA_H
#define MM_VMA_H

#include <types.h>
#include <mm/mm_types.h>
#include <mm/page.h>

/* Number of pages the VMA covers. */
static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/* ---- mm/vma_tree.c ---------------------------------------------------------------------- */

/*
 * Put vma (vm_start < vm_end, both page-aligned, overlapping no VMA of mm: BUG otherwise)
 * into mm's tree and list, and update map_count, highest_vm_end and the gaps. vma->vm_mm is
 * the caller's to set.
 */
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma);

/* Take vma out of mm's tree and list (the reverse of vma_link). The caller frees it. */
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma);

/*
 * After moving vm_start and/or vm_end of a linked VMA in place (it must still overlap no
 * neighbour and keep vm_start < vm_end): bring the gaps and highest_vm_end up to date.
 */
void vma_adjust_gaps(struct mm_struct *mm, struct vm_area_struct *vma);

/* The first VMA with vm_end > addr (it contains addr or lies above it), or NULL. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);

/* find_vma(), and in *pprev the VMA just before it (the last VMA if find_vma is NULL). */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev);

/* The lowest VMA that overlaps [start, end), or NULL. */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, unsigned long start,
					     unsigned long end);

/*
 * Free-range search for get_unmapped_area. Returns the lowest (unmapped_area) or highest
 * (unmapped_area_topdown) start such that [start, start + length) overlaps no VMA,
 * low_limit <= start, start + length <= high_limit, and (start & align_mask) == 0; or
 * (unsigned long)-ENOMEM when there is none. align_mask is 2^k - 1 (0: no constraint beyond
 * the page alignment of the VMAs). An error is never page-aligned, so a caller may test
 * `addr & ~PAGE_MASK` as Linux does, or compare with (unsigned long)-ENOMEM.
 */
unsigned long unmapped_area(struct mm_struct *mm, unsigned long length, unsigned long low_limit,
			    unsigned long high_limit, unsigned long align_mask);
unsigned long unmapped_area_topdown(struct mm_struct *mm, unsigned long length,
				    unsigned long low_limit, unsigned long high_limit,
				    unsigned long align_mask);

/* ---- mm/vma_split.c --------------------------------------------------------------------- */

/*
 * Split vma at addr (page-aligned, vm_start < addr < vm_end) into two linked VMAs, using
 * new (allocated by the caller; any contents) for one of them:
 *
 *   new_below == false:  vma keeps [vm_start, addr), new takes [addr, vm_end)
 *   new_below == true:   new takes [vm_start, addr), vma keeps [addr, vm_end)
 *
 * new gets every other field of vma (flags, protection, file, ops, private data, anon_vma),
 * and vm_pgoff is adjusted so that each page keeps its file offset. Returns 0, or -EINVAL
 * (and changes nothing) if addr is not page-aligned or not strictly inside vma.
 *
 * The caller then does what owning a second VMA means: get_file(new->vm_file) if set,
 * new->vm_ops->open(new) if set, add new to the file's i_mmap and to the anon_vma chain
 * (when those exist).
 */
int vma_split(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
	      struct vm_area_struct *new, bool new_below);

/* ---- mm/vma_merge.c --------------------------------------------------------------------- */

/*
 * May prev and next (in address order; either may be an unlinked template) become one VMA?
 * They must touch (prev->vm_end == next->vm_start) and agree on everything that makes two
 * VMAs behave differently; see mm/vma_merge.c for the list.
 */
bool vma_can_merge(const struct vm_area_struct *prev, const struct vm_area_struct *next);

/*
 * If prev and prev->vm_next may merge: extend prev over next, unlink next and return it
 * for the caller to free (fput(next->vm_file) first; no vm_ops->close: merge refuses VMAs
 * that have one). Otherwise change nothing and return NULL.
 */
struct vm_area_struct *vma_merge_with_next(struct mm_struct *mm, struct vm_area_struct *prev);

/*
 * mmap_region's merge, before it allocates a VMA. proposed describes the new mapping as its
 * VMA would be: vm_start, vm_end, vm_flags, vm_page_prot, vm_file, vm_ops, vm_pgoff,
 * anon_vma (NULL); it is only read, never linked. [vm_start, vm_end) must be free.
 *
 * If a neighbour can simply grow to cover the range, it does:
 *
 *   prev only:   prev grows up to proposed->vm_end
 *   next only:   next grows down to proposed->vm_start (taking its vm_pgoff)
 *   both:        prev grows over the range and over next; next is unlinked and returned in
 *                *freed for the caller to free (and fput)
 *
 * Returns the VMA that now covers the range, or NULL: nothing changed, allocate a VMA and
 * vma_link() it. *freed is set to NULL unless next was unlinked.
 */
struct vm_area_struct *vma_merge(struct mm_struct *mm, const struct vm_area_struct *proposed,
				 struct vm_area_struct **freed);

#endif /* MM_VMA_H */
