/* System calls Clonix does not implement: -ENOSYS, and a note on the
 * console the first time each number is used, so a student sees what a
 * program asked for. */
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

#define NI_TRACKED 1024

/* Generated from Linux's headers by scripts/syscallnames.sh. */
extern const char *const syscall_names[];
extern const unsigned long nr_syscall_names;

long sys_ni_syscall(unsigned long nr)
{
	static unsigned char reported[NI_TRACKED];
	const char *name = nr < nr_syscall_names ? syscall_names[nr] : NULL;

	if (nr >= NI_TRACKED || !reported[nr]) {
		if (nr < NI_TRACKED)
			reported[nr] = 1;
		printk("%s[%d]: system call %lu (%s) is not implemented: "
		       "-ENOSYS\n", current->comm, current->pid, nr,
		       name ? name : "unknown to Linux");
	}
	return -ENOSYS;
}
