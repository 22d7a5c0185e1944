/* i386 page tables without PAE: two levels of 1024 32-bit entries. A page
 * directory entry maps 4 MiB, either as one large page (_PAGE_PSE, how the
 * kernel maps RAM) or through a page table of 1024 4 KiB pages (how user
 * space is mapped). Entries 768..1023 — addresses from PAGE_OFFSET up —
 * are the kernel half, the same in every address space. */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <linux/const.h>

#include <asm/page.h>

#define _PAGE_PRESENT _AC(0x001, UL)
#define _PAGE_RW _AC(0x002, UL)
#define _PAGE_USER _AC(0x004, UL)
#define _PAGE_PWT _AC(0x008, UL)
#define _PAGE_PCD _AC(0x010, UL)
#define _PAGE_ACCESSED _AC(0x020, UL)
#define _PAGE_DIRTY _AC(0x040, UL)
#define _PAGE_PSE _AC(0x080, UL)	/* in a directory entry: a 4 MiB page */
#define _PAGE_GLOBAL _AC(0x100, UL)
/* Software: a PROT_NONE page, kept but not present to the CPU (Linux uses
 * the global bit, which means nothing while _PAGE_PRESENT is clear). */
#define _PAGE_PROTNONE _PAGE_GLOBAL

/* A directory entry pointing at a page table: the table's entries decide. */
#define _PAGE_TABLE \
	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PAGE_KERNEL_LARGE                                        \
	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY | \
	 _PAGE_PSE)

#define PTRS_PER_PGD 1024
#define PTRS_PER_PTE 1024
#define PGDIR_SHIFT 22
#define PGDIR_SIZE (_AC(1, UL) << PGDIR_SHIFT)
#define PGDIR_MASK (~(PGDIR_SIZE - 1))
/* First directory entry of the kernel half, and how many there are. */
#define KERNEL_PGD_BOUNDARY (PAGE_OFFSET >> PGDIR_SHIFT)
#define KERNEL_PGD_PTRS (PTRS_PER_PGD - KERNEL_PGD_BOUNDARY)
#define USER_PTRS_PER_PGD KERNEL_PGD_BOUNDARY	/* Linux's name for it */

#ifndef __ASSEMBLY__
#include <linux/types.h>

struct mm_struct;

#define pgd_index(va) (((va) >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1))
#define pte_index(va) (((va) >> PAGE_SHIFT) & (PTRS_PER_PTE - 1))
#define pfn_pte(pfn, prot) (((unsigned long)(pfn) << PAGE_SHIFT) | (prot))

/* Present to the kernel: mapped, or kept but inaccessible (PROT_NONE).
 * Inline, with pte_pfn: the walkers ask it of every entry. */
static inline bool pte_present(pte_t pte)
{
	return pte & (_PAGE_PRESENT | _PAGE_PROTNONE);
}

static inline unsigned long pte_pfn(pte_t pte)
{
	return pte >> PAGE_SHIFT;
}

/* Copy-on-write (mm/memory.c): may the user write through this PTE, and
 * the same PTE with writing taken away (fork shares a private page so). */
static inline bool pte_write(pte_t pte)
{
	return pte & _PAGE_RW;
}

static inline pte_t pte_wrprotect(pte_t pte)
{
	return pte & ~_PAGE_RW;
}

/*
 * The walkers' view of a level (mm/memory.c walks pgd -> pmd -> pte with
 * these, as Linux does). Two levels: the pmd is folded into the pgd, as in
 * Linux's pgtable-nopmd.h. A pgd entry is never "none" and its pmd is the
 * directory entry itself, spanning as much (PMD_SIZE = PGDIR_SIZE); that
 * entry is the one tested, filled and cleared at the pmd level, so the
 * three-level walk costs nothing extra here.
 */
#define PMD_SHIFT PGDIR_SHIFT
#define PMD_SIZE PGDIR_SIZE
#define PMD_MASK PGDIR_MASK

static inline int pgd_none(pgd_t pgd)
{
	(void)pgd;
	return 0;
}

static inline int pmd_none(pmd_t pmd)
{
	return !(pmd & _PAGE_PRESENT);
}

static inline pmd_t *pmd_offset(pgd_t *pgd, unsigned long va)
{
	(void)va;
	return (pmd_t *)pgd;
}

static inline pte_t *pte_offset(pmd_t *pmd, unsigned long va)
{
	return (pte_t *)__va(*pmd & PAGE_MASK) + pte_index(va);
}

#define pmd_addr_end(addr, end) (end)

/* Never called: pgd_none() is false, so there is no pmd table to add. */
static inline void pgd_populate(struct mm_struct *mm, pgd_t *pgd, pmd_t *pmd)
{
	(void)mm, (void)pgd, (void)pmd;
}

static inline void pmd_populate(struct mm_struct *mm, pmd_t *pmd, pte_t *pte)
{
	(void)mm;
	*pmd = __pa(pte) | _PAGE_TABLE;
}

static inline void pgd_clear(pgd_t *pgd)
{
	(void)pgd;	/* the pmd level clears the entry */
}

static inline void pmd_clear(pmd_t *pmd)
{
	*pmd = 0;
}

extern pgd_t swapper_pg_dir[PTRS_PER_PGD];
void paging_init(unsigned long ram_end);
#endif

#endif
