/* Time of day and monotonic time, from the architecture's clock. */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

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

/* Copy a time in or out of user space: 0 or -EFAULT. */
int get_timespec64(struct timespec64 *ts, const struct __kernel_timespec *uts);
int put_timespec64(const struct timespec64 *ts, struct __kernel_timespec *uts);
int get_old_timespec32(struct timespec64 *ts, const struct old_timespec32 *uts);
int put_old_timespec32(const struct timespec64 *ts,
		       struct old_timespec32 *uts);

/* kernel/time/time.c: 0 or -errno. */
int do_clock_gettime(int which_clock, struct timespec64 *tp);
/* Sleep for *rqtp; on a signal, -EINTR with the time left in *rqtp. */
long do_clock_nanosleep(int which_clock, int flags, struct timespec64 *rqtp);

#endif
