// SPDX-License-Identifier: MIT
/* The radix tree drawn in include/lib/radix-tree.h. */
#include <lib/radix-tree.h>
#include <lib/string.h>
#include <kernel/errno.h>

#ifdef __KERNEL__
#include <mm/slab.h>
#define node_alloc() kzalloc(sizeof(struct radix_tree_node))
#define node_free(n) kfree(n)
#else
#include <stdlib.h>
#define node_alloc() calloc(1, sizeof(struct radix_tree_node))
#define node_free(n) free(n)
#endif

/* The largest index a tree of this height can hold. */
static unsigned long max_index(unsigned int height)
{
	unsigned int bits = height * RADIX_TREE_MAP_SHIFT;

	return bits >= 8 * sizeof(unsigned long) ? ~0UL : (1UL << bits) - 1;
}

static unsigned int slot_of(unsigned long index, unsigned int level)
{
	unsigned int shift = (level - 1) * RADIX_TREE_MAP_SHIFT;

	return shift >= 8 * sizeof(unsigned long) ? 0 : (index >> shift) & RADIX_TREE_MAP_MASK;
}

/* Adds levels on top until index fits: the old root becomes slot 0 of a new root. */
static int extend(struct radix_tree_root *root, unsigned long index)
{
	while (index > max_index(root->height)) {
		struct radix_tree_node *node;

		if (!root->rnode) {	/* empty: just grow the height */
			root->height++;
			continue;
		}
		node = node_alloc();
		if (!node)
			return -ENOMEM;
		node->slots[0] = root->rnode;
		node->count = 1;
		root->rnode = node;
		root->height++;
	}
	return 0;
}

int radix_tree_insert(struct radix_tree_root *root, unsigned long index, void *item)
{
	struct radix_tree_node *node = NULL;	/* the parent of *slot; NULL at the root */
	void **slot;
	unsigned int level;
	int err;

	if (root->height == 0)
		root->height = 1;
	err = extend(root, index);
	if (err)
		return err;
	slot = (void **)&root->rnode;
	for (level = root->height; level > 0; level--) {
		if (!*slot) {
			*slot = node_alloc();
			if (!*slot)
				return -ENOMEM;
			if (node)
				node->count++;
		}
		node = *slot;
		slot = &node->slots[slot_of(index, level)];
	}
	if (*slot)
		return -EEXIST;
	*slot = item;
	node->count++;
	return 0;
}

void *radix_tree_lookup(const struct radix_tree_root *root, unsigned long index)
{
	struct radix_tree_node *node = root->rnode;
	unsigned int level;

	if (index > max_index(root->height))
		return NULL;
	for (level = root->height; level > 1 && node; level--)
		node = node->slots[slot_of(index, level)];
	return node ? node->slots[slot_of(index, 1)] : NULL;
}

void *radix_tree_delete(struct radix_tree_root *root, unsigned long index)
{
	struct radix_tree_node *path[16];
	struct radix_tree_node *node = root->rnode;
	unsigned int level, depth = 0;
	void *item;

	if (index > max_index(root->height) || !node)
		return NULL;
	for (level = root->height; level > 1; level--) {
		path[depth++] = node;
		node = node->slots[slot_of(index, level)];
		if (!node)
			return NULL;
	}
	item = node->slots[slot_of(index, 1)];
	if (!item)
		return NULL;
	node->slots[slot_of(index, 1)] = NULL;
	/* Free nodes that became empty, bottom up. */
	level = 1;
	while (--node->count == 0) {
		node_free(node);
		if (depth == 0) {
			root->rnode = NULL;
			root->height = 0;
			break;
		}
		node = path[--depth];
		level++;
		node->slots[slot_of(index, level)] = NULL;
	}
	return item;
}

/* In-order walk of the subtree under node (at `level`, covering indices from base). */
static void gang(const struct radix_tree_node *node, unsigned int level, unsigned long base,
		 unsigned long first, void **results, unsigned long *indices, unsigned int max,
		 unsigned int *n)
{
	unsigned int shift = (level - 1) * RADIX_TREE_MAP_SHIFT;
	unsigned int i;

	for (i = 0; i < RADIX_TREE_MAP_SIZE && *n < max; i++) {
		unsigned long lo = base + ((unsigned long)i << shift);
		unsigned long hi = lo + ((1UL << shift) - 1);

		if (!node->slots[i] || hi < first)
			continue;
		if (level > 1) {
			gang(node->slots[i], level - 1, lo, first, results, indices, max, n);
		} else {
			results[*n] = node->slots[i];
			if (indices)
				indices[*n] = lo;
			(*n)++;
		}
	}
}

unsigned int radix_tree_gang_lookup(const struct radix_tree_root *root, void **results,
				    unsigned long *indices, unsigned long first, unsigned int max)
{
	unsigned int n = 0;

	if (root->rnode && first <= max_index(root->height))
		gang(root->rnode, root->height, 0, first, results, indices, max, &n);
	return n;
}
