// SPDX-License-Identifier: MIT
/* Host tests of the request-merge rules (block/blk-merge.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <block/blk-merge.h>

static struct bio *mkbio(struct bio *b, sector_t sector, unsigned int sectors, enum req_op op,
			 unsigned short vcnt)
{
	memset(b, 0, sizeof(*b));
	b->bi_sector = sector;
	b->bi_size = sectors * SECTOR_SIZE;
	b->bi_op = op;
	b->bi_vcnt = vcnt;
	return b;
}

static void contiguous_bio_merges_at_the_back(void **state)
{
	struct bio a, b;
	struct request rq;

	blk_rq_init_from_bio(&rq, mkbio(&a, 100, 8, REQ_OP_READ, 1));
	assert_int_equal(blk_try_merge(&rq, mkbio(&b, 108, 8, REQ_OP_READ, 1), 1024, 128), BACK_MERGE);
	blk_merge_bio(&rq, &b, BACK_MERGE);
	assert_int_equal(rq.sector, 100);
	assert_int_equal(rq.nr_sectors, 16);
	assert_int_equal(rq.nr_segments, 2);
	assert_ptr_equal(rq.bio, &a);
	assert_ptr_equal(rq.biotail, &b);
	assert_ptr_equal(a.bi_next, &b);
	assert_null(b.bi_next);
}

static void bio_ending_at_the_start_merges_at_the_front(void **state)
{
	struct bio a, b;
	struct request rq;

	blk_rq_init_from_bio(&rq, mkbio(&a, 100, 8, REQ_OP_WRITE, 1));
	assert_int_equal(blk_try_merge(&rq, mkbio(&b, 92, 8, REQ_OP_WRITE, 1), 1024, 128), FRONT_MERGE);
	blk_merge_bio(&rq, &b, FRONT_MERGE);
	assert_int_equal(rq.sector, 92);
	assert_int_equal(rq.nr_sectors, 16);
	assert_ptr_equal(rq.bio, &b);
	assert_ptr_equal(b.bi_next, &a);
}

static void gaps_overlaps_and_other_directions_do_not_merge(void **state)
{
	struct bio a, b;
	struct request rq;

	blk_rq_init_from_bio(&rq, mkbio(&a, 100, 8, REQ_OP_READ, 1));
	assert_int_equal(blk_try_merge(&rq, mkbio(&b, 109, 8, REQ_OP_READ, 1), 1024, 128), NO_MERGE);
	assert_int_equal(blk_try_merge(&rq, mkbio(&b, 104, 8, REQ_OP_READ, 1), 1024, 128), NO_MERGE);
	assert_int_equal(blk_try_merge(&rq, mkbio(&b, 91, 8, REQ_OP_READ, 1), 1024, 128), NO_MERGE);
	assert_int_equal(blk_try_merge(&rq, mkbio(&b, 108, 8, REQ_OP_WRITE, 1), 1024, 128), NO_MERGE);
}

static void limits_on_sectors_and_segments_stop_merging(void **state)
{
	struct bio a, b;
	struct request rq;

	blk_rq_init_from_bio(&rq, mkbio(&a, 0, 1016, REQ_OP_READ, 127));
	assert_int_equal(blk_try_merge(&rq, mkbio(&b, 1016, 8, REQ_OP_READ, 1), 1024, 128), BACK_MERGE);
	assert_int_equal(blk_try_merge(&rq, mkbio(&b, 1016, 16, REQ_OP_READ, 1), 1024, 128), NO_MERGE);
	assert_int_equal(blk_try_merge(&rq, mkbio(&b, 1016, 8, REQ_OP_READ, 2), 1024, 128), NO_MERGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(contiguous_bio_merges_at_the_back),
		cmocka_unit_test(bio_ending_at_the_start_merges_at_the_front),
		cmocka_unit_test(gaps_overlaps_and_other_directions_do_not_merge),
		cmocka_unit_test(limits_on_sectors_and_segments_stop_merging),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
