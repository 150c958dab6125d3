/* SPDX-License-Identifier: MIT */
#ifndef DRIVERS_PL310_H
#define DRIVERS_PL310_H

#include <types.h>

/* Enables the L2 cache controller at its (ioremapped) registers if the boot loader did not. */
void pl310_init(void *base);

/* Maintenance of the outer cache by physical address range; no-ops when there is none. */
void outer_clean_range(phys_addr_t start, phys_addr_t end);
void outer_inv_range(phys_addr_t start, phys_addr_t end);
void outer_flush_range(phys_addr_t start, phys_addr_t end);

#endif
