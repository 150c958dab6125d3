/* SPDX-License-Identifier: MIT */
/*
 * A process's page tables (mm/pgd.c). The first-level table covers the user half only:
 * with TTBCR.N = 1 it has 2048 entries (8 KiB, aligned to 8 KiB). Second-level pte pages
 * (include/mm/pgtable.h: 512 software + 2 x 256 hardware entries per 2 MiB) are allocated
 * on first use and freed with the table.
 */
#ifndef MM_PGD_H
#define MM_PGD_H

#include <types.h>
#include <mm/pgtable.h>

struct mm_struct;

#define USER_PTRS_PER_PGD 2048	/* first-level entries below TASK_SIZE */

int pgd_alloc(struct mm_struct *mm);		/* 0 or -ENOMEM */
void pgd_free(struct mm_struct *mm);		/* frees the table and every pte page */

/* The software PTE for addr, or NULL if its pte page does not exist. */
pte_t *pte_offset(struct mm_struct *mm, unsigned long addr);
/* The same, allocating the pte page if needed; NULL without memory. */
pte_t *pte_alloc(struct mm_struct *mm, unsigned long addr);
/* Frees the pte pages wholly inside [start, end) whose entries are all none. */
void free_pgtables(struct mm_struct *mm, unsigned long start, unsigned long end);

/*
 * Installs pte for a user address: writes the software and hardware entries, makes them
 * visible to the table walker and, if the old hardware entry was valid, invalidates the
 * TLB entry of (addr, this mm's ASID) — exactly that one, on every CPU.
 */
void set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte);

#endif
