/* SPDX-License-Identifier: MIT */
/*
 * Red-black trees, with Linux's names (include/linux/rbtree.h, rbtree_augmented.h).
 *
 * The tree is intrusive: a struct rb_node is embedded in the object (a VMA embeds vm_rb) and
 * rb_entry() finds the object again. The tree never allocates and never compares keys: the
 * caller walks down to the place where the new node belongs, hangs it there with
 * rb_link_node(), and rb_insert_color() rebalances. So one tree implementation serves every
 * key type:
 *
 *	struct rb_node **link = &root->rb_node, *parent = NULL;
 *
 *	while (*link) {
 *		parent = *link;
 *		if (key < rb_entry(parent, struct thing, node)->key)
 *			link = &parent->rb_left;
 *		else
 *			link = &parent->rb_right;
 *	}
 *	rb_link_node(&new->node, parent, link);
 *	rb_insert_color(&new->node, root);
 *
 * The colour is kept in bit 0 of __rb_parent_color (the parent pointer is at least 4-byte
 * aligned, so its low bits are free): 0 red, 1 black. Use rb_parent() and rb_is_red() rather
 * than reading the field.
 *
 * Augmented trees keep, in each node, a value computed from the node and its two subtrees
 * (the VMA tree keeps the largest free gap of the subtree). Rotations and erasure move nodes
 * between subtrees, so the tree calls back into the user to fix those values: see
 * struct rb_augment_callbacks below and docs/vma.md.
 */
#ifndef LIB_RBTREE_H
#define LIB_RBTREE_H

#include <types.h>

struct rb_node {
	unsigned long __rb_parent_color; /* parent pointer | colour (bit 0) */
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __aligned(sizeof(long));

struct rb_root {
	struct rb_node *rb_node;
};

#define RB_RED	 0UL
#define RB_BLACK 1UL

#define RB_ROOT ((struct rb_root){NULL})

#define rb_entry(ptr, type, member) container_of(ptr, type, member)

static inline struct rb_node *rb_parent(const struct rb_node *node)
{
	return (struct rb_node *)(node->__rb_parent_color & ~3UL);
}

/* An absent child (NULL) counts as black, as in every red-black tree. */
static inline bool rb_is_black(const struct rb_node *node)
{
	return !node || (node->__rb_parent_color & 1UL) == RB_BLACK;
}

static inline bool rb_is_red(const struct rb_node *node)
{
	return !rb_is_black(node);
}

static inline bool RB_EMPTY_ROOT(const struct rb_root *root)
{
	return root->rb_node == NULL;
}

/* A node that is in no tree points to itself as its parent (Linux's convention). */
static inline void RB_CLEAR_NODE(struct rb_node *node)
{
	node->__rb_parent_color = (unsigned long)node;
}

static inline bool RB_EMPTY_NODE(const struct rb_node *node)
{
	return node->__rb_parent_color == (unsigned long)node;
}

/*
 * Hang node at *link, a NULL child pointer of parent (or the root pointer, parent NULL),
 * found by the caller's descent. The node is red with no children: the tree may now break
 * the red-red rule, and rb_insert_color() or rb_insert_augmented() must be called next.
 */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent, struct rb_node **link)
{
	node->__rb_parent_color = (unsigned long)parent; /* colour bit 0: red */
	node->rb_left = NULL;
	node->rb_right = NULL;
	*link = node;
}

/* Rebalance after rb_link_node(). */
void rb_insert_color(struct rb_node *node, struct rb_root *root);

/* Take node out of the tree and rebalance. The node's own fields are left stale. */
void rb_erase(struct rb_node *node, struct rb_root *root);

/* In-order walk: the smallest, the largest, the next larger, the next smaller (or NULL). */
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

/*
 * Augmented trees. Each node carries a value V(n) = f(n, V(n->rb_left), V(n->rb_right)),
 * e.g. the largest key in its subtree. The user supplies three callbacks; each recomputes or
 * moves V with the user's own f:
 *
 * propagate(node, stop)  The subtree of node changed below it: recompute V(node), then
 *                        V(parent), and so on upwards, up to but not including stop (NULL:
 *                        up to and including the root). Recompute every node on the way;
 *                        do not stop early when a value comes out unchanged (the insert
 *                        path relies on reaching the root).
 * copy(old, new)         new is taking old's place in the tree: V(new) = V(old).
 * rotate(old, new)       A rotation made new the parent of old, in old's former place:
 *
 *                            old               new
 *                           /   \             /   \
 *                          a    new   ->    old    c
 *                              /   \       /   \
 *                             b     c     a     b
 *
 *                        new's subtree now holds exactly what old's held, so
 *                        V(new) = V(old) (old value); then recompute V(old) from a and b.
 */
struct rb_augment_callbacks {
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	void (*copy)(struct rb_node *old, struct rb_node *new);
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

/*
 * Rebalance after rb_link_node(), keeping V right. Unlike Linux, this first calls
 * augment->propagate(node, NULL) itself, so the caller only has to have V right in the tree
 * as it was before node was linked.
 */
void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment);

/* rb_erase(), keeping V right in every remaining node. */
void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment);

#endif /* LIB_RBTREE_H */
