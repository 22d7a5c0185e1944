/*
 * CPU time by kind, in ticks, for /proc/stat's "cpu" lines and
 * /proc/uptime's idle time (Linux's kernel_cpustat), plus the per-task
 * accounting the timer tick does (account_process_tick) and the load
 * average (avenrun, Linux's fixed point: FSHIFT fraction bits).
 */
#ifndef _LINUX_KERNEL_STAT_H
#define _LINUX_KERNEL_STAT_H

#include <linux/types.h>

enum cpu_usage_stat {
	CPUTIME_USER,
	CPUTIME_NICE,
	CPUTIME_SYSTEM,
	CPUTIME_SOFTIRQ,
	CPUTIME_IRQ,
	CPUTIME_IDLE,
	CPUTIME_IOWAIT,
	CPUTIME_STEAL,
	CPUTIME_GUEST,
	CPUTIME_GUEST_NICE,
	NR_STATS,
};

struct kernel_cpustat {
	u64 cpustat[NR_STATS];
};

/* One CPU today: with SMP, one per CPU (kcpustat_cpu(cpu)). */
extern struct kernel_cpustat kernel_cpustat;

struct task_struct;
/* kernel/sched/cputime.c: charge the tick to p, as user or system time
 * (or to the idle time when p is the idle task). */
void account_process_tick(struct task_struct *p, int user_tick);

/* kernel/sched/loadavg.c */
#define FSHIFT 11		/* bits of precision */
#define FIXED_1 (1 << FSHIFT)	/* 1.0 as fixed point */
#define LOAD_FREQ (5 * 100 + 1)	/* 5 s (HZ = 100) and a tick */
#define LOAD_INT(x) ((x) >> FSHIFT)
#define LOAD_FRAC(x) LOAD_INT(((x) & (FIXED_1 - 1)) * 100)
extern unsigned long avenrun[3];
void calc_global_load_tick(void);

/* kernel/sched/core.c */
unsigned int nr_running(void);
u64 nr_context_switches(void);
/* kernel/fork.c: tasks created since boot */
extern unsigned long total_forks;

#endif
