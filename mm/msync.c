/*
 * msync(2): write a mapping's changes back to its file. Clonix's files
 * live only in the page cache, and a MAP_SHARED mapping maps those very
 * pages, so every store is in the file already: what is left is Linux's
 * checking of the arguments and of the range, which must be mapped.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <uapi/linux/mman.h>

/*
 * -EINVAL for unknown flags, an unaligned start, or MS_ASYNC with
 * MS_SYNC; -ENOMEM when part of the range is not mapped (the mapped
 * parts are still synced, except that MS_ASYNC stops at the first hole,
 * as Linux's does).
 */
SYSCALL_DEFINE3(msync, unsigned long, start, size_t, len, int, flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long end;
	long error = -ENOMEM, unmapped_error = 0;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	end = start + PAGE_ALIGN(len);
	if (end < start || (len && !PAGE_ALIGN(len)))
		return -ENOMEM;
	if (end == start)
		return 0;

	mmap_read_lock(mm);
	vma = find_vma_intersection(mm, start, end);
	for (;;) {
		if (!vma)
			break;	/* -ENOMEM: nothing mapped from start on */
		if (start < vma->vm_start) {
			if (flags == MS_ASYNC)
				break;
			start = vma->vm_start;
			unmapped_error = -ENOMEM;
		}
		/* vma holds start. Its pages are the file's own: nothing to
		 * write back (no VM_LOCKED here, so MS_INVALIDATE is fine). */
		start = vma->vm_end;
		if (start >= end) {
			error = 0;
			break;
		}
		vma = find_vma_intersection_after(mm, vma, start, end);
		cond_resched();
	}
	mmap_read_unlock(mm);
	return error ? error : unmapped_error;
}
