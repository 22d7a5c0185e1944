/*
 * Truncation: dropping a file's pages from an offset on (ftruncate,
 * O_TRUNC, and freeing a deleted file). The page that holds the new end is
 * kept, its tail zeroed, so growing the file again reads zeros there.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/string.h>

/* Free every page of mapping at or after byte lstart. */
void truncate_inode_pages(struct address_space *mapping, loff_t lstart)
{
	unsigned long index = (unsigned long)(lstart >> PAGE_SHIFT);
	size_t partial = lstart & ~PAGE_MASK;
	struct page *page;

	if (partial) {
		page = radix_tree_lookup(&mapping->i_pages, index);
		if (page)
			memset((char *)page_address(page) + partial, 0,
			       PAGE_SIZE - partial);
		index++;
		if (!index)
			return;	/* lstart was in the very last page */
	}
	while ((page = radix_tree_next(&mapping->i_pages, &index))) {
		radix_tree_delete(&mapping->i_pages, index);
		mapping->nrpages--;
		nr_file_pages--;
		__free_pages(page, 0);
		cond_resched();
		if (!++index)
			break;
	}
}
