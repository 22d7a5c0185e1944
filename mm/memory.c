/*
 * User pages: copying an address space's pages for fork, unmapping them at
 * exit or munmap, and serving a page fault inside a VMA with a fresh zeroed
 * page. Page-table formats differ per architecture, so the walking itself
 * is the architecture's walk_page_table(); everything here is portable.
 */
#include <linux/errno.h>
#include <linux/mm.h>
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

/* A fault at addr inside vma: map a zeroed page there. */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long addr,
		    bool write)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *page;
	pte_t *pte;

	if (write && !(vma->vm_flags & VM_WRITE))
		return -EFAULT;
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
