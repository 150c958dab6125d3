/* SPDX-License-Identifier: MIT */
/*
 * Split virtqueues (virtio 1.1, 2.6): how the driver and the device pass buffers.
 *
 * A virtqueue of size N (a power of two) is three arrays in guest memory, all little-endian:
 *
 *   descriptor table: N x 16 bytes, written by the driver, read by the device
 *
 *       0               8       12      14      16
 *       +---------------+-------+-------+-------+
 *       | addr (phys)   | len   | flags | next  |   flags: NEXT (chain continues at `next`),
 *       +---------------+-------+-------+-------+          WRITE (device writes the buffer),
 *                                                           INDIRECT (addr/len is a table
 *                                                           of more descriptors)
 *
 *   available ring ("driver area"): written by the driver
 *
 *       +-------+-------+---------+---------+-----+-----------+------------+
 *       | flags | idx   | ring[0] | ring[1] | ... | ring[N-1] | used_event |   u16 each
 *       +-------+-------+---------+---------+-----+-----------+------------+
 *       ring[i] = head descriptor of a chain offered to the device; idx counts the
 *       offered chains (wrapping at 65536), so ring[idx % N] is the next slot to fill.
 *
 *   used ring ("device area"): written by the device
 *
 *       +-------+-------+--------------+-----+----------------+-------------+
 *       | flags | idx   | ring[0]      | ... | ring[N-1]      | avail_event |
 *       +-------+-------+--------------+-----+----------------+-------------+
 *       u16     u16      {u32 id, u32 len}                      u16
 *       id = head of a chain the device is done with, len = bytes it wrote into it.
 *
 * We allocate the three together in physically contiguous zeroed pages, in the layout the
 * legacy interface prescribes (2.6.2, "Legacy Interfaces: A Note on Virtqueue Layout"): the
 * descriptor table, the available ring right after it, then the used ring at the next
 * multiple of QueueAlign (4096). The modern interface takes three separate addresses, so the
 * same layout serves both and the used ring, the only part the device writes, has pages of
 * its own (no cache line is shared between CPU-written and device-written data).
 */
#ifndef DRIVERS_VIRTIO_RING_H
#define DRIVERS_VIRTIO_RING_H

#include <types.h>

#define VRING_DESC_F_NEXT	1	/* virtio 1.1, 2.6.5 */
#define VRING_DESC_F_WRITE	2
#define VRING_DESC_F_INDIRECT	4	/* 2.6.5.3 */

#define VRING_AVAIL_F_NO_INTERRUPT	1	/* 2.6.7: driver asks for no interrupts */
#define VRING_USED_F_NO_NOTIFY		1	/* 2.6.7: device asks for no notifications */

#define VRING_LEGACY_ALIGN	4096	/* QueueAlign we program, = the page size */

/* Chains of at least this many buffers go into an indirect table when the device allows
 * it (2.6.5.3): one ring descriptor per request however many segments it has. */
#define VRING_INDIRECT_MIN	4

struct vring_desc {
	u64 addr;
	u32 len;
	u16 flags;
	u16 next;
};

struct vring_avail {
	u16 flags;
	u16 idx;
	u16 ring[];	/* N entries, then u16 used_event */
};

struct vring_used_elem {
	u32 id;
	u32 len;
};

struct vring_used {
	u16 flags;
	u16 idx;
	struct vring_used_elem ring[];	/* N entries, then u16 avail_event */
};

/* The three parts of one queue, in CPU (linear map) addresses. */
struct vring {
	unsigned int num;
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
};

/* Bytes for a queue of num entries with the used ring aligned to align (2.6.2). */
static inline unsigned long vring_size(unsigned int num, unsigned long align)
{
	unsigned long desc_avail = sizeof(struct vring_desc) * num + sizeof(u16) * (3 + num);
	unsigned long used = sizeof(u16) * 3 + sizeof(struct vring_used_elem) * num;

	return ALIGN_UP(desc_avail, align) + used;
}

/* Points vr at the parts of a queue laid out at p. */
static inline void vring_init(struct vring *vr, unsigned int num, void *p, unsigned long align)
{
	unsigned long avail_end;

	vr->num = num;
	vr->desc = p;
	vr->avail = (struct vring_avail *)((char *)p + sizeof(struct vring_desc) * num);
	avail_end = (unsigned long)&vr->avail->ring[num] + sizeof(u16);	/* + used_event */
	vr->used = (struct vring_used *)ALIGN_UP(avail_end, align);
}

/* One buffer of a request, by physical address: the driver's scatter list. */
struct virtq_buf {
	phys_addr_t addr;
	u32 len;
};

struct virtio_device;

/* Per chain head: what the driver asked to get back, and the indirect table to free. */
struct vring_desc_state {
	void *data;
	struct vring_desc *indir;
};

/*
 * The driver's side of one virtqueue. Not locked: the device driver serializes every call
 * on one queue with its own lock (interrupts off), as Linux does.
 */
struct virtqueue {
	struct virtio_device *vdev;
	unsigned int index;		/* queue number on the device */
	struct vring vring;
	void *ring_mem;			/* the pages holding the vring */
	unsigned int ring_order;
	bool use_indirect;		/* VIRTIO_RING_F_INDIRECT_DESC negotiated */
	unsigned int num_free;		/* descriptors on the free list */
	u16 free_head;			/* free descriptors, chained through desc[].next */
	u16 avail_idx;			/* our copy of avail->idx */
	u16 last_used_idx;		/* used->idx value we have consumed up to */
	u16 num_added;			/* chains offered since the last kick */
	unsigned int in_flight;		/* chains offered, not yet returned by get_buf */
	struct vring_desc_state *desc_state;	/* num entries, by head index */
	unsigned long nr_added;		/* chains offered, ever */
	unsigned long nr_indirect;	/* of which through an indirect table */
	unsigned long nr_notified;	/* kicks that wrote QueueNotify */
	unsigned long nr_suppressed;	/* kicks the device said it did not need */
	unsigned int peak_in_flight;
	void (*notify)(struct virtqueue *vq);	/* the transport's QueueNotify */
	void (*callback)(struct virtqueue *vq);	/* the driver's "buffers used" */
};

/* Makes a queue of num entries (a power of two) in fresh zeroed pages; NULL if out of
 * memory. The transport then tells the device the addresses below. */
struct virtqueue *vring_new_virtqueue(struct virtio_device *vdev, unsigned int index,
				      unsigned int num, bool use_indirect,
				      void (*notify)(struct virtqueue *),
				      void (*callback)(struct virtqueue *));
void vring_del_virtqueue(struct virtqueue *vq);

phys_addr_t virtqueue_desc_addr(const struct virtqueue *vq);
phys_addr_t virtqueue_avail_addr(const struct virtqueue *vq);
phys_addr_t virtqueue_used_addr(const struct virtqueue *vq);

/* Offers one request: out device-readable buffers, then in device-writable ones. data
 * (non-NULL) comes back from virtqueue_get_buf() when the device is done. 0, or -ENOSPC
 * when there are not enough free descriptors (try again after a completion), -EINVAL when
 * the chain could never fit. Does not notify the device: call virtqueue_kick(). The caller
 * has cleaned the buffers to the point of coherency. */
int virtqueue_add_bufs(struct virtqueue *vq, const struct virtq_buf *bufs, unsigned int out,
		       unsigned int in, void *data);

/* Tells the device about the chains added since the last kick, unless it said it does not
 * need to hear (VRING_USED_F_NO_NOTIFY). Returns true if it notified. */
bool virtqueue_kick(struct virtqueue *vq);

/* The next chain the device has finished: its data, and in *len the bytes the device
 * wrote. NULL when there is none. Frees the chain's descriptors. */
void *virtqueue_get_buf(struct virtqueue *vq, u32 *len);

#endif /* DRIVERS_VIRTIO_RING_H */
