/* Time system calls: clock_gettime, gettimeofday, nanosleep. There is no
 * real-time clock, so the time of day starts at the Unix epoch at boot. */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
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

struct __kernel_timespec {
	s64 tv_sec;
	long long tv_nsec;
};

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

long sys_clock_gettime(int which, struct __kernel_timespec *tp)
{
	struct __kernel_timespec ts;
	u64 ns = ktime_get_ns();

	if (which < 0 || which > CLOCK_BOOTTIME)
		return -EINVAL;
	ts.tv_sec = ns / NSEC_PER_SEC;
	ts.tv_nsec = ns % NSEC_PER_SEC;
	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

long sys_clock_getres(int which, struct __kernel_timespec *tp)
{
	struct __kernel_timespec ts = { 0, 1 };

	if (which < 0 || which > CLOCK_BOOTTIME)
		return -EINVAL;
	return tp && copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

long sys_gettimeofday(struct __kernel_old_timeval *tv, void *tz)
{
	struct __kernel_old_timeval t;
	u64 ns = ktime_get_ns();

	(void)tz;
	t.tv_sec = ns / NSEC_PER_SEC;
	t.tv_usec = ns % NSEC_PER_SEC / 1000;
	return tv && copy_to_user(tv, &t, sizeof(t)) ? -EFAULT : 0;
}

/* time(2), on architectures that have it (i386). */
long sys_time(long *tloc)
{
	long t = ktime_get_ns() / NSEC_PER_SEC;

	if (tloc && copy_to_user(tloc, &t, sizeof(t)))
		return -EFAULT;
	return t;
}

long sys_nanosleep(const struct __kernel_timespec *rqtp,
		   struct __kernel_timespec *rmtp)
{
	struct __kernel_timespec ts;
	long ticks;

	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000LL)
		return -EINVAL;
	ticks = ts.tv_sec * HZ + DIV_ROUND_UP(ts.tv_nsec, 1000000000LL / HZ);
	while (ticks) {
		set_current_state(TASK_INTERRUPTIBLE);
		ticks = schedule_timeout(ticks);
		if (ticks && signal_pending(current)) {
			if (rmtp) {
				ts.tv_sec = ticks / HZ;
				ts.tv_nsec = ticks % HZ * (1000000000LL / HZ);
				if (copy_to_user(rmtp, &ts, sizeof(ts)))
					return -EFAULT;
			}
			return -EINTR;
		}
	}
	return 0;
}

long sys_clock_nanosleep(int which, int flags,
			 const struct __kernel_timespec *rqtp,
			 struct __kernel_timespec *rmtp)
{
	if (which != CLOCK_REALTIME && which != CLOCK_MONOTONIC &&
	    which != CLOCK_BOOTTIME)
		return -EINVAL;
	if (flags)
		return -EINVAL;	/* TIMER_ABSTIME is not supported */
	return sys_nanosleep(rqtp, rmtp);
}
