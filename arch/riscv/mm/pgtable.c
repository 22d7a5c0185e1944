/*
 * Sv39 page tables for user address spaces. A process's root table holds
 * its own user half (entries 0..255) and a copy of the kernel half
 * (256..511) from swapper_pg_dir, which never changes after boot — so the
 * kernel is mapped identically in every process, as in Linux.
 */
#include <asm/barrier.h>
#include <asm/processor.h>
#include <asm/pgtable.h>
#include <linux/mm.h>
#include <linux/string.h>

#define PTE_TABLE(pte) (((pte) & (_PAGE_READ | _PAGE_WRITE | _PAGE_EXEC)) == 0)
#define PTE_TO_VA(pte) ((pte_t *)__va(((pte) >> _PAGE_PFN_SHIFT) << PAGE_SHIFT))

pgd_t *pgd_alloc(struct mm_struct *mm)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);

	(void)mm;
	if (pgd)
		memcpy(pgd + KERNEL_PGD_FIRST, swapper_pg_dir + KERNEL_PGD_FIRST,
		       (PTRS_PER_PGD - KERNEL_PGD_FIRST) * sizeof(pgd_t));
	return pgd;
}

void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	(void)mm;
	free_page((unsigned long)pgd);
}

pte_t *walk_page_table(pgd_t *pgd, unsigned long va, bool alloc)
{
	pte_t *table = pgd;
	int level;

	if (va >= TASK_SIZE)
		return NULL;
	for (level = 2; level > 0; level--) {
		pte_t *entry = &table[(va >> (PAGE_SHIFT + 9 * level)) & 511];

		if (!(*entry & _PAGE_PRESENT)) {
			unsigned long page;

			if (!alloc)
				return NULL;
			page = get_zeroed_page(GFP_KERNEL);
			if (!page)
				return NULL;
			*entry = pfn_pte(__pa(page) >> PAGE_SHIFT, _PAGE_PRESENT);
		}
		table = PTE_TO_VA(*entry);
	}
	return &table[(va >> PAGE_SHIFT) & 511];
}

/* Free the table pages under the user half (leaf pages are gone already). */
void free_user_page_tables(pgd_t *pgd)
{
	int i, j;

	for (i = 0; i < KERNEL_PGD_FIRST; i++) {
		pte_t *pmd;

		if (!(pgd[i] & _PAGE_PRESENT) || !PTE_TABLE(pgd[i]))
			continue;
		pmd = PTE_TO_VA(pgd[i]);
		for (j = 0; j < 512; j++)
			if ((pmd[j] & _PAGE_PRESENT) && PTE_TABLE(pmd[j]))
				free_page((unsigned long)PTE_TO_VA(pmd[j]));
		free_page((unsigned long)pmd);
		pgd[i] = 0;
	}
	local_flush_tlb_all();
}

/* Present to the kernel: mapped, or kept but inaccessible (PROT_NONE). */
bool pte_present(pte_t pte)
{
	return pte & (_PAGE_PRESENT | _PAGE_PROT_NONE);
}

unsigned long pte_pfn(pte_t pte)
{
	return pte >> _PAGE_PFN_SHIFT;
}

pte_t mk_user_pte(unsigned long pfn, unsigned long vm_flags)
{
	pte_t prot = _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED | _PAGE_DIRTY;

	if (vm_flags & VM_READ)
		prot |= _PAGE_READ;
	if (vm_flags & VM_WRITE)
		prot |= _PAGE_READ | _PAGE_WRITE;
	if (vm_flags & VM_EXEC)
		prot |= _PAGE_EXEC;
	if (!(vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		prot = _PAGE_PROT_NONE;	/* V clear: every access faults */
	return pfn_pte(pfn, prot);
}

void flush_tlb_page(unsigned long va)
{
	__asm__ __volatile__("sfence.vma %0" : : "r"(va) : "memory");
}

void flush_tlb_all(void)
{
	local_flush_tlb_all();
}
