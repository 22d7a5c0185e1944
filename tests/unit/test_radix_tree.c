/*
 * Unit tests for lib/radix-tree.c, the index -> pointer map behind the
 * page cache: sparse indices up to ~0UL, growing and shrinking, in-order
 * iteration, and out-of-memory at every allocation leaving the tree
 * unchanged. kzalloc/kfree are the host's, with a countdown to fail one
 * and a count of live nodes so every test can prove nothing leaked.
 */
#include <stdlib.h>
#include <linux/errno.h>
#include <linux/radix-tree.h>
#include <linux/slab.h>
#include "unit.h"

static long live_nodes;
static int fail_countdown;	/* >0: the Nth kzalloc from now fails */

void *kzalloc(size_t size, gfp_t gfp)
{
	(void)gfp;
	if (fail_countdown && !--fail_countdown)
		return NULL;
	live_nodes++;
	return calloc(1, size);
}

void kfree(const void *p)
{
	if (p)
		live_nodes--;
	free((void *)p);
}

/* Item pointers that encode their index, so a wrong slot shows. */
static void *item(unsigned long index)
{
	return (void *)((index << 2) | 2);
}

static void empty_tree(struct radix_tree_root *root)
{
	unsigned long index = 0;

	while (radix_tree_next(root, &index)) {
		radix_tree_delete(root, index);
		if (!++index)
			break;
	}
}

static void test_empty_tree_finds_nothing(void)
{
	struct radix_tree_root root = RADIX_TREE_INIT;
	unsigned long index = 0;

	CHECK(radix_tree_lookup(&root, 0) == NULL);
	CHECK(radix_tree_lookup(&root, ~0UL) == NULL);
	CHECK(radix_tree_delete(&root, 5) == NULL);
	CHECK(radix_tree_next(&root, &index) == NULL);
	CHECK_INT(live_nodes, 0);
}

static void test_insert_lookup_delete_sparse_indices(void)
{
	static const unsigned long idx[] = { 0, 1, 63, 64, 4095, 4096,
		1UL << 20, (1UL << 31) - 1, ~0UL >> 12, ~0UL - 1, ~0UL };
	struct radix_tree_root root = RADIX_TREE_INIT;
	unsigned int i, n = sizeof(idx) / sizeof(idx[0]);

	for (i = 0; i < n; i++)
		CHECK_INT(radix_tree_insert(&root, idx[i], item(idx[i])), 0);
	for (i = 0; i < n; i++)
		CHECK(radix_tree_lookup(&root, idx[i]) == item(idx[i]));
	CHECK(radix_tree_lookup(&root, 2) == NULL);
	CHECK(radix_tree_lookup(&root, 65) == NULL);
	CHECK(radix_tree_lookup(&root, ~0UL - 2) == NULL);
	CHECK_INT(radix_tree_insert(&root, 4096, item(1)), -EEXIST);
	CHECK(radix_tree_lookup(&root, 4096) == item(4096));
	for (i = 0; i < n; i++) {
		CHECK(radix_tree_delete(&root, idx[i]) == item(idx[i]));
		CHECK(radix_tree_lookup(&root, idx[i]) == NULL);
	}
	CHECK(root.rnode == NULL && root.height == 0);
	CHECK_INT(live_nodes, 0);
}

static void test_tree_grows_only_as_tall_as_the_largest_index(void)
{
	struct radix_tree_root root = RADIX_TREE_INIT;

	radix_tree_insert(&root, 5, item(5));
	CHECK_INT(root.height, 1);
	CHECK_INT(live_nodes, 1);
	radix_tree_insert(&root, 5000, item(5000));	/* 3 digits of 6 bits */
	CHECK_INT(root.height, 3);
	CHECK_INT(live_nodes, 5);	/* 2 new roots + 2 on 5000's path */
	CHECK(radix_tree_lookup(&root, 5) == item(5));
	radix_tree_delete(&root, 5000);
	CHECK_INT(root.height, 1);	/* shrinks back */
	CHECK_INT(live_nodes, 1);
	CHECK(radix_tree_lookup(&root, 5) == item(5));
	radix_tree_delete(&root, 5);
	CHECK_INT(live_nodes, 0);
}

static void test_next_visits_every_item_in_order(void)
{
	struct radix_tree_root root = RADIX_TREE_INIT;
	unsigned long index, want, count = 0;

	for (want = 3; want < 200000; want = want * 3 + 1)
		radix_tree_insert(&root, want, item(want));
	radix_tree_insert(&root, ~0UL, item(~0UL));
	index = 0;
	want = 3;
	while (radix_tree_next(&root, &index)) {
		if (want < 200000) {
			CHECK_INT(index, want);
			want = want * 3 + 1;
		} else {
			CHECK(index == ~0UL);
		}
		CHECK(radix_tree_lookup(&root, index) == item(index));
		count++;
		if (!++index)
			break;
	}
	CHECK_INT(count, 11);	/* 3, 10, 31, ..., 88573 and ~0UL */
	index = 32;
	CHECK(radix_tree_next(&root, &index) == item(94));
	CHECK_INT(index, 94);
	index = 88574;
	CHECK(radix_tree_next(&root, &index) == item(~0UL));
	empty_tree(&root);
	CHECK_INT(live_nodes, 0);
}

static void test_out_of_memory_leaves_the_tree_unchanged(void)
{
	struct radix_tree_root root = RADIX_TREE_INIT;
	int n, err;

	radix_tree_insert(&root, 7, item(7));
	/* Fail the 1st, 2nd, ... allocation of a 4-node insertion. */
	for (n = 1; n <= 4; n++) {
		fail_countdown = n;
		err = radix_tree_insert(&root, 1UL << 18, item(1UL << 18));
		fail_countdown = 0;
		CHECK_INT(err, -ENOMEM);
		CHECK_INT(live_nodes, 1);
		CHECK_INT(root.height, 1);
		CHECK(radix_tree_lookup(&root, 1UL << 18) == NULL);
		CHECK(radix_tree_lookup(&root, 7) == item(7));
	}
	CHECK_INT(radix_tree_insert(&root, 1UL << 18, item(1UL << 18)), 0);
	CHECK(radix_tree_lookup(&root, 1UL << 18) == item(1UL << 18));
	empty_tree(&root);
	CHECK_INT(live_nodes, 0);
}

static void test_dense_range_insert_and_delete_in_any_order(void)
{
	struct radix_tree_root root = RADIX_TREE_INIT;
	unsigned long i, bad = 0;

	for (i = 0; i < 10000; i++)
		radix_tree_insert(&root, i * 7 % 10000, item(i * 7 % 10000));
	for (i = 0; i < 10000; i++)
		bad += radix_tree_lookup(&root, i) != item(i);
	CHECK_INT(bad, 0);
	for (i = 0; i < 10000; i += 2)
		bad += radix_tree_delete(&root, i) != item(i);
	for (i = 0; i < 10000; i++)
		bad += radix_tree_lookup(&root, i) != (i & 1 ? item(i) : NULL);
	CHECK_INT(bad, 0);
	for (i = 1; i < 10000; i += 2)
		radix_tree_delete(&root, i);
	CHECK(root.rnode == NULL);
	CHECK_INT(live_nodes, 0);
}

int main(void)
{
	RUN_TEST(test_empty_tree_finds_nothing);
	RUN_TEST(test_insert_lookup_delete_sparse_indices);
	RUN_TEST(test_tree_grows_only_as_tall_as_the_largest_index);
	RUN_TEST(test_next_visits_every_item_in_order);
	RUN_TEST(test_out_of_memory_leaves_the_tree_unchanged);
	RUN_TEST(test_dense_range_insert_and_delete_in_any_order);
	return unit_summary();
}
