/* Time system calls: clock_gettime, gettimeofday, nanosleep. There is no
 * real-time clock, so the time of day starts at the Unix epoch at boot.
 * do_clock_gettime and do_clock_nanosleep work on a struct timespec64;
 * the system calls copy it in and out (i386's 32-bit-time calls, in
 * arch/x86, do the same with their own layout). */
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

/* The user layout of a timespec (on i386 too: glibc's *_time64 calls). */
int get_timespec64(struct timespec64 *ts,
			  const struct __kernel_timespec *uts)
{
	struct __kernel_timespec kts;

	if (copy_from_user(&kts, uts, sizeof(kts)))
		return -EFAULT;
	ts->tv_sec = kts.tv_sec;
	ts->tv_nsec = kts.tv_nsec;	/* a 32-bit long drops the padding */
	return 0;
}

int put_timespec64(const struct timespec64 *ts,
			  struct __kernel_timespec *uts)
{
	struct __kernel_timespec kts = { ts->tv_sec, ts->tv_nsec };

	return copy_to_user(uts, &kts, sizeof(kts)) ? -EFAULT : 0;
}

/* i386's calls with a 32-bit time_t. */
int get_old_timespec32(struct timespec64 *ts, const struct old_timespec32 *uts)
{
	struct old_timespec32 t;

	if (copy_from_user(&t, uts, sizeof(t)))
		return -EFAULT;
	ts->tv_sec = t.tv_sec;
	ts->tv_nsec = t.tv_nsec;
	return 0;
}

int put_old_timespec32(const struct timespec64 *ts,
		       struct old_timespec32 *uts)
{
	struct old_timespec32 t = { ts->tv_sec, ts->tv_nsec };

	return copy_to_user(uts, &t, sizeof(t)) ? -EFAULT : 0;
}

int do_clock_gettime(int which, struct timespec64 *tp)
{
	u64 ns = ktime_get_ns();

	if (which < 0 || which > CLOCK_BOOTTIME)
		return -EINVAL;
	tp->tv_sec = ns / NSEC_PER_SEC;
	tp->tv_nsec = ns % NSEC_PER_SEC;
	return 0;
}

SYSCALL_DEFINE2(clock_gettime, int, which, struct __kernel_timespec *, tp)
{
	struct timespec64 ts;
	int ret = do_clock_gettime(which, &ts);

	return ret ? ret : put_timespec64(&ts, tp);
}

SYSCALL_DEFINE2(clock_getres, int, which, struct __kernel_timespec *, tp)
{
	struct __kernel_timespec ts = { 0, 1 };

	if (which < 0 || which > CLOCK_BOOTTIME)
		return -EINVAL;
	return tp && copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval *, tv, void *, tz)
{
	struct __kernel_old_timeval t;
	u64 ns = ktime_get_ns();

	(void)tz;
	t.tv_sec = ns / NSEC_PER_SEC;
	t.tv_usec = ns % NSEC_PER_SEC / 1000;
	return tv && copy_to_user(tv, &t, sizeof(t)) ? -EFAULT : 0;
}

/* time(2), on architectures that have it (i386). */
SYSCALL_DEFINE1(time, long *, tloc)
{
	long t = ktime_get_ns() / NSEC_PER_SEC;

	if (tloc && copy_to_user(tloc, &t, sizeof(t)))
		return -EFAULT;
	return t;
}

/* Sleep in ticks of the timer, rounded up. */
long do_clock_nanosleep(int which, int flags, struct timespec64 *rqtp)
{
	long ticks;

	if (which != CLOCK_REALTIME && which != CLOCK_MONOTONIC &&
	    which != CLOCK_BOOTTIME)
		return -EINVAL;
	if (flags)
		return -EINVAL;	/* TIMER_ABSTIME is not supported */
	if (rqtp->tv_sec < 0 || rqtp->tv_nsec < 0 ||
	    rqtp->tv_nsec >= (long)NSEC_PER_SEC)
		return -EINVAL;
	if (rqtp->tv_sec >= MAX_SCHEDULE_TIMEOUT / HZ - 1)
		ticks = MAX_SCHEDULE_TIMEOUT;	/* the longest there is */
	else
		ticks = rqtp->tv_sec * HZ +
			DIV_ROUND_UP(rqtp->tv_nsec, (long)NSEC_PER_SEC / HZ);
	while (ticks) {
		set_current_state(TASK_INTERRUPTIBLE);
		ticks = schedule_timeout(ticks);
		if (ticks && signal_pending(current)) {
			rqtp->tv_sec = ticks / HZ;
			rqtp->tv_nsec = ticks % HZ * (NSEC_PER_SEC / HZ);
			return -EINTR;
		}
	}
	return 0;
}

long ksys_clock_nanosleep(int which, int flags,
			  const struct __kernel_timespec *rqtp,
			  struct __kernel_timespec *rmtp)
{
	struct timespec64 t;
	long ret;

	if (get_timespec64(&t, rqtp))
		return -EFAULT;
	ret = do_clock_nanosleep(which, flags, &t);
	if (ret == -EINTR && rmtp && put_timespec64(&t, rmtp))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE4(clock_nanosleep, int, which, int, flags,
		const struct __kernel_timespec *, rqtp,
		struct __kernel_timespec *, rmtp)
{
	return ksys_clock_nanosleep(which, flags, rqtp, rmtp);
}

SYSCALL_DEFINE2(nanosleep, const struct __kernel_timespec *, rqtp,
		struct __kernel_timespec *, rmtp)
{
	return ksys_clock_nanosleep(CLOCK_MONOTONIC, 0, rqtp, rmtp);
}
