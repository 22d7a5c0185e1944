/*
 * Faulting user pages in ahead of use, as Linux's mm/gup.c does for
 * MAP_POPULATE and madvise(MADV_POPULATE_READ/WRITE): each page of the
 * range gets the fault a read or a write there would have taken, so the
 * later accesses find it mapped.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

/*
 * Fault in [start, end) of vma (the caller holds mmap_lock) as reads, or
 * as writes (a private file mapping then gets its own copies). Returns 0,
 * -EINVAL where that access is not allowed, -EFAULT where it would be
 * SIGBUS (past the end of a file), -ENOMEM, or -EINTR on SIGKILL.
 */
int faultin_vma_page_range(struct vm_area_struct *vma, unsigned long start,
			   unsigned long end, bool write)
{
	if (!(vma->vm_flags & (write ? VM_WRITE : VM_READ | VM_WRITE)))
		return -EINVAL;	/* no such access allowed there */
	for (; start < end; start += PAGE_SIZE) {
		pte_t *pte;
		int fault;

		if (fatal_signal_pending(current))
			return -EINTR;
		cond_resched();
		pte = walk_page_table(vma->vm_mm, start);
		if (!pte)
			return -ENOMEM;
		if (pte_present(*pte) && (!write || pte_write(*pte)))
			continue;	/* there, and as the access wants it */
		fault = handle_mm_fault(vma, start, write);
		if (fault & VM_FAULT_OOM)
			return -ENOMEM;
		if (fault)
			return -EFAULT;
	}
	return 0;
}
