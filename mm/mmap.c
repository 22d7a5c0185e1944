/*
 * The list of VMAs that makes up an address space: finding the one that
 * holds an address, and tearing them all down when the last user of the
 * address space is gone.
 */
#include <linux/mm.h>
#include <linux/slab.h>

/* The VMA containing addr, or NULL. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list)
		if (addr >= vma->vm_start && addr < vma->vm_end)
			return vma;
	return NULL;
}

/* Free every page, VMA and user page-table page of mm. */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *next;

	list_for_each_entry_safe(vma, next, &mm->mmap, vm_list) {
		unmap_page_range(mm, vma->vm_start, vma->vm_end);
		list_del(&vma->vm_list);
		kmem_cache_free(vm_area_cachep, vma);
	}
	free_user_page_tables(mm->pgd);
}
