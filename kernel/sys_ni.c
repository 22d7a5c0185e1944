/* System calls Clonix does not implement: -ENOSYS, and a note on the
 * console the first time each number is used (numbers past any table
 * share one note), so a student sees what a
 * program asked for. A call that programs probe for and are built to do
 * without (rseq: glibc registers every new thread with it) gets its own
 * quiet entry below instead: the answer is the same -ENOSYS, without a
 * note that would only be noise. */
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
	/* Every number from NI_TRACKED up (and every negative one) shares the
	 * last slot: a program trying random numbers must not be able to
	 * flood the console with one line per call. */
	static unsigned char reported[NI_TRACKED + 1];
	const char *name = nr < nr_syscall_names ? syscall_names[nr] : NULL;
	unsigned long slot = nr < NI_TRACKED ? nr : NI_TRACKED;

	if (!READ_ONCE(reported[slot])) {
		WRITE_ONCE(reported[slot], 1);
		printk("%s[%d]: system call %lu (%s) is not implemented: "
		       "-ENOSYS\n", current->comm, current->pid, nr,
		       name ? name : "unknown to Linux");
	}
	return -ENOSYS;
}

/*
 * rseq(2), restartable sequences, is optional in Linux too (CONFIG_RSEQ):
 * glibc calls it for every thread it starts, and on any error marks the
 * thread's struct rseq "registration failed" (cpu_id = -2) and uses the
 * getcpu call instead. Registration is a promise Clonix cannot keep yet:
 * the kernel must abort a thread's registered critical section whenever
 * it is preempted or takes a signal, and rewrite cpu_id on every return
 * to user mode. So the answer is Linux's without CONFIG_RSEQ, -ENOSYS,
 * quietly: glibc expects it and nothing is missing for the program.
 */
SYSCALL_DEFINE4(rseq, void __user *, rseq, u32, rseq_len, int, flags, u32, sig)
{
	(void)rseq;
	(void)rseq_len;
	(void)flags;
	(void)sig;
	return -ENOSYS;
}
