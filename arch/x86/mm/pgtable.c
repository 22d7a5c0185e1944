/*
 * Two-level i386 page tables for user address spaces. A process's page
 * directory holds its own user part (entries 0..767, below 3 GiB), each a
 * page table of 1024 4 KiB pages, and a copy of the kernel part
 * (768..1023) from swapper_pg_dir, which never changes after boot — so the
 * kernel is mapped identically in every process, as in Linux.
 */
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>
#include <linux/mm.h>
#include <linux/string.h>

#define PDE_TO_VA(pde) ((pte_t *)__va((pde) & PAGE_MASK))

pgd_t *pgd_alloc(struct mm_struct *mm)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);

	(void)mm;
	if (pgd)
		memcpy(pgd + KERNEL_PGD_BOUNDARY,
		       swapper_pg_dir + KERNEL_PGD_BOUNDARY,
		       KERNEL_PGD_PTRS * sizeof(pgd_t));
	return pgd;
}

void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	(void)mm;
	free_page((unsigned long)pgd);
}

pte_t *walk_page_table(pgd_t *pgd, unsigned long va, bool alloc)
{
	pgd_t *pde;

	if (va >= TASK_SIZE)
		return NULL;
	pde = &pgd[pgd_index(va)];
	if (!(*pde & _PAGE_PRESENT)) {
		unsigned long page;

		if (!alloc)
			return NULL;
		page = get_zeroed_page(GFP_KERNEL);
		if (!page)
			return NULL;
		*pde = __pa(page) | _PAGE_TABLE;
	}
	return &PDE_TO_VA(*pde)[pte_index(va)];
}

/* Free the page tables of the user part (leaf pages are gone already). */
void free_user_page_tables(pgd_t *pgd)
{
	unsigned int i;

	for (i = 0; i < KERNEL_PGD_BOUNDARY; i++) {
		if (!(pgd[i] & _PAGE_PRESENT))
			continue;
		free_page((unsigned long)PDE_TO_VA(pgd[i]));
		pgd[i] = 0;
	}
	__flush_tlb_all();
}

/* Present to the kernel: mapped, or kept but inaccessible (PROT_NONE). */
bool pte_present(pte_t pte)
{
	return pte & (_PAGE_PRESENT | _PAGE_PROTNONE);
}

unsigned long pte_pfn(pte_t pte)
{
	return pte >> PAGE_SHIFT;
}

/* i386 without PAE cannot forbid execution: readable means executable. */
pte_t mk_user_pte(unsigned long pfn, unsigned long vm_flags)
{
	pte_t prot = _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED | _PAGE_DIRTY;

	if (vm_flags & VM_WRITE)
		prot |= _PAGE_RW;
	if (!(vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		prot = _PAGE_PROTNONE;	/* not present: every access faults */
	return pfn_pte(pfn, prot);
}

void flush_tlb_page(unsigned long va)
{
	__flush_tlb_one(va);
}

void flush_tlb_all(void)
{
	__flush_tlb_all();
}
