/* Futexes seen from the rest of the kernel (Linux's include/linux/futex.h):
 * the key that names a futex word, and what the exit, exec and system-call
 * paths call. The operations themselves are in kernel/futex/. */
#ifndef _LINUX_FUTEX_H
#define _LINUX_FUTEX_H

#include <linux/types.h>
#include <uapi/linux/futex.h>

struct inode;
struct mm_struct;
struct task_struct;

/*
 * What makes two futex words the same futex, whichever address space they
 * are seen from (Linux's union futex_key):
 *  - private (FUTEX_PRIVATE_FLAG, or a private mapping): the mm and the
 *    page-aligned address — only that process can reach the word;
 *  - shared (a MAP_SHARED mapping, of a file or anonymous): the file's
 *    inode, the page's index in it, with a reference on the inode while
 *    the key is in use — every process mapping the page finds it so.
 * offset is the word's offset in its page, plus FUT_OFF_INODE or
 * FUT_OFF_MMSHARED saying which kind (words are 4-byte aligned, so the
 * low two bits are free).
 */
#define FUT_OFF_INODE 1	/* both.ptr is an inode */
#define FUT_OFF_MMSHARED 2	/* both.ptr is an mm, looked up as shared */

union futex_key {
	struct {
		u64 i_seq;	/* the inode (a pointer, widened) */
		unsigned long pgoff;
		unsigned int offset;
	} shared;
	struct {
		union {
			struct mm_struct *mm;
			u64 __tmp;
		};
		unsigned long address;
		unsigned int offset;
	} private;
	struct {
		u64 ptr;
		unsigned long word;
		unsigned int offset;
	} both;
};

#define FUTEX_KEY_INIT { .both = { .ptr = 0ULL } }

/* kernel/futex/core.c */
void futex_init(void);
/* A task lets go of its mm (exit or exec, from mm_release): its robust
 * futexes are released (exit_robust_list). */
void futex_exit_release(struct task_struct *tsk);

/* kernel/futex/syscalls.c: the futex system call's dispatch; timeout is
 * an absolute time in ns of ktime_get_ns, or NULL for none. */
long do_futex(u32 __user *uaddr, int op, u32 val, u64 *timeout,
		u32 __user *uaddr2,
	      u32 val2, u32 val3);

#endif
