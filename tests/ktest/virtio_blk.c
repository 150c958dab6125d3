// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of the virtio block driver, through the block layer (bios). They need
 * the disks tests/qemu/virtio_blk.sh attaches, so they run only when named:
 *
 *   vda  8 MiB (16384 sectors), writable. Byte i of sector s holds the "image pattern":
 *        bytes 0-3 the sector number (u32, little-endian), byte i >= 4 (s * 7 + i) & 0xff.
 *        Sectors 8192 and up are overwritten by the write tests with the "written pattern"
 *        (u32 s | 0x80000000, then (s * 13 + i + 0x55) & 0xff), which the script then looks
 *        for in the image file after power-off.
 *   vdb  1 MiB, the image pattern, attached read-only.
 *
 * Boot options: vdtest.sectors=N (capacity of vda the script made, default 16384) and, for
 * the error-injection boot, vdtest.bad_sector=N (a sector whose reads QEMU fails).
 */
#include <kernel/ktest.h>
#include <kernel/errno.h>
#include <kernel/params.h>
#include <kernel/spinlock.h>
#include <kernel/timer.h>
#include <kernel/wait.h>
#include <block/blkdev.h>
#include <drivers/virtio_blk.h>
#include <mm/page_alloc.h>
#include <asm/irqflags.h>
#include <lib/string.h>

#define WAIT_MS		10000	/* a request not done by then counts as hung */
#define TIMED_OUT	1000	/* "status" of a wait that gave up (not an errno) */

#define WRITE_AREA	8192	/* first sector the write tests may change */
#define WRITE_ONE	8192	/* write_then_read_back: 8 sectors */
#define WRITE_MULTI	8320	/* multi_segment_write: 16 pages = 128 sectors */
#define WRITE_MANY	9216	/* many_writes_in_flight: 32 x 8 sectors, 16 apart */

/* ---- patterns ----------------------------------------------------------------------- */

static u8 image_byte(sector_t s, unsigned int i)
{
	return (u8)(s * 7 + i);
}

static u8 written_byte(sector_t s, unsigned int i)
{
	return (u8)(s * 13 + i + 0x55);
}

static void fill_written(u8 *p, sector_t s)
{
	unsigned int i;

	*(u32 *)p = (u32)s | 0x80000000u;
	for (i = 4; i < SECTOR_SIZE; i++)
		p[i] = written_byte(s, i);
}

/* Whether p holds sector s of the image pattern (written = false) or the written one. */
static bool sector_ok(const u8 *p, sector_t s, bool written)
{
	unsigned int i;

	if (*(const u32 *)p != (written ? ((u32)s | 0x80000000u) : (u32)s))
		return false;
	for (i = 4; i < SECTOR_SIZE; i++)
		if (p[i] != (written ? written_byte(s, i) : image_byte(s, i)))
			return false;
	return true;
}

/* Sectors of a page that hold the expected pattern, reporting the first bad one. */
static unsigned int page_ok(struct page *page, sector_t first, bool written)
{
	const u8 *p = page_address(page);
	unsigned int i, good = 0;

	for (i = 0; i < PAGE_SIZE / SECTOR_SIZE; i++) {
		if (sector_ok(p + i * SECTOR_SIZE, first + i, written)) {
			good++;
		} else if (good == i) {
			ktest_fail(__FILE__, __LINE__, "sector %llu: expected the %s pattern, seen "
				   "first word 0x%08x", first + i, written ? "written" : "image",
				   *(const u32 *)(p + i * SECTOR_SIZE));
		}
	}
	return good;
}

/* ---- waiting for many bios, with a time limit --------------------------------------- */

/* Static: if a wait times out, bios still in flight may complete later and touch it. */
static struct batch {
	spinlock_t lock;
	int pending;
	bool timed_out;
	wait_queue_head_t wq;
	struct timer_list timer;
} batch;

static void batch_end_io(struct bio *bio)
{
	unsigned long flags;

	spin_lock_irqsave(&batch.lock, flags);
	batch.pending--;
	spin_unlock_irqrestore(&batch.lock, flags);
	wake_up(&batch.wq);
}

static void batch_timeout(struct timer_list *t)
{
	batch.timed_out = true;
	wake_up(&batch.wq);
}

static void batch_start(void)
{
	spin_lock_init(&batch.lock);
	batch.pending = 0;
	batch.timed_out = false;
	init_waitqueue_head(&batch.wq);
}

static void batch_submit(struct bio *bio)
{
	unsigned long flags;

	bio->bi_end_io = batch_end_io;
	bio->bi_private = &batch;
	spin_lock_irqsave(&batch.lock, flags);
	batch.pending++;
	spin_unlock_irqrestore(&batch.lock, flags);
	submit_bio(bio);
}

/* Sleeps until every submitted bio completed; false (and a failure) after WAIT_MS. */
static bool batch_wait(void)
{
	timer_setup(&batch.timer, batch_timeout);
	batch.timer.expires = jiffies + msecs_to_jiffies(WAIT_MS);
	add_timer(&batch.timer);
	wait_event(batch.wq, READ_ONCE(batch.pending) == 0 || batch.timed_out);
	del_timer(&batch.timer);
	KTEST_EXPECT(batch.pending == 0, "expected every bio to complete within %d ms, seen %d "
		     "still pending: a hang", WAIT_MS, batch.pending);
	return batch.pending == 0;
}

/* ---- helpers ------------------------------------------------------------------------ */

static struct block_device *disk(const char *name)
{
	struct block_device *bdev = lookup_bdev(name);

	KTEST_EXPECT(bdev, "expected /dev/%s (tests/qemu/virtio_blk.sh attaches it), seen none",
		     name);
	return bdev;
}

static unsigned long param(const char *name, unsigned long dflt)
{
	char buf[24];

	return cmdline_get(name, buf, sizeof(buf)) ? simple_strtoul(buf, NULL, 0) : dflt;
}

/* One bio of n whole pages at sector; returns its status, or TIMED_OUT. */
static int rw_pages(struct block_device *bdev, enum req_op op, sector_t sector,
		    struct page **pages, unsigned int n)
{
	struct bio *bio = bio_alloc(bdev, n, op);
	unsigned int i;
	int status;

	if (!bio)
		return -ENOMEM;
	bio->bi_sector = sector;
	for (i = 0; i < n; i++)
		bio_add_page(bio, pages[i], PAGE_SIZE, 0);
	batch_start();
	batch_submit(bio);
	if (!batch_wait())
		return TIMED_OUT;	/* the bio is leaked: it may still complete */
	status = bio->bi_status;
	bio_put(bio);
	return status;
}

static int rw_page(struct block_device *bdev, enum req_op op, sector_t sector, struct page *p)
{
	return rw_pages(bdev, op, sector, &p, 1);
}

static bool alloc_pages_array(struct page **pages, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		pages[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!pages[i]) {
			ktest_fail(__FILE__, __LINE__, "out of memory after %u pages", i);
			while (i--)
				__free_page(pages[i]);
			return false;
		}
	}
	return true;
}

static void free_pages_array(struct page **pages, unsigned int n)
{
	while (n--)
		__free_page(pages[n]);
}

static void fill_page_written(struct page *page, sector_t first)
{
	unsigned int i;

	for (i = 0; i < PAGE_SIZE / SECTOR_SIZE; i++)
		fill_written((u8 *)page_address(page) + i * SECTOR_SIZE, first + i);
}

static struct virtio_blk_stats stats(struct block_device *bdev)
{
	struct virtio_blk_stats st;

	memset(&st, 0, sizeof(st));
	KTEST_EXPECT(virtio_blk_get_stats(bdev, &st) == 0, "expected %s to be a virtio disk",
		     bdev->name);
	return st;
}

/* ---- the tests ---------------------------------------------------------------------- */

/* The capacity read from the configuration space is the image's size. */
KTEST_NAMED(virtio_blk_capacity_matches_the_image)
{
	struct block_device *bdev = disk("vda");

	if (!bdev)
		return;
	KTEST_EXPECT_EQ(bdev->nr_sectors, param("vdtest.sectors", 16384));
	KTEST_EXPECT(!bdev->read_only, "expected vda writable, seen read-only");
}

/* Single sectors and a page, anywhere on the disk, come back with the image's bytes. */
KTEST_NAMED(virtio_blk_reads_known_sectors)
{
	struct block_device *bdev = disk("vda");
	static const sector_t singles[] = { 0, 1, 7, 1000, 4093, 8191 };
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned int i;

	if (!bdev || !page)
		goto out;
	for (i = 0; i < ARRAY_SIZE(singles); i++) {
		struct bio *bio = bio_alloc(bdev, 1, REQ_OP_READ);
		int status;

		memset(page_address(page), 0xee, PAGE_SIZE);
		bio->bi_sector = singles[i];
		bio_add_page(bio, page, SECTOR_SIZE, 1024);	/* a sector-sized segment */
		batch_start();
		batch_submit(bio);
		if (!batch_wait())
			return;
		status = bio->bi_status;
		bio_put(bio);
		KTEST_EXPECT(status == 0, "read of sector %llu: expected 0, seen %d", singles[i],
			     status);
		KTEST_EXPECT(sector_ok((u8 *)page_address(page) + 1024, singles[i], false),
			     "sector %llu: expected the image pattern, seen first word 0x%08x",
			     singles[i], *(u32 *)((u8 *)page_address(page) + 1024));
		KTEST_EXPECT(*(u32 *)page_address(page) == 0xeeeeeeee,
			     "expected the rest of the page untouched by a 1-sector read");
	}
	KTEST_EXPECT_EQ(rw_page(bdev, REQ_OP_READ, 808, page), 0);
	KTEST_EXPECT_EQ(page_ok(page, 808, false), 8);
out:
	if (page)
		__free_page(page);
}

/* A page written reads back as written (and the script finds it in the image file). */
KTEST_NAMED(virtio_blk_write_then_read_back)
{
	struct block_device *bdev = disk("vda");
	struct page *pages[2];

	if (!bdev || !alloc_pages_array(pages, 2))
		return;
	fill_page_written(pages[0], WRITE_ONE);
	KTEST_EXPECT_EQ(rw_page(bdev, REQ_OP_WRITE, WRITE_ONE, pages[0]), 0);
	KTEST_EXPECT_EQ(rw_page(bdev, REQ_OP_READ, WRITE_ONE, pages[1]), 0);
	KTEST_EXPECT_EQ(page_ok(pages[1], WRITE_ONE, true), 8);
	free_pages_array(pages, 2);
}

/* One bio of 16 separate pages is one request of 16 segments (an indirect table when the
 * device offers them), read and written correctly. */
KTEST_NAMED(virtio_blk_multi_segment_requests)
{
	struct block_device *bdev = disk("vda");
	struct page *pages[16];
	struct virtio_blk_stats st0, st1;
	unsigned long req0;
	unsigned int i, good = 0;

	if (!bdev || !alloc_pages_array(pages, 16))
		return;
	req0 = bdev->queue.stats.requests;
	st0 = stats(bdev);
	KTEST_EXPECT_EQ(rw_pages(bdev, REQ_OP_READ, 1024, pages, 16), 0);
	KTEST_EXPECT_EQ(bdev->queue.stats.requests - req0, 1);
	for (i = 0; i < 16; i++)
		good += page_ok(pages[i], 1024 + 8 * i, false);
	KTEST_EXPECT_EQ(good, 128);

	for (i = 0; i < 16; i++)
		fill_page_written(pages[i], WRITE_MULTI + 8 * i);
	KTEST_EXPECT_EQ(rw_pages(bdev, REQ_OP_WRITE, WRITE_MULTI, pages, 16), 0);
	for (i = 0; i < 16; i++)
		memset(page_address(pages[i]), 0, PAGE_SIZE);
	KTEST_EXPECT_EQ(rw_pages(bdev, REQ_OP_READ, WRITE_MULTI, pages, 16), 0);
	for (good = 0, i = 0; i < 16; i++)
		good += page_ok(pages[i], WRITE_MULTI + 8 * i, true);
	KTEST_EXPECT_EQ(good, 128);
	st1 = stats(bdev);
	KTEST_EXPECT_EQ(st1.requests - st0.requests, 3);
	/* 18 buffers each (header, 16 pages, status): indirect when the device allows it. */
	KTEST_EXPECT_EQ(st1.indirect_requests - st0.indirect_requests, st1.indirect ? 3 : 0);
	free_pages_array(pages, 16);
}

/*
 * Releases a plug with interrupts masked: every request it holds is dispatched before any
 * completion can be collected, so the ring fills as far as it can, whatever the speed of
 * the device. Returns how many requests the driver then had in flight.
 */
static unsigned int finish_plug_irqs_off(struct block_device *bdev, struct blk_plug *plug)
{
	unsigned long flags = local_irq_save();
	unsigned int in_flight;

	blk_finish_plug(plug);
	in_flight = READ_ONCE(bdev->queue.in_flight);
	local_irq_restore(flags);
	return in_flight;
}

/* Submits n one-page bios at first, first + stride ... under a plug, all dispatched
 * together; returns how many were in flight at once. */
static unsigned int submit_spread(struct block_device *bdev, enum req_op op, struct page **pages,
				  struct bio **bios, unsigned int n, sector_t first,
				  unsigned int stride)
{
	struct blk_plug plug;
	unsigned int i;

	batch_start();
	blk_start_plug(&plug);
	for (i = 0; i < n; i++) {
		bios[i] = bio_alloc(bdev, 1, op);
		bios[i]->bi_sector = first + (sector_t)i * stride;
		bio_add_page(bios[i], pages[i], PAGE_SIZE, 0);
		batch_submit(bios[i]);
	}
	return finish_plug_irqs_off(bdev, &plug);
}

static int put_bios(struct bio **bios, unsigned int n)
{
	unsigned int i;
	int errors = 0;

	for (i = 0; i < n; i++) {
		errors += bios[i]->bi_status != 0;
		bio_put(bios[i]);
	}
	return errors;
}

/* 32 reads and then 32 writes, each submitted together under a plug and not adjacent (so
 * they do not merge): all 32 are in the ring at once, and all complete with the right data. */
KTEST_NAMED(virtio_blk_many_bios_in_flight)
{
	struct block_device *bdev = disk("vda");
	struct page *pages[32];
	struct bio *bios[32];
	unsigned int i, good = 0;

	if (!bdev || !alloc_pages_array(pages, 32))
		return;
	stats(bdev);	/* restarts the peak count */
	KTEST_EXPECT_EQ(submit_spread(bdev, REQ_OP_READ, pages, bios, 32, 64, 64), 32);
	if (!batch_wait())
		return;
	KTEST_EXPECT_EQ(stats(bdev).peak_in_flight, 32);
	KTEST_EXPECT_EQ(put_bios(bios, 32), 0);
	for (i = 0; i < 32; i++)
		good += page_ok(pages[i], 64 + 64 * i, false);
	KTEST_EXPECT_EQ(good, 32 * 8);

	for (i = 0; i < 32; i++)
		fill_page_written(pages[i], WRITE_MANY + 16 * i);
	KTEST_EXPECT_EQ(submit_spread(bdev, REQ_OP_WRITE, pages, bios, 32, WRITE_MANY, 16), 32);
	if (!batch_wait())
		return;
	KTEST_EXPECT_EQ(stats(bdev).peak_in_flight, 32);
	KTEST_EXPECT_EQ(put_bios(bios, 32), 0);
	for (i = 0; i < 32; i++)
		memset(page_address(pages[i]), 0, PAGE_SIZE);
	submit_spread(bdev, REQ_OP_READ, pages, bios, 32, WRITE_MANY, 16);
	if (!batch_wait())
		return;
	KTEST_EXPECT_EQ(put_bios(bios, 32), 0);
	for (good = 0, i = 0; i < 32; i++)
		good += page_ok(pages[i], WRITE_MANY + 16 * i, true);
	KTEST_EXPECT_EQ(good, 32 * 8);
	free_pages_array(pages, 32);
}

#define MANY 300

/* 300 one-sector requests at once: more than the ring holds (128 descriptors, 3 per
 * request), so the driver answers "busy" (BLK_STS_RESOURCE) and the rest is dispatched
 * from the completion interrupt as room appears. Eight sector-sized segments share each
 * page. */
KTEST_NAMED(virtio_blk_more_requests_than_ring_entries)
{
	struct block_device *bdev = disk("vda");
	static struct bio *bios[MANY];
	struct page *pages[MANY / 8 + 1];
	unsigned int npages = MANY / 8 + 1, i, good = 0;
	struct virtio_blk_stats st0, st1;
	unsigned long req0;
	struct blk_plug plug;

	if (!bdev || !alloc_pages_array(pages, npages))
		return;
	req0 = bdev->queue.stats.requests;
	st0 = stats(bdev);
	batch_start();
	blk_start_plug(&plug);
	for (i = 0; i < MANY; i++) {
		bios[i] = bio_alloc(bdev, 1, REQ_OP_READ);
		bios[i]->bi_sector = 3 * i;		/* gaps: no merging */
		bio_add_page(bios[i], pages[i / 8], SECTOR_SIZE, (i % 8) * SECTOR_SIZE);
		batch_submit(bios[i]);
	}
	finish_plug_irqs_off(bdev, &plug);
	if (!batch_wait())
		return;
	KTEST_EXPECT_EQ(put_bios(bios, MANY), 0);
	KTEST_EXPECT_EQ(bdev->queue.stats.requests - req0, MANY);
	st1 = stats(bdev);
	printk(KERN_INFO "# %d requests: at most %u in the ring at once, %lu busy answers, %lu "
	       "notifies, %lu suppressed\n", MANY, st1.peak_in_flight, st1.busy - st0.busy,
	       st1.notifies - st0.notifies, st1.notifies_suppressed - st0.notifies_suppressed);
	KTEST_EXPECT_EQ(st1.peak_in_flight, st1.queue_size / 3);
	KTEST_EXPECT(st1.busy > st0.busy, "expected the driver to answer busy with the ring full, "
		     "seen %lu busy answers", st1.busy - st0.busy);
	for (i = 0; i < MANY; i++)
		good += sector_ok((u8 *)page_address(pages[i / 8]) + (i % 8) * SECTOR_SIZE, 3 * i,
				  false);
	KTEST_EXPECT_EQ(good, MANY);
	free_pages_array(pages, npages);
}

/* vdb is attached read-only: the device says so (VIRTIO_BLK_F_RO), writes fail with
 * -EROFS and reads work. */
KTEST_NAMED(virtio_blk_write_to_read_only_disk_fails_with_erofs)
{
	struct block_device *bdev = disk("vdb");
	struct page *page = alloc_page(GFP_KERNEL);

	if (!bdev || !page)
		goto out;
	KTEST_EXPECT(bdev->read_only, "expected vdb read-only (VIRTIO_BLK_F_RO), seen writable");
	fill_page_written(page, 16);
	KTEST_EXPECT_EQ(rw_page(bdev, REQ_OP_WRITE, 16, page), (unsigned long)-EROFS);
	KTEST_EXPECT_EQ(rw_page(bdev, REQ_OP_READ, 16, page), 0);
	KTEST_EXPECT_EQ(page_ok(page, 16, false), 8);
out:
	if (page)
		__free_page(page);
}

/* Beyond the last sector nothing is read: -EIO, whether the request starts past the end
 * or runs over it. The last sector itself reads fine. */
KTEST_NAMED(virtio_blk_read_past_the_end_fails_with_eio)
{
	struct block_device *bdev = disk("vda");
	struct page *page = alloc_page(GFP_KERNEL);
	struct bio *bio;
	int status;

	if (!bdev || !page)
		goto out;
	KTEST_EXPECT_EQ(rw_page(bdev, REQ_OP_READ, bdev->nr_sectors, page), (unsigned long)-EIO);
	KTEST_EXPECT_EQ(rw_page(bdev, REQ_OP_READ, bdev->nr_sectors - 4, page),
			(unsigned long)-EIO);
	KTEST_EXPECT_EQ(rw_page(bdev, REQ_OP_READ, bdev->nr_sectors + 1000, page),
			(unsigned long)-EIO);
	bio = bio_alloc(bdev, 1, REQ_OP_READ);
	bio->bi_sector = bdev->nr_sectors - 1;
	bio_add_page(bio, page, SECTOR_SIZE, 0);
	batch_start();
	batch_submit(bio);
	if (!batch_wait())
		return;
	status = bio->bi_status;
	bio_put(bio);
	KTEST_EXPECT_EQ(status, 0);
	KTEST_EXPECT(sector_ok(page_address(page), bdev->nr_sectors - 1, false),
		     "expected the last sector's pattern");
out:
	if (page)
		__free_page(page);
}

/*
 * The block layer already refuses writes to read-only disks and I/O past the end; the
 * driver checks again, because a request is its contract with the device. Hand it such
 * requests directly, as the block layer would dispatch them: they must complete at once
 * with the right error, without reaching the device.
 */
static int queue_rq_directly(struct block_device *bdev, enum req_op op, sector_t sector,
			     struct page *page)
{
	struct request_queue *q = &bdev->queue;
	struct request *rq = kzalloc(sizeof(*rq));
	struct bio *bio = bio_alloc(bdev, 1, op);
	enum blk_status st;
	unsigned long flags;
	int status;

	if (!rq || !bio)
		return -ENOMEM;
	bio->bi_sector = sector;
	bio_add_page(bio, page, PAGE_SIZE, 0);
	rq->q = q;
	rq->op = op;
	rq->sector = sector;
	rq->nr_sectors = PAGE_SIZE / SECTOR_SIZE;
	rq->nr_segments = 1;
	rq->bio = rq->biotail = bio;
	batch_start();
	bio->bi_end_io = batch_end_io;
	batch.pending = 1;
	spin_lock_irqsave(&q->lock, flags);
	q->in_flight++;		/* as blk_run_queue does before calling queue_rq */
	spin_unlock_irqrestore(&q->lock, flags);
	st = q->ops->queue_rq(rq);	/* rq is freed by the completion */
	KTEST_EXPECT(st == BLK_STS_OK, "expected queue_rq to take the request, seen busy");
	KTEST_EXPECT(READ_ONCE(batch.pending) == 0,
		     "expected the request completed inside queue_rq, seen it pending");
	if (!batch_wait())
		return TIMED_OUT;
	status = bio->bi_status;
	bio_put(bio);
	return status;
}

KTEST_NAMED(virtio_blk_driver_refuses_bad_requests_itself)
{
	struct block_device *vda = disk("vda"), *vdb = disk("vdb");
	struct page *page = alloc_page(GFP_KERNEL);

	if (!vda || !vdb || !page)
		goto out;
	KTEST_EXPECT_EQ(queue_rq_directly(vda, REQ_OP_READ, vda->nr_sectors - 4, page),
			(unsigned long)-EIO);
	KTEST_EXPECT_EQ(queue_rq_directly(vdb, REQ_OP_WRITE, 0, page), (unsigned long)-EROFS);
out:
	if (page)
		__free_page(page);
}

/* Boot with QEMU failing reads of vdtest.bad_sector and writes of vdtest.bad_write_sector
 * (blkdebug): the device answers VIRTIO_BLK_S_IOERR, the bio gets -EIO, and the disk keeps
 * working afterwards. */
KTEST_NAMED(virtio_blk_device_error_reaches_the_bio)
{
	struct block_device *bdev = disk("vda");
	sector_t bad_read = param("vdtest.bad_sector", 0);
	sector_t bad_write = param("vdtest.bad_write_sector", 0);
	struct page *page = alloc_page(GFP_KERNEL);
	struct virtio_blk_stats st0;

	KTEST_EXPECT(bad_read && bad_write, "expected vdtest.bad_sector=N and "
		     "vdtest.bad_write_sector=N on the command line");
	if (!bdev || !page || !bad_read || !bad_write)
		goto out;
	st0 = stats(bdev);
	KTEST_EXPECT_EQ(rw_page(bdev, REQ_OP_READ, bad_read & ~7ULL, page), (unsigned long)-EIO);
	fill_page_written(page, bad_write & ~7ULL);
	KTEST_EXPECT_EQ(rw_page(bdev, REQ_OP_WRITE, bad_write & ~7ULL, page), (unsigned long)-EIO);
	KTEST_EXPECT_EQ(stats(bdev).device_errors - st0.device_errors, 2);
	/* Still alive: the sectors around them read fine. */
	KTEST_EXPECT_EQ(rw_page(bdev, REQ_OP_READ, (bad_read & ~7ULL) + 8, page), 0);
	KTEST_EXPECT_EQ(page_ok(page, (bad_read & ~7ULL) + 8, false), 8);
	KTEST_EXPECT_EQ(rw_page(bdev, REQ_OP_READ, 0, page), 0);
	KTEST_EXPECT_EQ(page_ok(page, 0, false), 8);
out:
	if (page)
		__free_page(page);
}
