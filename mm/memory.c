// SPDX-License-Identifier: MIT
/*
 * User page faults and the page-table walks of fork and munmap.
 *
 * Page references: every PTE that maps a page holds one reference (page_count) and one map
 * count (page->_mapcount + 1). The page cache holds its own reference on file pages; the
 * shared zero page is never freed.
 */
#include <mm/memory.h>
#include <mm/pgd.h>
#include <mm/pagemap.h>
#include <mm/page_alloc.h>
#include <mm/mmu.h>
#include <asm/cacheflush.h>
#include <kernel/errno.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <lib/string.h>
#include <fs/fs.h>
#include <mm/rmap.h>
#include <mm/swap.h>
#include <mm/swapops.h>

struct page *zero_page;
struct vm_event_counts vm_events;

/* What the last fault did, for the trace=faults boot option (mm/fault.c). */
const char *fault_path;

void memory_init(void)
{
	zero_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	BUG_ON(!zero_page);
	set_page_flag(zero_page, PG_reserved);
}

static bool is_zero_page(struct page *page)
{
	return page == zero_page;
}

static void page_add_map(struct page *page)
{
	if (!is_zero_page(page)) {
		get_page(page);
		__atomic_add_fetch(&page->_mapcount, 1, __ATOMIC_SEQ_CST);
	}
}

static void page_remove_map(struct page *page)
{
	if (!is_zero_page(page)) {
		__atomic_sub_fetch(&page->_mapcount, 1, __ATOMIC_SEQ_CST);
		put_page(page);
	}
}

static pte_t mk_pte(struct page *page, u32 prot)
{
	return pfn_pte(page_to_pfn(page), prot);
}

/* Code pages must reach the instruction side: clean the D-cache to the point of
 * unification and drop stale instructions before the page becomes executable. */
static void sync_icache(struct vm_area_struct *vma, struct page *page)
{
	if (vma->vm_flags & VM_EXEC) {
		unsigned long k = (unsigned long)page_address(page);

		flush_icache_range(k, k + PAGE_SIZE);
	}
}

/* A new private page for the process at address: zero-filled, or a copy of src; in the
 * VMA's anon_vma (the reverse map) and on the LRU, so reclaim can find it. */
static struct page *new_anon_page(struct vm_area_struct *vma, unsigned long address,
				  struct page *src)
{
	struct page *page;

	if (anon_vma_prepare(vma))
		return NULL;
	page = alloc_page(src ? GFP_KERNEL : GFP_KERNEL | __GFP_ZERO);
	if (!page)
		return NULL;
	if (src)
		copy_page(page_address(page), page_address(src));
	set_page_flag(page, PG_anon);
	page->_mapcount = -1;
	page_add_anon_rmap(page, vma, address);
	lru_cache_add(page);
	return page;
}

/*
 * A first touch of anonymous memory. A read maps the shared zero page read-only (no memory
 * used until a write); a write gets a zeroed page of its own.
 */
static int do_anonymous_page(struct vm_area_struct *vma, unsigned long address, pte_t *ptep,
			     unsigned int flags)
{
	struct page *page;
	pte_t entry;

	if (!(flags & FAULT_FLAG_WRITE)) {
		vm_events.zero_page_faults++;
		fault_path = "zero page";
		entry = pte_wrprotect(mk_pte(zero_page, vma->vm_page_prot | L_PTE_YOUNG));
		set_pte_at(vma->vm_mm, address, ptep, entry);
		return 0;
	}
	page = new_anon_page(vma, address, NULL);
	if (!page)
		return VM_FAULT_OOM;
	vm_events.anon_faults++;
	fault_path = "anonymous";
	page_add_map(page);
	put_page(page);		/* the allocation's reference becomes the mapping's */
	vma->vm_mm->rss_anon++;
	entry = pte_mkdirty(mk_pte(page, vma->vm_page_prot | L_PTE_YOUNG));
	set_pte_at(vma->vm_mm, address, ptep, entry);
	return 0;
}

/*
 * A first touch of a file mapping (do_linear_fault + __do_fault in seed 001): the page comes
 * from vm_ops->fault (filemap_fault: the page cache, read in if needed). A write to a
 * private mapping copies it at once (the file never changes); a shared mapping maps the
 * page-cache page itself, writable only once it is marked dirty.
 */
static int __do_fault(struct vm_area_struct *vma, unsigned long address, pte_t *ptep,
		      unsigned int flags, unsigned long pgoff)
{
	struct vm_fault vmf = {
		.flags = flags,
		.address = address,
		.pgoff = pgoff,
	};
	bool write = flags & FAULT_FLAG_WRITE;
	struct page *page;
	pte_t entry;
	int ret;

	ret = vma->vm_ops->fault(vma, &vmf);
	if (ret & VM_FAULT_ERROR)
		return ret;
	vm_events.file_faults++;
	fault_path = (ret & VM_FAULT_MAJOR) ? "file (read from disk)" : "file (page cache)";
	page = vmf.page;
	if (write && !(vma->vm_flags & VM_SHARED)) {
		struct page *copy = new_anon_page(vma, address, page);

		put_page(page);
		if (!copy)
			return VM_FAULT_OOM;
		page = copy;
		vm_events.cow_faults++;
		vm_events.cow_copied++;
		fault_path = "file, private copy";
		vma->vm_mm->rss_anon++;
	} else {
		vma->vm_mm->rss_file++;
	}
	sync_icache(vma, page);
	entry = mk_pte(page, vma->vm_page_prot | L_PTE_YOUNG);
	if (write) {
		entry = pte_mkdirty(entry);
		if (vma->vm_flags & VM_SHARED)
			set_page_dirty(page);
	} else if (!(vma->vm_flags & VM_SHARED)) {
		entry = pte_wrprotect(entry);	/* a later write copies it */
	}
	page_add_map(page);
	put_page(page);		/* ->fault's (or the copy's) reference becomes the mapping's */
	set_pte_at(vma->vm_mm, address, ptep, entry);
	return ret;
}

/*
 * A write to a present page the PTE says is read-only (do_wp_page in seed 001):
 *   - a shared mapping: the page becomes dirty and writable (the file will get the data);
 *   - a private page that only this PTE maps: "reuse", make it writable;
 *   - otherwise (shared with a parent or child after fork, the zero page, a page-cache
 *     page): "gotten", copy it to a new page and map that instead.
 */
static int do_wp_page(struct vm_area_struct *vma, unsigned long address, pte_t *ptep,
		      pte_t orig)
{
	struct page *old = pfn_to_page(pte_pfn(orig)), *new;
	pte_t entry;

	if (vma->vm_flags & VM_SHARED) {
		fault_path = "shared write (dirty)";
		set_page_dirty(old);
		entry = pte_mkyoung(pte_mkdirty(pte_mkwrite(orig)));
		set_pte_at(vma->vm_mm, address, ptep, entry);
		return 0;
	}
	vm_events.cow_faults++;
	/* A page in the swap cache that only this PTE maps: the swap copy is of no more use
	 * once written to, and dropping it makes the page ours alone. */
	if (!is_zero_page(old) && test_page_flag(old, PG_swapcache) && page_count(old) == 2 &&
	    trylock_page(old)) {
		try_to_free_swap(old);
		unlock_page(old);
	}
	if (!is_zero_page(old) && test_page_flag(old, PG_anon) && page_count(old) == 1) {
		vm_events.cow_reused++;
		fault_path = "COW reuse";
		entry = pte_mkyoung(pte_mkdirty(pte_mkwrite(orig)));
		set_pte_at(vma->vm_mm, address, ptep, entry);
		return 0;
	}
	new = new_anon_page(vma, address, is_zero_page(old) ? NULL : old);
	if (!new)
		return VM_FAULT_OOM;
	vm_events.cow_copied++;
	fault_path = is_zero_page(old) ? "COW of the zero page" : "COW copy";
	sync_icache(vma, new);
	page_add_map(new);
	put_page(new);
	if (!test_page_flag(old, PG_anon) || is_zero_page(old)) {
		vma->vm_mm->rss_anon++;
		if (!is_zero_page(old))
			vma->vm_mm->rss_file--;
	}
	entry = pte_mkyoung(pte_mkdirty(pte_mkwrite(mk_pte(new, vma->vm_page_prot))));
	set_pte_at(vma->vm_mm, address, ptep, entry);	/* flushes the old translation */
	page_remove_map(old);
	return 0;
}

/* The page a linear file mapping shows at address (do_linear_fault in seed 001). */
static unsigned long linear_page_index(struct vm_area_struct *vma, unsigned long address)
{
	return vma->vm_pgoff + ((address - vma->vm_start) >> PAGE_SHIFT);
}

/*
 * A file PTE (remap_file_pages): the page offset comes from the PTE, not from the VMA;
 * then the same path as any file fault (do_nonlinear_fault in seeds 000 and 001).
 */
static int do_nonlinear_fault(struct vm_area_struct *vma, unsigned long address, pte_t *ptep,
			      unsigned int flags, pte_t orig)
{
	if (!(vma->vm_flags & VM_NONLINEAR) || !vma->vm_ops || !vma->vm_ops->fault)
		return VM_FAULT_SIGBUS;	/* a file PTE where none can be: give up safely */
	vm_events.nonlinear_faults++;
	return __do_fault(vma, address, ptep, flags, pte_to_pgoff(orig));
}

/*
 * A PTE holding a swap entry (do_swap_page in seed 001): the page comes from the swap cache,
 * or is read in with its neighbours (swapin_readahead -> read_swap_cache_async ->
 * swap_readpage -> submit_bio); the process sleeps on the page lock until
 * end_swap_bio_read unlocks it. Then the PTE maps the page and gives up its slot reference.
 */
static int do_swap_page(struct vm_area_struct *vma, unsigned long address, pte_t *ptep,
			unsigned int flags, pte_t orig)
{
	swp_entry_t entry = pte_to_swp_entry(orig);
	struct mm_struct *mm = vma->vm_mm;
	struct page *page;
	pte_t pte;
	int ret = 0;

	page = lookup_swap_cache(entry);
	if (!page) {
		page = swapin_readahead(entry);
		if (!page)
			return *ptep == orig ? VM_FAULT_OOM : 0;
		ret = VM_FAULT_MAJOR;
		vm_events.pgmajfault++;
		current->maj_flt++;
	}
	lock_page(page);		/* sleeps until the read completes */
	if (*ptep != orig) {		/* someone else resolved it meanwhile */
		unlock_page(page);
		put_page(page);
		return 0;
	}
	if (!PageUptodate(page) && !PageError(page)) {
		/* A readahead that could not even start (no memory for its bio): read now. */
		swap_readpage(page);	/* unlocks when done */
		lock_page(page);
	}
	if (!PageUptodate(page)) {
		unlock_page(page);
		put_page(page);
		return VM_FAULT_SIGBUS;	/* "read error on swap device" was logged */
	}
	if (anon_vma_prepare(vma)) {
		unlock_page(page);
		put_page(page);
		return VM_FAULT_OOM;
	}
	fault_path = ret ? "swap (read from disk)" : "swap (swap cache)";
	set_page_flag(page, PG_anon);
	page_add_anon_rmap(page, vma, address);
	page_add_map(page);
	swap_free(entry);		/* this PTE's hold on the slot */
	mm->swap_ents--;
	mm->rss_anon++;
	pte = mk_pte(page, vma->vm_page_prot | L_PTE_YOUNG);
	/* Only this PTE maps it and only the cache holds the slot: drop the swap copy now, and
	 * a write needs no copy. Otherwise it stays read-only: do_wp_page decides later. */
	if ((flags & FAULT_FLAG_WRITE) && try_to_free_swap(page) && page_count(page) == 2) {
		pte = pte_mkdirty(pte);
	} else {
		/* With swap more than half full, the slot is worth more than the copy in it
		 * (vm_swap_full in Linux): let it go; the page will be written anew. */
		if (nr_swap_pages() * 2 < total_swap_pages())
			try_to_free_swap(page);
		pte = pte_wrprotect(pte);
	}
	set_pte_at(mm, address, ptep, pte);
	unlock_page(page);
	put_page(page);
	return ret;
}

static int handle_pte_fault(struct vm_area_struct *vma, unsigned long address, pte_t *ptep,
			    unsigned int flags)
{
	pte_t entry = *ptep;

	if (!pte_present(entry)) {
		if (pte_none(entry)) {
			if (vma->vm_ops && vma->vm_ops->fault)
				return __do_fault(vma, address, ptep, flags,
						  linear_page_index(vma, address));
			return do_anonymous_page(vma, address, ptep, flags);
		}
		if (pte_file(entry))
			return do_nonlinear_fault(vma, address, ptep, flags, entry);
		return do_swap_page(vma, address, ptep, flags, entry);
	}
	if (flags & FAULT_FLAG_WRITE) {
		if (!pte_write(entry))
			return do_wp_page(vma, address, ptep, entry);
		entry = pte_mkdirty(entry);	/* dirty-bit emulation */
		fault_path = "dirty bit";
		/* A shared file page written through the mapping: the file must get it. */
		if ((vma->vm_flags & VM_SHARED) && !pte_dirty(*ptep))
			set_page_dirty(pfn_to_page(pte_pfn(entry)));
	} else {
		fault_path = "young bit";
	}
	entry = pte_mkyoung(entry);		/* access-flag emulation */
	if (entry != *ptep)
		set_pte_at(vma->vm_mm, address, ptep, entry);
	return 0;
}

int handle_mm_fault(struct vm_area_struct *vma, unsigned long address, unsigned int flags)
{
	pte_t *ptep;

	vm_events.pgfault++;
	current->min_flt++;
	ptep = pte_alloc(vma->vm_mm, address);
	if (!ptep)
		return VM_FAULT_OOM;
	return handle_pte_fault(vma, address & PAGE_MASK, ptep, flags);
}

int copy_page_range(struct mm_struct *dst, struct mm_struct *src, struct vm_area_struct *vma)
{
	bool cow = (vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
	unsigned long addr;

	for (addr = vma->vm_start; addr < vma->vm_end; addr += PAGE_SIZE) {
		pte_t *sptep = pte_offset(src, addr), *dptep, pte;

		if (!sptep) {	/* no pte page: skip to the next 2 MiB */
			addr = ALIGN_UP(addr + 1, PGDIR_SIZE) - PAGE_SIZE;
			continue;
		}
		pte = *sptep;
		if (pte_none(pte))
			continue;
		dptep = pte_alloc(dst, addr);
		if (!dptep)
			return -ENOMEM;
		if (is_swap_pte(pte)) {
			swap_duplicate(pte_to_swp_entry(pte));	/* the child's PTE holds it too */
			dst->swap_ents++;
		} else if (pte_present(pte)) {
			struct page *page = pfn_to_page(pte_pfn(pte));

			/* Private writable: both sides read-only, the next write copies. */
			if (cow && pte_write(pte)) {
				pte = pte_wrprotect(pte);
				set_pte_at(src, addr, sptep, pte);
			}
			page_add_map(page);
			if (test_page_flag(page, PG_anon))
				dst->rss_anon++;
			else if (!is_zero_page(page))
				dst->rss_file++;
		}
		set_pte_at(dst, addr, dptep, pte);
	}
	return 0;
}

void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long addr;

	for (addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *ptep = pte_offset(mm, addr), pte;
		struct page *page;

		if (!ptep) {
			addr = ALIGN_UP(addr + 1, PGDIR_SIZE) - PAGE_SIZE;
			continue;
		}
		pte = *ptep;
		if (pte_none(pte))
			continue;
		set_pte_at(mm, addr, ptep, 0);
		if (is_swap_pte(pte)) {
			swap_free(pte_to_swp_entry(pte));
			mm->swap_ents--;
			continue;
		}
		if (!pte_present(pte))
			continue;
		page = pfn_to_page(pte_pfn(pte));
		if (pte_dirty(pte) && (vma->vm_flags & VM_SHARED))
			set_page_dirty(page);	/* the data must reach the file */
		if (test_page_flag(page, PG_anon))
			mm->rss_anon--;
		else if (!is_zero_page(page))
			mm->rss_file--;
		page_remove_map(page);
	}
}

/*
 * Truncation: no process may keep mapping a page that is no longer part of the file. Linear
 * mappings lose the PTEs of pages from `first` on; nonlinear ones keep a file PTE in their
 * place, so that the next access faults, finds the file too short, and gets SIGBUS
 * (Linux 3.x zap_pte_range with details->nonlinear_vma).
 */
static void unmap_nonlinear(struct vm_area_struct *vma, unsigned long first)
{
	unsigned long addr;

	for (addr = vma->vm_start; addr < vma->vm_end; addr += PAGE_SIZE) {
		pte_t *ptep = pte_offset(vma->vm_mm, addr), pte;
		struct page *page;

		if (!ptep) {
			addr = ALIGN_UP(addr + 1, PGDIR_SIZE) - PAGE_SIZE;
			continue;
		}
		pte = *ptep;
		if (!pte_present(pte))
			continue;
		page = pfn_to_page(pte_pfn(pte));
		if (test_page_flag(page, PG_anon) || page->index < first)
			continue;
		set_pte_at(vma->vm_mm, addr, ptep, pgoff_to_pte(page->index));
		if (pte_dirty(pte))
			set_page_dirty(page);
		vma->vm_mm->rss_file--;
		page_remove_map(page);
	}
}

void unmap_mapping_range(struct address_space *mapping, unsigned long first)
{
	struct vm_area_struct *vma;

	spin_lock(&mapping->i_mmap_lock);
	list_for_each_entry(vma, &mapping->i_mmap, shared) {
		unsigned long start = vma->vm_start;

		if (vma->vm_pgoff + ((vma->vm_end - vma->vm_start) >> PAGE_SHIFT) <= first)
			continue;
		if (first > vma->vm_pgoff)
			start += (first - vma->vm_pgoff) << PAGE_SHIFT;
		zap_page_range(vma, start, vma->vm_end);
	}
	list_for_each_entry(vma, &mapping->i_mmap_nonlinear, shared)
		unmap_nonlinear(vma, first);
	spin_unlock(&mapping->i_mmap_lock);
}
