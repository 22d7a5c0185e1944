/*
 * Sv39 page tables for user address spaces. A process's root table holds
 * its own user half (entries 0..255) and a copy of the kernel half
 * (256..511) from swapper_pg_dir, which never changes after boot — so the
 * kernel is mapped identically in every process, as in Linux. Here: the
 * pmd tables' lifetimes, the PTE format and TLB flushes (the root's is
 * mm/pgtable-generic.c's); the
 * walking is portable (mm/memory.c, with asm/pgtable.h's level helpers).
 */
#include <asm/barrier.h>
#include <asm/processor.h>
#include <asm/pgtable.h>
#include <linux/mm.h>
#include <linux/string.h>

/* The pmd table under a pgd entry that maps nothing any more. */
void pmd_free(struct mm_struct *mm, pmd_t *pmd)
{
	(void)mm;
	free_zeroed_page((unsigned long)pmd);	/* every entry cleared */
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

/* Past this many pages one sfence.vma for everything is cheaper (Linux's
 * tlb_flush_all_threshold). */
#define TLB_FLUSH_ALL_THRESHOLD 64

/* Drop the translations of [start, end) of vma's address space (or more:
 * without ASIDs, the local TLB holds only the loaded one's anyway). */
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end)
{
	(void)vma;
	if ((end - start) >> PAGE_SHIFT > TLB_FLUSH_ALL_THRESHOLD) {
		local_flush_tlb_all();
		return;
	}
	for (; start < end; start += PAGE_SIZE)
		flush_tlb_page(start);
}

/* Drop every translation of mm, page-table walks cached included. */
void flush_tlb_mm(struct mm_struct *mm)
{
	(void)mm;
	local_flush_tlb_all();
}
