// SPDX-License-Identifier: MIT
/*
 * Descriptor encoders: software PTE -> hardware small-page descriptor, and section
 * descriptors. Layouts in include/mm/pgtable.h and include/asm/pgtable-hwdef.h.
 */
#include <mm/pgtable.h>

u32 pte_to_hw(pte_t pte)
{
	u32 hw;

	/* Not present, or old: no hardware mapping, so the next access faults. */
	if (!(pte & L_PTE_PRESENT) || !(pte & L_PTE_YOUNG) || (pte & L_PTE_NONE))
		return PTE_TYPE_FAULT;

	hw = (pte & ~0xfffu) | PTE_TYPE_SMALL;
	hw |= (pte & L_PTE_DEVICE) ? PTE_MT_DEVICE : PTE_MT_NORMAL;
	if (pte & L_PTE_USER)
		hw |= PTE_AP1 | PTE_AP0 | PTE_nG;	/* user pages: per-process (ASID) */
	else
		hw |= PTE_AP0;				/* kernel only */
	/* Clean pages stay read-only to the MMU so the first write faults and dirties them. */
	if ((pte & L_PTE_RDONLY) || !(pte & L_PTE_DIRTY))
		hw |= PTE_AP2;
	if (pte & L_PTE_XN)
		hw |= PTE_SMALL_XN;
	return hw;
}

u32 mk_pmd_section(u32 phys, bool device, bool readonly, bool exec)
{
	u32 d = (phys & ~(SECTION_SIZE - 1)) | PMD_TYPE_SECT | PMD_DOMAIN(DOMAIN_KERNEL);

	d |= device ? PMD_SECT_DEVICE : PMD_SECT_NORMAL;
	d |= readonly ? PMD_SECT_AP_KRO : PMD_SECT_AP_KRW;
	if (!exec)
		d |= PMD_SECT_XN;
	return d;
}
