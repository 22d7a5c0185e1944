/*
 * copy_to_user / copy_from_user / strncpy_from_user. Before touching user
 * memory we check how much of the range lies inside the current process's
 * VMAs with the right permission; an address outside them is never
 * touched (never a kernel fault). As in Linux, a copy that runs into such
 * an address copies the bytes before it and returns how many it did not
 * copy, so read() and write() report the exact partial count. The copy
 * itself is the architecture's raw_copy_user(), which sets up user access
 * and recovers from faults.
 *
 * A copy may fault, and the fault takes the mmap_lock, which may sleep:
 * the debug kernel reports any copy made with a spinlock held
 * (might_fault, as Linux), whether or not this one faults.
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

/* How many bytes from addr on, up to n, lie inside VMAs that allow
 * `need`: n if all of them do, else those before the first that does not.
 * 0 for a range that wraps or reaches past user space (Linux's access_ok). */
static unsigned long user_range_len(unsigned long addr, unsigned long n,
				    unsigned long need)
{
	struct mm_struct *mm = current->mm;
	unsigned long start = addr, end = addr + n;

	if (!mm || end < addr || end > TASK_SIZE)
		return 0;
	while (addr < end) {
		struct vm_area_struct *vma = find_vma(mm, addr);

		if (!vma || (vma->vm_flags & need) != need)
			return addr - start;
		addr = vma->vm_end;
	}
	return n;
}

#define might_fault() might_sleep()

/* Both return the bytes NOT copied: 0 when all were. */
unsigned long copy_to_user(void __user *to, const void *from,
			   unsigned long n)
{
	unsigned long ok;

	might_fault();
	if (!n)
		return 0;
	ok = user_range_len((__force unsigned long)to, n, VM_WRITE);
	return raw_copy_to_user(to, from, ok) + (n - ok);
}

unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n)
{
	unsigned long ok;

	might_fault();
	if (!n)
		return 0;
	ok = user_range_len((__force unsigned long)from, n, VM_READ);
	return raw_copy_from_user(to, from, ok) + (n - ok);
}

/*
 * Copy a NUL-terminated string of at most count bytes (NUL included).
 * Returns its length, -EFAULT for a bad address, or count if no NUL was
 * found within count bytes (the caller treats that as too long).
 */
long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long i;

	might_fault();
	for (i = 0; i < count; i++) {
		if (!user_range_ok((__force unsigned long)src + i, 1, VM_READ) ||
		    raw_copy_from_user(dst + i, src + i, 1))
			return -EFAULT;
		if (!dst[i])
			return i;
	}
	return count;
}
