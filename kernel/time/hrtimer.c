/*
 * nanosleep and clock_nanosleep's sleeping, where Linux keeps it
 * (kernel/time/hrtimer.c, beside its high-resolution timers; Clonix
 * sleeps on the tick). A sleep has an absolute end in nanoseconds of
 * ktime_get_ns, checked after every wake-up, so it never ends early and
 * ends at most a tick late.
 *
 * A signal ends it early. Then, as Linux:
 *  - a relative sleep writes the time left to *rmtp and returns
 *    -ERESTART_RESTARTBLOCK, with current->restart_block saying how to go
 *    on (hrtimer_nanosleep_restart, the end time, where rmtp is): the
 *    arch's signal code makes that EINTR when a handler runs, or
 *    re-enters through restart_syscall(2) when none does (after SIGSTOP
 *    and SIGCONT), which sleeps on to the original end;
 *  - an absolute one (TIMER_ABSTIME) returns -ERESTARTNOHAND and leaves
 *    *rmtp alone: restarting it is just calling it again.
 */
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/restart_block.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/time.h>

/*
 * Sleep, in the state the caller set, until the absolute time expires
 * (ktime_get_ns) or a wake-up: 0 once the time has come, -EINTR if woken
 * before it (Linux's schedule_hrtimeout, on the tick). The tick count is
 * rounded up and the clock checked after, so it is never early.
 */
int schedule_hrtimeout(u64 expires)
{
	u64 now = ktime_get_ns(), ticks;

	if (now >= expires) {
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	ticks = DIV_ROUND_UP(expires - now, TICK_NSEC);
	if (ticks > MAX_SCHEDULE_TIMEOUT / 2)
		ticks = MAX_SCHEDULE_TIMEOUT / 2;
	schedule_timeout(ticks);
	return ktime_get_ns() >= expires ? 0 : -EINTR;
}

/* Write the time left where the sleeper asked, in its layout. */
static long nanosleep_copyout(struct restart_block *restart,
			      struct timespec64 *ts)
{
	switch (restart->nanosleep.type) {
	case TT_COMPAT:
		if (put_old_timespec32(ts, restart->nanosleep.rmtp))
			return -EFAULT;
		break;
	case TT_NATIVE:
		if (put_timespec64(ts, restart->nanosleep.rmtp))
			return -EFAULT;
		break;
	default:
		break;
	}
	return -ERESTART_RESTARTBLOCK;
}

/* Sleep until ktime_get_ns() reaches expires, or a signal comes. 0 when
 * the time has come; else -ERESTART_RESTARTBLOCK, the time left written
 * out if the caller gave rmtp. */
static long do_nanosleep(u64 expires)
{
	struct restart_block *restart = &current->restart_block;
	struct timespec64 rmt;
	u64 now;

	for (;;) {
		u64 ticks;

		now = ktime_get_ns();
		if (now >= expires)
			return 0;
		ticks = DIV_ROUND_UP(expires - now, TICK_NSEC);
		if (ticks > MAX_SCHEDULE_TIMEOUT / 2)
			ticks = MAX_SCHEDULE_TIMEOUT / 2;
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current)) {
			__set_current_state(TASK_RUNNING);
			break;
		}
		schedule_timeout(ticks);
		if (signal_pending(current))
			break;
	}
	now = ktime_get_ns();
	if (now >= expires)
		return 0;	/* the signal came as the time did */
	if (restart->nanosleep.type == TT_NONE)
		return -ERESTART_RESTARTBLOCK;
	rmt.tv_sec = (expires - now) / NSEC_PER_SEC;
	rmt.tv_nsec = (expires - now) % NSEC_PER_SEC;
	return nanosleep_copyout(restart, &rmt);
}

/* restart_syscall(2) after a stop: sleep on to the same end. */
static long hrtimer_nanosleep_restart(struct restart_block *restart)
{
	return do_nanosleep(restart->nanosleep.expires);
}

/*
 * Sleep for rqtp nanoseconds (or until the clock reads rqtp, with
 * TIMER_ABSTIME). The caller has set current->restart_block's
 * nanosleep.type and .rmtp (TT_NONE for an absolute sleep). Every clock
 * Clonix sleeps on reads ktime_get_ns (CLOCK_REALTIME's epoch is boot).
 */
long hrtimer_nanosleep(u64 rqtp, int flags, int clockid)
{
	struct restart_block *restart = &current->restart_block;
	u64 expires = rqtp, now = ktime_get_ns();
	long ret;

	if (!(flags & TIMER_ABSTIME))
		expires = rqtp >= KTIME_MAX - now ? KTIME_MAX : now + rqtp;
	ret = do_nanosleep(expires);
	if (ret != -ERESTART_RESTARTBLOCK)
		return ret;
	if (flags & TIMER_ABSTIME)
		return -ERESTARTNOHAND;
	restart->fn = hrtimer_nanosleep_restart;
	restart->nanosleep.clockid = clockid;
	restart->nanosleep.expires = expires;
	return ret;
}
