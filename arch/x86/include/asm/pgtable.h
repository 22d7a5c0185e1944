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

#ifndef __ASSEMBLY__

#define pgd_index(va) (((va) >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1))
#define pte_index(va) (((va) >> PAGE_SHIFT) & (PTRS_PER_PTE - 1))
#define pfn_pte(pfn, prot) (((unsigned long)(pfn) << PAGE_SHIFT) | (prot))

extern pgd_t swapper_pg_dir[PTRS_PER_PGD];
void paging_init(unsigned long ram_end);
#endif

#endif
