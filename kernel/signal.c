/*
 * Signals, simply: a signal is a bit in the target's pending mask, and the
 * target acts on it on its way back to user mode (do_signal). Clonix
 * carries out default actions — terminate, or ignore — and SIG_IGN; user
 * signal handlers are accepted by rt_sigaction but not yet called: such a
 * signal takes its default action, and the console says so once.
 * As in Linux, a signal whose action is to be ignored is dropped at once,
 * and pid 1 only gets the signals it has handlers for.
 */
#include <asm/signal.h>
#include <linux/syscalls.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/uaccess.h>






#define UNBLOCKABLE (sigmask(SIGKILL) | sigmask(SIGSTOP))
#define DEFAULT_IGNORED (sigmask(SIGCHLD) | sigmask(SIGCONT) | \
			 sigmask(SIGURG) | sigmask(SIGWINCH))

static bool sig_ignored(struct task_struct *p, int sig)
{
	unsigned long handler = p->sighand->action[sig - 1].handler;

	if (sig == SIGKILL)
		return p == child_reaper;
	if (handler == SIG_IGN)
		return true;
	if (handler == SIG_DFL)
		return (DEFAULT_IGNORED & sigmask(sig)) || p == child_reaper;
	return false;
}

void recalc_sigpending(void)
{
	if (current->pending.signal & ~(current->blocked & ~UNBLOCKABLE))
		current->thread_info.flags |= _TIF_SIGPENDING;
	else
		current->thread_info.flags &= ~_TIF_SIGPENDING;
}

/* Queue sig for p and, if it is not blocked, wake p from an interruptible
 * sleep so it acts on the signal on its way back to user mode. */
int send_sig(int sig, struct task_struct *p)
{
	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (!p->sighand || p->exit_state || sig_ignored(p, sig))
		return 0;
	__atomic_fetch_or(&p->pending.signal, sigmask(sig), __ATOMIC_RELAXED);
	if (sigmask(sig) & ~(p->blocked & ~UNBLOCKABLE)) {
		__atomic_fetch_or(&p->thread_info.flags, _TIF_SIGPENDING,
				  __ATOMIC_RELAXED);
		if (p->__state & TASK_INTERRUPTIBLE)
			wake_up_process(p);
	}
	return 0;
}

/* A fatal signal raised by the process itself (a bad memory access). */
void __noreturn force_sig_fatal(int sig)
{
	do_group_exit(sig);
}

/* A page fault found no free page for the process: it dies (SIGKILL),
 * as Linux's OOM killer would pick it, and the kernel goes on. */
void __noreturn out_of_memory_kill(void)
{
	printk("Out of memory: killed process %d (%s)\n", current->pid,
	       current->comm);
	force_sig_fatal(SIGKILL);
}

/* On the way back to user mode: act on pending, unblocked signals. */
void do_signal(struct pt_regs *regs)
{
	(void)regs;
	for (;;) {
		u64 ready = current->pending.signal & ~(current->blocked & ~UNBLOCKABLE);
		struct k_sigaction *ka;
		int sig;

		if (!ready)
			break;
		for (sig = 1; !(ready & sigmask(sig)); sig++)
			;	/* the lowest-numbered one first */
		current->pending.signal &= ~sigmask(sig);
		ka = &current->sighand->action[sig - 1];
		if (sig != SIGKILL && ka->handler == SIG_IGN)
			continue;
		if (sig != SIGKILL && ka->handler != SIG_DFL) {
			static bool told;

			if (!told) {
				told = true;
				printk("%s[%d]: signal %d has a handler, but "
				       "Clonix does not run user signal "
				       "handlers yet: default action\n",
				       current->comm, current->pid, sig);
			}
		}
		if (DEFAULT_IGNORED & sigmask(sig))
			continue;
		if (sig == SIGSTOP || sig == 20 || sig == 21 || sig == 22)
			continue;	/* no job control: stops are ignored */
		do_group_exit(sig);	/* the default action: terminate */
	}
	if (current->restore_sigmask) {	/* ppoll, pselect6 ended by one */
		current->restore_sigmask = false;
		current->blocked = current->saved_sigmask;
	}
	recalc_sigpending();
}

/*
 * May current signal p (Linux's check_kill_permission)? Its own thread
 * group and root (effective uid 0: Linux's CAP_KILL) always; anyone else
 * only a process whose real or saved uid is its real or effective uid.
 * Signal 0 asks the same question without sending anything.
 */
static int check_kill_permission(struct task_struct *p)
{
	const struct cred *cred = current_cred(), *tcred = p->real_cred;

	if (p->tgid == current->tgid || cred->euid == GLOBAL_ROOT_UID)
		return 0;
	if (cred->euid == tcred->suid || cred->euid == tcred->uid ||
	    cred->uid == tcred->suid || cred->uid == tcred->uid)
		return 0;
	return -EPERM;
}

/*
 * kill(2): one process (pid > 0), every process we may signal but init
 * and ourselves (-1; EPERM from some is no error), or a process group
 * (0, -pgrp: success if any got it).
 */
SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	struct task_struct *p;
	int found = 0, err = 0, sent = 0;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	spin_lock(&tasklist_lock);
	for_each_process(p) {
		bool match;
		int ret;

		if (pid > 0)
			match = p->pid == pid && p->tgid == pid;
		else if (pid == -1)
			match = p->pid > 1 && p->tgid != current->tgid &&
				p->group_leader == p;
		else	/* 0: our process group; < -1: group -pid */
			match = p->group_leader == p && p->signal &&
				task_pgrp_nr(p) == (pid ? -pid :
						    task_pgrp_nr(current));
		if (!match || (p->flags & PF_KTHREAD))
			continue;
		found++;
		ret = check_kill_permission(p);
		if (!ret && sig)
			ret = send_sig(sig, p);
		if (!ret)
			sent++;
		else if (pid != -1 || ret != -EPERM)
			err = ret;
	}
	spin_unlock(&tasklist_lock);
	if (!found)
		return -ESRCH;
	if (pid <= 0 && pid != -1 && sent)
		return 0;
	return err;
}

/* Send sig to every process of process group pgrp; priv: from the kernel
 * (the tty's Ctrl-C), without permission checks. 0 if any got it. */
int kill_pgrp(pid_t pgrp, int sig, int priv)
{
	int ret;

	spin_lock(&tasklist_lock);
	ret = __kill_pgrp(pgrp, sig, priv);
	spin_unlock(&tasklist_lock);
	return ret;
}

/* The same with tasklist_lock already held (exit's orphaned groups). */
int __kill_pgrp(pid_t pgrp, int sig, int priv)
{
	struct task_struct *p;
	int ret = -ESRCH, err;

	for_each_process(p) {
		if (p->group_leader != p || (p->flags & PF_KTHREAD) ||
		    !p->signal || task_pgrp_nr(p) != pgrp || !p->pid)
			continue;
		err = priv ? 0 : check_kill_permission(p);
		if (!err && sig)
			err = send_sig(sig, p);
		if (ret)
			ret = err;
	}
	return ret;
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	struct task_struct *p;
	int err;

	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	p = find_task_by_pid(pid);
	if (!p || p->tgid != tgid)
		return -ESRCH;
	err = check_kill_permission(p);
	return err || !sig ? err : send_sig(sig, p);
}

SYSCALL_DEFINE2(tkill, pid_t, pid, int, sig)
{
	struct task_struct *p = pid > 0 ? find_task_by_pid(pid) : NULL;
	int err;

	if (!p)
		return pid > 0 ? -ESRCH : -EINVAL;
	err = check_kill_permission(p);
	return err || !sig ? err : send_sig(sig, p);
}

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct sigaction *, act,
		struct sigaction *, oact, size_t, sigsetsize)
{
	struct k_sigaction *k;
	struct sigaction old, new;

	if (sigsetsize != sizeof(u64))
		return -EINVAL;
	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	k = &current->sighand->action[sig - 1];
	old.sa_handler = k->handler;
	old.sa_flags = k->flags;
	old.sa_mask = k->mask;
	if (act) {
		if (sig == SIGKILL || sig == SIGSTOP)
			return -EINVAL;
		if (copy_from_user(&new, act, sizeof(new)))
			return -EFAULT;
	}
	if (oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	if (act) {
		k->handler = new.sa_handler;
		k->flags = new.sa_flags;
		k->mask = new.sa_mask & ~UNBLOCKABLE;
		k->restorer = sigaction_restorer(&new);
		if (k->handler == SIG_IGN)
			current->pending.signal &= ~sigmask(sig);
	}
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, const u64 *, nset, u64 *, oset,
		size_t, sigsetsize)
{
	u64 old = current->blocked, set;

	if (sigsetsize != sizeof(u64))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&set, nset, sizeof(set)))
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK:
			current->blocked |= set;
			break;
		case SIG_UNBLOCK:
			current->blocked &= ~set;
			break;
		case SIG_SETMASK:
			current->blocked = set;
			break;
		default:
			return -EINVAL;
		}
		current->blocked &= ~UNBLOCKABLE;
		recalc_sigpending();
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(rt_sigpending, u64 *, uset, size_t, sigsetsize)
{
	u64 set = current->pending.signal & current->blocked;

	if (sigsetsize != sizeof(u64))
		return -EINVAL;
	return copy_to_user(uset, &set, sizeof(set)) ? -EFAULT : 0;
}
