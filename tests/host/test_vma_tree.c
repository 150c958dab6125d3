// SPDX-License-Identifier: MIT
/*
 * Host tests of the VMA tree, split and merge (mm/vma_tree.c, mm/vma_split.c,
 * mm/vma_merge.c).
 *
 * The random test keeps a model: a sorted array of intervals with the fields that matter,
 * changed by its own simple code for every operation it applies to the real mm. After each
 * operation check_mm() compares everything: the list and its back links, the tree's order,
 * colours and parent pointers, map_count, highest_vm_end, every node's rb_subtree_gap
 * (recomputed from the model's intervals), find_vma*, and unmapped_area* against a search of
 * the model's holes one by one.
 *
 * BUG_ON in the code under test calls panic(), which this file provides: it fails the test
 * with the message, or satisfies expect_assert_failure() in the tests that expect it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mm/vma.h>
#include <kernel/errno.h>
#include <kernel/panic.h>

#define NOMEM	  ((unsigned long)-ENOMEM)
#define P(n)	  ((unsigned long)(n)*PAGE_SIZE) /* n pages, as an address or a length */
#define TASK_SIZE 0x80000000UL			 /* top of user space (asm/memory.h) */

void panic(const char *fmt, ...)
{
	static char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	mock_assert(0, msg, __FILE__, __LINE__); /* longjmps */
	abort();
}

void __warn(const char *file, int line, const char *cond)
{
	fail_msg("WARN_ON(%s) at %s:%d", cond, file, line);
}

/* Fake files and anon_vmas: only their addresses are compared. */
static char file_a_obj, file_b_obj, anon_x_obj;
#define FILE_A ((struct file *)&file_a_obj)
#define FILE_B ((struct file *)&file_b_obj)
#define ANON_X ((struct anon_vma *)&anon_x_obj)
static char anon_y_obj;
#define ANON_Y ((struct anon_vma *)&anon_y_obj)

static void ops_close(struct vm_area_struct *vma) {}

static const struct vm_operations_struct file_ops = {.open = NULL};
static const struct vm_operations_struct closing_ops = {.close = ops_close};

static void mm_init(struct mm_struct *mm)
{
	memset(mm, 0, sizeof(*mm));
	mm->mm_rb = RB_ROOT;
}

/* Fill vma for [start, end) with the given file and offset (anonymous: pgoff = start page). */
static void init_vma(struct vm_area_struct *vma, struct mm_struct *mm, unsigned long start,
		     unsigned long end, struct file *file, unsigned long pgoff)
{
	memset(vma, 0, sizeof(*vma));
	vma->vm_mm = mm;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE;
	vma->vm_page_prot = 3;
	vma->vm_file = file;
	vma->vm_ops = file ? &file_ops : NULL;
	vma->vm_pgoff = file ? pgoff : start >> PAGE_SHIFT;
	INIT_LIST_HEAD(&vma->anon_vma_chain);
}

static struct vm_area_struct *new_vma(struct mm_struct *mm, unsigned long start, unsigned long end,
				      struct file *file, unsigned long pgoff)
{
	struct vm_area_struct *vma = malloc(sizeof(*vma));

	assert_non_null(vma);
	init_vma(vma, mm, start, end, file, pgoff);
	return vma;
}

static struct vm_area_struct *map(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = new_vma(mm, start, end, NULL, 0);

	vma_link(mm, vma);
	return vma;
}

static void unmap_all(struct mm_struct *mm)
{
	while (mm->mmap) {
		struct vm_area_struct *vma = mm->mmap;

		vma_unlink(mm, vma);
		free(vma);
	}
	assert_null(mm->mm_rb.rb_node);
	assert_int_equal(mm->map_count, 0);
}

/* ---- the model ------------------------------------------------------------------------------ */

struct mvma {
	unsigned long start, end, flags, pgoff;
	u32 prot;
	struct file *file;
	const struct vm_operations_struct *ops;
	struct anon_vma *anon;
	struct vm_area_struct *vma; /* the real VMA that should hold this range */
};

#define MODEL_MAX 4096
static struct mvma model[MODEL_MAX];
static int model_n;
static unsigned long cur_op; /* for failure messages */

/* What the random test did, so that it can check it tested something. */
static struct {
	unsigned long bridged, grew_prev, grew_next, no_merge, merged_with_next, split;
	unsigned long area_fit, area_nomem;
} seen;
static const char *cur_what = "";

#define expect_ul(seen, expected, ...)                                                             \
	do {                                                                                       \
		unsigned long seen_ = (seen), expected_ = (expected);                              \
		if (seen_ != expected_) {                                                          \
			char what_[256];                                                           \
			snprintf(what_, sizeof(what_), __VA_ARGS__);                               \
			fail_msg("op %lu (%s): %s: expected %#lx, seen %#lx", cur_op, cur_what,    \
				 what_, expected_, seen_);                                         \
		}                                                                                  \
	} while (0)

#define expect_ptr(seen, expected, ...)                                                            \
	do {                                                                                       \
		const void *seen_ = (seen), *expected_ = (expected);                               \
		if (seen_ != expected_) {                                                          \
			char what_[256];                                                           \
			snprintf(what_, sizeof(what_), __VA_ARGS__);                               \
			fail_msg("op %lu (%s): %s: expected %p, seen %p", cur_op, cur_what, what_, \
				 expected_, seen_);                                                \
		}                                                                                  \
	} while (0)

#define expect_true(cond, count, what)                                                             \
	do {                                                                                       \
		if (!(cond))                                                                       \
			fail_msg("%s: expected %s, seen %lu times", what, #cond, count);           \
	} while (0)

static unsigned long model_pages(const struct mvma *m)
{
	return (m->end - m->start) >> PAGE_SHIFT;
}

static void model_insert_at(int i, struct mvma m)
{
	assert_true(model_n < MODEL_MAX);
	memmove(&model[i + 1], &model[i], (model_n - i) * sizeof(model[0]));
	model[i] = m;
	model_n++;
}

static void model_remove_at(int i)
{
	memmove(&model[i], &model[i + 1], (model_n - i - 1) * sizeof(model[0]));
	model_n--;
}

/* Index of the first interval with end > addr (model_n if none): find_vma's definition. */
static int model_find(unsigned long addr)
{
	int i;

	for (i = 0; i < model_n; i++)
		if (model[i].end > addr)
			break;
	return i;
}

static bool model_overlaps(unsigned long start, unsigned long end)
{
	int i = model_find(start);

	return i < model_n && model[i].start < end;
}

/* The merge rule, written out again from docs/vma.md. */
static bool model_can_merge(const struct mvma *a, const struct mvma *b)
{
	return a->end == b->start && a->flags == b->flags && a->prot == b->prot &&
	       !(a->flags & VM_NONLINEAR) && a->file == b->file && a->ops == b->ops &&
	       !(a->ops && a->ops->close) && (!a->anon || !b->anon || a->anon == b->anon) &&
	       (!a->file || a->pgoff + model_pages(a) == b->pgoff);
}

/* The holes between the model's intervals, lowest first; the last is open-ended. */
static unsigned long hole_start(int i)
{
	return i == 0 ? 0 : model[i - 1].end;
}

static unsigned long hole_end(int i)
{
	return i == model_n ? ~0UL : model[i].start;
}

static unsigned long brute_lowest(unsigned long len, unsigned long low, unsigned long high,
				  unsigned long mask)
{
	int i;

	if (len == 0)
		return NOMEM;
	for (i = 0; i <= model_n; i++) {
		unsigned long s = hole_start(i) > low ? hole_start(i) : low;
		unsigned long e = hole_end(i) < high ? hole_end(i) : high;

		if (s > ~0UL - mask)
			continue; /* aligning up would wrap around */
		s = (s + mask) & ~mask;
		if (s < e && e - s >= len)
			return s;
	}
	return NOMEM;
}

static unsigned long brute_highest(unsigned long len, unsigned long low, unsigned long high,
				   unsigned long mask)
{
	int i;

	if (len == 0)
		return NOMEM;
	for (i = model_n; i >= 0; i--) {
		unsigned long s = hole_start(i) > low ? hole_start(i) : low;
		unsigned long e = hole_end(i) < high ? hole_end(i) : high;

		if (s < e && e - s >= len && ((e - len) & ~mask) >= s)
			return (e - len) & ~mask;
	}
	return NOMEM;
}

/* ---- the checker ---------------------------------------------------------------------------- */

static unsigned long model_gap_of(const struct vm_area_struct *vma)
{
	int lo = 0, hi = model_n - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;

		if (model[mid].start == vma->vm_start)
			return model[mid].start - hole_start(mid);
		if (model[mid].start < vma->vm_start)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	fail_msg("op %lu (%s): VMA at %#lx is not in the model", cur_op, cur_what, vma->vm_start);
	return 0;
}

/* Colours, parents and rb_subtree_gap of the subtree; returns its black height. */
static unsigned long check_node(struct rb_node *node, struct rb_node *parent,
				unsigned long *max_gap)
{
	struct vm_area_struct *vma;
	unsigned long lbh, rbh, lgap = 0, rgap = 0, gap;

	*max_gap = 0;
	if (!node)
		return 1;
	vma = rb_entry(node, struct vm_area_struct, vm_rb);
	expect_ptr(rb_parent(node), parent, "parent of the VMA at %#lx", vma->vm_start);
	if (rb_is_red(node) && (rb_is_red(node->rb_left) || rb_is_red(node->rb_right)))
		fail_msg("op %lu (%s): red VMA at %#lx has a red child", cur_op, cur_what,
			 vma->vm_start);
	lbh = check_node(node->rb_left, node, &lgap);
	rbh = check_node(node->rb_right, node, &rgap);
	expect_ul(rbh, lbh, "black height right of the VMA at %#lx", vma->vm_start);
	gap = model_gap_of(vma);
	if (lgap > gap)
		gap = lgap;
	if (rgap > gap)
		gap = rgap;
	expect_ul(vma->rb_subtree_gap, gap, "rb_subtree_gap of the VMA at %#lx", vma->vm_start);
	*max_gap = gap;
	return lbh + rb_is_black(node);
}

static unsigned long rnd_state = 88172645463325252UL;

static unsigned long rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return rnd_state;
}

static unsigned long rnd_below(unsigned long n)
{
	return n ? rnd() % n : 0;
}

/* Addresses that are interesting to ask about: near VMAs' edges, in holes, at the ends. */
static unsigned long interesting_addr(void)
{
	switch (rnd_below(6)) {
	case 0:
		return 0;
	case 1:
		return TASK_SIZE - P(rnd_below(3));
	case 2:
		if (model_n) {
			const struct mvma *m = &model[rnd_below(model_n)];

			return (rnd() & 1 ? m->start : m->end) + P(rnd_below(3)) - P(1);
		}
		/* fall through */
	default:
		return (rnd() & 1 ? 0 : TASK_SIZE - P(3000)) + P(rnd_below(3000));
	}
}

static void check_find(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *prev = (void *)1, *vma;
	int i = model_find(addr);
	struct vm_area_struct *expect = i < model_n ? model[i].vma : NULL;
	struct vm_area_struct *expect_prev = i > 0 ? model[i - 1].vma : NULL;
	unsigned long len = P(1 + rnd_below(8));

	expect_ptr(find_vma(mm, addr), expect, "find_vma(%#lx)", addr);
	vma = find_vma_prev(mm, addr, &prev);
	expect_ptr(vma, expect, "find_vma_prev(%#lx)", addr);
	expect_ptr(prev, expect_prev, "find_vma_prev(%#lx)'s *pprev", addr);
	expect_ptr(find_vma_intersection(mm, addr, addr + len),
		   expect && model[i].start < addr + len ? expect : NULL,
		   "find_vma_intersection(%#lx, %#lx)", addr, addr + len);
}

static void check_area(struct mm_struct *mm, unsigned long len, unsigned long low,
		       unsigned long high, unsigned long mask)
{
	if (brute_lowest(len, low, high, mask) == NOMEM)
		seen.area_nomem++;
	else
		seen.area_fit++;
	expect_ul(unmapped_area(mm, len, low, high, mask), brute_lowest(len, low, high, mask),
		  "unmapped_area(len %#lx, low %#lx, high %#lx, align %#lx)", len, low, high, mask);
	expect_ul(unmapped_area_topdown(mm, len, low, high, mask),
		  brute_highest(len, low, high, mask),
		  "unmapped_area_topdown(len %#lx, low %#lx, high %#lx, align %#lx)", len, low,
		  high, mask);
}

static void check_random_area(struct mm_struct *mm)
{
	static const unsigned long masks[] = {0, 0, 0, P(4) - 1, P(16) - 1};
	unsigned long len, low, high;

	switch (rnd_below(8)) {
	case 0:
		len = P(1 + rnd_below(0x80000)); /* up to all of user space */
		break;
	case 1:
		len = P(1 + rnd_below(300));
		break;
	default:
		len = P(1 + rnd_below(20));
	}
	low = rnd() & 1 ? 0 : interesting_addr() & PAGE_MASK;
	high = rnd() & 1 ? TASK_SIZE : interesting_addr() & PAGE_MASK;
	check_area(mm, len, low, high, masks[rnd_below(ARRAY_SIZE(masks))]);
}

static void check_mm(struct mm_struct *mm, int queries)
{
	struct vm_area_struct *vma, *prev = NULL;
	struct rb_node *node;
	unsigned long root_gap;
	int i = 0;

	/* the list, against the model */
	for (vma = mm->mmap; vma; prev = vma, vma = vma->vm_next, i++) {
		if (i >= model_n)
			fail_msg("op %lu (%s): the list has more than the model's %d VMAs", cur_op,
				 cur_what, model_n);
		expect_ptr(vma, model[i].vma, "VMA %d of the list", i);
		expect_ptr(vma->vm_prev, prev, "vm_prev of VMA %d", i);
		expect_ul(vma->vm_start, model[i].start, "vm_start of VMA %d", i);
		expect_ul(vma->vm_end, model[i].end, "vm_end of VMA %d", i);
		expect_ul(vma->vm_pgoff, model[i].pgoff, "vm_pgoff of VMA %d", i);
		expect_ul(vma->vm_flags, model[i].flags, "vm_flags of VMA %d", i);
		expect_ul(vma->vm_page_prot, model[i].prot, "vm_page_prot of VMA %d", i);
		expect_ptr(vma->vm_file, model[i].file, "vm_file of VMA %d", i);
		expect_ptr(vma->vm_ops, model[i].ops, "vm_ops of VMA %d", i);
		expect_ptr(vma->anon_vma, model[i].anon, "anon_vma of VMA %d", i);
		expect_ptr(vma->vm_mm, mm, "vm_mm of VMA %d", i);
	}
	expect_ul(i, model_n, "number of VMAs on the list");
	expect_ul(mm->map_count, model_n, "map_count");
	expect_ul(mm->highest_vm_end, model_n ? model[model_n - 1].end : 0, "highest_vm_end");

	/* the tree: same order as the list, red-black, gaps */
	i = 0;
	for (node = rb_first(&mm->mm_rb); node; node = rb_next(node), i++)
		expect_ptr(rb_entry(node, struct vm_area_struct, vm_rb),
			   i < model_n ? model[i].vma : NULL, "VMA %d in tree order", i);
	expect_ul(i, model_n, "number of VMAs in the tree");
	if (rb_is_red(mm->mm_rb.rb_node))
		fail_msg("op %lu (%s): the root is red", cur_op, cur_what);
	check_node(mm->mm_rb.rb_node, NULL, &root_gap);

	/* lookups */
	for (i = 0; i < queries; i++) {
		check_find(mm, interesting_addr());
		check_random_area(mm);
	}
}

/* ---- the random operations ------------------------------------------------------------------ */

/* A place for a new mapping: often right against an existing VMA, so that merges happen. */
static bool pick_free_range(unsigned long *start, unsigned long *end)
{
	int tries;

	for (tries = 0; tries < 20; tries++) {
		unsigned long len = P(1 + rnd_below(16));

		int i = rnd_below(model_n);

		switch (model_n ? rnd_below(5) : 4) {
		case 0:
			*start = model[i].end;
			break;
		case 1:
			*start = model[i].start - len;
			break;
		case 2:
			/* exactly the hole between two VMAs, if it is small */
			if (i + 1 < model_n && model[i + 1].start - model[i].end <= P(16)) {
				*start = model[i].end;
				len = model[i + 1].start - model[i].end;
				if (len == 0)
					continue;
			} else {
				*start = model[i].end;
			}
			break;
		default:
			*start = (rnd() & 1 ? 0 : TASK_SIZE - P(2048)) + P(rnd_below(2048));
		}
		*end = *start + len;
		if (*start < *end && *end <= TASK_SIZE && !model_overlaps(*start, *end))
			return true;
	}
	return false;
}

/* Fields of a new mapping, drawn so that neighbours often (not always) agree. */
static struct mvma random_mapping(unsigned long start, unsigned long end)
{
	struct mvma m = {.start = start, .end = end};
	int left = model_find(start) - 1; /* the interval below, if any */

	if (left >= 0 && rnd_below(2)) {
		/* like the VMA below, continuing its file offsets: it may merge */
		m = model[left];
		m.start = start;
		m.end = end;
		m.pgoff = m.file ? m.pgoff + model_pages(&model[left]) : start >> PAGE_SHIFT;
		m.vma = NULL;
		return m;
	}
	m.flags = VM_READ | VM_MAYREAD | (rnd_below(4) ? VM_WRITE | VM_MAYWRITE : 0);
	if (rnd_below(30) == 0)
		m.flags |= VM_NONLINEAR;
	m.prot = m.flags & 3;
	if (rnd_below(20) == 0)
		m.prot |= 0x10;
	m.anon = rnd_below(8) == 0 ? ANON_X : rnd_below(8) == 0 ? ANON_Y : NULL;
	if (rnd_below(2)) {
		m.file = rnd_below(4) ? FILE_A : FILE_B;
		m.ops = rnd_below(15) ? &file_ops : &closing_ops;
		if (left >= 0 && rnd_below(3))
			m.pgoff = model[left].pgoff + model_pages(&model[left]);
		else
			m.pgoff = rnd_below(64);
	} else {
		m.pgoff = start >> PAGE_SHIFT;
	}
	return m;
}

static struct vm_area_struct *vma_from_model(struct mm_struct *mm, const struct mvma *m)
{
	struct vm_area_struct *vma = calloc(1, sizeof(*vma));

	assert_non_null(vma);
	vma->vm_mm = mm;
	vma->vm_start = m->start;
	vma->vm_end = m->end;
	vma->vm_flags = m->flags;
	vma->vm_page_prot = m->prot;
	vma->vm_pgoff = m->pgoff;
	vma->vm_file = m->file;
	vma->vm_ops = m->ops;
	vma->anon_vma = m->anon;
	INIT_LIST_HEAD(&vma->anon_vma_chain);
	return vma;
}

static void op_link(struct mm_struct *mm)
{
	unsigned long start, end;
	struct mvma m;

	cur_what = "vma_link";
	if (!pick_free_range(&start, &end))
		return;
	m = random_mapping(start, end);
	m.vma = vma_from_model(mm, &m);
	vma_link(mm, m.vma);
	model_insert_at(model_find(start), m);
}

/* What mmap_region does: try vma_merge, link a new VMA only if it says no. */
static void op_mmap(struct mm_struct *mm)
{
	struct vm_area_struct proposed, *got, *freed = (void *)1;
	unsigned long start, end;
	struct mvma m;
	int i;
	bool with_prev, with_next;

	cur_what = "vma_merge (mmap)";
	if (!pick_free_range(&start, &end))
		return;
	m = random_mapping(start, end);
	memset(&proposed, 0x5a, sizeof(proposed)); /* only the documented fields count */
	proposed.vm_start = m.start;
	proposed.vm_end = m.end;
	proposed.vm_flags = m.flags;
	proposed.vm_page_prot = m.prot;
	proposed.vm_file = m.file;
	proposed.vm_ops = m.ops;
	proposed.vm_pgoff = m.pgoff;
	proposed.anon_vma = NULL;
	m.anon = NULL;

	i = model_find(start);
	with_prev = i > 0 && model_can_merge(&model[i - 1], &m);
	with_next = i < model_n && model_can_merge(&m, &model[i]);
	/* Bridging also needs prev and next to agree on their anon_vmas. */
	if (with_prev && with_next && model[i - 1].anon && model[i].anon &&
	    model[i - 1].anon != model[i].anon)
		with_next = false;
	got = vma_merge(mm, &proposed, &freed);
	if (with_prev && with_next) {
		expect_ptr(got, model[i - 1].vma, "vma_merge bridging: the VMA returned");
		expect_ptr(freed, model[i].vma, "vma_merge bridging: the VMA freed");
		if (!model[i - 1].anon)
			model[i - 1].anon = model[i].anon;	/* adopted */
		model[i - 1].end = model[i].end;
		model_remove_at(i);
		seen.bridged++;
	} else if (with_prev) {
		expect_ptr(got, model[i - 1].vma, "vma_merge extending prev: the VMA returned");
		model[i - 1].end = end;
		seen.grew_prev++;
	} else if (with_next) {
		expect_ptr(got, model[i].vma, "vma_merge extending next: the VMA returned");
		model[i].start = start;
		model[i].pgoff = m.pgoff;
		seen.grew_next++;
	} else {
		expect_ptr(got, NULL, "vma_merge with no mergeable neighbour");
		m.vma = vma_from_model(mm, &m);
		vma_link(mm, m.vma);
		model_insert_at(i, m);
		seen.no_merge++;
	}
	if (!(with_prev && with_next))
		expect_ptr(freed, NULL, "vma_merge's *freed when nothing was unlinked");
	if (freed)
		free(freed);
}

static void op_unlink(struct mm_struct *mm)
{
	int i = rnd_below(model_n);
	struct vm_area_struct *vma = model[i].vma;

	cur_what = "vma_unlink";
	vma_unlink(mm, vma);
	model_remove_at(i);
	free(vma);
}

static void op_split(struct mm_struct *mm)
{
	int i = rnd_below(model_n);
	struct mvma *m = &model[i], lower, upper;
	struct vm_area_struct *new = malloc(sizeof(*new));
	unsigned long pages = model_pages(m), addr;
	bool below = rnd() & 1;
	int err;

	cur_what = below ? "vma_split (new below)" : "vma_split (new above)";
	assert_non_null(new);
	memset(new, 0xa5, sizeof(*new)); /* split must not rely on it being zeroed */
	if (pages < 2 || rnd_below(10) == 0) {
		/* not strictly inside, or not aligned: refused, nothing changes */
		addr = rnd() & 1 ? m->start : m->end;
		if (rnd() & 1)
			addr = m->start + P(rnd_below(pages)) + 8;
		err = vma_split(mm, m->vma, addr, new, below);
		expect_ul(err, (unsigned long)-EINVAL, "vma_split at %#lx of [%#lx, %#lx)", addr,
			  m->start, m->end);
		free(new);
		return;
	}
	addr = m->start + P(1 + rnd_below(pages - 1));
	err = vma_split(mm, m->vma, addr, new, below);
	expect_ul(err, 0, "vma_split at %#lx", addr);
	lower = upper = *m;
	lower.end = addr;
	upper.start = addr;
	upper.pgoff = m->pgoff + ((addr - m->start) >> PAGE_SHIFT);
	if (below)
		lower.vma = new;
	else
		upper.vma = new;
	model[i] = lower;
	model_insert_at(i + 1, upper);
	seen.split++;
}

static void op_merge_with_next(struct mm_struct *mm)
{
	int i = rnd_below(model_n);
	bool expect = i + 1 < model_n && model_can_merge(&model[i], &model[i + 1]);
	struct vm_area_struct *got;

	cur_what = "vma_merge_with_next";
	got = vma_merge_with_next(mm, model[i].vma);
	expect_ptr(got, expect ? model[i + 1].vma : NULL, "vma_merge_with_next of VMA %d", i);
	if (expect) {
		if (!model[i].anon)
			model[i].anon = model[i + 1].anon;	/* adopted */
		model[i].end = model[i + 1].end;
		model_remove_at(i + 1);
		free(got);
		seen.merged_with_next++;
	}
}

/* Move one edge of a VMA in place, into free space or inwards, then vma_adjust_gaps. */
static void op_adjust(struct mm_struct *mm)
{
	int i = rnd_below(model_n);
	struct mvma *m = &model[i];
	unsigned long lo = i ? model[i - 1].end : 0;
	unsigned long hi = i + 1 < model_n ? model[i + 1].start : TASK_SIZE;
	unsigned long pages = model_pages(m);

	cur_what = "vma_adjust_gaps";
	if (rnd() & 1) {
		unsigned long room = (m->start - lo) >> PAGE_SHIFT;
		unsigned long down = rnd_below(room + 1 < 4 ? room + 1 : 4);

		if (down == 0 && pages > 1)
			m->start += P(1 + rnd_below(pages - 1)); /* shrink from below */
		else
			m->start -= P(down);
	} else {
		unsigned long room = (hi - m->end) >> PAGE_SHIFT;
		unsigned long up = rnd_below(room + 1 < 4 ? room + 1 : 4);

		if (up == 0 && pages > 1)
			m->end -= P(1 + rnd_below(pages - 1));
		else
			m->end += P(up);
	}
	m->vma->vm_start = m->start;
	m->vma->vm_end = m->end;
	vma_adjust_gaps(mm, m->vma);
}

static void random_operations_match_a_model(void **state)
{
	struct mm_struct mm;
	int i;

	mm_init(&mm);
	model_n = 0;
	memset(&seen, 0, sizeof(seen));
	for (cur_op = 0; cur_op < 20000; cur_op++) {
		unsigned long r = rnd_below(100);
		/* removal wins more often once there are many VMAs: a few hundred at most */
		unsigned long unlink_to = model_n > 250 ? 82 : 60;

		if (model_n == 0 || r < 20)
			op_link(&mm);
		else if (r < 40)
			op_mmap(&mm);
		else if (r < unlink_to)
			op_unlink(&mm);
		else if (r < 87)
			op_split(&mm);
		else if (r < 94)
			op_merge_with_next(&mm);
		else
			op_adjust(&mm);
		check_mm(&mm, 6);
	}
	/* the edges of every hole, as lengths and limits */
	cur_what = "final hole edges";
	for (i = 0; i <= model_n; i++) {
		unsigned long s = hole_start(i), e = i < model_n ? model[i].start : TASK_SIZE;

		check_area(&mm, e - s, 0, TASK_SIZE, 0);
		check_area(&mm, e - s + P(1), 0, TASK_SIZE, 0);
		check_area(&mm, P(1), s, e, 0);
		check_area(&mm, P(1), e, TASK_SIZE, 0);
		check_area(&mm, P(1), 0, s, 0);
	}
	unmap_all(&mm);
	model_n = 0;

	/* Each kind of event happened often enough to mean something (a few hundred each with
	 * the current generator; the thresholds leave room for changing it). */
	cur_what = "coverage of the random test";
	expect_true(seen.bridged >= 20, seen.bridged, "vma_merge bridging prev and next");
	expect_true(seen.grew_prev >= 100, seen.grew_prev, "vma_merge growing prev");
	expect_true(seen.grew_next >= 50, seen.grew_next, "vma_merge growing next");
	expect_true(seen.no_merge >= 100, seen.no_merge, "vma_merge refusing");
	expect_true(seen.merged_with_next >= 50, seen.merged_with_next, "vma_merge_with_next");
	expect_true(seen.split >= 500, seen.split, "vma_split");
	expect_true(seen.area_fit >= 10000, seen.area_fit, "unmapped_area finding a fit");
	expect_true(seen.area_nomem >= 10000, seen.area_nomem, "unmapped_area finding none");
}

/* ---- targeted tests -------------------------------------------------------------------------- */

static void find_vma_returns_the_vma_containing_or_above(void **state)
{
	struct mm_struct mm;
	struct vm_area_struct *a, *b;

	mm_init(&mm);
	assert_null(find_vma(&mm, 0));
	a = map(&mm, P(4), P(6));
	b = map(&mm, P(10), P(11));
	assert_ptr_equal(find_vma(&mm, 0), a);	      /* below a: a is the first above */
	assert_ptr_equal(find_vma(&mm, P(4)), a);     /* first byte */
	assert_ptr_equal(find_vma(&mm, P(6) - 1), a); /* last byte */
	assert_ptr_equal(find_vma(&mm, P(6)), b);     /* vm_end is outside */
	assert_ptr_equal(find_vma(&mm, P(10) + 5), b);
	assert_null(find_vma(&mm, P(11)));
	unmap_all(&mm);
}

static void find_vma_prev_gives_the_last_vma_when_addr_is_above_all(void **state)
{
	struct mm_struct mm;
	struct vm_area_struct *a, *b, *prev;

	mm_init(&mm);
	a = map(&mm, P(4), P(6));
	b = map(&mm, P(10), P(11));
	assert_ptr_equal(find_vma_prev(&mm, P(5), &prev), a);
	assert_null(prev);
	assert_ptr_equal(find_vma_prev(&mm, P(7), &prev), b);
	assert_ptr_equal(prev, a);
	assert_null(find_vma_prev(&mm, P(11), &prev));
	assert_ptr_equal(prev, b);
	unmap_all(&mm);
}

static void find_vma_intersection_ignores_a_vma_that_only_touches(void **state)
{
	struct mm_struct mm;
	struct vm_area_struct *a;

	mm_init(&mm);
	a = map(&mm, P(4), P(6));
	assert_null(find_vma_intersection(&mm, P(2), P(4))); /* ends where a starts */
	assert_null(find_vma_intersection(&mm, P(6), P(8))); /* starts where a ends */
	assert_ptr_equal(find_vma_intersection(&mm, P(2), P(4) + 1), a);
	assert_ptr_equal(find_vma_intersection(&mm, P(5), P(5) + 1), a);
	unmap_all(&mm);
}

/* The example of docs/vma.md and mm/vma_tree.c. */
static void gaps_match_the_documented_example(void **state)
{
	struct mm_struct mm;
	struct vm_area_struct *a, *b, *c, *d;

	mm_init(&mm);
	c = map(&mm, 0xc000, 0xd000);
	a = map(&mm, 0x1000, 0x3000);
	d = map(&mm, 0x10000, 0x12000);
	b = map(&mm, 0x8000, 0x9000);
	/* whatever the shape, the root's subtree holds every gap: the largest is B's */
	assert_int_equal(rb_entry(mm.mm_rb.rb_node, struct vm_area_struct, vm_rb)->rb_subtree_gap,
			 0x5000);
	assert_int_equal(mm.highest_vm_end, 0x12000);
	/* inserted in the order C A D B, the tree has the documented shape */
	assert_ptr_equal(mm.mm_rb.rb_node, &c->vm_rb);
	assert_ptr_equal(c->vm_rb.rb_left, &a->vm_rb);
	assert_ptr_equal(c->vm_rb.rb_right, &d->vm_rb);
	assert_ptr_equal(a->vm_rb.rb_right, &b->vm_rb);
	assert_int_equal(a->rb_subtree_gap, 0x5000);
	assert_int_equal(b->rb_subtree_gap, 0x5000);
	assert_int_equal(d->rb_subtree_gap, 0x3000);
	/* the two searches worked through in docs/vma.md */
	assert_int_equal(unmapped_area(&mm, 0x4000, 0, TASK_SIZE, 0), 0x3000);
	assert_int_equal(unmapped_area_topdown(&mm, 0x3000, 0, 0x10000, 0), 0xd000);
	assert_int_equal(unmapped_area(&mm, 0x1000, 0, TASK_SIZE, 0), 0); /* below A */
	assert_int_equal(unmapped_area(&mm, 0x2000, 0, TASK_SIZE, 0), 0x3000);
	assert_int_equal(unmapped_area(&mm, 0x5000, 0, TASK_SIZE, 0), 0x3000);
	assert_int_equal(unmapped_area(&mm, 0x5001, 0, TASK_SIZE, 0), 0x12000);
	/* removing B joins its gap with C's: 0x3000 .. 0xc000 */
	vma_unlink(&mm, b);
	free(b);
	assert_int_equal(c->vm_start - c->vm_prev->vm_end, 0x9000);
	assert_int_equal(rb_entry(mm.mm_rb.rb_node, struct vm_area_struct, vm_rb)->rb_subtree_gap,
			 0x9000);
	assert_int_equal(unmapped_area(&mm, 0x9000, 0, TASK_SIZE, 0), 0x3000);
	unmap_all(&mm);
}

static void gap_of_the_first_vma_is_measured_from_zero(void **state)
{
	struct mm_struct mm;
	struct vm_area_struct *a;

	mm_init(&mm);
	a = map(&mm, P(5), P(6));
	assert_int_equal(a->rb_subtree_gap, P(5));
	assert_int_equal(unmapped_area(&mm, P(5), 0, TASK_SIZE, 0), 0);
	assert_int_equal(unmapped_area(&mm, P(6), 0, TASK_SIZE, 0), P(6));
	unmap_all(&mm);
}

static void unmapped_area_skips_gaps_that_are_too_small(void **state)
{
	struct mm_struct mm;
	int i;

	mm_init(&mm);
	/* 100 one-page holes (the first from 0), then a 3-page hole at 201..204 */
	for (i = 0; i < 100; i++)
		map(&mm, P(2 * i + 1), P(2 * i + 2));
	map(&mm, P(200), P(201));
	map(&mm, P(204), P(205));
	assert_int_equal(unmapped_area(&mm, P(1), 0, TASK_SIZE, 0), 0);
	assert_int_equal(unmapped_area(&mm, P(2), 0, TASK_SIZE, 0), P(201));
	assert_int_equal(unmapped_area(&mm, P(3), 0, TASK_SIZE, 0), P(201));
	assert_int_equal(unmapped_area(&mm, P(4), 0, TASK_SIZE, 0), P(205));
	assert_int_equal(unmapped_area_topdown(&mm, P(3), 0, P(204), 0), P(201));
	assert_int_equal(unmapped_area_topdown(&mm, P(2), 0, P(203), 0), P(201));
	assert_int_equal(unmapped_area_topdown(&mm, P(2), 0, P(202), 0), (unsigned long)-ENOMEM);
	unmap_all(&mm);
}

static void unmapped_area_respects_low_and_high_limits(void **state)
{
	struct mm_struct mm;

	mm_init(&mm);
	map(&mm, P(10), P(20));
	/* the hole below is [0, 10): with low_limit 4 the fit starts at 4 */
	assert_int_equal(unmapped_area(&mm, P(6), P(4), TASK_SIZE, 0), P(4));
	assert_int_equal(unmapped_area(&mm, P(7), P(4), TASK_SIZE, 0), P(20));
	/* high_limit is exclusive: [4, 10) fits under 10, not under 9 */
	assert_int_equal(unmapped_area(&mm, P(6), P(4), P(10), 0), P(4));
	assert_int_equal(unmapped_area(&mm, P(6), P(4), P(9), 0), (unsigned long)-ENOMEM);
	assert_int_equal(unmapped_area_topdown(&mm, P(2), 0, P(9), 0), P(7));
	assert_int_equal(unmapped_area_topdown(&mm, P(2), P(8), P(15), 0), P(8));
	assert_int_equal(unmapped_area_topdown(&mm, P(3), P(8), P(15), 0), (unsigned long)-ENOMEM);
	assert_int_equal(unmapped_area_topdown(&mm, P(1), 0, TASK_SIZE, 0), TASK_SIZE - P(1));
	unmap_all(&mm);
}

static void unmapped_area_returns_enomem_when_nothing_fits(void **state)
{
	struct mm_struct mm;

	mm_init(&mm);
	/* empty mm: all of [low, high) is free */
	assert_int_equal(unmapped_area(&mm, TASK_SIZE, 0, TASK_SIZE, 0), 0);
	assert_int_equal(unmapped_area_topdown(&mm, TASK_SIZE, 0, TASK_SIZE, 0), 0);
	assert_int_equal(unmapped_area(&mm, TASK_SIZE + P(1), 0, TASK_SIZE, 0),
			 (unsigned long)-ENOMEM);
	assert_int_equal(unmapped_area(&mm, 0, 0, TASK_SIZE, 0), (unsigned long)-ENOMEM);
	assert_int_equal(unmapped_area(&mm, P(1), P(5), P(5), 0), (unsigned long)-ENOMEM);
	assert_int_equal(unmapped_area(&mm, P(1), P(6), P(5), 0), (unsigned long)-ENOMEM);
	/* one VMA over everything but the first and last page */
	map(&mm, P(1), TASK_SIZE - P(1));
	assert_int_equal(unmapped_area(&mm, P(2), 0, TASK_SIZE, 0), (unsigned long)-ENOMEM);
	assert_int_equal(unmapped_area_topdown(&mm, P(2), 0, TASK_SIZE, 0), (unsigned long)-ENOMEM);
	assert_int_equal(unmapped_area(&mm, P(1), P(1), TASK_SIZE, 0), TASK_SIZE - P(1));
	assert_int_equal(unmapped_area_topdown(&mm, P(1), 0, TASK_SIZE - P(1), 0), 0);
	unmap_all(&mm);
}

static void unmapped_area_aligns_the_start(void **state)
{
	struct mm_struct mm;
	unsigned long mask = P(16) - 1; /* 64 KiB */

	mm_init(&mm);
	map(&mm, 0, P(17));
	map(&mm, P(40), P(41));
	/* hole [17, 40): the first 64 KiB boundary is page 32, and 8 pages fit there */
	assert_int_equal(unmapped_area(&mm, P(8), 0, TASK_SIZE, mask), P(32));
	assert_int_equal(unmapped_area(&mm, P(9), 0, TASK_SIZE, mask), P(48));
	assert_int_equal(unmapped_area_topdown(&mm, P(8), 0, P(41), mask), P(32));
	assert_int_equal(unmapped_area_topdown(&mm, P(4), 0, P(35), mask), (unsigned long)-ENOMEM);
	unmap_all(&mm);
}

static void vma_link_of_an_overlapping_vma_is_a_bug(void **state)
{
	struct mm_struct mm;
	struct vm_area_struct *over;

	mm_init(&mm);
	map(&mm, P(4), P(8));
	over = new_vma(&mm, P(7), P(9), NULL, 0);
	expect_assert_failure(vma_link(&mm, over));
	over->vm_start = P(2);
	over->vm_end = P(5);
	expect_assert_failure(vma_link(&mm, over));
	over->vm_start = P(8); /* touching is fine */
	over->vm_end = P(9);
	vma_link(&mm, over);
	assert_int_equal(mm.map_count, 2);
	unmap_all(&mm);
}

static void split_keeps_file_offsets_continuous(void **state)
{
	struct mm_struct mm;
	struct vm_area_struct *v, *new = calloc(1, sizeof(*new));

	mm_init(&mm);
	v = new_vma(&mm, 0x10000, 0x16000, FILE_A, 4); /* file pages 4..9 */
	vma_link(&mm, v);
	assert_int_equal(vma_split(&mm, v, 0x12000, new, false), 0);
	assert_int_equal(v->vm_start, 0x10000);
	assert_int_equal(v->vm_end, 0x12000);
	assert_int_equal(v->vm_pgoff, 4);
	assert_int_equal(new->vm_start, 0x12000);
	assert_int_equal(new->vm_end, 0x16000);
	assert_int_equal(new->vm_pgoff, 6);
	assert_ptr_equal(new->vm_file, FILE_A);
	assert_ptr_equal(new->vm_ops, &file_ops);
	assert_ptr_equal(v->vm_next, new);
	assert_ptr_equal(find_vma(&mm, 0x12000), new);
	assert_int_equal(mm.map_count, 2);
	/* and the halves merge back */
	assert_ptr_equal(vma_merge_with_next(&mm, v), new);
	free(new);
	assert_int_equal(v->vm_end, 0x16000);
	assert_int_equal(mm.map_count, 1);
	unmap_all(&mm);
}

static void split_below_keeps_the_original_struct_on_top(void **state)
{
	struct mm_struct mm;
	struct vm_area_struct *v, *new = calloc(1, sizeof(*new));

	mm_init(&mm);
	v = new_vma(&mm, 0x10000, 0x16000, FILE_A, 4);
	vma_link(&mm, v);
	assert_int_equal(vma_split(&mm, v, 0x11000, new, true), 0);
	assert_int_equal(new->vm_start, 0x10000);
	assert_int_equal(new->vm_end, 0x11000);
	assert_int_equal(new->vm_pgoff, 4);
	assert_int_equal(v->vm_start, 0x11000);
	assert_int_equal(v->vm_pgoff, 5);
	assert_ptr_equal(mm.mmap, new);
	assert_ptr_equal(new->vm_next, v);
	unmap_all(&mm);
}

static void split_refuses_an_address_outside_or_unaligned(void **state)
{
	struct mm_struct mm;
	struct vm_area_struct *v, new;

	mm_init(&mm);
	v = map(&mm, P(2), P(6));
	assert_int_equal(vma_split(&mm, v, P(2), &new, false), -EINVAL);
	assert_int_equal(vma_split(&mm, v, P(6), &new, false), -EINVAL);
	assert_int_equal(vma_split(&mm, v, P(8), &new, true), -EINVAL);
	assert_int_equal(vma_split(&mm, v, P(3) + 4, &new, false), -EINVAL);
	assert_int_equal(mm.map_count, 1);
	assert_int_equal(v->vm_end, P(6));
	unmap_all(&mm);
}

static void merge_refuses_discontiguous_file_offsets(void **state)
{
	struct mm_struct mm;
	struct vm_area_struct *a, *b;

	mm_init(&mm);
	a = new_vma(&mm, P(0), P(3), FILE_A, 4); /* file pages 4 5 6 */
	b = new_vma(&mm, P(3), P(5), FILE_A, 9); /* file pages 9 10 */
	vma_link(&mm, a);
	vma_link(&mm, b);
	assert_false(vma_can_merge(a, b));
	assert_null(vma_merge_with_next(&mm, a));
	b->vm_pgoff = 7; /* 7 8: now contiguous */
	assert_true(vma_can_merge(a, b));
	unmap_all(&mm);
	/* anonymous memory has no file offsets to keep */
	{
		struct vm_area_struct x, y;

		init_vma(&x, &mm, 0, P(1), NULL, 0);
		init_vma(&y, &mm, P(1), P(2), NULL, 0);
		y.vm_pgoff = 1000;
		assert_true(vma_can_merge(&x, &y));
	}
}

static void merge_refuses_vmas_that_behave_differently(void **state)
{
	struct mm_struct mm;
	struct vm_area_struct a, b;

	mm_init(&mm);
	init_vma(&a, &mm, P(0), P(3), FILE_A, 0);
	init_vma(&b, &mm, P(3), P(4), FILE_A, 3);
	assert_true(vma_can_merge(&a, &b));
	b.vm_start = P(4);
	assert_false(vma_can_merge(&a, &b)); /* a hole between them */
	b.vm_start = P(3);
	b.vm_flags &= ~VM_WRITE;
	assert_false(vma_can_merge(&a, &b));
	b.vm_flags = a.vm_flags;
	b.vm_page_prot = 1;
	assert_false(vma_can_merge(&a, &b));
	b.vm_page_prot = a.vm_page_prot;
	b.vm_file = FILE_B;
	assert_false(vma_can_merge(&a, &b));
	b.vm_file = FILE_A;
	b.anon_vma = ANON_X;
	assert_true(vma_can_merge(&a, &b)); /* no anon_vma next to one: adopts it, as Linux */
	a.anon_vma = ANON_Y;
	assert_false(vma_can_merge(&a, &b)); /* two different anon_vmas never merge */
	a.anon_vma = ANON_X;
	assert_true(vma_can_merge(&a, &b)); /* the same anon_vma is fine */
	a.vm_ops = b.vm_ops = &closing_ops;
	assert_false(vma_can_merge(&a, &b));
	a.vm_ops = b.vm_ops = &file_ops;
	a.vm_flags |= VM_NONLINEAR;
	b.vm_flags |= VM_NONLINEAR;
	assert_false(vma_can_merge(&a, &b));
}

static void vma_merge_extends_prev_next_or_bridges_both(void **state)
{
	struct mm_struct mm;
	struct vm_area_struct *prev, *next, *freed, proposed;

	mm_init(&mm);
	prev = new_vma(&mm, P(0), P(2), FILE_A, 10); /* file 10 11 */
	next = new_vma(&mm, P(6), P(8), FILE_A, 16); /* file 16 17 */
	vma_link(&mm, prev);
	vma_link(&mm, next);

	/* [2, 3) with file page 12: prev grows */
	init_vma(&proposed, &mm, P(2), P(3), FILE_A, 12);
	assert_ptr_equal(vma_merge(&mm, &proposed, &freed), prev);
	assert_null(freed);
	assert_int_equal(prev->vm_end, P(3));

	/* [5, 6) with file page 15: next grows down and takes the offset */
	init_vma(&proposed, &mm, P(5), P(6), FILE_A, 15);
	assert_ptr_equal(vma_merge(&mm, &proposed, &freed), next);
	assert_null(freed);
	assert_int_equal(next->vm_start, P(5));
	assert_int_equal(next->vm_pgoff, 15);

	/* [3, 5) with file pages 13 14: bridges both, next is handed back */
	init_vma(&proposed, &mm, P(3), P(5), FILE_A, 13);
	assert_ptr_equal(vma_merge(&mm, &proposed, &freed), prev);
	assert_ptr_equal(freed, next);
	free(next);
	assert_int_equal(prev->vm_end, P(8));
	assert_int_equal(mm.map_count, 1);
	assert_int_equal(mm.highest_vm_end, P(8));

	/* [8, 9) of another file: no merge */
	init_vma(&proposed, &mm, P(8), P(9), FILE_B, 0);
	assert_null(vma_merge(&mm, &proposed, &freed));
	assert_null(freed);
	unmap_all(&mm);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(find_vma_returns_the_vma_containing_or_above),
	    cmocka_unit_test(find_vma_prev_gives_the_last_vma_when_addr_is_above_all),
	    cmocka_unit_test(find_vma_intersection_ignores_a_vma_that_only_touches),
	    cmocka_unit_test(gaps_match_the_documented_example),
	    cmocka_unit_test(gap_of_the_first_vma_is_measured_from_zero),
	    cmocka_unit_test(unmapped_area_skips_gaps_that_are_too_small),
	    cmocka_unit_test(unmapped_area_respects_low_and_high_limits),
	    cmocka_unit_test(unmapped_area_returns_enomem_when_nothing_fits),
	    cmocka_unit_test(unmapped_area_aligns_the_start),
	    cmocka_unit_test(vma_link_of_an_overlapping_vma_is_a_bug),
	    cmocka_unit_test(split_keeps_file_offsets_continuous),
	    cmocka_unit_test(split_below_keeps_the_original_struct_on_top),
	    cmocka_unit_test(split_refuses_an_address_outside_or_unaligned),
	    cmocka_unit_test(merge_refuses_discontiguous_file_offsets),
	    cmocka_unit_test(merge_refuses_vmas_that_behave_differently),
	    cmocka_unit_test(vma_merge_extends_prev_next_or_bridges_both),
	    cmocka_unit_test(random_operations_match_a_model),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
