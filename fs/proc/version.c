/* /proc/version: Linux's line — release, who built it with what, and the
 * version string uname(2) gives. */
#include <linux/utsname.h>
#include "internal.h"

int version_proc_show(struct seq_file *m)
{
	seq_printf(m, "Linux version %s (clonix@clonix) (gcc version %s) %s\n",
		   UTS_RELEASE, __VERSION__, UTS_VERSION);
	return 0;
}
