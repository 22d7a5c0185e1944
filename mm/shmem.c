/*
 * Shared anonymous memory. A MAP_SHARED|MAP_ANONYMOUS mapping is, as in
 * Linux, a mapping of a file that has no name: its pages live in that
 * file's page cache, so every process that inherits the mapping through
 * fork maps the same pages, and they go back when the last mapping (and
 * with it the last reference to the file) goes.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>

/* Where the unnamed files live (Linux's internal tmpfs mount), so
 * /proc/<pid>/maps can tell them: "/dev/zero (deleted)". */
struct super_block shmem_sb = {
	.s_maxbytes = MAX_LFS_FILESIZE,
	.s_magic = 0x01021994,	/* TMPFS_MAGIC */
};

/* Give a new shared anonymous vma its unnamed file, as big as the vma,
 * in place of the file it maps (/dev/zero's), if any. */
int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct inode *inode;
	struct file *file;

	inode = ramfs_get_unnamed_inode(0777, vma->vm_end - vma->vm_start);
	if (!inode)
		return -ENOMEM;
	inode->i_sb = &shmem_sb;
	ihold(inode);
	file = alloc_file(inode, O_RDWR | O_LARGEFILE);
	iput(inode);	/* the file holds it now; without one, it is freed */
	if (!file)
		return -ENOMEM;
	if (vma->vm_file)
		fput(vma->vm_file);
	vma->vm_file = file;
	vma->vm_pgoff = 0;
	return 0;
}
