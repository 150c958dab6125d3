// SPDX-License-Identifier: MIT
/*
 * Split virtqueues, the driver's side (virtio 1.1, 2.6). The layout is drawn in
 * include/drivers/virtio_ring.h; docs/virtio.md walks through a request.
 *
 * Free descriptors form a list through their `next` fields, headed by free_head. Offering a
 * request takes descriptors off that list, fills them, puts the head's index into the next
 * available-ring slot and then publishes avail->idx. The device answers with the head's
 * index in the used ring; get_buf puts the chain back on the free list.
 *
 * Caches: the device reads and writes memory directly, bypassing the CPU's caches. What the
 * CPU wrote (descriptors, available ring, indirect tables) is cleaned to the point of
 * coherency before the device may look at it; what the device wrote (the used ring) is
 * invalidated before the CPU reads it. QEMU does not model caches, a real board does.
 */
#include <drivers/virtio_ring.h>
#include <drivers/virtio.h>
#include <mm/page_alloc.h>
#include <asm/barrier.h>
#include <asm/cacheflush.h>
#include <asm/memory.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/panic.h>
#include <lib/string.h>

/* Makes the CPU's writes to [p, p + len) visible to the device. */
static void vring_publish(const void *p, size_t len)
{
	dcache_clean_poc((unsigned long)p, (unsigned long)p + len);
}

/* Drops any cached copy of [p, p + len), so the next read sees what the device wrote. Only
 * used on the used ring, which the CPU never writes. */
static void vring_refresh(const void *p, size_t len)
{
	dcache_inv_poc((unsigned long)p, (unsigned long)p + len);
}

static unsigned int order_for(unsigned long size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

struct virtqueue *vring_new_virtqueue(struct virtio_device *vdev, unsigned int index,
				      unsigned int num, bool use_indirect,
				      void (*notify)(struct virtqueue *),
				      void (*callback)(struct virtqueue *))
{
	unsigned long size = vring_size(num, VRING_LEGACY_ALIGN);
	struct virtqueue *vq;
	struct page *pages;
	unsigned int i;

	if (num == 0 || (num & (num - 1)) || num > 32768)
		return NULL;	/* 2.6: Queue Size is a power of 2, at most 32768 */
	vq = kzalloc(sizeof(*vq));
	if (!vq)
		return NULL;
	vq->desc_state = kzalloc(num * sizeof(*vq->desc_state));
	if (!vq->desc_state)
		goto err_state;
	vq->ring_order = order_for(size);
	pages = alloc_pages(GFP_KERNEL | __GFP_ZERO, vq->ring_order);
	if (!pages)
		goto err_ring;
	vq->ring_mem = page_address(pages);
	vring_init(&vq->vring, num, vq->ring_mem, VRING_LEGACY_ALIGN);

	vq->vdev = vdev;
	vq->index = index;
	vq->use_indirect = use_indirect;
	vq->notify = notify;
	vq->callback = callback;
	vq->num_free = num;
	vq->free_head = 0;
	for (i = 0; i + 1 < num; i++)
		vq->vring.desc[i].next = (u16)(i + 1);
	/* The zeroes and the free list reach memory before the device is told the address. */
	vring_publish(vq->ring_mem, PAGE_SIZE << vq->ring_order);
	return vq;

err_ring:
	kfree(vq->desc_state);
err_state:
	kfree(vq);
	return NULL;
}

void vring_del_virtqueue(struct virtqueue *vq)
{
	free_pages((unsigned long)vq->ring_mem, vq->ring_order);
	kfree(vq->desc_state);
	kfree(vq);
}

phys_addr_t virtqueue_desc_addr(const struct virtqueue *vq)
{
	return __pa(vq->vring.desc);
}

phys_addr_t virtqueue_avail_addr(const struct virtqueue *vq)
{
	return __pa(vq->vring.avail);
}

phys_addr_t virtqueue_used_addr(const struct virtqueue *vq)
{
	return __pa(vq->vring.used);
}

/* Fills descriptor k of an n-buffer chain: the first `out` buffers are device-readable,
 * the rest device-writable; all but the last say that the chain continues (NEXT). */
static void fill_desc(struct vring_desc *d, const struct virtq_buf *buf, unsigned int k,
		      unsigned int out, unsigned int n)
{
	d->addr = buf->addr;
	d->len = buf->len;
	d->flags = (k >= out ? VRING_DESC_F_WRITE : 0) | (k + 1 < n ? VRING_DESC_F_NEXT : 0);
}

/*
 * An indirect table (2.6.5.3): the chain lives in a separate array of descriptors, linked
 * by `next` as indexes into that array; the ring holds one descriptor flagged INDIRECT
 * whose addr/len cover the table. Returns the table, or NULL without memory.
 */
static struct vring_desc *make_indirect(const struct virtq_buf *bufs, unsigned int out,
					unsigned int n)
{
	struct vring_desc *table = kmalloc(n * sizeof(*table));
	unsigned int k;

	if (!table)
		return NULL;
	for (k = 0; k < n; k++) {
		fill_desc(&table[k], &bufs[k], k, out, n);
		table[k].next = (u16)(k + 1);
	}
	vring_publish(table, n * sizeof(*table));
	return table;
}

int virtqueue_add_bufs(struct virtqueue *vq, const struct virtq_buf *bufs, unsigned int out,
		       unsigned int in, void *data)
{
	struct vring *vr = &vq->vring;
	unsigned int n = out + in, k, head, i, slot;
	struct vring_desc *indir = NULL;

	BUG_ON(!data);
	/* 2.6.4.2: a chain may not be longer than the queue (indirect or not). */
	if (n == 0 || n > vr->num)
		return -EINVAL;
	if (vq->use_indirect && n >= VRING_INDIRECT_MIN && vq->num_free >= 1)
		indir = make_indirect(bufs, out, n);	/* NULL: fall back to a direct chain */
	if (vq->num_free < (indir ? 1 : n))
		return -ENOSPC;

	head = vq->free_head;
	if (indir) {
		struct vring_desc *d = &vr->desc[head];

		d->addr = __pa(indir);
		d->len = n * sizeof(*indir);
		d->flags = VRING_DESC_F_INDIRECT;	/* never with NEXT or WRITE (2.6.5.3.1) */
		vq->free_head = d->next;
		vq->num_free--;
		vring_publish(d, sizeof(*d));
	} else {
		i = head;
		for (k = 0; k < n; k++) {
			fill_desc(&vr->desc[i], &bufs[k], k, out, n);
			/* desc[i].next already links to the next free descriptor: keep it. */
			vring_publish(&vr->desc[i], sizeof(vr->desc[i]));
			i = vr->desc[i].next;
		}
		vq->free_head = (u16)i;
		vq->num_free -= n;
	}
	vq->desc_state[head].data = data;
	vq->desc_state[head].indir = indir;

	/* 2.6.13.2: the head goes into the next free slot of the available ring ... */
	slot = vq->avail_idx & (vr->num - 1);
	vr->avail->ring[slot] = (u16)head;
	vring_publish(&vr->avail->ring[slot], sizeof(u16));
	/* 2.6.13.3: ... and the device must see descriptors and ring entry before the index
	 * that tells it they are there. */
	smp_wmb();
	vq->avail_idx++;
	WRITE_ONCE(vr->avail->idx, vq->avail_idx);
	vring_publish(&vr->avail->idx, sizeof(u16));
	vq->num_added++;
	vq->in_flight++;
	vq->nr_added++;
	vq->nr_indirect += indir != NULL;
	if (vq->in_flight > vq->peak_in_flight)
		vq->peak_in_flight = vq->in_flight;
	return 0;
}

bool virtqueue_kick(struct virtqueue *vq)
{
	struct vring_used *used = vq->vring.used;
	bool needed;

	if (vq->num_added == 0)
		return false;
	vq->num_added = 0;
	/* 2.6.13.4: the new avail->idx must be visible before we look at whether the device
	 * wants a notification, or it could stop polling between the two and miss the work. */
	smp_mb();
	vring_refresh(&used->flags, sizeof(used->flags));
	needed = !(READ_ONCE(used->flags) & VRING_USED_F_NO_NOTIFY);
	if (needed) {
		vq->notify(vq);
		vq->nr_notified++;
	} else {
		vq->nr_suppressed++;
	}
	return needed;
}

/* Returns the chain starting at head to the free list. */
static void detach_buf(struct virtqueue *vq, unsigned int head)
{
	struct vring_desc *desc = vq->vring.desc;
	unsigned int i = head, n = 1;

	while (desc[i].flags & VRING_DESC_F_NEXT) {
		i = desc[i].next;
		n++;
	}
	desc[i].next = vq->free_head;
	vq->free_head = (u16)head;
	vq->num_free += n;
	if (vq->desc_state[head].indir)
		kfree(vq->desc_state[head].indir);
	vq->desc_state[head].data = NULL;
	vq->desc_state[head].indir = NULL;
}

void *virtqueue_get_buf(struct virtqueue *vq, u32 *len)
{
	struct vring_used *used = vq->vring.used;
	struct vring_used_elem *elem;
	unsigned int id;
	void *data;

	for (;;) {
		vring_refresh(&used->idx, sizeof(used->idx));
		if (READ_ONCE(used->idx) == vq->last_used_idx)
			return NULL;
		/* 2.6.14: read the element only after seeing the index that says it is there. */
		smp_rmb();
		elem = &used->ring[vq->last_used_idx & (vq->vring.num - 1)];
		vring_refresh(elem, sizeof(*elem));
		id = READ_ONCE(elem->id);
		if (len)
			*len = READ_ONCE(elem->len);
		vq->last_used_idx++;
		if (id < vq->vring.num && vq->desc_state[id].data)
			break;
		/* A device bug: there is no telling which request it meant. Skip it. */
		pr_err("virtio: queue %u: the device returned descriptor %u, which is not in use\n",
		       vq->index, id);
	}
	data = vq->desc_state[id].data;
	detach_buf(vq, id);
	vq->in_flight--;
	return data;
}
