/*
 * /proc/<pid>/stat and /proc/<pid>/status, in Linux's formats: stat is
 * the one line of 52 fields that ps and top parse (man 5 proc lists
 * them in order), status the "Name:\tvalue" lines people read. Times are
 * in clock ticks (USER_HZ = HZ = 100), sizes in pages (stat) or kB
 * (status), signal masks as Linux prints them.
 *
 * Uid, Gid and Groups are the task's credentials; there is one CPU.
 */
#include <linux/cred.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/tty.h>
#include "internal.h"

/* Ignored and caught signals, from the process's signal actions. */
static void collect_sigign_sigcatch(struct task_struct *p, u64 *ign,
				    u64 *catch)
{
	int i;

	*ign = *catch = 0;
	if (!p->sighand)
		return;
	for (i = 0; i < _NSIG; i++) {
		unsigned long h = p->sighand->action[i].handler;

		if (h == SIG_IGN)
			*ign |= 1ULL << i;
		else if (h != SIG_DFL)
			*catch |= 1ULL << i;
	}
}

/*
 * The process's CPU time: its live threads' and what its exited threads
 * left in signal_struct (Linux's thread_group_cputime). The caller holds
 * a reference on p; tasklist_lock guards the walk.
 */
static void thread_group_cputime(struct task_struct *p, u64 *ut, u64 *st)
{
	struct signal_struct *sig = p->signal;
	struct task_struct *t;

	*ut = *st = 0;
	spin_lock_irq(&tasklist_lock);
	if (sig && sig->nr_threads > 1) {
		*ut = sig->utime;
		*st = sig->stime;
		for_each_process(t)
			if (t->signal == sig) {
				*ut += t->utime;
				*st += t->stime;
			}
	} else {
		*ut = p->utime + (sig ? sig->utime : 0);
		*st = p->stime + (sig ? sig->stime : 0);
	}
	spin_unlock_irq(&tasklist_lock);
}

static pid_t task_ppid(struct task_struct *p)
{
	return p->pid > 1 ? p->real_parent->tgid : 0;
}

/*
 * The task may exit, and be reaped, while we sleep on its mmap_lock: what
 * needs the address space is read first (the mm is held), and the rest —
 * signal_struct, sighand — only afterwards, with no sleep between reading
 * a pointer and using it (the kernel is not preempted).
 */
int proc_pid_stat(struct seq_file *m)
{
	struct task_struct *p = m->private;
	struct mm_struct *mm = get_task_mm(p);
	struct signal_struct *sig;
	struct tty_struct *tty;
	unsigned long vsize = 0, rss = 0, mmv[7] = { 0 };
	unsigned long start_code = 0, end_code = 0, start_stack = 0;
	u64 utime, stime, ign, catch;
	int nice = p->prio - DEFAULT_PRIO;

	if (mm) {
		vsize = task_vsize(mm);	/* may sleep */
		rss = get_mm_rss(mm);
		start_code = mm->start_code;
		end_code = mm->end_code;
		start_stack = mm->start_stack;
		mmv[0] = mm->start_data;
		mmv[1] = mm->end_data;
		mmv[2] = mm->start_brk;
		mmv[3] = mm->arg_start;
		mmv[4] = mm->arg_end;
		mmv[5] = mm->env_start;
		mmv[6] = mm->env_end;
		mmput(mm);
	}
	sig = p->signal;	/* NULL once reaped */
	tty = sig ? sig->tty : NULL;
	thread_group_cputime(p, &utime, &stime);
	collect_sigign_sigcatch(p, &ign, &catch);
	/* 1-13: pid (comm) state ppid pgrp session tty_nr tpgid flags
	 * minflt cminflt majflt cmajflt */
	seq_printf(m, "%d (%s) %c %d %d %d %d %d %u %lu %lu %lu %lu ",
		   p->pid, p->comm, task_state_name(p)[0], task_ppid(p),
		   task_pgrp_nr(p), task_session_nr(p), tty ? (int)tty->dev : 0,
		   tty ? tty_get_pgrp(tty) : -1, p->flags, p->min_flt,
		   sig ? sig->cmin_flt : 0, 0UL, 0UL);
	/* 14-22: utime stime cutime cstime priority nice num_threads
	 * itrealvalue starttime */
	seq_printf(m, "%llu %llu %llu %llu %d %d %d 0 %llu ",
		   (unsigned long long)utime, (unsigned long long)stime,
		   (unsigned long long)(sig ? sig->cutime : 0),
		   (unsigned long long)(sig ? sig->cstime : 0),
		   p->prio - MAX_RT_PRIO, nice, sig ? sig->nr_threads : 1,
		   (unsigned long long)(p->start_time / (NSEC_PER_SEC / HZ)));
	/* 23-30: vsize rss rsslim startcode endcode startstack kstkesp
	 * kstkeip (0 unless the task is dumping core, as Linux) */
	seq_printf(m, "%lu %lu %lu %lu %lu %lu 0 0 ", vsize, rss,
		   sig ? sig->rlim[RLIMIT_RSS].rlim_cur : RLIM_INFINITY,
		   start_code, end_code, start_stack);
	/* 31-35: signal blocked sigignore sigcatch wchan (1: asleep) */
	seq_printf(m, "%lu %lu %lu %lu %d ", (unsigned long)p->pending.signal,
		   (unsigned long)p->blocked, (unsigned long)ign,
		   (unsigned long)catch, p->__state != TASK_RUNNING &&
		   !p->exit_state);
	/* 36-44: nswap cnswap exit_signal processor rt_priority policy
	 * delayacct_blkio_ticks guest_time cguest_time */
	seq_printf(m, "0 0 %d 0 0 0 0 0 0 ", p->exit_signal);
	/* 45-52: start_data end_data start_brk arg_start arg_end
	 * env_start env_end exit_code */
	seq_printf(m, "%lu %lu %lu %lu %lu %lu %lu ", mmv[0], mmv[1], mmv[2],
		   mmv[3], mmv[4], mmv[5], mmv[6]);
	seq_printf(m, "%d\n", p->exit_state ? p->exit_code : 0);
	return 0;
}

/* Uid: and Gid: — real, effective, saved and file-system ids. */
static void task_cred_ids(struct seq_file *m, struct task_struct *p)
{
	const struct cred *cred = get_cred(p->cred);

	seq_printf(m, "Uid:\t%u\t%u\t%u\t%u\n", cred->uid, cred->euid,
		   cred->suid, cred->fsuid);
	seq_printf(m, "Gid:\t%u\t%u\t%u\t%u\n", cred->gid, cred->egid,
		   cred->sgid, cred->fsgid);
	put_cred(cred);
}

/* Groups: the supplementary groups, each followed by a space. */
static void task_groups(struct seq_file *m, struct task_struct *p)
{
	const struct cred *cred = get_cred(p->cred);
	int i;

	seq_puts(m, "Groups:\t");
	for (i = 0; cred->group_info && i < cred->group_info->ngroups; i++)
		seq_printf(m, "%u ", cred->group_info->gid[i]);
	seq_putc(m, '\n');
	put_cred(cred);
}

int proc_pid_status(struct seq_file *m)
{
	struct task_struct *p = m->private;
	struct mm_struct *mm = get_task_mm(p);
	struct signal_struct *sig = p->signal;
	struct files_struct *files = p->files;
	int threads = sig ? sig->nr_threads : 1;
	u64 ign, catch;

	/* Everything from the task first: task_mem may sleep, and the task
	 * may be reaped meanwhile (see proc_pid_stat). */
	collect_sigign_sigcatch(p, &ign, &catch);
	seq_printf(m, "Name:\t%s\n", p->comm);
	if (p->fs)	/* a zombie has none: no line, as Linux */
		seq_printf(m, "Umask:\t%04o\n", p->fs->umask);
	seq_printf(m, "State:\t%s\n", task_state_name(p));
	seq_printf(m, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\n"
		   "TracerPid:\t0\n", p->tgid, p->pid, task_ppid(p));
	task_cred_ids(m, p);
	seq_printf(m, "FDSize:\t%u\n",
		   files ? files_fdtable(files)->max_fds : 0);
	task_groups(m, p);
	seq_printf(m, "NStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n",
		   p->tgid, p->pid, task_pgrp_nr(p), task_session_nr(p));
	if (mm) {
		task_mem(m, mm);	/* may sleep */
		mmput(mm);
	}
	seq_printf(m, "Threads:\t%d\n", threads);
	seq_printf(m, "SigPnd:\t%016llx\nShdPnd:\t%016llx\n",
		   (unsigned long long)p->pending.signal,
		   (unsigned long long)(p->signal ?
					p->signal->shared_pending.signal : 0));
	seq_printf(m, "SigBlk:\t%016llx\nSigIgn:\t%016llx\nSigCgt:\t%016llx\n",
		   (unsigned long long)p->blocked, (unsigned long long)ign,
		   (unsigned long long)catch);
	seq_puts(m, "Cpus_allowed:\t1\nCpus_allowed_list:\t0\n");
	return 0;
}
