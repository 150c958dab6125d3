// SPDX-License-Identifier: MIT
/* Request merging: the rules are drawn in include/block/blk-merge.h. Pure logic. */
#include <block/blk-merge.h>

enum merge_kind blk_try_merge(const struct request *rq, const struct bio *bio,
			      unsigned int max_sectors, unsigned short max_segments)
{
	unsigned int bio_sectors = bio->bi_size >> SECTOR_SHIFT;

	if (rq->op != bio->bi_op)
		return NO_MERGE;
	if (rq->nr_sectors + bio_sectors > max_sectors)
		return NO_MERGE;
	if (rq->nr_segments + bio->bi_vcnt > max_segments)
		return NO_MERGE;
	if (rq->sector + rq->nr_sectors == bio->bi_sector)
		return BACK_MERGE;
	if (bio_end_sector(bio) == rq->sector)
		return FRONT_MERGE;
	return NO_MERGE;
}

void blk_merge_bio(struct request *rq, struct bio *bio, enum merge_kind kind)
{
	bio->bi_next = NULL;
	if (kind == BACK_MERGE) {
		rq->biotail->bi_next = bio;
		rq->biotail = bio;
	} else {
		bio->bi_next = rq->bio;
		rq->bio = bio;
		rq->sector = bio->bi_sector;
	}
	rq->nr_sectors += bio->bi_size >> SECTOR_SHIFT;
	rq->nr_segments += bio->bi_vcnt;
}

void blk_rq_init_from_bio(struct request *rq, struct bio *bio)
{
	bio->bi_next = NULL;
	rq->op = bio->bi_op;
	rq->sector = bio->bi_sector;
	rq->nr_sectors = bio->bi_size >> SECTOR_SHIFT;
	rq->nr_segments = bio->bi_vcnt;
	rq->bio = rq->biotail = bio;
	rq->driver_data = NULL;
}
