/*
 * Wait queues and completions. A sleeper puts itself on the queue and sets
 * its state before testing its condition, so a wake-up that comes between
 * the test and schedule() is never lost: it sets the state back to
 * TASK_RUNNING and schedule() then returns at once.
 */
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/wait.h>

void init_waitqueue_head(struct wait_queue_head *wq)
{
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->head);
}

void prepare_to_wait(struct wait_queue_head *wq,
		     struct wait_queue_entry *wait, long state)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	if (list_empty(&wait->entry))
		list_add_tail(&wait->entry, &wq->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq->lock, flags);
}

/* Stay on wq across several sleeps (poll and select wait on many queues
 * at once this way); the task state is the caller's business. */
void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *wait)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_add_tail(&wait->entry, &wq->head);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void remove_wait_queue(struct wait_queue_head *wq,
		       struct wait_queue_entry *wait)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_del_init(&wait->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	spin_lock_irqsave(&wq->lock, flags);
	if (!list_empty(&wait->entry))
		list_del_init(&wait->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}

static void __wake_up_locked(struct wait_queue_head *wq)
{
	struct wait_queue_entry *w;

	list_for_each_entry(w, &wq->head, entry)
		wake_up_process(w->private);
}

/* Wake every task sleeping on wq (they re-check their conditions). */
void wake_up(struct wait_queue_head *wq)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	__wake_up_locked(wq);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done++;
	__wake_up_locked(&x->wait);	/* x may vanish once we unlock */
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

void wait_for_completion(struct completion *x)
{
	wait_event(x->wait, READ_ONCE(x->done));
	x->done--;
}

/* The same, but SIGKILL ends the wait too: 0 once completed, -EINTR if
 * the task was killed first (Linux's -ERESTARTSYS: the caller dies). */
int wait_for_completion_killable(struct completion *x)
{
	DEFINE_WAIT(wait);
	int ret = 0;

	for (;;) {
		prepare_to_wait(&x->wait, &wait, TASK_KILLABLE);
		if (READ_ONCE(x->done))
			break;
		if (fatal_signal_pending(current)) {
			ret = -EINTR;
			break;
		}
		schedule();
	}
	finish_wait(&x->wait, &wait);
	if (!ret)
		x->done--;
	return ret;
}
