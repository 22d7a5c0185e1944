/*
 * kthreadd, pid 2: the parent of kernel threads. kthread_run() queues a
 * request and waits; kthreadd creates the thread with kernel_thread(), so
 * the new thread's parent is kthreadd, which ignores SIGCHLD: finished
 * kernel threads are reaped at once instead of lingering as zombies.
 */
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

struct kthread_create_info {
	int (*threadfn)(void *data);
	void *data;
	const char *name;
	pid_t result;
	struct completion done;
	struct list_head list;
};

static LIST_HEAD(kthread_create_list);
static DEFINE_SPINLOCK(kthread_create_lock);
static DECLARE_WAIT_QUEUE_HEAD(kthreadd_wait);

/* Every kthread starts here: run the function, exit with its result. */
static int kthread(void *_create)
{
	struct kthread_create_info *create = _create;
	int (*threadfn)(void *) = create->threadfn;
	void *data = create->data;

	do_exit(threadfn(data));
}

pid_t kthread_run(int (*fn)(void *), void *data, const char *name)
{
	struct kthread_create_info create = {
		.threadfn = fn,
		.data = data,
		.name = name,
	};

	init_completion(&create.done);
	spin_lock(&kthread_create_lock);
	list_add_tail(&create.list, &kthread_create_list);
	spin_unlock(&kthread_create_lock);
	wake_up(&kthreadd_wait);
	wait_for_completion(&create.done);
	return create.result;
}

int kthreadd(void *unused)
{
	(void)unused;
	/* Our children are reaped automatically (SIGCHLD ignored). */
	current->sighand->action[SIGCHLD - 1].handler = SIG_IGN;
	printk("kthreadd: pid %d started, parent %d\n", current->pid,
	       current->real_parent->pid);
	for (;;) {
		wait_event_interruptible(kthreadd_wait,
					 !list_empty(&kthread_create_list));
		spin_lock(&kthread_create_lock);
		while (!list_empty(&kthread_create_list)) {
			struct kthread_create_info *create =
				list_first_entry(&kthread_create_list,
						 struct kthread_create_info,
						 list);

			list_del_init(&create->list);
			spin_unlock(&kthread_create_lock);
			create->result = kernel_thread(kthread, create,
						       create->name,
						       CLONE_FS | CLONE_FILES |
							       SIGCHLD);
			complete(&create->done);
			spin_lock(&kthread_create_lock);
		}
		spin_unlock(&kthread_create_lock);
	}
	return 0;
}
