/* Time of day and monotonic time, from the architecture's clock. */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/restart_block.h>
#include <linux/types.h>

#define NSEC_PER_SEC 1000000000ULL

/* Architecture: nanoseconds since boot. */
u64 ktime_get_ns(void);

/* A time inside the kernel; each system call copies it from and to its
 * own user layout (64-bit __kernel_timespec, i386's old 32-bit one). */
struct timespec64 {
	s64 tv_sec;
	long tv_nsec;
};

/* The user layouts: 64-bit time (RISC-V, and i386's *_time64 calls),
 * i386's old 32-bit timespec, and the timeval of select and
 * gettimeofday (two longs). */
struct __kernel_timespec {
	s64 tv_sec;
	long long tv_nsec;
};

struct old_timespec32 {
	s32 tv_sec;
	s32 tv_nsec;
};

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

/* setitimer's timers (Linux's uapi/linux/time.h), the user layout of their
 * values (two timevals of longs: 32-bit on i386, 64-bit on RISC-V), and
 * the kernel's own. */
#define ITIMER_REAL 0	/* wall time: SIGALRM */
#define ITIMER_VIRTUAL 1	/* user CPU time of the process: SIGVTALRM */
#define ITIMER_PROF 2	/* user + system CPU time: SIGPROF */

struct __kernel_old_itimerval {
	struct __kernel_old_timeval it_interval;
	struct __kernel_old_timeval it_value;
};

struct itimerspec64 {
	struct timespec64 it_interval;
	struct timespec64 it_value;
};

#define NSEC_PER_USEC 1000L
#define USEC_PER_SEC 1000000L
#define KTIME_MAX ((u64)0x7fffffffffffffffULL)	/* ns: the far future */

/* A time in nanoseconds, saturated at KTIME_MAX as Linux's
 * timespec64_to_ktime (a negative time is the caller's to refuse). */
static inline u64 timespec64_to_ns(const struct timespec64 *ts)
{
	if ((u64)ts->tv_sec >= KTIME_MAX / NSEC_PER_SEC)
		return KTIME_MAX;
	return (u64)ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

/* Copy a time in or out of user space: 0 or -EFAULT. */
int get_timespec64(struct timespec64 *ts,
		const struct __kernel_timespec __user *uts);
int put_timespec64(const struct timespec64 *ts,
		struct __kernel_timespec __user *uts);
int get_old_timespec32(struct timespec64 *ts,
		const struct old_timespec32 __user *uts);
int put_old_timespec32(const struct timespec64 *ts,
		       struct old_timespec32 __user *uts);

/* kernel/time/time.c: 0 or -errno. */
int do_clock_gettime(int which_clock, struct timespec64 *tp);
/* clock_nanosleep's flag: rqtp is a time on the clock, not a length. */
#define TIMER_ABSTIME 0x01

/* Sleeps (kernel/time/time.c, kernel/time/hrtimer.c). A system call sets
 * up the restart block with its rmtp and layout, then sleeps: 0, -EINVAL,
 * or when a signal ends the sleep -ERESTART_RESTARTBLOCK (time left
 * written to rmtp) or, for TIMER_ABSTIME, -ERESTARTNOHAND. */
void nanosleep_setup_restart(int flags, void __user *rmtp,
			     enum timespec_type type);
long do_clock_nanosleep(int which_clock, int flags,
			const struct timespec64 *rqtp);
long hrtimer_nanosleep(u64 rqtp, int flags, int clockid);
/* Sleep until ktime_get_ns() reaches expires or a wake-up: 0 or -EINTR. */
int schedule_hrtimeout(u64 expires);

/* kernel/time/itimer.c: 0 or -errno. */
struct signal_struct;
struct task_struct;
long do_getitimer(int which, struct itimerspec64 *value);
long do_setitimer(int which, struct itimerspec64 *value,
		  struct itimerspec64 *ovalue);
void itimer_init(struct signal_struct *sig, struct task_struct *tsk);
void itimer_exit(struct signal_struct *sig);
/* dequeue_signal, after taking a SIGALRM: restart an interval ITIMER_REAL. */
void posixtimer_rearm_itimer(struct task_struct *tsk);

#endif
