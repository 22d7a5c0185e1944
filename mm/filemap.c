/*
 * The page cache: a regular file's data lives in pages kept in its
 * inode's radix tree (struct address_space), found by page number. Reads
 * copy out of those pages, reading holes as zeros; writes find or add the
 * page for each part. Every bound a user chooses is checked first
 * (generic_write_checks), so no offset or size can reach outside the pages.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/overflow.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>

unsigned long nr_file_pages;	/* every file's pages (Cached in meminfo) */

/* count, or fewer if only room (>= 0) bytes remain before a limit. */
static size_t clamp_count(size_t count, loff_t room)
{
	return (u64)room < count ? (size_t)room : count;
}

/*
 * Limit a write of *count bytes at *pos (or at the end, O_APPEND) as Linux
 * does: RLIMIT_FSIZE (SIGXFSZ and -EFBIG when nothing fits), then the
 * largest offset the file system or a 32-bit off_t can hold (-EFBIG).
 * *count shrinks to what fits. Returns 0 or -errno.
 */
ssize_t generic_write_checks(struct file *f, loff_t *pos, size_t *count)
{
	struct inode *inode = f->f_inode;
	u64 limit = task_rlimit(current, RLIMIT_FSIZE);
	loff_t max_size = inode->i_sb->s_maxbytes;

	if (f->f_flags & O_APPEND)
		*pos = inode->i_size;
	if (limit != RLIM_INFINITY && limit <= (u64)MAX_LFS_FILESIZE) {
		if (*pos >= (loff_t)limit) {
			send_sig(SIGXFSZ, current);
			return -EFBIG;
		}
		*count = clamp_count(*count, (loff_t)limit - *pos);
	}
	if (!(f->f_flags & O_LARGEFILE))
		max_size = MAX_NON_LFS;
	if (*pos >= max_size)
		return -EFBIG;
	*count = clamp_count(*count, max_size - *pos);
	return 0;
}

/* Copy up to count bytes at *pos, stopping at the end of the file, into a
 * kernel buffer; holes read as zeros. Returns the bytes copied. */
ssize_t filemap_read(struct inode *inode, char *kbuf, size_t count,
		     loff_t *pos)
{
	size_t done = 0;

	if (*pos >= inode->i_size || *pos >= inode->i_sb->s_maxbytes)
		return 0;
	count = clamp_count(count, inode->i_size - *pos);
	while (done < count) {
		unsigned long index = *pos >> PAGE_SHIFT;
		size_t offset = *pos & ~PAGE_MASK;
		size_t n = min(count - done, PAGE_SIZE - offset);
		struct page *page = radix_tree_lookup(&inode->i_data.i_pages,
						      index);

		if (page)
			memcpy(kbuf + done, (char *)page_address(page) + offset,
			       n);
		else
			memset(kbuf + done, 0, n);
		done += n;
		*pos += n;
	}
	return done;
}

/* The page at index of inode, added (zeroed) if the file has a hole there;
 * NULL when memory runs out. */
static struct page *grab_cache_page(struct inode *inode, unsigned long index)
{
	struct address_space *mapping = &inode->i_data;
	struct page *page = radix_tree_lookup(&mapping->i_pages, index);

	if (page)
		return page;
	page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);
	if (!page)
		return NULL;
	if (radix_tree_insert(&mapping->i_pages, index, page)) {
		__free_pages(page, 0);
		return NULL;
	}
	mapping->nrpages++;
	nr_file_pages++;
	return page;
}

/*
 * Copy count bytes from a kernel buffer into the file at *pos, which the
 * caller has checked (generic_write_checks). The file grows to cover what
 * was written. Returns the bytes written, or -ENOMEM when not even the
 * first page could be had.
 */
ssize_t generic_perform_write(struct inode *inode, const char *kbuf,
			      size_t count, loff_t *pos)
{
	size_t done = 0;
	loff_t end;

	if (check_add_overflow(*pos, (loff_t)count, &end) ||
	    end > inode->i_sb->s_maxbytes)
		return -EFBIG;	/* callers check first: never here */
	while (done < count) {
		unsigned long index = *pos >> PAGE_SHIFT;
		size_t offset = *pos & ~PAGE_MASK;
		size_t n = min(count - done, PAGE_SIZE - offset);
		struct page *page = grab_cache_page(inode, index);

		if (!page)
			break;
		memcpy((char *)page_address(page) + offset, kbuf + done, n);
		done += n;
		*pos += n;
	}
	if (*pos > inode->i_size)
		inode->i_size = *pos;
	return done ? (ssize_t)done : -ENOMEM;
}
