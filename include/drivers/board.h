/* SPDX-License-Identifier: MIT */
/*
 * Physical addresses and interrupt IDs of the QEMU vexpress-a9 board (Motherboard Express
 * uATX TRM, "legacy" memory map for the CoreTile Express A9x4; Cortex-A9 MPCore TRM 1.5 for
 * the private region). A real V2P-CA9 board has the same map.
 */
#ifndef DRIVERS_BOARD_H
#define DRIVERS_BOARD_H

#define VEXPRESS_SYSREGS	0x10000000
#define VEXPRESS_UART0		0x10009000
#define VEXPRESS_TIMER01	0x10011000	/* SP804: timers 0 and 1 */
#define VEXPRESS_TIMER23	0x10012000
#define VEXPRESS_RTC		0x10017000	/* PL031 real-time clock */
#define VEXPRESS_VIRTIO0	0x10013000	/* four virtio-mmio transports, 0x200 apart */
#define VEXPRESS_VIRTIO_STRIDE	0x200
#define VEXPRESS_VIRTIO_COUNT	4

#define A9_MPCORE_PRIV		0x1e000000
#define A9_SCU_OFFSET		0x0000
#define A9_GICC_OFFSET		0x0100
#define A9_GTIMER_OFFSET	0x0200
#define A9_TWD_OFFSET		0x0600
#define A9_GICD_OFFSET		0x1000
#define VEXPRESS_PL310		0x1e00a000

#define IRQ_TIMER01		34
#define IRQ_TIMER23		35
#define IRQ_UART0		37
#define IRQ_VIRTIO0		72

#define SP804_CLOCK_HZ		1000000		/* TIMCLK on the motherboard: 1 MHz */
#define A9_GTIMER_DEFAULT_HZ	100000000	/* PERIPHCLK as QEMU models it */

#endif
