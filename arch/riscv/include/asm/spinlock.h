/* A test-and-set spinlock using an atomic swap with acquire/release order.
 * One hart today; the lock is real so a second hart (SMP) can come later. */
#ifndef _ASM_RISCV_SPINLOCK_H
#define _ASM_RISCV_SPINLOCK_H

#include <linux/compiler.h>

typedef struct {
	volatile unsigned int lock;
} arch_spinlock_t;

static __always_inline int arch_spin_trylock(arch_spinlock_t *l)
{
	unsigned int old;

	__asm__ __volatile__("amoswap.w.aq %0, %2, %1"
			     : "=r"(old), "+A"(l->lock)
			     : "r"(1)
			     : "memory");
	return old == 0;
}

static __always_inline void arch_spin_unlock(arch_spinlock_t *l)
{
	__asm__ __volatile__("amoswap.w.rl zero, zero, %0"
			     : "+A"(l->lock)
			     :
			     : "memory");
}

#endif
