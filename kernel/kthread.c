/*
 * kthreadd, pid 2: the parent of kernel threads. kthread_run() queues a
 * request and waits; kthreadd creates the thread with kernel_thread(), so
 * the new thread's parent is kthreadd, which ignores SIGCHLD: finished
 * kernel threads are reaped at once instead of lingering as zombies.
 *
 * The request (struct kthread_create_info) is allocated, as Linux's, and
 * the one who completes it is the new thread itself, in kthread(), once it
 * has read everything it needs from it: when kthread_run() returns, the
 * new thread no longer looks at the request, whatever order the CPUs run
 * things in. (A request on the creator's stack, completed by kthreadd
 * right after kernel_thread(), was right only while the new thread was
 * sure to run before its creator woke up.)
 */
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

struct kthread_create_info {
	int (*threadfn)(void *data);	/* what the thread runs */
	void *data;
	const char *name;
	pid_t result;		/* the thread's pid, or -errno */
	struct completion *done;	/* the creator waits on it */
	struct list_head list;	/* on kthread_create_list */
};

static LIST_HEAD(kthread_create_list);
static DEFINE_SPINLOCK(kthread_create_lock);
static DECLARE_WAIT_QUEUE_HEAD(kthreadd_wait);

/* Every kthread starts here: take fn and data from the request, tell the
 * creator (after which the request may be freed), run fn, exit with its
 * result. */
static int kthread(void *_create)
{
	struct kthread_create_info *create = _create;
	int (*threadfn)(void *) = create->threadfn;
	void *data = create->data;

	create->result = current->pid;
	complete(create->done);	/* create is the creator's again */
	do_exit(threadfn(data));
}

/* kthreadd's part: start the thread. Only a failure is answered here; on
 * success the new thread answers, in kthread(). */
static void create_kthread(struct kthread_create_info *create)
{
	pid_t pid = kernel_thread(kthread, create, create->name,
				  CLONE_FS | CLONE_FILES | SIGCHLD);

	if (pid < 0) {
		create->result = pid;
		complete(create->done);
	}
}

pid_t kthread_run(int (*fn)(void *), void *data, const char *name)
{
	struct kthread_create_info *create = kmalloc(sizeof(*create),
						     GFP_KERNEL);
	struct completion done;
	pid_t pid;

	if (!create)
		return -ENOMEM;
	create->threadfn = fn;
	create->data = data;
	create->name = name;
	create->done = &done;
	init_completion(&done);
	spin_lock(&kthread_create_lock);
	list_add_tail(&create->list, &kthread_create_list);
	spin_unlock(&kthread_create_lock);
	wake_up(&kthreadd_wait);
	/* complete() finishes with done's lock before we can return, so the
	 * completion may live on this stack (Linux's does). */
	wait_for_completion(&done);
	pid = create->result;
	kfree(create);
	return pid;
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
			create_kthread(create);
			spin_lock(&kthread_create_lock);
		}
		spin_unlock(&kthread_create_lock);
	}
	return 0;
}
