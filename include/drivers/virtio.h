/* SPDX-License-Identifier: MIT */
/*
 * Virtio devices over MMIO (virtio 1.1, sections 2 and 4.2): what a device driver such as
 * virtio-blk sees of the transport.
 *
 * drivers/virtio_mmio.c finds the devices, runs the status handshake and the feature
 * negotiation for the driver (the features the driver understands, ANDed with the device's),
 * then calls the driver's probe(). probe() reads the device's configuration space, asks for
 * its virtqueue(s) with virtio_find_vq() and registers whatever the device is (a disk). When
 * probe() returns 0 the transport sets DRIVER_OK and the device goes live.
 */
#ifndef DRIVERS_VIRTIO_H
#define DRIVERS_VIRTIO_H

#include <types.h>

/* Device status bits (virtio 1.1, 2.1 "Device Status Field"). */
#define VIRTIO_STATUS_ACKNOWLEDGE	0x01	/* the guest noticed the device */
#define VIRTIO_STATUS_DRIVER		0x02	/* the guest has a driver for it */
#define VIRTIO_STATUS_DRIVER_OK		0x04	/* the driver is ready: the device goes live */
#define VIRTIO_STATUS_FEATURES_OK	0x08	/* feature negotiation done (not in legacy) */
#define VIRTIO_STATUS_NEEDS_RESET	0x40	/* the device hit an error it cannot recover */
#define VIRTIO_STATUS_FAILED		0x80	/* the guest gave up on the device */

/* Device types (virtio 1.1, 5 "Device Types"). 0 marks an empty transport slot. */
#define VIRTIO_ID_NONE		0
#define VIRTIO_ID_NET		1
#define VIRTIO_ID_BLOCK		2
#define VIRTIO_ID_CONSOLE	3

/* Feature bits common to all devices (virtio 1.1, 6 "Reserved Feature Bits"). */
#define VIRTIO_RING_F_INDIRECT_DESC	28	/* descriptors may point to descriptor tables */
#define VIRTIO_RING_F_EVENT_IDX		29	/* used_event / avail_event (we do not use it) */
#define VIRTIO_F_VERSION_1		32	/* a virtio 1.x ("modern") device */
#define VIRTIO_F_ACCESS_PLATFORM	33	/* behind an IOMMU (never accepted) */
#define VIRTIO_F_RING_PACKED		34	/* packed virtqueues (never accepted) */

#define VIRTIO_FEATURE(bit) (1ULL << (bit))

struct virtqueue;
struct virtio_driver;

/* One virtio device behind one virtio-mmio transport. */
struct virtio_device {
	void *base;			/* the transport's registers (ioremapped) */
	phys_addr_t phys;		/* their physical address, for messages */
	unsigned int irq;		/* GIC interrupt ID */
	u32 version;			/* 1 = legacy interface, 2 = virtio 1.x */
	u32 device_id;			/* VIRTIO_ID_* */
	u32 vendor_id;
	u64 features;			/* negotiated: what both sides understand */
	struct virtqueue *vq;		/* its virtqueue 0 (single-queue devices only) */
	const struct virtio_driver *driver;
	void *priv;			/* the driver's */
};

/* A device driver, found by device_id. */
struct virtio_driver {
	const char *name;
	u32 device_id;
	u64 features;			/* device features the driver can use */
	/* The device is in state ACKNOWLEDGE|DRIVER(|FEATURES_OK), features negotiated.
	 * Returns 0 to go live, -errno to give up (the transport sets FAILED). */
	int (*probe)(struct virtio_device *vdev);
	/* The configuration space changed (e.g. a disk was resized); may be NULL. Runs in
	 * the interrupt handler. */
	void (*config_changed)(struct virtio_device *vdev);
};

extern const struct virtio_driver virtio_blk_driver;

/* Finds every virtio-mmio device of the board and hands it to its driver. Transports are
 * probed from the highest address down, the order in which QEMU fills them from its
 * command line: the first -device becomes the first disk (vda). Call it once, after the
 * block layer is ready and with the interrupt controller up. */
void virtio_mmio_probe_all(void);

static inline bool virtio_has_feature(const struct virtio_device *vdev, unsigned int bit)
{
	return (vdev->features >> bit) & 1;
}

/* Sets DRIVER_OK: the device is live and may be sent requests (3.1.1 step 8). A driver
 * whose probe makes the device visible to others (add_disk) calls it first; otherwise the
 * transport does so when probe() returns 0. */
void virtio_device_ready(struct virtio_device *vdev);

/* Reads 32 or 64 bits of the device-specific configuration space at byte offset off.
 * The 64-bit read is consistent even if the device changes it meanwhile (virtio 1.1,
 * 4.2.2.2: ConfigGeneration, on modern devices). */
u32 virtio_cread32(struct virtio_device *vdev, unsigned int off);
u64 virtio_cread64(struct virtio_device *vdev, unsigned int off);

/* Sets up virtqueue index with at most max_size entries (a power of two) and tells the
 * device where it lives. callback runs from the interrupt handler when the device has
 * used buffers. NULL if the device has no such queue or memory runs out. */
struct virtqueue *virtio_find_vq(struct virtio_device *vdev, unsigned int index,
				 unsigned int max_size, void (*callback)(struct virtqueue *vq));

#endif /* DRIVERS_VIRTIO_H */
