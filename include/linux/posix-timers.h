/* A process's CPU-time interval timers, ITIMER_PROF and ITIMER_VIRTUAL
 * (Linux's struct cpu_itimer), and the process CPU clocks they count on:
 * the tick charges user time and system time to the whole thread group
 * (thread_group_cputimer), and run_posix_cpu_timers, on each tick, sends
 * SIGPROF or SIGVTALRM when a clock passes its timer's expiry. */
#ifndef _LINUX_POSIX_TIMERS_H
#define _LINUX_POSIX_TIMERS_H

#include <linux/types.h>

/* Linux's CPUCLOCK_* numbers index signal_struct->it[]. */
#define CPUCLOCK_PROF 0	/* user + system time: ITIMER_PROF */
#define CPUCLOCK_VIRT 1	/* user time: ITIMER_VIRTUAL */

struct cpu_itimer {
	u64 expires;	/* the clock's value (ns) it fires at; 0: off */
	u64 incr;	/* reload interval (ns); 0: one shot */
};

/* CPU time of the whole thread group in ns, added to on every tick. */
struct thread_group_cputimer {
	u64 utime;
	u64 stime;
};

struct task_struct;

/* kernel/time/posix-cpu-timers.c */
void account_group_user_time(struct task_struct *p, u64 ns);
void account_group_system_time(struct task_struct *p, u64 ns);
u64 thread_group_sample_cputime(struct task_struct *p, int clock_id);
void run_posix_cpu_timers(struct task_struct *tsk);

#endif
