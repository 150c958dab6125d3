/* SPDX-License-Identifier: MIT */
/*
 * Page reclaim and swap (seed 001 walks the swap-in path):
 *
 *   LRU lists (mm/swap.c)       active and inactive, anonymous and file: who to evict
 *   reclaim (mm/vmscan.c)       shrink the inactive lists; kswapd; direct reclaim; OOM
 *   swap areas (mm/swapfile.c)  swapon/swapoff, slot allocation, use counts
 *   swap cache (mm/swap_state.c) pages by swap entry, so a page is read once and every
 *                                PTE maps the same one
 *   page I/O (mm/page_io.c)     swap_writepage / swap_readpage as bios,
 *                                end_swap_bio_write / end_swap_bio_read on completion
 */
#ifndef MM_SWAP_H
#define MM_SWAP_H

#include <types.h>
#include <mm/swapops.h>

struct page;
struct vm_area_struct;

/* ---- LRU (mm/swap.c) ---- */
enum lru_list { LRU_INACTIVE_ANON, LRU_ACTIVE_ANON, LRU_INACTIVE_FILE, LRU_ACTIVE_FILE, NR_LRU };

void lru_cache_add(struct page *page);		/* a new page joins the inactive list */
void lru_del(struct page *page);		/* when it is freed */
void mark_page_accessed(struct page *page);
unsigned long lru_count(enum lru_list l);

/* ---- reclaim (mm/vmscan.c) ---- */
/* Frees up to nr pages; returns how many. May sleep (I/O). */
unsigned long try_to_free_pages(unsigned long nr);
void wakeup_kswapd(void);
void kswapd_init(void);
/* Kills the largest process to free memory; false if there is none to kill. */
bool out_of_memory(void);

struct reclaim_stats {
	unsigned long pgscan, pgsteal, pgactivate, pgdeactivate;
	unsigned long pswpin, pswpout, oom_kill, swap_read_errors, swap_write_errors;
};
extern struct reclaim_stats reclaim_stats;

/* ---- swap areas (mm/swapfile.c) ---- */
swp_entry_t get_swap_page(void);		/* a slot with count 1; val 0 if none */
int swap_duplicate(swp_entry_t entry);		/* one more user of the slot */
void swap_free(swp_entry_t entry);		/* one user less; the slot frees at 0 */
int swap_count(swp_entry_t entry);
void swap_mark_bad(swp_entry_t entry);		/* after a write error */
struct block_device *swap_bdev(swp_entry_t entry);
unsigned long nr_swap_pages(void);		/* free slots in all areas */
unsigned long total_swap_pages(void);
int swapon_path(const char *path, int prio);

/* ---- swap cache (mm/swap_state.c) ---- */
int add_to_swap(struct page *page);		/* a slot and a place in the swap cache */
void delete_from_swap_cache(struct page *page);
struct page *lookup_swap_cache(swp_entry_t entry);
/* The page for entry, from the swap cache or read in (readahead of a cluster around
 * it); returned locked-until-read: wait_on_page_locked, then check PageUptodate. */
struct page *swapin_readahead(swp_entry_t entry);
/* Drops the swap cache's hold on a page that only the cache and we keep (reuse). */
bool try_to_free_swap(struct page *page);

/* ---- page I/O (mm/page_io.c) ---- */
int swap_writepage(struct page *page);		/* page locked; unlocked when written */
int swap_readpage(struct page *page);		/* page locked; unlocked when read */
/* Reads slot entry into page and waits; the page stays as it was (locked by the caller). */
int swap_read_sync(struct page *page, swp_entry_t entry);

/* ---- shared anonymous memory (mm/shmem.c) ---- */
/* swapoff: brings every shmem page saved in area type back into memory. */
int shmem_unuse(unsigned int type);

#endif
