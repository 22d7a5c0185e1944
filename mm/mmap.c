/*
 * The VMAs that make up an address space: finding the one that holds an
 * address (or growing the stack down to it), creating and removing them
 * (mmap, munmap, brk), changing their protection (mprotect), and tearing
 * them all down at exit. VMAs are kept sorted on mm->mmap and never
 * overlap; pages (and page tables) exist only inside them and appear on
 * first touch (mm/memory.c: handle_mm_fault). The system calls hold the
 * mm's mmap_lock for writing: the page walkers reschedule midway.
 */
#include <asm/processor.h>
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/overflow.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <uapi/linux/mman.h>

#define TASK_UNMAPPED_BASE ALIGN(TASK_SIZE / 3, PAGE_SIZE)
#define PAGE_ALIGN(x) ALIGN((unsigned long)(x), PAGE_SIZE)
#define STACK_GUARD_GAP (128UL << 10)	/* how far below sp a push may reach */

/* The VMA containing addr, or NULL. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list)
		if (addr >= vma->vm_start && addr < vma->vm_end)
			return vma;
	return NULL;
}

/*
 * A fault at addr below the stack: grow the stack VMA (VM_GROWSDOWN) down
 * to cover it, if addr is close enough to it (a push or a call just below
 * sp), the stack stays within RLIMIT_STACK and does not run into the VMA
 * below. Returns the stack VMA, or NULL. Both architectures' page-fault
 * handlers call it when find_vma finds nothing.
 */
struct vm_area_struct *expand_stack(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list) {
		if (!(vma->vm_flags & VM_GROWSDOWN) || addr >= vma->vm_start)
			continue;
		if (vma->vm_start - addr > STACK_GUARD_GAP ||
		    vma->vm_end - (addr & PAGE_MASK) >
			    task_rlimit(current, RLIMIT_STACK))
			return NULL;
		if (vma->vm_list.prev != &mm->mmap) {
			struct vm_area_struct *prev =
				list_entry(vma->vm_list.prev,
					   struct vm_area_struct, vm_list);
			if (prev->vm_end > (addr & PAGE_MASK))
				return NULL;
		}
		vma->vm_start = addr & PAGE_MASK;
		return vma;
	}
	return NULL;
}

/* Does any VMA overlap [start, end)? */
static bool range_in_use(struct mm_struct *mm, unsigned long start,
			 unsigned long end)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list)
		if (vma->vm_start < end && start < vma->vm_end)
			return true;
	return false;
}

/* The VMA after vma on mm's list, or NULL. */
static struct vm_area_struct *next_vma(struct mm_struct *mm,
				       struct vm_area_struct *vma)
{
	return vma->vm_list.next == &mm->mmap ? NULL :
		list_entry(vma->vm_list.next, struct vm_area_struct, vm_list);
}

/* The VMA before vma on mm's list, or NULL. */
static struct vm_area_struct *prev_vma(struct mm_struct *mm,
				       struct vm_area_struct *vma)
{
	return vma->vm_list.prev == &mm->mmap ? NULL :
		list_entry(vma->vm_list.prev, struct vm_area_struct, vm_list);
}

/* Put vma on mm's list, in address order; it must overlap none there. */
static void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *pos;

	list_for_each_entry(pos, &mm->mmap, vm_list)
		if (pos->vm_start > vma->vm_start)
			break;
	list_add_tail(&vma->vm_list, &pos->vm_list);	/* before pos */
}

static struct vm_area_struct *vm_area_alloc(struct mm_struct *mm,
					    unsigned long start,
					    unsigned long end,
					    unsigned long flags)
{
	struct vm_area_struct *vma = kmem_cache_zalloc(vm_area_cachep,
						       GFP_KERNEL);

	if (vma) {
		vma->vm_start = start;
		vma->vm_end = end;
		vma->vm_flags = flags;
		vma->vm_mm = mm;
	}
	return vma;
}

/* Add a new VMA [start, end) with flags, in address order. */
struct vm_area_struct *insert_vma(struct mm_struct *mm, unsigned long start,
				  unsigned long end, unsigned long flags)
{
	struct vm_area_struct *vma = vm_area_alloc(mm, start, end, flags);

	if (vma)
		vma_link(mm, vma);
	return vma;
}

/* Cut vma in two at addr; the upper part is a new VMA after it. */
static int split_vma(struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *upper;

	upper = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);
	if (!upper)
		return -ENOMEM;
	*upper = *vma;
	upper->vm_start = addr;
	vma->vm_end = addr;
	list_add(&upper->vm_list, &vma->vm_list);
	return 0;
}

/*
 * Remove every mapping in [start, start+len), as Linux does: first split
 * the VMAs that straddle its edges — the only step that can fail, and one
 * the program cannot see — then unmap the whole VMAs now inside it, free
 * their pages, and the page tables no VMA uses any more. The caller holds
 * mmap_lock for writing (or owns mm alone, as exec does).
 */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	struct vm_area_struct *vma, *last, *next;
	unsigned long end, floor, ceiling;

	if ((start & ~PAGE_MASK) || !len ||
	    check_add_overflow(start, len, &end) || end > TASK_SIZE)
		return -EINVAL;
	end = PAGE_ALIGN(end);

	list_for_each_entry(vma, &mm->mmap, vm_list)
		if (vma->vm_end > start)
			break;
	if (&vma->vm_list == &mm->mmap || vma->vm_start >= end)
		return 0;	/* nothing mapped there */
	if (vma->vm_start < start) {
		if (split_vma(vma, start))
			return -ENOMEM;
		vma = next_vma(mm, vma);	/* the part from start up */
	}
	for (last = vma; (next = next_vma(mm, last)) && next->vm_start < end;)
		last = next;
	if (last->vm_end > end && split_vma(last, end))
		return -ENOMEM;

	/* [start, end) now holds whole VMAs, from vma to last. */
	floor = prev_vma(mm, vma) ? prev_vma(mm, vma)->vm_end : 0;
	next = next_vma(mm, last);
	ceiling = next ? next->vm_start : TASK_SIZE;
	do {
		last = vma;
		vma = next_vma(mm, vma);
		unmap_page_range(last, last->vm_start, last->vm_end);
		list_del(&last->vm_list);
		kmem_cache_free(vm_area_cachep, last);
		cond_resched();
	} while (vma != next);
	free_pgd_range(mm, start, end, floor, ceiling);
	return 0;
}

/* The lowest free range of len bytes at or above TASK_UNMAPPED_BASE. */
static unsigned long get_unmapped_area(struct mm_struct *mm,
				       unsigned long len)
{
	unsigned long addr = TASK_UNMAPPED_BASE;
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list) {
		if (vma->vm_end <= addr)
			continue;
		if (vma->vm_start >= addr + len)
			break;
		addr = vma->vm_end;
	}
	if (addr + len > TASK_SIZE || addr + len < addr)
		return -ENOMEM;
	return addr;
}

static unsigned long prot_to_vm_flags(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) |
	       (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

/*
 * Anonymous private mappings only: Clonix has no file or shared mmap. The
 * new VMA is allocated before MAP_FIXED unmaps what was there, so running
 * out of memory leaves the old mapping in place.
 */
long ksys_mmap_pgoff(unsigned long addr, unsigned long len,
		     unsigned long prot, unsigned long flags, int fd,
		     unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long end;
	long err = 0;

	(void)pgoff;
	if (!len || (addr & ~PAGE_MASK))
		return -EINVAL;
	if (len > TASK_SIZE)
		return -ENOMEM;
	len = PAGE_ALIGN(len);
	if ((flags & MAP_TYPE) != MAP_PRIVATE && (flags & MAP_TYPE) != MAP_SHARED)
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS))
		return fd < 0 ? -EBADF : -ENODEV;	/* no file mappings */
	if ((flags & MAP_TYPE) == MAP_SHARED)
		return -EINVAL;	/* no shared memory (yet) */
	vma = vm_area_alloc(mm, 0, 0, prot_to_vm_flags(prot));
	if (!vma)
		return -ENOMEM;

	mmap_write_lock(mm);
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if (check_add_overflow(addr, len, &end) || end > TASK_SIZE)
			err = -ENOMEM;
		else if (range_in_use(mm, addr, end))
			err = flags & MAP_FIXED_NOREPLACE ? -EEXIST :
							    do_munmap(mm, addr, len);
	} else if (!addr || check_add_overflow(addr, len, &end) ||
		   end > TASK_SIZE || range_in_use(mm, addr, end)) {
		addr = get_unmapped_area(mm, len);	/* no usable hint */
		if (IS_ERR_VALUE(addr))
			err = addr;
	}
	if (!err) {
		vma->vm_start = addr;
		vma->vm_end = addr + len;
		vma_link(mm, vma);
	}
	mmap_write_unlock(mm);
	if (err) {
		kmem_cache_free(vm_area_cachep, vma);
		return err;
	}
	return addr;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	struct mm_struct *mm = current->mm;
	int err;

	mmap_write_lock(mm);
	err = do_munmap(mm, addr, len);
	mmap_write_unlock(mm);
	return err;
}

/* Change the protection of [start, start+len), which must be mapped. */
SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len,
		unsigned long, prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long newflags = prot_to_vm_flags(prot), end, addr;
	struct vm_area_struct *vma, *v;
	long err = 0;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	if (check_add_overflow(start, len, &end) || end > TASK_SIZE)
		return -ENOMEM;
	end = PAGE_ALIGN(end);

	mmap_write_lock(mm);
	vma = find_vma(mm, start);
	for (v = vma, addr = start; v && v->vm_start <= addr && addr < end;
	     v = next_vma(mm, v))
		addr = v->vm_end;
	if (addr < end) {
		err = -ENOMEM;	/* a hole in the range */
		goto out;
	}
	if (vma->vm_start < start) {
		if (split_vma(vma, start)) {
			err = -ENOMEM;
			goto out;
		}
		vma = next_vma(mm, vma);
	}
	for (;;) {
		if (vma->vm_end > end && split_vma(vma, end)) {
			err = -ENOMEM;
			break;
		}
		vma->vm_flags = (vma->vm_flags & ~(VM_READ | VM_WRITE |
						   VM_EXEC)) | newflags;
		change_protection(vma);
		if (vma->vm_end >= end)
			break;
		vma = next_vma(mm, vma);
		cond_resched();
	}
out:
	mmap_write_unlock(mm);
	return err;
}

/* Move the end of the heap. Returns the new end, or the old one when the
 * request is refused (Linux's brk never returns an error code). Shrinking
 * unmaps the pages above the new end, so growing again finds them zeroed. */
SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk = PAGE_ALIGN(brk), oldbrk;
	struct vm_area_struct *vma;

	if (brk < mm->start_brk || brk > TASK_UNMAPPED_BASE)
		return mm->brk;
	mmap_write_lock(mm);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (newbrk < oldbrk) {
		if (do_munmap(mm, newbrk, oldbrk - newbrk))
			goto refused;
	} else if (newbrk > oldbrk) {
		if (range_in_use(mm, oldbrk, newbrk))
			goto refused;
		vma = oldbrk > mm->start_brk ? find_vma(mm, oldbrk - 1) : NULL;
		if (vma && vma->vm_end == oldbrk)
			vma->vm_end = newbrk;
		else if (!insert_vma(mm, oldbrk, newbrk, VM_READ | VM_WRITE))
			goto refused;
	}
	mm->brk = brk;
refused:
	mmap_write_unlock(mm);
	return mm->brk;
}

/* Free every page, VMA and user page-table page of mm (its last user is
 * gone: no lock needed). */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *next;

	list_for_each_entry_safe(vma, next, &mm->mmap, vm_list) {
		unmap_page_range(vma, vma->vm_start, vma->vm_end);
		list_del(&vma->vm_list);
		kmem_cache_free(vm_area_cachep, vma);
		cond_resched();
	}
	free_pgd_range(mm, 0, TASK_SIZE, 0, TASK_SIZE);
}
