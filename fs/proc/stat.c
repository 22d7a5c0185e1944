/*
 * /proc/stat: CPU time by kind in clock ticks (the "cpu" line sums the
 * CPUs, then one "cpuN" line each — one CPU today), context switches,
 * the boot time (seconds since the epoch: Clonix's clock starts at the
 * epoch at boot, so 0), tasks created since boot, and how many are
 * runnable or blocked in uninterruptible sleep. top computes its CPU
 * percentages from the differences between two reads.
 */
#include <linux/kernel_stat.h>
#include <linux/sched.h>
#include "internal.h"

static void show_cpu(struct seq_file *m, const char *name, const u64 *c)
{
	seq_printf(m, "%s %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu\n",
		   name, (unsigned long long)c[CPUTIME_USER],
		   (unsigned long long)c[CPUTIME_NICE],
		   (unsigned long long)c[CPUTIME_SYSTEM],
		   (unsigned long long)c[CPUTIME_IDLE],
		   (unsigned long long)c[CPUTIME_IOWAIT],
		   (unsigned long long)c[CPUTIME_IRQ],
		   (unsigned long long)c[CPUTIME_SOFTIRQ],
		   (unsigned long long)c[CPUTIME_STEAL],
		   (unsigned long long)c[CPUTIME_GUEST],
		   (unsigned long long)c[CPUTIME_GUEST_NICE]);
}

int show_stat(struct seq_file *m)
{
	struct kernel_cpustat snap = kernel_cpustat;
	struct task_struct *p;
	unsigned int blocked = 0;

	spin_lock_irq(&tasklist_lock);
	for_each_process(p)
		if ((p->__state & TASK_UNINTERRUPTIBLE) && !p->exit_state)
			blocked++;
	spin_unlock_irq(&tasklist_lock);
	show_cpu(m, "cpu ", snap.cpustat);
	show_cpu(m, "cpu0", snap.cpustat);
	seq_printf(m, "ctxt %llu\n", (unsigned long long)nr_context_switches());
	/* The time of day at boot: CLOCK_REALTIME starts at 0 then. */
	seq_puts(m, "btime 0\n");
	seq_printf(m, "processes %lu\n", total_forks);
	seq_printf(m, "procs_running %u\n", nr_running());
	seq_printf(m, "procs_blocked %u\n", blocked);
	return 0;
}
