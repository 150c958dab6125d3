/* SPDX-License-Identifier: MIT */
/*
 * Address spaces: struct mm_struct (one per process) and struct vm_area_struct (one per
 * mapped region), with Linux's names and fields (seed 004 lists them).
 *
 * The VMAs of an mm are kept twice: in a red-black tree ordered by vm_start (find_vma in
 * O(log n)), and in a list in address order (vm_next/vm_prev) for walks. Each tree node also
 * records rb_subtree_gap, the largest free gap just below any VMA in its subtree, so that
 * get_unmapped_area finds a hole of a given size in O(log n), as Linux's unmapped_area does.
 *
 * This header is pure (host-compilable): the tree code in mm/vma_tree.c has host tests.
 */
#ifndef MM_MM_TYPES_H
#define MM_MM_TYPES_H

#include <types.h>
#include <lib/rbtree.h>
#include <lib/list.h>

struct file;
struct page;
struct vm_fault;
struct vm_area_struct;
struct mm_struct;
struct anon_vma;

/* vm_flags (Linux's values). */
#define VM_NONE		0x00000000UL
#define VM_READ		0x00000001UL
#define VM_WRITE	0x00000002UL
#define VM_EXEC		0x00000004UL
#define VM_SHARED	0x00000008UL
#define VM_MAYREAD	0x00000010UL	/* what mprotect may later allow */
#define VM_MAYWRITE	0x00000020UL
#define VM_MAYEXEC	0x00000040UL
#define VM_MAYSHARE	0x00000080UL
#define VM_GROWSDOWN	0x00000100UL	/* a stack: grows down on a fault just below it */
#define VM_NONLINEAR	0x00800000UL	/* remap_file_pages rearranged its pages */

struct vm_operations_struct {
	void (*open)(struct vm_area_struct *vma);	/* a copy was made (fork, split) */
	void (*close)(struct vm_area_struct *vma);
	/* Provide the page for vmf->pgoff: set vmf->page (with a reference); 0 or VM_FAULT_* */
	int (*fault)(struct vm_area_struct *vma, struct vm_fault *vmf);
};

struct vm_area_struct {
	unsigned long vm_start;		/* first address inside */
	unsigned long vm_end;		/* first address after */
	struct vm_area_struct *vm_next, *vm_prev;	/* address order */
	struct rb_node vm_rb;
	unsigned long rb_subtree_gap;	/* largest gap below a VMA of this subtree */
	struct mm_struct *vm_mm;
	u32 vm_page_prot;		/* software PTE protection bits for its pages */
	unsigned long vm_flags;
	const struct vm_operations_struct *vm_ops;
	unsigned long vm_pgoff;		/* offset in vm_file, in pages */
	struct file *vm_file;		/* NULL for anonymous memory */
	void *vm_private_data;
	struct list_head shared;	/* on its file's i_mmap or i_mmap_nonlinear */
	struct anon_vma *anon_vma;	/* reverse map of its anonymous pages (later) */
	struct list_head anon_vma_chain;
};

struct mm_struct {
	struct vm_area_struct *mmap;	/* the VMA list, lowest first */
	struct rb_root mm_rb;
	int map_count;			/* number of VMAs */
	unsigned long highest_vm_end;	/* vm_end of the last VMA */
	u32 *pgd;			/* first-level table (TTBR0), 8 KiB */
	unsigned int asid;		/* ASID and generation (see mm/context.c) */
	int mm_users;			/* threads using it */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long total_vm;		/* pages mapped */
	unsigned long rss_file, rss_anon;	/* pages present */
	unsigned long swap_ents;		/* PTEs holding a swap entry */
	void *arch;			/* lock etc. kept by mm/ (opaque here) */
};

#endif
