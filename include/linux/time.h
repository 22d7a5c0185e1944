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

/* kernel/time/time.c: 0 or -errno. */
int do_clock_gettime(int which_clock, struct timespec64 *tp);
/* Sleep for *rqtp; on a signal, -EINTR with the time left in *rqtp. */
long do_clock_nanosleep(int which_clock, int flags, struct timespec64 *rqtp);

#endif
