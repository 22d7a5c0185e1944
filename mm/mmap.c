/*
 * The VMAs that make up an address space: finding the one that holds an
 * address (or growing the stack down to it), creating and removing them
 * (mmap, munmap, brk), changing their protection (mprotect), and tearing
 * them all down at exit. VMAs are kept sorted on mm->mmap and never
 * overlap; pages (and page tables) exist only inside them and appear on
 * first touch (mm/memory.c: handle_mm_fault). The system calls hold the
 * mm's mmap_lock for writing: the page walkers reschedule midway.
 *
 * A VMA that maps a file holds a reference to it (vm_file) and sits on
 * the file's i_mmap list, so truncation can find every mapping of it;
 * shared anonymous memory maps an unnamed file (mm/shmem.c). msync,
 * madvise and mremap, the calls that work on existing mappings, are in
 * mm/msync.c, mm/madvise.c and mm/mremap.c.
 */
#include <asm/processor.h>
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/overflow.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <uapi/linux/mman.h>
#include "internal.h"

#define TASK_UNMAPPED_BASE ALIGN(TASK_SIZE / 3, PAGE_SIZE)
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

/* The first VMA that overlaps [start, end), or NULL. */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start,
					     unsigned long end)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list) {
		if (vma->vm_start >= end)
			break;
		if (start < vma->vm_end)
			return vma;
	}
	return NULL;
}

/* find_vma_intersection, walking on from vma (on mm's list, ending at
 * or below start) instead of from the first VMA: a loop over the VMAs of
 * a range (madvise, msync) stays linear in their number, not quadratic. */
struct vm_area_struct *find_vma_intersection_after(struct mm_struct *mm,
						   struct vm_area_struct *vma,
						   unsigned long start,
						   unsigned long end)
{
	while ((vma = next_vma(mm, vma)) && vma->vm_start < end)
		if (start < vma->vm_end)
			return vma;
	return NULL;
}

/* Does any VMA overlap [start, end)? */
bool range_in_use(struct mm_struct *mm, unsigned long start,
		  unsigned long end)
{
	return find_vma_intersection(mm, start, end) != NULL;
}

/* The VMA after vma on mm's list, or NULL. */
struct vm_area_struct *next_vma(struct mm_struct *mm,
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
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
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
		INIT_LIST_HEAD(&vma->shared);
	}
	return vma;
}

/* Put a file-backed vma on its file's list of mappings (i_mmap). */
void vma_link_file(struct vm_area_struct *vma)
{
	struct address_space *mapping;

	if (!vma->vm_file)
		return;
	mapping = &vma->vm_file->f_inode->i_data;
	down_write(&mapping->i_mmap_rwsem);
	list_add_tail(&vma->shared, &mapping->i_mmap);
	up_write(&mapping->i_mmap_rwsem);
}

/* Take a file-backed vma off its file's list of mappings. */
void unlink_file_vma(struct vm_area_struct *vma)
{
	struct address_space *mapping;

	if (!vma->vm_file)
		return;
	mapping = &vma->vm_file->f_inode->i_data;
	down_write(&mapping->i_mmap_rwsem);
	list_del_init(&vma->shared);
	up_write(&mapping->i_mmap_rwsem);
}

/* Free a vma that is off mm's list and maps no page any more, with its
 * reference to the file (which may be the file's last). */
void remove_vma(struct vm_area_struct *vma)
{
	unlink_file_vma(vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	kmem_cache_free(vm_area_cachep, vma);
}

/* Add a new anonymous VMA [start, end) with flags, in address order
 * (exec's segments and stack, brk); mprotect may later allow any access. */
struct vm_area_struct *insert_vma(struct mm_struct *mm, unsigned long start,
				  unsigned long end, unsigned long flags)
{
	struct vm_area_struct *vma = vm_area_alloc(mm, start, end,
						   flags | VM_MAYREAD |
						   VM_MAYWRITE | VM_MAYEXEC);

	if (vma)
		vma_link(mm, vma);
	return vma;
}

/* Cut vma in two at addr; the upper part is a new VMA after it, mapping
 * the file from where the lower part stops. */
int split_vma(struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *upper = vm_area_dup(vma);

	if (!upper)
		return -ENOMEM;
	upper->vm_start = addr;
	upper->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	vma->vm_end = addr;
	list_add(&upper->vm_list, &vma->vm_list);
	vma_link_file(upper);
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

	/* Tables shared with a forked process become ours, so clearing
	 * their entries below changes no one else's view. */
	if (unshare_page_range(mm, start, end))
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
		remove_vma(last);
		cond_resched();
	} while (vma != next);
	free_pgd_range(mm, start, end, floor, ceiling);
	return 0;
}

/* The lowest free range of len bytes at or above TASK_UNMAPPED_BASE. */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long len)
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

/* The access a file was opened for (Linux's FMODE_READ/FMODE_WRITE). */
static bool file_readable(const struct file *f)
{
	return (f->f_flags & O_ACCMODE) != O_WRONLY;
}

static bool file_writable(const struct file *f)
{
	return (f->f_flags & O_ACCMODE) != O_RDONLY;
}

/* Do file pages [pgoff, pgoff + len / PAGE_SIZE) lie below the largest
 * offset the file can have (a regular file's s_maxbytes), so no page
 * number wraps? */
static bool file_mmap_ok(struct file *file, unsigned long pgoff,
			 unsigned long len)
{
	struct inode *inode = file->f_inode;
	u64 maxsize = ~0UL;	/* ULONG_MAX */

	if (S_ISREG(inode->i_mode) && inode->i_sb)
		maxsize = inode->i_sb->s_maxbytes;
	if (len > maxsize)
		return false;
	return pgoff <= (maxsize - len) >> PAGE_SHIFT;
}

/*
 * The flags of a new mapping, checked as Linux's do_mmap checks them:
 * -EINVAL for a bad type, -EOPNOTSUPP for flags MAP_SHARED_VALIDATE does
 * not know, -EACCES for a file opened without the access the mapping
 * needs (reading, and writing for a writable MAP_SHARED one), -ENODEV for
 * a file that cannot be mapped. A MAP_SHARED mapping of a read-only file
 * keeps VM_MAYSHARE but can never become writable.
 */
static long mmap_vm_flags(struct file *file, unsigned long prot,
			  unsigned long flags, unsigned long *vm_flags)
{
	*vm_flags = prot_to_vm_flags(prot) | VM_MAYREAD | VM_MAYWRITE |
		    VM_MAYEXEC;
	switch (flags & MAP_TYPE) {
	case MAP_SHARED_VALIDATE:
		if (!file)
			return -EINVAL;	/* a file's flags only, as Linux */
		if (flags & ~LEGACY_MAP_MASK)
			return -EOPNOTSUPP;
		/* fall through */
	case MAP_SHARED:
		*vm_flags |= VM_SHARED | VM_MAYSHARE;
		if (!file)
			return 0;
		if ((prot & PROT_WRITE) && !file_writable(file))
			return -EACCES;
		if (!file_writable(file))
			*vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
		break;
	case MAP_PRIVATE:
		if (!file)
			return 0;
		break;
	default:
		return -EINVAL;
	}
	if (!file_readable(file))
		return -EACCES;
	if (!file->f_op || !file->f_op->mmap)
		return -ENODEV;
	return 0;
}

/*
 * MAP_POPULATE: fault in the new mapping now, writing where a private
 * mapping is writable (so it has its copies at once), reading elsewhere.
 * Failures are ignored, as Linux's: the pages then come on first touch.
 */
static void mm_populate(struct mm_struct *mm, unsigned long addr,
			unsigned long len)
{
	struct vm_area_struct *vma;

	mmap_read_lock(mm);
	vma = find_vma(mm, addr);
	if (vma)
		faultin_vma_page_range(vma, addr, min(addr + len, vma->vm_end),
				       (vma->vm_flags &
					(VM_WRITE | VM_SHARED)) == VM_WRITE);
	mmap_read_unlock(mm);
}

/*
 * mmap: a new mapping of anonymous memory or of fd's file from page
 * pgoff, private or shared. The new VMA (and, for shared anonymous
 * memory, its unnamed file) is made before MAP_FIXED unmaps what was
 * there, so running out of memory leaves the old mapping in place.
 * Pages come on first touch (handle_mm_fault).
 */
long ksys_mmap_pgoff(unsigned long addr, unsigned long len,
		     unsigned long prot, unsigned long flags, int fd,
		     unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	struct file *file = NULL;
	unsigned long end, vm_flags;
	long err = 0;

	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
	}
	if (!len || ((flags & MAP_FIXED) && (addr & ~PAGE_MASK))) {
		err = -EINVAL;
		goto out_fput;
	}
	addr = PAGE_ALIGN(addr);	/* a hint needs no alignment */
	if (len > TASK_SIZE) {
		err = -ENOMEM;
		goto out_fput;
	}
	len = PAGE_ALIGN(len);
	if (file && (pgoff + (len >> PAGE_SHIFT) < pgoff ||
		     !file_mmap_ok(file, pgoff, len))) {
		err = -EOVERFLOW;
		goto out_fput;
	}
	err = mmap_vm_flags(file, prot, flags, &vm_flags);
	if (err)
		goto out_fput;
	vma = vm_area_alloc(mm, 0, len, vm_flags);
	if (!vma) {
		err = -ENOMEM;
		goto out_fput;
	}
	if (file) {
		vma->vm_file = file;	/* the reference fget took */
		vma->vm_pgoff = pgoff;
		err = file->f_op->mmap(file, vma);
	} else if (vm_flags & VM_SHARED) {
		err = shmem_zero_setup(vma);
	}
	if (err)
		goto out_free;

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
		vma_link_file(vma);
	}
	mmap_write_unlock(mm);
	if (err)
		goto out_free;
	if ((flags & (MAP_POPULATE | MAP_NONBLOCK)) == MAP_POPULATE)
		mm_populate(mm, addr, len);
	return addr;

out_free:
	remove_vma(vma);	/* and its file, if it has one */
	return err;
out_fput:
	if (file)
		fput(file);
	return err;
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
	/* Page tables shared since a fork: ours first (change_protection
	 * rewrites their entries). */
	if (unshare_page_range(mm, start, end)) {
		err = -ENOMEM;
		goto out;
	}
	/* No access the mapping may not have: a MAP_SHARED mapping of a
	 * read-only file never becomes writable. */
	for (v = vma; v && v->vm_start < end; v = next_vma(mm, v))
		if (newflags & ~(v->vm_flags >> 4) &
		    (VM_READ | VM_WRITE | VM_EXEC)) {
			err = -EACCES;
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
		if (vma && vma->vm_end == oldbrk && !vma->vm_file)
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

	drop_shared_pte_tables(mm);
	list_for_each_entry_safe(vma, next, &mm->mmap, vm_list) {
		unmap_page_range(vma, vma->vm_start, vma->vm_end);
		/* The tables under vma's range go, but those the next VMA
		 * still uses (the ones below are gone already): Linux's
		 * free_pgtables. The walk visits what was mapped, not all
		 * of user space. */
		free_pgd_range(mm, vma->vm_start, vma->vm_end, 0,
			       &next->vm_list == &mm->mmap ? TASK_SIZE :
							     next->vm_start);
		list_del(&vma->vm_list);
		remove_vma(vma);
		cond_resched();
	}
}
