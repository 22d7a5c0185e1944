/*
 * /proc/<pid>/maps and the memory lines of /proc/<pid>/status: a walk
 * over the process's VMAs under its mmap_lock (read). The maps format is
 * Linux's: "start-end perms offset dev inode", then, padded to a column,
 * a name: [heap] for the brk area, [stack] for the stack, "/dev/zero
 * (deleted)" for shared anonymous memory. A mapping of a file (mmap of a
 * file through its page cache) shows its offset, device and inode number
 * but no path yet: a struct file remembers its inode, not the name it was
 * opened by. exec copies the program's segments into anonymous VMAs
 * rather than mapping the file; they are the VMAs from start_code to
 * end_data.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include "internal.h"

/* Bytes in every VMA: VmSize, and stat's vsize. */
unsigned long task_vsize(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	unsigned long size = 0;

	mmap_read_lock(mm);
	list_for_each_entry(vma, &mm->mmap, vm_list) {
		size += vma->vm_end - vma->vm_start;
		cond_resched();
	}
	mmap_read_unlock(mm);
	return size;
}

static bool vma_is_stack(struct mm_struct *mm, struct vm_area_struct *vma)
{
	return (vma->vm_flags & VM_GROWSDOWN) ||
	       (vma->vm_start <= mm->start_stack &&
		vma->vm_end >= mm->start_stack);
}

/* The lines of /proc/<pid>/status about memory, in kB. */
void task_mem(struct seq_file *m, struct mm_struct *mm)
{
	unsigned long total = 0, data = 0, stack = 0, exec = 0;
	struct vm_area_struct *vma;

	mmap_read_lock(mm);
	list_for_each_entry(vma, &mm->mmap, vm_list) {
		unsigned long size = vma->vm_end - vma->vm_start;

		total += size;
		if (vma_is_stack(mm, vma))
			stack += size;
		else if (vma->vm_flags & VM_WRITE)
			data += size;
		else if (vma->vm_flags & VM_EXEC)
			exec += size;
		cond_resched();
	}
	mmap_read_unlock(mm);
	seq_printf(m, "VmSize:\t%8lu kB\nVmLck:\t%8lu kB\n", total >> 10, 0UL);
	seq_printf(m, "VmRSS:\t%8lu kB\nRssAnon:\t%8lu kB\n",
		   get_mm_rss(mm) << (PAGE_SHIFT - 10),
		   get_mm_rss(mm) << (PAGE_SHIFT - 10));
	seq_printf(m, "VmData:\t%8lu kB\nVmStk:\t%8lu kB\nVmExe:\t%8lu kB\n",
		   data >> 10, stack >> 10, exec >> 10);
	seq_printf(m, "VmSwap:\t%8lu kB\n", 0UL);
}

static void show_map_vma(struct seq_file *m, struct mm_struct *mm,
			 struct vm_area_struct *vma)
{
	unsigned long flags = vma->vm_flags;
	const char *name = NULL;

	struct inode *inode = vma->vm_file ? vma->vm_file->f_inode : NULL;

	/* A file's mapping shows its offset, device (the one file system:
	 * 00:01, st_dev 1) and inode number; anonymous memory zeros. */
	seq_printf(m, "%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu",
		   vma->vm_start, vma->vm_end,
		   flags & VM_READ ? 'r' : '-', flags & VM_WRITE ? 'w' : '-',
		   flags & VM_EXEC ? 'x' : '-', flags & VM_SHARED ? 's' : 'p',
		   inode ? vma->vm_pgoff << PAGE_SHIFT : 0UL, 0, inode ? 1 : 0,
		   inode ? inode->i_ino : 0UL);
	if (inode && inode->i_sb == &shmem_sb)
		name = "/dev/zero (deleted)";	/* shared anonymous memory */
	else if (vma->vm_start < mm->brk && vma->vm_end > mm->start_brk)
		name = "[heap]";
	else if (vma_is_stack(mm, vma))
		name = "[stack]";
	else if (mm->context.vdso &&
		 vma->vm_start == (unsigned long)mm->context.vdso)
		name = "[vdso]";
	else if (mm->context.vdso &&
		 vma->vm_end == (unsigned long)mm->context.vdso &&
		 !(flags & VM_EXEC))
		name = "[vvar]";	/* the vDSO's data, just below it */
	if (name) {
		/* Linux pads to 25 + 6 * sizeof(void *) - 1 columns. */
		seq_pad(m, ' ', 25 + sizeof(void *) * 6 - 1);
		seq_putc(m, ' ');
		seq_puts(m, name);
	}
	seq_putc(m, '\n');
}

int show_map(struct seq_file *m)
{
	struct mm_struct *mm = get_task_mm(m->private);
	struct vm_area_struct *vma;

	if (!mm)
		return 0;	/* a kernel thread or a zombie: empty */
	mmap_read_lock(mm);
	list_for_each_entry(vma, &mm->mmap, vm_list) {
		show_map_vma(m, mm, vma);
		if (seq_has_overflowed(m))
			break;
		cond_resched();	/* the lock is a sleeping one */
	}
	mmap_read_unlock(mm);
	mmput(mm);
	return 0;
}
