// SPDX-License-Identifier: MIT
/*
 * The VMA tree of an mm: insertion, removal, lookup and the search for a free range
 * (Linux's mm/mmap.c: __vma_link_rb, __vma_unlink, find_vma, unmapped_area ...).
 *
 * Every VMA is in two structures at once, kept in step by vma_link and vma_unlink:
 *
 *   mm->mmap -> [A] <-> [B] <-> [C] <-> [D]      a list in address order, for walks
 *
 *                      [C]                       a red-black tree keyed by vm_start,
 *                     /   \                      for lookups in O(log n)
 *                  [A]     [D]
 *                     \
 *                     [B]
 *
 * The gap of a VMA is the free space just below it: from the end of the VMA before it (or
 * from address 0, for the first) up to its own vm_start. Each node also records
 * rb_subtree_gap, the largest gap of any VMA in its subtree:
 *
 *     0     0x1000  0x3000     0x8000  0x9000   0xc000 0xd000    0x10000 0x12000
 *     |.....|AAAAAAA|..........|BBBBBB|........|CCCCCC|..........|DDDDDDD|
 *     gap(A)=0x1000  gap(B)=0x5000     gap(C)=0x3000   gap(D)=0x3000
 *
 *     rb_subtree_gap:  C: max(3000, A's 5000, D's 3000) = 0x5000
 *                      A: max(1000, B's 5000)           = 0x5000
 *                      B: 0x5000      D: 0x3000
 *
 * So unmapped_area can skip any subtree whose rb_subtree_gap is smaller than the length it
 * wants, and finds a hole by walking one path down the tree. The free space above the last
 * VMA, [highest_vm_end, ...), belongs to no VMA and is checked on its own.
 *
 * Simplified from Linux: no stack guard gap in the gap computation, no per-thread cache of
 * the last find_vma result, and the search returns the exact lowest (highest) aligned fit.
 */
#include <mm/vma.h>
#include <kernel/errno.h>
#include <kernel/panic.h>

static struct vm_area_struct *rb_to_vma(struct rb_node *node)
{
	return node ? rb_entry(node, struct vm_area_struct, vm_rb) : NULL;
}

/* The free space just below vma (see the picture above). */
static unsigned long vma_gap(const struct vm_area_struct *vma)
{
	return vma->vm_start - (vma->vm_prev ? vma->vm_prev->vm_end : 0);
}

static unsigned long subtree_gap(struct rb_node *node)
{
	return node ? rb_to_vma(node)->rb_subtree_gap : 0;
}

/* rb_subtree_gap from the VMA's own gap and its children's (which must be right). */
static unsigned long compute_subtree_gap(struct vm_area_struct *vma)
{
	unsigned long gap = vma_gap(vma);

	gap = max(gap, subtree_gap(vma->vm_rb.rb_left));
	gap = max(gap, subtree_gap(vma->vm_rb.rb_right));
	return gap;
}

/* The augmented-tree callbacks (include/lib/rbtree.h says what each must do). */
static void vma_gap_propagate(struct rb_node *node, struct rb_node *stop)
{
	for (; node != stop; node = rb_parent(node))
		rb_to_vma(node)->rb_subtree_gap = compute_subtree_gap(rb_to_vma(node));
}

static void vma_gap_copy(struct rb_node *old, struct rb_node *new)
{
	rb_to_vma(new)->rb_subtree_gap = rb_to_vma(old)->rb_subtree_gap;
}

static void vma_gap_rotate(struct rb_node *old, struct rb_node *new)
{
	rb_to_vma(new)->rb_subtree_gap = rb_to_vma(old)->rb_subtree_gap;
	rb_to_vma(old)->rb_subtree_gap = compute_subtree_gap(rb_to_vma(old));
}

static const struct rb_augment_callbacks vma_gap_callbacks = {
    .propagate = vma_gap_propagate,
    .copy = vma_gap_copy,
    .rotate = vma_gap_rotate,
};

/* vma's own gap changed (its vm_start, or its predecessor's vm_end, moved). */
static void vma_gap_update(struct vm_area_struct *vma)
{
	vma_gap_propagate(&vma->vm_rb, NULL);
}

/*
 * Insert vma. The list is updated first, so that vma_gap() sees the new neighbours. That
 * cuts short the gap of next, whose rb_subtree_gap is now stale; it needs no walk of its own:
 * the in-order successor of a new leaf is always one of its ancestors (the lowest one that
 * has it in its left subtree), so the propagate from vma to the root that
 * rb_insert_augmented() starts with recomputes next too, before any rotation reads it.
 */
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;
	struct vm_area_struct *prev = NULL, *next;

	BUG_ON(vma->vm_start >= vma->vm_end);
	while (*link) {
		parent = *link;
		if (vma->vm_start < rb_to_vma(parent)->vm_start) {
			link = &parent->rb_left;
		} else {
			prev = rb_to_vma(parent);
			link = &parent->rb_right;
		}
	}
	/* prev is the last VMA starting at or below vma; next the first one above it. */
	next = prev ? prev->vm_next : mm->mmap;
	BUG_ON(prev && prev->vm_end > vma->vm_start);
	BUG_ON(next && next->vm_start < vma->vm_end);

	vma->vm_prev = prev;
	vma->vm_next = next;
	if (prev)
		prev->vm_next = vma;
	else
		mm->mmap = vma;
	if (next)
		next->vm_prev = vma;
	else
		mm->highest_vm_end = vma->vm_end;

	rb_link_node(&vma->vm_rb, parent, link);
	rb_insert_augmented(&vma->vm_rb, &mm->mm_rb, &vma_gap_callbacks);
	mm->map_count++;
}

/*
 * Remove vma: the reverse order of vma_link. While vma leaves the tree the list still
 * holds it, so next's gap stays what the tree believes; once vma is off the list, next's
 * gap widens to reach prev and is propagated.
 */
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma->vm_prev, *next = vma->vm_next;

	rb_erase_augmented(&vma->vm_rb, &mm->mm_rb, &vma_gap_callbacks);
	RB_CLEAR_NODE(&vma->vm_rb);

	if (prev)
		prev->vm_next = next;
	else
		mm->mmap = next;
	if (next) {
		next->vm_prev = prev;
		vma_gap_update(next);
	} else {
		mm->highest_vm_end = prev ? prev->vm_end : 0;
	}
	vma->vm_next = NULL;
	vma->vm_prev = NULL;
	mm->map_count--;
}

/*
 * vm_start moved: vma's own gap changed. vm_end moved: the gap of the VMA after it changed,
 * or highest_vm_end if it is the last. The tree order (by vm_start) cannot change as long
 * as the VMA still stays between its neighbours.
 */
void vma_adjust_gaps(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma->vm_prev, *next = vma->vm_next;

	BUG_ON(vma->vm_start >= vma->vm_end);
	BUG_ON(prev && prev->vm_end > vma->vm_start);
	BUG_ON(next && next->vm_start < vma->vm_end);
	vma_gap_update(vma);
	if (next)
		vma_gap_update(next);
	else
		mm->highest_vm_end = vma->vm_end;
}

/*
 * Walk down from the root remembering the lowest VMA seen that ends above addr; going
 * left whenever the current one does (a lower one might too), right otherwise.
 */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *node = mm->mm_rb.rb_node;
	struct vm_area_struct *found = NULL;

	while (node) {
		struct vm_area_struct *vma = rb_to_vma(node);

		if (vma->vm_end > addr) {
			found = vma;
			if (vma->vm_start <= addr)
				break; /* addr is inside: nothing lower can end above it */
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return found;
}

struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (vma)
		*pprev = vma->vm_prev;
	else
		*pprev = rb_to_vma(rb_last(&mm->mm_rb));
	return vma;
}

struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, unsigned long start,
					     unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	if (vma && end <= vma->vm_start)
		return NULL;
	return vma;
}

/* ---- the free-range search -------------------------------------------------------------- */

/*
 * The search's parameters, with its two derived bounds: a fit ends no lower than
 * lowest_end and starts no higher than highest_start.
 */
struct area_request {
	unsigned long length, low_limit, high_limit, align_mask;
	unsigned long lowest_end;    /* low_limit + length */
	unsigned long highest_start; /* high_limit - length */
};

/* False when no range can satisfy the request at all (or it would overflow). */
static bool area_request_init(struct area_request *req, unsigned long length,
			      unsigned long low_limit, unsigned long high_limit,
			      unsigned long align_mask)
{
	if (length == 0 || length > high_limit || low_limit > high_limit - length)
		return false;
	req->length = length;
	req->low_limit = low_limit;
	req->high_limit = high_limit;
	req->align_mask = align_mask;
	req->lowest_end = low_limit + length;
	req->highest_start = high_limit - length;
	return true;
}

/*
 * The lowest acceptable start inside the free range [gap_start, gap_end), or
 * (unsigned long)-ENOMEM if the request does not fit there.
 */
static unsigned long fit_lowest(const struct area_request *req, unsigned long gap_start,
				unsigned long gap_end)
{
	unsigned long start = max(gap_start, req->low_limit);
	unsigned long end = min(gap_end, req->high_limit);

	if (start > ~0UL - req->align_mask)
		return -ENOMEM;
	start = (start + req->align_mask) & ~req->align_mask;
	if (start >= end || end - start < req->length)
		return -ENOMEM;
	return start;
}

/* The highest acceptable start inside [gap_start, gap_end), or (unsigned long)-ENOMEM. */
static unsigned long fit_highest(const struct area_request *req, unsigned long gap_start,
				 unsigned long gap_end)
{
	unsigned long start = max(gap_start, req->low_limit);
	unsigned long end = min(gap_end, req->high_limit);
	unsigned long fit;

	if (start >= end || end - start < req->length)
		return -ENOMEM;
	fit = (end - req->length) & ~req->align_mask;
	if (fit < start)
		return -ENOMEM;
	return fit;
}

/*
 * Lowest fit: an in-order walk of the gaps (left subtree, the node's own gap, right
 * subtree) that never enters a subtree whose rb_subtree_gap is below length, nor a left
 * subtree whose gaps all end below lowest_end. It stops as soon as a gap starts above
 * highest_start: every later gap starts even higher. Without alignment, a gap that passes
 * the length test fails only by straddling low_limit, so the walk follows about one path
 * down and one up: O(log n), as Linux's.
 */
unsigned long unmapped_area(struct mm_struct *mm, unsigned long length, unsigned long low_limit,
			    unsigned long high_limit, unsigned long align_mask)
{
	struct area_request req;
	struct rb_node *node = mm->mm_rb.rb_node;
	struct vm_area_struct *vma;
	unsigned long gap_start, fit;

	if (!area_request_init(&req, length, low_limit, high_limit, align_mask))
		return -ENOMEM;
	if (subtree_gap(node) < length)
		goto last_gap;

	for (;;) {
		vma = rb_to_vma(node);
		/* 1. Lower gaps first: go left if the left subtree may hold a fit. */
		if (node->rb_left && subtree_gap(node->rb_left) >= length &&
		    vma->vm_start >= req.lowest_end) {
			node = node->rb_left;
			continue;
		}
		for (;;) {
			/* 2. The gap just below this VMA. */
			gap_start = vma->vm_prev ? vma->vm_prev->vm_end : 0;
			if (gap_start > req.highest_start)
				return -ENOMEM;
			fit = fit_lowest(&req, gap_start, vma->vm_start);
			if (fit != (unsigned long)-ENOMEM)
				return fit;
			/* 3. Then the right subtree, if it may hold a fit. */
			if (node->rb_right && subtree_gap(node->rb_right) >= length) {
				node = node->rb_right;
				break; /* to step 1 in the right subtree */
			}
			/* 4. Done with this subtree: climb until we come up from a left child;
			 *    that parent is the next VMA in address order, go to step 2. */
			for (;;) {
				struct rb_node *child = node;

				node = rb_parent(node);
				if (!node)
					goto last_gap;
				if (child == node->rb_left)
					break;
			}
			vma = rb_to_vma(node);
		}
	}

last_gap:
	/* The free space above every VMA. */
	return fit_lowest(&req, mm->highest_vm_end, ~0UL);
}

/*
 * Highest fit: the mirror walk, from the top. First the free space above the last VMA, then
 * the gaps in reverse order (right subtree, own gap, left subtree), stopping when a gap ends
 * below lowest_end: every earlier gap ends even lower.
 */
unsigned long unmapped_area_topdown(struct mm_struct *mm, unsigned long length,
				    unsigned long low_limit, unsigned long high_limit,
				    unsigned long align_mask)
{
	struct area_request req;
	struct rb_node *node = mm->mm_rb.rb_node;
	struct vm_area_struct *vma;
	unsigned long gap_start, fit;

	if (!area_request_init(&req, length, low_limit, high_limit, align_mask))
		return -ENOMEM;
	fit = fit_highest(&req, mm->highest_vm_end, ~0UL);
	if (fit != (unsigned long)-ENOMEM)
		return fit;
	if (subtree_gap(node) < length)
		return -ENOMEM;

	for (;;) {
		vma = rb_to_vma(node);
		/* 1. Higher gaps first: the right subtree's gaps all start at or above
		 *    vma->vm_end; worth a look only if that is not above highest_start. */
		if (node->rb_right && subtree_gap(node->rb_right) >= length &&
		    vma->vm_end <= req.highest_start) {
			node = node->rb_right;
			continue;
		}
		for (;;) {
			/* 2. The gap just below this VMA. */
			if (vma->vm_start < req.lowest_end)
				return -ENOMEM;
			gap_start = vma->vm_prev ? vma->vm_prev->vm_end : 0;
			fit = fit_highest(&req, gap_start, vma->vm_start);
			if (fit != (unsigned long)-ENOMEM)
				return fit;
			/* 3. Then the left subtree. */
			if (node->rb_left && subtree_gap(node->rb_left) >= length) {
				node = node->rb_left;
				break;
			}
			/* 4. Climb until we come up from a right child: that parent is the
			 *    previous VMA in address order. */
			for (;;) {
				struct rb_node *child = node;

				node = rb_parent(node);
				if (!node)
					return -ENOMEM;
				if (child == node->rb_right)
					break;
			}
			vma = rb_to_vma(node);
		}
	}
}
