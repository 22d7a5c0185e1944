/*
 * Process ids. alloc_pid() hands out the next free number after the last
 * one given, wrapping at pid_max (32768, Linux's default) back to 300 as
 * Linux does (low numbers stay for early daemons), and skipping numbers
 * still in use: a zombie keeps its pid until it is reaped, and a number
 * stays in use while it names a process group or a session, even after
 * the process of that pid is gone (Linux keeps its struct pid as long).
 *
 * Root may move pid_max (/proc/sys/kernel/pid_max) within Linux's bounds,
 * from 301 to PID_MAX_LIMIT (4,194,304 on 64-bit RISC-V, 32,768 on i386).
 * As Linux's pidmap did, the bitmap of pids in use is a page per 32,768
 * pids: the first page is static (boot and the default need no memory),
 * the others are allocated the first time a pid in their range is handed
 * out, and never freed.
 */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define RESERVED_PIDS 300
#define BITS_PER_PAGE (PAGE_SIZE * 8)
#define PIDMAP_ENTRIES ((PID_MAX_LIMIT + BITS_PER_PAGE - 1) / BITS_PER_PAGE)
#define BITS_PER_LONG (8 * sizeof(long))

int pid_max = PID_MAX_DEFAULT;
const int pid_max_min = RESERVED_PIDS + 1;
const int pid_max_max = PID_MAX_LIMIT;
int last_pid;	/* the last pid handed out (/proc/loadavg shows it) */

static unsigned long pidmap_first[BITS_PER_PAGE / BITS_PER_LONG];
static unsigned long *pidmap[PIDMAP_ENTRIES] = { pidmap_first };
static DEFINE_SPINLOCK(pidmap_lock);

/* The word of the bitmap that holds pid's bit (its page must exist). */
static unsigned long *pidmap_word(int pid)
{
	return &pidmap[pid / BITS_PER_PAGE][(pid % BITS_PER_PAGE) /
					    BITS_PER_LONG];
}

/* Give pidmap[i] a zeroed page, unless someone else just did (the
 * allocation sleeps, so pidmap_lock is not held); -ENOMEM if none. */
static int pidmap_extend(int i)
{
	unsigned long *page = kzalloc(PAGE_SIZE, GFP_KERNEL);

	spin_lock(&pidmap_lock);
	if (!pidmap[i]) {
		pidmap[i] = page;
		page = NULL;
	}
	spin_unlock(&pidmap_lock);
	kfree(page);
	return pidmap[i] ? 0 : -ENOMEM;
}

/* Returns a new pid; -EAGAIN when all of them are in use, -ENOMEM when
 * the bitmap page for the next range cannot be had. */
noinline pid_t alloc_pid(void)
{
	int pid, tries, max, err;
	unsigned long *word, bit;

again:
	spin_lock(&pidmap_lock);
	max = READ_ONCE(pid_max);
	pid = last_pid;
	for (tries = 0; tries < max; tries++) {
		pid++;
		if (pid >= max)
			pid = last_pid >= RESERVED_PIDS ? RESERVED_PIDS : 1;
		if (!pidmap[pid / BITS_PER_PAGE]) {
			spin_unlock(&pidmap_lock);
			err = pidmap_extend(pid / BITS_PER_PAGE);
			if (err)
				return err;
			goto again;
		}
		word = pidmap_word(pid);
		bit = 1UL << (pid % BITS_PER_LONG);
		if (!(*word & bit)) {
			*word |= bit;
			last_pid = pid;
			spin_unlock(&pidmap_lock);
			return pid;
		}
	}
	spin_unlock(&pidmap_lock);
	return -EAGAIN;
}

/* pid may be at or above today's pid_max if root lowered it since. */
void free_pid(pid_t pid)
{
	if (pid <= 0 || pid >= PID_MAX_LIMIT)
		return;
	spin_lock(&pidmap_lock);
	if (pidmap[pid / BITS_PER_PAGE])
		*pidmap_word(pid) &= ~(1UL << (pid % BITS_PER_LONG));
	spin_unlock(&pidmap_lock);
}

/* Whether nr still names a task, or the process group or the session of
 * a process (tasklist_lock held). */
static bool pid_nr_in_use(pid_t nr)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->pid == nr || (p->signal && (task_pgrp_nr(p) == nr ||
						   task_session_nr(p) == nr)))
			return true;
	return false;
}

/*
 * nr stopped naming one thing — its task was reaped, or a process left
 * the group or session it names: free it unless it names another still.
 * tasklist_lock held, so nobody joins a group meanwhile.
 */
void put_pid_nr(pid_t nr)
{
	if (nr > 0 && !pid_nr_in_use(nr))
		free_pid(nr);
}

struct task_struct *find_task_by_pid(pid_t pid)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->pid == pid)
			return p;
	return NULL;
}
