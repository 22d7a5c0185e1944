/*
 * Reader-writer semaphores. The count says who holds the lock (readers, or
 * -1 for one writer) and changes only by compare-and-swap, so it stays
 * right with several CPUs; whoever cannot take it sleeps on the wait queue
 * until a release wakes the waiters to try again.
 */
#include <linux/rwsem.h>

#define RWSEM_WRITER (-1L)

void init_rwsem(struct rw_semaphore *sem)
{
	sem->count = 0;
	init_waitqueue_head(&sem->wait);
}

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
	wait_event(sem->wait, read_trylock(sem));
}

void up_read(struct rw_semaphore *sem)
{
	if (!__atomic_sub_fetch(&sem->count, 1, __ATOMIC_RELEASE))
		wake_up(&sem->wait);
}

void down_write(struct rw_semaphore *sem)
{
	wait_event(sem->wait, write_trylock(sem));
}

void up_write(struct rw_semaphore *sem)
{
	__atomic_store_n(&sem->count, 0, __ATOMIC_RELEASE);
	wake_up(&sem->wait);
}
