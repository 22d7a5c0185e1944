/*
 * User pages: copying an address space's pages for fork, unmapping them at
 * exit or munmap, changing their protection, and serving a page fault
 * inside a VMA with a fresh zeroed page. The walkers go level by level as
 * Linux's do (pgd -> pmd -> pte; on two-level i386 the pmd level folds
 * into the pgd) and skip every empty table whole, so they cost what is
 * mapped, not the size of the range. The entry formats are the
 * architecture's (asm/pgtable.h); everything here is portable.
 */
#include <linux/errno.h>
#include <asm/processor.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>

/* Give an empty pgd entry a pmd table (never on i386: no pmd level). */
static pmd_t *pmd_alloc(struct mm_struct *mm, pgd_t *pgd, unsigned long addr)
{
	if (pgd_none(*pgd)) {
		pmd_t *new = (pmd_t *)get_zeroed_page(GFP_KERNEL);

		if (!new)
			return NULL;
		pgd_populate(mm, pgd, new);
	}
	return pmd_offset(pgd, addr);
}

/* Give an empty pmd entry a pte table. */
static int pte_alloc(struct mm_struct *mm, pmd_t *pmd)
{
	if (pmd_none(*pmd)) {
		pte_t *new = (pte_t *)get_zeroed_page(GFP_KERNEL);

		if (!new)
			return -ENOMEM;
		pmd_populate(mm, pmd, new);
	}
	return 0;
}

/* The PTE for addr in mm, adding the tables on the way; NULL when out of
 * memory. For one address: ranges use the walkers below. */
pte_t *walk_page_table(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd;

	if (addr >= TASK_SIZE)
		return NULL;
	pmd = pmd_alloc(mm, pgd_offset(mm, addr), addr);
	if (!pmd || pte_alloc(mm, pmd))
		return NULL;
	return pte_offset(pmd, addr);
}

/* fork: a private copy of each present page of [addr, end), one table. */
noinline int copy_pte_range(struct mm_struct *dst, pmd_t *dst_pmd,
			    pmd_t *src_pmd, struct vm_area_struct *vma,
			    unsigned long addr, unsigned long end)
{
	pte_t *src_pte, *dst_pte;

	if (pte_alloc(dst, dst_pmd))
		return -ENOMEM;
	src_pte = pte_offset(src_pmd, addr);
	dst_pte = pte_offset(dst_pmd, addr);
	do {
		struct page *page;

		if (!pte_present(*src_pte))
			continue;
		page = alloc_pages(GFP_KERNEL, 0);
		if (!page)
			return -ENOMEM;
		memcpy(page_address(page),
		       __va(pte_pfn(*src_pte) << PAGE_SHIFT), PAGE_SIZE);
		*dst_pte = mk_user_pte(page_to_pfn(page), vma->vm_flags);
	} while (dst_pte++, src_pte++, addr += PAGE_SIZE, addr != end);
	return 0;
}

noinline int copy_pmd_range(struct mm_struct *dst, pgd_t *dst_pgd,
			    pgd_t *src_pgd, struct vm_area_struct *vma,
			    unsigned long addr, unsigned long end)
{
	pmd_t *src_pmd, *dst_pmd;
	unsigned long next;
	int err;

	dst_pmd = pmd_alloc(dst, dst_pgd, addr);
	if (!dst_pmd)
		return -ENOMEM;
	src_pmd = pmd_offset(src_pgd, addr);
	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*src_pmd))
			continue;
		err = copy_pte_range(dst, dst_pmd, src_pmd, vma, addr, next);
		if (err)
			return err;
		cond_resched();
	} while (dst_pmd++, src_pmd++, addr = next, addr != end);
	return 0;
}

/* fork: give dst a private copy of every present page of vma (src's). */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma)
{
	unsigned long addr = vma->vm_start, end = vma->vm_end, next;
	pgd_t *src_pgd = pgd_offset(src, addr), *dst_pgd = pgd_offset(dst, addr);
	int err;

	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none(*src_pgd))
			continue;
		err = copy_pmd_range(dst, dst_pgd, src_pgd, vma, addr, next);
		if (err)
			return err;
	} while (dst_pgd++, src_pgd++, addr = next, addr != end);
	return 0;
}

/*
 * Clear the PTEs of [addr, end), inside one table, and free their pages.
 * The TLB is flushed before we return: nothing runs in between that could
 * reuse a page while a stale translation still points to it.
 */
noinline void zap_pte_range(struct vm_area_struct *vma, pmd_t *pmd,
			    unsigned long addr, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *pte = pte_offset(pmd, addr);
	unsigned long start = addr;
	bool flush = false;

	do {
		if (!pte_present(*pte))
			continue;
		__free_pages(pfn_to_page(pte_pfn(*pte)), 0);
		*pte = 0;
		mm->total_vm--;
		flush = true;
	} while (pte++, addr += PAGE_SIZE, addr != end);
	if (flush)
		flush_tlb_range(vma, start, end);
}

static void zap_pmd_range(struct vm_area_struct *vma, pgd_t *pgd,
			  unsigned long addr, unsigned long end)
{
	pmd_t *pmd = pmd_offset(pgd, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd))
			continue;
		zap_pte_range(vma, pmd, addr, next);
		cond_resched();
	} while (pmd++, addr = next, addr != end);
}

/* Drop the pages mapped in [addr, end) of vma; the page tables stay (see
 * free_pgd_range). */
void unmap_page_range(struct vm_area_struct *vma, unsigned long addr,
		      unsigned long end)
{
	pgd_t *pgd = pgd_offset(vma->vm_mm, addr);
	unsigned long next;

	if (addr >= end)
		return;
	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none(*pgd))
			continue;
		zap_pmd_range(vma, pgd, addr, next);
	} while (pgd++, addr = next, addr != end);
}

/* Does the table whose span of size bytes holds addr lie wholly inside
 * [floor, ceiling), where no VMA is left? */
static bool table_unused(unsigned long addr, unsigned long size,
			 unsigned long floor, unsigned long ceiling)
{
	addr &= ~(size - 1);
	return addr >= floor && addr + size <= ceiling;
}

/* A pte table that maps nothing any more. */
static void free_pte_range(struct mm_struct *mm, pmd_t *pmd)
{
	pte_t *table = pte_offset(pmd, 0);

	(void)mm;
	pmd_clear(pmd);
	free_page((unsigned long)table);
}

static bool free_pmd_range(struct mm_struct *mm, pgd_t *pgd,
			   unsigned long addr, unsigned long end,
			   unsigned long floor, unsigned long ceiling)
{
	pmd_t *pmd = pmd_offset(pgd, addr);
	unsigned long start = addr, next;
	bool freed = false;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd) ||
		    !table_unused(addr, PMD_SIZE, floor, ceiling))
			continue;
		free_pte_range(mm, pmd);
		freed = true;
	} while (pmd++, addr = next, addr != end);
	if (table_unused(start, PGDIR_SIZE, floor, ceiling)) {
		pmd = pmd_offset(pgd, start & PGDIR_MASK);
		pgd_clear(pgd);
		pmd_free(mm, pmd);
		freed = true;
	}
	return freed;
}

/*
 * After unmapping [addr, end): free the page tables there that no VMA uses
 * any more — those whose whole span lies in [floor, ceiling), the gap
 * between the VMAs left on either side (0 and TASK_SIZE if none). Tables
 * shared with a neighbour stay. The walk skips empty tables, so it costs
 * what was mapped. (Linux's free_pgd_range, called by free_pgtables.)
 */
void free_pgd_range(struct mm_struct *mm, unsigned long addr,
		    unsigned long end, unsigned long floor,
		    unsigned long ceiling)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	unsigned long next;
	bool freed = false;

	if (addr >= end)
		return;
	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none(*pgd))
			continue;
		freed |= free_pmd_range(mm, pgd, addr, next, floor, ceiling);
	} while (pgd++, addr = next, addr != end);
	if (freed)
		flush_tlb_mm(mm);	/* walks may have cached the tables */
}

/*
 * The portable part of a page fault: serve it from the VMAs of current's
 * address space (growing the stack if addr is just below it). Returns 0
 * when the page is now mapped, else -EFAULT, and the architecture decides
 * what follows (a fixup, SIGSEGV, or a kernel oops). A user program's
 * fault that finds no free page kills the program, never the kernel. It
 * waits while another thread of the process holds mmap_lock for writing
 * (an munmap or a fork that rescheduled midway).
 */
int handle_page_fault(unsigned long addr, bool write, bool exec, bool user)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int err = -EFAULT;

	if (!mm || addr >= TASK_SIZE)
		return -EFAULT;
	mmap_read_lock(mm);
	vma = find_vma(mm, addr);
	if (!vma)
		vma = expand_stack(mm, addr);
	if (vma && (!exec || (vma->vm_flags & VM_EXEC)))
		err = handle_mm_fault(vma, addr, write);
	mmap_read_unlock(mm);
	if (!err)
		current->min_flt++;	/* /proc/<pid>/stat's minflt */
	if (err == -ENOMEM && user)
		out_of_memory_kill();
	return err ? -EFAULT : 0;
}

/* A fault at addr inside vma: map a zeroed page there. */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long addr,
		    bool write)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *page;
	pte_t *pte;

	if (write && !(vma->vm_flags & VM_WRITE))
		return -EFAULT;
	if (!(vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return -EFAULT;	/* PROT_NONE */
	addr &= PAGE_MASK;
	pte = walk_page_table(mm, addr);
	if (!pte)
		return -ENOMEM;
	if (pte_present(*pte))
		return -EFAULT;	/* mapped, yet it faulted: no permission */
	page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);
	if (!page)
		return -ENOMEM;
	*pte = mk_user_pte(page_to_pfn(page), vma->vm_flags);
	mm->total_vm++;
	flush_tlb_page(addr);
	return 0;
}

/* Re-derive the PTEs of present pages in [addr, end), one table, from
 * vma's (new) flags. */
static void change_pte_range(struct vm_area_struct *vma, pmd_t *pmd,
			     unsigned long addr, unsigned long end)
{
	pte_t *pte = pte_offset(pmd, addr);
	unsigned long start = addr;
	bool flush = false;

	do {
		if (!pte_present(*pte))
			continue;
		*pte = mk_user_pte(pte_pfn(*pte), vma->vm_flags);
		flush = true;
	} while (pte++, addr += PAGE_SIZE, addr != end);
	if (flush)
		flush_tlb_range(vma, start, end);
}

static void change_pmd_range(struct vm_area_struct *vma, pgd_t *pgd,
			     unsigned long addr, unsigned long end)
{
	pmd_t *pmd = pmd_offset(pgd, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd))
			continue;
		change_pte_range(vma, pmd, addr, next);
		cond_resched();
	} while (pmd++, addr = next, addr != end);
}

/* mprotect: re-derive the PTEs of vma's present pages from its flags. */
void change_protection(struct vm_area_struct *vma)
{
	unsigned long addr = vma->vm_start, end = vma->vm_end, next;
	pgd_t *pgd = pgd_offset(vma->vm_mm, addr);

	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none(*pgd))
			continue;
		change_pmd_range(vma, pgd, addr, next);
	} while (pgd++, addr = next, addr != end);
}

/*
 * Write into another address space (exec builds the new program's image
 * and stack this way, before switching to it): pages are allocated as
 * needed, whatever the VMA's protection, and written through the kernel's
 * linear map. The range must lie inside VMAs of mm. Its length comes from
 * the program file and exec's arguments: a SIGKILL stops it.
 */
int copy_to_mm(struct mm_struct *mm, unsigned long uaddr, const void *src,
	       size_t len)
{
	const char *from = src;

	while (len) {
		unsigned long off = uaddr & ~PAGE_MASK;
		size_t n = min(len, (size_t)(PAGE_SIZE - off));
		struct vm_area_struct *vma = find_vma(mm, uaddr);
		pte_t *pte;

		if (!vma)
			return -EFAULT;
		if (fatal_signal_pending(current))
			return -EINTR;
		cond_resched();
		pte = walk_page_table(mm, uaddr);
		if (!pte)
			return -ENOMEM;
		if (!pte_present(*pte)) {
			struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO,
							0);

			if (!page)
				return -ENOMEM;
			*pte = mk_user_pte(page_to_pfn(page), vma->vm_flags);
			mm->total_vm++;
		}
		memcpy((char *)__va(pte_pfn(*pte) << PAGE_SHIFT) + off, from, n);
		uaddr += n;
		from += n;
		len -= n;
	}
	return 0;
}

/* The PTE of a present page at addr in mm, or NULL; unlike
 * walk_page_table it adds no table (Linux's follow_pte). */
static pte_t *follow_pte(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd;
	pmd_t *pmd;
	pte_t *pte;

	if (addr >= TASK_SIZE)
		return NULL;
	pgd = pgd_offset(mm, addr);
	if (pgd_none(*pgd))
		return NULL;
	pmd = pmd_offset(pgd, addr);
	if (pmd_none(*pmd))
		return NULL;
	pte = pte_offset(pmd, addr);
	return pte_present(*pte) ? pte : NULL;
}

/*
 * Read len bytes at addr of mm, which the caller holds (get_task_mm), into
 * a kernel buffer through the linear map: /proc/<pid>/cmdline reads the
 * arguments from the process's own stack so. Returns the bytes copied; it
 * stops at the first page that is not there (nothing is faulted in).
 */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		     int len)
{
	int done = 0;

	mmap_read_lock(mm);
	while (done < len) {
		unsigned long off = addr & ~PAGE_MASK;
		int n = min(len - done, (int)(PAGE_SIZE - off));
		struct vm_area_struct *vma = find_vma(mm, addr);
		pte_t *pte;

		if (!vma || vma->vm_start > addr)
			break;
		pte = follow_pte(mm, addr);
		if (!pte)
			break;
		memcpy((char *)buf + done,
		       (char *)__va(pte_pfn(*pte) << PAGE_SHIFT) + off, n);
		done += n;
		addr += n;
	}
	mmap_read_unlock(mm);
	return done;
}
