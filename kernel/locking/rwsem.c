/*
 * Reader-writer semaphores. The count says who holds the lock (readers, or
 * -1 for one writer) and changes only by compare-and-swap, so it stays
 * right with several CPUs; whoever cannot take it sleeps on the wait queue
 * until a release wakes the waiters to try again.
 *
 * The debug kernel (CONFIG_DEBUG_RWSEMS) records the writer and reports a
 * task that takes for reading or writing a semaphore it holds for writing
 * (it would wait for itself for ever), releases a write lock it does not
 * hold, or releases a read lock nobody holds; and, as a sleeping lock, a
 * caller holding a spinlock (might_sleep).
 */
#include <linux/printk.h>
#include <linux/rwsem.h>
#include <linux/sched.h>

#define RWSEM_WRITER (-1L)

void init_rwsem(struct rw_semaphore *sem)
{
	sem->count = 0;
	init_waitqueue_head(&sem->wait);
#ifdef CONFIG_DEBUG_RWSEMS
	sem->owner = NULL;
#endif
}

#ifdef CONFIG_DEBUG_RWSEMS
static void __noreturn rwsem_bug(struct rw_semaphore *sem, const char *msg)
{
	struct task_struct *owner = READ_ONCE(sem->owner);

	report_begin();
	printk("BUG: rwsem %s: %s/%d\n", msg, current->comm, current->pid);
	printk(" rwsem: %p, count %ld, writer: %s/%d\n", sem,
	       READ_ONCE(sem->count), owner ? owner->comm : "<none>",
	       owner ? owner->pid : -1);
	report_end();
}

/* Before taking sem: it must not be ours for writing already. */
static void rwsem_check_take(struct rw_semaphore *sem, const char *msg)
{
	might_sleep();
	if (READ_ONCE(sem->owner) == current)
		rwsem_bug(sem, msg);
}

static void rwsem_set_owner(struct rw_semaphore *sem)
{
	sem->owner = current;
}

static void rwsem_check_up_write(struct rw_semaphore *sem)
{
	if (READ_ONCE(sem->owner) != current)
		rwsem_bug(sem, "up_write by a task that does not hold it");
	sem->owner = NULL;
}

static void rwsem_check_up_read(struct rw_semaphore *sem)
{
	if (READ_ONCE(sem->count) <= 0)
		rwsem_bug(sem, "up_read of a semaphore not held for reading");
}
#else
#define rwsem_check_take(sem, msg) do { } while (0)
#define rwsem_set_owner(sem) do { } while (0)
#define rwsem_check_up_write(sem) do { } while (0)
#define rwsem_check_up_read(sem) do { } while (0)
#endif

static bool read_trylock(struct rw_semaphore *sem)
{
	long c = __atomic_load_n(&sem->count, __ATOMIC_RELAXED);

	while (c >= 0)	/* a failed swap reloads c */
		if (__atomic_compare_exchange_n(&sem->count, &c, c + 1, false,
						__ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED))
			return true;
	return false;
}

static bool write_trylock(struct rw_semaphore *sem)
{
	long c = 0;

	return __atomic_compare_exchange_n(&sem->count, &c, RWSEM_WRITER,
					   false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

void down_read(struct rw_semaphore *sem)
{
	rwsem_check_take(sem, "down_read while holding it for writing "
			 "(self-deadlock)");
	wait_event(sem->wait, read_trylock(sem));
}

void up_read(struct rw_semaphore *sem)
{
	rwsem_check_up_read(sem);
	if (!__atomic_sub_fetch(&sem->count, 1, __ATOMIC_RELEASE))
		wake_up(&sem->wait);
}

void down_write(struct rw_semaphore *sem)
{
	rwsem_check_take(sem, "recursive down_write (self-deadlock)");
	wait_event(sem->wait, write_trylock(sem));
	rwsem_set_owner(sem);
}

void up_write(struct rw_semaphore *sem)
{
	rwsem_check_up_write(sem);
	__atomic_store_n(&sem->count, 0, __ATOMIC_RELEASE);
	wake_up(&sem->wait);
}
