/* SPDX-License-Identifier: MIT */
/*
 * Page faults and page-table level operations on user address spaces (mm/memory.c), the
 * paths of seed 001: handle_mm_fault -> handle_pte_fault -> do_anonymous_page |
 * __do_fault (vm_ops->fault = filemap_fault) | do_wp_page (copy-on-write).
 */
#ifndef MM_MEMORY_H
#define MM_MEMORY_H

#include <types.h>
#include <mm/mm_types.h>

/* Flags of a fault. */
#define FAULT_FLAG_WRITE	0x01
#define FAULT_FLAG_EXEC		0x02

/* handle_mm_fault results: 0 is success. */
#define VM_FAULT_OOM		0x0001
#define VM_FAULT_SIGBUS		0x0002
#define VM_FAULT_MAJOR		0x0004	/* had to wait for I/O */
#define VM_FAULT_ERROR		(VM_FAULT_OOM | VM_FAULT_SIGBUS)

struct vm_fault {
	unsigned int flags;
	unsigned long pgoff;		/* page of the file wanted */
	unsigned long address;
	struct page *page;		/* ->fault returns it here, with a reference */
};

int handle_mm_fault(struct vm_area_struct *vma, unsigned long address, unsigned int flags);

/* fork: share the pages of src_vma with dst (copy-on-write for private writable ones). */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src, struct vm_area_struct *vma);
/* Unmaps [start, end) of vma: drops the pages, keeps the page tables. */
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);

/* remap_file_pages (mm/fremap.c): make page pgoff of the VMA's file appear at addr. */
int install_file_pte(struct vm_area_struct *vma, unsigned long addr, unsigned long pgoff);

/* The shared zero page: read faults on anonymous memory map it read-only. */
extern struct page *zero_page;
void memory_init(void);

/* Event counters (for /proc/vmstat and the tests). */
struct vm_event_counts {
	unsigned long pgfault, pgmajfault;
	unsigned long anon_faults, zero_page_faults, file_faults;
	unsigned long cow_faults, cow_reused, cow_copied;
	unsigned long nonlinear_faults;
};
extern struct vm_event_counts vm_events;

#endif
