// SPDX-License-Identifier: MIT
/*
 * The one place for TLB and cache maintenance. Everything that changes a translation or
 * hands memory to a device or to instruction fetch calls one of these, so the barriers are
 * written once and right.
 */
#include <asm/cacheflush.h>
#include <asm/tlbflush.h>
#include <asm/barrier.h>
#include <asm/cp15.h>
#include <asm/memory.h>
#include <drivers/pl310.h>
#include <mm/page.h>

static u32 dcache_line;		/* smallest D-cache line, bytes (CTR.DminLine, B4.1.42) */

void cache_init(void)
{
	dcache_line = 4u << ((read_ctr() >> 16) & 0xf);
}

/* ---- TLB ---------------------------------------------------------------------------- */

void local_flush_tlb_all(void)
{
	dsb();
	__asm__ volatile("mcr p15, 0, %0, c8, c7, 0" : : "r"(0) : "memory"); /* TLBIALL */
	__asm__ volatile("mcr p15, 0, %0, c7, c5, 6" : : "r"(0) : "memory"); /* BPIALL */
	dsb();
	isb();
}

void flush_tlb_all(void)
{
	dsb();
	__asm__ volatile("mcr p15, 0, %0, c8, c3, 0" : : "r"(0) : "memory"); /* TLBIALLIS */
	__asm__ volatile("mcr p15, 0, %0, c7, c1, 6" : : "r"(0) : "memory"); /* BPIALLIS */
	dsb();
	isb();
}

void flush_tlb_kernel_page(unsigned long vaddr)
{
	dsb();
	/* TLBIMVAAIS: by address, any ASID: kernel mappings are global. */
	__asm__ volatile("mcr p15, 0, %0, c8, c3, 3" : : "r"(vaddr & PAGE_MASK) : "memory");
	__asm__ volatile("mcr p15, 0, %0, c7, c1, 6" : : "r"(0) : "memory"); /* BPIALLIS */
	dsb();
	isb();
}

void flush_tlb_page_asid(unsigned long vaddr, unsigned int asid)
{
	dsb();
	/* TLBIMVAIS: the operand is the page address with the ASID in bits [7:0]. */
	__asm__ volatile("mcr p15, 0, %0, c8, c3, 1"
			 : : "r"((vaddr & PAGE_MASK) | (asid & 0xff)) : "memory");
	__asm__ volatile("mcr p15, 0, %0, c7, c1, 6" : : "r"(0) : "memory");
	dsb();
	isb();
}

void flush_tlb_asid(unsigned int asid)
{
	dsb();
	__asm__ volatile("mcr p15, 0, %0, c8, c3, 2" : : "r"(asid & 0xff) : "memory"); /* TLBIASIDIS */
	__asm__ volatile("mcr p15, 0, %0, c7, c1, 6" : : "r"(0) : "memory");
	dsb();
	isb();
}

/* ---- caches ------------------------------------------------------------------------- */

#define DCACHE_RANGE_OP(name, crm, op2)                                              \
	static void name(unsigned long start, unsigned long end)                     \
	{                                                                            \
		unsigned long a;                                                     \
		for (a = start & ~(unsigned long)(dcache_line - 1); a < end; a += dcache_line) \
			__asm__ volatile("mcr p15, 0, %0, c7, " #crm ", " #op2       \
					 : : "r"(a) : "memory");                     \
		dsb();                                                               \
	}

DCACHE_RANGE_OP(l1_clean_pou, c11, 1)	/* DCCMVAU */
DCACHE_RANGE_OP(l1_clean_poc, c10, 1)	/* DCCMVAC */
DCACHE_RANGE_OP(l1_inv_poc, c6, 1)	/* DCIMVAC */
DCACHE_RANGE_OP(l1_clean_inv_poc, c14, 1) /* DCCIMVAC */

void dcache_clean_pou(unsigned long start, unsigned long end)
{
	l1_clean_pou(start, end);
}

/* The outer cache works on physical addresses; only linear-map addresses are handed to it
 * (DMA buffers come from the page allocator, which gives linear-map memory). */
static bool is_lowmem(unsigned long va)
{
	return va >= PAGE_OFFSET && va < VMALLOC_START;
}

void dcache_clean_poc(unsigned long start, unsigned long end)
{
	l1_clean_poc(start, end);		/* inner first: dirty lines move out to L2 ... */
	if (is_lowmem(start))
		outer_clean_range(__pa((void *)start), __pa((void *)end));	/* ... then to RAM */
}

void dcache_inv_poc(unsigned long start, unsigned long end)
{
	/* Outer first, or L1 could refill from stale L2 lines before they are dropped. */
	if (is_lowmem(start))
		outer_inv_range(__pa((void *)start), __pa((void *)end));
	l1_inv_poc(start, end);
}

void dcache_clean_inv_poc(unsigned long start, unsigned long end)
{
	l1_clean_poc(start, end);
	if (is_lowmem(start))
		outer_flush_range(__pa((void *)start), __pa((void *)end));
	l1_clean_inv_poc(start, end);
}

void icache_inv_all(void)
{
	__asm__ volatile("mcr p15, 0, %0, c7, c1, 0" : : "r"(0) : "memory"); /* ICIALLUIS */
	__asm__ volatile("mcr p15, 0, %0, c7, c1, 6" : : "r"(0) : "memory"); /* BPIALLIS */
	dsb();
	isb();
}

void flush_icache_range(unsigned long start, unsigned long end)
{
	l1_clean_pou(start, end);
	icache_inv_all();
}
