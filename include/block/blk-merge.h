/* SPDX-License-Identifier: MIT */
/*
 * The merge rules of the request queue, as pure functions (host-tested in
 * tests/host/test_blk_merge.c). A bio may join a request when:
 *
 *   back merge:   request [sector ........ end) bio [bi_sector ... )   end == bi_sector
 *   front merge:  bio [bi_sector ... ) request [sector ........ )      bio end == sector
 *
 * and both go the same direction, and the result stays within the queue's limits on
 * sectors and segments.
 */
#ifndef BLOCK_BLK_MERGE_H
#define BLOCK_BLK_MERGE_H

#include <block/blkdev.h>

enum merge_kind {
	NO_MERGE,
	BACK_MERGE,
	FRONT_MERGE,
};

enum merge_kind blk_try_merge(const struct request *rq, const struct bio *bio,
			      unsigned int max_sectors, unsigned short max_segments);

/* Joins bio to rq as blk_try_merge() said. */
void blk_merge_bio(struct request *rq, struct bio *bio, enum merge_kind kind);

/* Makes rq describe just bio. */
void blk_rq_init_from_bio(struct request *rq, struct bio *bio);

#endif
