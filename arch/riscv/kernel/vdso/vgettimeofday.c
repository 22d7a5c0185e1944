/*
 * The vDSO's clocks (Linux's arch/riscv/kernel/vdso/vgettimeofday.c):
 * clock_gettime, gettimeofday, time and clock_getres without entering
 * the kernel (time as on x86: RISC-V has no time system call). They read
 * the `time` counter (rdtime, which the kernel lets user mode do:
 * scounteren.TM) and scale it by the rate in the vvar page
 * exactly as the kernel's ktime_get_ns does, so they agree with the
 * system calls to the nanosecond. A clock they do not know goes to the
 * system call. glibc finds them through AT_SYSINFO_EHDR (LINUX_4.15).
 * Built without the kernel's headers: this runs in user mode.
 */
#include <vdso/vclock.h>

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7

#define __NR_clock_gettime 113
#define __NR_clock_getres 114

#define NSEC_PER_SEC 1000000000ULL

int __vdso_clock_gettime(int clock, struct __kernel_timespec *ts);
int __vdso_clock_getres(int clock, struct __kernel_timespec *res);

static long syscall2(long nr, long arg0, long arg1)
{
	register long a0 __asm__("a0") = arg0;
	register long a1 __asm__("a1") = arg1;
	register long a7 __asm__("a7") = nr;

	__asm__ __volatile__("ecall" : "+r"(a0) : "r"(a1), "r"(a7) : "memory");
	return a0;
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
	unsigned long long t, hz = _vdso_data.timebase_hz;

	__asm__ __volatile__("rdtime %0" : "=r"(t));
	return t / hz * NSEC_PER_SEC + t % hz * NSEC_PER_SEC / hz;
}

int __vdso_clock_gettime(int clock, struct __kernel_timespec *ts)
{
	unsigned long long ns;

	if (!ktime_clock(clock))
		return syscall2(__NR_clock_gettime, clock, (long)ts);
	ns = ktime_get_ns();
	ts->tv_sec = ns / NSEC_PER_SEC;
	ts->tv_nsec = ns % NSEC_PER_SEC;
	return 0;
}

/* As the system call: the time zone is neither read nor written. */
int __vdso_gettimeofday(struct __kernel_old_timeval *tv, void *tz)
{
	unsigned long long ns;

	(void)tz;
	if (tv) {
		ns = ktime_get_ns();
		tv->tv_sec = ns / NSEC_PER_SEC;
		tv->tv_usec = ns % NSEC_PER_SEC / 1000;
	}
	return 0;
}

/* The seconds of CLOCK_REALTIME, also stored at t if it is not NULL. */
long __vdso_time(long *t)
{
	long sec = ktime_get_ns() / NSEC_PER_SEC;

	if (t)
		*t = sec;
	return sec;
}

/* The system call says 1 ns for every clock it knows. */
int __vdso_clock_getres(int clock, struct __kernel_timespec *res)
{
	if (!ktime_clock(clock))
		return syscall2(__NR_clock_getres, clock, (long)res);
	if (res) {
		res->tv_sec = 0;
		res->tv_nsec = 1;
	}
	return 0;
}
