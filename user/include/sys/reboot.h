/* SPDX-License-Identifier: MIT */
/*
 * reboot(): glibc's one-argument form. The syscall (88) takes two magic numbers first, so
 * that a stray call cannot halt the machine: reboot(0xfee1dead, 672274793, cmd, NULL)
 * (include/uapi/linux/reboot.h).
 */
#ifndef _SYS_REBOOT_H
#define _SYS_REBOOT_H

#ifdef __cplusplus
extern "C" {
#endif

#define RB_AUTOBOOT    0x01234567 /* restart */
#define RB_HALT_SYSTEM 0xcdef0123 /* stop the CPU, power stays on */
#define RB_POWER_OFF   0x4321fedc /* power off (QEMU exits) */
#define RB_ENABLE_CAD  0x89abcdef
#define RB_DISABLE_CAD 0

#define LINUX_REBOOT_MAGIC1 0xfee1dead
#define LINUX_REBOOT_MAGIC2 672274793

int reboot(int howto);

#ifdef __cplusplus
}
#endif

#endif /* _SYS_REBOOT_H */
