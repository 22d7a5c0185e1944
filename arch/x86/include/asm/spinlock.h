/* A test-and-set spinlock: xchg swaps atomically (it locks the bus by
 * itself) and orders memory like a full barrier. On x86 a plain store is
 * enough to release. One CPU today; the lock is real for SMP later. */
#ifndef _ASM_X86_SPINLOCK_H
#define _ASM_X86_SPINLOCK_H

#include <linux/compiler.h>

typedef struct {
	volatile unsigned int lock;
} arch_spinlock_t;

static __always_inline int arch_spin_trylock(arch_spinlock_t *l)
{
	unsigned int old = 1;

	__asm__ __volatile__("xchgl %0, %1"
			     : "+r"(old), "+m"(l->lock)
			     :
			     : "memory");
	return old == 0;
}

static __always_inline void arch_spin_unlock(arch_spinlock_t *l)
{
	__asm__ __volatile__("movl $0, %0" : "=m"(l->lock) : : "memory");
}

#endif
