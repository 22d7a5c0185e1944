/*
 * The page cache: a regular file's data lives in pages kept in its
 * inode's radix tree (struct address_space), found by page number. Reads
 * copy out of those pages, reading holes as zeros; writes find or add the
 * page for each part. Every bound a user chooses is checked first
 * (generic_write_checks), so no offset or size can reach outside the pages.
 * mmap maps the very same pages (filemap_fault), so a store through a
 * MAP_SHARED mapping is what read() returns, and write() is seen there.
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

/*
 * The page at index of mapping, added (zeroed) if the file has a hole
 * there; NULL when memory runs out. The page cache's own reference is the
 * allocation's: the caller takes one more (get_page) to keep the page.
 * page->mapping and page->index say whose page it is, which fork and
 * mprotect read to tell a file's page from a private copy.
 */
struct page *find_or_create_page(struct address_space *mapping,
				 unsigned long index)
{
	struct page *page = radix_tree_lookup(&mapping->i_pages, index);

	if (page)
		return page;
	page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);
	if (!page)
		return NULL;
	if (radix_tree_insert(&mapping->i_pages, index, page)) {
		put_page(page);
		return NULL;
	}
	page->mapping = mapping;
	page->index = index;
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
		struct page *page = find_or_create_page(&inode->i_data,
							index);

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

/*
 * A fault on a file mapping (do_fault): the file's page pgoff, with a
 * reference for the caller in *pagep. A page wholly past the end of the
 * file is VM_FAULT_SIGBUS, as Linux; a hole inside the file gets a zeroed
 * page, which then belongs to the file.
 */
int filemap_fault(struct vm_area_struct *vma, unsigned long pgoff,
		  struct page **pagep)
{
	struct inode *inode = vma->vm_file->f_inode;
	struct page *page;

	if ((u64)pgoff >= ((u64)inode->i_size + PAGE_SIZE - 1) >> PAGE_SHIFT)
		return VM_FAULT_SIGBUS;
	page = find_or_create_page(&inode->i_data, pgoff);
	if (!page)
		return VM_FAULT_OOM;
	get_page(page);
	*pagep = page;
	return 0;
}

/* f_op->mmap of a regular file: any mapping of it is served from the page
 * cache by filemap_fault, page by page as it is touched. */
int generic_file_mmap(struct file *f, struct vm_area_struct *vma)
{
	(void)f;
	(void)vma;
	return 0;
}
