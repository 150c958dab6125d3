// SPDX-License-Identifier: MIT
/*
 * The virtio-mmio transport (virtio 1.1, 4.2): a virtio device as a block of 32-bit
 * registers. The vexpress-a9 board has four such transports, 0x200 bytes apart from
 * VEXPRESS_VIRTIO0, with GIC interrupts 72..75; an empty one reads DeviceID 0.
 *
 * Two versions of the register block exist and QEMU offers either:
 *   version 1, "legacy" (4.2.4): the queue is given as one page frame number (QueuePFN) in
 *     the fixed legacy layout, features are 32 bits, there is no FEATURES_OK step;
 *   version 2, virtio 1.x (4.2.2): the three parts of the queue get separate 64-bit
 *     addresses and QueueReady, features are 64 bits and VIRTIO_F_VERSION_1 is required.
 *
 * Register block (offsets; L = legacy only, M = modern only):
 *
 *   0x000 MagicValue "virt"     0x030 QueueSel          0x070 Status
 *   0x004 Version 1 or 2        0x034 QueueNumMax       0x080 QueueDescLow/High     M
 *   0x008 DeviceID              0x038 QueueNum          0x090 QueueDriverLow/High   M
 *   0x00c VendorID              0x03c QueueAlign     L  0x0a0 QueueDeviceLow/High   M
 *   0x010 DeviceFeatures        0x040 QueuePFN       L  0x0fc ConfigGeneration      M
 *   0x014 DeviceFeaturesSel     0x044 QueueReady     M  0x100 Config: the device's own
 *   0x020 DriverFeatures        0x050 QueueNotify             fields (virtio-blk: capacity)
 *   0x024 DriverFeaturesSel     0x060 InterruptStatus
 *   0x028 GuestPageSize      L  0x064 InterruptACK
 */
#include <drivers/virtio.h>
#include <drivers/virtio_ring.h>
#include <drivers/board.h>
#include <kernel/irq.h>
#include <kernel/errno.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <mm/page_alloc.h>
#include <asm/io.h>
#include <asm/memory.h>

/* Registers: virtio 1.1, 4.2.2 "MMIO Device Register Layout" (Table 4.1) and, for the
 * legacy-only ones, 4.2.4 "Legacy interface" (Table 4.2). */
#define VIRTIO_MMIO_MAGIC_VALUE		0x000	/* MagicValue: 0x74726976 */
#define VIRTIO_MMIO_VERSION		0x004	/* Version */
#define VIRTIO_MMIO_DEVICE_ID		0x008	/* DeviceID */
#define VIRTIO_MMIO_VENDOR_ID		0x00c	/* VendorID */
#define VIRTIO_MMIO_DEVICE_FEATURES	0x010	/* DeviceFeatures (legacy: HostFeatures) */
#define VIRTIO_MMIO_DEVICE_FEATURES_SEL	0x014	/* DeviceFeaturesSel (HostFeaturesSel) */
#define VIRTIO_MMIO_DRIVER_FEATURES	0x020	/* DriverFeatures (legacy: GuestFeatures) */
#define VIRTIO_MMIO_DRIVER_FEATURES_SEL	0x024	/* DriverFeaturesSel (GuestFeaturesSel) */
#define VIRTIO_MMIO_GUEST_PAGE_SIZE	0x028	/* GuestPageSize (legacy) */
#define VIRTIO_MMIO_QUEUE_SEL		0x030	/* QueueSel */
#define VIRTIO_MMIO_QUEUE_NUM_MAX	0x034	/* QueueNumMax */
#define VIRTIO_MMIO_QUEUE_NUM		0x038	/* QueueNum */
#define VIRTIO_MMIO_QUEUE_ALIGN		0x03c	/* QueueAlign (legacy) */
#define VIRTIO_MMIO_QUEUE_PFN		0x040	/* QueuePFN (legacy) */
#define VIRTIO_MMIO_QUEUE_READY		0x044	/* QueueReady */
#define VIRTIO_MMIO_QUEUE_NOTIFY	0x050	/* QueueNotify */
#define VIRTIO_MMIO_INTERRUPT_STATUS	0x060	/* InterruptStatus */
#define VIRTIO_MMIO_INTERRUPT_ACK	0x064	/* InterruptACK */
#define VIRTIO_MMIO_STATUS		0x070	/* Status */
#define VIRTIO_MMIO_QUEUE_DESC_LOW	0x080	/* QueueDescLow */
#define VIRTIO_MMIO_QUEUE_DESC_HIGH	0x084	/* QueueDescHigh */
#define VIRTIO_MMIO_QUEUE_DRIVER_LOW	0x090	/* QueueDriverLow: the available ring */
#define VIRTIO_MMIO_QUEUE_DRIVER_HIGH	0x094	/* QueueDriverHigh */
#define VIRTIO_MMIO_QUEUE_DEVICE_LOW	0x0a0	/* QueueDeviceLow: the used ring */
#define VIRTIO_MMIO_QUEUE_DEVICE_HIGH	0x0a4	/* QueueDeviceHigh */
#define VIRTIO_MMIO_CONFIG_GENERATION	0x0fc	/* ConfigGeneration */
#define VIRTIO_MMIO_CONFIG		0x100	/* device-specific configuration space */

#define VIRTIO_MMIO_MAGIC		0x74726976	/* "virt", little-endian */

/* InterruptStatus / InterruptACK bits (4.2.2). */
#define VIRTIO_MMIO_INT_VRING		0x1	/* Used Buffer Notification */
#define VIRTIO_MMIO_INT_CONFIG		0x2	/* Configuration Change Notification */

/* The drivers we have, by device type. */
static const struct virtio_driver *const virtio_drivers[] = {
	&virtio_blk_driver,
};

static u32 vm_read(struct virtio_device *vdev, unsigned int reg)
{
	return readl((char *)vdev->base + reg);
}

static void vm_write(struct virtio_device *vdev, unsigned int reg, u32 val)
{
	writel(val, (char *)vdev->base + reg);
}

static void vm_add_status(struct virtio_device *vdev, u32 bits)
{
	vm_write(vdev, VIRTIO_MMIO_STATUS, vm_read(vdev, VIRTIO_MMIO_STATUS) | bits);
}

/* 4.2.3.1: writing 0 to Status resets the device; a modern one says when it is done by
 * reading back 0. */
static void vm_reset(struct virtio_device *vdev)
{
	unsigned int tries = 1000000;

	vm_write(vdev, VIRTIO_MMIO_STATUS, 0);
	while (vdev->version >= 2 && vm_read(vdev, VIRTIO_MMIO_STATUS) != 0 && --tries)
		;
}

u32 virtio_cread32(struct virtio_device *vdev, unsigned int off)
{
	return vm_read(vdev, VIRTIO_MMIO_CONFIG + off);
}

/*
 * A 64-bit field is two 32-bit reads, and the device may change the field between them. A
 * modern device bumps ConfigGeneration on every change: read until it stayed the same over
 * both halves (4.2.2.2). The legacy interface has no such register; a torn read there is a
 * risk the spec accepts (and QEMU never changes a disk's capacity behind our back anyway).
 */
u64 virtio_cread64(struct virtio_device *vdev, unsigned int off)
{
	u32 gen, lo, hi;

	do {
		gen = vdev->version >= 2 ? vm_read(vdev, VIRTIO_MMIO_CONFIG_GENERATION) : 0;
		lo = virtio_cread32(vdev, off);
		hi = virtio_cread32(vdev, off + 4);
	} while (vdev->version >= 2 && gen != vm_read(vdev, VIRTIO_MMIO_CONFIG_GENERATION));
	return ((u64)hi << 32) | lo;
}

static u64 vm_device_features(struct virtio_device *vdev)
{
	u64 features;

	vm_write(vdev, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 0);
	features = vm_read(vdev, VIRTIO_MMIO_DEVICE_FEATURES);
	if (vdev->version >= 2) {	/* legacy devices have only bits 0..31 */
		vm_write(vdev, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 1);
		features |= (u64)vm_read(vdev, VIRTIO_MMIO_DEVICE_FEATURES) << 32;
	}
	return features;
}

static void vm_write_driver_features(struct virtio_device *vdev, u64 features)
{
	vm_write(vdev, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 0);
	vm_write(vdev, VIRTIO_MMIO_DRIVER_FEATURES, (u32)features);
	if (vdev->version >= 2) {
		vm_write(vdev, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
		vm_write(vdev, VIRTIO_MMIO_DRIVER_FEATURES, (u32)(features >> 32));
	}
}

/*
 * Feature negotiation (3.1.1 steps 4-6): accept what both sides understand. A modern
 * device must offer VIRTIO_F_VERSION_1 and we must accept it; then FEATURES_OK, which the
 * device clears again if it cannot work with our choice. The legacy interface has no
 * FEATURES_OK: the device takes what it is given.
 */
static int vm_negotiate(struct virtio_device *vdev, const struct virtio_driver *drv)
{
	u64 device = vm_device_features(vdev);
	u64 wanted = drv->features;

	if (cmdline_has("virtio.no_indirect"))	/* to test the direct-chain path */
		wanted &= ~VIRTIO_FEATURE(VIRTIO_RING_F_INDIRECT_DESC);
	if (vdev->version >= 2) {
		if (!(device & VIRTIO_FEATURE(VIRTIO_F_VERSION_1))) {
			pr_err("virtio-mmio@%08x: version 2 transport without VIRTIO_F_VERSION_1\n",
			       vdev->phys);
			return -ENODEV;
		}
		wanted |= VIRTIO_FEATURE(VIRTIO_F_VERSION_1);
	}
	vdev->features = device & wanted;
	vm_write_driver_features(vdev, vdev->features);
	if (vdev->version < 2)
		return 0;
	vm_add_status(vdev, VIRTIO_STATUS_FEATURES_OK);
	if (!(vm_read(vdev, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_FEATURES_OK)) {
		pr_err("virtio-mmio@%08x: the device refused features %08x%08x\n", vdev->phys,
		       (u32)(vdev->features >> 32), (u32)vdev->features);
		return -ENODEV;
	}
	return 0;
}

void virtio_device_ready(struct virtio_device *vdev)
{
	if (!(vm_read(vdev, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_DRIVER_OK))
		vm_add_status(vdev, VIRTIO_STATUS_DRIVER_OK);
}

static void vm_notify(struct virtqueue *vq)
{
	/* writel's barrier orders the ring updates before the doorbell. */
	vm_write(vq->vdev, VIRTIO_MMIO_QUEUE_NOTIFY, vq->index);
}

/*
 * Queue setup: 4.2.3.2 (modern) and 4.2.4 (legacy). Select the queue, check nobody uses
 * it, read its maximum size, allocate, then tell the device where the three parts are:
 * legacy as one page frame number of the whole block (laid out as in 2.6.2 with the used
 * ring at QueueAlign), modern as three 64-bit addresses followed by QueueReady = 1.
 */
struct virtqueue *virtio_find_vq(struct virtio_device *vdev, unsigned int index,
				 unsigned int max_size, void (*callback)(struct virtqueue *vq))
{
	bool legacy = vdev->version < 2;
	struct virtqueue *vq;
	unsigned int num;
	u32 num_max;

	vm_write(vdev, VIRTIO_MMIO_QUEUE_SEL, index);
	if (vm_read(vdev, legacy ? VIRTIO_MMIO_QUEUE_PFN : VIRTIO_MMIO_QUEUE_READY)) {
		pr_err("virtio-mmio@%08x: queue %u is already set up\n", vdev->phys, index);
		return NULL;
	}
	num_max = vm_read(vdev, VIRTIO_MMIO_QUEUE_NUM_MAX);
	if (num_max == 0)
		return NULL;	/* no such queue */
	/* The largest power of two the device and the caller both allow. */
	for (num = 1; num * 2 <= num_max && num * 2 <= max_size; num *= 2)
		;
	vq = vring_new_virtqueue(vdev, index, num,
				 virtio_has_feature(vdev, VIRTIO_RING_F_INDIRECT_DESC), vm_notify,
				 callback);
	if (!vq)
		return NULL;
	vm_write(vdev, VIRTIO_MMIO_QUEUE_NUM, num);
	if (legacy) {
		vm_write(vdev, VIRTIO_MMIO_QUEUE_ALIGN, VRING_LEGACY_ALIGN);
		vm_write(vdev, VIRTIO_MMIO_QUEUE_PFN, virtqueue_desc_addr(vq) >> PAGE_SHIFT);
	} else {
		vm_write(vdev, VIRTIO_MMIO_QUEUE_DESC_LOW, virtqueue_desc_addr(vq));
		vm_write(vdev, VIRTIO_MMIO_QUEUE_DESC_HIGH, 0);
		vm_write(vdev, VIRTIO_MMIO_QUEUE_DRIVER_LOW, virtqueue_avail_addr(vq));
		vm_write(vdev, VIRTIO_MMIO_QUEUE_DRIVER_HIGH, 0);
		vm_write(vdev, VIRTIO_MMIO_QUEUE_DEVICE_LOW, virtqueue_used_addr(vq));
		vm_write(vdev, VIRTIO_MMIO_QUEUE_DEVICE_HIGH, 0);
		vm_write(vdev, VIRTIO_MMIO_QUEUE_READY, 1);
	}
	vdev->vq = vq;
	return vq;
}

/*
 * The device's interrupt: InterruptStatus says why, and writing the same bits to
 * InterruptACK lowers the line. Acknowledge first, then look at the used ring: a buffer
 * the device finishes after our look raises the interrupt again, so none is missed.
 */
static void vm_interrupt(unsigned int irq, void *dev)
{
	struct virtio_device *vdev = dev;
	u32 status = vm_read(vdev, VIRTIO_MMIO_INTERRUPT_STATUS);

	vm_write(vdev, VIRTIO_MMIO_INTERRUPT_ACK, status);
	if ((status & VIRTIO_MMIO_INT_CONFIG) && vdev->driver->config_changed)
		vdev->driver->config_changed(vdev);
	if ((status & VIRTIO_MMIO_INT_VRING) && vdev->vq && vdev->vq->callback)
		vdev->vq->callback(vdev->vq);
}

static const struct virtio_driver *find_driver(u32 device_id)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(virtio_drivers); i++)
		if (virtio_drivers[i]->device_id == device_id)
			return virtio_drivers[i];
	return NULL;
}

/*
 * Device initialization (3.1.1): reset, ACKNOWLEDGE, DRIVER, negotiate features, let the
 * driver set up its queues and read its configuration, DRIVER_OK. On failure: FAILED.
 */
static int vm_probe_one(void *base, phys_addr_t phys, unsigned int irq)
{
	const struct virtio_driver *drv;
	struct virtio_device *vdev;
	u32 magic, version, device_id;
	int err;

	magic = readl((char *)base + VIRTIO_MMIO_MAGIC_VALUE);
	if (magic != VIRTIO_MMIO_MAGIC)
		return -ENODEV;
	version = readl((char *)base + VIRTIO_MMIO_VERSION);
	device_id = readl((char *)base + VIRTIO_MMIO_DEVICE_ID);
	if (device_id == VIRTIO_ID_NONE)
		return -ENODEV;	/* an empty slot */
	if (version != 1 && version != 2) {
		pr_warn("virtio-mmio@%08x: unknown version %u, ignored\n", phys, version);
		return -ENODEV;
	}
	drv = find_driver(device_id);
	if (!drv) {
		pr_info("virtio-mmio@%08x: device type %u has no driver\n", phys, device_id);
		return -ENODEV;
	}

	vdev = kzalloc(sizeof(*vdev));
	if (!vdev)
		return -ENOMEM;
	vdev->base = base;
	vdev->phys = phys;
	vdev->irq = irq;
	vdev->version = version;
	vdev->device_id = device_id;
	vdev->vendor_id = readl((char *)base + VIRTIO_MMIO_VENDOR_ID);
	vdev->driver = drv;

	vm_reset(vdev);
	vm_add_status(vdev, VIRTIO_STATUS_ACKNOWLEDGE);
	vm_add_status(vdev, VIRTIO_STATUS_DRIVER);
	err = vm_negotiate(vdev, drv);
	if (err)
		goto err_failed;
	if (version == 1)	/* 4.2.4: the unit of QueuePFN, set before any queue */
		vm_write(vdev, VIRTIO_MMIO_GUEST_PAGE_SIZE, PAGE_SIZE);
	err = request_irq(irq, vm_interrupt, drv->name, vdev);
	if (err)
		goto err_failed;
	err = drv->probe(vdev);
	if (err)
		goto err_irq;
	virtio_device_ready(vdev);	/* if the driver has not yet */
	return 0;

err_irq:
	free_irq(irq);
	vm_reset(vdev);		/* the device forgets the queue before its memory goes */
	if (vdev->vq)
		vring_del_virtqueue(vdev->vq);
err_failed:
	vm_add_status(vdev, VIRTIO_STATUS_FAILED);
	pr_err("virtio-mmio@%08x: %s device not set up (%d)\n", phys, drv->name, err);
	kfree(vdev);
	return err;
}

void virtio_mmio_probe_all(void)
{
	void *base = ioremap(VEXPRESS_VIRTIO0, VEXPRESS_VIRTIO_STRIDE * VEXPRESS_VIRTIO_COUNT);
	int n;

	if (!base) {
		pr_err("virtio-mmio: cannot map the transports\n");
		return;
	}
	/* From the top: QEMU gives its first -device the highest transport. */
	for (n = VEXPRESS_VIRTIO_COUNT - 1; n >= 0; n--)
		vm_probe_one((char *)base + n * VEXPRESS_VIRTIO_STRIDE,
			     VEXPRESS_VIRTIO0 + n * VEXPRESS_VIRTIO_STRIDE, IRQ_VIRTIO0 + n);
}
