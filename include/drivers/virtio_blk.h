/* SPDX-License-Identifier: MIT */
/*
 * The virtio block device's protocol (virtio 1.1, 5.2).
 *
 * Configuration space (5.2.4), at offset 0x100 of the MMIO registers, little-endian:
 *
 *     0x00  u64 capacity      in 512-byte sectors, whatever the block size
 *     0x08  u32 size_max      largest buffer in one descriptor   (VIRTIO_BLK_F_SIZE_MAX)
 *     0x0c  u32 seg_max       most data buffers in one request   (VIRTIO_BLK_F_SEG_MAX)
 *     0x10  geometry          cylinders u16, heads u8, sectors u8 (VIRTIO_BLK_F_GEOMETRY)
 *     0x14  u32 blk_size      the disk's optimal block size      (VIRTIO_BLK_F_BLK_SIZE)
 *     ...   topology, writeback, discard and write-zeroes limits (not used)
 *
 * A request (5.2.6) is one descriptor chain:
 *
 *     +---------------------------+   +------------------+     +--------+
 *     | type | reserved | sector  |-->| data (1 or more) |-...-| status |
 *     +---------------------------+   +------------------+     +--------+
 *      u32    u32        u64           device-readable (OUT)     u8, device-writable
 *      device-readable                 or device-writable (IN)
 *
 * The header and the status each get a descriptor of their own: a legacy device without
 * VIRTIO_F_ANY_LAYOUT may rely on that framing (5.2.6.3).
 */
#ifndef DRIVERS_VIRTIO_BLK_H
#define DRIVERS_VIRTIO_BLK_H

#include <types.h>

/* Feature bits (5.2.3). */
#define VIRTIO_BLK_F_SIZE_MAX	1	/* size_max is valid */
#define VIRTIO_BLK_F_SEG_MAX	2	/* seg_max is valid */
#define VIRTIO_BLK_F_GEOMETRY	4
#define VIRTIO_BLK_F_RO		5	/* the disk is read-only */
#define VIRTIO_BLK_F_BLK_SIZE	6	/* blk_size is valid */
#define VIRTIO_BLK_F_FLUSH	9	/* VIRTIO_BLK_T_FLUSH exists (not used: see docs) */

/* Configuration space offsets (5.2.4). */
#define VIRTIO_BLK_CFG_CAPACITY	0x00
#define VIRTIO_BLK_CFG_SIZE_MAX	0x08
#define VIRTIO_BLK_CFG_SEG_MAX	0x0c
#define VIRTIO_BLK_CFG_BLK_SIZE	0x14

/* Request types (5.2.6). */
#define VIRTIO_BLK_T_IN		0	/* read */
#define VIRTIO_BLK_T_OUT	1	/* write */
#define VIRTIO_BLK_T_FLUSH	4

/* Status byte values (5.2.6). */
#define VIRTIO_BLK_S_OK		0
#define VIRTIO_BLK_S_IOERR	1
#define VIRTIO_BLK_S_UNSUPP	2

struct virtio_blk_outhdr {
	u32 type;
	u32 reserved;		/* "ioprio" in the legacy interface; 0 */
	u64 sector;		/* 512-byte units */
};

struct block_device;

/* What the driver has done with one disk so far (for tests, and /proc later). */
struct virtio_blk_stats {
	bool modern;			/* version 2 transport */
	bool indirect;			/* VIRTIO_RING_F_INDIRECT_DESC negotiated */
	unsigned int queue_size;	/* ring entries */
	unsigned long requests;		/* chains offered to the device */
	unsigned long indirect_requests;	/* of which through an indirect table */
	unsigned long busy;		/* times queue_rq answered BLK_STS_RESOURCE */
	unsigned long device_errors;	/* requests the device failed (status not OK) */
	unsigned long notifies;		/* QueueNotify writes */
	unsigned long notifies_suppressed;	/* kicks skipped: VRING_USED_F_NO_NOTIFY */
	unsigned int peak_in_flight;	/* most chains in the ring at once since the previous
					 * virtio_blk_get_stats() (reading restarts it) */
};

/* Fills *st for a virtio disk; -ENODEV if bdev is not one. */
int virtio_blk_get_stats(struct block_device *bdev, struct virtio_blk_stats *st);

#endif /* DRIVERS_VIRTIO_BLK_H */
