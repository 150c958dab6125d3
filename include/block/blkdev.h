/* SPDX-License-Identifier: MIT */
/*
 * Block devices and their request queues.
 *
 * A request is a run of contiguous sectors in one direction, made of one or more bios
 * (bio->bi_next chains them). submit_bio() merges a bio into a queued request when its
 * sectors continue the request's (back merge) or end where it starts (front merge), within
 * the queue's limits; otherwise it starts a new request. Requests wait in the queue while
 * the submitting thread holds a plug (blk_start_plug / blk_finish_plug), so a batch of bios
 * can merge before any is dispatched; unplugged, they are dispatched at once.
 *
 * Dispatch calls the driver's queue_rq() for each request in order until it returns
 * BLK_STS_RESOURCE (no room, e.g. the virtqueue is full); the driver completes requests
 * later with blk_mq_end_request(), usually from its interrupt handler, and the queue is run
 * again to dispatch what waited.
 */
#ifndef BLOCK_BLKDEV_H
#define BLOCK_BLKDEV_H

#include <types.h>
#include <lib/list.h>
#include <block/bio.h>
#include <kernel/spinlock.h>

struct request {
	struct list_head queuelist;
	struct request_queue *q;
	enum req_op op;
	sector_t sector;		/* first sector */
	unsigned int nr_sectors;
	unsigned short nr_segments;	/* bio_vecs over all its bios */
	struct bio *bio, *biotail;	/* bios in sector order */
	void *driver_data;		/* the driver's, while it owns the request */
};

enum blk_status {
	BLK_STS_OK = 0,
	BLK_STS_RESOURCE = 1,		/* the driver is full: retry after a completion */
};

struct blk_mq_ops {
	/* Start the I/O of rq; BLK_STS_RESOURCE to be asked again later. May run in the
	 * submitting thread or from a completion interrupt; must not sleep. */
	enum blk_status (*queue_rq)(struct request *rq);
};

/* Counters per device, shown in /proc/diskstats later. */
struct blk_stats {
	unsigned long bios;
	unsigned long requests;		/* requests dispatched to the driver */
	unsigned long merges;		/* bios merged into an existing request */
	unsigned long long sectors_read;
	unsigned long long sectors_written;
	unsigned long errors;
};

struct request_queue {
	spinlock_t lock;
	struct list_head queue;		/* requests waiting for dispatch */
	const struct blk_mq_ops *ops;
	unsigned int max_sectors;	/* per request */
	unsigned short max_segments;	/* per request */
	unsigned int in_flight;		/* dispatched, not completed */
	bool running, rerun;		/* see blk_run_queue() */
	struct blk_stats stats;
	struct block_device *bdev;
};

#define BDEVNAME_SIZE 16

struct inode;

struct block_device {
	char name[BDEVNAME_SIZE];	/* "ram0", "vda" ... (/dev/NAME) */
	sector_t nr_sectors;		/* capacity */
	bool read_only;
	struct request_queue queue;
	void *private;			/* the driver's */
	struct inode *bd_inode;		/* the device's own page cache, for metadata */
	struct list_head list;
};

/* A plug: bios submitted while it is held wait in the queue (merging) until it is released. */
struct blk_plug {
	struct block_device *bdevs[4];	/* queues to run at blk_finish_plug */
	unsigned int nr;
};

/* Registers a device: its queue gets the driver's ops and limits. -EEXIST if the name is taken. */
int add_disk(struct block_device *bdev, const struct blk_mq_ops *ops, unsigned int max_sectors,
	     unsigned short max_segments);
struct block_device *lookup_bdev(const char *name);	/* "vda" or "/dev/vda"; NULL if none */
void for_each_bdev(void (*fn)(struct block_device *bdev, void *arg), void *arg);

/* The driver says rq is done with status 0 or -EIO: completes its bios, frees it and runs
 * the queue again. May be called from an interrupt handler. */
void blk_mq_end_request(struct request *rq, int status);
/* Dispatches waiting requests (e.g. after the driver made room). */
void blk_run_queue(struct request_queue *q);

void blk_start_plug(struct blk_plug *plug);
void blk_finish_plug(struct blk_plug *plug);
/* Dispatches what a plug holds, keeping it in place (also when its thread goes to sleep). */
void blk_flush_plug(struct blk_plug *plug);

/* The block device's own page cache (block/bdev.c): its inode, made on first use (NULL
 * without memory), and single-page I/O on it. The read completes asynchronously: the page
 * is marked uptodate or PG_error and unlocked from the driver's completion. */
struct inode *bdev_inode(struct block_device *bdev);
int bdev_read_page_async(struct block_device *bdev, struct page *page, sector_t sector);
int bdev_write_page_sync(struct block_device *bdev, struct page *page, sector_t sector);

/* Walks the segments of a request: fn(page, offset, len, arg) for each, in sector order. */
void rq_for_each_segment(struct request *rq,
			 void (*fn)(struct page *page, unsigned int off, unsigned int len, void *arg),
			 void *arg);

#endif
