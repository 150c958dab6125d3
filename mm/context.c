// SPDX-License-Identifier: MIT
/* ASID allocation and switching TTBR0 (see include/mm/mmu_context.h). */
#include <mm/mmu_context.h>
#include <mm/mm_types.h>
#include <asm/cp15.h>
#include <asm/barrier.h>
#include <asm/memory.h>
#include <asm/tlbflush.h>
#include <kernel/spinlock.h>

static DEFINE_SPINLOCK(asid_lock);
static unsigned int asid_generation = 1 << ASID_BITS;	/* generation 1 */
static unsigned int next_asid = 1;			/* 0 is reserved */
static unsigned long generations;

/* A fresh ASID in the current generation, starting a new generation when none is left. */
static void new_context(struct mm_struct *mm)
{
	if (next_asid > ASID_MASK) {
		asid_generation += 1 << ASID_BITS;
		next_asid = 1;
		generations++;
		/* Old-generation ASIDs are about to be reused: drop their TLB entries. */
		flush_tlb_all();
	}
	mm->asid = asid_generation | next_asid++;
}

void switch_mm(struct mm_struct *mm)
{
	unsigned long flags;
	u32 ttbcr;

	spin_lock_irqsave(&asid_lock, flags);
	if ((mm->asid & ~ASID_MASK) != asid_generation)
		new_context(mm);
	/*
	 * The order matters (ARM ARM B3.10.4): between writing TTBR0 and CONTEXTIDR the CPU
	 * could fetch translations mixing the old ASID with the new table. Going through the
	 * reserved ASID 0, which tags no entries, closes that window.
	 */
	write_contextidr(0);
	isb();
	write_ttbr0(__pa(mm->pgd) | TTBR_FLAGS);
	isb();
	write_contextidr(mm->asid & ASID_MASK);
	ttbcr = read_ttbcr();
	if (ttbcr & TTBCR_PD0)
		write_ttbcr(ttbcr & ~TTBCR_PD0);
	isb();
	spin_unlock_irqrestore(&asid_lock, flags);
}

void switch_to_kernel_mm(void)
{
	write_ttbcr(read_ttbcr() | TTBCR_PD0);
	isb();
	write_contextidr(0);
	isb();
}

unsigned long asid_generations(void)
{
	return generations;
}
