/* Time system calls: clock_gettime, gettimeofday, nanosleep. There is no
 * real-time clock, so the time of day starts at the Unix epoch at boot;
 * the CPU-time clocks count the ticks charged to the process or thread.
 * do_clock_gettime and do_clock_nanosleep work on a struct timespec64;
 * the system calls copy it in and out (i386's 32-bit-time calls, in
 * arch/x86, do the same with their own layout). */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/posix-timers.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/time.h>
#include <linux/uaccess.h>

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7

/* The user layout of a timespec (on i386 too: glibc's *_time64 calls). */
int get_timespec64(struct timespec64 *ts,
			  const struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec kts;

	if (copy_from_user(&kts, uts, sizeof(kts)))
		return -EFAULT;
	ts->tv_sec = kts.tv_sec;
	ts->tv_nsec = kts.tv_nsec;	/* a 32-bit long drops the padding */
	return 0;
}

int put_timespec64(const struct timespec64 *ts,
			  struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec kts = { ts->tv_sec, ts->tv_nsec };

	return copy_to_user(uts, &kts, sizeof(kts)) ? -EFAULT : 0;
}

/* i386's calls with a 32-bit time_t. */
int get_old_timespec32(struct timespec64 *ts,
		const struct old_timespec32 __user *uts)
{
	struct old_timespec32 t;

	if (copy_from_user(&t, uts, sizeof(t)))
		return -EFAULT;
	ts->tv_sec = t.tv_sec;
	ts->tv_nsec = t.tv_nsec;
	return 0;
}

int put_old_timespec32(const struct timespec64 *ts,
		       struct old_timespec32 __user *uts)
{
	struct old_timespec32 t = { ts->tv_sec, ts->tv_nsec };

	return copy_to_user(uts, &t, sizeof(t)) ? -EFAULT : 0;
}

/* The CPU time of the calling process (all its threads, those gone too)
 * or thread, in ns: ticks, as the tick charges them. */
static u64 cpu_clock_sample(int which)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;
	u64 ns;

	if (which == CLOCK_THREAD_CPUTIME_ID)
		return (current->utime + current->stime) * TICK_NSEC;
	spin_lock_irqsave(&sig->itimer_lock, flags);
	ns = thread_group_sample_cputime(current, CPUCLOCK_PROF);
	spin_unlock_irqrestore(&sig->itimer_lock, flags);
	return ns;
}

int do_clock_gettime(int which, struct timespec64 *tp)
{
	u64 ns;

	if (which < 0 || which > CLOCK_BOOTTIME)
		return -EINVAL;
	if (which == CLOCK_PROCESS_CPUTIME_ID ||
	    which == CLOCK_THREAD_CPUTIME_ID)
		ns = cpu_clock_sample(which);
	else
		ns = ktime_get_ns();
	tp->tv_sec = ns / NSEC_PER_SEC;
	tp->tv_nsec = ns % NSEC_PER_SEC;
	return 0;
}

SYSCALL_DEFINE2(clock_gettime, int, which,
		struct __kernel_timespec __user *, tp)
{
	struct timespec64 ts;
	int ret = do_clock_gettime(which, &ts);

	return ret ? ret : put_timespec64(&ts, tp);
}

SYSCALL_DEFINE2(clock_getres, int, which, struct __kernel_timespec __user *, tp)
{
	struct __kernel_timespec ts = { 0, 1 };

	if (which < 0 || which > CLOCK_BOOTTIME)
		return -EINVAL;
	return tp && copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval __user *, tv,
		void __user *, tz)
{
	struct __kernel_old_timeval t;
	u64 ns = ktime_get_ns();

	(void)tz;
	t.tv_sec = ns / NSEC_PER_SEC;
	t.tv_usec = ns % NSEC_PER_SEC / 1000;
	return tv && copy_to_user(tv, &t, sizeof(t)) ? -EFAULT : 0;
}

/* time(2), on architectures that have it (i386). */
SYSCALL_DEFINE1(time, long __user *, tloc)
{
	long t = ktime_get_ns() / NSEC_PER_SEC;

	if (tloc && copy_to_user(tloc, &t, sizeof(t)))
		return -EFAULT;
	return t;
}

/*
 * Check a sleep's clock and time and sleep (kernel/time/hrtimer.c); the
 * caller has set up current->restart_block for the time left. Clocks
 * with no sleep of their own (the raw and coarse ones) are EOPNOTSUPP as
 * in Linux; the CPU-time clocks are EINVAL here (Linux sleeps on the
 * process clock; Clonix does not yet).
 */
long do_clock_nanosleep(int which, int flags, const struct timespec64 *rqtp)
{
	if (which == CLOCK_MONOTONIC_RAW || which == CLOCK_REALTIME_COARSE ||
	    which == CLOCK_MONOTONIC_COARSE)
		return -EOPNOTSUPP;
	if (which != CLOCK_REALTIME && which != CLOCK_MONOTONIC &&
	    which != CLOCK_BOOTTIME)
		return -EINVAL;
	if (rqtp->tv_sec < 0 || rqtp->tv_nsec < 0 ||
	    rqtp->tv_nsec >= (long)NSEC_PER_SEC)
		return -EINVAL;
	return hrtimer_nanosleep(timespec64_to_ns(rqtp), flags, which);
}

/* Before a sleep: where its time left goes if a signal ends it (an
 * absolute sleep reports none), and restart_syscall's answer until the
 * sleep says more (EINTR). */
void nanosleep_setup_restart(int flags, void __user *rmtp,
			     enum timespec_type type)
{
	struct restart_block *restart = &current->restart_block;

	if (flags & TIMER_ABSTIME)
		rmtp = NULL;
	restart->fn = do_no_restart_syscall;
	restart->nanosleep.type = rmtp ? type : TT_NONE;
	restart->nanosleep.rmtp = rmtp;
}

SYSCALL_DEFINE4(clock_nanosleep, int, which, int, flags,
		const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	struct timespec64 t;

	if (get_timespec64(&t, rqtp))
		return -EFAULT;
	nanosleep_setup_restart(flags, rmtp, TT_NATIVE);
	return do_clock_nanosleep(which, flags, &t);
}

SYSCALL_DEFINE2(nanosleep, const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	struct timespec64 t;

	if (get_timespec64(&t, rqtp))
		return -EFAULT;
	nanosleep_setup_restart(0, rmtp, TT_NATIVE);
	return do_clock_nanosleep(CLOCK_MONOTONIC, 0, &t);
}
