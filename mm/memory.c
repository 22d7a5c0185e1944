/*
 * User pages: sharing an address space's pages with a forked child
 * copy-on-write, unmapping them at exit or munmap, changing their
 * protection, and serving a page fault inside a VMA: a fresh zeroed page
 * for anonymous memory (do_anonymous_page), the file's page-cache page for
 * a file mapping (do_fault), and a private copy of a shared page when a
 * private mapping first writes to it (do_wp_page) — or the page itself,
 * when no one else holds it any more. The walkers go level by level as
 * Linux's do (pgd -> pmd -> pte; on two-level i386 the pmd level folds
 * into the pgd) and skip every empty table whole, so they cost what is
 * mapped, not the size of the range. The entry formats are the
 * architecture's (asm/pgtable.h); everything here is portable.
 *
 * Every PTE that maps a page holds a reference to it (struct page's
 * _refcount): a page-cache page mapped by three processes has four, so
 * it outlives any one unmapping, and zap_pte_range just drops one. An
 * anonymous page shared by a parent and two children has three.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <asm/processor.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include "internal.h"

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

/* The PTE for addr in mm, adding the tables on the way — and, as it is
 * about to be changed, in a table of mm's own (unshare_pte_table); NULL
 * when out of memory. For one address: ranges use the walkers below. */
pte_t *walk_page_table(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd;

	if (addr >= TASK_SIZE)
		return NULL;
	pmd = pmd_alloc(mm, pgd_offset(mm, addr), addr);
	if (!pmd || pte_alloc(mm, pmd) || unshare_pte_table(mm, pmd, addr))
		return NULL;
	return pte_offset(pmd, addr);
}

/*
 * fork, one table of [addr, end): the child maps the very same page as the
 * parent, and the page gains a reference. Pages of a MAP_SHARED mapping
 * stay as they are: both sides' stores must reach the same memory. A
 * private page the parent may write is made read-only in the parent and
 * in the child alike — copy-on-write: whichever side writes first faults,
 * and do_wp_page gives it its own copy (or the page itself, when no one
 * else uses it any more). dup_mmap flushes the parent's TLB afterwards, so
 * no stale writable translation survives. Nothing is copied here, and the
 * only allocation is the child's table.
 */
noinline int copy_pte_range(struct mm_struct *dst, pmd_t *dst_pmd,
			    pmd_t *src_pmd, struct vm_area_struct *vma,
			    unsigned long addr, unsigned long end)
{
	bool cow = is_cow_mapping(vma->vm_flags);
	pte_t *src_pte, *dst_pte;

	if (pte_alloc(dst, dst_pmd))
		return -ENOMEM;
	src_pte = pte_offset(src_pmd, addr);
	dst_pte = pte_offset(dst_pmd, addr);
	do {
		pte_t pte = *src_pte;

		if (!pte_present(pte))
			continue;
		if (cow && pte_write(pte)) {
			pte = pte_wrprotect(pte);
			*src_pte = pte;
		}
		get_page(pfn_to_page(pte_pfn(pte)));
		set_pte_at(dst, addr, dst_pte, pte);
	} while (dst_pte++, src_pte++, addr += PAGE_SIZE, addr != end);
	return 0;
}

noinline int copy_pmd_range(struct mm_struct *dst, struct mm_struct *src,
			    pgd_t *dst_pgd, pgd_t *src_pgd,
			    struct vm_area_struct *vma, unsigned long addr,
			    unsigned long end)
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
		if (pmd_none(*src_pmd) || *dst_pmd == *src_pmd)
			continue;	/* nothing, or shared for a VMA before */
		if (pmd_none(*dst_pmd) && pte_table_shareable(src, addr)) {
			share_pte_table(src, dst_pmd, src_pmd, addr);
			continue;
		}
		err = copy_pte_range(dst, dst_pmd, src_pmd, vma, addr, next);
		if (err)
			return err;
		cond_resched();
	} while (dst_pmd++, src_pmd++, addr = next, addr != end);
	return 0;
}

/* fork: map every present page of vma (src's) in dst too, copy-on-write
 * where the mapping is private: by sharing src's page tables whole where
 * it can (mm/pgtable-share.c), else entry by entry (copy_pte_range). */
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
		err = copy_pmd_range(dst, src, dst_pgd, src_pgd, vma, addr,
				     next);
		if (err)
			return err;
	} while (dst_pgd++, src_pgd++, addr = next, addr != end);
	return 0;
}

/*
 * Clear the PTEs of [addr, end), inside one table, and drop their pages'
 * references (freeing those no one else holds). The TLB is flushed before
 * we return: nothing runs in between that could reuse a page while a
 * stale translation still points to it.
 */
noinline void zap_pte_range(struct vm_area_struct *vma, pmd_t *pmd,
			    unsigned long addr, unsigned long end)
{
	pte_t *pte = pte_offset(pmd, addr);
	unsigned long start = addr;
	bool flush = false;

	do {
		if (!pte_present(*pte))
			continue;
		put_page(pfn_to_page(pte_pfn(*pte)));
		*pte = 0;
		flush = true;
	} while (pte++, addr += PAGE_SIZE, addr != end);
	if (flush)
		flush_tlb_range(vma, start, end);
}

/* even_shared: clear entries of a table shared since a fork too, for
 * every address space sharing it (a truncation does so in every mapping
 * of the file alike); else such a table is left alone — its owners
 * unshared what they meant to change (unshare_page_range). */
static void zap_pmd_range(struct vm_area_struct *vma, pgd_t *pgd,
			  unsigned long addr, unsigned long end,
			  bool even_shared)
{
	pmd_t *pmd = pmd_offset(pgd, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd) || (!even_shared && pte_table_shared(pmd)))
			continue;
		zap_pte_range(vma, pmd, addr, next);
		cond_resched();
	} while (pmd++, addr = next, addr != end);
}

static void __unmap_page_range(struct vm_area_struct *vma, unsigned long addr,
			       unsigned long end, bool even_shared)
{
	pgd_t *pgd = pgd_offset(vma->vm_mm, addr);
	unsigned long next;

	if (addr >= end)
		return;
	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none(*pgd))
			continue;
		zap_pmd_range(vma, pgd, addr, next, even_shared);
	} while (pgd++, addr = next, addr != end);
}

/* Drop the pages mapped in [addr, end) of vma; the page tables stay (see
 * free_pgd_range). Tables shared since a fork are not touched: the caller
 * unshared the range first (unshare_page_range), or is exit_mmap, which
 * let go of them (drop_shared_pte_tables). */
void unmap_page_range(struct vm_area_struct *vma, unsigned long addr,
		      unsigned long end)
{
	__unmap_page_range(vma, addr, end, false);
}

/*
 * A file shrank (truncate_pagecache): unmap file bytes [holebegin,
 * holebegin + holelen) — to the end when holelen is 0 — from every VMA
 * that maps them, a private mapping's copies included, so no PTE keeps a
 * page the file is about to give back, and a later touch faults (SIGBUS
 * past the end). Runs under the file's i_mmap_rwsem, so no VMA joins or
 * leaves the list meanwhile. It edits other address spaces' page tables
 * without their mmap_lock, as Linux does under the page-table lock: with
 * one CPU and no kernel preemption, nothing else walks a pte table while
 * zap_pte_range (which never sleeps) clears it. SMP will need
 * mm->page_table_lock around that and around the fault path's updates.
 */
void unmap_mapping_range(struct address_space *mapping, loff_t holebegin,
			 loff_t holelen)
{
	u64 first = (u64)holebegin >> PAGE_SHIFT, last = ~0ULL;
	struct vm_area_struct *vma;

	if (holelen > 0)
		last = ((u64)holebegin + (u64)holelen - 1) >> PAGE_SHIFT;
	down_read(&mapping->i_mmap_rwsem);
	list_for_each_entry(vma, &mapping->i_mmap, shared) {
		u64 vfirst = vma->vm_pgoff;
		u64 vlast = vfirst +
			    ((vma->vm_end - vma->vm_start) >> PAGE_SHIFT) - 1;
		u64 zfirst = max(first, vfirst), zlast = min(last, vlast);
		unsigned long start, end;

		if (zfirst > zlast)
			continue;
		start = vma->vm_start + (unsigned long)(zfirst - vfirst) *
						PAGE_SIZE;
		end = vma->vm_start + (unsigned long)(zlast - vfirst + 1) *
					      PAGE_SIZE;
		__unmap_page_range(vma, start, end, true);
		cond_resched();	/* as many VMAs as a user made */
	}
	up_read(&mapping->i_mmap_rwsem);
}

/* Does the table whose span of size bytes holds addr lie wholly inside
 * [floor, ceiling), where no VMA is left? */
static bool table_unused(unsigned long addr, unsigned long size,
			 unsigned long floor, unsigned long ceiling)
{
	addr &= ~(size - 1);
	return addr >= floor && addr + size <= ceiling;
}

/* A pte table that maps nothing any more (for mm: one still shared with
 * another address space just loses mm's reference). */
static void free_pte_range(struct mm_struct *mm, pmd_t *pmd)
{
	pte_t *table = pte_offset(pmd, 0);

	(void)mm;
	pmd_clear(pmd);
	free_zeroed_page((unsigned long)table);	/* zap cleared every entry */
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
 * when the page is now mapped, else the signal a user access earns
 * (SIGSEGV; SIGBUS past the end of a mapped file), and the architecture
 * decides what follows (a fixup, the signal, or a kernel oops). A user
 * program's fault that finds no free page kills the program, never the
 * kernel. It waits while another thread of the process holds mmap_lock
 * for writing (an munmap or a fork that rescheduled midway).
 */
int handle_page_fault(unsigned long addr, bool write, bool exec, bool user)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int fault = VM_FAULT_SIGSEGV;

	if (!mm || addr >= TASK_SIZE)
		return SIGSEGV;
	mmap_read_lock(mm);
	vma = find_vma(mm, addr);
	if (!vma)
		vma = expand_stack(mm, addr);
	if (vma && (!exec || (vma->vm_flags & VM_EXEC)))
		fault = handle_mm_fault(vma, addr, write);
	mmap_read_unlock(mm);
	if (!fault)
		current->min_flt++;	/* /proc/<pid>/stat's minflt */
	if ((fault & VM_FAULT_OOM) && user)
		out_of_memory_kill();
	if (!fault)
		return 0;
	return fault & VM_FAULT_SIGBUS ? SIGBUS : SIGSEGV;
}

/* The protection of a file's own page in a private mapping: readable
 * where the mapping is accessible at all, never writable, so the first
 * write faults and copies (do_wp_page). */
static unsigned long cow_vm_flags(unsigned long vm_flags)
{
	if (vm_flags & VM_WRITE)
		vm_flags = (vm_flags & ~VM_WRITE) | VM_READ;
	return vm_flags;
}

/* Map page at addr (pte), read-only if cow, else with vma's protection. */
static void set_pte_page(struct vm_area_struct *vma, unsigned long addr,
			 pte_t *pte, struct page *page, bool cow)
{
	set_pte_at(vma->vm_mm, addr, pte,
		   mk_user_pte(page_to_pfn(page),
			       cow ? cow_vm_flags(vma->vm_flags) :
				     vma->vm_flags));
	flush_tlb_page(addr);
}

/* A first touch of private anonymous memory: a zeroed page. */
static noinline int do_anonymous_page(struct vm_area_struct *vma,
				      unsigned long addr, pte_t *pte)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);

	if (!page)
		return VM_FAULT_OOM;
	set_pte_page(vma, addr, pte, page, false);
	return 0;
}

/*
 * A first touch of a file mapping (shared anonymous memory is one too):
 * the file's page. A shared mapping maps the page itself, so its stores
 * reach the file; a private one maps it read-only when reading, so the
 * file's later changes show until it writes, and takes a private copy at
 * once when the first touch is a write (Linux's do_cow_fault).
 */
static noinline int do_fault(struct vm_area_struct *vma, unsigned long addr,
			     pte_t *pte, bool write)
{
	unsigned long pgoff = vma->vm_pgoff +
			      ((addr - vma->vm_start) >> PAGE_SHIFT);
	struct page *page, *copy;
	int ret = filemap_fault(vma, pgoff, &page);

	if (ret)
		return ret;
	if (vma->vm_flags & VM_SHARED) {
		set_pte_page(vma, addr, pte, page, false);
		return 0;
	}
	if (!write) {
		set_pte_page(vma, addr, pte, page, true);
		return 0;
	}
	copy = alloc_pages(GFP_KERNEL, 0);
	if (copy)
		copy_page(page_address(copy), page_address(page));
	put_page(page);
	if (!copy)
		return VM_FAULT_OOM;
	set_pte_page(vma, addr, pte, copy, false);
	return 0;
}

/*
 * A write to a page this private mapping may write but whose PTE is
 * read-only: the page is shared — with the parent or child of a fork
 * (copy-on-write), or it is still the file's own page-cache page (mapped
 * read-only by do_fault). An anonymous page no one else holds any more
 * (the other side wrote first, or exited) is simply made writable again;
 * any other gets a private copy, mapped writable, and the shared page
 * loses this mapping's reference. The file never sees the write.
 * With several CPUs this will run under mm->page_table_lock; the reference
 * count cannot rise meanwhile: only fork adds anonymous pages' references,
 * and it holds this mm's mmap_lock for writing.
 */
static noinline int do_wp_page(struct vm_area_struct *vma,
			       unsigned long addr, pte_t *pte)
{
	struct page *old = pfn_to_page(pte_pfn(*pte));
	struct page *copy;

	if (page_exclusive(old)) {
		set_pte_at(vma->vm_mm, addr, pte,
			   mk_user_pte(pte_pfn(*pte), vma->vm_flags));
		flush_tlb_page(addr);
		return 0;
	}
	copy = alloc_pages(GFP_KERNEL, 0);
	if (!copy)
		return VM_FAULT_OOM;
	copy_page(page_address(copy), page_address(old));
	set_pte_at(vma->vm_mm, addr, pte,
		   mk_user_pte(page_to_pfn(copy), vma->vm_flags));
	flush_tlb_page(addr);
	put_page(old);
	return 0;
}

/* A fault at addr inside vma: 0 when a page is mapped there now, else
 * VM_FAULT_* saying why not. */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long addr,
		    bool write)
{
	pte_t *pte;

	if (write && !(vma->vm_flags & VM_WRITE))
		return VM_FAULT_SIGSEGV;
	if (!(vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return VM_FAULT_SIGSEGV;	/* PROT_NONE */
	addr &= PAGE_MASK;
	pte = walk_page_table(vma->vm_mm, addr);
	if (!pte)
		return VM_FAULT_OOM;
	if (pte_present(*pte)) {
		/* Mapped, yet it faulted: a private mapping's write to a
		 * page it shares (copy-on-write), or no permission. */
		if (write && !pte_write(*pte) && is_cow_mapping(vma->vm_flags))
			return do_wp_page(vma, addr, pte);
		return VM_FAULT_SIGSEGV;
	}
	if (vma->vm_file)
		return do_fault(vma, addr, pte, write);
	return do_anonymous_page(vma, addr, pte);
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
		unsigned long flags = vma->vm_flags;

		if (!pte_present(*pte))
			continue;
		/* A private mapping writes only to a page it holds alone
		 * (not the file's own, not one shared since a fork). */
		if (is_cow_mapping(flags) &&
		    !page_exclusive(pfn_to_page(pte_pfn(*pte))))
			flags = cow_vm_flags(flags);
		set_pte_at(vma->vm_mm, addr, pte,
			   mk_user_pte(pte_pfn(*pte), flags));
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
 * copy_to_mm is about to write the page at addr (pte) of vma: make it a
 * page of this address space alone. Absent: a zeroed page, or the file's
 * bytes there for a file mapping (exec's data segment, whose last page the
 * bss shares). Shared (a file's page-cache page, or copy-on-write): a
 * private copy, so neither the file nor another process sees the write.
 */
static int copy_to_mm_prepare(struct vm_area_struct *vma, unsigned long addr,
			      pte_t *pte)
{
	int fault = 0;

	if (!pte_present(*pte) && vma->vm_file) {
		fault = do_fault(vma, addr, pte, true);
	} else if (!pte_present(*pte)) {
		struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);

		if (!page)
			return -ENOMEM;
		set_pte_at(vma->vm_mm, addr, pte,
			   mk_user_pte(page_to_pfn(page), vma->vm_flags));
	} else if (is_cow_mapping(vma->vm_flags) &&
		   !page_exclusive(pfn_to_page(pte_pfn(*pte)))) {
		fault = do_wp_page(vma, addr, pte);
	}
	if (fault & VM_FAULT_OOM)
		return -ENOMEM;
	return fault ? -EFAULT : 0;
}

/*
 * Write into another address space (exec builds the new program's stack
 * this way, and zeroes the bss's start, before switching to it): len bytes
 * from src, or zeros when src is NULL. Pages are made the address space's
 * own as needed (copy_to_mm_prepare), whatever the VMA's protection, and
 * written through the kernel's linear map. The range must lie inside VMAs
 * of mm. Its length comes from the program file and exec's arguments: a
 * SIGKILL stops it.
 */
static int write_to_mm(struct mm_struct *mm, unsigned long uaddr,
		       const char *src, size_t len)
{
	while (len) {
		unsigned long off = uaddr & ~PAGE_MASK;
		size_t n = min(len, (size_t)(PAGE_SIZE - off));
		struct vm_area_struct *vma = find_vma(mm, uaddr);
		char *to;
		pte_t *pte;
		int err;

		if (!vma)
			return -EFAULT;
		if (fatal_signal_pending(current))
			return -EINTR;
		cond_resched();
		pte = walk_page_table(mm, uaddr);
		if (!pte)
			return -ENOMEM;
		err = copy_to_mm_prepare(vma, uaddr & PAGE_MASK, pte);
		if (err)
			return err;
		to = (char *)__va(pte_pfn(*pte) << PAGE_SHIFT) + off;
		if (src) {
			memcpy(to, src, n);
			src += n;
		} else {
			memset(to, 0, n);
		}
		uaddr += n;
		len -= n;
	}
	return 0;
}

int copy_to_mm(struct mm_struct *mm, unsigned long uaddr, const void *src,
	       size_t len)
{
	return write_to_mm(mm, uaddr, src, len);
}

int clear_mm(struct mm_struct *mm, unsigned long uaddr, size_t len)
{
	return write_to_mm(mm, uaddr, NULL, len);
}

int walk_pte_tables(struct mm_struct *mm, unsigned long addr,
		    unsigned long end,
		    int (*fn)(struct mm_struct *mm, pmd_t *pmd,
			      unsigned long addr, unsigned long end,
			      void *arg),
		    void *arg)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	unsigned long next;

	for (; addr < end; pgd++, addr = next) {
		unsigned long pnext;
		pmd_t *pmd;

		next = pgd_addr_end(addr, end);
		if (pgd_none(*pgd))
			continue;
		pmd = pmd_offset(pgd, addr);
		for (; addr < next; pmd++, addr = pnext) {
			int err;

			pnext = pmd_addr_end(addr, next);
			if (pmd_none(*pmd))
				continue;
			err = fn(mm, pmd, addr, pnext, arg);
			if (err)
				return err;
		}
	}
	return 0;
}

/* Add the present entries of [addr, end), in the table at pmd, to *arg. */
static int count_present(struct mm_struct *mm, pmd_t *pmd,
			 unsigned long addr, unsigned long end, void *arg)
{
	pte_t *pte = pte_offset(pmd, addr);

	(void)mm;
	for (; addr < end; pte++, addr += PAGE_SIZE)
		*(unsigned long *)arg += pte_present(*pte);
	return 0;
}

/*
 * The resident set: pages mapped in mm, counted in its page tables when
 * /proc asks (fork shares tables whole, so a running count would cost
 * fork what sharing saves). A page shared with another process counts
 * in both, as in Linux.
 */
unsigned long get_mm_rss(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	unsigned long rss = 0;

	mmap_read_lock(mm);
	list_for_each_entry(vma, &mm->mmap, vm_list) {
		walk_pte_tables(mm, vma->vm_start, vma->vm_end, count_present,
				&rss);
		cond_resched();
	}
	mmap_read_unlock(mm);
	return rss;
}

/* The PTE of a present page at addr in mm, or NULL; unlike
 * walk_page_table it adds no table (Linux's follow_pte). */
pte_t *follow_pte(struct mm_struct *mm, unsigned long addr)
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
