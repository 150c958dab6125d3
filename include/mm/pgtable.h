/* SPDX-License-Identifier: MIT */
/*
 * Page tables, Linux ARM style (seed 003): the hardware's 1 MiB first-level entries are used
 * in pairs, so one second-level "pte page" (4 KiB) covers 2 MiB:
 *
 *   pte page + 0     512 Linux (software) PTEs for the 2 MiB: what the kernel reads
 *   pte page + 2048  256 hardware PTEs for the first MiB  } what the MMU walks
 *   pte page + 3072  256 hardware PTEs for the second MiB }
 *
 * The hardware entry for the software entry at ptep is at ptep + 512 (PTE_HWTABLE_PTRS).
 * Hardware PTEs have no spare bits, so state the MMU does not know about (young, dirty,
 * present-but-inaccessible, later swap and file entries) lives in the software PTE, and the
 * hardware PTE is derived from it by pte_to_hw():
 *
 * Software PTE, present (L_PTE_PRESENT set):
 *
 *    31                 12  11  9    8     7      6     5   4   3      2     1      0
 *   +---------------------+------+----+-----+------+-----+-------+------+-----+------+-----+
 *   |  page frame number  | NONE | XN | USER|RDONLY|DIRTY|   -   |DEVICE|  -  |YOUNG |PRESENT|
 *   +---------------------+------+----+-----+------+-----+-------+------+-----+------+-----+
 *
 * Software PTE, not present, in a VM_NONLINEAR mapping (remap_file_pages: a "file PTE"):
 *
 *    31                                          3    2     1   0
 *   +----------------------------------------------+------+---+---+
 *   |   page offset in the file (29 bits)          | FILE | 0 | 0 |
 *   +----------------------------------------------+------+---+---+
 *
 * The hardware PTE is a fault (0) when the page is not present or not young: the first
 * access then faults and the fault handler marks it young, which is how Linux emulates the
 * access flag on this CPU. It is read-only when RDONLY is set or DIRTY is clear: the first
 * write faults and marks it dirty.
 *
 * Pure logic: compiled into host unit tests (tests/host/test_pte.c).
 */
#ifndef MM_PGTABLE_H
#define MM_PGTABLE_H

#include <types.h>
#include <asm/pgtable-hwdef.h>

typedef u32 pte_t;

#define PGDIR_SHIFT		21	/* one pte page per 2 MiB */
#define PGDIR_SIZE		(1UL << PGDIR_SHIFT)
#define PTRS_PER_PTE		512
#define PTRS_PER_PGD		2048	/* pairs of first-level entries */
#define PTE_HWTABLE_PTRS	512	/* hardware entries follow the software ones */
#define PTE_HWTABLE_OFF		(PTE_HWTABLE_PTRS * sizeof(pte_t))

#define L_PTE_PRESENT	(1u << 0)
#define L_PTE_YOUNG	(1u << 1)
#define L_PTE_FILE	(1u << 2)	/* not present: a file PTE (pte_file) */
#define L_PTE_DEVICE	(1u << 3)
#define L_PTE_DIRTY	(1u << 6)
#define L_PTE_RDONLY	(1u << 7)
#define L_PTE_USER	(1u << 8)
#define L_PTE_XN	(1u << 9)
#define L_PTE_NONE	(1u << 11)	/* PROT_NONE: the page stays mapped, every access faults */

#define PTE_PFN_SHIFT	12

/* Kernel mappings are born young and dirty: the kernel never takes emulation faults. */
#define PAGE_KERNEL		(L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY | L_PTE_XN)
#define PAGE_KERNEL_RO		(L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_RDONLY | L_PTE_XN)
#define PAGE_KERNEL_EXEC	(L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY)
#define PAGE_KERNEL_ROX		(L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_RDONLY)
#define PAGE_KERNEL_DEVICE	(PAGE_KERNEL | L_PTE_DEVICE)

static inline pte_t pfn_pte(unsigned long pfn, u32 prot)
{
	return (pte_t)(pfn << PTE_PFN_SHIFT) | (prot & 0xfffu);
}

static inline unsigned long pte_pfn(pte_t pte)
{
	return pte >> PTE_PFN_SHIFT;
}

static inline bool pte_none(pte_t pte) { return pte == 0; }
static inline bool pte_present(pte_t pte) { return pte & L_PTE_PRESENT; }
static inline bool pte_young(pte_t pte) { return pte & L_PTE_YOUNG; }
static inline bool pte_dirty(pte_t pte) { return pte & L_PTE_DIRTY; }
static inline bool pte_write(pte_t pte) { return !(pte & L_PTE_RDONLY); }
static inline bool pte_exec(pte_t pte) { return !(pte & L_PTE_XN); }
static inline bool pte_user(pte_t pte) { return pte & L_PTE_USER; }

static inline pte_t pte_mkyoung(pte_t pte) { return pte | L_PTE_YOUNG; }
static inline pte_t pte_mkold(pte_t pte) { return pte & ~L_PTE_YOUNG; }
static inline pte_t pte_mkdirty(pte_t pte) { return pte | L_PTE_DIRTY; }
static inline pte_t pte_mkclean(pte_t pte) { return pte & ~L_PTE_DIRTY; }
static inline pte_t pte_mkwrite(pte_t pte) { return pte & ~L_PTE_RDONLY; }
static inline pte_t pte_wrprotect(pte_t pte) { return pte | L_PTE_RDONLY; }

#define PTE_FILE_SHIFT		3
#define PTE_FILE_MAX_BITS	29

static inline bool pte_file(pte_t pte)
{
	return !(pte & L_PTE_PRESENT) && (pte & L_PTE_FILE);
}

static inline pte_t pgoff_to_pte(unsigned long pgoff)
{
	return (pte_t)(pgoff << PTE_FILE_SHIFT) | L_PTE_FILE;
}

static inline unsigned long pte_to_pgoff(pte_t pte)
{
	return pte >> PTE_FILE_SHIFT;
}

/* The hardware small-page descriptor (include/asm/pgtable-hwdef.h) for a software PTE. */
u32 pte_to_hw(pte_t pte);

/* First-level descriptors: a pointer to a 1 KiB hardware table, and a 1 MiB section. */
static inline u32 mk_pmd_table(u32 hwtable_phys)
{
	return (hwtable_phys & ~0x3ffu) | PMD_TYPE_TABLE | PMD_DOMAIN(DOMAIN_KERNEL);
}

u32 mk_pmd_section(u32 phys, bool device, bool readonly, bool exec);

#endif
