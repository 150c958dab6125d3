// SPDX-License-Identifier: MIT
/*
 * Red-black trees (the algorithm of Cormen et al., "Introduction to Algorithms", ch. 13,
 * with Linux's interface: include/lib/rbtree.h).
 *
 * A red-black tree is a binary search tree whose nodes are red or black, such that
 *
 *   1. the root is black,
 *   2. a red node has no red child,
 *   3. every path from a node down to an absent (NULL) child passes the same number of
 *      black nodes (the node's "black height").
 *
 * Together these keep the longest path at most twice the shortest: the height is at most
 * 2 log2(n + 1), so lookup, insert and erase are O(log n).
 *
 * Insert and erase first change the tree as a plain binary search tree would, then repair
 * whatever rule they broke by recolouring and rotating on the way up. A rotation turns an
 * edge around while keeping the in-order sequence (a x b y c below) unchanged:
 *
 *            x                          y
 *           / \     rotate_left(x)     / \
 *          a   y    ------------->    x   c
 *             / \   <-------------   / \
 *            b   c  rotate_right(y) a   b
 *
 * Pictures below: capitals are black (X), lower case red (x); a, b, c ... are subtrees.
 * Every case has a mirror image (left and right exchanged), written out in the code.
 *
 * The plain and the augmented operations share one implementation: the plain ones pass
 * callbacks that do nothing (dummy_callbacks).
 */
#include <lib/rbtree.h>

static void rb_set_parent(struct rb_node *node, struct rb_node *parent)
{
	node->__rb_parent_color = (unsigned long)parent | (node->__rb_parent_color & 1UL);
}

static void rb_set_color(struct rb_node *node, unsigned long color)
{
	node->__rb_parent_color = (node->__rb_parent_color & ~1UL) | color;
}

static void rb_set_black(struct rb_node *node)
{
	rb_set_color(node, RB_BLACK);
}

static void rb_set_red(struct rb_node *node)
{
	rb_set_color(node, RB_RED);
}

/* Make parent (or the root pointer, when parent is NULL) point to new instead of old. */
static void rb_change_child(struct rb_node *old, struct rb_node *new, struct rb_node *parent,
			    struct rb_root *root)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
}

/* The picture at the top of the file, left to right. Colours are the caller's business. */
static void rotate_left(struct rb_node *x, struct rb_root *root,
			const struct rb_augment_callbacks *augment)
{
	struct rb_node *y = x->rb_right;
	struct rb_node *b = y->rb_left;
	struct rb_node *parent = rb_parent(x);

	x->rb_right = b;
	if (b)
		rb_set_parent(b, x);
	y->rb_left = x;
	rb_set_parent(y, parent);
	rb_change_child(x, y, parent, root);
	rb_set_parent(x, y);
	augment->rotate(x, y);
}

/* The picture at the top of the file, right to left. */
static void rotate_right(struct rb_node *y, struct rb_root *root,
			 const struct rb_augment_callbacks *augment)
{
	struct rb_node *x = y->rb_left;
	struct rb_node *b = x->rb_right;
	struct rb_node *parent = rb_parent(y);

	y->rb_left = b;
	if (b)
		rb_set_parent(b, y);
	x->rb_right = y;
	rb_set_parent(x, parent);
	rb_change_child(y, x, parent, root);
	rb_set_parent(y, x);
	augment->rotate(y, x);
}

/*
 * Insertion. The new node n is linked red at the bottom: black heights (rule 3) still hold,
 * but n's parent may be red (rule 2 broken). While that is so, with p the parent, g the
 * grandparent (black, since p is red) and u the uncle (g's other child):
 *
 * Case 1: u is red. Recolour: p and u black, g red. Black heights are unchanged below g, but
 * g may now have a red parent: continue from g.
 *
 *             G                    g    <- n continues from here
 *            / \                  / \
 *           p   u       ->       P   U
 *          /                    /
 *         n                    n
 *
 * Case 2: u is black and n is the inner grandchild (p's right child, p a left child).
 * Rotate left at p so that the old p becomes the outer grandchild: now case 3, with the
 * roles of n and p exchanged.
 *
 *             G                    G
 *            / \                  / \
 *           p   U       ->       n   U
 *            \                  /
 *             n                p
 *
 * Case 3: u is black and n is the outer grandchild. Rotate right at g and swap the colours
 * of p and g: p, now black, takes g's place, so nothing above changes. Done.
 *
 *             G                    P
 *            / \                  / \
 *           p   U       ->       n   g
 *          /                          \
 *         n                            U
 *
 * If the loop ends with n at the root, the root may be red: paint it black (rule 1), which
 * adds one to every black height at once.
 */
static void insert_fixup(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment)
{
	struct rb_node *parent, *gparent, *uncle;

	while ((parent = rb_parent(node)) && rb_is_red(parent)) {
		gparent = rb_parent(parent); /* exists: a red node is never the root */
		if (parent == gparent->rb_left) {
			uncle = gparent->rb_right;
			if (rb_is_red(uncle)) { /* case 1 */
				rb_set_black(parent);
				rb_set_black(uncle);
				rb_set_red(gparent);
				node = gparent;
				continue;
			}
			if (node == parent->rb_right) { /* case 2 */
				rotate_left(parent, root, augment);
				parent = node;
			}
			rb_set_black(parent); /* case 3 */
			rb_set_red(gparent);
			rotate_right(gparent, root, augment);
			break;
		} else {
			uncle = gparent->rb_left;
			if (rb_is_red(uncle)) { /* case 1 */
				rb_set_black(parent);
				rb_set_black(uncle);
				rb_set_red(gparent);
				node = gparent;
				continue;
			}
			if (node == parent->rb_left) { /* case 2 */
				rotate_right(parent, root, augment);
				parent = node;
			}
			rb_set_black(parent); /* case 3 */
			rb_set_red(gparent);
			rotate_left(gparent, root, augment);
			break;
		}
	}
	rb_set_black(root->rb_node);
}

/*
 * Erasure, part 2. A black node was removed from under parent, on the side where node now
 * hangs (node may be NULL): every path through that side has one black too few. While node
 * is black (or NULL) and not the root, with s its sibling (which exists: the other side has
 * at least one black node more than this one) and node on the left (the right is the mirror):
 *
 * Case 1: s is red (so p is black). Rotate left at p, swap the colours of p and s. The
 * deficit is unchanged, but node's new sibling (the old s->rb_left, c) is black: go on to
 * case 2, 3 or 4.
 *
 *            P                     S
 *           / \                   / \
 *          N   s       ->        p   D
 *             / \               / \
 *            C   D             N   C
 *
 * Case 2: s is black and both its children are black. Paint s red: p's two sides are now
 * equally short, so the deficit moves up to p. If p is red, painting it black ends it;
 * otherwise continue from p. (p, in parentheses, may be either colour.)
 *
 *           (p)                   (p)   <- node continues from here
 *           / \                   / \
 *          N   S       ->        N   s
 *             / \                   / \
 *            C   D                 C   D
 *
 * Case 3: s is black, its far child d black and its near child c red. Rotate right at s and
 * swap the colours of s and c: node's sibling is now black with a red far child, case 4.
 *
 *           (p)                   (p)
 *           / \                   / \
 *          N   S       ->        N   C
 *             / \                     \
 *            c   D                     s
 *                                       \
 *                                        D
 *
 * Case 4: s is black and its far child d is red. Rotate left at p; s takes p's colour,
 * p and d become black. node's side has gained a black (p) and s's side kept its count
 * (d became black in place of s). Done.
 *
 *           (p)                   (s)
 *           / \                   / \
 *          N   S       ->        P   D
 *             / \               / \
 *           (c)  d             N  (c)
 */
static void erase_fixup(struct rb_node *node, struct rb_node *parent, struct rb_root *root,
			const struct rb_augment_callbacks *augment)
{
	struct rb_node *sibling;

	while (node != root->rb_node && rb_is_black(node)) {
		/* When node is NULL this still finds its side: the sibling is never NULL. */
		if (node == parent->rb_left) {
			sibling = parent->rb_right;
			if (rb_is_red(sibling)) { /* case 1 */
				rb_set_black(sibling);
				rb_set_red(parent);
				rotate_left(parent, root, augment);
				sibling = parent->rb_right;
			}
			if (rb_is_black(sibling->rb_left) && rb_is_black(sibling->rb_right)) {
				rb_set_red(sibling); /* case 2 */
				node = parent;
				parent = rb_parent(node);
				continue;
			}
			if (rb_is_black(sibling->rb_right)) { /* case 3 */
				rb_set_black(sibling->rb_left);
				rb_set_red(sibling);
				rotate_right(sibling, root, augment);
				sibling = parent->rb_right;
			}
			rb_set_color(sibling, parent->__rb_parent_color & 1UL); /* case 4 */
			rb_set_black(parent);
			rb_set_black(sibling->rb_right);
			rotate_left(parent, root, augment);
			node = root->rb_node;
		} else {
			sibling = parent->rb_left;
			if (rb_is_red(sibling)) { /* case 1 */
				rb_set_black(sibling);
				rb_set_red(parent);
				rotate_right(parent, root, augment);
				sibling = parent->rb_left;
			}
			if (rb_is_black(sibling->rb_left) && rb_is_black(sibling->rb_right)) {
				rb_set_red(sibling); /* case 2 */
				node = parent;
				parent = rb_parent(node);
				continue;
			}
			if (rb_is_black(sibling->rb_left)) { /* case 3 */
				rb_set_black(sibling->rb_right);
				rb_set_red(sibling);
				rotate_left(sibling, root, augment);
				sibling = parent->rb_left;
			}
			rb_set_color(sibling, parent->__rb_parent_color & 1UL); /* case 4 */
			rb_set_black(parent);
			rb_set_black(sibling->rb_left);
			rotate_right(parent, root, augment);
			node = root->rb_node;
		}
	}
	if (node)
		rb_set_black(node);
}

/*
 * Erasure, part 1: unlink node as from a plain binary search tree, keep the augmented values
 * right, then call erase_fixup() if a black node has gone from some path.
 *
 * Case A: node has at most one child c. c (or nothing) takes node's place.
 * If node had a child, node was black and c red (a lone child under a black node must be
 * red, else rule 3 fails; a red node cannot have a lone child for the same reason): paint
 * c black and every path keeps its count. If node had no child and was black, its parent
 * lost a black on that side: fix up.
 *
 *          (q)                 (q)
 *           |                   |
 *           N         ->        C
 *            \
 *             c
 *
 * Case B: node has two children. Its successor s (the leftmost node of its right subtree)
 * has no left child; s takes node's place and colour, so the tree loses a node where s was.
 * That is case A at s's old place: s's right child x (red, if present) is painted black,
 * otherwise, if s was black, fix up from s's old parent.
 *
 *   B1: s is node's right child.     B2: s is deeper in the right subtree.
 *
 *          N              S               N                  S
 *         / \            / \             / \                / \
 *        a   S    ->    a   X           a   r              a   r
 *             \                            / ..              / ..
 *              x                          p                 p
 *                                        / \               / \
 *                                       S   .             X   .
 *                                        \
 *                                         x
 *
 * Augmented values: in B2 the nodes from p up to (not including) s lost s from their
 * subtrees, and s holds what node held minus node itself: copy node's value into s, then
 * propagate from p up to s, and from s up to the root. (With our callbacks, which recompute
 * all the way up, propagate(p, NULL) alone would do; the two steps keep Linux's contract.)
 */
void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment)
{
	struct rb_node *child, *parent, *successor;
	bool lost_black;

	if (!node->rb_left || !node->rb_right) {
		/* Case A */
		child = node->rb_left ? node->rb_left : node->rb_right;
		parent = rb_parent(node);
		rb_change_child(node, child, parent, root);
		lost_black = rb_is_black(node);
		if (child) {
			/* child is red: it takes node's parent and black colour */
			child->__rb_parent_color = node->__rb_parent_color;
			lost_black = false;
		}
		if (parent)
			augment->propagate(parent, NULL);
	} else {
		/* Case B */
		successor = node->rb_right;
		while (successor->rb_left)
			successor = successor->rb_left;
		child = successor->rb_right;
		lost_black = rb_is_black(successor);

		if (successor == node->rb_right) {
			parent = successor; /* B1 */
		} else {
			parent = rb_parent(successor); /* B2 */
			parent->rb_left = child;
			if (child)
				rb_set_parent(child, parent);
			successor->rb_right = node->rb_right;
			rb_set_parent(node->rb_right, successor);
		}
		successor->rb_left = node->rb_left;
		rb_set_parent(node->rb_left, successor);
		rb_change_child(node, successor, rb_parent(node), root);
		successor->__rb_parent_color = node->__rb_parent_color;
		if (child) {
			rb_set_black(child); /* its parent is already right */
			lost_black = false;
		}
		augment->copy(node, successor);
		if (parent != successor)
			augment->propagate(parent, successor);
		augment->propagate(successor, NULL);
	}
	if (lost_black)
		erase_fixup(NULL, parent, root, augment);
}

/* The plain tree: callbacks with nothing to maintain. */
static void dummy_propagate(struct rb_node *node, struct rb_node *stop) {}

static void dummy_copy(struct rb_node *old, struct rb_node *new) {}

static void dummy_rotate(struct rb_node *old, struct rb_node *new) {}

static const struct rb_augment_callbacks dummy_callbacks = {
    .propagate = dummy_propagate,
    .copy = dummy_copy,
    .rotate = dummy_rotate,
};

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	insert_fixup(node, root, &dummy_callbacks);
}

void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment)
{
	augment->propagate(node, NULL);
	insert_fixup(node, root, augment);
}

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	rb_erase_augmented(node, root, &dummy_callbacks);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *node = root->rb_node;

	if (!node)
		return NULL;
	while (node->rb_left)
		node = node->rb_left;
	return node;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *node = root->rb_node;

	if (!node)
		return NULL;
	while (node->rb_right)
		node = node->rb_right;
	return node;
}

/*
 * The next node in order: the leftmost of the right subtree if there is one; otherwise the
 * first ancestor that we reach from its left side (everything we climb past is smaller).
 */
struct rb_node *rb_next(const struct rb_node *node)
{
	struct rb_node *parent;

	if (node->rb_right) {
		node = node->rb_right;
		while (node->rb_left)
			node = node->rb_left;
		return (struct rb_node *)node;
	}
	while ((parent = rb_parent(node)) && node == parent->rb_right)
		node = parent;
	return parent;
}

/* The mirror of rb_next(). */
struct rb_node *rb_prev(const struct rb_node *node)
{
	struct rb_node *parent;

	if (node->rb_left) {
		node = node->rb_left;
		while (node->rb_right)
			node = node->rb_right;
		return (struct rb_node *)node;
	}
	while ((parent = rb_parent(node)) && node == parent->rb_left)
		node = parent;
	return parent;
}
