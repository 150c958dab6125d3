// SPDX-License-Identifier: MIT
/*
 * Moving a page to and from its swap slot: one bio of 8 sectors, slot n at sector 8n of the
 * swap device (seed 001: swap_readpage -> submit_bio, completed by end_swap_bio_read).
 * The page is locked during the I/O; the completion, from the disk's interrupt, marks it
 * and unlocks it, waking whoever sleeps on it.
 */
#include <mm/swap.h>
#include <mm/pagemap.h>
#include <mm/page_alloc.h>
#include <block/blkdev.h>
#include <kernel/printk.h>
#include <kernel/errno.h>

#define SECTORS_PER_PAGE (PAGE_SIZE / SECTOR_SIZE)

static void end_swap_bio_write(struct bio *bio)
{
	struct page *page = bio->bi_private;

	if (bio->bi_status) {
		swp_entry_t entry = { page->private };

		/* Keep the data in memory, and never use that slot again. */
		printk(KERN_ERR "write error on swap device (%s) at sector %llu: page kept in "
		       "memory, slot marked bad\n", bio->bi_bdev->name,
		       (unsigned long long)bio->bi_sector);
		SetPageError(page);
		set_page_dirty(page);
		swap_mark_bad(entry);
		reclaim_stats.swap_write_errors++;
	} else {
		ClearPageError(page);
	}
	unlock_page(page);
	bio_put(bio);
}

static void end_swap_bio_read(struct bio *bio)
{
	struct page *page = bio->bi_private;

	if (bio->bi_status) {
		printk(KERN_ERR "read error on swap device (%s) at sector %llu\n",
		       bio->bi_bdev->name, (unsigned long long)bio->bi_sector);
		SetPageError(page);
		reclaim_stats.swap_read_errors++;
	} else {
		SetPageUptodate(page);
	}
	unlock_page(page);
	bio_put(bio);
}

static int swap_io(struct page *page, enum req_op op, bio_end_io_t *end)
{
	swp_entry_t entry = { page->private };
	struct block_device *bdev = swap_bdev(entry);
	struct bio *bio;

	if (!bdev)
		goto fail;
	bio = bio_alloc(bdev, 1, op);
	if (!bio)
		goto fail;
	bio->bi_sector = (sector_t)swp_offset(entry) * SECTORS_PER_PAGE;
	bio->bi_end_io = end;
	bio->bi_private = page;
	bio_add_page(bio, page, PAGE_SIZE, 0);
	submit_bio(bio);
	return 0;
fail:
	/* No memory for the bio (we are reclaiming because memory is short): not an I/O
	 * error, just not now. A write stays to be done; a read simply did not happen. */
	if (op == REQ_OP_WRITE)
		set_page_dirty(page);
	unlock_page(page);
	return -ENOMEM;
}

int swap_writepage(struct page *page)
{
	reclaim_stats.pswpout++;
	return swap_io(page, REQ_OP_WRITE, end_swap_bio_write);
}

int swap_readpage(struct page *page)
{
	reclaim_stats.pswpin++;
	return swap_io(page, REQ_OP_READ, end_swap_bio_read);
}

int swap_read_sync(struct page *page, swp_entry_t entry)
{
	struct block_device *bdev = swap_bdev(entry);
	struct bio *bio;
	int err;

	if (!bdev)
		return -EIO;
	bio = bio_alloc(bdev, 1, REQ_OP_READ);
	if (!bio)
		return -ENOMEM;
	bio->bi_sector = (sector_t)swp_offset(entry) * SECTORS_PER_PAGE;
	bio_add_page(bio, page, PAGE_SIZE, 0);
	reclaim_stats.pswpin++;
	err = submit_bio_wait(bio);
	if (err) {
		printk(KERN_ERR "read error on swap device (%s) at sector %llu\n", bdev->name,
		       (unsigned long long)bio->bi_sector);
		reclaim_stats.swap_read_errors++;
	}
	bio_put(bio);
	return err ? -EIO : 0;
}
