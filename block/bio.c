// SPDX-License-Identifier: MIT
/* Allocating, filling and completing bios (include/block/bio.h). */
#include <block/bio.h>
#include <block/blkdev.h>
#include <kernel/completion.h>
#include <kernel/errno.h>
#include <mm/slab.h>

struct bio *bio_alloc(struct block_device *bdev, unsigned int nr_vecs, enum req_op op)
{
	struct bio *bio = kzalloc(sizeof(*bio) + nr_vecs * sizeof(struct bio_vec));

	if (!bio)
		return NULL;
	bio->bi_bdev = bdev;
	bio->bi_op = op;
	bio->bi_max_vecs = nr_vecs;
	return bio;
}

void bio_put(struct bio *bio)
{
	kfree(bio);
}

unsigned int bio_add_page(struct bio *bio, struct page *page, unsigned int len, unsigned int off)
{
	struct bio_vec *bv;

	if (bio->bi_vcnt >= bio->bi_max_vecs || len == 0 || off + len > PAGE_SIZE)
		return 0;
	/* Contiguous with the previous segment of the same page: extend it instead. */
	if (bio->bi_vcnt) {
		bv = &bio->bi_io_vec[bio->bi_vcnt - 1];
		if (bv->bv_page == page && bv->bv_offset + bv->bv_len == off) {
			bv->bv_len += len;
			bio->bi_size += len;
			return len;
		}
	}
	bv = &bio->bi_io_vec[bio->bi_vcnt++];
	bv->bv_page = page;
	bv->bv_offset = off;
	bv->bv_len = len;
	bio->bi_size += len;
	return len;
}

void bio_endio(struct bio *bio)
{
	if (bio->bi_end_io)
		bio->bi_end_io(bio);
}

static void submit_bio_wait_endio(struct bio *bio)
{
	complete(bio->bi_private);
}

int submit_bio_wait(struct bio *bio)
{
	struct completion done;

	init_completion(&done);
	bio->bi_private = &done;
	bio->bi_end_io = submit_bio_wait_endio;
	submit_bio(bio);
	wait_for_completion(&done);
	return bio->bi_status;
}
