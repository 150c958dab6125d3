/* SPDX-License-Identifier: MIT */
/* Device register access. Device memory is mapped Device/XN, so accesses are not merged or
 * reordered among themselves; the barriers order them against Normal memory (DMA buffers). */
#ifndef ASM_IO_H
#define ASM_IO_H

#include <types.h>
#include <asm/barrier.h>

static inline u32 readl_relaxed(const volatile void *addr)
{
	return *(const volatile u32 *)addr;
}

static inline void writel_relaxed(u32 val, volatile void *addr)
{
	*(volatile u32 *)addr = val;
}

static inline u32 readl(const volatile void *addr)
{
	u32 v = readl_relaxed(addr);

	dmb();
	return v;
}

static inline void writel(u32 val, volatile void *addr)
{
	dmb();
	writel_relaxed(val, addr);
}

/* Maps [phys, phys + size) as Device memory in the IOREMAP area; NULL if the area is full. */
void *ioremap(phys_addr_t phys, u32 size);

#endif
