/*
 * Process ids. alloc_pid() hands out the next free number after the last
 * one given, wrapping at pid_max (32768, Linux's default) back to 300 as
 * Linux does (low numbers stay for early daemons), and skipping numbers
 * still in use. A bitmap records which are in use.
 */
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

#define PID_MAX_DEFAULT 32768
#define RESERVED_PIDS 300

int pid_max = PID_MAX_DEFAULT;
static unsigned long pidmap[PID_MAX_DEFAULT / (8 * sizeof(long))];
int last_pid;	/* the last pid handed out (/proc/loadavg shows it) */
static DEFINE_SPINLOCK(pidmap_lock);

#define BITS_PER_LONG (8 * sizeof(long))

static int pid_in_use(int pid)
{
	return (pidmap[pid / BITS_PER_LONG] >> (pid % BITS_PER_LONG)) & 1;
}

/* Returns a new pid, or -EAGAIN when all of them are in use. */
noinline pid_t alloc_pid(void)
{
	int pid, tries;

	spin_lock(&pidmap_lock);
	pid = last_pid;
	for (tries = 0; tries < pid_max; tries++) {
		pid++;
		if (pid >= pid_max)
			pid = last_pid >= RESERVED_PIDS ? RESERVED_PIDS : 1;
		if (!pid_in_use(pid)) {
			pidmap[pid / BITS_PER_LONG] |= 1UL << (pid % BITS_PER_LONG);
			last_pid = pid;
			spin_unlock(&pidmap_lock);
			return pid;
		}
	}
	spin_unlock(&pidmap_lock);
	return -EAGAIN;
}

void free_pid(pid_t pid)
{
	if (pid <= 0 || pid >= pid_max)
		return;
	spin_lock(&pidmap_lock);
	pidmap[pid / BITS_PER_LONG] &= ~(1UL << (pid % BITS_PER_LONG));
	spin_unlock(&pidmap_lock);
}

struct task_struct *find_task_by_pid(pid_t pid)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->pid == pid)
			return p;
	return NULL;
}
