/*
 * The scheduler: one run queue per CPU, round-robin with time slices.
 *
 * A task that can run is on rq->queue (on_rq = 1), in the order it will
 * get the CPU; the idle task runs when the queue is empty. schedule() takes
 * the task that has waited longest; the timer tick takes the CPU away from
 * a task whose slice is used up (it sets TIF_NEED_RESCHED, and the return
 * to user mode calls schedule()). Like Linux without CONFIG_PREEMPT, kernel
 * code is never preempted: it gives up the CPU only by sleeping or calling
 * schedule().
 *
 * The run-queue lock is taken in schedule() and released by the *next*
 * task, in finish_task_switch() — which is why a brand-new task must pass
 * through schedule_tail() (ret_from_fork) before it does anything else.
 * The debug kernel's lock checker is told of that hand-over
 * (spin_release_owner/spin_acquire_owner), and schedule() reports a task
 * that sleeps holding a spinlock (CONFIG_DEBUG_ATOMIC_SLEEP).
 */
#include <asm/mmu_context.h>
#include <asm/switch_to.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel_stat.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <uapi/linux/sched.h>

#define TASK_NEW 0x0800	/* created, not yet woken by wake_up_new_task */

struct rq {
	spinlock_t lock;
	struct list_head queue;	/* runnable tasks except idle */
	unsigned int nr_running;
	u64 nr_switches;
	struct task_struct *curr;
	struct task_struct *idle;
	struct mm_struct *prev_mm;	/* to mmdrop once off its stack */
};

static struct rq runqueue;	/* one CPU today; per-CPU with SMP */

static struct rq *this_rq(void)
{
	return &runqueue;
}

static void enqueue_task(struct rq *rq, struct task_struct *p)
{
	list_add_tail(&p->run_list, &rq->queue);
	p->on_rq = 1;
	rq->nr_running++;
}

static void dequeue_task(struct rq *rq, struct task_struct *p)
{
	list_del_init(&p->run_list);
	p->on_rq = 0;
	rq->nr_running--;
}

/* A task became runnable: make an idle CPU look at it at once. */
static void check_preempt_curr(struct rq *rq)
{
	if (is_idle_task(rq->curr))
		set_tsk_need_resched(rq->curr);
}

void sched_init(void)
{
	struct rq *rq = this_rq();

	spin_lock_init(&rq->lock);
	INIT_LIST_HEAD(&rq->queue);
	rq->curr = rq->idle = &init_task;
	init_task.flags |= PF_IDLE;
	/* The idle task uses init_mm lazily: that is a reference, on top of
	 * init_mm's permanent one. */
	mmgrab(&init_mm);
}

/* Scheduler state of a new task (called by copy_process). */
noinline int sched_fork(unsigned long clone_flags, struct task_struct *p)
{
	(void)clone_flags;
	p->__state = TASK_NEW;
	p->on_rq = 0;
	p->prio = current->prio;
	if (is_idle_task(current))
		p->prio = DEFAULT_PRIO;
	p->time_slice = SCHED_TIMESLICE_TICKS;
	if (p->sched_reset_on_fork) {	/* sched_setscheduler(2) */
		p->policy = SCHED_NORMAL;
		p->rt_priority = 0;
		p->sched_reset_on_fork = false;
	}
	INIT_LIST_HEAD(&p->run_list);
	p->thread_info.cpu = current->thread_info.cpu;
	p->thread_info.preempt_count = 0;
	return 0;
}

/* The new task joins the run queue; from now on it may run any moment. */
noinline void wake_up_new_task(struct task_struct *p)
{
	struct rq *rq = this_rq();
	unsigned long flags;

	spin_lock_irqsave(&rq->lock, flags);
	WRITE_ONCE(p->__state, TASK_RUNNING);
	enqueue_task(rq, p);
	check_preempt_curr(rq);
	spin_unlock_irqrestore(&rq->lock, flags);
}

/* Make a sleeping task runnable. Returns 1 if it was asleep. */
int wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE);
}

int wake_up_state(struct task_struct *p, unsigned int state)
{
	struct rq *rq = this_rq();
	unsigned long flags;
	int woke = 0;

	spin_lock_irqsave(&rq->lock, flags);
	if (p->__state & state) {
		WRITE_ONCE(p->__state, TASK_RUNNING);
		if (!p->on_rq)
			enqueue_task(rq, p);
		check_preempt_curr(rq);
		woke = 1;
	}
	spin_unlock_irqrestore(&rq->lock, flags);
	return woke;
}

/* Timer tick (interrupts off): charge the running task its slice. */
void scheduler_tick(void)
{
	struct task_struct *curr = current;

	if (is_idle_task(curr))
		return;
	if (--curr->time_slice <= 0) {
		curr->time_slice = SCHED_TIMESLICE_TICKS;
		set_tsk_need_resched(curr);
	}
}

/* Round robin: the head of the queue, or idle when nothing is runnable. */
static struct task_struct *pick_next_task(struct rq *rq,
					  struct task_struct *prev)
{
	if (prev->on_rq && !list_empty(&prev->run_list))
		list_move_tail(&prev->run_list, &rq->queue);
	if (list_empty(&rq->queue))
		return rq->idle;
	return list_first_entry(&rq->queue, struct task_struct, run_list);
}

/*
 * The second half of a switch, run by the task switched *to*: drop the
 * run-queue lock that prev's schedule() took, and if prev has died, drop
 * the reference that kept its stack alive while it was still running.
 */
static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	struct mm_struct *mm = rq->prev_mm;

	rq->prev_mm = NULL;
	spin_acquire_owner(&rq->lock);	/* prev's schedule() took it */
	spin_unlock_irq(&rq->lock);
	if (mm)
		mmdrop(mm);	/* what a kernel thread had borrowed */
	if (prev->__state == TASK_DEAD)
		put_task_struct(prev);
}

/* The first thing a new task does (from ret_from_fork). */
noinline void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	if (current->set_child_tid)
		put_user(current->pid, current->set_child_tid);
}

/* Switch address space (if needed) and kernel stack from prev to next. */
noinline void context_switch(struct rq *rq, struct task_struct *prev,
			     struct task_struct *next)
{
	if (!next->mm) {
		/* Kernel threads borrow the previous address space. */
		next->active_mm = prev->active_mm;
		mmgrab(next->active_mm);
	} else {
		switch_mm(prev->active_mm, next->mm, next);
	}
	if (!prev->mm) {
		rq->prev_mm = prev->active_mm;
		prev->active_mm = NULL;
	}
	spin_release_owner(&rq->lock);	/* next will let it go */
	switch_to(prev, next, prev);
	/* Now running as next; prev is whoever ran before us. */
	finish_task_switch(prev);
}

#ifdef CONFIG_DEBUG_ATOMIC_SLEEP
/* A task holding spinlocks must not sleep: whoever then wants one of them
 * on this CPU spins for ever (preempt_count counts the locks held). */
static void schedule_debug(struct task_struct *prev)
{
	int count = prev->thread_info.preempt_count;

	if (likely(!count))
		return;
	report_begin();
	printk("BUG: scheduling while atomic: %s/%d/0x%08x (%d spinlock(s) "
	       "held)\n", prev->comm, prev->pid, count, count);
	report_end();
}

void __might_sleep(const char *file, int line)
{
	int count = current->thread_info.preempt_count;

	if (likely(!count))
		return;
	report_begin();
	printk("BUG: sleeping function called from invalid context at "
	       "%s:%d\n", file, line);
	printk("in_atomic(): 1 (%d spinlock(s) held), pid: %d, name: %s\n",
	       count, current->pid, current->comm);
	report_end();
}
#else
#define schedule_debug(prev) do { } while (0)
#endif

/*
 * Give the CPU to the next runnable task. A task that set its state to
 * sleeping before calling this is taken off the run queue, unless a
 * wake-up already made it TASK_RUNNING again.
 */
noinline void schedule(void)
{
	struct task_struct *prev = current, *next;
	struct rq *rq = this_rq();

	schedule_debug(prev);
	spin_lock_irq(&rq->lock);
	clear_tsk_need_resched(prev);
	if (prev->__state != TASK_RUNNING && prev->on_rq)
		dequeue_task(rq, prev);
	next = pick_next_task(rq, prev);
	if (next == prev) {
		spin_unlock_irq(&rq->lock);
		return;
	}
	rq->curr = next;
	rq->nr_switches++;
	next->time_slice = SCHED_TIMESLICE_TICKS;
	context_switch(rq, prev, next);
}

void yield(void)
{
	schedule();
}

/*
 * The kernel is not preemptible (no CONFIG_PREEMPT): a task running kernel
 * code keeps the CPU until it sleeps or returns to user mode. Long loops
 * call cond_resched() (linux/sched.h) to let the others run once the tick
 * has asked for it; this is its slow path, when it has.
 */
noinline int __cond_resched(void)
{
	schedule();
	return 1;
}

/* cond_resched() for a loop holding lock: the lock is let go while
 * others run, so the caller must look again at what it guards. */
noinline int cond_resched_lock(spinlock_t *lock)
{
	if (!need_resched())
		return 0;
	spin_unlock(lock);
	__cond_resched();
	spin_lock(lock);
	return 1;
}

static void process_timeout(struct timer_list *t);

struct sleep_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	wake_up_process(container_of(t, struct sleep_timer, timer)->task);
}

/* Sleep for up to `timeout` ticks (state set by the caller); returns the
 * ticks left if woken early, else 0. */
long schedule_timeout(long timeout)
{
	struct sleep_timer st;
	u64 expire = jiffies + timeout;
	long left;

	timer_setup(&st.timer, process_timeout);
	st.timer.expires = expire;
	st.task = current;
	add_timer(&st.timer);
	schedule();
	del_timer(&st.timer);
	left = (long)(expire - jiffies);
	return left < 0 ? 0 : left;
}

/* The idle task's loop: wait for an interrupt while nothing can run. */
void __noreturn cpu_startup_entry(void)
{
	for (;;) {
		while (!need_resched()) {
			local_irq_disable();
			if (!need_resched())
				arch_cpu_idle();
			local_irq_enable();
		}
		schedule();
	}
}

const char *task_state_name(const struct task_struct *p)
{
	if (p->exit_state == EXIT_ZOMBIE)
		return "Z (zombie)";
	if (p->exit_state == EXIT_DEAD || p->__state == TASK_DEAD)
		return "X (dead)";
	if (p->__state == TASK_RUNNING)
		return "R (running)";
	if (p->__state & TASK_INTERRUPTIBLE)
		return "S (sleeping)";
	if (p->__state & TASK_UNINTERRUPTIBLE)
		return "D (disk sleep)";
	if (p->__state & __TASK_STOPPED)
		return "T (stopped)";
	if (p->__state & TASK_NEW)
		return "N (new)";
	return "? (unknown)";
}

u64 nr_context_switches(void)
{
	return this_rq()->nr_switches;
}

/* Runnable tasks, the running one included (/proc/stat, loadavg). */
unsigned int nr_running(void)
{
	return READ_ONCE(this_rq()->nr_running);
}
