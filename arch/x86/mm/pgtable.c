/*
 * Two-level i386 page tables for user address spaces. A process's page
 * directory holds its own user part (entries 0..767, below 3 GiB), each a
 * page table of 1024 4 KiB pages, and a copy of the kernel part
 * (768..1023) from swapper_pg_dir, which never changes after boot — so the
 * kernel is mapped identically in every process, as in Linux. Here: the
 * PTE format and TLB flushes (the directory's lifetime is
 * mm/pgtable-generic.c's); the walking is
 * portable (mm/memory.c, with asm/pgtable.h's level helpers).
 */
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>
#include <linux/mm.h>
#include <linux/string.h>

/* Nothing to free: the pmd is the page-directory entry itself. */
void pmd_free(struct mm_struct *mm, pmd_t *pmd)
{
	(void)mm, (void)pmd;
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

/* Past this many pages one CR3 reload is cheaper than invlpg each (Linux's
 * tlb_single_page_flush_ceiling). */
#define TLB_SINGLE_PAGE_FLUSH_CEILING 33

/* Drop the translations of [start, end) of vma's address space (or more:
 * the TLB holds only the loaded address space's anyway). */
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end)
{
	(void)vma;
	if ((end - start) >> PAGE_SHIFT > TLB_SINGLE_PAGE_FLUSH_CEILING) {
		__flush_tlb_all();
		return;
	}
	for (; start < end; start += PAGE_SIZE)
		__flush_tlb_one(start);
}

/* Drop every translation of mm, page-table walks cached included. */
void flush_tlb_mm(struct mm_struct *mm)
{
	(void)mm;
	__flush_tlb_all();
}
