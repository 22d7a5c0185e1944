/*
 * The radix tree behind the page cache (see <linux/radix-tree.h>). A tree
 * of height h holds indices below 2^(6h); it grows a level at the top when
 * a larger index arrives and gives back every node that empties. Inserting
 * allocates all the nodes it needs before changing anything, so running out
 * of memory leaves the tree as it was.
 */
#include <linux/errno.h>
#include <linux/radix-tree.h>
#include <linux/slab.h>

/* The largest index a tree of this height can hold. */
static unsigned long height_max_index(unsigned int height)
{
	unsigned int bits = height * RADIX_TREE_MAP_SHIFT;

	return bits >= RADIX_TREE_INDEX_BITS ? ~0UL : (1UL << bits) - 1;
}

/* The height a tree needs to hold index. */
static unsigned int index_height(unsigned long index)
{
	unsigned int height = 1;

	while (index > height_max_index(height))
		height++;
	return height;
}

/* The slot that index uses in a node `level` levels above the items. */
static unsigned int slot_offset(unsigned long index, unsigned int level)
{
	return (index >> (level * RADIX_TREE_MAP_SHIFT)) & RADIX_TREE_MAP_MASK;
}

void *radix_tree_lookup(const struct radix_tree_root *root,
			unsigned long index)
{
	struct radix_tree_node *node = root->rnode;
	unsigned int level;

	if (!node || index > height_max_index(root->height))
		return NULL;
	for (level = root->height - 1; level > 0; level--) {
		node = node->slots[slot_offset(index, level)];
		if (!node)
			return NULL;
	}
	return node->slots[slot_offset(index, 0)];
}

int radix_tree_insert(struct radix_tree_root *root, unsigned long index,
		      void *item)
{
	struct radix_tree_node *pool[2 * RADIX_TREE_MAX_PATH], *node;
	unsigned int height = root->height, need = 0, used = 0, level;
	unsigned int want = index_height(index);

	/*
	 * Count the nodes first. An empty tree needs a whole path; a tree
	 * too short for index needs new levels on top, and then a path
	 * under the new root's slot for index (never slot 0, or the tree
	 * would already have been tall enough).
	 */
	if (!root->rnode) {
		need = want;
	} else if (want > height) {
		need = (want - height) + (want - 1);
	} else {
		node = root->rnode;
		for (level = height - 1; level > 0 && node; level--) {
			node = node->slots[slot_offset(index, level)];
			if (!node)
				need += level;
		}
		if (node && node->slots[slot_offset(index, 0)])
			return -EEXIST;
	}
	for (; used < need; used++) {
		pool[used] = kzalloc(sizeof(struct radix_tree_node),
				     GFP_KERNEL);
		if (!pool[used]) {
			while (used--)
				kfree(pool[used]);
			return -ENOMEM;
		}
	}

	/* Nothing can fail from here on. */
	if (!root->rnode) {
		root->rnode = pool[--used];
		root->height = want;
	}
	while (root->height < want) {
		node = pool[--used];
		node->slots[0] = root->rnode;
		node->count = 1;
		root->rnode = node;
		root->height++;
	}
	node = root->rnode;
	for (level = root->height - 1; level > 0; level--) {
		void **slot = &node->slots[slot_offset(index, level)];

		if (!*slot) {
			*slot = pool[--used];
			node->count++;
		}
		node = *slot;
	}
	node->slots[slot_offset(index, 0)] = item;
	node->count++;
	return 0;
}

void *radix_tree_delete(struct radix_tree_root *root, unsigned long index)
{
	struct radix_tree_node *path[RADIX_TREE_MAX_PATH];
	struct radix_tree_node *node = root->rnode;
	unsigned int level, depth = 0;
	void *item;

	if (!node || index > height_max_index(root->height))
		return NULL;
	for (level = root->height - 1;; level--) {
		path[depth++] = node;
		if (!level)
			break;
		node = node->slots[slot_offset(index, level)];
		if (!node)
			return NULL;
	}
	item = node->slots[slot_offset(index, 0)];
	if (!item)
		return NULL;

	/* Clear the slot, then free the nodes it leaves empty, upward. */
	for (level = 0; depth--; level++) {
		node = path[depth];
		node->slots[slot_offset(index, level)] = NULL;
		if (--node->count)
			break;
		kfree(node);
		if (!depth) {
			root->rnode = NULL;
			root->height = 0;
			return item;
		}
	}
	/* A root using only its first slot is one level too many. */
	while (root->height > 1 && root->rnode->count == 1 &&
	       root->rnode->slots[0]) {
		node = root->rnode;
		root->rnode = node->slots[0];
		root->height--;
		kfree(node);
	}
	return item;
}

/* The first item at or after *index inside node, whose first index is
 * start and whose slots each span 2^(6 * level) indices. */
static void *next_in_node(const struct radix_tree_node *node,
			  unsigned int level, unsigned long start,
			  unsigned long *index)
{
	unsigned int shift = level * RADIX_TREE_MAP_SHIFT;
	unsigned long offset = (*index - start) >> shift;

	for (; offset < RADIX_TREE_MAP_SIZE; offset++) {
		unsigned long slot_start = start + (offset << shift);
		void *slot = node->slots[offset];

		if (!slot)
			continue;
		if (*index < slot_start)
			*index = slot_start;
		if (!level)
			return slot;
		slot = next_in_node(slot, level - 1, slot_start, index);
		if (slot)
			return slot;
	}
	return NULL;
}

void *radix_tree_next(const struct radix_tree_root *root,
		      unsigned long *index)
{
	if (!root->rnode || *index > height_max_index(root->height))
		return NULL;
	return next_in_node(root->rnode, root->height - 1, 0, index);
}
