/*
 * mremap(2): grow, shrink or move a mapping, keeping its contents.
 * Shrinking unmaps the tail; growing extends the VMA in place when the
 * addresses after it are free; otherwise (with MREMAP_MAYMOVE) the VMA
 * moves: a new one is made at the new place and the page-table entries
 * move there (move_page_tables), so the very pages follow — private and
 * shared alike — and nothing is copied.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/overflow.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <uapi/linux/mman.h>
#include "internal.h"

struct move {
	unsigned long old_addr, new_addr;
	bool prepare;
};

/* One table's part of move_ptes. */
static int move_pte_table(struct mm_struct *mm, pmd_t *pmd,
			  unsigned long addr, unsigned long end, void *arg)
{
	const struct move *mv = arg;
	pte_t *pte;

	/* A table shared since a fork: ours first. */
	if (mv->prepare && unshare_pte_table(mm, pmd, addr))
		return -ENOMEM;
	for (pte = pte_offset(pmd, addr); addr < end; pte++,
	     addr += PAGE_SIZE) {
		pte_t *dst;

		if (!pte_present(*pte))
			continue;
		dst = walk_page_table(mm, addr - mv->old_addr + mv->new_addr);
		if (!dst)
			return -ENOMEM;
		if (mv->prepare)
			continue;
		set_pte_at(mm, addr, dst, *pte);
		*pte = 0;
	}
	cond_resched();
	return 0;
}

/*
 * Visit the present PTEs of [old_addr, old_addr + len) of vma, skipping
 * empty tables. prepare: give new_addr's side the page tables each one
 * will need (-ENOMEM if memory runs out: nothing has moved yet); else
 * move each entry to the same offset from new_addr.
 */
static int move_ptes(struct vm_area_struct *vma, unsigned long old_addr,
		     unsigned long new_addr, unsigned long len, bool prepare)
{
	struct move mv = { old_addr, new_addr, prepare };
	int err = walk_pte_tables(vma->vm_mm, old_addr, old_addr + len,
				  move_pte_table, &mv);

	if (!err && !prepare) {
		flush_tlb_range(vma, old_addr, old_addr + len);
		flush_tlb_range(vma, new_addr, new_addr + len);
	}
	return err;
}

/* Move the page-table entries of [old_addr, +len) to new_addr. */
static noinline int move_page_tables(struct vm_area_struct *vma,
			    unsigned long old_addr, unsigned long new_addr,
			    unsigned long len)
{
	int err = move_ptes(vma, old_addr, new_addr, len, true);

	return err ? err : move_ptes(vma, old_addr, new_addr, len, false);
}

/*
 * Move [old_addr, +old_len) of vma to a new VMA at [new_addr, +new_len)
 * (new_len >= old_len: the rest is new, the file's next pages or zeros).
 * The old range is unmapped unless MREMAP_DONTUNMAP keeps it (empty). An
 * old_len of 0 makes a second mapping of a shared one.
 */
static noinline long move_vma(struct vm_area_struct *vma, unsigned long old_addr,
		     unsigned long old_len, unsigned long new_len,
		     unsigned long new_addr, unsigned long flags)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *new_vma;
	int err;

	if (old_len) {
		if (vma->vm_start < old_addr) {
			if (split_vma(vma, old_addr))
				return -ENOMEM;
			vma = next_vma(mm, vma);
		}
		if (vma->vm_end > old_addr + old_len &&
		    split_vma(vma, old_addr + old_len))
			return -ENOMEM;
	}
	new_vma = vm_area_dup(vma);
	if (!new_vma)
		return -ENOMEM;
	new_vma->vm_pgoff += (old_addr - vma->vm_start) >> PAGE_SHIFT;
	new_vma->vm_start = new_addr;
	new_vma->vm_end = new_addr + new_len;
	/* On the file's i_mmap before any entry moves there, so a
	 * truncation meanwhile finds the pages at either place. */
	vma_link_file(new_vma);
	err = move_page_tables(vma, old_addr, new_addr, old_len);
	if (err) {
		remove_vma(new_vma);
		return err;
	}
	vma_link(mm, new_vma);
	if (old_len && !(flags & MREMAP_DONTUNMAP))
		do_munmap(mm, old_addr, old_len);	/* no pages left */
	return new_addr;
}

/* The VMA holding [addr, +old_len) that may become new_len long, or an
 * ERR_PTR: -EFAULT if that range is not inside one VMA, -EINVAL for a
 * file offset that would overflow or a private old_len of 0. */
static struct vm_area_struct *vma_to_resize(struct mm_struct *mm,
					    unsigned long addr,
					    unsigned long old_len,
					    unsigned long new_len)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	unsigned long pgoff;

	if (!vma)
		return ERR_PTR(-EFAULT);
	if (old_len > vma->vm_end - addr)
		return ERR_PTR(-EFAULT);	/* across VMA boundaries */
	if (!old_len && !(vma->vm_flags & (VM_SHARED | VM_MAYSHARE)))
		return ERR_PTR(-EINVAL);
	if (new_len == old_len)
		return vma;
	pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	if (pgoff + (new_len >> PAGE_SHIFT) < pgoff)
		return ERR_PTR(-EINVAL);
	return vma;
}

/* MREMAP_FIXED (to new_addr) or MREMAP_DONTUNMAP (anywhere): always a
 * move. Whatever was at new_addr is unmapped first, as for MAP_FIXED. */
static long mremap_to(struct mm_struct *mm, unsigned long addr,
		      unsigned long old_len, unsigned long new_addr,
		      unsigned long new_len, unsigned long flags)
{
	struct vm_area_struct *vma;
	long ret;

	if (flags & MREMAP_FIXED) {
		if (new_addr & ~PAGE_MASK)
			return -EINVAL;
		if (new_len > TASK_SIZE || new_addr > TASK_SIZE - new_len)
			return -EINVAL;
		/* The old and the new range may not overlap. */
		if (addr + old_len > new_addr && new_addr + new_len > addr)
			return -EINVAL;
		ret = do_munmap(mm, new_addr, new_len);
		if (ret)
			return ret;
	}
	if (old_len > new_len) {
		ret = do_munmap(mm, addr + new_len, old_len - new_len);
		if (ret)
			return ret;
		old_len = new_len;
	}
	vma = vma_to_resize(mm, addr, old_len, new_len);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	if (!(flags & MREMAP_FIXED)) {
		new_addr = get_unmapped_area(mm, new_len);
		if (IS_ERR_VALUE(new_addr))
			return new_addr;
	}
	return move_vma(vma, addr, old_len, new_len, new_addr, flags);
}

/* Can vma grow by delta bytes where it is? */
static bool vma_expandable(struct mm_struct *mm, struct vm_area_struct *vma,
			   unsigned long delta)
{
	unsigned long end;

	if (check_add_overflow(vma->vm_end, delta, &end) || end > TASK_SIZE)
		return false;
	return !range_in_use(mm, vma->vm_end, end);
}

/*
 * Linux's errors: -EINVAL for unknown flags, MREMAP_FIXED without
 * MREMAP_MAYMOVE, MREMAP_DONTUNMAP without it or with a change of size,
 * an unaligned address, a new_len of 0, overlapping FIXED ranges; -EFAULT
 * when nothing is mapped at addr or the old range is not inside one
 * mapping; -ENOMEM when it cannot
 * grow in place and may not move (or there is no room).
 */
SYSCALL_DEFINE5(mremap, unsigned long, addr, unsigned long, old_len,
		unsigned long, new_len, unsigned long, flags,
		unsigned long, new_addr)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	long ret;

	if (flags & ~(MREMAP_FIXED | MREMAP_MAYMOVE | MREMAP_DONTUNMAP))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if ((flags & MREMAP_DONTUNMAP) &&
	    (!(flags & MREMAP_MAYMOVE) || old_len != new_len))
		return -EINVAL;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	if (!new_len)
		return -EINVAL;

	mmap_write_lock(mm);
	if (!find_vma(mm, addr)) {
		ret = -EFAULT;	/* nothing mapped at addr */
		goto out;
	}
	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) {
		ret = mremap_to(mm, addr, old_len, new_addr, new_len, flags);
		goto out;
	}
	if (old_len >= new_len) {	/* shrink (or nothing to do) */
		ret = old_len > new_len ?
			do_munmap(mm, addr + new_len, old_len - new_len) : 0;
		if (!ret)
			ret = addr;
		goto out;
	}
	vma = vma_to_resize(mm, addr, old_len, new_len);
	if (IS_ERR(vma)) {
		ret = PTR_ERR(vma);
		goto out;
	}
	/* Grow in place: the range ends the VMA and room follows it. */
	if (old_len == vma->vm_end - addr &&
	    vma_expandable(mm, vma, new_len - old_len)) {
		vma->vm_end += new_len - old_len;
		ret = addr;
		goto out;
	}
	ret = -ENOMEM;
	if (flags & MREMAP_MAYMOVE) {
		new_addr = get_unmapped_area(mm, new_len);
		ret = IS_ERR_VALUE(new_addr) ? (long)new_addr :
			move_vma(vma, addr, old_len, new_len, new_addr, flags);
	}
out:
	mmap_write_unlock(mm);
	return ret;
}
