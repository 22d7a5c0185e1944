/*
 * Ending tasks: do_exit() releases what a task holds (address space, files,
 * directories), gives its children to pid 1, becomes a zombie and tells its
 * parent. The parent's wait4() reads the exit status and release_task()
 * frees the rest. A kernel stack can only be freed once the task is off the
 * CPU, so the very last reference is dropped by finish_task_switch().
 */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/futex.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/time.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <uapi/linux/signal.h>

struct task_struct *child_reaper = &init_task;

/*
 * The address space is no longer ours (exit, or exec): the robust futexes
 * we hold are released while it is still there; if others share it (our
 * threads), the CLONE_CHILD_CLEARTID word is zeroed and its waiter woken
 * — pthread_join sleeps on it; a vfork parent may go on.
 */
void mm_release(struct task_struct *tsk)
{
	futex_exit_release(tsk);
	if (tsk->clear_child_tid) {
		if (tsk->mm &&
		    __atomic_load_n(&tsk->mm->mm_users, __ATOMIC_RELAXED) > 1) {
			put_user(0, tsk->clear_child_tid);
			do_futex((u32 __user *)tsk->clear_child_tid,
				 FUTEX_WAKE, 1, NULL, NULL, 0, 0);
		}
		tsk->clear_child_tid = NULL;
	}
	spin_lock(&vfork_lock);	/* a killed parent may take it back */
	if (tsk->vfork_done) {
		complete(tsk->vfork_done);
		tsk->vfork_done = NULL;
	}
	spin_unlock(&vfork_lock);
}

static void exit_mm(void)
{
	struct mm_struct *mm = current->mm;

	mm_release(current);
	if (!mm)
		return;
	mmgrab(mm);	/* stays loaded (active_mm) until we switch away */
	current->mm = NULL;
	mmput(mm);
}

static void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (files) {
		tsk->files = NULL;
		put_files_struct(files);
	}
}

static void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;

	if (fs) {
		tsk->fs = NULL;
		free_fs_struct(fs);
	}
}

/*
 * Orphaned process groups (POSIX, Linux's will_become_orphaned_pgrp): a
 * group is orphaned when no member has a parent in another group of the
 * same session, the parent that could bring a stopped job back. Would
 * group pgrp be orphaned without ignored_task? tasklist_lock held.
 */
int will_become_orphaned_pgrp(pid_t pgrp, struct task_struct *ignored_task)
{
	struct task_struct *p;

	for_each_process(p) {
		struct task_struct *parent = p->real_parent;

		if (p->group_leader != p || (p->flags & PF_KTHREAD) ||
		    !p->signal || task_pgrp_nr(p) != pgrp)
			continue;
		if (p == ignored_task || p->exit_state ||
		    is_global_init(parent))
			continue;
		if (task_pgrp_nr(parent) != pgrp &&
		    task_session_nr(parent) == task_session_nr(p))
			return 0;
	}
	return 1;
}

/* For the tty: a background read from an orphaned group gets EIO, not a
 * SIGTTIN nobody would answer with SIGCONT. */
int is_current_pgrp_orphaned(void)
{
	int retval;

	spin_lock_irq(&tasklist_lock);
	retval = will_become_orphaned_pgrp(task_pgrp_nr(current), NULL);
	spin_unlock_irq(&tasklist_lock);
	return retval;
}

static bool has_stopped_jobs(pid_t pgrp)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->group_leader == p && p->signal &&
		    !(p->flags & PF_KTHREAD) && task_pgrp_nr(p) == pgrp &&
		    (p->signal->flags & SIGNAL_STOP_STOPPED))
			return true;
	return false;
}

/*
 * tsk's exit (parent NULL) or its parent's exit (parent: the one going)
 * may leave tsk's group orphaned; if the group has stopped members it
 * gets SIGHUP then SIGCONT, so they neither stay stopped for ever nor go
 * on unaware (POSIX; Linux's kill_orphaned_pgrp). tasklist_lock held.
 */
static void kill_orphaned_pgrp(struct task_struct *tsk,
			       struct task_struct *parent)
{
	pid_t pgrp = task_pgrp_nr(tsk);
	struct task_struct *ignored_task = tsk;

	if (!parent)	/* we exit: were we the group's link outside? */
		parent = tsk->real_parent;
	else		/* our child's group: was our exit its last link? */
		ignored_task = NULL;
	if (task_pgrp_nr(parent) != pgrp &&
	    task_session_nr(parent) == task_session_nr(tsk) &&
	    will_become_orphaned_pgrp(pgrp, ignored_task) &&
	    has_stopped_jobs(pgrp)) {
		__kill_pgrp(pgrp, SIGHUP, 1);
		__kill_pgrp(pgrp, SIGCONT, 1);
	}
}

/* A thread of p's process that is not exiting, or NULL. */
static struct task_struct *find_alive_thread(struct task_struct *p)
{
	struct task_struct *t;

	list_for_each_entry(t, &p->signal->thread_head, thread_node)
		if (!(t->flags & PF_EXITING))
			return t;
	return NULL;
}

/* Who adopts father's children (Linux's find_new_reaper): another thread
 * of its process; else the nearest ancestor process that made itself a
 * child subreaper (prctl) and has a live thread; else init. */
static struct task_struct *find_new_reaper(struct task_struct *father)
{
	struct task_struct *reaper = find_alive_thread(father), *p;

	if (reaper)
		return reaper;
	for (p = father->real_parent; p != child_reaper &&
	     p != p->real_parent; p = p->real_parent) {
		if (!p->signal || !p->signal->is_child_subreaper)
			continue;
		reaper = find_alive_thread(p);
		if (reaper)
			return reaper;
	}
	return child_reaper;
}

/* Give our children to find_new_reaper's choice, which can wait for them
 * as we could (Linux's reparent_leader; tasklist_lock held). */
static void forget_original_parent(struct task_struct *father)
{
	struct task_struct *p, *n, *reaper = find_new_reaper(father);
	int zombies = 0;

	list_for_each_entry_safe(p, n, &father->children, sibling) {
		p->real_parent = p->parent = reaper;
		list_move_tail(&p->sibling, &reaper->children);
		if (reaper->signal != father->signal)
			p->exit_signal = SIGCHLD;	/* nobody slays init */
		if (p->exit_state == EXIT_ZOMBIE)
			zombies = 1;
		else if (thread_group_leader(p) && p->signal)
			kill_orphaned_pgrp(p, father);
	}
	if (zombies)
		wake_up(&reaper->signal->wait_chldexit);
}

/*
 * Become a zombie and tell the parent (do_notify_parent). A thread, or
 * the child of a parent that ignores SIGCHLD, is reaped at once instead.
 * A leader whose threads live on stays a zombie its parent does not hear
 * of until the last thread goes (release_task).
 */
static int exit_notify(struct task_struct *tsk, bool group_dead)
{
	bool autoreap;

	spin_lock_irq(&tasklist_lock);
	forget_original_parent(tsk);
	if (group_dead)
		kill_orphaned_pgrp(tsk->group_leader, NULL);
	if (thread_group_leader(tsk))
		autoreap = thread_group_empty(tsk) &&
			   (tsk->exit_signal < 0 ||
			    do_notify_parent(tsk, tsk->exit_signal));
	else
		autoreap = true;
	tsk->exit_state = autoreap ? EXIT_DEAD : EXIT_ZOMBIE;
	/* an execve in another thread waits for the leader to be gone */
	if (tsk->signal->notify_count < 0)
		wake_up_process(tsk->signal->group_exec_task);
	spin_unlock_irq(&tasklist_lock);
	return autoreap;
}

/*
 * Called when the parent has collected p's status (or p reaps itself).
 * The last thread of a process whose leader is already a zombie tells the
 * leader's parent now, and reaps the leader too if nobody will wait.
 */
noinline void release_task(struct task_struct *p)
{
	struct task_struct *leader = p->group_leader;
	struct signal_struct *sig = p->signal;
	bool zap_leader = false;

	spin_lock_irq(&tasklist_lock);
	if (p->sighand) {
		spin_lock(&p->sighand->siglock);
		list_del_init(&p->thread_node);
		spin_unlock(&p->sighand->siglock);
	}
	list_del_init(&p->tasks);
	list_del_init(&p->sibling);
	nr_threads--;
	if (!(p->flags & PF_KTHREAD))
		nr_processes_user--;
	if (sig && leader != p) {
		/* de_thread counts the other threads out */
		if (sig->notify_count > 0 && !--sig->notify_count)
			wake_up_process(sig->group_exec_task);
		if (thread_group_empty(leader) &&
		    leader->exit_state == EXIT_ZOMBIE) {
			zap_leader = leader->exit_signal < 0 ||
				     do_notify_parent(leader, leader->exit_signal);
			if (zap_leader)
				leader->exit_state = EXIT_DEAD;
		}
	}
	spin_unlock_irq(&tasklist_lock);
	proc_flush_pid(p);	/* /proc/<pid> goes */
	/* Our pid is free now, and our group's and session's ids if we were
	 * the last to use them (an id may outlive its leader's process). */
	spin_lock_irq(&tasklist_lock);
	put_pid_nr(p->pid);
	if (sig) {
		put_pid_nr(task_pgrp_nr(p));
		put_pid_nr(task_session_nr(p));
	}
	spin_unlock_irq(&tasklist_lock);
	if (p->sighand)
		flush_signals(p);	/* frees what was still queued */
	if (p->signal) {
		/* An exited thread's times stay with its process. */
		p->signal->utime += p->utime;
		p->signal->stime += p->stime;
		p->signal->min_flt += p->min_flt;
		p->signal->nr_threads--;
		put_signal_struct(p->signal);
		p->signal = NULL;
	}
	if (p->sighand) {
		__cleanup_sighand(p->sighand);
		p->sighand = NULL;
	}
	put_task_struct(p);
	if (zap_leader)
		release_task(leader);
}

noinline void __noreturn do_exit(long code)
{
	struct task_struct *tsk = current;
	bool group_dead;

	if (is_idle_task(tsk))
		panic("Attempted to kill the idle task!");
	tsk->flags |= PF_EXITING;
	if (tsk == child_reaper) {
		/* init lives on in another of its threads, if it has one */
		spin_lock_irq(&tasklist_lock);
		child_reaper = find_alive_thread(tsk);
		spin_unlock_irq(&tasklist_lock);
		if (!child_reaper)
			panic("Attempted to kill init! exitcode=0x%08lx", code);
	}
	/* The last thread out stops the process's timers (group_dead). */
	group_dead = !__atomic_sub_fetch(&tsk->signal->live, 1,
					 __ATOMIC_ACQ_REL);
	if (group_dead)
		itimer_exit(tsk->signal);
	exit_mm();
	exit_files(tsk);
	exit_fs(tsk);
	if (group_dead)
		disassociate_ctty(1);	/* a session leader's tty is free */
	tsk->exit_code = code;
	if (exit_notify(tsk, group_dead))
		release_task(tsk);

	/* The last schedule(): finish_task_switch frees our stack. */
	set_current_state(TASK_DEAD);
	schedule();
	panic("do_exit: a dead task ran again");
}

/*
 * exit_group(2), and a fatal signal: every thread of the process exits
 * (zap_other_threads sends the others SIGKILL) with one exit code. A
 * thread zapped by another's execve (de_thread) just goes.
 */
void __noreturn do_group_exit(int exit_code)
{
	struct signal_struct *sig = current->signal;
	struct sighand_struct *sighand = current->sighand;

	spin_lock_irq(&sighand->siglock);
	if (sig->flags & SIGNAL_GROUP_EXIT) {
		exit_code = sig->group_exit_code;	/* already decided */
	} else if (sig->group_exec_task) {
		exit_code = 0;
	} else {
		sig->group_exit_code = exit_code;
		sig->flags |= SIGNAL_GROUP_EXIT;
		zap_other_threads(current);
	}
	spin_unlock_irq(&sighand->siglock);
	do_exit(exit_code);
}

/* A reaped child's CPU time and faults, with those of its own reaped
 * children, count for us (cutime, cstime), as Linux's wait_task_zombie. */
static void account_reaped_child(struct task_struct *p)
{
	struct signal_struct *psig = current->signal, *sig = p->signal;

	psig->cutime += p->utime + sig->utime + sig->cutime;
	psig->cstime += p->stime + sig->stime + sig->cstime;
	psig->cmin_flt += p->min_flt + sig->min_flt + sig->cmin_flt;
}

/* Is p one of the children wait4's pid selects: that pid (> 0), any (-1),
 * our process group (0), or group -pid (< -1)? */
static int eligible_pid(pid_t upid, const struct task_struct *p)
{
	if (upid > 0)
		return p->pid == upid;
	if (upid == -1)
		return 1;
	return task_pgrp_nr(p) == (upid ? -upid : task_pgrp_nr(current));
}

/* ... and of the kind asked for: __WALL any child; __WCLONE only "clone"
 * children (which signal their parent with something else than SIGCHLD,
 * or nothing); otherwise only those that send SIGCHLD. */
static int eligible_child(pid_t upid, int options, const struct task_struct *p)
{
	if (!eligible_pid(upid, p))
		return 0;
	if (!(options & __WALL) &&
	    ((p->exit_signal != SIGCHLD) ^ !!(options & __WCLONE)))
		return 0;
	return 1;
}

/* The children wait4 looks at: those of every thread of our process
 * (Linux's do_wait), or only ours with __WNOTHREAD. One child list after
 * another; NULL at the end (tasklist_lock held). */
static struct task_struct *next_waiter(struct task_struct *t, int options)
{
	if (options & __WNOTHREAD)
		return NULL;
	if (t->thread_node.next == &t->signal->thread_head)
		return NULL;
	return list_entry(t->thread_node.next, struct task_struct,
			  thread_node);
}

/* WUNTRACED: a stopped child not yet reported; its status says which
 * signal stopped it (tasklist_lock held). */
static int wait_task_stopped(struct task_struct *p, int options, int *status)
{
	struct signal_struct *sig = p->signal;
	int code;

	if (!(options & WUNTRACED) || !sig ||
	    !(sig->flags & SIGNAL_STOP_STOPPED) || !sig->group_exit_code)
		return 0;
	code = sig->group_exit_code;
	sig->group_exit_code = 0;
	*status = (code << 8) | 0x7f;
	return 1;
}

/* WCONTINUED: a child continued by SIGCONT since we last looked. */
static int wait_task_continued(struct task_struct *p, int options, int *status)
{
	struct signal_struct *sig = p->signal;

	if (!(options & WCONTINUED) || !sig ||
	    !(sig->flags & SIGNAL_STOP_CONTINUED))
		return 0;
	sig->flags &= ~SIGNAL_STOP_CONTINUED;
	*status = 0xffff;
	return 1;
}

/*
 * One child, for wait4 (Linux's wait_consider_task; tasklist_lock held):
 * -1 if the pid and options do not select it, 0 if they do but it has
 * nothing to report yet, else its pid — a stop or continue to report, or
 * a zombie reaped — with *status set and tasklist_lock dropped. A leader
 * whose threads live on is not reaped yet (delay_group_leader).
 */
static pid_t wait_consider_task(struct task_struct *p, pid_t upid, int options,
				int *status)
{
	pid_t pid = p->pid;

	if (!eligible_child(upid, options, p))
		return -1;
	if (!p->exit_state && (wait_task_stopped(p, options, status) ||
			       wait_task_continued(p, options, status))) {
		spin_unlock_irq(&tasklist_lock);
		return pid;
	}
	if (p->exit_state != EXIT_ZOMBIE || delay_group_leader(p))
		return 0;
	/* the process's status: exit_group's, or its leader's own exit */
	*status = p->signal->flags & SIGNAL_GROUP_EXIT ?
			  p->signal->group_exit_code : p->exit_code;
	p->exit_state = EXIT_DEAD;
	account_reaped_child(p);
	spin_unlock_irq(&tasklist_lock);
	release_task(p);
	return pid;
}

/*
 * Wait for a child to exit (or stop or continue, with WUNTRACED and
 * WCONTINUED). upid > 0: that child; -1 any; 0 our group; < -1 group -upid.
 * Every thread's children count, unless __WNOTHREAD. Returns the child's
 * pid, 0 with WNOHANG when none is ready, -ECHILD when there is no such
 * child.
 */
noinline long kernel_wait4(pid_t upid, int __user *stat_addr, int options,
			   struct rusage __user *ru)
{
	DEFINE_WAIT(wait);
	long retval;

	(void)ru;
	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD |
			__WCLONE | __WALL))
		return -EINVAL;
	for (;;) {
		struct task_struct *t, *p;
		int found = 0, status = 0;
		pid_t pid = 0;

		prepare_to_wait(&current->signal->wait_chldexit, &wait,
				TASK_INTERRUPTIBLE);
		spin_lock_irq(&tasklist_lock);
		t = options & __WNOTHREAD ? current :
		    list_first_entry(&current->signal->thread_head,
				     struct task_struct, thread_node);
		for (; t && pid <= 0; t = next_waiter(t, options)) {
			list_for_each_entry(p, &t->children, sibling) {
				pid = wait_consider_task(p, upid, options,
							 &status);
				if (pid >= 0)
					found = 1;
				if (pid > 0)
					break;	/* tasklist_lock dropped */
			}
		}
		if (pid > 0) {
			finish_wait(&current->signal->wait_chldexit, &wait);
			if (stat_addr && put_user(status, stat_addr))
				return -EFAULT;
			return pid;
		}
		spin_unlock_irq(&tasklist_lock);
		if (!found) {
			retval = -ECHILD;
			break;
		}
		if (options & WNOHANG) {
			retval = 0;
			break;
		}
		if (signal_pending(current)) {
			retval = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&current->signal->wait_chldexit, &wait);
	return retval;
}

SYSCALL_DEFINE4(wait4, pid_t, upid, int __user *, stat_addr, int, options,
		struct rusage __user *, ru)
{
	return kernel_wait4(upid, stat_addr, options, ru);
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}
