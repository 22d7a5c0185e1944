/*
 * User pages: copying an address space's pages for fork, unmapping them at
 * exit or munmap, and serving a page fault inside a VMA with a fresh zeroed
 * page. Page-table formats differ per architecture, so the walking itself
 * is the architecture's walk_page_table(); everything here is portable.
 */
#include <linux/errno.h>
#include <asm/processor.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>

/* fork: give dst a private copy of every present page of vma. */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma)
{
	unsigned long addr;

	for (addr = vma->vm_start; addr < vma->vm_end; addr += PAGE_SIZE) {
		pte_t *src_pte = walk_page_table(src->pgd, addr, false);
		struct page *page;
		pte_t *dst_pte;

		if (!src_pte || !pte_present(*src_pte))
			continue;
		page = alloc_pages(GFP_KERNEL, 0);
		if (!page)
			return -ENOMEM;
		dst_pte = walk_page_table(dst->pgd, addr, true);
		if (!dst_pte) {
			__free_pages(page, 0);
			return -ENOMEM;
		}
		memcpy(page_address(page), __va(pte_pfn(*src_pte) << PAGE_SHIFT),
		       PAGE_SIZE);
		*dst_pte = mk_user_pte(page_to_pfn(page), vma->vm_flags);
	}
	return 0;
}

/* Drop the pages mapped in [start, end) of mm. */
void unmap_page_range(struct mm_struct *mm, unsigned long start,
		      unsigned long end)
{
	unsigned long addr;

	for (addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *pte = walk_page_table(mm->pgd, addr, false);

		if (!pte || !pte_present(*pte))
			continue;
		__free_pages(pfn_to_page(pte_pfn(*pte)), 0);
		*pte = 0;
		mm->total_vm--;
		flush_tlb_page(addr);
	}
}

/*
 * The portable part of a page fault: serve it from the VMAs of current's
 * address space (growing the stack if addr is just below it). Returns 0
 * when the page is now mapped, else -EFAULT, and the architecture decides
 * what follows (a fixup, SIGSEGV, or a kernel oops). A user program's
 * fault that finds no free page kills the program, never the kernel. It
 * waits while another thread of the process holds mmap_lock for writing
 * (an munmap or a fork that rescheduled midway).
 */
int handle_page_fault(unsigned long addr, bool write, bool exec, bool user)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int err = -EFAULT;

	if (!mm || addr >= TASK_SIZE)
		return -EFAULT;
	mmap_read_lock(mm);
	vma = find_vma(mm, addr);
	if (!vma)
		vma = expand_stack(mm, addr);
	if (vma && (!exec || (vma->vm_flags & VM_EXEC)))
		err = handle_mm_fault(vma, addr, write);
	mmap_read_unlock(mm);
	if (err == -ENOMEM && user)
		out_of_memory_kill();
	return err ? -EFAULT : 0;
}

/* A fault at addr inside vma: map a zeroed page there. */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long addr,
		    bool write)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *page;
	pte_t *pte;

	if (write && !(vma->vm_flags & VM_WRITE))
		return -EFAULT;
	if (!(vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return -EFAULT;	/* PROT_NONE */
	addr &= PAGE_MASK;
	pte = walk_page_table(mm->pgd, addr, true);
	if (!pte)
		return -ENOMEM;
	if (pte_present(*pte))
		return -EFAULT;	/* mapped, yet it faulted: no permission */
	page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);
	if (!page)
		return -ENOMEM;
	*pte = mk_user_pte(page_to_pfn(page), vma->vm_flags);
	mm->total_vm++;
	flush_tlb_page(addr);
	return 0;
}

/* Re-derive the PTEs of vma's present pages from its (new) flags. */
void change_protection(struct mm_struct *mm, struct vm_area_struct *vma)
{
	unsigned long addr;

	for (addr = vma->vm_start; addr < vma->vm_end; addr += PAGE_SIZE) {
		pte_t *pte = walk_page_table(mm->pgd, addr, false);

		if (!pte || !pte_present(*pte))
			continue;
		*pte = mk_user_pte(pte_pfn(*pte), vma->vm_flags);
		flush_tlb_page(addr);
	}
}

/*
 * Write into another address space (exec builds the new program's image
 * and stack this way, before switching to it): pages are allocated as
 * needed, whatever the VMA's protection, and written through the kernel's
 * linear map. The range must lie inside VMAs of mm.
 */
int copy_to_mm(struct mm_struct *mm, unsigned long uaddr, const void *src,
	       size_t len)
{
	const char *from = src;

	while (len) {
		unsigned long off = uaddr & ~PAGE_MASK;
		size_t n = min(len, (size_t)(PAGE_SIZE - off));
		struct vm_area_struct *vma = find_vma(mm, uaddr);
		pte_t *pte;

		if (!vma)
			return -EFAULT;
		pte = walk_page_table(mm->pgd, uaddr, true);
		if (!pte)
			return -ENOMEM;
		if (!pte_present(*pte)) {
			struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO,
							0);

			if (!page)
				return -ENOMEM;
			*pte = mk_user_pte(page_to_pfn(page), vma->vm_flags);
			mm->total_vm++;
		}
		memcpy((char *)__va(pte_pfn(*pte) << PAGE_SHIFT) + off, from, n);
		uaddr += n;
		from += n;
		len -= n;
	}
	return 0;
}
