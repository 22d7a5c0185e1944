/*
 * The i386 vDSO's clocks (Linux's arch/x86/entry/vdso/vdso32/
 * vclock_gettime.c): clock_gettime, clock_gettime64, gettimeofday, time
 * and clock_getres without entering the kernel, the names glibc looks up
 * (version LINUX_2.6). They read the time-stamp counter (rdtsc works in
 * user mode: CR4.TSD is clear) and scale it by the multiplier and shift
 * the kernel publishes in the vvar page, with the same 64-bit arithmetic
 * as the kernel's ktime_get_ns (arch/x86/kernel/time.c), so they agree
 * with the system calls to the nanosecond and never run behind them. A
 * clock they do not serve (the CPU-time clocks, a bad id) goes to the
 * system call, through int $0x80 as every i386 system call does here.
 * Built without the kernel's headers: this runs in user mode.
 */
#include <vdso/vclock.h>

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7

#define __NR_clock_gettime 265
#define __NR_clock_gettime64 403
#define __NR_clock_getres_time64 406

#define NSEC_PER_SEC 1000000000U

struct old_timespec32 {
	long tv_sec;
	long tv_nsec;
};

int __vdso_clock_gettime(int clock, struct old_timespec32 *ts);
int __vdso_clock_gettime64(int clock, struct __kernel_timespec *ts);
int __vdso_clock_getres(int clock, struct old_timespec32 *res);

static long syscall2(long nr, long arg0, long arg1)
{
	long ret;

	__asm__ __volatile__("int $0x80"
			     : "=a"(ret)
			     : "0"(nr), "b"(arg0), "c"(arg1)
			     : "memory");
	return ret;
}

/* The clocks the kernel reads from ktime_get_ns. */
static int ktime_clock(int clock)
{
	return clock == CLOCK_REALTIME || clock == CLOCK_MONOTONIC ||
	       (clock >= CLOCK_MONOTONIC_RAW && clock <= CLOCK_BOOTTIME);
}

/* ktime_get_ns, in user mode: the same counter, the same arithmetic. */
static unsigned long long ktime_get_ns(void)
{
	unsigned long long tsc;

	__asm__ __volatile__("rdtsc" : "=A"(tsc));
	return (tsc * _vdso_data.cyc2ns_mul) >> _vdso_data.cyc2ns_shift;
}

/* ns into seconds and the rest, with two 32-bit divides (divl divides
 * edx:eax by 32 bits), as Linux's do_div: no libgcc here. */
static unsigned long long split_ns(unsigned long long ns, unsigned long *rem)
{
	unsigned long hi = ns >> 32, lo = ns, qlo;

	__asm__("divl %4"
		: "=a"(qlo), "=d"(*rem)
		: "a"(lo), "d"(hi % NSEC_PER_SEC), "rm"(NSEC_PER_SEC));
	return (unsigned long long)(hi / NSEC_PER_SEC) << 32 | qlo;
}

int __vdso_clock_gettime64(int clock, struct __kernel_timespec *ts)
{
	unsigned long nsec;

	if (!ktime_clock(clock))
		return syscall2(__NR_clock_gettime64, clock, (long)ts);
	ts->tv_sec = split_ns(ktime_get_ns(), &nsec);
	ts->tv_nsec = nsec;
	return 0;
}

/* The 32-bit clock_gettime: seconds as a long, as the system call. */
int __vdso_clock_gettime(int clock, struct old_timespec32 *ts)
{
	unsigned long nsec;

	if (!ktime_clock(clock))
		return syscall2(__NR_clock_gettime, clock, (long)ts);
	ts->tv_sec = split_ns(ktime_get_ns(), &nsec);
	ts->tv_nsec = nsec;
	return 0;
}

/* As the system call: the time zone is neither read nor written. */
int __vdso_gettimeofday(struct __kernel_old_timeval *tv, void *tz)
{
	unsigned long nsec;

	(void)tz;
	if (tv) {
		tv->tv_sec = split_ns(ktime_get_ns(), &nsec);
		tv->tv_usec = nsec / 1000;
	}
	return 0;
}

long __vdso_time(long *t)
{
	unsigned long nsec;
	long sec = split_ns(ktime_get_ns(), &nsec);

	if (t)
		*t = sec;
	return sec;
}

/* The system call says 1 ns for every clock it knows; it has only the
 * 64-bit call for the others, whose answer is narrowed here. */
int __vdso_clock_getres(int clock, struct old_timespec32 *res)
{
	struct __kernel_timespec r64;
	int ret;

	if (!ktime_clock(clock)) {
		ret = syscall2(__NR_clock_getres_time64, clock, (long)&r64);
		if (!ret && res) {
			res->tv_sec = r64.tv_sec;
			res->tv_nsec = r64.tv_nsec;
		}
		return ret;
	}
	if (res) {
		res->tv_sec = 0;
		res->tv_nsec = 1;
	}
	return 0;
}
