/*
 * copy_to_user / copy_from_user / strncpy_from_user. Before touching user
 * memory we check that the whole range lies inside the current process's
 * VMAs with the right permission; an address outside them is -EFAULT, never
 * a kernel fault. The copy itself is the architecture's raw_copy_user(),
 * which sets up user access and recovers from faults.
 */
#include <asm/processor.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/uaccess.h>

/* Is [addr, addr+n) entirely inside VMAs that allow `need`? */
static bool user_range_ok(unsigned long addr, unsigned long n,
			  unsigned long need)
{
	struct mm_struct *mm = current->mm;
	unsigned long end = addr + n;

	if (!mm || end < addr || end > TASK_SIZE)
		return false;
	while (addr < end) {
		struct vm_area_struct *vma = find_vma(mm, addr);

		if (!vma || (vma->vm_flags & need) != need)
			return false;
		addr = vma->vm_end;
	}
	return true;
}

unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	if (!n)
		return 0;
	if (!user_range_ok((unsigned long)to, n, VM_WRITE))
		return n;
	return raw_copy_user(to, from, n);
}

unsigned long copy_from_user(void *to, const void *from, unsigned long n)
{
	if (!n)
		return 0;
	if (!user_range_ok((unsigned long)from, n, VM_READ))
		return n;
	return raw_copy_user(to, from, n);
}

/*
 * Copy a NUL-terminated string of at most count bytes (NUL included).
 * Returns its length, -EFAULT for a bad address, or count if no NUL was
 * found within count bytes (the caller treats that as too long).
 */
long strncpy_from_user(char *dst, const char *src, long count)
{
	long i;

	for (i = 0; i < count; i++) {
		if (!user_range_ok((unsigned long)src + i, 1, VM_READ) ||
		    raw_copy_user(dst + i, src + i, 1))
			return -EFAULT;
		if (!dst[i])
			return i;
	}
	return count;
}
