/* SPDX-License-Identifier: MIT */
/*
 * The user thread pointer: TPIDRURO (ARM ARM B4.1.150, CP15 c13 c0 3), which user code reads
 * with mrc p15, 0, rX, c13, c0, 3 and may not write; the kernel sets it for set_tls and
 * reloads it for each process it switches to (Linux: set_tls in __switch_to).
 */
#ifndef ASM_TLS_H
#define ASM_TLS_H

#include <types.h>

static inline void set_tls_register(u32 value)
{
	__asm__ volatile("mcr p15, 0, %0, c13, c0, 3" : : "r"(value));
}

#endif
