/* SPDX-License-Identifier: MIT */
/* The kernel's own translation table (swapper_pg_dir) and kernel mappings. */
#ifndef MM_MMU_H
#define MM_MMU_H

#include <types.h>
#include <mm/pgtable.h>

struct bootinfo;

/* The first-level table translating every address from PAGE_OFFSET up, through TTBR1. */
extern u32 swapper_pg_dir[4096];

/* Step 1 (before anything is printed): the kernel image with page permissions, the boot
 * blob, and the switch from head.S's boot table to swapper_pg_dir. */
void paging_init(phys_addr_t boot_blob);
/* Step 2 (once the RAM size is known): map all RAM into the linear map. */
void map_lowmem(const struct bootinfo *bi);

/*
 * Kernel page mappings in the VMALLOC area (mm/pgtable.c).
 * map_kernel_page: maps the frame pfn at vaddr with the PAGE_KERNEL* protection prot,
 *   allocating the pte page if needed; -ENOMEM without memory, -EINVAL outside the area.
 * unmap_kernel_page: removes it (with the TLB invalidate); returns the pfn or -ENOENT.
 */
int map_kernel_page(unsigned long vaddr, unsigned long pfn, u32 prot);
long unmap_kernel_page(unsigned long vaddr);
/* The software PTE for vaddr in the kernel table, NULL if it has no pte page. */
pte_t *kernel_pte_lookup(unsigned long vaddr);

/*
 * Writes a PTE. set_pte_ext() only stores the software and hardware entries and makes the
 * store visible to the table walker; it does not touch the TLB (as Linux's cpu_set_pte_ext).
 * set_pte_kernel() is what callers use: the store, then the TLB invalidate for vaddr if the
 * old entry could be cached.
 */
void set_pte_ext(pte_t *ptep, pte_t pte);
void set_pte_kernel(unsigned long vaddr, pte_t *ptep, pte_t pte);

#endif
