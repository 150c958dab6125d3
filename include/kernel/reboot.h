/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_REBOOT_H
#define KERNEL_REBOOT_H

#include <types.h>

/*
 * Powers the machine off. Prints "reboot: Power down (status N)"; with the boot option
 * poweroff=semihosting QEMU exits with status N (tools/qemu-run relies on it), otherwise the
 * board's power controller is asked to switch off (QEMU then exits with 0).
 */
void machine_power_off(int status) __noreturn;

/* Stops this CPU for good: interrupts masked, waiting for nothing. */
void machine_halt(void) __noreturn;

#endif
