/* /proc/loadavg: the 1, 5 and 15 minute load averages, runnable tasks /
 * all tasks, and the last pid handed out, in Linux's format. */
#include <linux/kernel_stat.h>
#include <linux/sched.h>
#include "internal.h"

int loadavg_proc_show(struct seq_file *m)
{
	unsigned long a0 = avenrun[0] + FIXED_1 / 200;	/* round to 0.01 */
	unsigned long a1 = avenrun[1] + FIXED_1 / 200;
	unsigned long a2 = avenrun[2] + FIXED_1 / 200;

	seq_printf(m, "%lu.%02lu %lu.%02lu %lu.%02lu %u/%d %d\n",
		   LOAD_INT(a0), LOAD_FRAC(a0), LOAD_INT(a1), LOAD_FRAC(a1),
		   LOAD_INT(a2), LOAD_FRAC(a2), nr_running(), nr_threads,
		   READ_ONCE(last_pid));
	return 0;
}
