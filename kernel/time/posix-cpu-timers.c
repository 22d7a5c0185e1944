/*
 * The process CPU clocks and the interval timers that run on them
 * (ITIMER_PROF counts user and system time, ITIMER_VIRTUAL user time
 * only; setitimer arms them in kernel/time/itimer.c). Time is charged a
 * tick at a time: account_process_tick gives the thread group the tick
 * (account_group_*_time) and update_process_times then calls
 * run_posix_cpu_timers, which fires a timer whose clock has passed its
 * expiry — so these timers are accurate to the tick, as Linux's are with
 * tick-based accounting.
 */
#include <linux/jiffies.h>
#include <linux/posix-timers.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

/* From the tick (interrupts off): the thread group's clocks advance.
 * itimer_lock guards them (64-bit counters, i386 too). */
void account_group_user_time(struct task_struct *p, u64 ns)
{
	struct signal_struct *sig = p->signal;

	if (!sig)	/* an exiting task, already released */
		return;
	spin_lock(&sig->itimer_lock);
	sig->cputimer.utime += ns;
	spin_unlock(&sig->itimer_lock);
}

void account_group_system_time(struct task_struct *p, u64 ns)
{
	struct signal_struct *sig = p->signal;

	if (!sig)
		return;
	spin_lock(&sig->itimer_lock);
	sig->cputimer.stime += ns;
	spin_unlock(&sig->itimer_lock);
}

/* The process clock a CPU itimer counts on, in ns; itimer_lock held. */
u64 thread_group_sample_cputime(struct task_struct *p, int clock_id)
{
	struct thread_group_cputimer *ct = &p->signal->cputimer;

	if (clock_id == CPUCLOCK_VIRT)
		return ct->utime;
	return ct->utime + ct->stime;
}

/* Has the timer's clock reached its expiry? Then reload it (or turn it
 * off) and say so; itimer_lock held. */
static bool check_cpu_itimer(struct cpu_itimer *it, u64 cur_time)
{
	if (!it->expires || cur_time < it->expires)
		return false;
	if (it->incr)
		it->expires += it->incr;
	else
		it->expires = 0;
	return true;
}

/*
 * Called from the tick for the task it interrupted: send SIGPROF and
 * SIGVTALRM to its process when their timers have expired. In interrupt
 * context: interrupts are off, as setitimer keeps them while it holds
 * itimer_lock.
 */
void run_posix_cpu_timers(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	bool prof, virt;

	if (!sig || (tsk->flags & PF_KTHREAD))
		return;
	spin_lock(&sig->itimer_lock);
	prof = check_cpu_itimer(&sig->it[CPUCLOCK_PROF],
				thread_group_sample_cputime(tsk, CPUCLOCK_PROF));
	virt = check_cpu_itimer(&sig->it[CPUCLOCK_VIRT],
				thread_group_sample_cputime(tsk, CPUCLOCK_VIRT));
	spin_unlock(&sig->itimer_lock);
	if (prof)
		group_send_sig_info(SIGPROF, SEND_SIG_PRIV, tsk);
	if (virt)
		group_send_sig_info(SIGVTALRM, SEND_SIG_PRIV, tsk);
}
