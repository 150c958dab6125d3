// SPDX-License-Identifier: MIT
/* Host tests of the file-PTE encoders of remap_file_pages (include/mm/pgtable.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <mm/pgtable.h>

static void file_pte_round_trips_every_offset_width(void **state)
{
	static const unsigned long offs[] = { 0, 1, 2, 511, 512, 0x12345, (1UL << 29) - 1 };
	size_t i;

	for (i = 0; i < sizeof(offs) / sizeof(offs[0]); i++) {
		pte_t pte = pgoff_to_pte(offs[i]);

		assert_true(pte_file(pte));
		assert_false(pte_present(pte));
		assert_false(pte_none(pte));
		assert_int_equal(pte_to_pgoff(pte), offs[i]);
	}
}

static void file_pte_never_reaches_the_hardware(void **state)
{
	assert_int_equal(pte_to_hw(pgoff_to_pte(0)), PTE_TYPE_FAULT);
	assert_int_equal(pte_to_hw(pgoff_to_pte((1UL << 29) - 1)), PTE_TYPE_FAULT);
}

static void present_ptes_are_never_file_ptes(void **state)
{
	/* A present PTE may have bit 2 set for another reason (its frame number never does
	 * reach it, but protection bits may): pte_file must look at PRESENT first. */
	pte_t pte = pfn_pte(0x60000, PAGE_KERNEL) | L_PTE_FILE;

	assert_false(pte_file(pte));
	assert_false(pte_file(0));
}

static void prot_none_pte_stays_present_but_faults(void **state)
{
	pte_t pte = pfn_pte(0x61234, L_PTE_PRESENT | L_PTE_USER | L_PTE_YOUNG | L_PTE_NONE);

	assert_true(pte_present(pte));
	assert_int_equal(pte_pfn(pte), 0x61234);
	assert_int_equal(pte_to_hw(pte), PTE_TYPE_FAULT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(file_pte_round_trips_every_offset_width),
		cmocka_unit_test(file_pte_never_reaches_the_hardware),
		cmocka_unit_test(present_ptes_are_never_file_ptes),
		cmocka_unit_test(prot_none_pte_stays_present_but_faults),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
