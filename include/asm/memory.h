/* SPDX-License-Identifier: MIT */
/*
 * The kernel's virtual memory layout (TTBCR.N = 1, see docs/boot.md):
 *
 *   0x00000000 - 0x7fffffff  user space, translated through TTBR0 (one table per process)
 *   0x80000000 - 0xbfffffff  PAGE_OFFSET: every byte of RAM, linearly (up to 1 GiB)
 *                            the kernel image sits at PAGE_OFFSET + TEXT_OFFSET
 *   0xc0000000 - 0xefffffff  VMALLOC area: pages mapped one by one (map_kernel_page)
 *   0xf0000000 - 0xfeffffff  IOREMAP area: device registers, mapped by 1 MiB sections
 *   0xff000000 - 0xffffffff  unused (kept as a guard)
 *
 * Everything from 0x80000000 up is translated through TTBR1 (swapper_pg_dir), shared by all
 * processes and unchanged by a context switch.
 *
 * RAM need not start at 0x60000000 on every board: head.S records the physical address it was
 * loaded at, and the linear map is built around it (phys_base).
 */
#ifndef ASM_MEMORY_H
#define ASM_MEMORY_H

#ifdef __ASSEMBLY__
#define _UL(x) x
#else
#define _UL(x) x##UL
#endif

#define PAGE_OFFSET	_UL(0x80000000)
#define TEXT_OFFSET	_UL(0x00010000)	/* kernel image = RAM start + 64 KiB (boot protocol) */
#define KERNEL_START	(PAGE_OFFSET + TEXT_OFFSET)
#define LOWMEM_MAX_SIZE	_UL(0x40000000)	/* RAM beyond 1 GiB is not used */
#define VMALLOC_START	_UL(0xc0000000)
#define VMALLOC_END	_UL(0xf0000000)
#define IOREMAP_START	_UL(0xf0000000)
#define IOREMAP_END	_UL(0xff000000)
#define TASK_SIZE	_UL(0x80000000)	/* first address user space cannot use */

/* Where head.S builds the boot page table: 16 KiB below the image, as Linux does. */
#define BOOT_PGDIR_OFFSET _UL(0x4000)

#ifndef __ASSEMBLY__
#include <types.h>

/* Physical address of the first byte of RAM (set by head.S before any C runs). */
extern phys_addr_t phys_base;

static inline phys_addr_t __pa(const void *vaddr)
{
	return (phys_addr_t)((unsigned long)vaddr - PAGE_OFFSET + phys_base);
}

static inline void *__va(phys_addr_t paddr)
{
	return (void *)(unsigned long)(paddr - phys_base + PAGE_OFFSET);
}

#define virt_to_phys(v) __pa(v)
#define phys_to_virt(p) __va(p)
#endif

#endif /* ASM_MEMORY_H */
