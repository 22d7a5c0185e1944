/* Sv39 page-table entries: three levels of 512 entries, 4 KiB pages, 2 MiB
 * megapages and 1 GiB gigapages. The kernel half (entries 256..511 of the
 * root) is the same in every address space. */
#ifndef _ASM_RISCV_PGTABLE_H
#define _ASM_RISCV_PGTABLE_H

#include <linux/const.h>

#include <asm/page.h>

#define _PAGE_PRESENT (_AC(1, UL) << 0)
#define _PAGE_READ (_AC(1, UL) << 1)
#define _PAGE_WRITE (_AC(1, UL) << 2)
#define _PAGE_EXEC (_AC(1, UL) << 3)
#define _PAGE_USER (_AC(1, UL) << 4)
#define _PAGE_GLOBAL (_AC(1, UL) << 5)
#define _PAGE_ACCESSED (_AC(1, UL) << 6)
#define _PAGE_DIRTY (_AC(1, UL) << 7)
#define _PAGE_PROT_NONE (_AC(1, UL) << 8)	/* software: a PROT_NONE page */
#define _PAGE_PFN_SHIFT 10

#define PAGE_KERNEL_EXEC                                          \
	(_PAGE_PRESENT | _PAGE_READ | _PAGE_WRITE | _PAGE_EXEC | \
	 _PAGE_GLOBAL | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PAGE_KERNEL_IO                                                 \
	(_PAGE_PRESENT | _PAGE_READ | _PAGE_WRITE | _PAGE_GLOBAL |    \
	 _PAGE_ACCESSED | _PAGE_DIRTY)

#define PTRS_PER_PGD 512
#define PTRS_PER_PMD 512
#define PTRS_PER_PTE 512
#define PGDIR_SHIFT 30
#define PGDIR_SIZE (_AC(1, UL) << PGDIR_SHIFT)
#define PGDIR_MASK (~(PGDIR_SIZE - 1))
#define PMD_SHIFT 21
#define PMD_SIZE (_AC(1, UL) << PMD_SHIFT)
#define PMD_MASK (~(PMD_SIZE - 1))
#define KERNEL_PGD_FIRST 256	/* first root entry of the kernel half */
#define USER_PTRS_PER_PGD KERNEL_PGD_FIRST	/* Linux's name for it */

#ifndef __ASSEMBLY__
#include <linux/types.h>

struct mm_struct;

#define pgd_index(va) (((va) >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1))
#define pmd_index(va) (((va) >> PMD_SHIFT) & (PTRS_PER_PMD - 1))
#define pte_index(va) (((va) >> PAGE_SHIFT) & (PTRS_PER_PTE - 1))
#define pfn_pte(pfn, prot) (((unsigned long)(pfn) << _PAGE_PFN_SHIFT) | (prot))

/* Present to the kernel: mapped, or kept but inaccessible (PROT_NONE).
 * Inline, with pte_pfn: the walkers ask it of every entry. */
static inline bool pte_present(pte_t pte)
{
	return pte & (_PAGE_PRESENT | _PAGE_PROT_NONE);
}

static inline unsigned long pte_pfn(pte_t pte)
{
	return pte >> _PAGE_PFN_SHIFT;
}

/* Copy-on-write (mm/memory.c): may the user write through this PTE, and
 * the same PTE with writing taken away (fork shares a private page so). */
static inline bool pte_write(pte_t pte)
{
	return pte & _PAGE_WRITE;
}

static inline pte_t pte_wrprotect(pte_t pte)
{
	return pte & ~_PAGE_WRITE;
}

/*
 * The walkers' view of a level (mm/memory.c walks pgd -> pmd -> pte with
 * these, as Linux does): is an entry empty, where is the entry for va in
 * the table below it, where does the span of the entry holding addr end
 * (capped at end), and filling or clearing an entry. User tables hold no
 * megapages, so a present upper entry always points to a table.
 */
#define __table_va(entry) __va(((entry) >> _PAGE_PFN_SHIFT) << PAGE_SHIFT)

static inline int pgd_none(pgd_t pgd)
{
	return !(pgd & _PAGE_PRESENT);
}

static inline int pmd_none(pmd_t pmd)
{
	return !(pmd & _PAGE_PRESENT);
}

static inline pmd_t *pmd_offset(pgd_t *pgd, unsigned long va)
{
	return (pmd_t *)__table_va(*pgd) + pmd_index(va);
}

static inline pte_t *pte_offset(pmd_t *pmd, unsigned long va)
{
	return (pte_t *)__table_va(*pmd) + pte_index(va);
}

#define pmd_addr_end(addr, end)                                          \
	({                                                               \
		unsigned long __boundary = ((addr) + PMD_SIZE) & PMD_MASK; \
		__boundary - 1 < (end) - 1 ? __boundary : (end);         \
	})

static inline void pgd_populate(struct mm_struct *mm, pgd_t *pgd, pmd_t *pmd)
{
	(void)mm;
	*pgd = pfn_pte(__pa(pmd) >> PAGE_SHIFT, _PAGE_PRESENT);
}

static inline void pmd_populate(struct mm_struct *mm, pmd_t *pmd, pte_t *pte)
{
	(void)mm;
	*pmd = pfn_pte(__pa(pte) >> PAGE_SHIFT, _PAGE_PRESENT);
}

static inline void pgd_clear(pgd_t *pgd)
{
	*pgd = 0;
}

static inline void pmd_clear(pmd_t *pmd)
{
	*pmd = 0;
}

extern pgd_t swapper_pg_dir[PTRS_PER_PGD];
void paging_init(unsigned long ram_base, unsigned long ram_size);
#endif

#endif
