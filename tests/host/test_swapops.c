// SPDX-License-Identifier: MIT
/* Host tests of swap entries and swap PTEs (include/mm/swapops.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <mm/pgtable.h>
#include <mm/swapops.h>

static const unsigned long offsets[] = { 1, 2, 0xff, 0x100, 0x12345, 0xfffffe, 0xffffff };

static void swap_entry_round_trips_through_a_pte_for_every_type(void **state)
{
	unsigned int type;
	size_t i;

	for (type = 0; type < MAX_SWAPFILES; type++) {
		for (i = 0; i < sizeof(offsets) / sizeof(offsets[0]); i++) {
			swp_entry_t e = swp_entry(type, offsets[i]);
			pte_t pte = swp_entry_to_pte(e);
			swp_entry_t back = pte_to_swp_entry(pte);

			if (swp_type(e) != type || swp_offset(e) != offsets[i])
				fail_msg("swp_entry(%u, %#lx): expected type %u offset %#lx, saw %u %#lx",
					 type, offsets[i], type, offsets[i], swp_type(e),
					 swp_offset(e));
			if (back.val != e.val)
				fail_msg("type %u offset %#lx: PTE %#x decodes to %#lx, expected %#lx",
					 type, offsets[i], pte, back.val, e.val);
		}
	}
}

static void every_offset_of_every_area_round_trips(void **state)
{
	unsigned int type;
	unsigned long off;

	for (type = 0; type < MAX_SWAPFILES; type++) {
		for (off = 1; off <= SWP_OFFSET_MAX; off++) {
			pte_t pte = swp_entry_to_pte(swp_entry(type, off));
			swp_entry_t back = pte_to_swp_entry(pte);

			if (!is_swap_pte(pte) || swp_type(back) != type || swp_offset(back) != off)
				fail_msg("type %u offset %#lx: PTE %#x, is_swap_pte %d, back %u %#lx",
					 type, off, pte, is_swap_pte(pte), swp_type(back),
					 swp_offset(back));
		}
	}
}

static void swap_pte_layout_matches_the_picture(void **state)
{
	/* offset in bits 8-31, type in bits 3-7, bits 0-2 (PRESENT, -, FILE) clear */
	assert_int_equal(swp_entry_to_pte(swp_entry(5, 0x123456)), 0x12345628);
	assert_int_equal(swp_entry_to_pte(swp_entry(7, 0xffffff)), 0xffffff38);
	assert_int_equal(swp_entry_to_pte(swp_entry(1, 1)), 0x108);
	assert_int_equal(SWP_OFFSET_MAX, 0xffffff);
}

static void only_slot_zero_of_area_zero_would_be_a_zero_pte(void **state)
{
	unsigned int type;
	size_t i;

	/* Slot 0 is the swap header and never allocated: this is why the encoding is safe. */
	assert_int_equal(swp_entry_to_pte(swp_entry(0, 0)), 0);
	assert_int_equal(swp_entry(0, 0).val, 0);
	for (type = 0; type < MAX_SWAPFILES; type++) {
		for (i = 0; i < sizeof(offsets) / sizeof(offsets[0]); i++) {
			pte_t pte = swp_entry_to_pte(swp_entry(type, offsets[i]));

			if (pte_none(pte) || pte_present(pte) || pte_file(pte))
				fail_msg("type %u offset %#lx: PTE %#x should be none %d present %d "
					 "file %d all 0",
					 type, offsets[i], pte, pte_none(pte), pte_present(pte),
					 pte_file(pte));
			if (!is_swap_pte(pte))
				fail_msg("type %u offset %#lx: PTE %#x not is_swap_pte", type,
					 offsets[i], pte);
		}
	}
}

static void swap_pte_never_reaches_the_hardware(void **state)
{
	assert_int_equal(pte_to_hw(swp_entry_to_pte(swp_entry(0, 1))), PTE_TYPE_FAULT);
	assert_int_equal(pte_to_hw(swp_entry_to_pte(swp_entry(7, 0xffffff))), PTE_TYPE_FAULT);
}

static void is_swap_pte_is_false_for_none_present_and_file_ptes(void **state)
{
	static const pte_t present[] = {
		PAGE_KERNEL,
		L_PTE_PRESENT,
		(0x60000u << PTE_PFN_SHIFT) | PAGE_KERNEL,
		(0x60000u << PTE_PFN_SHIFT) | L_PTE_PRESENT | L_PTE_FILE | L_PTE_USER | 0xf8,
		(0x61234u << PTE_PFN_SHIFT) | L_PTE_PRESENT | L_PTE_USER | L_PTE_NONE,
		0xffffffff,
	};
	static const unsigned long pgoffs[] = { 0, 1, 2, 0x12345, (1UL << PTE_FILE_MAX_BITS) - 1 };
	size_t i;

	assert_false(is_swap_pte(0));
	for (i = 0; i < sizeof(present) / sizeof(present[0]); i++) {
		if (is_swap_pte(present[i]))
			fail_msg("present PTE %#x taken for a swap PTE", present[i]);
	}
	for (i = 0; i < sizeof(pgoffs) / sizeof(pgoffs[0]); i++) {
		pte_t pte = pgoff_to_pte(pgoffs[i]);

		if (is_swap_pte(pte))
			fail_msg("file PTE %#x (pgoff %#lx) taken for a swap PTE", pte, pgoffs[i]);
	}
}

static void entries_of_one_area_are_consecutive_keys(void **state)
{
	/* The swap cache is indexed by entry.val: one area's slots are neighbours there. */
	assert_int_equal(swp_entry(3, 11).val, swp_entry(3, 10).val + 1);
	assert_true(swp_entry(1, SWP_OFFSET_MAX).val < swp_entry(2, 1).val);
	assert_int_equal(swp_type(swp_entry(MAX_SWAPFILES - 1, 5)), MAX_SWAPFILES - 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(swap_entry_round_trips_through_a_pte_for_every_type),
		cmocka_unit_test(every_offset_of_every_area_round_trips),
		cmocka_unit_test(swap_pte_layout_matches_the_picture),
		cmocka_unit_test(only_slot_zero_of_area_zero_would_be_a_zero_pte),
		cmocka_unit_test(swap_pte_never_reaches_the_hardware),
		cmocka_unit_test(is_swap_pte_is_false_for_none_present_and_file_ptes),
		cmocka_unit_test(entries_of_one_area_are_consecutive_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
