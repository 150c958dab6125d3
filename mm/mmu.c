// SPDX-License-Identifier: MIT
/*
 * Building the kernel's translation table, swapper_pg_dir.
 *
 * head.S left us on a boot table of 1 MiB read-write-executable sections. paging_init()
 * replaces it with the real layout (include/asm/memory.h):
 *
 *   - the 2 MiB blocks holding the kernel image get pte pages, so each 4 KiB page can have
 *     its own permissions: text read-only+executable, rodata read-only+XN, the rest
 *     (data, bss, and the RAM around the image) read-write+XN;
 *   - all other RAM is mapped read-write+XN with 1 MiB sections (map_lowmem);
 *   - devices are mapped Device+XN on demand (ioremap);
 *   - nothing below PAGE_OFFSET: TTBCR.N = 1 sends those addresses to TTBR0, and PD0 = 1
 *     makes every TTBR0 walk fault until a process has its own table. That removes the
 *     identity map head.S needed while turning the MMU on.
 */
#include <mm/mmu.h>
#include <mm/page.h>
#include <asm/memory.h>
#include <asm/cp15.h>
#include <asm/io.h>
#include <asm/barrier.h>
#include <asm/tlbflush.h>
#include <asm/cacheflush.h>
#include <boot/bootinfo.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>

u32 swapper_pg_dir[4096] __aligned(16384);

/* pte pages for the image's 2 MiB blocks: static, because no allocator exists yet. */
#define NR_IMAGE_PTE_PAGES 4	/* up to 8 MiB of RAM start + image */
static pte_t image_pte_pages[NR_IMAGE_PTE_PAGES][1024] __aligned(4096);

extern char _text[], _etext[], _erodata[], _end[];

static u32 image_prot(unsigned long va)
{
	if (va >= (unsigned long)_text && va < (unsigned long)_etext)
		return PAGE_KERNEL_ROX;
	if (va >= (unsigned long)_etext && va < (unsigned long)_erodata)
		return PAGE_KERNEL_RO;
	return PAGE_KERNEL;
}

static void map_image(void)
{
	unsigned long end = ALIGN_UP((unsigned long)_end, PGDIR_SIZE);
	unsigned long va;
	unsigned int n = 0;

	if (end - PAGE_OFFSET > NR_IMAGE_PTE_PAGES * PGDIR_SIZE)
		for (;;)	/* too early to print: the image outgrew the static pte pages */
			;
	for (va = PAGE_OFFSET; va < end; va += PGDIR_SIZE, n++) {
		pte_t *pte_page = image_pte_pages[n];
		phys_addr_t hw = __pa(pte_page) + PTE_HWTABLE_OFF;
		unsigned int i;

		swapper_pg_dir[va >> SECTION_SHIFT] = mk_pmd_table(hw);
		swapper_pg_dir[(va >> SECTION_SHIFT) + 1] = mk_pmd_table(hw + 1024);
		for (i = 0; i < PTRS_PER_PTE; i++) {
			unsigned long page_va = va + i * PAGE_SIZE;

			set_pte_ext(&pte_page[i], pfn_pte(__pa((void *)page_va) >> PAGE_SHIFT,
							  image_prot(page_va)));
		}
	}
}

/* A 1 MiB section of RAM at its linear address, unless that MiB is already mapped. */
static void map_ram_section(phys_addr_t phys)
{
	unsigned long va = (unsigned long)__va(phys);
	u32 *pmd = &swapper_pg_dir[va >> SECTION_SHIFT];

	if (*pmd == 0) {
		*pmd = mk_pmd_section(phys, false, false, false);
		dcache_clean_pou((unsigned long)pmd, (unsigned long)(pmd + 1));
	}
}

void paging_init(phys_addr_t boot_blob)
{
	u32 ttbr = __pa(swapper_pg_dir) | TTBR_FLAGS;

	map_image();
	/* The ATAGS list or device tree, still to be parsed (2 MiB covers any blob we accept). */
	if (boot_blob >= phys_base && boot_blob - phys_base < LOWMEM_MAX_SIZE - SECTION_SIZE) {
		map_ram_section(boot_blob & ~(SECTION_SIZE - 1));
		map_ram_section((boot_blob & ~(SECTION_SIZE - 1)) + SECTION_SIZE);
	}
	dcache_clean_pou((unsigned long)swapper_pg_dir, (unsigned long)swapper_pg_dir + 16384);

	/* Both tables map the code running now at the same address, so switching is safe:
	 * TTBR1 first (unused while TTBCR.N = 0), then the split, then forget the old TLB. */
	write_ttbr1(ttbr);
	write_ttbr0(ttbr);
	isb();
	write_ttbcr(TTBCR_N_2G | TTBCR_PD0);
	isb();
	local_flush_tlb_all();
}

void map_lowmem(const struct bootinfo *bi)
{
	int b;

	for (b = 0; b < bi->nr_mem; b++) {
		phys_addr_t start = bi->mem[b].start, end = start + bi->mem[b].size;
		phys_addr_t p;

		if (start < phys_base) {
			pr_warn("mm: RAM bank %08x-%08x lies below the kernel: not used\n", start, end);
			continue;
		}
		if (end - phys_base > LOWMEM_MAX_SIZE || end < start)
			end = phys_base + LOWMEM_MAX_SIZE;
		for (p = ALIGN_UP(start, SECTION_SIZE); p + SECTION_SIZE <= end; p += SECTION_SIZE)
			map_ram_section(p);
	}
	dsb();
	isb();
}

/* ---- ioremap: devices by 1 MiB sections ---------------------------------------------- */

struct io_mapping {
	phys_addr_t phys;	/* section base */
	unsigned long virt;
};

#define MAX_IO_MAPPINGS 16
static struct io_mapping io_mappings[MAX_IO_MAPPINGS];
static unsigned int nr_io_mappings;
static DEFINE_SPINLOCK(ioremap_lock);

static unsigned long io_section(phys_addr_t section)
{
	unsigned int i;
	unsigned long va;
	u32 *pmd;

	for (i = 0; i < nr_io_mappings; i++)
		if (io_mappings[i].phys == section)
			return io_mappings[i].virt;
	va = IOREMAP_START + nr_io_mappings * SECTION_SIZE;
	if (nr_io_mappings == MAX_IO_MAPPINGS || va >= IOREMAP_END)
		return 0;
	pmd = &swapper_pg_dir[va >> SECTION_SHIFT];
	*pmd = mk_pmd_section(section, true, false, false);
	dcache_clean_pou((unsigned long)pmd, (unsigned long)(pmd + 1));
	dsb();
	isb();
	io_mappings[nr_io_mappings].phys = section;
	io_mappings[nr_io_mappings].virt = va;
	nr_io_mappings++;
	return va;
}

void *ioremap(phys_addr_t phys, u32 size)
{
	phys_addr_t section = phys & ~(SECTION_SIZE - 1);
	unsigned long flags, va;

	/* Device windows here are small and never straddle a MiB boundary. */
	if (size == 0 || ((phys + size - 1) & ~(SECTION_SIZE - 1)) != section)
		return NULL;
	spin_lock_irqsave(&ioremap_lock, flags);
	va = io_section(section);
	spin_unlock_irqrestore(&ioremap_lock, flags);
	return va ? (void *)(va + (phys - section)) : NULL;
}
