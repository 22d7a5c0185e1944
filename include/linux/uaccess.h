/* Copying to and from user space. Every function checks that the whole
 * range lies in the caller's mappings and returns -EFAULT (or the bytes not
 * copied) otherwise; the kernel never trusts a user pointer. */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <asm/processor.h>
#include <linux/errno.h>
#include <linux/types.h>

/* Could [addr, addr + size) be user memory at all (below TASK_SIZE, no
 * wrap)? Whether it is mapped is for the copy to find out. */
static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (__force unsigned long)addr;

	return a + size >= a && a + size <= TASK_SIZE;
}

/* The architecture's copy with fault recovery (arch/<arch>/lib/
 * usercopy.c); callers have checked the range. Bytes NOT copied. One
 * routine serves both directions, so the two wrappers below are where a
 * user address becomes a plain one (the __force casts). */
unsigned long raw_copy_user(void *to, const void *from, unsigned long n);

static inline unsigned long raw_copy_to_user(void __user *to,
					     const void *from, unsigned long n)
{
	return raw_copy_user((__force void *)to, from, n);
}

static inline unsigned long raw_copy_from_user(void *to,
					       const void __user *from,
					       unsigned long n)
{
	return raw_copy_user(to, (__force const void *)from, n);
}

/* Bytes NOT copied: 0 on success. */
unsigned long copy_to_user(void __user *to, const void *from,
			   unsigned long n);
unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n);
/* Length of the string copied (without NUL), -EFAULT, or -ENAMETOOLONG
 * style errors are the caller's: returns count if no NUL within count. */
long strncpy_from_user(char *dst, const char __user *src, long count);

/* ptr is a __user pointer; x the kernel value read or written. */
#define put_user(x, ptr)                                                   \
	({                                                                 \
		__typeof__(*(ptr)) __pu_val = (x);                         \
		copy_to_user((ptr), &__pu_val, sizeof(*(ptr))) ? -EFAULT : 0;  \
	})

#define get_user(x, ptr)                                                   \
	({                                                                 \
		__typeof__(*(ptr)) __gu_val;                               \
		int __gu_err = copy_from_user(&__gu_val, (ptr),            \
					      sizeof(*(ptr))) ? -EFAULT : 0;   \
		(x) = __gu_err ? 0 : __gu_val;                             \
		__gu_err;                                                  \
	})

#endif
