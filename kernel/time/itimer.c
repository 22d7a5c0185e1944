/*
 * Interval timers (setitimer, getitimer, alarm), one set per process in
 * its signal_struct, as Linux's kernel/time/itimer.c:
 *  - ITIMER_REAL counts wall time and sends SIGALRM. Its expiry is kept in
 *    nanoseconds (ktime_get_ns), so getitimer is exact; a kernel timer
 *    (real_timer) wakes it_real_fn on the first tick at or after that
 *    time. An interval timer starts again when its SIGALRM is delivered
 *    (posixtimer_rearm_itimer, from dequeue_signal), as in Linux.
 *  - ITIMER_VIRTUAL and ITIMER_PROF count the process's CPU time, tick by
 *    tick (kernel/time/posix-cpu-timers.c fires them).
 * fork gives the child no timers (copy_signal starts a fresh
 * signal_struct); execve keeps them; the last thread's exit stops
 * real_timer, so it never fires into a freed signal_struct.
 */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/posix-timers.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/time.h>
#include <linux/timer.h>
#include <linux/uaccess.h>

/* The longest a kernel timer is set for at once (time_after_eq compares
 * as a long): a later expiry is reached in steps, it_real_fn re-arming. */
#define MAX_TIMER_TICKS (0x7fffffffUL / 2)

static struct timespec64 ns_to_timespec64(u64 ns)
{
	struct timespec64 ts = { ns / NSEC_PER_SEC, ns % NSEC_PER_SEC };

	return ts;
}

/* Start real_timer for the first tick at or after it_real_expires
 * (it_real_fn checks the time, so a tick that comes early only re-arms).
 * itimer_lock held. */
static void arm_real_timer(struct signal_struct *sig, u64 now)
{
	u64 left = sig->it_real_expires > now ? sig->it_real_expires - now : 0;
	u64 ticks = DIV_ROUND_UP(left, TICK_NSEC);

	if (ticks > MAX_TIMER_TICKS)
		ticks = MAX_TIMER_TICKS;
	sig->real_timer.expires = jiffies + (ticks ? ticks : 1);
	add_timer(&sig->real_timer);
}

/*
 * ITIMER_REAL went off (from the tick, interrupts off): SIGALRM to the
 * process. An interval timer is not re-armed here but when the process
 * takes the SIGALRM (posixtimer_rearm_itimer), as Linux does: an ignored
 * SIGALRM stops it, a blocked one holds it until it is delivered.
 */
static void it_real_fn(struct timer_list *timer)
{
	struct signal_struct *sig = container_of(timer, struct signal_struct,
						 real_timer);
	u64 now = ktime_get_ns();
	bool fire = false;

	spin_lock(&sig->itimer_lock);
	if (sig->it_real_active) {
		if (now < sig->it_real_expires) {
			arm_real_timer(sig, now);	/* the tick came early */
		} else {
			sig->it_real_active = false;
			fire = true;
		}
	}
	spin_unlock(&sig->itimer_lock);
	if (fire)
		group_send_sig_info(SIGALRM, SEND_SIG_PRIV, sig->tsk);
}

/*
 * The process has taken a SIGALRM off its queue (dequeue_signal): an
 * interval timer that has fired starts again, its expiry moved on by
 * whole intervals past now, as hrtimer_forward does — so a late delivery
 * does not shift the timer's phase.
 */
void posixtimer_rearm_itimer(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	unsigned long flags;
	u64 now, late;

	spin_lock_irqsave(&sig->itimer_lock, flags);
	if (!sig->it_real_active && sig->it_real_incr && sig->it_real_expires) {
		now = ktime_get_ns();
		if (now >= sig->it_real_expires) {
			late = now - sig->it_real_expires;
			sig->it_real_expires += (late / sig->it_real_incr + 1) *
						sig->it_real_incr;
		}
		sig->it_real_active = true;
		arm_real_timer(sig, now);
	}
	spin_unlock_irqrestore(&sig->itimer_lock, flags);
}

/* copy_signal: a new process has no timers armed. */
void itimer_init(struct signal_struct *sig, struct task_struct *tsk)
{
	spin_lock_init(&sig->itimer_lock);
	timer_setup(&sig->real_timer, it_real_fn);
	sig->tsk = tsk;
	sig->it_real_active = false;
	sig->it_real_expires = sig->it_real_incr = 0;
	sig->it[CPUCLOCK_PROF].expires = sig->it[CPUCLOCK_PROF].incr = 0;
	sig->it[CPUCLOCK_VIRT].expires = sig->it[CPUCLOCK_VIRT].incr = 0;
}

/* do_exit, the last thread of the process: no SIGALRM after this, and
 * none running; real_timer may be freed with the signal_struct. */
void itimer_exit(struct signal_struct *sig)
{
	unsigned long flags;

	spin_lock_irqsave(&sig->itimer_lock, flags);
	sig->it_real_active = false;	/* a running it_real_fn stops here */
	sig->it_real_incr = 0;
	spin_unlock_irqrestore(&sig->itimer_lock, flags);
	del_timer_sync(&sig->real_timer);
}

/* The time left on ITIMER_REAL (Linux's itimer_get_remtime) and its
 * interval; itimer_lock held. */
static void get_real_itimer(struct signal_struct *sig,
			    struct itimerspec64 *value)
{
	u64 now = ktime_get_ns(), rem = 0;

	if (sig->it_real_active) {
		/* Pending but due: say 1 us, never 0 (= disarmed). */
		rem = sig->it_real_expires > now ?
		      sig->it_real_expires - now : NSEC_PER_USEC;
	}
	value->it_value = ns_to_timespec64(rem);
	value->it_interval = ns_to_timespec64(sig->it_real_incr);
}

/* The time left on a CPU timer and its interval; itimer_lock held. */
static void get_cpu_itimer(struct task_struct *tsk, int clock_id,
			   struct itimerspec64 *value)
{
	struct cpu_itimer *it = &tsk->signal->it[clock_id];
	u64 val = it->expires;

	if (val) {
		u64 now = thread_group_sample_cputime(tsk, clock_id);

		/* Due already, but the tick has not seen it: one tick. */
		val = val <= now ? TICK_NSEC : val - now;
	}
	value->it_value = ns_to_timespec64(val);
	value->it_interval = ns_to_timespec64(it->incr);
}

long do_getitimer(int which, struct itimerspec64 *value)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;

	switch (which) {
	case ITIMER_REAL:
		spin_lock_irqsave(&sig->itimer_lock, flags);
		get_real_itimer(sig, value);
		spin_unlock_irqrestore(&sig->itimer_lock, flags);
		return 0;
	case ITIMER_VIRTUAL:
	case ITIMER_PROF:
		spin_lock_irqsave(&sig->itimer_lock, flags);
		get_cpu_itimer(current, which == ITIMER_VIRTUAL ?
				       CPUCLOCK_VIRT : CPUCLOCK_PROF, value);
		spin_unlock_irqrestore(&sig->itimer_lock, flags);
		return 0;
	default:
		return -EINVAL;
	}
}

/* Arm (or, with a zero value, disarm) a CPU timer; Linux's
 * set_cpu_itimer. The first expiry is a tick later than asked, as Linux:
 * the tick now running is only partly the process's. */
static void set_cpu_itimer(struct task_struct *tsk, int clock_id,
			   const struct itimerspec64 *value,
			   struct itimerspec64 *ovalue)
{
	struct signal_struct *sig = tsk->signal;
	struct cpu_itimer *it = &sig->it[clock_id];
	u64 nval = timespec64_to_ns(&value->it_value);
	u64 ninterval = timespec64_to_ns(&value->it_interval);
	unsigned long flags;

	spin_lock_irqsave(&sig->itimer_lock, flags);
	if (ovalue)
		get_cpu_itimer(tsk, clock_id, ovalue);
	if (nval)
		nval += TICK_NSEC + thread_group_sample_cputime(tsk, clock_id);
	it->expires = nval;
	it->incr = ninterval;
	spin_unlock_irqrestore(&sig->itimer_lock, flags);
}

long do_setitimer(int which, struct itimerspec64 *value,
		  struct itimerspec64 *ovalue)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;
	u64 expires, now;

	switch (which) {
	case ITIMER_REAL:
again:
		spin_lock_irqsave(&sig->itimer_lock, flags);
		if (ovalue)
			get_real_itimer(sig, ovalue);
		/* it_real_fn may be running on another CPU, waiting for
		 * our lock: let it finish, then start again. */
		if (try_to_del_timer_sync(&sig->real_timer) < 0) {
			spin_unlock_irqrestore(&sig->itimer_lock, flags);
			cpu_relax();
			goto again;
		}
		expires = timespec64_to_ns(&value->it_value);
		if (expires) {
			now = ktime_get_ns();
			sig->it_real_incr = timespec64_to_ns(&value->it_interval);
			sig->it_real_expires = expires >= KTIME_MAX - now ?
					       KTIME_MAX : now + expires;
			sig->it_real_active = true;
			arm_real_timer(sig, now);
		} else {
			sig->it_real_active = false;
			sig->it_real_incr = 0;
		}
		spin_unlock_irqrestore(&sig->itimer_lock, flags);
		return 0;
	case ITIMER_VIRTUAL:
		set_cpu_itimer(current, CPUCLOCK_VIRT, value, ovalue);
		return 0;
	case ITIMER_PROF:
		set_cpu_itimer(current, CPUCLOCK_PROF, value, ovalue);
		return 0;
	default:
		return -EINVAL;
	}
}

/* A timeval from user space: EINVAL unless 0 <= tv_usec < 1000000 and
 * tv_sec >= 0 (Linux's timeval_valid). */
static int get_itimerval(struct itimerspec64 *o,
			 const struct __kernel_old_itimerval __user *i)
{
	struct __kernel_old_itimerval v;

	if (copy_from_user(&v, i, sizeof(v)))
		return -EFAULT;
	if (v.it_value.tv_sec < 0 || v.it_value.tv_usec < 0 ||
	    v.it_value.tv_usec >= USEC_PER_SEC ||
	    v.it_interval.tv_sec < 0 || v.it_interval.tv_usec < 0 ||
	    v.it_interval.tv_usec >= USEC_PER_SEC)
		return -EINVAL;
	o->it_interval.tv_sec = v.it_interval.tv_sec;
	o->it_interval.tv_nsec = v.it_interval.tv_usec * NSEC_PER_USEC;
	o->it_value.tv_sec = v.it_value.tv_sec;
	o->it_value.tv_nsec = v.it_value.tv_usec * NSEC_PER_USEC;
	return 0;
}

static int put_itimerval(struct __kernel_old_itimerval __user *o,
			 const struct itimerspec64 *i)
{
	struct __kernel_old_itimerval v;

	v.it_interval.tv_sec = i->it_interval.tv_sec;
	v.it_interval.tv_usec = i->it_interval.tv_nsec / NSEC_PER_USEC;
	v.it_value.tv_sec = i->it_value.tv_sec;
	v.it_value.tv_usec = i->it_value.tv_nsec / NSEC_PER_USEC;
	return copy_to_user(o, &v, sizeof(v)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(getitimer, int, which,
		struct __kernel_old_itimerval __user *, value)
{
	struct itimerspec64 get_buffer;
	long error = do_getitimer(which, &get_buffer);

	if (!error && put_itimerval(value, &get_buffer))
		error = -EFAULT;
	return error;
}

/* A NULL value disarms the timer (a misfeature Linux still accepts). */
SYSCALL_DEFINE3(setitimer, int, which,
		struct __kernel_old_itimerval __user *, value,
		struct __kernel_old_itimerval __user *, ovalue)
{
	struct itimerspec64 set_buffer = { { 0, 0 }, { 0, 0 } }, get_buffer;
	long error;

	if (value) {
		error = get_itimerval(&set_buffer, value);
		if (error)
			return error;
	}
	error = do_setitimer(which, &set_buffer, ovalue ? &get_buffer : NULL);
	if (error || !ovalue)
		return error;
	return put_itimerval(ovalue, &get_buffer) ? -EFAULT : 0;
}

/*
 * alarm(seconds): ITIMER_REAL, once; returns the seconds that were left
 * on the previous alarm, rounded to the nearest second but never 0 when
 * one was pending (Linux's alarm_setitimer). i386 has the system call;
 * RISC-V's glibc makes alarm out of setitimer.
 */
static unsigned int alarm_setitimer(unsigned int seconds)
{
	struct itimerspec64 it_new = { { 0, 0 }, { 0, 0 } }, it_old;

	if (sizeof(long) < 8 && seconds > 0x7fffffffU)
		seconds = 0x7fffffffU;	/* tv_sec is a 32-bit long there */
	it_new.it_value.tv_sec = seconds;
	do_setitimer(ITIMER_REAL, &it_new, &it_old);
	if ((!it_old.it_value.tv_sec && it_old.it_value.tv_nsec) ||
	    it_old.it_value.tv_nsec >= (long)(NSEC_PER_SEC / 2))
		it_old.it_value.tv_sec++;
	return it_old.it_value.tv_sec;
}

SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	return alarm_setitimer(seconds);
}
