/*
 * jiffies and kernel timers. The architecture calls tick_handler() HZ times
 * a second from its timer interrupt: jiffies advances, expired timers run
 * (in interrupt context, so they must not sleep), and the scheduler charges
 * the running task for the tick.
 */
#include <asm/ptrace.h>
#include <linux/irq_regs.h>
#include <linux/jiffies.h>
#include <linux/kernel_stat.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/posix-timers.h>

volatile u64 jiffies;
static LIST_HEAD(timer_list_head);	/* pending timers, soonest first */
static DEFINE_SPINLOCK(timer_lock);
/* The timer whose function is running now (Linux's base->running_timer):
 * del_timer_sync waits for it, so a timer's owner may free it after. */
static struct timer_list *running_timer;

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *))
{
	INIT_LIST_HEAD(&t->entry);
	t->function = fn;
	t->expires = 0;
}

void add_timer(struct timer_list *t)
{
	struct timer_list *pos;
	unsigned long flags;

	spin_lock_irqsave(&timer_lock, flags);
	list_for_each_entry(pos, &timer_list_head, entry)
		if ((s64)(pos->expires - t->expires) > 0)
			break;
	list_add_tail(&t->entry, &pos->entry);	/* before pos */
	spin_unlock_irqrestore(&timer_lock, flags);
}

/* Cancel a timer; returns 1 if it was still pending. */
int del_timer(struct timer_list *t)
{
	unsigned long flags;
	int pending;

	spin_lock_irqsave(&timer_lock, flags);
	pending = !list_empty(&t->entry);
	if (pending)
		list_del_init(&t->entry);
	spin_unlock_irqrestore(&timer_lock, flags);
	return pending;
}

/* Cancel a timer unless its function is running right now: -1 then
 * (the caller drops its locks and tries again), else as del_timer. */
int try_to_del_timer_sync(struct timer_list *t)
{
	unsigned long flags;
	int ret = -1;

	spin_lock_irqsave(&timer_lock, flags);
	if (__atomic_load_n(&running_timer, __ATOMIC_ACQUIRE) != t) {
		ret = !list_empty(&t->entry);
		if (ret)
			list_del_init(&t->entry);
	}
	spin_unlock_irqrestore(&timer_lock, flags);
	return ret;
}

/* Cancel a timer and wait until its function has returned, if it was
 * running: afterwards nothing of it runs. The caller must not hold a lock
 * the function takes. */
int del_timer_sync(struct timer_list *t)
{
	for (;;) {
		int ret = try_to_del_timer_sync(t);

		if (ret >= 0)
			return ret;
		cpu_relax();
	}
}

void run_local_timers(void)
{
	for (;;) {
		struct timer_list *t;
		unsigned long flags;

		spin_lock_irqsave(&timer_lock, flags);
		t = list_first_entry_or_null(&timer_list_head,
					     struct timer_list, entry);
		if (!t || !time_after_eq(jiffies, t->expires)) {
			spin_unlock_irqrestore(&timer_lock, flags);
			return;
		}
		list_del_init(&t->entry);
		__atomic_store_n(&running_timer, t, __ATOMIC_RELAXED);
		spin_unlock_irqrestore(&timer_lock, flags);
		t->function(t);
		__atomic_store_n(&running_timer, NULL, __ATOMIC_RELEASE);
	}
}

/* Linux's update_process_times: the tick's share for the task it
 * interrupted, in user mode or in the kernel (get_irq_regs says which). */
static void update_process_times(int user_tick)
{
	account_process_tick(current, user_tick);
	run_local_timers();
	run_posix_cpu_timers(current);	/* ITIMER_VIRTUAL and ITIMER_PROF */
	scheduler_tick();
}

void tick_handler(void)
{
	struct pt_regs *regs = get_irq_regs();

	jiffies++;
	calc_global_load_tick();
	update_process_times(regs && user_mode(regs));
}

/* Sleep at least ms milliseconds. */
void msleep(unsigned int ms)
{
	long timeout = msecs_to_jiffies(ms) + 1;

	while (timeout) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		timeout = schedule_timeout(timeout);
	}
}
