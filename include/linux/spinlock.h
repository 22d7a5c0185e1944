/* Spinlocks (spin_lock_irqsave and friends) built on the architecture's
 * arch_spinlock_t. A lock taken with _irqsave also keeps this hart's
 * interrupts off, so an interrupt handler cannot deadlock against it.
 *
 * The debug kernel (CONFIG_DEBUG_SPINLOCK) records who holds each lock and
 * where it was taken (kernel/locking/spinlock_debug.c), and counts the
 * spinlocks a task holds in its preempt_count, as Linux does, so that
 * schedule() can tell it sleeps holding one. */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/compiler.h>
#include <asm/spinlock.h>
#include <linux/irqflags.h>

struct task_struct;

typedef struct spinlock {
	arch_spinlock_t raw;
#ifdef CONFIG_DEBUG_SPINLOCK
	struct task_struct *owner;	/* NULL while unlocked */
	int owner_cpu;
	unsigned long owner_ip;	/* where it was taken */
#endif
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name) { .raw = { 0 } }
#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

#ifdef CONFIG_DEBUG_SPINLOCK
void do_raw_spin_lock(spinlock_t *lock, unsigned long ip);
void do_raw_spin_unlock(spinlock_t *lock);
/* The run-queue lock changes hands in a context switch: schedule() of
 * one task takes it, finish_task_switch() of the next lets it go. */
void spin_release_owner(spinlock_t *lock);
void spin_acquire_owner(spinlock_t *lock);
#endif

static __always_inline void spin_lock_init(spinlock_t *lock)
{
	lock->raw.lock = 0;
#ifdef CONFIG_DEBUG_SPINLOCK
	lock->owner = NULL;
#endif
}

static __always_inline void spin_lock(spinlock_t *lock)
{
#ifdef CONFIG_DEBUG_SPINLOCK
	/* This very place (spin_lock is inlined into its caller), as
	 * Linux's _THIS_IP_. */
	do_raw_spin_lock(lock, ({ __label__ here; here: (unsigned long)&&here; }));
#else
	while (!arch_spin_trylock(&lock->raw))
		;
#endif
}

static __always_inline void spin_unlock(spinlock_t *lock)
{
#ifdef CONFIG_DEBUG_SPINLOCK
	do_raw_spin_unlock(lock);
#else
	arch_spin_unlock(&lock->raw);
#endif
}

#ifndef CONFIG_DEBUG_SPINLOCK
static __always_inline void spin_release_owner(spinlock_t *lock)
{
	(void)lock;
}

static __always_inline void spin_acquire_owner(spinlock_t *lock)
{
	(void)lock;
}
#endif

#define spin_lock_irqsave(lock, flags)            \
	do {                                      \
		(flags) = arch_local_irq_save();  \
		spin_lock(lock);                  \
	} while (0)

static __always_inline void spin_unlock_irqrestore(spinlock_t *lock,
						   unsigned long flags)
{
	spin_unlock(lock);
	arch_local_irq_restore(flags);
}

static __always_inline void spin_lock_irq(spinlock_t *lock)
{
	arch_local_irq_disable();
	spin_lock(lock);
}

static __always_inline void spin_unlock_irq(spinlock_t *lock)
{
	spin_unlock(lock);
	arch_local_irq_enable();
}

#endif
