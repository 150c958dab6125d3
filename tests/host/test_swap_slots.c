// SPDX-License-Identifier: MIT
/* Host tests of the swap slot allocator (mm/swap_slots.c), some against a model. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <kernel/errno.h>
#include <mm/swap_slots.h>

#define MAX_PAGES 8192
static unsigned char map[MAX_PAGES];

/* Checks what swap_slots.h promises of the counters and hints against the map itself. */
static void check_invariants(const struct swap_slots *s)
{
	unsigned long off, good = 0, inuse = 0;

	assert_int_equal(s->swap_map[0], SWAP_MAP_BAD);
	for (off = 1; off < s->pages; off++) {
		unsigned char c = s->swap_map[off];

		if (c == SWAP_MAP_BAD)
			continue;
		if (c > SWAP_MAP_MAX)
			fail_msg("slot %lu: count %#x above SWAP_MAP_MAX", off, c);
		good++;
		if (c)
			inuse++;
		else if (off < s->lowest_bit || off > s->highest_bit)
			fail_msg("free slot %lu outside lowest_bit %lu..highest_bit %lu", off,
				 s->lowest_bit, s->highest_bit);
	}
	if (good != s->good_pages || inuse != s->inuse_pages)
		fail_msg("map has %lu good and %lu in use; struct says %lu and %lu", good, inuse,
			 s->good_pages, s->inuse_pages);
	assert_int_equal(swap_slots_free_count(s), good - inuse);
}

static void consecutive_allocations_are_consecutive(void **state)
{
	struct swap_slots s;
	unsigned long i, off;

	swap_slots_init(&s, map, 4096, NULL, 0);
	assert_int_equal(swap_slots_free_count(&s), 4095);
	/* Across several clusters: each new one starts where the last ended. */
	for (i = 1; i <= 1000; i++) {
		off = swap_slot_alloc(&s);
		if (off != i)
			fail_msg("allocation %lu: expected slot %lu, saw %lu", i, i, off);
	}
	check_invariants(&s);
}

static void new_cluster_skips_a_hole_shorter_than_a_cluster(void **state)
{
	struct swap_slots s;
	unsigned long i, off;

	swap_slots_init(&s, map, 2048, NULL, 0);
	for (i = 1; i <= 2 * SWAPFILE_CLUSTER; i++)
		swap_slot_alloc(&s);
	for (i = 10; i <= 20; i++)
		assert_int_equal(swap_slot_free(&s, i), 0);
	/* Still in the next cluster's run: slots 513.., not the hole at 10..20. */
	for (i = 1; i <= SWAPFILE_CLUSTER; i++) {
		off = swap_slot_alloc(&s);
		if (off != 2 * SWAPFILE_CLUSTER + i)
			fail_msg("allocation %lu after the hole: expected %lu, saw %lu", i,
				 2 * SWAPFILE_CLUSTER + i, off);
	}
	check_invariants(&s);
}

static void full_area_returns_zero(void **state)
{
	struct swap_slots s;
	unsigned long i, off;

	swap_slots_init(&s, map, 100, NULL, 0);
	for (i = 1; i < 100; i++) {
		off = swap_slot_alloc(&s);
		if (off != i)
			fail_msg("allocation %lu: expected slot %lu, saw %lu", i, i, off);
	}
	assert_int_equal(swap_slot_alloc(&s), 0);
	assert_int_equal(swap_slot_alloc(&s), 0);
	assert_int_equal(s.inuse_pages, 99);
	assert_int_equal(swap_slots_free_count(&s), 0);
	check_invariants(&s);

	/* An area with only its header has nothing to give. */
	swap_slots_init(&s, map, 1, NULL, 0);
	assert_int_equal(swap_slots_free_count(&s), 0);
	assert_int_equal(swap_slot_alloc(&s), 0);
	swap_slots_init(&s, map, 0, NULL, 0);	/* nor one without even that */
	assert_int_equal(swap_slots_free_count(&s), 0);
	assert_int_equal(swap_slot_alloc(&s), 0);
	assert_int_equal(swap_slot_free(&s, 0), -EINVAL);
}

static void bad_slots_are_never_returned(void **state)
{
	/* 0, the repeat of 100 and 5000 (beyond the area) are ignored */
	static const u32 bad[] = { 1, 2, 100, 500, 501, 1999, 0, 5000, 100 };
	struct swap_slots s;
	unsigned long n = 0, off;
	size_t i;

	swap_slots_init(&s, map, 2000, bad, sizeof(bad) / sizeof(bad[0]));
	assert_int_equal(s.good_pages, 1999 - 6);
	check_invariants(&s);
	while ((off = swap_slot_alloc(&s)) != 0) {
		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			if (off == bad[i])
				fail_msg("allocation %lu returned bad slot %lu", n, off);
		}
		if (off >= 2000 || map[off] != 1)
			fail_msg("allocation %lu returned slot %lu (count %u)", n, off, map[off]);
		n++;
	}
	assert_int_equal(n, 1993);
	for (i = 0; i < 6; i++)
		assert_int_equal(map[bad[i]], SWAP_MAP_BAD);
	check_invariants(&s);
}

static void freed_slots_are_allocated_again(void **state)
{
	static const unsigned long freed[] = { 10, 300, 599, 1 };
	struct swap_slots s;
	unsigned long off, seen = 0;
	size_t i;

	swap_slots_init(&s, map, 600, NULL, 0);
	while (swap_slot_alloc(&s))
		;
	for (i = 0; i < sizeof(freed) / sizeof(freed[0]); i++)
		assert_int_equal(swap_slot_free(&s, freed[i]), 0);
	assert_int_equal(swap_slots_free_count(&s), 4);
	check_invariants(&s);
	while ((off = swap_slot_alloc(&s)) != 0) {
		for (i = 0; i < sizeof(freed) / sizeof(freed[0]); i++) {
			if (off == freed[i])
				seen |= 1UL << i;
		}
	}
	if (seen != 0xf)
		fail_msg("expected the 4 freed slots back (mask 0xf), saw mask %#lx", seen);
	check_invariants(&s);
}

static void dup_and_free_count_users(void **state)
{
	static const u32 bad[] = { 7 };
	struct swap_slots s;
	unsigned long off;
	int i;

	swap_slots_init(&s, map, 64, bad, 1);
	off = swap_slot_alloc(&s);
	for (i = 0; i < 3; i++)
		assert_int_equal(swap_slot_dup(&s, off), 0);
	assert_int_equal(map[off], 4);
	assert_int_equal(s.inuse_pages, 1);
	assert_int_equal(swap_slot_free(&s, off), 3);
	assert_int_equal(swap_slot_free(&s, off), 2);
	assert_int_equal(swap_slot_free(&s, off), 1);
	assert_int_equal(s.inuse_pages, 1);
	assert_int_equal(swap_slot_free(&s, off), 0);
	assert_int_equal(s.inuse_pages, 0);

	/* Bad input leaves the map alone. */
	assert_int_equal(swap_slot_free(&s, off), -EINVAL);	/* already free */
	assert_int_equal(swap_slot_dup(&s, off), -EINVAL);
	assert_int_equal(swap_slot_free(&s, 0), -EINVAL);	/* the header */
	assert_int_equal(swap_slot_dup(&s, 0), -EINVAL);
	assert_int_equal(swap_slot_free(&s, 7), -EINVAL);	/* bad */
	assert_int_equal(swap_slot_dup(&s, 7), -EINVAL);
	assert_int_equal(swap_slot_free(&s, 64), -EINVAL);	/* beyond the area */
	assert_int_equal(swap_slot_dup(&s, ~0UL), -EINVAL);
	assert_int_equal(map[0], SWAP_MAP_BAD);
	assert_int_equal(map[7], SWAP_MAP_BAD);
	assert_int_equal(map[off], 0);
	check_invariants(&s);
}

static void dup_stops_at_swap_map_max(void **state)
{
	struct swap_slots s;
	unsigned long off;
	int i;

	swap_slots_init(&s, map, 64, NULL, 0);
	off = swap_slot_alloc(&s);
	for (i = 1; i < SWAP_MAP_MAX; i++)
		assert_int_equal(swap_slot_dup(&s, off), 0);
	assert_int_equal(map[off], SWAP_MAP_MAX);
	/* One more would read as SWAP_MAP_BAD: refused, count unchanged. */
	assert_int_equal(swap_slot_dup(&s, off), -ENOMEM);
	assert_int_equal(map[off], SWAP_MAP_MAX);
	assert_int_equal(swap_slot_free(&s, off), SWAP_MAP_MAX - 1);
	assert_int_equal(swap_slot_dup(&s, off), 0);
	for (i = SWAP_MAP_MAX - 1; i >= 0; i--)
		assert_int_equal(swap_slot_free(&s, off), i);
	check_invariants(&s);
}

static void mark_bad_retires_used_and_free_slots(void **state)
{
	struct swap_slots s;
	unsigned long a, b, off;

	swap_slots_init(&s, map, 10, NULL, 0);
	a = swap_slot_alloc(&s);
	b = swap_slot_alloc(&s);
	swap_slot_dup(&s, b);
	swap_slot_mark_bad(&s, a);	/* in use: its user is forgotten */
	swap_slot_mark_bad(&s, b);	/* two users */
	swap_slot_mark_bad(&s, 5);	/* free */
	swap_slot_mark_bad(&s, 5);	/* twice: no change */
	swap_slot_mark_bad(&s, 0);	/* the header: already bad */
	swap_slot_mark_bad(&s, 10);	/* beyond the area: ignored */
	assert_int_equal(s.good_pages, 6);
	assert_int_equal(s.inuse_pages, 0);
	assert_int_equal(swap_slot_free(&s, a), -EINVAL);
	assert_int_equal(swap_slot_free(&s, b), -EINVAL);
	check_invariants(&s);
	while ((off = swap_slot_alloc(&s)) != 0) {
		if (off == a || off == b || off == 5)
			fail_msg("slot %lu, marked bad, handed out", off);
	}
	assert_int_equal(s.inuse_pages, 6);

	/* Retiring the last free slot leaves a full area. */
	swap_slot_free(&s, 9);
	swap_slot_mark_bad(&s, 9);
	assert_int_equal(swap_slots_free_count(&s), 0);
	assert_int_equal(swap_slot_alloc(&s), 0);
	check_invariants(&s);
}

static unsigned int rand_seed;

static unsigned long next_rand(void)
{
	rand_seed = rand_seed * 1103515245u + 12345u;
	return rand_seed >> 8;
}

static void fragmented_area_allocates_until_every_free_slot_is_used(void **state)
{
	static unsigned char was_freed[MAX_PAGES];
	struct swap_slots s;
	unsigned long off, nr_freed = 0, got = 0, pages = 5000;

	rand_seed = 99;
	swap_slots_init(&s, map, pages, NULL, 0);
	while (swap_slot_alloc(&s))
		;
	/* Holes everywhere, none of them a whole cluster long. */
	memset(was_freed, 0, sizeof(was_freed));
	for (off = 1; off < pages; off++) {
		if (off % 3 == 0 || next_rand() % 4 == 0) {
			swap_slot_free(&s, off);
			was_freed[off] = 1;
			nr_freed++;
		}
	}
	check_invariants(&s);
	while ((off = swap_slot_alloc(&s)) != 0) {
		if (!was_freed[off])
			fail_msg("slot %lu handed out twice", off);
		was_freed[off] = 0;
		got++;
	}
	if (got != nr_freed)
		fail_msg("expected all %lu freed slots back, got %lu", nr_freed, got);
	assert_int_equal(swap_slots_free_count(&s), 0);
	check_invariants(&s);
}

#define MODEL_PAGES 3000
static void random_operations_match_a_model(void **state)
{
	static const u32 bad[] = { 3, 256, 257, 1000, 2999 };
	static unsigned char model[MODEL_PAGES];
	static unsigned long used[MODEL_PAGES];	/* slots with users, in no order */
	unsigned long nr_used = 0, inuse = 0, good = MODEL_PAGES - 1 - 5, op;
	struct swap_slots s;
	size_t i;

	rand_seed = 2024;
	swap_slots_init(&s, map, MODEL_PAGES, bad, 5);
	memset(model, 0, sizeof(model));
	model[0] = SWAP_MAP_BAD;
	for (i = 0; i < 5; i++)
		model[bad[i]] = SWAP_MAP_BAD;

	for (op = 0; op < 100000; op++) {
		unsigned long r = next_rand() % 100, off, k = 0;
		int ret;

		if (nr_used)
			k = next_rand() % nr_used;
		if (r < 45 || nr_used == 0) {
			off = swap_slot_alloc(&s);
			if (inuse == good) {
				if (off != 0)
					fail_msg("op %lu: full area returned slot %lu", op, off);
				continue;
			}
			if (off == 0 || off >= MODEL_PAGES || model[off] != 0)
				fail_msg("op %lu: alloc returned slot %lu (model count %u)", op,
					 off, off < MODEL_PAGES ? model[off] : 0);
			model[off] = 1;
			used[nr_used++] = off;
			inuse++;
		} else if (r < 60) {
			off = used[k];
			ret = swap_slot_dup(&s, off);
			if (model[off] == SWAP_MAP_MAX) {
				assert_int_equal(ret, -ENOMEM);
			} else {
				assert_int_equal(ret, 0);
				model[off]++;
			}
		} else if (r < 98) {
			off = used[k];
			ret = swap_slot_free(&s, off);
			model[off]--;
			if (ret != model[off])
				fail_msg("op %lu: free of slot %lu returned %d, expected %u", op,
					 off, ret, model[off]);
			if (model[off] == 0) {
				used[k] = used[--nr_used];
				inuse--;
			}
		} else if (r < 99) {
			/* A free, bad or header slot: refused, nothing changes. */
			off = next_rand() % MODEL_PAGES;
			if (model[off] == 0 || model[off] == SWAP_MAP_BAD) {
				assert_int_equal(swap_slot_free(&s, off), -EINVAL);
				assert_int_equal(swap_slot_dup(&s, off), -EINVAL);
			}
		} else if (next_rand() % 8 == 0) {
			off = used[k];	/* a write error: the slot is retired */
			swap_slot_mark_bad(&s, off);
			model[off] = SWAP_MAP_BAD;
			used[k] = used[--nr_used];
			inuse--;
			good--;
		}
		if (s.inuse_pages != inuse)
			fail_msg("op %lu: inuse_pages %lu, model %lu", op, s.inuse_pages, inuse);
		if (op % 1000 == 0) {
			if (memcmp(map, model, MODEL_PAGES))
				fail_msg("op %lu: map differs from the model", op);
			check_invariants(&s);
		}
	}
	assert_memory_equal(map, model, MODEL_PAGES);
	assert_int_equal(s.good_pages, good);
	check_invariants(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(consecutive_allocations_are_consecutive),
		cmocka_unit_test(new_cluster_skips_a_hole_shorter_than_a_cluster),
		cmocka_unit_test(full_area_returns_zero),
		cmocka_unit_test(bad_slots_are_never_returned),
		cmocka_unit_test(freed_slots_are_allocated_again),
		cmocka_unit_test(dup_and_free_count_users),
		cmocka_unit_test(dup_stops_at_swap_map_max),
		cmocka_unit_test(mark_bad_retires_used_and_free_slots),
		cmocka_unit_test(fragmented_area_allocates_until_every_free_slot_is_used),
		cmocka_unit_test(random_operations_match_a_model),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
