/*
 * A radix tree maps an unsigned long index to a pointer, as Linux's
 * <linux/radix-tree.h> did before the xarray: each node has 64 slots, one
 * per 6-bit digit of the index, and the tree is only as tall as its largest
 * index needs. The page cache keeps a file's pages in one, keyed by page
 * number, so a sparse file costs only the pages written (holes are NULL).
 *
 * The caller serialises calls on one tree (the inode's lock).
 */
#ifndef _LINUX_RADIX_TREE_H
#define _LINUX_RADIX_TREE_H

#include <linux/types.h>

#define RADIX_TREE_MAP_SHIFT 6
#define RADIX_TREE_MAP_SIZE (1UL << RADIX_TREE_MAP_SHIFT)
#define RADIX_TREE_MAP_MASK (RADIX_TREE_MAP_SIZE - 1)
#define RADIX_TREE_INDEX_BITS (8 * sizeof(unsigned long))
#define RADIX_TREE_MAX_PATH \
	((RADIX_TREE_INDEX_BITS + RADIX_TREE_MAP_SHIFT - 1) / RADIX_TREE_MAP_SHIFT)

struct radix_tree_node {
	unsigned int count;	/* slots in use */
	void *slots[RADIX_TREE_MAP_SIZE];
};

struct radix_tree_root {
	unsigned int height;	/* levels of nodes: 0 when empty */
	struct radix_tree_node *rnode;
};

#define RADIX_TREE_INIT { 0, NULL }

static inline void INIT_RADIX_TREE(struct radix_tree_root *root)
{
	root->height = 0;
	root->rnode = NULL;
}

/* The item at index, or NULL. */
void *radix_tree_lookup(const struct radix_tree_root *root,
			unsigned long index);
/* Store item (not NULL) at index: 0, -EEXIST, or -ENOMEM (tree unchanged). */
int radix_tree_insert(struct radix_tree_root *root, unsigned long index,
		      void *item);
/* Remove and return the item at index (NULL if none); empty nodes go. */
void *radix_tree_delete(struct radix_tree_root *root, unsigned long index);
/* The first item at an index >= *index, which is set to its index; NULL
 * when there is none. Loops use it to visit every item in order. */
void *radix_tree_next(const struct radix_tree_root *root,
		      unsigned long *index);

#endif
