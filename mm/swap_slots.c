// SPDX-License-Identifier: MIT
/*
 * Slot allocation and use counts in one swap area (the map and the policy are described in
 * include/mm/swap_slots.h). Linux's scan_swap_map, swap_duplicate and swap_entry_free,
 * written as loops. The caller serialises calls on one area.
 */
#include <types.h>
#include <kernel/errno.h>
#include <mm/swap_slots.h>

void swap_slots_init(struct swap_slots *s, unsigned char *map, unsigned long pages, const u32 *bad,
		     unsigned int nr_bad)
{
	unsigned long off;
	unsigned int i;

	s->swap_map = map;
	s->pages = pages;
	s->good_pages = 0;
	s->inuse_pages = 0;
	s->lowest_bit = pages;
	s->highest_bit = 0;
	s->cluster_next = 1;
	s->cluster_nr = 0;	/* the first allocation looks for a free cluster */
	if (pages == 0)
		return;

	map[0] = SWAP_MAP_BAD;	/* the swap header */
	for (off = 1; off < pages; off++)
		map[off] = 0;
	for (i = 0; i < nr_bad; i++) {
		if (bad[i] < pages)
			map[bad[i]] = SWAP_MAP_BAD;
	}

	for (off = 1; off < pages; off++) {
		if (map[off] != 0)
			continue;
		s->good_pages++;
		if (s->lowest_bit == pages)
			s->lowest_bit = off;
		s->highest_bit = off;
	}
}

unsigned long swap_slots_free_count(const struct swap_slots *s)
{
	return s->good_pages - s->inuse_pages;
}

/*
 * The start of the first run of SWAPFILE_CLUSTER free slots, or 0 if there is none. Runs
 * need not be aligned: Linux's "first empty (unaligned) cluster".
 */
static unsigned long find_free_cluster(const struct swap_slots *s)
{
	unsigned long off, run = 0;

	for (off = s->lowest_bit; off <= s->highest_bit; off++) {
		if (s->swap_map[off] != 0) {
			run = 0;
			continue;
		}
		if (++run == SWAPFILE_CLUSTER)
			return off - SWAPFILE_CLUSTER + 1;
	}
	return 0;
}

/* The first free slot at or after start, wrapping round to lowest_bit; 0 if none. */
static unsigned long find_free_from(const struct swap_slots *s, unsigned long start)
{
	unsigned long off;

	if (start < s->lowest_bit || start > s->highest_bit)
		start = s->lowest_bit;
	for (off = start; off <= s->highest_bit; off++) {
		if (s->swap_map[off] == 0)
			return off;
	}
	for (off = s->lowest_bit; off < start; off++) {
		if (s->swap_map[off] == 0)
			return off;
	}
	return 0;
}

/* Slot off, free until now, gets its first user. */
static void take_slot(struct swap_slots *s, unsigned long off)
{
	s->swap_map[off] = 1;
	s->inuse_pages++;
	/* Keep every free slot inside lowest_bit..highest_bit; the hints need not be tight. */
	if (s->inuse_pages == s->good_pages) {
		s->lowest_bit = s->pages;
		s->highest_bit = 0;
		return;
	}
	if (off == s->lowest_bit)
		s->lowest_bit++;
	if (off == s->highest_bit)
		s->highest_bit--;
}

/* Slot off just became free (count 0): widen the hints to cover it. */
static void release_slot(struct swap_slots *s, unsigned long off)
{
	s->inuse_pages--;
	if (off < s->lowest_bit)
		s->lowest_bit = off;
	if (off > s->highest_bit)
		s->highest_bit = off;
}

unsigned long swap_slot_alloc(struct swap_slots *s)
{
	unsigned long off, start;

	if (swap_slots_free_count(s) == 0)
		return 0;

	/*
	 * A cluster is used up: look for a whole free one to start the next, unless there are
	 * fewer free slots than a cluster anyway. If there is none, start at the first free
	 * slot and fill holes from there.
	 */
	if (s->cluster_nr == 0) {
		s->cluster_nr = SWAPFILE_CLUSTER;
		start = 0;
		if (swap_slots_free_count(s) >= SWAPFILE_CLUSTER)
			start = find_free_cluster(s);
		s->cluster_next = start ? start : s->lowest_bit;
	}

	/* Next fit: free_count > 0 above, so a free slot exists in lowest_bit..highest_bit. */
	off = find_free_from(s, s->cluster_next);
	if (off == 0)
		return 0;	/* the counts disagree with the map: not reached */
	take_slot(s, off);
	s->cluster_nr--;
	s->cluster_next = off + 1;
	return off;
}

/* The count of an allocated slot, or -EINVAL for out of range, slot 0, free or bad. */
static int slot_count(const struct swap_slots *s, unsigned long off)
{
	unsigned char count;

	if (off == 0 || off >= s->pages)
		return -EINVAL;
	count = s->swap_map[off];
	if (count == 0 || count == SWAP_MAP_BAD)
		return -EINVAL;
	return count;
}

int swap_slot_dup(struct swap_slots *s, unsigned long off)
{
	int count = slot_count(s, off);

	if (count < 0)
		return count;
	if (count == SWAP_MAP_MAX)
		return -ENOMEM;
	s->swap_map[off] = (unsigned char)(count + 1);
	return 0;
}

int swap_slot_free(struct swap_slots *s, unsigned long off)
{
	int count = slot_count(s, off);

	if (count < 0)
		return count;
	count--;
	s->swap_map[off] = (unsigned char)count;
	if (count == 0)
		release_slot(s, off);
	return count;
}

void swap_slot_mark_bad(struct swap_slots *s, unsigned long off)
{
	if (off == 0 || off >= s->pages || s->swap_map[off] == SWAP_MAP_BAD)
		return;
	if (s->swap_map[off] != 0)
		s->inuse_pages--;
	s->swap_map[off] = SWAP_MAP_BAD;
	s->good_pages--;
	/* A free slot leaving lowest_bit..highest_bit keeps "every free slot is inside" true. */
	if (s->inuse_pages == s->good_pages) {
		s->lowest_bit = s->pages;
		s->highest_bit = 0;
	}
}
