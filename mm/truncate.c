/*
 * Truncation: dropping a file's pages from an offset on (ftruncate,
 * O_TRUNC, and freeing a deleted file). The page that holds the new end is
 * kept, its tail zeroed, so growing the file again reads zeros there.
 * Mapped pages past the new end are unmapped from every address space
 * first (truncate_pagecache), so no PTE is left pointing at a page the
 * file gave back, and touching them afterwards is SIGBUS, as in Linux.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/string.h>

/*
 * Free every page of mapping in bytes [lstart, lend]: lend is -1 (to the
 * end of the file) or the last byte of a page. A first page only partly
 * inside has that part zeroed. Truncation and MADV_REMOVE's hole punching
 * come here.
 */
void truncate_inode_pages_range(struct address_space *mapping,
				loff_t lstart, loff_t lend)
{
	unsigned long index = (unsigned long)(lstart >> PAGE_SHIFT);
	unsigned long last = ~0UL;	/* the last whole page to free */
	size_t partial = lstart & ~PAGE_MASK;
	struct page *page;

	if (lend >= 0) {
		if (lend < lstart)
			return;
		last = (unsigned long)(lend >> PAGE_SHIFT);
	}
	if (partial) {
		page = radix_tree_lookup(&mapping->i_pages, index);
		if (page)
			memset((char *)page_address(page) + partial, 0,
			       PAGE_SIZE - partial);
		index++;
		if (!index)
			return;	/* lstart was in the very last page */
	}
	while (index <= last &&
	       (page = radix_tree_next(&mapping->i_pages, &index)) &&
	       index <= last) {
		radix_tree_delete(&mapping->i_pages, index);
		mapping->nrpages--;
		page->mapping = NULL;
		nr_file_pages--;
		put_page(page);	/* the page cache's reference */
		cond_resched();
		if (!++index)
			break;
	}
}

/* Free every page of mapping at or after byte lstart. */
void truncate_inode_pages(struct address_space *mapping, loff_t lstart)
{
	truncate_inode_pages_range(mapping, lstart, -1);
}

/*
 * A file shrinks to newsize: unmap its pages past the new end from every
 * mapping (private copies too), then drop them from the page cache.
 */
void truncate_pagecache(struct inode *inode, loff_t newsize)
{
	struct address_space *mapping = &inode->i_data;
	/* The first whole page past the end; unsigned, as newsize may be
	 * within a page of the largest loff_t. */
	u64 holebegin = ALIGN((u64)newsize, (u64)PAGE_SIZE);

	unmap_mapping_range(mapping, (loff_t)holebegin, 0);
	truncate_inode_pages(mapping, newsize);
}
