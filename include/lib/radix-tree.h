/* SPDX-License-Identifier: MIT */
/*
 * A radix tree mapping an unsigned long index to a pointer, as the page cache uses it
 * (page index -> struct page). Each node has 64 slots, so each level consumes 6 bits of the
 * index; the tree is only as tall as the largest index needs:
 *
 *   height 1: indices 0..63          root -> [64 slots of items]
 *   height 2: indices 0..4095        root -> [64 slots of nodes] -> [64 slots of items]
 *   ...
 *
 * Pure logic (host-tested); the caller provides locking. Node memory comes from
 * radix_tree_node_alloc/free, kmalloc in the kernel and malloc on the host.
 */
#ifndef LIB_RADIX_TREE_H
#define LIB_RADIX_TREE_H

#include <types.h>

#define RADIX_TREE_MAP_SHIFT	6
#define RADIX_TREE_MAP_SIZE	(1UL << RADIX_TREE_MAP_SHIFT)
#define RADIX_TREE_MAP_MASK	(RADIX_TREE_MAP_SIZE - 1)

struct radix_tree_node {
	unsigned int count;			/* non-NULL slots */
	void *slots[RADIX_TREE_MAP_SIZE];
};

struct radix_tree_root {
	unsigned int height;			/* 0: empty tree */
	struct radix_tree_node *rnode;
};

#define RADIX_TREE_INIT { 0, NULL }

static inline void INIT_RADIX_TREE(struct radix_tree_root *root)
{
	root->height = 0;
	root->rnode = NULL;
}

/* 0, -EEXIST if index holds an item already, -ENOMEM. item must not be NULL. */
int radix_tree_insert(struct radix_tree_root *root, unsigned long index, void *item);
void *radix_tree_lookup(const struct radix_tree_root *root, unsigned long index);
/* Removes and returns the item (NULL if none); frees nodes that become empty. */
void *radix_tree_delete(struct radix_tree_root *root, unsigned long index);
/* Up to max items with index >= first, in index order; their indices go to indices[]
 * (may be NULL). Returns how many. */
unsigned int radix_tree_gang_lookup(const struct radix_tree_root *root, void **results,
				    unsigned long *indices, unsigned long first, unsigned int max);

#endif
