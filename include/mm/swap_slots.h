/* SPDX-License-Identifier: MIT */
/*
 * The slots of one swap area and who uses them: Linux's swap_map and scan_swap_map
 * (mm/swapfile.c), without the locking (the caller holds the area's lock).
 *
 * swap_map has one byte per slot (page) of the area, a use count:
 *
 *   0                     free
 *   1 .. SWAP_MAP_MAX     that many users: swap PTEs holding the entry, plus one while the
 *                         page sits in the swap cache
 *   SWAP_MAP_BAD          never used: slot 0 (the header, include/mm/swap_format.h), the
 *                         bad pages mkswap listed, and slots that failed a write
 *
 * Allocation hands out slots in runs ("clusters") of SWAPFILE_CLUSTER consecutive slots, so
 * pages reclaimed together are written next to each other and read back together by
 * readahead, and the disk seeks less. Each new cluster starts at the first run of
 * SWAPFILE_CLUSTER free slots; when the area is too fragmented to have one, allocation falls
 * back to the first free slot and goes on from there.
 *
 * Pure logic: compiled into host unit tests (tests/host/test_swap_slots.c).
 */
#ifndef MM_SWAP_SLOTS_H
#define MM_SWAP_SLOTS_H

#include <types.h>

#define SWAP_MAP_MAX		0x3e	/* most users one slot can count */
#define SWAP_MAP_BAD		0x3f	/* a slot never to use */
#define SWAPFILE_CLUSTER	256

struct swap_slots {
	unsigned char *swap_map;	/* pages bytes, from the caller */
	unsigned long pages;		/* slots, including slot 0 and bad ones (Linux: max) */
	unsigned long good_pages;	/* slots that can hold a page (Linux: pages) */
	unsigned long inuse_pages;	/* slots with a count of 1 or more */
	/*
	 * Every free slot lies in lowest_bit..highest_bit: the scans start and end there. When
	 * the area is full, lowest_bit = pages and highest_bit = 0.
	 */
	unsigned long lowest_bit;
	unsigned long highest_bit;
	unsigned long cluster_next;	/* where the next allocation looks first */
	unsigned int cluster_nr;	/* allocations left in the current cluster */
};

/*
 * Sets up an area of pages slots (pages >= 1) over map, which the caller provides (pages
 * bytes) and keeps. Slot 0 and the nr_bad slots in bad are SWAP_MAP_BAD; bad entries that
 * are 0, repeated or not below pages are ignored (swap_header_parse has checked the list
 * already; a clipped area may list pages beyond its end).
 */
void swap_slots_init(struct swap_slots *s, unsigned char *map, unsigned long pages, const u32 *bad,
		     unsigned int nr_bad);

/* A free slot, now with count 1; 0 (never a slot) if the area is full. */
unsigned long swap_slot_alloc(struct swap_slots *s);

/*
 * One more user of slot off (fork copying a swap PTE). Returns 0; -EINVAL if off is out of
 * range, free or bad; -ENOMEM if it already has SWAP_MAP_MAX users. Linux then chains a
 * continuation page (add_swap_count_continuation); we do not, and the caller fails (fork
 * returns -ENOMEM). The count is unchanged on error.
 */
int swap_slot_dup(struct swap_slots *s, unsigned long off);

/*
 * One user less of slot off. Returns the users left (0: the slot is free again), or -EINVAL
 * if off is out of range, free or bad, leaving the map unchanged.
 */
int swap_slot_free(struct swap_slots *s, unsigned long off);

/*
 * After a write to slot off failed: the slot becomes SWAP_MAP_BAD and is never handed out
 * again. Its users, if any, are forgotten (swap_slot_free on it then returns -EINVAL): the
 * caller keeps the page in memory and drops the entry without freeing it. Slot 0, a bad
 * slot or an out-of-range off is left alone.
 */
void swap_slot_mark_bad(struct swap_slots *s, unsigned long off);

/* Slots that swap_slot_alloc can still hand out. */
unsigned long swap_slots_free_count(const struct swap_slots *s);

#endif /* MM_SWAP_SLOTS_H */
