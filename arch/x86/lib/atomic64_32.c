/*
 * 64-bit atomics on i386. GCC inlines __atomic operations on 32-bit
 * values, but for a u64 read-modify-write (the core's signal masks) it
 * calls libatomic's __atomic_fetch_<op>_8, which the kernel does not
 * link. Each is a compare-and-swap loop on cmpxchg8b (every CPU since the
 * Pentium has it), atomic on SMP too. The memory order is ignored: a
 * locked instruction is a full barrier on x86.
 */
#include <linux/types.h>

#define ATOMIC64_FETCH_OP(op, expr)                                       \
	u64 __atomic_fetch_##op##_8(volatile void *ptr, u64 v, int order); \
	u64 __atomic_fetch_##op##_8(volatile void *ptr, u64 v, int order) \
	{                                                                 \
		volatile u64 *p = ptr;                                    \
		u64 old = *p, seen;                                       \
                                                                          \
		(void)order;                                              \
		while ((seen = __sync_val_compare_and_swap(p, old, expr)) \
		       != old)                                            \
			old = seen;                                       \
		return old;                                               \
	}

ATOMIC64_FETCH_OP(or, old | v)
ATOMIC64_FETCH_OP(and, old & v)
ATOMIC64_FETCH_OP(add, old + v)
ATOMIC64_FETCH_OP(sub, old - v)
