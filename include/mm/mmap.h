/* SPDX-License-Identifier: MIT */
/* Creating and removing mappings (mm/mmap.c): the mmap family's kernel side. */
#ifndef MM_MMAP_H
#define MM_MMAP_H

#include <types.h>
#include <mm/mm_types.h>

struct file;

/* mmap(2) prot and flags (Linux ARM values). */
#define PROT_NONE	0x0
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4
#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_TYPE	0x0f
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20
#define MAP_GROWSDOWN	0x0100
#define MAP_DENYWRITE	0x0800
#define MAP_EXECUTABLE	0x1000
#define MAP_NORESERVE	0x4000
#define MAP_POPULATE	0x8000
#define MAP_NONBLOCK	0x10000
#define MAP_SHARED_VALIDATE 0x03
#define MAP_LOCKED	0x2000
#define MAP_STACK	0x20000
#define MAP_KNOWN_FLAGS	(MAP_TYPE | MAP_FIXED | MAP_ANONYMOUS | MAP_GROWSDOWN | MAP_DENYWRITE | \
			 MAP_EXECUTABLE | MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK | \
			 MAP_STACK)

/* Where mmap places mappings: below the stack, top-down (as Linux on ARM). */
#define STACK_TOP	0x7f000000UL
#define STACK_MAX	(8UL << 20)		/* a stack VMA grows down at most this far */
#define MMAP_BASE	(STACK_TOP - STACK_MAX - 0x1000UL)
#define MMAP_MIN_ADDR	0x8000UL		/* nothing is mapped below: NULL stays a fault */
#define MAX_MAP_COUNT	1024
#define MAX_VM_PAGES	((1536UL << 20) >> 12)	/* 1.5 GiB of mappings per process */

struct mm_struct *mm_alloc(void);
void mmput(struct mm_struct *mm);		/* the last user frees everything */
struct mm_struct *dup_mm(struct mm_struct *old);	/* fork */

u32 vm_get_page_prot(unsigned long vm_flags);
unsigned long get_unmapped_area(struct file *file, unsigned long addr, unsigned long len,
				unsigned long pgoff, unsigned long flags);
unsigned long mmap_region(struct file *file, unsigned long addr, unsigned long len,
			  unsigned long vm_flags, unsigned long pgoff);
/* Returns the address, or a negative errno cast to unsigned long. */
unsigned long do_mmap_pgoff(struct file *file, unsigned long addr, unsigned long len,
			    unsigned long prot, unsigned long flags, unsigned long pgoff);
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);
unsigned long do_brk(unsigned long brk);
/* Grows a VM_GROWSDOWN vma down to cover addr; 0 or -ENOMEM. */
int expand_stack(struct vm_area_struct *vma, unsigned long addr);
/* Makes the pages of [start, end) present (MAP_POPULATE). */
int populate_range(struct mm_struct *mm, unsigned long start, unsigned long end);

/* Splits the VMA that straddles addr, if any; 0 or -ENOMEM. */
int split_vma_at(struct mm_struct *mm, unsigned long addr);
/* The file's reverse map (address_space i_mmap lists). */
void vma_link_file(struct vm_area_struct *vma);
void vma_unlink_file(struct vm_area_struct *vma);
/* Drops a VMA that is no longer linked: its file reference, reverse-map entry, memory. */
void vma_free(struct vm_area_struct *vma);
void vma_adopted_anon(struct vm_area_struct *vma);

/* mm/shmem.c: an unnamed in-memory file for shared anonymous mappings (ERR_PTR). */
struct file *shmem_file_setup(long long size);

#endif
