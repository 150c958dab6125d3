/* SPDX-License-Identifier: MIT */
/*
 * The reverse map: from a page to every PTE that maps it, so reclaim can unmap it
 * (mm/rmap.c).
 *
 *   anonymous pages: page->mapping is the anon_vma, the list of every VMA that may hold the
 *     page. One anon_vma serves a whole family of processes (the VMA, its splits, and the
 *     copies fork makes), so a page shared after fork is found in parent and child alike;
 *     page->index is its linear index, (address - vm_start) / 4096 + vm_pgoff, from which
 *     each VMA gives the address back. (Linux 2.6's simple anon_vma, before anon_vma_chain.)
 *   file pages: the file's address_space, whose i_mmap lists the linear VMAs (address from
 *     the index again) and i_mmap_nonlinear the remap_file_pages'd ones (scanned).
 */
#ifndef MM_RMAP_H
#define MM_RMAP_H

#include <types.h>
#include <lib/list.h>
#include <kernel/spinlock.h>
#include <mm/mm_types.h>

struct page;

struct anon_vma {
	spinlock_t lock;
	struct list_head head;		/* VMAs, through vma->anon_vma_chain */
	int refcount;			/* VMAs on the list */
};

/* Gives vma an anon_vma before its first anonymous page; -ENOMEM. */
int anon_vma_prepare(struct vm_area_struct *vma);
/* vma (a copy or a split half of a VMA with an anon_vma) joins that anon_vma. */
void anon_vma_link(struct vm_area_struct *vma);
/* vma goes away; the anon_vma is freed with its last VMA. */
void anon_vma_unlink(struct vm_area_struct *vma);

/* A new anonymous page is mapped at address of vma. */
void page_add_anon_rmap(struct page *page, struct vm_area_struct *vma, unsigned long address);

/* How many PTEs mapping page had their young bit set; the bits are cleared (aging). */
int page_referenced(struct page *page);
/* Removes every PTE that maps page: anonymous ones become swap entries (the page must be
 * in the swap cache), file ones are cleared (or become file PTEs in nonlinear VMAs).
 * Returns true when no PTE maps it any more. */
bool try_to_unmap(struct page *page);

#endif
