/*
 * madvise(2): a process tells the kernel how it will use a range. Most
 * advice only tunes what Linux would do with disks and swap — read-ahead
 * (MADV_NORMAL, RANDOM, SEQUENTIAL, WILLNEED), page-out (COLD, PAGEOUT) —
 * which a RAM-only kernel has nothing to do for, so it is accepted. The
 * advice a program can observe is done: MADV_DONTNEED (and FREE) drop the
 * pages, so private anonymous memory reads as zeros again and a file
 * mapping shows the file again; REMOVE punches a hole in a shared file;
 * DONTFORK / WIPEONFORK change what fork gives a child; POPULATE_READ /
 * WRITE fault the pages in now.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <uapi/linux/mman.h>

/* Advice Linux knows without KSM, transparent huge pages or memory
 * failure handling (which Clonix lacks: those are -EINVAL there too). */
static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_DONTNEED:
	case MADV_FREE:
	case MADV_REMOVE:
	case MADV_DONTFORK:
	case MADV_DOFORK:
	case MADV_DONTDUMP:
	case MADV_DODUMP:
	case MADV_WIPEONFORK:
	case MADV_KEEPONFORK:
	case MADV_COLD:
	case MADV_PAGEOUT:
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
	case MADV_DONTNEED_LOCKED:
		return true;
	default:
		return false;
	}
}

/* Set and clear vm_flags on [start, end) of vma, splitting it so the
 * rest keeps its flags. */
static int madvise_update_vma(struct vm_area_struct *vma, unsigned long start,
			      unsigned long end, unsigned long set,
			      unsigned long clear)
{
	if (vma->vm_start < start) {
		if (split_vma(vma, start))
			return -ENOMEM;
		vma = next_vma(vma->vm_mm, vma);
	}
	if (vma->vm_end > end && split_vma(vma, end))
		return -ENOMEM;
	vma->vm_flags = (vma->vm_flags & ~clear) | set;
	return 0;
}

/* MADV_REMOVE: free the file's pages behind [start, end) of a shared
 * mapping, in every mapping of it; they read as zeros afterwards. */
static int madvise_remove(struct vm_area_struct *vma, unsigned long start,
			  unsigned long end)
{
	struct address_space *mapping;
	loff_t offset;

	if (!vma->vm_file)
		return -EINVAL;
	if ((vma->vm_flags & (VM_SHARED | VM_WRITE)) != (VM_SHARED | VM_WRITE))
		return -EACCES;
	mapping = &vma->vm_file->f_inode->i_data;
	offset = ((loff_t)vma->vm_pgoff << PAGE_SHIFT) + (start - vma->vm_start);
	unmap_mapping_range(mapping, offset, end - start);
	truncate_inode_pages_range(mapping, offset, offset + (end - start) - 1);
	return 0;
}

/* Apply behavior to [start, end), which lies inside vma. */
static int madvise_vma_behavior(struct vm_area_struct *vma,
				unsigned long start, unsigned long end,
				int behavior)
{
	bool anon_private = !vma->vm_file && !(vma->vm_flags & VM_SHARED);

	switch (behavior) {
	case MADV_FREE:
		/* Freeing at once is one thing MADV_FREE allows (the pages
		 * then read as zeros). */
		if (!anon_private)
			return -EINVAL;
		/* fall through */
	case MADV_DONTNEED:
	case MADV_DONTNEED_LOCKED:
		if (unshare_page_range(vma->vm_mm, start, end))
			return -ENOMEM;	/* tables shared since a fork */
		unmap_page_range(vma, start, end);
		return 0;
	case MADV_REMOVE:
		return madvise_remove(vma, start, end);
	case MADV_DONTFORK:
		return madvise_update_vma(vma, start, end, VM_DONTCOPY, 0);
	case MADV_DOFORK:
		return madvise_update_vma(vma, start, end, 0, VM_DONTCOPY);
	case MADV_WIPEONFORK:
		if (!anon_private)
			return -EINVAL;
		return madvise_update_vma(vma, start, end, VM_WIPEONFORK, 0);
	case MADV_KEEPONFORK:
		return madvise_update_vma(vma, start, end, 0, VM_WIPEONFORK);
	case MADV_DONTDUMP:
		return madvise_update_vma(vma, start, end, VM_DONTDUMP, 0);
	case MADV_DODUMP:
		return madvise_update_vma(vma, start, end, 0, VM_DONTDUMP);
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		return faultin_vma_page_range(vma, start, end,
					      behavior == MADV_POPULATE_WRITE);
	default:
		return 0;	/* read-ahead and page-out hints */
	}
}

/*
 * -EINVAL for unknown advice, an unaligned start or a range that wraps;
 * advice that does not fit a mapping is -EINVAL (or -EACCES) for it; when
 * part of the range is not mapped, the mapped parts get the advice and
 * the call returns -ENOMEM, as Linux's.
 */
SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len_in, int, behavior)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long end, len = PAGE_ALIGN(len_in);
	long err = 0, unmapped_error = 0;

	if (!madvise_behavior_valid(behavior))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (len_in && !len)
		return -EINVAL;
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;

	mmap_write_lock(mm);
	vma = find_vma_intersection(mm, start, end);
	if (!vma)
		unmapped_error = -ENOMEM;
	while (vma) {
		unsigned long s = max(start, vma->vm_start);
		unsigned long e = min(end, vma->vm_end);

		if (s > start)
			unmapped_error = -ENOMEM;	/* a hole before s */
		err = madvise_vma_behavior(vma, s, e, behavior);
		if (err)
			break;
		start = e;
		if (start >= end)
			break;
		/* vma stays on the list, below start (a split only adds
		 * VMAs after it) */
		vma = find_vma_intersection_after(mm, vma, start, end);
		if (!vma)
			unmapped_error = -ENOMEM;	/* a hole at the end */
		cond_resched();
	}
	mmap_write_unlock(mm);
	return err ? err : unmapped_error;
}
