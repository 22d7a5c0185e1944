/* Spinlocks (spin_lock_irqsave and friends) built on the architecture's
 * arch_spinlock_t. A lock taken with _irqsave also keeps this hart's
 * interrupts off, so an interrupt handler cannot deadlock against it. */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <asm/spinlock.h>
#include <linux/irqflags.h>

typedef struct spinlock {
	arch_spinlock_t raw;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name) { { 0 } }
#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->raw.lock = 0;
}

static inline void spin_lock(spinlock_t *lock)
{
	while (!arch_spin_trylock(&lock->raw))
		;
}

static inline void spin_unlock(spinlock_t *lock)
{
	arch_spin_unlock(&lock->raw);
}

#define spin_lock_irqsave(lock, flags)            \
	do {                                      \
		(flags) = arch_local_irq_save();  \
		spin_lock(lock);                  \
	} while (0)

static inline void spin_unlock_irqrestore(spinlock_t *lock,
					  unsigned long flags)
{
	spin_unlock(lock);
	arch_local_irq_restore(flags);
}

static inline void spin_lock_irq(spinlock_t *lock)
{
	arch_local_irq_disable();
	spin_lock(lock);
}

static inline void spin_unlock_irq(spinlock_t *lock)
{
	spin_unlock(lock);
	arch_local_irq_enable();
}

#endif
