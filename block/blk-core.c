// SPDX-License-Identifier: MIT
/*
 * The request queue: submit_bio() turns bios into requests (merging where it can), and
 * dispatch hands requests to the driver. The design is drawn in include/block/blkdev.h.
 */
#include <block/blkdev.h>
#include <block/blk-merge.h>
#include <kernel/sched.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <mm/slab.h>
#include <lib/string.h>

/* How far back submit_bio looks for a request to merge with. */
#define MERGE_SCAN_DEPTH 8

static LIST_HEAD(all_bdevs);
static DEFINE_SPINLOCK(bdev_lock);

int add_disk(struct block_device *bdev, const struct blk_mq_ops *ops, unsigned int max_sectors,
	     unsigned short max_segments)
{
	struct request_queue *q = &bdev->queue;
	unsigned long flags;

	if (lookup_bdev(bdev->name))
		return -EEXIST;
	spin_lock_init(&q->lock);
	INIT_LIST_HEAD(&q->queue);
	q->ops = ops;
	q->max_sectors = max_sectors;
	q->max_segments = max_segments;
	q->in_flight = 0;
	q->running = false;
	q->rerun = false;
	memset(&q->stats, 0, sizeof(q->stats));
	q->bdev = bdev;
	spin_lock_irqsave(&bdev_lock, flags);
	list_add_tail(&bdev->list, &all_bdevs);
	spin_unlock_irqrestore(&bdev_lock, flags);
	return 0;
}

struct block_device *lookup_bdev(const char *name)
{
	struct block_device *bdev, *found = NULL;
	unsigned long flags;

	if (!strncmp(name, "/dev/", 5))
		name += 5;
	spin_lock_irqsave(&bdev_lock, flags);
	list_for_each_entry(bdev, &all_bdevs, list)
		if (!strcmp(bdev->name, name)) {
			found = bdev;
			break;
		}
	spin_unlock_irqrestore(&bdev_lock, flags);
	return found;
}

void for_each_bdev(void (*fn)(struct block_device *bdev, void *arg), void *arg)
{
	struct block_device *bdev;

	/* Devices are only ever added, at boot: the list can be walked without the lock. */
	list_for_each_entry(bdev, &all_bdevs, list)
		fn(bdev, arg);
}

/* Refuses a bio the device cannot do, before it reaches any queue. */
static int bio_check(const struct bio *bio)
{
	const struct block_device *bdev = bio->bi_bdev;

	if (bio->bi_size == 0 || (bio->bi_size & (SECTOR_SIZE - 1)))
		return -EINVAL;
	if (bio->bi_sector > bdev->nr_sectors ||
	    bdev->nr_sectors - bio->bi_sector < (bio->bi_size >> SECTOR_SHIFT))
		return -EIO;	/* past the end of the device */
	if (bio->bi_op == REQ_OP_WRITE && bdev->read_only)
		return -EROFS;
	return 0;
}

/* Tries the last few waiting requests, newest first: sequential I/O merges at the tail. */
static bool queue_try_merge(struct request_queue *q, struct bio *bio)
{
	struct list_head *pos;
	int depth = 0;

	for (pos = q->queue.prev; pos != &q->queue && depth < MERGE_SCAN_DEPTH;
	     pos = pos->prev, depth++) {
		struct request *rq = list_entry(pos, struct request, queuelist);
		enum merge_kind kind = blk_try_merge(rq, bio, q->max_sectors, q->max_segments);

		if (kind != NO_MERGE) {
			blk_merge_bio(rq, bio, kind);
			q->stats.merges++;
			return true;
		}
	}
	return false;
}

static void plug_add(struct blk_plug *plug, struct block_device *bdev)
{
	unsigned int i;

	for (i = 0; i < plug->nr; i++)
		if (plug->bdevs[i] == bdev)
			return;
	if (plug->nr == ARRAY_SIZE(plug->bdevs)) {	/* full: dispatch what it holds */
		blk_flush_plug(plug);
	}
	plug->bdevs[plug->nr++] = bdev;
}

void submit_bio(struct bio *bio)
{
	/* Once the bio is queued, a completion may end and free it at any moment (even while
	 * we are plugged: another thread's completion runs the queue): read what we need now. */
	struct block_device *bdev = bio->bi_bdev;
	struct request_queue *q = &bdev->queue;
	struct request *rq;
	unsigned long flags;
	int err = bio_check(bio);

	if (err) {
		bio->bi_status = err;
		bio_endio(bio);
		return;
	}
	/* Allocated before taking the lock; freed again if the bio merges. */
	rq = kmalloc(sizeof(*rq));

	spin_lock_irqsave(&q->lock, flags);
	q->stats.bios++;
	if (queue_try_merge(q, bio)) {
		spin_unlock_irqrestore(&q->lock, flags);
		kfree(rq);
	} else if (!rq) {
		spin_unlock_irqrestore(&q->lock, flags);
		bio->bi_status = -ENOMEM;
		bio_endio(bio);
		return;
	} else {
		blk_rq_init_from_bio(rq, bio);
		rq->q = q;
		list_add_tail(&rq->queuelist, &q->queue);
		spin_unlock_irqrestore(&q->lock, flags);
	}

	if (current->plug)
		plug_add(current->plug, bdev);
	else
		blk_run_queue(q);
}

/*
 * Hands waiting requests to the driver, in order, until it is full. The driver is called
 * without q->lock held, because a driver may complete a request inside queue_rq (the
 * ramdisk does) and completion runs the queue again; `running` turns that nested run into
 * one more turn of the outer loop instead of a recursion.
 */
void blk_run_queue(struct request_queue *q)
{
	unsigned long flags;

	spin_lock_irqsave(&q->lock, flags);
	if (q->running) {
		q->rerun = true;
		spin_unlock_irqrestore(&q->lock, flags);
		return;
	}
	q->running = true;
	do {
		q->rerun = false;
		while (!list_empty(&q->queue)) {
			struct request *rq = list_first_entry(&q->queue, struct request, queuelist);
			enum blk_status st;

			list_del(&rq->queuelist);
			q->in_flight++;
			spin_unlock_irqrestore(&q->lock, flags);

			st = q->ops->queue_rq(rq);

			spin_lock_irqsave(&q->lock, flags);
			if (st == BLK_STS_RESOURCE) {
				/* Put it back first in line; a completion will run us again. */
				q->in_flight--;
				list_add(&rq->queuelist, &q->queue);
				break;
			}
			q->stats.requests++;
			if (rq->op == REQ_OP_READ)
				q->stats.sectors_read += rq->nr_sectors;
			else
				q->stats.sectors_written += rq->nr_sectors;
		}
	} while (q->rerun && !list_empty(&q->queue));
	q->running = false;
	spin_unlock_irqrestore(&q->lock, flags);
}

void blk_mq_end_request(struct request *rq, int status)
{
	struct request_queue *q = rq->q;
	struct bio *bio = rq->bio;
	unsigned long flags;

	while (bio) {
		struct bio *next = bio->bi_next;

		bio->bi_status = status;
		bio->bi_next = NULL;
		bio_endio(bio);
		bio = next;
	}
	spin_lock_irqsave(&q->lock, flags);
	q->in_flight--;
	if (status)
		q->stats.errors++;
	spin_unlock_irqrestore(&q->lock, flags);
	kfree(rq);
	blk_run_queue(q);
}

void rq_for_each_segment(struct request *rq,
			 void (*fn)(struct page *page, unsigned int off, unsigned int len, void *arg),
			 void *arg)
{
	struct bio *bio;
	unsigned int i;

	for (bio = rq->bio; bio; bio = bio->bi_next)
		for (i = 0; i < bio->bi_vcnt; i++)
			fn(bio->bi_io_vec[i].bv_page, bio->bi_io_vec[i].bv_offset,
			   bio->bi_io_vec[i].bv_len, arg);
}

void blk_start_plug(struct blk_plug *plug)
{
	plug->nr = 0;
	current->plug = plug;
}

void blk_flush_plug(struct blk_plug *plug)
{
	unsigned int i, n = plug->nr;

	plug->nr = 0;
	for (i = 0; i < n; i++)
		blk_run_queue(&plug->bdevs[i]->queue);
}

void blk_finish_plug(struct blk_plug *plug)
{
	current->plug = NULL;
	blk_flush_plug(plug);
}
