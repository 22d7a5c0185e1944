/*
 * Page tables shared by fork, copied on demand (the idea of On-Demand-Fork,
 * EuroSys 2021, a step past Linux): fork gives the child the parent's
 * leaf (pte) tables themselves instead of copying them entry by entry, so
 * its cost does not grow with the memory the parent has touched. A table
 * shared by n address spaces holds n references (its struct page's
 * _refcount); the pages it maps hold one reference each, the table's, not
 * one per address space.
 *
 * The rule that keeps this right: nobody changes an entry of a shared
 * table. Every private page in it is read-only (copy-on-write), so a write
 * faults; every path that would change an entry — a fault (through
 * walk_page_table), mprotect, munmap, madvise, mremap — first gives its
 * address space a private copy of the table (unshare_pte_table), which is
 * where each mapped page gains its second reference. Exit just lets go of
 * the shared tables (drop_shared_pte_tables). The one exception is a
 * file's truncation, which clears the entries past the end in every
 * mapping of the file alike: for a shared table, in place, once for all.
 *
 * Only leaf tables are shared; the upper levels stay per address space.
 * A table marked PG_pt_wrprotected holds no writable entry, so sharing it
 * again costs one reference, however many pages it maps.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include "internal.h"

static inline struct page *pte_table_page(pmd_t *pmd)
{
	return virt_to_page(pte_offset(pmd, 0));
}

bool pte_table_shared(pmd_t *pmd)
{
	return page_count(pte_table_page(pmd)) > 1;
}

/*
 * May the child share the parent's pte table at addr whole? Only if every
 * parent VMA over the table's span goes to the child as it is: none is
 * MADV_DONTFORK (the child must not see it) or MADV_WIPEONFORK (the child
 * must see it empty).
 */
bool pte_table_shareable(struct mm_struct *src, unsigned long addr)
{
	unsigned long start = addr & PMD_MASK, end = start + PMD_SIZE;
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &src->mmap, vm_list) {
		if (vma->vm_start >= end)
			break;
		if (vma->vm_end > start &&
		    (vma->vm_flags & (VM_DONTCOPY | VM_WIPEONFORK)))
			return false;
	}
	return true;
}

/*
 * Make every private page the table at pmd maps read-only, VMA by VMA
 * over its span (MAP_SHARED pages keep their write access: both sides'
 * stores belong in the same page). A table left with no writable entry
 * is marked so, and the next fork skips this pass.
 */
static void wrprotect_pte_table(struct mm_struct *src, pmd_t *pmd,
				unsigned long addr)
{
	unsigned long start = addr & PMD_MASK, end = start + PMD_SIZE;
	struct vm_area_struct *vma;
	bool writable_left = false;

	list_for_each_entry(vma, &src->mmap, vm_list) {
		unsigned long s = max(vma->vm_start, start);
		unsigned long e = min(vma->vm_end, end);
		bool cow = is_cow_mapping(vma->vm_flags);
		pte_t *pte;

		if (vma->vm_start >= end)
			break;
		if (vma->vm_end <= start)
			continue;
		for (pte = pte_offset(pmd, s); s < e; s += PAGE_SIZE, pte++) {
			if (!pte_write(*pte))
				continue;
			if (cow)
				*pte = pte_wrprotect(*pte);
			else
				writable_left = true;
		}
	}
	if (!writable_left)
		pte_table_page(pmd)->flags |= 1UL << PG_pt_wrprotected;
}

/*
 * fork: the child (dst_pmd) shares the parent's pte table at src_pmd.
 * The table gains a reference; the pages in it gain none. The parent's
 * TLB is flushed once the whole address space is done (dup_mmap).
 */
void share_pte_table(struct mm_struct *src, pmd_t *dst_pmd, pmd_t *src_pmd,
		     unsigned long addr)
{
	struct page *table = pte_table_page(src_pmd);

	if (!(table->flags & (1UL << PG_pt_wrprotected)))
		wrprotect_pte_table(src, src_pmd, addr);
	get_page(table);
	*dst_pmd = *src_pmd;
}

/* Drop the references the entries of a table hold, and clear them. */
static void zap_whole_table(pte_t *table)
{
	unsigned int i;

	for (i = 0; i < PTRS_PER_PTE; i++) {
		if (pte_present(table[i]))
			put_page(pfn_to_page(pte_pfn(table[i])));
		table[i] = 0;
	}
}

/*
 * Before mm changes an entry of the table at pmd (spanning addr): if the
 * table is shared, give mm its own copy — the entries under mm's VMAs
 * (there are none elsewhere) copied into a zeroed table, each mapped page
 * one reference more, as two tables map it now — and let go of the shared
 * one. -ENOMEM leaves everything as it was. mm's TLB is flushed: it may
 * have cached the path through the old table, which another address
 * space may now change.
 */
int unshare_pte_table(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	unsigned long start = addr & PMD_MASK, end = start + PMD_SIZE;
	pte_t *old = pte_offset(pmd, 0), *new;
	struct page *table = virt_to_page(old);
	struct vm_area_struct *vma;

	if (page_count(table) == 1)
		return 0;
	new = (pte_t *)get_zeroed_page(GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	list_for_each_entry(vma, &mm->mmap, vm_list) {
		unsigned long i = pte_index(max(vma->vm_start, start));
		unsigned long last = pte_index(min(vma->vm_end, end) - 1);

		if (vma->vm_start >= end)
			break;
		if (vma->vm_end <= start)
			continue;
		for (; i <= last; i++) {
			new[i] = old[i];
			if (pte_present(old[i]))
				get_page(pfn_to_page(pte_pfn(old[i])));
		}
	}
	virt_to_page(new)->flags |= table->flags &
				    (1UL << PG_pt_wrprotected);
	pmd_populate(mm, pmd, new);
	flush_tlb_mm(mm);
	if (!__atomic_sub_fetch(&table->_refcount, 1, __ATOMIC_ACQ_REL)) {
		/* The other user let go meanwhile (another CPU): the old
		 * table was ours alone after all. */
		zap_whole_table(old);
		__atomic_store_n(&table->_refcount, 1, __ATOMIC_RELAXED);
		free_zeroed_page((unsigned long)old);
	}
	return 0;
}

/* mm is about to change entries in [start, end) (mprotect, munmap,
 * madvise, mremap): its own copy of every shared table there; -ENOMEM
 * (before anything the caller does) when memory runs out. */
static int unshare_one(struct mm_struct *mm, pmd_t *pmd, unsigned long addr,
		       unsigned long end, void *arg)
{
	(void)end, (void)arg;
	return unshare_pte_table(mm, pmd, addr);
}

int unshare_page_range(struct mm_struct *mm, unsigned long start,
		       unsigned long end)
{
	return walk_pte_tables(mm, start, end, unshare_one, NULL);
}

/* exit: let go of a shared table; the others keep it as it is. (If they
 * all let go meanwhile, it is ours and exit_mmap zaps it as usual.) */
static int drop_shared_pte_table(struct mm_struct *mm, pmd_t *pmd,
				 unsigned long addr, unsigned long end,
				 void *arg)
{
	struct page *table = pte_table_page(pmd);

	(void)mm, (void)addr, (void)end, (void)arg;
	if (page_count(table) == 1)
		return 0;
	if (__atomic_sub_fetch(&table->_refcount, 1, __ATOMIC_ACQ_REL))
		pmd_clear(pmd);
	else
		__atomic_store_n(&table->_refcount, 1, __ATOMIC_RELAXED);
	return 0;
}

/* exit_mmap, before unmapping: let go of every table shared with another
 * address space, so no page in it loses a reference it still needs. */
void drop_shared_pte_tables(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list)
		walk_pte_tables(mm, vma->vm_start, vma->vm_end,
				drop_shared_pte_table, NULL);
}
