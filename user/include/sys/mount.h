/* SPDX-License-Identifier: MIT */
/*
 * mount(2) and umount2(2), with Linux's flag values (include/uapi/linux/mount.h and
 * include/linux/fs.h). umount() is umount2(target, 0): ARM EABI has no umount(2) of its own.
 */
#ifndef _SYS_MOUNT_H
#define _SYS_MOUNT_H

#ifdef __cplusplus
extern "C" {
#endif

#define MS_RDONLY      1 /* mount read-only */
#define MS_NOSUID      2
#define MS_NODEV       4
#define MS_NOEXEC      8
#define MS_SYNCHRONOUS 16
#define MS_REMOUNT     32 /* change the flags of a mounted filesystem */
#define MS_MANDLOCK    64
#define MS_DIRSYNC     128
#define MS_NOATIME     1024
#define MS_NODIRATIME  2048
#define MS_BIND	       4096
#define MS_MOVE	       8192
#define MS_SILENT      32768

#define MNT_FORCE	1 /* umount2: even if busy */
#define MNT_DETACH	2 /* umount2: lazily, once no longer busy */
#define MNT_EXPIRE	4
#define UMOUNT_NOFOLLOW 8

int mount(const char *source, const char *target, const char *fstype, unsigned long flags,
	  const void *data);
int umount(const char *target);
int umount2(const char *target, int flags);

#ifdef __cplusplus
}
#endif

#endif /* _SYS_MOUNT_H */
