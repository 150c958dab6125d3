// SPDX-License-Identifier: MIT
/*
 * The virtio block driver (virtio 1.1, 5.2): each virtio-blk device becomes a disk of the
 * block layer, named vda, vdb ... in the order the transports are probed.
 *
 * The block layer hands us requests (a run of sectors, one direction, a list of page
 * segments) through virtblk_queue_rq(). Each becomes one descriptor chain, header + data
 * segments + status byte (drawn in include/drivers/virtio_blk.h), offered on the device's
 * single virtqueue. When the device is done it interrupts; virtblk_done() collects the
 * finished chains, turns the status byte into 0 or -EIO and completes the requests with
 * blk_mq_end_request(), which also lets the block layer dispatch what was waiting.
 *
 * Each request in flight has a slot: the header and status bytes the device reads and
 * writes (in pages of their own, a cache line per slot) and the request pointer. There are
 * as many slots as ring entries, so slots never run out before descriptors do.
 */
#include <drivers/virtio.h>
#include <drivers/virtio_ring.h>
#include <drivers/virtio_blk.h>
#include <block/blkdev.h>
#include <mm/page_alloc.h>
#include <asm/cacheflush.h>
#include <asm/memory.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <lib/string.h>
#include <lib/vsprintf.h>

#define VIRTBLK_QUEUE_MAX	128	/* ring entries we ask for */
#define VIRTBLK_MAX_SEGMENTS	126	/* data buffers per request, at most */
#define VIRTBLK_MAX_SECTORS	1024	/* 512 KiB per request, at most */

/*
 * The device's part of a request slot: it reads hdr and writes status. One cache line
 * (32 bytes on the Cortex-A9 L1 and the PL310, A9 TRM 7.1 / PL310 TRM 2.1) per slot, so
 * invalidating one slot's status after the device wrote it never throws away another
 * slot's header the CPU has just written.
 */
#define VIRTBLK_DMA_ALIGN	32

struct virtblk_dma {
	struct virtio_blk_outhdr hdr;
	u8 status;
} __aligned(VIRTBLK_DMA_ALIGN);

struct virtio_blk {
	struct virtio_device *vdev;
	struct virtqueue *vq;
	spinlock_t lock;		/* the virtqueue, the slots and bufs; irqsave */
	struct block_device bdev;
	unsigned int nr_slots;
	struct virtblk_dma *dma;	/* nr_slots of them */
	unsigned int dma_order;
	struct request **slot_rq;	/* the request in each slot; NULL = free */
	struct virtq_buf *bufs;		/* scratch for queue_rq: max_data_bufs + 2 */
	unsigned int max_data_bufs;	/* descriptors for data in one request */
	u32 size_max;			/* bytes in one data descriptor; 0 = no limit */
	unsigned long busy;		/* BLK_STS_RESOURCE answers */
	unsigned long device_errors;
};

static unsigned int nr_disks;	/* names handed out: vda, vdb ... */

/* ---- cache maintenance for the data ------------------------------------------------- */

/* Before the device reads (a write request): the data must be in memory, not only in the
 * cache. Before it writes (a read request): no dirty line may later be evicted over what
 * the device wrote, so clean and invalidate. */
static void dma_to_device(void *va, unsigned int len, bool device_writes)
{
	if (device_writes)
		dcache_clean_inv_poc((unsigned long)va, (unsigned long)va + len);
	else
		dcache_clean_poc((unsigned long)va, (unsigned long)va + len);
}

/* After the device wrote: drop lines the CPU may have fetched (speculatively) meanwhile. */
static void dma_from_device(void *va, unsigned int len)
{
	dcache_inv_poc((unsigned long)va, (unsigned long)va + len);
}

static void inv_segment(struct page *page, unsigned int off, unsigned int len, void *arg)
{
	dma_from_device((char *)page_address(page) + off, len);
}

/* ---- building a request ------------------------------------------------------------- */

struct segment_walk {
	struct virtio_blk *vblk;
	unsigned int n;			/* bufs filled so far (bufs[0] is the header) */
	unsigned long bytes;
	bool device_writes;		/* a read request */
	int error;
};

/*
 * One segment of the request becomes one data descriptor, or several if the device limits
 * the size of each (size_max). Segments must start and end on a 512-byte boundary (Linux
 * asks the same of virtio-blk callers): then no cache line is shared with other data, and
 * invalidating it after a read cannot destroy anything.
 */
static void add_segment(struct page *page, unsigned int off, unsigned int len, void *arg)
{
	struct segment_walk *w = arg;
	struct virtio_blk *vblk = w->vblk;
	char *va = (char *)page_address(page) + off;

	if (w->error)
		return;
	if ((off | len) & (SECTOR_SIZE - 1) || len == 0) {
		w->error = -EINVAL;
		return;
	}
	dma_to_device(va, len, w->device_writes);
	while (len) {
		u32 piece = vblk->size_max && len > vblk->size_max ? vblk->size_max : len;

		if (w->n - 1 == vblk->max_data_bufs) {
			w->error = -E2BIG;
			return;
		}
		/* The linear map is physically contiguous: so is every piece. */
		vblk->bufs[w->n].addr = __pa(va);
		vblk->bufs[w->n].len = piece;
		w->n++;
		w->bytes += piece;
		va += piece;
		len -= piece;
	}
}

static int free_slot(struct virtio_blk *vblk)
{
	unsigned int i;

	for (i = 0; i < vblk->nr_slots; i++)
		if (!vblk->slot_rq[i])
			return (int)i;
	return -1;
}

/* Requests the device must never see, answered at once. 0 if rq may go to the device. */
static int virtblk_check(struct virtio_blk *vblk, struct request *rq)
{
	struct block_device *bdev = &vblk->bdev;

	if (rq->op == REQ_OP_WRITE && bdev->read_only)
		return -EROFS;
	/* Past the end (the device would say IOERR too, but we know better, and sooner). */
	if (rq->sector >= bdev->nr_sectors || rq->nr_sectors > bdev->nr_sectors - rq->sector)
		return -EIO;
	return 0;
}

static enum blk_status virtblk_queue_rq(struct request *rq)
{
	struct virtio_blk *vblk = rq->q->bdev->private;
	struct segment_walk walk = { vblk, 1, 0, rq->op == REQ_OP_READ, 0 };
	struct virtblk_dma *dma;
	unsigned long flags;
	int slot, err;

	err = virtblk_check(vblk, rq);
	if (err)
		goto end_now;

	spin_lock_irqsave(&vblk->lock, flags);
	slot = free_slot(vblk);
	if (slot < 0)
		goto busy;
	dma = &vblk->dma[slot];
	dma->hdr.type = rq->op == REQ_OP_WRITE ? VIRTIO_BLK_T_OUT : VIRTIO_BLK_T_IN;
	dma->hdr.reserved = 0;
	dma->hdr.sector = rq->sector;
	dma->status = 0xff;	/* not a valid status: shows if the device never wrote it */
	dcache_clean_poc((unsigned long)dma, (unsigned long)(dma + 1));

	/* header (device-readable), data, status (device-writable) */
	vblk->bufs[0].addr = __pa(&dma->hdr);
	vblk->bufs[0].len = sizeof(dma->hdr);
	rq_for_each_segment(rq, add_segment, &walk);
	if (!walk.error && walk.bytes != (unsigned long)rq->nr_sectors << SECTOR_SHIFT)
		walk.error = -EINVAL;
	if (walk.error) {
		spin_unlock_irqrestore(&vblk->lock, flags);
		pr_err("virtio-blk %s: bad request at sector %llu (%u sectors, %u segments): %d\n",
		       vblk->bdev.name, rq->sector, rq->nr_sectors, rq->nr_segments, walk.error);
		err = -EIO;
		goto end_now;
	}
	vblk->bufs[walk.n].addr = __pa(&dma->status);
	vblk->bufs[walk.n].len = sizeof(dma->status);

	if (rq->op == REQ_OP_WRITE)
		err = virtqueue_add_bufs(vblk->vq, vblk->bufs, walk.n, 1, dma);
	else
		err = virtqueue_add_bufs(vblk->vq, vblk->bufs, 1, walk.n, dma);
	if (err == -ENOSPC)
		goto busy;	/* the ring is full: a completion will run the queue again */
	if (err) {
		spin_unlock_irqrestore(&vblk->lock, flags);
		err = -EIO;
		goto end_now;
	}
	vblk->slot_rq[slot] = rq;
	rq->driver_data = dma;
	virtqueue_kick(vblk->vq);
	spin_unlock_irqrestore(&vblk->lock, flags);
	return BLK_STS_OK;

busy:
	vblk->busy++;
	spin_unlock_irqrestore(&vblk->lock, flags);
	return BLK_STS_RESOURCE;
end_now:
	blk_mq_end_request(rq, err);
	return BLK_STS_OK;
}

/* ---- completion ---------------------------------------------------------------------- */

static int virtblk_result(u8 status)
{
	switch (status) {
	case VIRTIO_BLK_S_OK:
		return 0;
	case VIRTIO_BLK_S_IOERR:
	case VIRTIO_BLK_S_UNSUPP:
	default:		/* 0xff: the device did not say */
		return -EIO;
	}
}

/*
 * The virtqueue callback, from the interrupt handler. Takes one finished chain at a time
 * and completes its request with our lock released: blk_mq_end_request() runs the queue
 * again, which comes back into virtblk_queue_rq() and takes the lock.
 */
static void virtblk_done(struct virtqueue *vq)
{
	struct virtio_blk *vblk = vq->vdev->priv;
	struct virtblk_dma *dma;
	struct request *rq;
	unsigned long flags;
	unsigned int slot;
	u8 status;
	int err;

	for (;;) {
		spin_lock_irqsave(&vblk->lock, flags);
		dma = virtqueue_get_buf(vq, NULL);
		if (!dma) {
			spin_unlock_irqrestore(&vblk->lock, flags);
			break;
		}
		slot = (unsigned int)(dma - vblk->dma);
		dcache_inv_poc((unsigned long)dma, (unsigned long)(dma + 1));
		status = READ_ONCE(dma->status);
		rq = vblk->slot_rq[slot];
		vblk->slot_rq[slot] = NULL;
		err = virtblk_result(status);
		vblk->device_errors += err != 0;
		spin_unlock_irqrestore(&vblk->lock, flags);

		if (err)
			pr_err("virtio-blk %s: %s of %u sectors at %llu failed (status %u)\n",
			       vblk->bdev.name, rq->op == REQ_OP_WRITE ? "write" : "read",
			       rq->nr_sectors, rq->sector, status);
		if (rq->op == REQ_OP_READ)
			rq_for_each_segment(rq, inv_segment, NULL);
		blk_mq_end_request(rq, err);
	}
}

static const struct blk_mq_ops virtblk_ops = {
	.queue_rq = virtblk_queue_rq,
};

int virtio_blk_get_stats(struct block_device *bdev, struct virtio_blk_stats *st)
{
	struct virtio_blk *vblk = bdev->private;
	struct virtqueue *vq;
	unsigned long flags;

	if (bdev->queue.ops != &virtblk_ops)
		return -ENODEV;
	vq = vblk->vq;
	spin_lock_irqsave(&vblk->lock, flags);
	st->modern = vblk->vdev->version >= 2;
	st->indirect = vq->use_indirect;
	st->queue_size = vq->vring.num;
	st->requests = vq->nr_added;
	st->indirect_requests = vq->nr_indirect;
	st->busy = vblk->busy;
	st->device_errors = vblk->device_errors;
	st->notifies = vq->nr_notified;
	st->notifies_suppressed = vq->nr_suppressed;
	st->peak_in_flight = vq->peak_in_flight;
	vq->peak_in_flight = vq->in_flight;
	spin_unlock_irqrestore(&vblk->lock, flags);
	return 0;
}

/* ---- probe --------------------------------------------------------------------------- */

static unsigned int order_for(unsigned long size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

/* Reads the limits the device offers and derives ours (see docs/virtio.md). */
static void virtblk_limits(struct virtio_blk *vblk, unsigned short *max_segments,
			   unsigned int *max_sectors)
{
	struct virtio_device *vdev = vblk->vdev;
	unsigned int per_page = 1, segs;

	/* Descriptors for data: the ring minus header and status, or fewer if asked. */
	vblk->max_data_bufs = vblk->vq->vring.num - 2;
	if (virtio_has_feature(vdev, VIRTIO_BLK_F_SEG_MAX)) {
		u32 seg_max = virtio_cread32(vdev, VIRTIO_BLK_CFG_SEG_MAX);

		if (seg_max && seg_max < vblk->max_data_bufs)
			vblk->max_data_bufs = seg_max;
	}
	if (virtio_has_feature(vdev, VIRTIO_BLK_F_SIZE_MAX)) {
		vblk->size_max = virtio_cread32(vdev, VIRTIO_BLK_CFG_SIZE_MAX);
		if (vblk->size_max && vblk->size_max < SECTOR_SIZE)
			vblk->size_max = SECTOR_SIZE;	/* nonsense: not honoured */
		if (vblk->size_max && vblk->size_max < PAGE_SIZE)
			per_page = (PAGE_SIZE + vblk->size_max - 1) / vblk->size_max;
	}
	/* A segment of up to a page may need per_page descriptors. */
	segs = min(vblk->max_data_bufs / per_page, VIRTBLK_MAX_SEGMENTS);
	*max_segments = (unsigned short)(segs ? segs : 1);
	*max_sectors = min(VIRTBLK_MAX_SECTORS, *max_segments * (unsigned int)(PAGE_SIZE >> 9));
}

static int virtblk_probe(struct virtio_device *vdev)
{
	struct virtio_blk *vblk;
	unsigned short max_segments;
	unsigned int max_sectors;
	struct page *pages;
	u64 capacity;
	u32 blk_size = SECTOR_SIZE;
	int err = -ENOMEM;

	if (nr_disks >= 26)
		return -ENOSPC;
	vblk = kzalloc(sizeof(*vblk));
	if (!vblk)
		return -ENOMEM;
	vblk->vdev = vdev;
	spin_lock_init(&vblk->lock);
	vdev->priv = vblk;

	capacity = virtio_cread64(vdev, VIRTIO_BLK_CFG_CAPACITY);
	if (virtio_has_feature(vdev, VIRTIO_BLK_F_BLK_SIZE))
		blk_size = virtio_cread32(vdev, VIRTIO_BLK_CFG_BLK_SIZE);

	vblk->vq = virtio_find_vq(vdev, 0, VIRTBLK_QUEUE_MAX, virtblk_done);
	if (!vblk->vq || vblk->vq->vring.num < 4) {
		err = -ENODEV;		/* the transport frees a queue that is too small */
		goto err_free;
	}
	virtblk_limits(vblk, &max_segments, &max_sectors);

	vblk->nr_slots = vblk->vq->vring.num;	/* a request takes at least one descriptor */
	vblk->dma_order = order_for(vblk->nr_slots * sizeof(struct virtblk_dma));
	pages = alloc_pages(GFP_KERNEL | __GFP_ZERO, vblk->dma_order);
	if (!pages)
		goto err_free;
	vblk->dma = page_address(pages);
	vblk->slot_rq = kzalloc(vblk->nr_slots * sizeof(*vblk->slot_rq));
	vblk->bufs = kmalloc((vblk->max_data_bufs + 2) * sizeof(*vblk->bufs));
	if (!vblk->slot_rq || !vblk->bufs)
		goto err_dma;

	snprintf(vblk->bdev.name, sizeof(vblk->bdev.name), "vd%c", 'a' + nr_disks);
	vblk->bdev.nr_sectors = capacity;
	vblk->bdev.read_only = virtio_has_feature(vdev, VIRTIO_BLK_F_RO);
	vblk->bdev.private = vblk;

	/* Live before anyone can send it a request (3.1.1: no notification before
	 * DRIVER_OK); add_disk makes the disk visible. */
	virtio_device_ready(vdev);
	err = add_disk(&vblk->bdev, &virtblk_ops, max_sectors, max_segments);
	if (err)
		goto err_dma;
	nr_disks++;

	pr_info("virtio-blk %s: %llu sectors (%llu MiB), %s%s\n", vblk->bdev.name, capacity,
		capacity >> (20 - SECTOR_SHIFT), vdev->version >= 2 ? "modern" : "legacy",
		vblk->bdev.read_only ? ", ro" : "");
	pr_info("virtio-blk %s: virtio-mmio@%08x irq %u, queue of %u%s, up to %u segments "
		"and %u sectors per request, block size %u\n", vblk->bdev.name, vdev->phys,
		vdev->irq, vblk->vq->vring.num, vblk->vq->use_indirect ? " (indirect)" : "",
		max_segments, max_sectors, blk_size);
	return 0;

err_dma:
	kfree(vblk->bufs);
	kfree(vblk->slot_rq);
	free_pages((unsigned long)vblk->dma, vblk->dma_order);
err_free:
	vdev->priv = NULL;
	kfree(vblk);
	return err;
}

const struct virtio_driver virtio_blk_driver = {
	.name = "virtio-blk",
	.device_id = VIRTIO_ID_BLOCK,
	.features = VIRTIO_FEATURE(VIRTIO_BLK_F_SIZE_MAX) | VIRTIO_FEATURE(VIRTIO_BLK_F_SEG_MAX) |
		    VIRTIO_FEATURE(VIRTIO_BLK_F_RO) | VIRTIO_FEATURE(VIRTIO_BLK_F_BLK_SIZE) |
		    VIRTIO_FEATURE(VIRTIO_RING_F_INDIRECT_DESC),
	.probe = virtblk_probe,
};
