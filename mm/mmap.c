/*
 * The VMAs that make up an address space: finding the one that holds an
 * address (or growing the stack down to it), creating and removing them
 * (mmap, munmap, brk), changing their
 * protection (mprotect), and tearing them all down at exit. VMAs are kept
 * sorted on mm->mmap and never overlap; pages behind them appear on first
 * touch (mm/memory.c: handle_mm_fault). The system calls hold the mm's
 * mmap_lock for writing: the page walkers reschedule midway.
 */
#include <asm/processor.h>
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
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

/* Add a new VMA [start, end) with flags, in address order. */
struct vm_area_struct *insert_vma(struct mm_struct *mm, unsigned long start,
				  unsigned long end, unsigned long flags)
{
	struct vm_area_struct *vma, *pos;

	vma = kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);
	if (!vma)
		return NULL;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = flags;
	vma->vm_mm = mm;
	list_for_each_entry(pos, &mm->mmap, vm_list)
		if (pos->vm_start > start)
			break;
	list_add_tail(&vma->vm_list, &pos->vm_list);	/* before pos */
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

/* Remove every mapping in [start, end), splitting VMAs at the edges. */
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	unsigned long end = start + PAGE_ALIGN(len);
	struct vm_area_struct *vma, *next;

	if ((start & ~PAGE_MASK) || !len || end > TASK_SIZE || end < start)
		return -EINVAL;
	list_for_each_entry_safe(vma, next, &mm->mmap, vm_list) {
		if (vma->vm_end <= start || vma->vm_start >= end)
			continue;
		if (vma->vm_start < start) {
			if (split_vma(vma, start))
				return -ENOMEM;
			continue;	/* the upper part comes next */
		}
		if (vma->vm_end > end && split_vma(vma, end))
			return -ENOMEM;
		unmap_page_range(vma, vma->vm_start, vma->vm_end);
		next = list_entry(vma->vm_list.next, struct vm_area_struct,
				  vm_list);
		list_del(&vma->vm_list);
		kmem_cache_free(vm_area_cachep, vma);
	}
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

/* Anonymous private mappings only: Clonix has no file or shared mmap. */
long ksys_mmap_pgoff(unsigned long addr, unsigned long len,
		     unsigned long prot, unsigned long flags, int fd,
		     unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	unsigned long vmflags;
	long err = 0;

	(void)pgoff;
	if (!len || (addr & ~PAGE_MASK))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len || len > TASK_SIZE)
		return -ENOMEM;
	if ((flags & MAP_TYPE) != MAP_PRIVATE && (flags & MAP_TYPE) != MAP_SHARED)
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS))
		return fd < 0 ? -EBADF : -ENODEV;	/* no file mappings */
	if ((flags & MAP_TYPE) == MAP_SHARED)
		return -EINVAL;	/* no shared memory (yet) */
	vmflags = prot_to_vm_flags(prot);

	mmap_write_lock(mm);
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if (addr + len > TASK_SIZE || addr + len < addr)
			err = -ENOMEM;
		else if (range_in_use(mm, addr, addr + len))
			err = flags & MAP_FIXED_NOREPLACE ? -EEXIST :
							    do_munmap(mm, addr, len);
	} else if (!addr || addr + len > TASK_SIZE ||
		   range_in_use(mm, addr, addr + len)) {
		addr = get_unmapped_area(mm, len);
		if (IS_ERR_VALUE(addr))
			err = addr;
	}
	if (!err && !insert_vma(mm, addr, addr + len, vmflags))
		err = -ENOMEM;
	mmap_write_unlock(mm);
	return err ? err : (long)addr;
}

long sys_munmap(unsigned long addr, size_t len)
{
	struct mm_struct *mm = current->mm;
	int err;

	mmap_write_lock(mm);
	err = do_munmap(mm, addr, len);
	mmap_write_unlock(mm);
	return err;
}

/* Change the protection of [start, start+len), which must be mapped. */
long sys_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long end = start + PAGE_ALIGN(len), addr;
	unsigned long newflags = prot_to_vm_flags(prot);
	struct vm_area_struct *vma;
	long err = 0;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (end < start || end > TASK_SIZE)
		return -ENOMEM;
	mmap_write_lock(mm);
	for (addr = start; addr < end;) {
		vma = find_vma(mm, addr);
		if (!vma) {
			err = -ENOMEM;
			goto out;
		}
		addr = vma->vm_end;
	}
	for (addr = start; addr < end; addr = vma->vm_end) {
		vma = find_vma(mm, addr);
		if (vma->vm_start < addr && split_vma(vma, addr)) {
			err = -ENOMEM;
			goto out;
		}
		vma = find_vma(mm, addr);
		if (vma->vm_end > end && split_vma(vma, end)) {
			err = -ENOMEM;
			goto out;
		}
		vma->vm_flags = (vma->vm_flags & ~(VM_READ | VM_WRITE |
						   VM_EXEC)) | newflags;
		change_protection(vma);
	}
out:
	mmap_write_unlock(mm);
	return err;
}

/* Move the end of the heap. Returns the new end, or the old one when the
 * request is refused (Linux's brk never returns an error code). */
long sys_brk(unsigned long brk)
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
