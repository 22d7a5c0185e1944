/* System calls Clonix does not implement: -ENOSYS, and a note on the
 * console the first time each number is used, so a student sees what a
 * program asked for. */
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

#define NI_TRACKED 1024

long sys_ni_syscall(unsigned long nr)
{
	static unsigned char reported[NI_TRACKED];

	if (nr >= NI_TRACKED || !reported[nr]) {
		if (nr < NI_TRACKED)
			reported[nr] = 1;
		printk("%s[%d]: system call %lu is not implemented (-ENOSYS)\n",
		       current->comm, current->pid, nr);
	}
	return -ENOSYS;
}
