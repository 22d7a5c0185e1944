/* Wait queues: a task sleeps on one until some condition becomes true, and
 * whoever makes it true calls wake_up(). Completions are a one-shot form. */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

struct wait_queue_entry {
	struct task_struct *private;	/* the sleeping task */
	struct list_head entry;
};

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) \
	{ __SPIN_LOCK_UNLOCKED(name.lock), LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)
#define DEFINE_WAIT(name)                                            \
	struct wait_queue_entry name = {                             \
		.private = current,                                  \
		.entry = LIST_HEAD_INIT((name).entry),               \
	}

void init_waitqueue_head(struct wait_queue_head *wq);
void prepare_to_wait(struct wait_queue_head *wq,
		     struct wait_queue_entry *wait, long state);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait);
void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *wait);
void remove_wait_queue(struct wait_queue_head *wq,
		       struct wait_queue_entry *wait);
void wake_up(struct wait_queue_head *wq);

/* Sleep until cond is true, in the given task state. As Linux's, cond is
 * tried first, off the queue: a lock or a condition that is free (nearly
 * always: an rwsem nobody else holds) costs no queueing. cond may be
 * evaluated several times, and has an effect only when true. */
#define ___wait_event(wq, cond, state)                                 \
	do {                                                           \
		if (cond)                                              \
			break;                                         \
		DEFINE_WAIT(__wait);                                   \
		for (;;) {                                             \
			prepare_to_wait(&(wq), &__wait, (state));      \
			if (cond)                                      \
				break;                                 \
			schedule();                                    \
		}                                                      \
		finish_wait(&(wq), &__wait);                           \
	} while (0)

/* A sleep nothing interrupts (ps shows D)... */
#define wait_event(wq, cond) ___wait_event(wq, cond, TASK_UNINTERRUPTIBLE)
/* ...and one a signal may interrupt (ps shows S): the caller re-checks. */
#define wait_event_interruptible(wq, cond) \
	___wait_event(wq, cond, TASK_INTERRUPTIBLE)

struct completion {
	unsigned int done;
	struct wait_queue_head wait;
};

void init_completion(struct completion *x);
void complete(struct completion *x);
void wait_for_completion(struct completion *x);
int wait_for_completion_killable(struct completion *x);

#endif
