/* SPDX-License-Identifier: MIT */
#ifndef DRIVERS_RAMDISK_H
#define DRIVERS_RAMDISK_H

#include <types.h>

/* Registers /dev/ram0 over the initrd the boot loader placed at [start, start + size). */
int ramdisk_init(phys_addr_t start, u32 size);

#endif
