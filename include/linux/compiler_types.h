/*
 * Address-space annotations for sparse (`make check`), as Linux's
 * include/linux/compiler_types.h. Under sparse (__CHECKER__) a __user
 * pointer lives in its own address space: the kernel may not dereference
 * it (noderef), only hand it to copy_{to,from}_user and friends, and it
 * does not mix with kernel pointers without a __force cast. For GCC every
 * annotation is empty, so they cost nothing in the built kernel.
 */
#ifndef _LINUX_COMPILER_TYPES_H
#define _LINUX_COMPILER_TYPES_H

#ifdef __CHECKER__
/* A user-space address: never dereferenced by the kernel. */
# define __user __attribute__((noderef, address_space(__user)))
/* An ordinary kernel pointer (the default address space). */
# define __kernel __attribute__((address_space(0)))
/* A cast the kernel makes on purpose between address spaces. */
# define __force __attribute__((force))
/* Device memory, read and written only through readl/writel & co. */
# define __iomem __attribute__((noderef, address_space(__iomem)))
#else
# define __user
# define __kernel
# define __force
# define __iomem
#endif

#endif
