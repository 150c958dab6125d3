// SPDX-License-Identifier: MIT
/*
 * Host tests for the buddy allocator (mm/buddy.c).
 *
 * Each test gets a zone from zone_setup() and a model of what it has allocated: owned[] marks
 * every frame of a live block, so an overlap, a frame outside the zone or a wrong free_pages
 * count is caught at the call that causes it. check_zone() then walks the free lists and
 * checks everything they promise. mem_map is allocated exactly nr_pages long, so AddressSanitizer
 * also stops any look at a struct page beyond the zone's edges.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <mm/buddy.h>

/* Fails with "<what>: expected E, seen S". Macros, so that cmocka reports the caller's line. */
#define expect_ul(seen, expected, ...)                                                          \
	do {                                                                                    \
		unsigned long seen_ = (seen), expected_ = (expected);                           \
		if (seen_ != expected_) {                                                       \
			char what_[256];                                                        \
			snprintf(what_, sizeof(what_), __VA_ARGS__);                            \
			fail_msg("%s: expected %lu (%#lx), seen %lu (%#lx)", what_, expected_,  \
				 expected_, seen_, seen_);                                      \
		}                                                                               \
	} while (0)

/* For checks that are not one number: the message itself says expected and seen. */
#define expect_true(cond, ...)                                                                  \
	do {                                                                                    \
		if (!(cond))                                                                    \
			fail_msg(__VA_ARGS__);                                                  \
	} while (0)

struct zone_shape {
	unsigned long base_pfn;
	unsigned long nr_pages;
	bool give_all;		/* setup hands the whole zone to buddy_free_range() */
};

/* 128 MiB of RAM at 0x60000000, as on vexpress-a9: 32 blocks of 4 MiB. */
static struct zone_shape big_zone = { 0x60000, 32768, true };
/* Neither end aligned, odd size: blocks at the edges must be cut down to fit. */
static struct zone_shape odd_zone = { 0x60003, 5001, true };
/* Exactly one block of the largest order. */
static struct zone_shape one_block_zone = { 0x60000, 1 << (MAX_ORDER - 1), true };
/* Like big_zone but all reserved: the test chooses what to give. */
static struct zone_shape reserved_zone = { 0x60000, 32768, false };

struct live_block {
	unsigned long pfn;
	unsigned int order;
};

struct fixture {
	struct zone z;
	unsigned long initial_nr_free[MAX_ORDER];	/* after the boot-time buddy_free_range */
	unsigned long initial_free_pages;
	unsigned char *owned;		/* owned[pfn - base_pfn]: frame is in a live block */
	struct live_block *live;	/* at most one block per frame */
	unsigned long nr_live;
	unsigned long allocated;	/* frames in live blocks */
};

static unsigned long zone_end_pfn(const struct zone *z)
{
	return z->base_pfn + z->nr_pages;
}

/* Records the free lists as they are now: freeing everything must bring them back. */
static void remember_initial_state(struct fixture *f)
{
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++)
		f->initial_nr_free[order] = f->z.free_area[order].nr_free;
	f->initial_free_pages = f->z.free_pages;
}

static int zone_setup(void **state)
{
	const struct zone_shape *shape = *state;
	struct fixture *f = calloc(1, sizeof(*f));
	struct page *map = calloc(shape->nr_pages, sizeof(*map));

	if (!f || !map)
		goto fail;
	f->owned = calloc(shape->nr_pages, 1);
	f->live = calloc(shape->nr_pages, sizeof(*f->live));
	if (!f->owned || !f->live)
		goto fail;

	buddy_init(&f->z, map, shape->base_pfn, shape->nr_pages);
	if (shape->give_all)
		buddy_free_range(&f->z, shape->base_pfn, shape->base_pfn + shape->nr_pages);
	remember_initial_state(f);
	*state = f;
	return 0;

fail:
	if (f) {
		free(f->live);
		free(f->owned);
	}
	free(map);
	free(f);
	return -1;
}

static int zone_teardown(void **state)
{
	struct fixture *f = *state;

	free(f->z.mem_map);
	free(f->owned);
	free(f->live);
	free(f);
	return 0;
}

/* One entry of free_area[order]; is_free[] collects the frames of all free blocks seen. */
static void check_free_block(struct zone *z, unsigned char *is_free, struct page *page,
			     unsigned int order)
{
	unsigned long pfn = zone_page_to_pfn(z, page), size = 1UL << order, i;
	struct page *buddy;

	expect_true(zone_contains_pfn(z, pfn) && pfn + size <= zone_end_pfn(z),
		    "free_area[%u]: expected blocks inside [%#lx, %#lx), seen [%#lx, %#lx)", order,
		    z->base_pfn, zone_end_pfn(z), pfn, pfn + size);
	expect_ul(pfn % size, 0, "free_area[%u]: pfn %#lx modulo 2^order", order, pfn);
	expect_ul(test_page_flag(page, PG_buddy), 1, "free_area[%u]: PG_buddy at pfn %#lx", order,
		  pfn);
	expect_ul(page->private, order, "free_area[%u]: private at pfn %#lx", order, pfn);
	for (i = pfn - z->base_pfn; i < pfn - z->base_pfn + size; i++) {
		expect_ul(is_free[i], 0, "free blocks covering frame %#lx (besides %#lx)",
			  z->base_pfn + i, pfn);
		is_free[i] = 1;
	}

	if (order == MAX_ORDER - 1 || !zone_contains_pfn(z, pfn ^ size))
		return;
	buddy = zone_pfn_to_page(z, pfn ^ size);
	expect_true(!test_page_flag(buddy, PG_buddy) || buddy->private != order,
		    "blocks at pfn %#lx and %#lx: expected merged into order %u, seen both free at "
		    "order %u", pfn, pfn ^ size, order + 1, order);
}

/*
 * Checks what the free lists promise: each entry heads an aligned block inside the zone with
 * PG_buddy and the list's order; nr_free and free_pages agree with the lists; no two free
 * buddies were left unmerged; and every frame is exactly one of free, allocated (per the
 * model) or reserved, so free blocks overlap neither each other nor a live block.
 */
static void check_zone(struct fixture *f)
{
	struct zone *z = &f->z;
	unsigned char *is_free = calloc(z->nr_pages, 1);
	unsigned long frames_on_lists = 0, blocks_on_lists = 0, marked = 0, i;
	unsigned int order;

	assert_non_null(is_free);
	for (order = 0; order < MAX_ORDER; order++) {
		unsigned long count = 0;
		struct page *page;

		list_for_each_entry(page, &z->free_area[order].free_list, lru) {
			check_free_block(z, is_free, page, order);
			count++;
		}
		expect_ul(count, z->free_area[order].nr_free,
			  "free_area[%u]: blocks on the list vs nr_free", order);
		blocks_on_lists += count;
		frames_on_lists += count << order;
	}
	expect_ul(frames_on_lists, z->free_pages, "frames on the free lists vs zone->free_pages");

	for (i = 0; i < z->nr_pages; i++) {
		const struct page *page = &z->mem_map[i];
		unsigned long reserved = test_page_flag(page, PG_reserved);

		expect_ul(is_free[i] + f->owned[i] + reserved, 1,
			  "frame %#lx is free %u, allocated %u, reserved %lu; how many of these",
			  z->base_pfn + i, is_free[i], f->owned[i], reserved);
		marked += test_page_flag(page, PG_buddy);
	}
	expect_ul(marked, blocks_on_lists, "pages with PG_buddy vs blocks on the free lists");
	free(is_free);
}

/* After everything was freed, the lists must be as they were after boot, block for block. */
static void expect_initial_state(struct fixture *f)
{
	unsigned int order;

	expect_ul(f->nr_live, 0, "live blocks before comparing with the initial state");
	for (order = 0; order < MAX_ORDER; order++)
		expect_ul(f->z.free_area[order].nr_free, f->initial_nr_free[order],
			  "free_area[%u].nr_free after freeing everything", order);
	expect_ul(f->z.free_pages, f->initial_free_pages, "free_pages after freeing everything");
	check_zone(f);
}

/*
 * buddy_alloc() checked against the model. A NULL is right only if no block of the order
 * or above is free; a block must be aligned, inside the zone, and made of frames nobody owns.
 */
static struct page *model_alloc(struct fixture *f, unsigned int order)
{
	struct zone *z = &f->z;
	struct page *page = buddy_alloc(z, order);
	unsigned long size = 1UL << order, pfn, i;
	unsigned int o;

	if (!page) {
		for (o = order; o < MAX_ORDER; o++)
			expect_ul(z->free_area[o].nr_free, 0,
				  "buddy_alloc(order %u) gave NULL; free_area[%u].nr_free", order,
				  o);
		return NULL;
	}

	pfn = zone_page_to_pfn(z, page);
	expect_true(zone_contains_pfn(z, pfn) && pfn + size <= zone_end_pfn(z),
		    "buddy_alloc(order %u): expected a block inside [%#lx, %#lx), "
		    "seen [%#lx, %#lx)", order, z->base_pfn, zone_end_pfn(z), pfn, pfn + size);
	expect_ul(pfn % size, 0, "buddy_alloc(order %u) at pfn %#lx: pfn modulo 2^order", order,
		  pfn);
	expect_ul(page->_refcount, 1, "buddy_alloc(order %u) at pfn %#lx: refcount", order, pfn);
	expect_ul(test_page_flag(page, PG_buddy), 0, "buddy_alloc(order %u) at pfn %#lx: PG_buddy",
		  order, pfn);
	expect_ul(test_page_flag(page, PG_reserved), 0,
		  "buddy_alloc(order %u) at pfn %#lx: PG_reserved", order, pfn);
	for (i = pfn - z->base_pfn; i < pfn - z->base_pfn + size; i++) {
		expect_ul(f->owned[i], 0, "buddy_alloc(order %u) at pfn %#lx: frame %#lx owned",
			  order, pfn, z->base_pfn + i);
		f->owned[i] = 1;
	}
	f->live[f->nr_live++] = (struct live_block){ pfn, order };
	f->allocated += size;
	expect_ul(z->free_pages, f->initial_free_pages - f->allocated,
		  "free_pages after buddy_alloc(order %u)", order);
	return page;
}

/* Frees live block number idx; the last live block takes its slot. */
static void model_free(struct fixture *f, unsigned long idx)
{
	struct zone *z = &f->z;
	struct live_block b = f->live[idx];
	unsigned long size = 1UL << b.order, i;

	f->live[idx] = f->live[--f->nr_live];
	buddy_free(z, zone_pfn_to_page(z, b.pfn), b.order);
	for (i = b.pfn - z->base_pfn; i < b.pfn - z->base_pfn + size; i++)
		f->owned[i] = 0;
	f->allocated -= size;
	expect_ul(z->free_pages, f->initial_free_pages - f->allocated,
		  "free_pages after buddy_free(pfn %#lx, order %u)", b.pfn, b.order);
}

static void model_free_all(struct fixture *f)
{
	while (f->nr_live)
		model_free(f, f->nr_live - 1);
}

/* Allocates blocks of one order until buddy_alloc() says NULL; returns how many it got. */
static unsigned long alloc_until_null(struct fixture *f, unsigned int order)
{
	unsigned long n = 0;

	while (model_alloc(f, order))
		n++;
	return n;
}

/* How many aligned blocks of the order fit wholly inside [start, end). */
static unsigned long aligned_blocks_in(unsigned long start, unsigned long end, unsigned int order)
{
	unsigned long first = ALIGN_UP(start, 1UL << order);
	unsigned long last = ALIGN_DOWN(end, 1UL << order);

	return last > first ? (last - first) >> order : 0;
}

static void alloc_returns_aligned_blocks_of_each_order(void **state)
{
	struct fixture *f = *state;
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++)
		expect_true(model_alloc(f, order) != NULL,
			    "buddy_alloc(order %u): expected a block, seen NULL", order);
	/* 4 MiB blocks must be 4 MiB aligned in physical memory, not only within the zone. */
	expect_ul((f->live[MAX_ORDER - 1].pfn << PAGE_SHIFT) % (PAGE_SIZE << (MAX_ORDER - 1)), 0,
		  "physical address of the order-%u block modulo 4 MiB", MAX_ORDER - 1);
	expect_true(buddy_alloc(&f->z, MAX_ORDER) == NULL,
		    "buddy_alloc(MAX_ORDER): expected NULL, seen a block");
	check_zone(f);
	model_free_all(f);
	expect_initial_state(f);
}

static void free_coalesces_back_to_max_order_blocks(void **state)
{
	struct fixture *f = *state;
	unsigned long nr = f->z.nr_pages, i;
	unsigned int order;

	expect_ul(f->z.free_area[MAX_ORDER - 1].nr_free, nr >> (MAX_ORDER - 1),
		  "order-%u blocks after buddy_free_range over the zone", MAX_ORDER - 1);
	expect_ul(alloc_until_null(f, 0), nr, "single frames allocated from a full zone");
	for (order = 0; order < MAX_ORDER; order++)
		expect_ul(f->z.free_area[order].nr_free, 0, "free_area[%u] with every frame taken",
			  order);

	/* Free in a scattered order (7919 is odd, so i * 7919 visits every index once). */
	for (i = 0; i < nr; i++) {
		struct live_block b = f->live[(i * 7919) % nr];

		buddy_free(&f->z, zone_pfn_to_page(&f->z, b.pfn), 0);
		f->owned[b.pfn - f->z.base_pfn] = 0;
	}
	f->nr_live = 0;
	f->allocated = 0;
	for (order = 0; order < MAX_ORDER - 1; order++)
		expect_ul(f->z.free_area[order].nr_free, 0,
			  "free_area[%u] after freeing every frame", order);
	expect_initial_state(f);
}

static void split_leaves_upper_halves_on_lower_lists(void **state)
{
	struct fixture *f = *state;
	unsigned long base = f->z.base_pfn;
	struct page *page;
	unsigned int order;

	page = model_alloc(f, 0);
	expect_true(page != NULL, "buddy_alloc(0) from one block: expected a frame, seen NULL");
	expect_ul(zone_page_to_pfn(&f->z, page), base, "pfn of the first frame allocated");

	/* The order-10 block was split ten times; each split left its upper half one order down. */
	for (order = 0; order < MAX_ORDER - 1; order++) {
		struct list_head *list = &f->z.free_area[order].free_list;

		expect_ul(f->z.free_area[order].nr_free, 1, "free_area[%u].nr_free after the split",
			  order);
		page = list_first_entry(list, struct page, lru);
		expect_ul(zone_page_to_pfn(&f->z, page), base + (1UL << order),
			  "pfn of the block on free_area[%u]", order);
	}
	expect_ul(f->z.free_area[MAX_ORDER - 1].nr_free, 0, "free_area[%u] after the split",
		  MAX_ORDER - 1);
	check_zone(f);

	/* The smallest block that fits is used: the next frame is the order-0 upper half. */
	page = model_alloc(f, 0);
	expect_true(page != NULL, "second buddy_alloc(0): expected a frame, seen NULL");
	expect_ul(zone_page_to_pfn(&f->z, page), base + 1, "pfn of the second frame allocated");
	check_zone(f);

	model_free_all(f);
	expect_initial_state(f);
}

static void exhaustion_returns_null_and_counts_stay_consistent(void **state)
{
	struct fixture *f = *state;
	unsigned long nr = f->z.nr_pages, n;
	struct page *page;
	struct live_block victim;
	unsigned int order;

	expect_ul(alloc_until_null(f, 3), nr / 8, "order-3 blocks allocated from a full zone");
	expect_ul(f->z.free_pages, 0, "free_pages with the zone exhausted");
	for (order = 0; order < MAX_ORDER; order++) {
		expect_true(buddy_alloc(&f->z, order) == NULL,
			    "buddy_alloc(%u) on an exhausted zone: expected NULL, seen a block",
			    order);
		expect_ul(f->z.free_area[order].nr_free, 0,
			  "free_area[%u] after failed allocations", order);
	}
	expect_ul(f->z.free_pages, 0, "free_pages after failed allocations");
	check_zone(f);

	/* One block back: exactly that block can be had again, and nothing larger. */
	n = f->nr_live / 2;
	victim = f->live[n];
	model_free(f, n);
	expect_true(model_alloc(f, 4) == NULL,
		    "buddy_alloc(4) with only 8 frames free: expected NULL, seen a block");
	page = model_alloc(f, 3);
	expect_true(page != NULL, "buddy_alloc(3) after freeing one: expected a block, seen NULL");
	expect_ul(zone_page_to_pfn(&f->z, page), victim.pfn, "pfn of the block allocated again");
	check_zone(f);

	model_free_all(f);
	expect_initial_state(f);
}

static void unaligned_zone_edges(void **state)
{
	struct fixture *f = *state;
	unsigned long start = f->z.base_pfn, end = zone_end_pfn(&f->z);
	unsigned int order;

	expect_true(start % 2 == 1 && f->z.nr_pages % 2 == 1,
		    "odd_zone: expected an odd base and size, seen base %#lx size %lu", start,
		    f->z.nr_pages);
	/* The first frame has its buddy outside the zone, so it stays alone at order 0. */
	expect_ul(test_page_flag(&f->z.mem_map[0], PG_buddy), 1, "PG_buddy of the first frame");
	expect_ul(f->z.mem_map[0].private, 0, "order of the free block at the first frame");
	check_zone(f);

	for (order = 0; order < MAX_ORDER; order++) {
		expect_ul(alloc_until_null(f, order), aligned_blocks_in(start, end, order),
			  "order-%u blocks allocated from [%#lx, %#lx)", order, start, end);
		check_zone(f);
		model_free_all(f);
		expect_initial_state(f);
	}
}

/* xorshift64: a fixed seed gives the same 10,000 operations on every run. */
static uint64_t rng_state;

static uint32_t rng_next(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 32);
}

/* Mostly small orders, as a kernel asks for, with enough large ones to run out. */
static unsigned int random_order(void)
{
	uint32_t r = rng_next() % 100;

	if (r < 50)
		return rng_next() % 3;
	if (r < 85)
		return 3 + rng_next() % 4;
	return 7 + rng_next() % 4;
}

static void random_alloc_free_against_model(void **state)
{
	struct fixture *f = *state;
	unsigned long step, nr_null = 0, nr_alloc = 0;

	expect_ul(f->initial_free_pages, f->z.nr_pages, "free_pages after giving the whole zone");
	rng_state = 0x5eedb0dd1e5ULL;
	for (step = 0; step < 10000; step++) {
		if (f->nr_live == 0 || rng_next() % 100 < 55) {
			if (model_alloc(f, random_order()))
				nr_alloc++;
			else
				nr_null++;
		} else {
			model_free(f, rng_next() % f->nr_live);
		}
		expect_ul(f->z.free_pages, f->z.nr_pages - f->allocated,
			  "step %lu: free_pages vs zone size minus allocated frames", step);
		if (step % 500 == 0)
			check_zone(f);
	}
	/* Otherwise the run proved nothing about running out. */
	expect_true(nr_null > 0 && nr_alloc > 1000,
		    "expected both failed and >1000 successful allocations, seen %lu and %lu",
		    nr_null, nr_alloc);
	check_zone(f);
	model_free_all(f);
	expect_initial_state(f);
}

static void reserved_holes_are_never_allocated(void **state)
{
	struct fixture *f = *state;
	unsigned long base = f->z.base_pfn, i;
	const unsigned long ranges[2][2] = {
		{ base + 10, base + 1000 },
		{ base + 3000, base + 20005 },
	};
	unsigned long given = 0;
	unsigned int order;

	for (i = 0; i < 2; i++) {
		buddy_free_range(&f->z, ranges[i][0], ranges[i][1]);
		given += ranges[i][1] - ranges[i][0];
	}
	remember_initial_state(f);
	expect_ul(f->z.free_pages, given, "free_pages after giving two ranges");
	check_zone(f);

	for (order = 0; order < MAX_ORDER; order++) {
		unsigned long expected = aligned_blocks_in(ranges[0][0], ranges[0][1], order) +
					 aligned_blocks_in(ranges[1][0], ranges[1][1], order);

		/* check_zone() proves no live block covers a reserved frame. */
		expect_ul(alloc_until_null(f, order), expected,
			  "order-%u blocks allocated from the two ranges", order);
		check_zone(f);
		model_free_all(f);
	}
	for (i = 0; i < f->z.nr_pages; i++) {
		const struct page *page = &f->z.mem_map[i];
		unsigned long pfn = base + i;
		bool in_hole = !(pfn >= ranges[0][0] && pfn < ranges[0][1]) &&
			       !(pfn >= ranges[1][0] && pfn < ranges[1][1]);

		if (!in_hole)
			continue;
		expect_ul(test_page_flag(page, PG_reserved), 1, "PG_reserved of hole frame %#lx",
			  pfn);
		expect_ul(page->_refcount, 1, "refcount of hole frame %#lx", pfn);
		expect_ul((unsigned long)page->_mapcount, (unsigned long)-1,
			  "mapcount of hole frame %#lx", pfn);
	}
	expect_initial_state(f);
}

/*
 * Runs call(arg) in a child, which must die of the SIGABRT that BUG_ON raises on the host.
 * The child's stderr (the BUG_ON report) is kept out of the test output and shown only if
 * the expectation fails.
 */
static void expect_bug_on(const char *what, void (*call)(void *arg), void *arg)
{
	char report[2048];
	size_t len = 0;
	int fds[2], status;
	pid_t pid;

	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], STDERR_FILENO);
		call(arg);
		_exit(0);
	}
	close(fds[1]);
	for (;;) {
		char chunk[256];
		ssize_t n = read(fds[0], chunk, sizeof(chunk));
		size_t keep;

		if (n <= 0)
			break;
		keep = min((size_t)n, sizeof(report) - 1 - len);
		memcpy(report + len, chunk, keep);
		len += keep;
	}
	report[len] = '\0';
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);

	if (WIFEXITED(status))
		fail_msg("%s: expected a BUG_ON (SIGABRT), seen exit status %d\n%s", what,
			 WEXITSTATUS(status), report);
	expect_true(WTERMSIG(status) == SIGABRT && strstr(report, "BUG_ON(") != NULL,
		    "%s: expected a BUG_ON (SIGABRT), seen signal %d\n%s", what, WTERMSIG(status),
		    report);
}

struct free_call {
	struct zone *z;
	unsigned long pfn;
	unsigned int order;
};

static void call_buddy_free(void *arg)
{
	struct free_call *c = arg;

	buddy_free(c->z, zone_pfn_to_page(c->z, c->pfn), c->order);
}

static void expect_free_is_bug(struct fixture *f, const char *what, unsigned long pfn,
			       unsigned int order)
{
	struct free_call c = { &f->z, pfn, order };

	expect_bug_on(what, call_buddy_free, &c);
}

static unsigned long alloc_pfn(struct fixture *f, unsigned int order)
{
	struct page *page = model_alloc(f, order);

	expect_true(page != NULL, "buddy_alloc(%u): expected a block, seen NULL", order);
	return zone_page_to_pfn(&f->z, page);
}

static void double_free_is_caught(void **state)
{
	struct fixture *f = *state;
	unsigned long pfn = alloc_pfn(f, 2);

	model_free(f, 0); /* the first free is legal and must not trip anything */
	expect_free_is_bug(f, "second buddy_free of an order-2 block", pfn, 2);
	expect_initial_state(f);
}

/*
 * The harder case: once a freed frame has merged into its lower buddy it no longer heads a
 * free block and carries no PG_buddy of its own.
 */
static void double_free_after_merge_is_caught(void **state)
{
	struct fixture *f = *state;
	unsigned long low = alloc_pfn(f, 0), high = alloc_pfn(f, 0);

	expect_ul(high, low ^ 1, "pfn of the second frame (the buddy of the first)");
	model_free(f, 0);
	model_free(f, 0);
	expect_initial_state(f);
	expect_free_is_bug(f, "second buddy_free of a frame merged into its buddy", high, 0);
}

static void free_of_reserved_frame_is_caught(void **state)
{
	struct fixture *f = *state;
	unsigned long base = f->z.base_pfn, given;

	/* Only base+16..base+23 are given: one order-3 block with reserved frames around it. */
	buddy_free_range(&f->z, base + 16, base + 24);
	remember_initial_state(f);
	given = alloc_pfn(f, 3);
	expect_ul(given, base + 16, "pfn of the only order-3 block");

	expect_free_is_bug(f, "buddy_free of a reserved frame", base, 0);
	expect_free_is_bug(f, "buddy_free of a block that starts in reserved frames", base, 5);
	expect_free_is_bug(f, "buddy_free at order 4 of an order-3 block before reserved frames",
			   given, 4);
	model_free(f, 0);
	expect_initial_state(f);
}

static void free_with_wrong_order_is_caught(void **state)
{
	struct fixture *f = *state;
	unsigned long pair, low, high, quad;

	/* pair's buddy stays free: freeing pair at order 2 would hand those frames out twice. */
	pair = alloc_pfn(f, 1);
	expect_free_is_bug(f, "buddy_free at order 2 reaching into a free block", pair, 2);

	/* Now the buddy is split and allocated as two frames. */
	low = alloc_pfn(f, 0);
	high = alloc_pfn(f, 0);
	expect_ul(low, pair + 2, "pfn of the first order-0 frame (from pair's buddy)");
	expect_ul(high, low + 1, "pfn of the second order-0 frame");
	/* Frames 1 and 2 of an order-2 block are neither free nor referenced: alignment tells. */
	quad = alloc_pfn(f, 2);
	expect_free_is_bug(f, "buddy_free at order 1 from the second frame of an order-2 block",
			   quad + 1, 1);
	expect_free_is_bug(f, "buddy_free at order 1 reaching into another allocation", low, 1);
	expect_free_is_bug(f, "buddy_free at order 2 reaching into other allocations", pair, 2);
	expect_free_is_bug(f, "buddy_free at order MAX_ORDER", pair, MAX_ORDER);

	model_free_all(f);
	expect_initial_state(f);
}

struct range_call {
	struct zone *z;
	unsigned long start_pfn, end_pfn;
};

static void call_buddy_free_range(void *arg)
{
	struct range_call *c = arg;

	buddy_free_range(c->z, c->start_pfn, c->end_pfn);
}

static void giving_a_frame_twice_or_outside_the_zone_is_caught(void **state)
{
	struct fixture *f = *state;
	unsigned long base = f->z.base_pfn;
	struct range_call overlap = { &f->z, base + 100, base + 300 };
	struct range_call outside = { &f->z, base + 300, base + f->z.nr_pages + 1 };

	buddy_free_range(&f->z, base, base + 200);
	expect_bug_on("buddy_free_range over frames already given", call_buddy_free_range,
		      &overlap);
	expect_bug_on("buddy_free_range past the end of the zone", call_buddy_free_range,
		      &outside);
}

#define zone_test(f, shape) cmocka_unit_test_prestate_setup_teardown(f, zone_setup, zone_teardown, \
								     &shape)

int main(void)
{
	const struct CMUnitTest tests[] = {
		zone_test(alloc_returns_aligned_blocks_of_each_order, big_zone),
		zone_test(free_coalesces_back_to_max_order_blocks, big_zone),
		zone_test(split_leaves_upper_halves_on_lower_lists, one_block_zone),
		zone_test(exhaustion_returns_null_and_counts_stay_consistent, big_zone),
		zone_test(unaligned_zone_edges, odd_zone),
		zone_test(random_alloc_free_against_model, big_zone),
		{ "random_alloc_free_against_model_odd_zone", random_alloc_free_against_model,
		  zone_setup, zone_teardown, &odd_zone },
		zone_test(reserved_holes_are_never_allocated, reserved_zone),
		zone_test(double_free_is_caught, big_zone),
		zone_test(double_free_after_merge_is_caught, one_block_zone),
		zone_test(free_of_reserved_frame_is_caught, reserved_zone),
		zone_test(free_with_wrong_order_is_caught, one_block_zone),
		zone_test(giving_a_frame_twice_or_outside_the_zone_is_caught, reserved_zone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
