/* SPDX-License-Identifier: MIT */
#ifndef DRIVERS_SYSREG_H
#define DRIVERS_SYSREG_H

#include <types.h>

void vexpress_sysreg_init(void *base);
/* Asks the motherboard controller to power off (QEMU exits with status 0). */
void vexpress_power_off(void);
/* Exits QEMU with a status through ARM semihosting (only if QEMU enabled semihosting). */
void semihosting_exit(u32 status);

#endif
