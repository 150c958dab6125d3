/* SPDX-License-Identifier: MIT */
/*
 * TLB maintenance (ARM ARM B3.10, B4.2.2). All operations are the Inner Shareable forms
 * (multiprocessing extensions), so they reach every CPU's TLB. Implemented in
 * mm/cacheflush.c, with their barriers:
 *
 *   dsb ishst   the page-table write is visible to the walker before the invalidate
 *   tlbi ...
 *   dsb ish     the invalidate has completed on every CPU
 *   isb         later instructions are fetched with the new translation
 */
#ifndef ASM_TLBFLUSH_H
#define ASM_TLBFLUSH_H

#include <types.h>

void local_flush_tlb_all(void);
void flush_tlb_all(void);
void flush_tlb_kernel_page(unsigned long vaddr);	/* a global (kernel) mapping */
void flush_tlb_page_asid(unsigned long vaddr, unsigned int asid); /* one user page */
void flush_tlb_asid(unsigned int asid);		/* every entry of one address space */

#endif
