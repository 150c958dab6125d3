// SPDX-License-Identifier: MIT
/*
 * Host tests of lib/rbtree.c.
 *
 * check_tree() walks the whole tree and checks each red-black rule, the parent pointers, the
 * key order and the node count against what the test believes is in the tree; for the
 * augmented tree it also recomputes every node's subtree maximum. The random tests apply
 * 100 000 inserts and erases to a pool of items and check after every batch.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include <lib/rbtree.h>

struct item {
	unsigned long key;
	unsigned long weight;	   /* the augmented test's per-node value */
	unsigned long subtree_max; /* largest weight in the subtree */
	bool in_tree;
	struct rb_node node;
};

static struct item *node_item(const struct rb_node *node)
{
	return rb_entry(node, struct item, node);
}

/* ---- the augmented callbacks: subtree_max ----------------------------------------------- */

static unsigned long compute_max(const struct item *it)
{
	unsigned long m = it->weight;

	if (it->node.rb_left && node_item(it->node.rb_left)->subtree_max > m)
		m = node_item(it->node.rb_left)->subtree_max;
	if (it->node.rb_right && node_item(it->node.rb_right)->subtree_max > m)
		m = node_item(it->node.rb_right)->subtree_max;
	return m;
}

static void max_propagate(struct rb_node *node, struct rb_node *stop)
{
	for (; node != stop; node = rb_parent(node))
		node_item(node)->subtree_max = compute_max(node_item(node));
}

static void max_copy(struct rb_node *old, struct rb_node *new)
{
	node_item(new)->subtree_max = node_item(old)->subtree_max;
}

static void max_rotate(struct rb_node *old, struct rb_node *new)
{
	node_item(new)->subtree_max = node_item(old)->subtree_max;
	node_item(old)->subtree_max = compute_max(node_item(old));
}

static const struct rb_augment_callbacks max_callbacks = {
    .propagate = max_propagate,
    .copy = max_copy,
    .rotate = max_rotate,
};

/* ---- insertion, the caller's half --------------------------------------------------------- */

static void insert(struct rb_root *root, struct item *it, bool augmented)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (it->key < node_item(parent)->key)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&it->node, parent, link);
	if (augmented)
		rb_insert_augmented(&it->node, root, &max_callbacks);
	else
		rb_insert_color(&it->node, root);
	it->in_tree = true;
}

static void erase(struct rb_root *root, struct item *it, bool augmented)
{
	if (augmented)
		rb_erase_augmented(&it->node, root, &max_callbacks);
	else
		rb_erase(&it->node, root);
	it->in_tree = false;
}

/* ---- the checker -------------------------------------------------------------------------- */

struct walk {
	bool augmented;
	unsigned long count;
	unsigned long depth_max;
	bool have_last;
	unsigned long last_key;
};

/* Checks the subtree at node (whose parent must be parent); returns its black height. */
static unsigned long check_subtree(const struct rb_node *node, const struct rb_node *parent,
				   unsigned long depth, struct walk *w)
{
	unsigned long left_bh, right_bh;
	const struct item *it;

	if (!node)
		return 1; /* an absent child counts as one black node */
	it = node_item(node);
	if (depth > w->depth_max)
		w->depth_max = depth;
	if (rb_parent(node) != parent)
		fail_msg("key %lu: expected parent %p, seen %p", it->key, (void *)parent,
			 (void *)rb_parent(node));
	if (rb_is_red(node) && (rb_is_red(node->rb_left) || rb_is_red(node->rb_right)))
		fail_msg("key %lu: red node with a red child (rule 2)", it->key);

	left_bh = check_subtree(node->rb_left, node, depth + 1, w);

	/* in order: keys strictly increase (the tests use distinct keys) */
	if (w->have_last && it->key <= w->last_key)
		fail_msg("in-order walk: expected a key above %lu, seen %lu", w->last_key, it->key);
	w->have_last = true;
	w->last_key = it->key;
	w->count++;
	if (!it->in_tree)
		fail_msg("key %lu: found in the tree after it was erased", it->key);

	right_bh = check_subtree(node->rb_right, node, depth + 1, w);
	if (left_bh != right_bh)
		fail_msg("key %lu: black heights differ: left %lu, right %lu (rule 3)", it->key,
			 left_bh, right_bh);
	if (w->augmented && it->subtree_max != compute_max(it))
		fail_msg("key %lu: expected subtree_max %lu, seen %lu", it->key, compute_max(it),
			 it->subtree_max);
	return left_bh + rb_is_black(node);
}

static void check_tree(const struct rb_root *root, unsigned long expected_count, bool augmented)
{
	struct walk w = {.augmented = augmented};
	unsigned long limit = 0, n;

	if (rb_is_red(root->rb_node))
		fail_msg("expected a black root, seen a red one (rule 1)");
	check_subtree(root->rb_node, NULL, 1, &w);
	if (w.count != expected_count)
		fail_msg("expected %lu nodes in the tree, seen %lu", expected_count, w.count);
	/* height <= 2 log2(n + 1) */
	for (n = expected_count + 1; n > 1; n >>= 1)
		limit++;
	limit = 2 * (limit + 1);
	if (w.depth_max > limit)
		fail_msg("%lu nodes: expected a height of at most %lu, seen %lu", expected_count,
			 limit, w.depth_max);
}

/* ---- tests ---------------------------------------------------------------------------------- */

static void sorted_inserts_stay_balanced(void **state)
{
	enum { N = 4096 };
	static struct item items[N];
	struct rb_root root = RB_ROOT;
	unsigned long i;

	for (i = 0; i < N; i++) {
		items[i] = (struct item){.key = i};
		insert(&root, &items[i], false);
		check_tree(&root, i + 1, false);
	}
	/* erase in the same order: always the leftmost node */
	for (i = 0; i < N; i++) {
		erase(&root, &items[i], false);
		if (i % 64 == 0)
			check_tree(&root, N - i - 1, false);
	}
	assert_true(RB_EMPTY_ROOT(&root));
}

static void first_last_next_prev_walk_in_key_order(void **state)
{
	enum { N = 500 };
	static struct item items[N];
	struct rb_root root = RB_ROOT;
	struct rb_node *node;
	unsigned long i, expect;

	assert_null(rb_first(&root));
	assert_null(rb_last(&root));
	for (i = 0; i < N; i++) {
		items[i] = (struct item){.key = (i * 337) % N * 2}; /* a permutation of evens */
		insert(&root, &items[i], false);
	}
	expect = 0;
	for (node = rb_first(&root); node; node = rb_next(node)) {
		if (node_item(node)->key != expect)
			fail_msg("rb_next: expected key %lu, seen %lu", expect,
				 node_item(node)->key);
		expect += 2;
	}
	assert_int_equal(expect, 2 * N);
	for (node = rb_last(&root); node; node = rb_prev(node)) {
		expect -= 2;
		if (node_item(node)->key != expect)
			fail_msg("rb_prev: expected key %lu, seen %lu", expect,
				 node_item(node)->key);
	}
	assert_int_equal(expect, 0);
}

static void erasing_every_node_empties_the_root(void **state)
{
	enum { N = 300 };
	static struct item items[N];
	struct rb_root root = RB_ROOT;
	unsigned long i;

	for (i = 0; i < N; i++) {
		items[i] = (struct item){.key = (i * 7919) % N};
		insert(&root, &items[i], false);
	}
	/* erase from the middle outwards: nodes with two children, one and none */
	for (i = 0; i < N; i++) {
		erase(&root, &items[(i * 13) % N], false);
		check_tree(&root, N - i - 1, false);
	}
	assert_null(root.rb_node);
}

/* The pool of random tests: keys are distinct (key = index * POOL + tag would also do). */
static void random_ops(bool augmented, unsigned long nr_ops, unsigned long pool, unsigned int seed)
{
	struct item *items = calloc(pool, sizeof(*items));
	struct rb_root root = RB_ROOT;
	unsigned long op, live = 0;

	assert_non_null(items);
	srand(seed);
	for (op = 0; op < pool; op++)
		items[op].key = op;
	for (op = 0; op < nr_ops; op++) {
		struct item *it = &items[(unsigned long)rand() % pool];

		if (it->in_tree) {
			erase(&root, it, augmented);
			live--;
		} else {
			it->weight = (unsigned long)rand() % 100000;
			insert(&root, it, augmented);
			live++;
		}
		if (op % 200 == 0)
			check_tree(&root, live, augmented);
	}
	check_tree(&root, live, augmented);
	if (augmented && live) {
		unsigned long i, m = 0;

		for (i = 0; i < pool; i++)
			if (items[i].in_tree && items[i].weight > m)
				m = items[i].weight;
		if (node_item(root.rb_node)->subtree_max != m)
			fail_msg("root: expected the largest weight %lu, seen %lu", m,
				 node_item(root.rb_node)->subtree_max);
	}
	free(items);
}

static void random_inserts_and_erases_keep_red_black_rules(void **state)
{
	random_ops(false, 100000, 3000, 1);
	random_ops(false, 20000, 40, 2); /* small and dense: many empty/one-node trees */
}

static void augmented_subtree_max_stays_exact(void **state)
{
	random_ops(true, 100000, 3000, 3);
	random_ops(true, 20000, 40, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(sorted_inserts_stay_balanced),
	    cmocka_unit_test(first_last_next_prev_walk_in_key_order),
	    cmocka_unit_test(erasing_every_node_empties_the_root),
	    cmocka_unit_test(random_inserts_and_erases_keep_red_black_rules),
	    cmocka_unit_test(augmented_subtree_max_stays_exact),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
