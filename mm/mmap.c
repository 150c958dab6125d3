// SPDX-License-Identifier: MIT
/*
 * Mappings: do_mmap_pgoff -> get_unmapped_area -> mmap_region, as seeds 001 and 002 walk
 * through them, plus munmap, brk, stack growth and the lifetime of an mm.
 */
#include <mm/mmap.h>
#include <mm/vma.h>
#include <mm/memory.h>
#include <mm/pgd.h>
#include <mm/page_alloc.h>
#include <mm/pagemap.h>
#include <fs/fs.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <asm/tlbflush.h>
#include <lib/string.h>
#include <kernel/err.h>
#include <mm/rmap.h>

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm));

	if (!mm)
		return NULL;
	mm->mm_rb = RB_ROOT;
	mm->mm_users = 1;
	if (pgd_alloc(mm)) {
		kfree(mm);
		return NULL;
	}
	return mm;
}

/*
 * The software PTE protection for a VMA's pages. Writable private mappings get writable
 * PTEs only for their own anonymous pages: file pages are installed read-only by the
 * fault code, so the first write copies them.
 */
u32 vm_get_page_prot(unsigned long vm_flags)
{
	u32 prot = L_PTE_PRESENT | L_PTE_USER;

	if (!(vm_flags & VM_WRITE))
		prot |= L_PTE_RDONLY;
	if (!(vm_flags & VM_EXEC))
		prot |= L_PTE_XN;
	if (!(vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		prot |= L_PTE_NONE;	/* PROT_NONE: mapped, but every access faults */
	return prot;
}

/* Puts a file VMA on its file's reverse map: i_mmap, or i_mmap_nonlinear once
 * remap_file_pages has rearranged it. */
void vma_link_file(struct vm_area_struct *vma)
{
	struct address_space *mapping;

	if (!vma->vm_file)
		return;
	mapping = vma->vm_file->f_inode->i_mapping;
	spin_lock(&mapping->i_mmap_lock);
	list_add_tail(&vma->shared, (vma->vm_flags & VM_NONLINEAR) ? &mapping->i_mmap_nonlinear
								     : &mapping->i_mmap);
	spin_unlock(&mapping->i_mmap_lock);
}

void vma_unlink_file(struct vm_area_struct *vma)
{
	struct address_space *mapping;

	if (!vma->vm_file)
		return;
	mapping = vma->vm_file->f_inode->i_mapping;
	spin_lock(&mapping->i_mmap_lock);
	list_del(&vma->shared);
	spin_unlock(&mapping->i_mmap_lock);
}

/* After a merge: a VMA that adopted the anon_vma of the VMA it swallowed joins it (before
 * that VMA is freed, which may drop the anon_vma's last other user). */
void vma_adopted_anon(struct vm_area_struct *vma)
{
	if (vma->anon_vma && list_empty(&vma->anon_vma_chain))
		anon_vma_link(vma);
}

void vma_free(struct vm_area_struct *vma)
{
	vma_unlink_file(vma);
	anon_vma_unlink(vma);
	if (vma->vm_ops && vma->vm_ops->close)
		vma->vm_ops->close(vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	kfree(vma);
}

static void unmap_and_free_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	zap_page_range(vma, vma->vm_start, vma->vm_end);
	mm->total_vm -= (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	vma_unlink(mm, vma);
	vma_free(vma);
}

void mmput(struct mm_struct *mm)
{
	if (!mm || --mm->mm_users)
		return;
	while (mm->mmap)
		unmap_and_free_vma(mm, mm->mmap);
	flush_tlb_asid(mm->asid);
	pgd_free(mm);
	kfree(mm);
}

struct mm_struct *dup_mm(struct mm_struct *old)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;

	if (!mm)
		return NULL;
	mm->start_code = old->start_code;
	mm->end_code = old->end_code;
	mm->start_data = old->start_data;
	mm->end_data = old->end_data;
	mm->start_brk = old->start_brk;
	mm->brk = old->brk;
	mm->start_stack = old->start_stack;
	mm->arg_start = old->arg_start;
	mm->arg_end = old->arg_end;
	mm->env_start = old->env_start;
	mm->env_end = old->env_end;
	for (vma = old->mmap; vma; vma = vma->vm_next) {
		struct vm_area_struct *copy = kmalloc(sizeof(*copy));

		if (!copy)
			goto fail;
		*copy = *vma;
		INIT_LIST_HEAD(&copy->anon_vma_chain);
		copy->vm_mm = mm;
		copy->vm_next = copy->vm_prev = NULL;
		if (copy->vm_file)
			fget(copy->vm_file);
		vma_link_file(copy);
		anon_vma_link(copy);	/* parent and child share one anon_vma */
		if (copy->vm_ops && copy->vm_ops->open)
			copy->vm_ops->open(copy);
		vma_link(mm, copy);
		mm->total_vm += (copy->vm_end - copy->vm_start) >> PAGE_SHIFT;
		if (copy_page_range(mm, old, vma))
			goto fail;
	}
	/* The parent's PTEs just became read-only: its TLB must not keep writable copies. */
	flush_tlb_asid(old->asid);
	return mm;
fail:
	flush_tlb_asid(old->asid);
	mmput(mm);
	return NULL;
}

unsigned long get_unmapped_area(struct file *file, unsigned long addr, unsigned long len,
				unsigned long pgoff, unsigned long flags)
{
	struct mm_struct *mm = current->mm;

	if (len > TASK_SIZE - MMAP_MIN_ADDR)
		return (unsigned long)-ENOMEM;
	if (flags & MAP_FIXED)
		return addr;
	/* A free, page-aligned hint is taken as it is. */
	if (addr) {
		addr = ALIGN_UP(addr, PAGE_SIZE);
		if (addr >= MMAP_MIN_ADDR && addr + len <= MMAP_BASE && addr + len > addr &&
		    !find_vma_intersection(mm, addr, addr + len))
			return addr;
	}
	return unmapped_area_topdown(mm, len, MMAP_MIN_ADDR, MMAP_BASE, 0);
}

/*
 * Creates the mapping [addr, addr + len): whatever was there goes first (MAP_FIXED), then
 * the range either extends a compatible neighbour (vma_merge) or gets a VMA of its own; a
 * file mapping gets its vm_ops from the file's ->mmap.
 */
unsigned long mmap_region(struct file *file, unsigned long addr, unsigned long len,
			  unsigned long vm_flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct proposed = { 0 }, *vma, *freed = NULL;
	int err;

	/* Every check before anything is unmapped: a failed MAP_FIXED leaves the old mapping. */
	if (file && (!file->f_op || !file->f_op->mmap))
		return (unsigned long)-ENODEV;
	if (mm->map_count >= MAX_MAP_COUNT)
		return (unsigned long)-ENOMEM;
	if (mm->total_vm + (len >> PAGE_SHIFT) > MAX_VM_PAGES)
		return (unsigned long)-ENOMEM;	/* the address-space limit (RLIMIT_AS) */
	err = do_munmap(mm, addr, len);
	if (err)
		return (unsigned long)err;

	proposed.vm_start = addr;
	proposed.vm_end = addr + len;
	proposed.vm_flags = vm_flags;
	proposed.vm_page_prot = vm_get_page_prot(vm_flags);
	/* Anonymous memory counts its pages from address 0: page->index of an anonymous page
	 * is then its address / 4096 whatever VMA holds it (the reverse map relies on it). */
	proposed.vm_pgoff = file ? pgoff : addr >> PAGE_SHIFT;
	proposed.vm_file = file;
	proposed.vm_mm = mm;

	if (file) {
		/* ->mmap decides vm_ops; probe it on the template before merging. */
		err = file->f_op->mmap(file, &proposed);
		if (err)
			return (unsigned long)err;
	}
	vma = vma_merge(mm, &proposed, &freed);
	if (vma)
		vma_adopted_anon(vma);
	if (freed)
		vma_free(freed);
	if (!vma) {
		vma = kmalloc(sizeof(*vma));
		if (!vma)
			return (unsigned long)-ENOMEM;
		*vma = proposed;
		INIT_LIST_HEAD(&vma->anon_vma_chain);
		if (file)
			fget(file);
		vma_link(mm, vma);
		vma_link_file(vma);
	}
	mm->total_vm += len >> PAGE_SHIFT;
	return addr;
}

unsigned long do_mmap_pgoff(struct file *file, unsigned long addr, unsigned long len,
			    unsigned long prot, unsigned long flags, unsigned long pgoff)
{
	unsigned long vm_flags;

	if (len == 0)
		return (unsigned long)-EINVAL;
	len = ALIGN_UP(len, PAGE_SIZE);
	if (len == 0 || len > TASK_SIZE)
		return (unsigned long)-ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)	/* offset + length wraps */
		return (unsigned long)-EOVERFLOW;
	if ((flags & MAP_FIXED) &&
	    ((addr & (PAGE_SIZE - 1)) || addr < MMAP_MIN_ADDR || addr + len > TASK_SIZE ||
	     addr + len < addr))
		return (unsigned long)-EINVAL;
	switch (flags & MAP_TYPE) {
	case MAP_SHARED_VALIDATE:
		/* MAP_SHARED that refuses flags it does not know (Linux 4.15); for files only:
		 * anonymous memory reads the same bits as "shared and private", an error. */
		if (!file)
			return (unsigned long)-EINVAL;
		if (flags & ~MAP_KNOWN_FLAGS)
			return (unsigned long)-EOPNOTSUPP;
		flags = (flags & ~MAP_TYPE) | MAP_SHARED;
		break;
	case MAP_SHARED:
	case MAP_PRIVATE:
		break;
	default:
		return (unsigned long)-EINVAL;	/* both or neither */
	}

	vm_flags = (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
		   (prot & PROT_EXEC ? VM_EXEC : 0) | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	if (flags & MAP_GROWSDOWN)
		vm_flags |= VM_GROWSDOWN;
	if (file) {
		unsigned int acc = file->f_flags & O_ACCMODE;

		if (acc == O_WRONLY)
			return (unsigned long)-EACCES;
		if ((flags & MAP_TYPE) == MAP_SHARED) {
			if ((prot & PROT_WRITE) && acc != O_RDWR)
				return (unsigned long)-EACCES;
			vm_flags |= VM_SHARED | VM_MAYSHARE;
			if (acc != O_RDWR)
				vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
		}
	} else if ((flags & MAP_TYPE) == MAP_SHARED) {
		vm_flags |= VM_SHARED | VM_MAYSHARE;
	}

	addr = get_unmapped_area(file, addr, len, pgoff, flags);
	if (addr & (PAGE_SIZE - 1))
		return addr;	/* an error */
	if (!file && (vm_flags & VM_SHARED)) {
		/* Shared anonymous memory: backed by an unnamed in-memory file (mm/shmem.c). */
		struct file *shm = shmem_file_setup((loff_t)len);

		if (IS_ERR(shm))
			return (unsigned long)PTR_ERR(shm);
		addr = mmap_region(shm, addr, len, vm_flags, 0);
		fput(shm);	/* the VMA keeps its own reference */
	} else {
		addr = mmap_region(file, addr, len, vm_flags, pgoff);
	}
	if (!(addr & (PAGE_SIZE - 1)) && (flags & MAP_POPULATE))
		populate_range(current->mm, addr, addr + len);
	return addr;
}

/* Splits so that no VMA straddles addr (munmap, mprotect). */
int split_vma_at(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr), *new;

	if (!vma || vma->vm_start >= addr)
		return 0;
	if (mm->map_count >= MAX_MAP_COUNT)
		return -ENOMEM;		/* a split adds a VMA: the map-count limit applies */
	new = kmalloc(sizeof(*new));
	if (!new)
		return -ENOMEM;
	vma_split(mm, vma, addr, new, false);
	INIT_LIST_HEAD(&new->anon_vma_chain);
	if (new->vm_file)
		fget(new->vm_file);
	vma_link_file(new);
	anon_vma_link(new);
	if (new->vm_ops && new->vm_ops->open)
		new->vm_ops->open(new);
	return 0;
}

int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	unsigned long end;
	struct vm_area_struct *vma;
	int err;

	if ((start & (PAGE_SIZE - 1)) || start >= TASK_SIZE || len > TASK_SIZE - start)
		return -EINVAL;
	len = ALIGN_UP(len, PAGE_SIZE);
	if (len == 0)
		return -EINVAL;
	end = start + len;
	if (!find_vma_intersection(mm, start, end))
		return 0;	/* a hole: nothing to do */
	err = split_vma_at(mm, start);
	if (!err)
		err = split_vma_at(mm, end);
	if (err)
		return err;
	while ((vma = find_vma_intersection(mm, start, end)) != NULL)
		unmap_and_free_vma(mm, vma);
	free_pgtables(mm, start, end);
	return 0;
}

int expand_stack(struct vm_area_struct *vma, unsigned long addr)
{
	addr &= PAGE_MASK;
	if (vma->vm_end - addr > STACK_MAX)
		return -ENOMEM;
	if (vma->vm_prev && vma->vm_prev->vm_end > addr - PAGE_SIZE)
		return -ENOMEM;	/* keep a guard page between the stack and what lies below */
	vma->vm_mm->total_vm += (vma->vm_start - addr) >> PAGE_SHIFT;
	vma->vm_pgoff -= (vma->vm_start - addr) >> PAGE_SHIFT;
	vma->vm_start = addr;
	vma_adjust_gaps(vma->vm_mm, vma);
	return 0;
}

unsigned long do_brk(unsigned long brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long old_end = ALIGN_UP(mm->brk, PAGE_SIZE), new_end = ALIGN_UP(brk, PAGE_SIZE);

	if (brk < mm->start_brk || brk >= MMAP_BASE)
		return mm->brk;
	if (new_end < old_end) {
		do_munmap(mm, new_end, old_end - new_end);
	} else if (new_end > old_end) {
		if (find_vma_intersection(mm, old_end, new_end))
			return mm->brk;	/* would run into another mapping */
		if (mmap_region(NULL, old_end, new_end - old_end,
				VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC,
				0) & (PAGE_SIZE - 1))
			return mm->brk;
	}
	mm->brk = brk;
	return brk;
}

int populate_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unsigned long addr;

	for (addr = start; addr < end; addr += PAGE_SIZE) {
		struct vm_area_struct *vma = find_vma(mm, addr);
		unsigned int flags = 0;

		if (!vma || vma->vm_start > addr)
			return -ENOMEM;
		if ((vma->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
			flags |= FAULT_FLAG_WRITE;	/* private writable: its own pages now */
		if (handle_mm_fault(vma, addr, flags) & VM_FAULT_ERROR)
			return -ENOMEM;
	}
	return 0;
}
