/*
 * CPU time accounting by ticks, as Linux without VIRT_CPU_ACCOUNTING: at
 * each timer tick the running task is charged one tick (1/HZ s), as user
 * time if the tick interrupted user mode and system time otherwise; a
 * tick that finds the idle task running is idle time. /proc/<pid>/stat
 * shows a task's utime and stime, /proc/stat the totals.
 */
#include <linux/jiffies.h>
#include <linux/kernel_stat.h>
#include <linux/posix-timers.h>
#include <linux/sched.h>

struct kernel_cpustat kernel_cpustat;

/* Called from the tick with interrupts off. */
void account_process_tick(struct task_struct *p, int user_tick)
{
	u64 *cpustat = kernel_cpustat.cpustat;

	if (is_idle_task(p)) {
		cpustat[CPUTIME_IDLE]++;
	} else if (user_tick) {
		p->utime++;
		account_group_user_time(p, TICK_NSEC);	/* ITIMER_VIRTUAL */
		cpustat[p->prio > DEFAULT_PRIO ? CPUTIME_NICE :
						  CPUTIME_USER]++;
	} else {
		p->stime++;
		account_group_system_time(p, TICK_NSEC);	/* ITIMER_PROF */
		cpustat[CPUTIME_SYSTEM]++;
	}
}
