/* SPDX-License-Identifier: MIT */
/*
 * Swap entries: where a swapped-out page lives (which swap area, which slot in it), and how
 * that is stored in the PTE that mapped the page (Linux's include/linux/swapops.h and the
 * __swp_* half of arch/arm/include/asm/pgtable.h).
 *
 * As in Linux there are two forms. A swp_entry_t is what the swap code passes around and
 * what the swap cache is indexed by: the area's number ("type") in the top 5 bits, the slot
 * ("offset") below, so the slots of one area are consecutive keys:
 *
 *    31       27 26                                                0
 *   +-----------+---------------------------------------------------+
 *   |   type    |                 offset (27 bits)                  |
 *   +-----------+---------------------------------------------------+
 *
 * A swap PTE is what is left in the page table when the page goes out. It must not look like
 * the other two kinds of entry (include/mm/pgtable.h): PRESENT is clear, so pte_present is
 * false and pte_to_hw gives the MMU a fault entry, and FILE is clear, so it is not a
 * remap_file_pages file PTE. Bit 1 (YOUNG when present) is unused and 0:
 *
 * Software PTE, not present, page in swap:
 *
 *    31                                    8 7              3    2      1       0
 *   +---------------------------------------+----------------+------+------+-------+
 *   |  offset: slot in the area (24 bits)   |  type (5 bits) | FILE |  -   |PRESENT|
 *   |                                       |                | = 0  | = 0  |  = 0  |
 *   +---------------------------------------+----------------+------+------+-------+
 *
 * 24 bits of offset are 2^24 slots of 4 KiB: 64 GiB per area. swapon uses no more of an area
 * than that (swap_header_parse clips to SWP_OFFSET_MAX + 1 slots). The type field has room
 * for 32 areas (MAX_SWAPFILES_SHIFT); we use 8 (MAX_SWAPFILES).
 *
 * The encoding never produces a zero PTE, which would read as pte_none ("nothing was ever
 * mapped here") and lose the page: that would take type 0 and offset 0, and slot 0 of every
 * area is the swap header (include/mm/swap_format.h), which the slot allocator marks bad and
 * never hands out (mm/swap_slots.c). Likewise swp_entry(0, 0) has val 0, which the swap code
 * uses for "no entry" (get_swap_page when every area is full).
 *
 * Pure logic: compiled into host unit tests (tests/host/test_swapops.c).
 */
#ifndef MM_SWAPOPS_H
#define MM_SWAPOPS_H

#include <types.h>
#include <mm/pgtable.h>

#define MAX_SWAPFILES_SHIFT	5	/* bits for the type, in an entry and in a PTE */
#define MAX_SWAPFILES		8	/* swap areas we allow (swapon refuses a ninth) */

/*
 * The swp_entry_t form. Linux puts the type at BITS_PER_LONG - MAX_SWAPFILES_SHIFT; we fix
 * it at 32 - 5 so the host tests (64-bit longs) see the same values as the kernel.
 */
#define SWP_TYPE_SHIFT		(32 - MAX_SWAPFILES_SHIFT)
#define SWP_OFFSET_MASK		((1UL << SWP_TYPE_SHIFT) - 1)

/* The swap PTE form (the picture above). */
#define __SWP_TYPE_SHIFT	3
#define __SWP_TYPE_MASK		((1u << MAX_SWAPFILES_SHIFT) - 1)
#define __SWP_OFFSET_SHIFT	(__SWP_TYPE_SHIFT + MAX_SWAPFILES_SHIFT)
#define __SWP_OFFSET_BITS	(32 - __SWP_OFFSET_SHIFT)

/* The largest slot number a swap PTE can hold: an area has at most this + 1 slots. */
#define SWP_OFFSET_MAX		((1UL << __SWP_OFFSET_BITS) - 1)

typedef struct {
	unsigned long val;
} swp_entry_t;

/* type < MAX_SWAPFILES and offset <= SWP_OFFSET_MAX, or the PTE will not hold it. */
static inline swp_entry_t swp_entry(unsigned int type, unsigned long offset)
{
	swp_entry_t e;

	e.val = ((unsigned long)(type & __SWP_TYPE_MASK) << SWP_TYPE_SHIFT) |
		(offset & SWP_OFFSET_MASK);
	return e;
}

static inline unsigned int swp_type(swp_entry_t e)
{
	return (e.val >> SWP_TYPE_SHIFT) & __SWP_TYPE_MASK;
}

static inline unsigned long swp_offset(swp_entry_t e)
{
	return e.val & SWP_OFFSET_MASK;
}

/*
 * A PTE with PRESENT clear that is neither empty nor a file PTE. The order of the tests
 * matters: bit 2 of a present PTE means something else, so pte_file (and this) look at
 * PRESENT first.
 */
static inline bool is_swap_pte(pte_t pte)
{
	return !pte_none(pte) && !pte_present(pte) && !pte_file(pte);
}

static inline pte_t swp_entry_to_pte(swp_entry_t e)
{
	return ((pte_t)swp_type(e) << __SWP_TYPE_SHIFT) |
	       ((pte_t)swp_offset(e) << __SWP_OFFSET_SHIFT);
}

/* Only for a PTE that is_swap_pte says is one. */
static inline swp_entry_t pte_to_swp_entry(pte_t pte)
{
	return swp_entry((pte >> __SWP_TYPE_SHIFT) & __SWP_TYPE_MASK, pte >> __SWP_OFFSET_SHIFT);
}

#endif /* MM_SWAPOPS_H */
