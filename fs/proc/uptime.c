/* /proc/uptime: seconds since boot and seconds the CPU spent idle, with
 * two decimals, as uptime(1) and top read them. */
#include <linux/kernel_stat.h>
#include <linux/time.h>
#include <linux/jiffies.h>
#include "internal.h"

int uptime_proc_show(struct seq_file *m)
{
	u64 ns = ktime_get_ns();
	u64 idle = kernel_cpustat.cpustat[CPUTIME_IDLE];	/* ticks */

	seq_printf(m, "%llu.%02llu %llu.%02llu\n",
		   (unsigned long long)(ns / NSEC_PER_SEC),
		   (unsigned long long)(ns % NSEC_PER_SEC / 10000000),
		   (unsigned long long)(idle / HZ),
		   (unsigned long long)(idle % HZ * 100 / HZ));
	return 0;
}
