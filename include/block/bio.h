/* SPDX-License-Identifier: MIT */
/*
 * struct bio: one block I/O in flight, as in Linux. It names a device, a start sector
 * (512 bytes each, whatever the device's block size), a direction, and a vector of
 * (page, offset, length) segments to fill or to write out. submit_bio() hands it to the
 * device's request queue; when the I/O is done the driver's completion (from its interrupt)
 * sets bi_status and calls bi_end_io(bio), which must not sleep.
 *
 * The caller waits for that completion by sleeping: on the page lock (page cache reads), or
 * with submit_bio_wait() on a completion. Nobody polls.
 */
#ifndef BLOCK_BIO_H
#define BLOCK_BIO_H

#include <types.h>
#include <mm/page.h>

typedef u64 sector_t;
#define SECTOR_SHIFT 9
#define SECTOR_SIZE 512

enum req_op {
	REQ_OP_READ = 0,
	REQ_OP_WRITE = 1,
};

struct bio_vec {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
};

struct block_device;
struct bio;
typedef void (bio_end_io_t)(struct bio *);

struct bio {
	struct block_device *bi_bdev;
	sector_t bi_sector;		/* first sector */
	enum req_op bi_op;
	int bi_status;			/* 0, or -EIO (-EROFS ...) once completed */
	unsigned int bi_size;		/* bytes, the sum of the segments */
	unsigned short bi_vcnt;		/* segments in use */
	unsigned short bi_max_vecs;
	bio_end_io_t *bi_end_io;
	void *bi_private;		/* for bi_end_io's use */
	struct bio *bi_next;		/* next bio of the same request */
	struct bio_vec bi_io_vec[];	/* bi_max_vecs of them */
};

/* A bio with room for nr_vecs segments; NULL without memory. */
struct bio *bio_alloc(struct block_device *bdev, unsigned int nr_vecs, enum req_op op);
void bio_put(struct bio *bio);
/* Appends a segment; returns len, or 0 if the bio is full. */
unsigned int bio_add_page(struct bio *bio, struct page *page, unsigned int len, unsigned int off);

void submit_bio(struct bio *bio);
/* Submits and sleeps until it completes; returns bi_status. */
int submit_bio_wait(struct bio *bio);
/* Called by the block layer when the bio's I/O is done (status already in bi_status). */
void bio_endio(struct bio *bio);

static inline sector_t bio_end_sector(const struct bio *bio)
{
	return bio->bi_sector + (bio->bi_size >> SECTOR_SHIFT);
}

#endif
