/*
 * The debug kernel's spinlock checks (CONFIG_DEBUG_SPINLOCK, as Linux's
 * kernel/locking/spinlock_debug.c). Each lock records its owner, the CPU
 * it holds it on and where it took it; a task counts the spinlocks it
 * holds in its preempt_count (schedule() reports sleeping with one held).
 * Reported, each with a backtrace, then the machine stops:
 *  - recursion: taking a lock one already holds (on one CPU, or in an
 *    interrupt handler that interrupted the holder: a self-deadlock);
 *  - lockup: a lock held by another task of this CPU (it cannot run to
 *    let go: it slept holding it), or spinning far longer than any
 *    critical section takes (on SMP, a lock never released);
 *  - bad unlock: unlocking a lock that is not held, or held by another
 *    task or on another CPU.
 * Interrupt context runs as the interrupted task (current), which is
 * what makes an interrupt taking its task's lock show as recursion.
 */
#include <linux/kallsyms.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

/* Failed tries before a lock counts as never coming free. */
#define LOCKUP_LOOPS (1UL << 28)

static int this_cpu(void)
{
	return current->thread_info.cpu;
}

static void print_ip(const char *what, unsigned long ip)
{
	unsigned long off;
	const char *name = kallsyms_lookup(ip, &off);

	if (name)
		printk(" %s: %s+0x%lx\n", what, name, off);
	else
		printk(" %s: %p\n", what, (void *)ip);
}

static void __noreturn spin_bug(spinlock_t *lock, const char *msg)
{
	struct task_struct *owner = READ_ONCE(lock->owner);

	report_begin();
	printk("BUG: spinlock %s on CPU#%d, %s/%d\n", msg, this_cpu(),
	       current->comm, current->pid);
	printk(" lock: %p, .owner: %s/%d, .owner_cpu: %d\n", lock,
	       owner ? owner->comm : "<none>", owner ? owner->pid : -1,
	       owner ? lock->owner_cpu : -1);
	if (owner)
		print_ip("taken at", lock->owner_ip);
	report_end();
}

void do_raw_spin_lock(spinlock_t *lock, unsigned long ip)
{
	unsigned long loops = 0;

	if (READ_ONCE(lock->owner) == current)
		spin_bug(lock, "recursion");
	while (!arch_spin_trylock(&lock->raw)) {
		struct task_struct *owner = READ_ONCE(lock->owner);

		if (owner && owner != current &&
		    READ_ONCE(lock->owner_cpu) == this_cpu())
			spin_bug(lock, "lockup (its owner on this CPU is not "
				 "running)");
		if (++loops == LOCKUP_LOOPS)
			spin_bug(lock, "lockup suspected");
	}
	lock->owner = current;
	lock->owner_cpu = this_cpu();
	lock->owner_ip = ip;
	current->thread_info.preempt_count++;
}

void do_raw_spin_unlock(spinlock_t *lock)
{
	struct task_struct *owner = READ_ONCE(lock->owner);

	if (!owner)
		spin_bug(lock, "already unlocked");
	if (owner != current)
		spin_bug(lock, "wrong owner");
	if (lock->owner_cpu != this_cpu())
		spin_bug(lock, "wrong CPU");
	lock->owner = NULL;
	lock->owner_cpu = -1;
	current->thread_info.preempt_count--;
	arch_spin_unlock(&lock->raw);
}

/* Before switch_to: the lock stays locked, but no longer as ours. */
void spin_release_owner(spinlock_t *lock)
{
	if (READ_ONCE(lock->owner) != current)
		spin_bug(lock, "wrong owner (at a context switch)");
	lock->owner = NULL;
	current->thread_info.preempt_count--;
}

/* After switch_to: the task switched to holds it now. */
void spin_acquire_owner(spinlock_t *lock)
{
	lock->owner = current;
	lock->owner_cpu = this_cpu();
	lock->owner_ip = (unsigned long)__builtin_return_address(0);
	current->thread_info.preempt_count++;
}
