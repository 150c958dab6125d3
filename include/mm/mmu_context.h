/* SPDX-License-Identifier: MIT */
/*
 * Address-space switching and ASIDs (mm/context.c).
 *
 * User mappings are non-global: each TLB entry is tagged with the 8-bit ASID of its address
 * space (CONTEXTIDR, ARM ARM B3.9.3), so switching processes needs no TLB flush. With only
 * 255 usable ASIDs (0 is reserved for the switch itself), ASIDs are handed out in
 * generations: mm->asid holds generation << 8 | asid. When the numbers run out, a new
 * generation starts, the whole TLB is flushed once, and every mm gets a fresh ASID the next
 * time it runs.
 */
#ifndef MM_MMU_CONTEXT_H
#define MM_MMU_CONTEXT_H

#include <types.h>

struct mm_struct;

#define ASID_BITS	8
#define ASID_MASK	((1u << ASID_BITS) - 1)


/* Makes mm the address space of user addresses on this CPU (TTBR0 + ASID). */
void switch_mm(struct mm_struct *mm);
/* No user address space: every TTBR0 walk faults (kernel threads, a dying process). */
void switch_to_kernel_mm(void);
/* Generation wraps so far (for tests). */
unsigned long asid_generations(void);

#endif
