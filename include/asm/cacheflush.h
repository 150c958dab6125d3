/* SPDX-License-Identifier: MIT */
/*
 * Cache maintenance by virtual address range (ARM ARM B4.2.1), including the PL310 outer
 * cache of real boards (drivers/pl310.c). Implemented in mm/cacheflush.c.
 *
 *   Point of Unification (PoU): where instruction fetch, data access and table walks see the
 *     same copy (the L2 on Cortex-A9). Clean to PoU after writing code, before executing it.
 *   Point of Coherency (PoC): where every agent, DMA devices included, sees the same copy
 *     (main memory). Clean to PoC before a device reads memory; invalidate after it wrote.
 */
#ifndef ASM_CACHEFLUSH_H
#define ASM_CACHEFLUSH_H

#include <types.h>

void cache_init(void);
void dcache_clean_pou(unsigned long start, unsigned long end);
void dcache_clean_poc(unsigned long start, unsigned long end);	/* before a device reads */
void dcache_inv_poc(unsigned long start, unsigned long end);	/* after a device wrote */
void dcache_clean_inv_poc(unsigned long start, unsigned long end);
void icache_inv_all(void);
/* After writing instructions at [start, end): make them visible to instruction fetch. */
void flush_icache_range(unsigned long start, unsigned long end);

#endif
