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
#define PGDIR_SHIFT 30
#define PGDIR_SIZE (_AC(1, UL) << PGDIR_SHIFT)
#define KERNEL_PGD_FIRST 256	/* first root entry of the kernel half */

#ifndef __ASSEMBLY__

#define pgd_index(va) (((va) >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1))
#define pfn_pte(pfn, prot) (((unsigned long)(pfn) << _PAGE_PFN_SHIFT) | (prot))

extern pgd_t swapper_pg_dir[PTRS_PER_PGD];
void paging_init(unsigned long ram_base, unsigned long ram_size);
#endif

#endif
