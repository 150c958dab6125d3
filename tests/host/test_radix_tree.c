// SPDX-License-Identifier: MIT
/* Host tests of lib/radix-tree.c against a brute-force model. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <lib/radix-tree.h>
#include <kernel/errno.h>

static void *item(unsigned long i)
{
	return (void *)(uintptr_t)(i * 2 + 1);	/* never NULL */
}

static void lookup_finds_inserted_items_at_any_index(void **state)
{
	static const unsigned long idx[] = { 0, 1, 63, 64, 4095, 4096, 262143, 1UL << 30, ~0UL };
	struct radix_tree_root root = RADIX_TREE_INIT;
	size_t i;

	for (i = 0; i < sizeof(idx) / sizeof(idx[0]); i++)
		assert_int_equal(radix_tree_insert(&root, idx[i], item(idx[i])), 0);
	for (i = 0; i < sizeof(idx) / sizeof(idx[0]); i++)
		assert_ptr_equal(radix_tree_lookup(&root, idx[i]), item(idx[i]));
	assert_null(radix_tree_lookup(&root, 2));
	assert_null(radix_tree_lookup(&root, 4097));
	assert_int_equal(radix_tree_insert(&root, 64, item(1)), -EEXIST);
	for (i = 0; i < sizeof(idx) / sizeof(idx[0]); i++)
		assert_ptr_equal(radix_tree_delete(&root, idx[i]), item(idx[i]));
	assert_null(root.rnode);
	assert_int_equal(root.height, 0);
}

static void gang_lookup_returns_items_in_index_order(void **state)
{
	struct radix_tree_root root = RADIX_TREE_INIT;
	void *res[8];
	unsigned long ind[8];
	unsigned int n;

	radix_tree_insert(&root, 5000, item(5000));
	radix_tree_insert(&root, 3, item(3));
	radix_tree_insert(&root, 70, item(70));
	n = radix_tree_gang_lookup(&root, res, ind, 4, 8);
	assert_int_equal(n, 2);
	assert_int_equal(ind[0], 70);
	assert_int_equal(ind[1], 5000);
	assert_ptr_equal(res[1], item(5000));
	n = radix_tree_gang_lookup(&root, res, ind, 0, 1);
	assert_int_equal(n, 1);
	assert_int_equal(ind[0], 3);
	radix_tree_delete(&root, 3);
	radix_tree_delete(&root, 70);
	radix_tree_delete(&root, 5000);
	assert_null(root.rnode);
}

#define MODEL 20000
static void random_operations_match_a_model(void **state)
{
	static void *model[MODEL];
	struct radix_tree_root root = RADIX_TREE_INIT;
	unsigned long i, live = 0;
	unsigned int seed = 12345;

	for (i = 0; i < 200000; i++) {
		unsigned long k;

		seed = seed * 1103515245u + 12345u;
		k = (seed >> 8) % MODEL;
		if ((seed >> 4) & 1) {
			int err = radix_tree_insert(&root, k, item(k));

			if (model[k]) {
				assert_int_equal(err, -EEXIST);
			} else {
				assert_int_equal(err, 0);
				model[k] = item(k);
				live++;
			}
		} else {
			void *got = radix_tree_delete(&root, k);

			assert_ptr_equal(got, model[k]);
			if (model[k])
				live--;
			model[k] = NULL;
		}
	}
	for (i = 0; i < MODEL; i++)
		if (radix_tree_lookup(&root, i) != model[i])
			fail_msg("index %lu: expected %p, seen %p", i, model[i],
				 radix_tree_lookup(&root, i));
	{
		void *res[64];
		unsigned long ind[64], next = 0, seen = 0;
		unsigned int n;

		while ((n = radix_tree_gang_lookup(&root, res, ind, next, 64)) > 0) {
			seen += n;
			next = ind[n - 1] + 1;
		}
		assert_int_equal(seen, live);
	}
	for (i = 0; i < MODEL; i++)
		radix_tree_delete(&root, i);
	assert_null(root.rnode);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lookup_finds_inserted_items_at_any_index),
		cmocka_unit_test(gang_lookup_returns_items_in_index_order),
		cmocka_unit_test(random_operations_match_a_model),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
