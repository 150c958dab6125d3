/* SPDX-License-Identifier: MIT */
/*
 * Host helpers for tests that make ext2 images with e2fsprogs and check them with it:
 * finding the tools, running commands, moving images between files and memory.
 */
#ifndef EXT2_IMAGE_H
#define EXT2_IMAGE_H

#include <stddef.h>
#include <types.h>

/* Path of an e2fsprogs tool (mke2fs, e2fsck, debugfs): /usr/sbin or /sbin, which a
 * non-root PATH often lacks. */
const char *e2fs_tool(const char *name);
/* Run a shell command built from fmt; returns its exit status (128 if it did not exit). */
int run_cmd(const char *fmt, ...) __printf(1, 2);
/* The whole file in a malloc'd buffer (NULL if it cannot be read). */
u8 *load_file(const char *path, size_t *size);
/* 0 or -1. */
int save_file(const char *path, const void *data, size_t len);

#endif /* EXT2_IMAGE_H */
