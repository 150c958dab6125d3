// SPDX-License-Identifier: MIT
/*
 * In-kernel tests of the block layer over /dev/ram0. tests/qemu/block.sh boots with an
 * initrd whose every 512-byte sector starts with its own sector number (u32), so any read
 * can be checked.
 */
#include <kernel/ktest.h>
#include <block/blkdev.h>
#include <mm/page_alloc.h>
#include <kernel/errno.h>

static struct block_device *test_disk(void)
{
	struct block_device *bdev = lookup_bdev("ram0");

	KTEST_EXPECT(bdev, "expected /dev/ram0 (boot with an initrd), seen none");
	return bdev;
}

/* Checks that page holds sectors first.. of the pattern; returns how many were right. */
static unsigned int check_pattern(struct page *page, sector_t first)
{
	u8 *p = page_address(page);
	unsigned int i, good = 0;

	for (i = 0; i < PAGE_SIZE / SECTOR_SIZE; i++)
		good += *(u32 *)(p + i * SECTOR_SIZE) == (u32)(first + i);
	return good;
}

static int read_page(struct block_device *bdev, struct page *page, sector_t sector)
{
	struct bio *bio = bio_alloc(bdev, 1, REQ_OP_READ);
	int err;

	if (!bio)
		return -ENOMEM;
	bio->bi_sector = sector;
	bio_add_page(bio, page, PAGE_SIZE, 0);
	err = submit_bio_wait(bio);
	bio_put(bio);
	return err;
}

KTEST_NAMED(ramdisk_reads_the_initrd_through_bios)
{
	struct block_device *bdev = test_disk();
	struct page *page = alloc_page(GFP_KERNEL);

	if (!bdev || !page)
		return;
	KTEST_EXPECT_EQ(read_page(bdev, page, 0), 0);
	KTEST_EXPECT_EQ(check_pattern(page, 0), 8);
	KTEST_EXPECT_EQ(read_page(bdev, page, 808), 0);
	KTEST_EXPECT_EQ(check_pattern(page, 808), 8);
	__free_page(page);
}

KTEST_NAMED(bio_past_the_end_fails_with_eio)
{
	struct block_device *bdev = test_disk();
	struct page *page = alloc_page(GFP_KERNEL);

	if (!bdev || !page)
		return;
	KTEST_EXPECT_EQ(read_page(bdev, page, bdev->nr_sectors - 4), (unsigned long)-EIO);
	KTEST_EXPECT_EQ(read_page(bdev, page, bdev->nr_sectors + 100), (unsigned long)-EIO);
	__free_page(page);
}

static void count_done(struct bio *bio)
{
	(*(int *)bio->bi_private)++;
}

/* 64 one-page reads of consecutive sectors, submitted under a plug, reach the driver as
 * far fewer requests: they merge while the plug holds them. Unplugged they do not. */
KTEST_NAMED(plugged_sequential_bios_merge)
{
	struct block_device *bdev = test_disk();
	struct page *pages[64];
	struct bio *bios[64];
	struct blk_plug plug;
	unsigned long req0, merges0;
	volatile int done = 0;
	int i, good = 0;

	if (!bdev)
		return;
	req0 = bdev->queue.stats.requests;
	merges0 = bdev->queue.stats.merges;
	blk_start_plug(&plug);
	for (i = 0; i < 64; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		bios[i] = bio_alloc(bdev, 1, REQ_OP_READ);
		if (!pages[i] || !bios[i]) {
			ktest_fail(__FILE__, __LINE__, "out of memory");
			return;
		}
		bios[i]->bi_sector = 8 * i;
		bios[i]->bi_end_io = count_done;
		bios[i]->bi_private = (void *)&done;
		bio_add_page(bios[i], pages[i], PAGE_SIZE, 0);
		submit_bio(bios[i]);
	}
	KTEST_EXPECT(done == 0, "while plugged: expected nothing dispatched, seen %d done", done);
	blk_finish_plug(&plug);
	KTEST_EXPECT_EQ(done, 64);
	for (i = 0; i < 64; i++) {
		good += check_pattern(pages[i], 8 * i) == 8;
		bio_put(bios[i]);
		__free_page(pages[i]);
	}
	KTEST_EXPECT_EQ(good, 64);
	KTEST_EXPECT_EQ(bdev->queue.stats.merges - merges0, 63 - (bdev->queue.stats.requests - req0 - 1));
	KTEST_EXPECT(bdev->queue.stats.requests - req0 <= 64 * 8 / 1024 + 1,
		     "expected at most %d requests for 64 merged pages, seen %lu", 64 * 8 / 1024 + 1,
		     bdev->queue.stats.requests - req0);
}
