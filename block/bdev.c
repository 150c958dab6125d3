// SPDX-License-Identifier: MIT
/*
 * The page cache of a block device itself, used by filesystems for their metadata
 * (superblock, bitmaps, inode tables, directories, indirect blocks): page n of the device's
 * mapping holds bytes [n * 4096, n * 4096 + 4096) of the disk. Reads and writes of these
 * pages are bios of 8 sectors.
 */
#include <block/blkdev.h>
#include <fs/fs.h>
#include <mm/pagemap.h>
#include <mm/slab.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <lib/string.h>

#define SECTORS_PER_PAGE (PAGE_SIZE / SECTOR_SIZE)

/* Completion of a page read, from the driver's interrupt: mark and unlock. */
static void end_page_read(struct bio *bio)
{
	struct page *page = bio->bi_io_vec[0].bv_page;

	if (bio->bi_status)
		SetPageError(page);
	else
		SetPageUptodate(page);
	unlock_page(page);
	bio_put(bio);
}

int bdev_read_page_async(struct block_device *bdev, struct page *page, sector_t sector)
{
	struct bio *bio = bio_alloc(bdev, 1, REQ_OP_READ);

	if (!bio) {
		SetPageError(page);
		unlock_page(page);
		return -ENOMEM;
	}
	bio->bi_sector = sector;
	bio->bi_end_io = end_page_read;
	bio_add_page(bio, page, PAGE_SIZE, 0);
	submit_bio(bio);
	return 0;
}

int bdev_write_page_sync(struct block_device *bdev, struct page *page, sector_t sector)
{
	struct bio *bio = bio_alloc(bdev, 1, REQ_OP_WRITE);
	int err;

	if (!bio)
		return -ENOMEM;
	bio->bi_sector = sector;
	bio_add_page(bio, page, PAGE_SIZE, 0);
	err = submit_bio_wait(bio);
	bio_put(bio);
	if (err) {
		printk(KERN_ERR "%s: write error %d at sector %llu\n", bdev->name, err,
		       (unsigned long long)sector);
		SetPageError(page);
	}
	return err;
}

static int blkdev_readpage(struct file *file, struct page *page)
{
	struct block_device *bdev = page->mapping->host->i_private;

	return bdev_read_page_async(bdev, page, (sector_t)page->index * SECTORS_PER_PAGE);
}

static int blkdev_writepage(struct page *page)
{
	struct block_device *bdev = page->mapping->host->i_private;
	int err = bdev_write_page_sync(bdev, page, (sector_t)page->index * SECTORS_PER_PAGE);

	unlock_page(page);
	return err;
}

static const struct address_space_operations blkdev_aops = {
	.readpage = blkdev_readpage,
	.writepage = blkdev_writepage,
};

/* The inode holding bdev's page cache, made on first use. */
struct inode *bdev_inode(struct block_device *bdev)
{
	struct inode *inode;

	if (bdev->bd_inode)
		return bdev->bd_inode;
	inode = kzalloc(sizeof(*inode));
	if (!inode)
		return NULL;
	inode->i_mode = S_IFBLK;
	inode->i_size = (loff_t)bdev->nr_sectors * SECTOR_SIZE;
	inode->i_count = 1;
	inode->i_private = bdev;
	address_space_init(&inode->i_data, inode);
	inode->i_data.a_ops = &blkdev_aops;
	mutex_init(&inode->i_mutex);
	INIT_LIST_HEAD(&inode->i_sb_list);
	bdev->bd_inode = inode;
	return inode;
}
