// SPDX-License-Identifier: MIT
/*
 * /dev/ram0: a block device over the initrd memory the boot loader described. It is served
 * through the same bio and request path as any disk, so the filesystem above cannot tell
 * the difference. "Doing the I/O" is a memcpy between the initrd (in the linear map) and the
 * request's pages; there is no interrupt, so each request completes inside queue_rq.
 */
#include <drivers/ramdisk.h>
#include <block/blkdev.h>
#include <mm/page_alloc.h>
#include <kernel/printk.h>
#include <kernel/errno.h>
#include <lib/string.h>

static struct block_device ram0;
static u8 *ram_base;

struct copy_state {
	u8 *disk;		/* where in the ramdisk the next segment goes */
	bool write;
};

static void copy_segment(struct page *page, unsigned int off, unsigned int len, void *arg)
{
	struct copy_state *cs = arg;
	u8 *mem = (u8 *)page_address(page) + off;

	/* Whole aligned pages (the usual case: page cache and swap I/O) go 32 bytes at a time. */
	bool whole = len == PAGE_SIZE && !(((unsigned long)mem | (unsigned long)cs->disk) & 3);

	if (cs->write)
		whole ? copy_page(cs->disk, mem) : memcpy(cs->disk, mem, len);
	else
		whole ? copy_page(mem, cs->disk) : memcpy(mem, cs->disk, len);
	cs->disk += len;
}

static enum blk_status ramdisk_queue_rq(struct request *rq)
{
	struct copy_state cs = {
		.disk = ram_base + (rq->sector << SECTOR_SHIFT),
		.write = rq->op == REQ_OP_WRITE,
	};

	rq_for_each_segment(rq, copy_segment, &cs);
	blk_mq_end_request(rq, 0);
	return BLK_STS_OK;
}

static const struct blk_mq_ops ramdisk_ops = {
	.queue_rq = ramdisk_queue_rq,
};

int ramdisk_init(phys_addr_t start, u32 size)
{
	int err;

	if (!size)
		return -ENODEV;
	ram_base = __va(start);
	strlcpy(ram0.name, "ram0", sizeof(ram0.name));
	ram0.nr_sectors = size >> SECTOR_SHIFT;
	/* No hardware limit: large requests just mean one long memcpy. */
	err = add_disk(&ram0, &ramdisk_ops, 1024, 256);
	if (!err)
		printk(KERN_INFO "ramdisk ram0: %u KiB at %08x\n", size / 1024, start);
	return err;
}
