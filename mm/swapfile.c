// SPDX-License-Identifier: MIT
/*
 * Swap areas: swapon/swapoff, the per-slot use counts, choosing a slot.
 *
 * An area is a block device formatted by mkswap (mm/swap_format.c checks the header: the
 * SWAPSPACE2 signature, version 1, the last page, the bad-page list). Its swap_map holds one
 * byte per slot: how many users (swap PTEs, the swap cache) the slot has (mm/swap_slots.c
 * hands out slots in clusters, so pages evicted together land next to each other and come
 * back with one request). Up to 8 areas; slots come from the highest priority first.
 */
#include <mm/swap.h>
#include <mm/swap_format.h>
#include <mm/swap_slots.h>
#include <mm/memory.h>
#include <mm/pgd.h>
#include <mm/rmap.h>
#include <mm/pagemap.h>
#include <mm/page_alloc.h>
#include <block/blkdev.h>
#include <kernel/sched.h>
#include <kernel/mutex.h>
#include <kernel/printk.h>
#include <kernel/errno.h>
#include <kernel/uaccess.h>
#include <lib/string.h>
#include <lib/vsprintf.h>
#include <mm/slab.h>

struct swap_info_struct {
	bool used;
	bool writeok;			/* new slots may come from it (Linux: SWP_WRITEOK) */
	int prio;
	struct block_device *bdev;
	char path[32];
	struct swap_slots slots;
	unsigned char *map;		/* slots.swap_map: pages bytes */
	unsigned int map_order;		/* its page-allocation order */
};

static struct swap_info_struct swap_info[MAX_SWAPFILES];
static DEFINE_SPINLOCK(swap_lock);	/* the maps: faults and reclaim touch them */
static DEFINE_MUTEX(swapon_mutex);	/* swapon and swapoff, one at a time */
static int least_priority;

static struct swap_info_struct *info_of(swp_entry_t entry)
{
	unsigned int type = swp_type(entry);

	if (type >= MAX_SWAPFILES || !swap_info[type].used)
		return NULL;
	if (swp_offset(entry) >= swap_info[type].slots.pages)
		return NULL;
	return &swap_info[type];
}

swp_entry_t get_swap_page(void)
{
	swp_entry_t entry = { 0 };
	int best = -1, t;
	unsigned long flags, off;

	spin_lock_irqsave(&swap_lock, flags);
	for (t = 0; t < MAX_SWAPFILES; t++)
		if (swap_info[t].used && swap_info[t].writeok &&
		    swap_slots_free_count(&swap_info[t].slots) &&
		    (best < 0 || swap_info[t].prio > swap_info[best].prio))
			best = t;
	if (best >= 0) {
		off = swap_slot_alloc(&swap_info[best].slots);
		if (off)
			entry = swp_entry(best, off);
	}
	spin_unlock_irqrestore(&swap_lock, flags);
	return entry;
}

int swap_duplicate(swp_entry_t entry)
{
	struct swap_info_struct *si = info_of(entry);
	unsigned long flags;
	int err;

	if (!si)
		return -EINVAL;
	spin_lock_irqsave(&swap_lock, flags);
	err = swap_slot_dup(&si->slots, swp_offset(entry));
	spin_unlock_irqrestore(&swap_lock, flags);
	return err;
}

void swap_free(swp_entry_t entry)
{
	struct swap_info_struct *si = info_of(entry);
	unsigned long flags;

	if (!si)
		return;
	spin_lock_irqsave(&swap_lock, flags);
	swap_slot_free(&si->slots, swp_offset(entry));
	spin_unlock_irqrestore(&swap_lock, flags);
}

int swap_count(swp_entry_t entry)
{
	struct swap_info_struct *si = info_of(entry);
	int count;

	if (!si)
		return -EINVAL;
	count = si->map[swp_offset(entry)];
	return count == SWAP_MAP_BAD ? 0 : count;
}

void swap_mark_bad(swp_entry_t entry)
{
	struct swap_info_struct *si = info_of(entry);
	unsigned long flags;

	if (!si)
		return;
	spin_lock_irqsave(&swap_lock, flags);
	swap_slot_mark_bad(&si->slots, swp_offset(entry));
	spin_unlock_irqrestore(&swap_lock, flags);
}

struct block_device *swap_bdev(swp_entry_t entry)
{
	struct swap_info_struct *si = info_of(entry);

	return si ? si->bdev : NULL;
}

unsigned long nr_swap_pages(void)
{
	unsigned long n = 0;
	int t;

	for (t = 0; t < MAX_SWAPFILES; t++)
		if (swap_info[t].used)
			n += swap_slots_free_count(&swap_info[t].slots);
	return n;
}

unsigned long total_swap_pages(void)
{
	unsigned long n = 0;
	int t;

	for (t = 0; t < MAX_SWAPFILES; t++)
		if (swap_info[t].used)
			n += swap_info[t].slots.good_pages;	/* minus the header and bad slots */
	return n;
}

/* Reads the first page of bdev (the header) into a new page; NULL on error. */
static struct page *read_header(struct block_device *bdev)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct bio *bio;
	int err;

	if (!page)
		return NULL;
	bio = bio_alloc(bdev, 1, REQ_OP_READ);
	if (!bio) {
		put_page(page);
		return NULL;
	}
	bio->bi_sector = 0;
	bio_add_page(bio, page, PAGE_SIZE, 0);
	err = submit_bio_wait(bio);
	bio_put(bio);
	if (err) {
		put_page(page);
		return NULL;
	}
	return page;
}

int swapon_path(const char *path, int prio)
{
	struct block_device *bdev = lookup_bdev(path);
	struct swap_info_struct *si = NULL;
	struct swap_info_hdr *hdr_mem = kmalloc(sizeof(*hdr_mem));	/* 2.6 KiB: not on the stack */
	struct page *header;
	char msg[128];
	unsigned long flags;
	unsigned int order = 0;
	int t, err;

	if (!bdev || !hdr_mem) {
		kfree(hdr_mem);
		return bdev ? -ENOMEM : -ENOENT;
	}
	mutex_lock(&swapon_mutex);
	err = -EBUSY;
	for (t = 0; t < MAX_SWAPFILES; t++)
		if (swap_info[t].used && swap_info[t].bdev == bdev)
			goto out;
	for (t = 0; t < MAX_SWAPFILES && !si; t++)
		if (!swap_info[t].used)
			si = &swap_info[t];
	err = -EPERM;	/* Linux's answer when every area is taken */
	if (!si)
		goto out;
	err = -EIO;
	header = read_header(bdev);
	if (!header)
		goto out;
	err = swap_header_parse(page_address(header), (u64)bdev->nr_sectors * SECTOR_SIZE, hdr_mem,
				msg, sizeof(msg));
	if (err) {
		printk(KERN_ERR "%s (%s)\n", msg, bdev->name);
		put_page(header);
		goto out;
	}
	while ((PAGE_SIZE << order) < hdr_mem->pages)
		order++;
	err = -ENOMEM;
	si->map = order < MAX_ORDER ? (unsigned char *)__get_free_pages(order) : NULL;
	if (!si->map) {
		put_page(header);
		goto out;
	}
	si->map_order = order;
	swap_slots_init(&si->slots, si->map, hdr_mem->pages, hdr_mem->bad_pages,
			hdr_mem->nr_badpages);
	put_page(header);
	si->bdev = bdev;
	si->prio = prio >= 0 ? prio : --least_priority;
	strlcpy(si->path, path, sizeof(si->path));
	spin_lock_irqsave(&swap_lock, flags);
	si->used = true;
	si->writeok = true;
	spin_unlock_irqrestore(&swap_lock, flags);
	printk(KERN_INFO "Adding %luk swap on %s.  Priority:%d extents:1 across:%luk\n",
	       si->slots.good_pages * 4, path, si->prio, (hdr_mem->pages - 1) * 4);
	err = 0;
out:
	mutex_unlock(&swapon_mutex);
	kfree(hdr_mem);
	return err;
}

#define SWAP_FLAG_PREFER	0x8000
#define SWAP_FLAG_PRIO_MASK	0x7fff

long sys_swapon(const char __user *upath, int flags)
{
	char path[32];
	long n = strncpy_from_user(path, upath, sizeof(path));

	if (n < 0)
		return n == -ENAMETOOLONG ? -ENOENT : n;
	if (flags & ~(SWAP_FLAG_PREFER | SWAP_FLAG_PRIO_MASK | 0x70000))
		return -EINVAL;
	return swapon_path(path, (flags & SWAP_FLAG_PREFER) ? (flags & SWAP_FLAG_PRIO_MASK) : -1);
}

/*
 * swapoff must bring back every page of the area: each swap PTE of every process is faulted
 * in (through the swap cache, so pages shared by several processes are read once), shared
 * anonymous pages come back into their shmem files, then the swap cache lets go of the
 * area's pages. Without the memory for it: -ENOMEM, area kept.
 */
static int unuse_mm(struct mm_struct *mm, unsigned int type)
{
	struct vm_area_struct *vma;
	unsigned long addr;

	for (vma = mm->mmap; vma; vma = vma->vm_next)
		for (addr = vma->vm_start; addr < vma->vm_end; addr += PAGE_SIZE) {
			pte_t *ptep = pte_offset(mm, addr);

			if (!ptep) {
				addr = ALIGN_UP(addr + 1, PGDIR_SIZE) - PAGE_SIZE;
				continue;
			}
			if (!is_swap_pte(*ptep) || swp_type(pte_to_swp_entry(*ptep)) != type)
				continue;
			if (handle_mm_fault(vma, addr, 0) & VM_FAULT_ERROR)
				return -ENOMEM;
		}
	return 0;
}

struct unuse_walk {
	unsigned int type;
	int err;
};

static void unuse_task(struct task_struct *p, void *arg)
{
	struct unuse_walk *w = arg;

	if (p->mm && !p->exit_state && !w->err)
		w->err = unuse_mm(p->mm, w->type);
}

long sys_swapoff(const char __user *upath)
{
	struct swap_info_struct *si = NULL;
	struct unuse_walk w = { 0, 0 };
	char path[32];
	unsigned long flags, off;
	long n = strncpy_from_user(path, upath, sizeof(path));
	int t;

	if (n < 0)
		return n;
	mutex_lock(&swapon_mutex);
	for (t = 0; t < MAX_SWAPFILES; t++)
		if (swap_info[t].used && (!strcmp(swap_info[t].path, path) ||
					  swap_info[t].bdev == lookup_bdev(path)))
			si = &swap_info[t];
	if (!si) {
		mutex_unlock(&swapon_mutex);
		return -EINVAL;
	}
	w.type = si - swap_info;
	/* No new slots from this area: what reclaim pushes out meanwhile goes elsewhere or
	 * stays in memory, so the area really empties. */
	spin_lock_irqsave(&swap_lock, flags);
	si->writeok = false;
	spin_unlock_irqrestore(&swap_lock, flags);
	for_each_task(unuse_task, &w);
	if (!w.err)
		w.err = shmem_unuse(w.type);
	/* Pages still in the swap cache (read ahead, or reclaimed but not freed) let go. */
	for (off = 1; !w.err && off < si->slots.pages; off++) {
		struct page *page = lookup_swap_cache(swp_entry(w.type, off));

		if (!page)
			continue;
		lock_page(page);
		if (test_page_flag(page, PG_swapcache) && swap_count(swp_entry(w.type, off)) == 1)
			delete_from_swap_cache(page);
		unlock_page(page);
		put_page(page);
	}
	if (!w.err && si->slots.inuse_pages > 0)
		w.err = -EBUSY;	/* something still holds a slot */
	if (w.err) {
		spin_lock_irqsave(&swap_lock, flags);
		si->writeok = true;	/* the area stays in use */
		spin_unlock_irqrestore(&swap_lock, flags);
		mutex_unlock(&swapon_mutex);
		return w.err;
	}
	spin_lock_irqsave(&swap_lock, flags);
	si->used = false;
	spin_unlock_irqrestore(&swap_lock, flags);
	free_pages((unsigned long)si->map, si->map_order);
	si->map = NULL;
	mutex_unlock(&swapon_mutex);
	return 0;
}

/* /proc/swaps, in Linux's format. */
int swaps_show(char *buf, size_t size)
{
	int n = snprintf(buf, size, "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n");
	int t;

	for (t = 0; t < MAX_SWAPFILES; t++) {
		struct swap_info_struct *si = &swap_info[t];

		if (!si->used)
			continue;
		n += snprintf(buf + n, size - n, "%-40s%s\t%lu\t\t%lu\t\t%d\n", si->path,
			      "partition", si->slots.good_pages * 4,
			      (si->slots.inuse_pages) * 4, si->prio);
	}
	return n;
}
