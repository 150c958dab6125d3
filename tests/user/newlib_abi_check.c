// SPDX-License-Identifier: MIT
/*
 * Compile-only check that user/lib/newlib_abi.h still describes the newlib it links with.
 *
 * Built with newlib's headers alone (no -Iuser/include), so <fcntl.h> and <sys/stat.h>
 * here are newlib's: the flag values and the struct stat layout that newlib's compiled
 * fopen() and stdio use when they call _open() and _fstat(). If a newer newlib changes any
 * of them, this stops compiling and user/lib/newlib.c's translations must be updated.
 *
 *   arm-none-eabi-gcc -mthumb -march=armv7-a -mfloat-abi=soft -Iuser/lib -fsyntax-only \
 *	tests/user/newlib_abi_check.c
 */
#include <fcntl.h>
#include <stddef.h>
#include <sys/stat.h>
#include "newlib_abi.h"

#define SAME(a, b) _Static_assert((a) == (b), #a " != " #b)

SAME(O_ACCMODE, NEWLIB_O_ACCMODE);
SAME(O_APPEND, NEWLIB_O_APPEND);
SAME(O_CREAT, NEWLIB_O_CREAT);
SAME(O_TRUNC, NEWLIB_O_TRUNC);
SAME(O_EXCL, NEWLIB_O_EXCL);
SAME(O_SYNC, NEWLIB_O_SYNC);
SAME(O_NONBLOCK, NEWLIB_O_NONBLOCK);
SAME(O_NOCTTY, NEWLIB_O_NOCTTY);
SAME(O_CLOEXEC, NEWLIB_O_CLOEXEC);
SAME(O_DIRECT, NEWLIB_O_DIRECT);
SAME(O_NOFOLLOW, NEWLIB_O_NOFOLLOW);
SAME(O_DIRECTORY, NEWLIB_O_DIRECTORY);

SAME(sizeof(struct stat), sizeof(struct newlib_stat));
SAME(offsetof(struct stat, st_dev), offsetof(struct newlib_stat, st_dev));
SAME(offsetof(struct stat, st_ino), offsetof(struct newlib_stat, st_ino));
SAME(offsetof(struct stat, st_mode), offsetof(struct newlib_stat, st_mode));
SAME(offsetof(struct stat, st_nlink), offsetof(struct newlib_stat, st_nlink));
SAME(offsetof(struct stat, st_uid), offsetof(struct newlib_stat, st_uid));
SAME(offsetof(struct stat, st_gid), offsetof(struct newlib_stat, st_gid));
SAME(offsetof(struct stat, st_rdev), offsetof(struct newlib_stat, st_rdev));
SAME(offsetof(struct stat, st_size), offsetof(struct newlib_stat, st_size));
SAME(offsetof(struct stat, st_atim), offsetof(struct newlib_stat, st_atim));
SAME(offsetof(struct stat, st_mtim), offsetof(struct newlib_stat, st_mtim));
SAME(offsetof(struct stat, st_ctim), offsetof(struct newlib_stat, st_ctim));
SAME(offsetof(struct stat, st_blksize), offsetof(struct newlib_stat, st_blksize));
SAME(offsetof(struct stat, st_blocks), offsetof(struct newlib_stat, st_blocks));
SAME(sizeof(((struct stat *)0)->st_mode), sizeof(((struct newlib_stat *)0)->st_mode));
SAME(sizeof(((struct stat *)0)->st_size), sizeof(((struct newlib_stat *)0)->st_size));
SAME(sizeof(((struct stat *)0)->st_blksize), sizeof(((struct newlib_stat *)0)->st_blksize));
SAME(sizeof(struct timespec), sizeof(struct newlib_timespec));
