/* SPDX-License-Identifier: MIT */
/* Returning an errno through a pointer, as Linux does: the top 4095 addresses are errors. */
#ifndef KERNEL_ERR_H
#define KERNEL_ERR_H

#include <types.h>

#define MAX_ERRNO 4095

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return (unsigned long)ptr >= (unsigned long)-MAX_ERRNO;
}

static inline bool IS_ERR_OR_NULL(const void *ptr)
{
	return !ptr || IS_ERR(ptr);
}

#endif
