/* Reader-writer semaphores: a sleeping lock held by many readers or one
 * writer. Each address space's mmap_lock is one (include/linux/mmap_lock.h):
 * page faults read the VMAs, mmap, munmap, mprotect, brk and fork change or
 * copy them — and may reschedule while they hold it. */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/wait.h>

struct rw_semaphore {
	long count;	/* readers holding it, or -1 for a writer */
	struct wait_queue_head wait;	/* who waits for it */
#ifdef CONFIG_DEBUG_RWSEMS
	struct task_struct *owner;	/* the writer, for the debug checks */
#endif
};

#define __RWSEM_INITIALIZER(name) \
	{ .count = 0, .wait = __WAIT_QUEUE_HEAD_INITIALIZER((name).wait) }

void init_rwsem(struct rw_semaphore *sem);
void down_read(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);

#endif
