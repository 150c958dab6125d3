/* SPDX-License-Identifier: MIT */
/*
 * kmalloc: small kernel objects. Requests up to KMALLOC_MAX_CACHE_SIZE bytes come from
 * size-class caches (16, 32, ... 2048 bytes) carved out of whole pages; larger ones are
 * whole page blocks from the buddy allocator. Returns NULL when memory runs out.
 */
#ifndef MM_SLAB_H
#define MM_SLAB_H

#include <types.h>

#define KMALLOC_MIN_SIZE	16
#define KMALLOC_MAX_CACHE_SIZE	2048

void *kmalloc(size_t size);
void *kzalloc(size_t size);
void kfree(const void *ptr);
/* Bytes kmalloc actually reserved for ptr (its size class). */
size_t ksize(const void *ptr);

#endif
