/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_KALLSYMS_H
#define KERNEL_KALLSYMS_H

#include <types.h>

/* The function containing addr: its name, and addr's offset into it and its size.
 * Returns NULL when addr is not inside the kernel's text. */
const char *kallsyms_lookup(unsigned long addr, unsigned long *offset, unsigned long *size);

/* Formats "name+0xoff/0xsize" (or the bare hex address) into buf. */
void sprint_symbol(char *buf, size_t len, unsigned long addr);

/* Address of a named function, 0 if none (used by tests). */
unsigned long kallsyms_lookup_name(const char *name);

#endif
