/*
 * Job control on a terminal (Linux's drivers/tty/tty_jobctrl.c): which
 * session a terminal controls (tty->session) and which of its process
 * groups is in the foreground (tty->pgrp); a process's controlling
 * terminal (signal->tty); the checks that stop a background job touching
 * the terminal (SIGTTIN, SIGTTOU); and the ioctls that set all this up
 * (TIOCSCTTY, TIOCNOTTY, TIOCGPGRP, TIOCSPGRP, TIOCGSID).
 *
 * Locks: tty->ctrl_lock guards tty->session and tty->pgrp;
 * tasklist_lock guards the process tree and every signal->tty of a
 * session we clear. A process's own signal->tty is one pointer.
 */
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/tty.h>
#include <linux/uaccess.h>

/* The foreground process group (0: none). */
pid_t tty_get_pgrp(struct tty_struct *tty)
{
	pid_t pgrp;

	spin_lock(&tty->ctrl_lock);
	pgrp = tty->pgrp;
	spin_unlock(&tty->ctrl_lock);
	return pgrp;
}

struct tty_struct *get_current_tty(void)
{
	return READ_ONCE(current->signal->tty);
}

/* ISIG and SIGWINCH: a signal from the terminal to its foreground group. */
void tty_signal_pgrp(struct tty_struct *tty, int sig)
{
	pid_t pgrp = tty_get_pgrp(tty);

	if (pgrp > 0)
		kill_pgrp(pgrp, sig, 1);
}

/* Is sig ignored or blocked by current? Then it would not stop us. */
static bool is_ignored(int sig)
{
	return (current->blocked & sigmask(sig)) ||
	       current->sighand->action[sig - 1].handler == SIG_IGN;
}

/*
 * May current use tty as its foreground group would? Only a process
 * whose controlling terminal tty is needs asking. A background process
 * gets sig (SIGTTIN for reading, SIGTTOU for writing under TOSTOP and
 * for changing the terminal) sent to its whole group and -ERESTARTSYS,
 * so the call is made again once the job is in the foreground; or -EIO
 * when nobody would continue it (its group is orphaned) or, for a read,
 * when it ignores SIGTTIN. Ignoring SIGTTOU lets the write through.
 *
 * Unlike Linux, which never applies this to /dev/console, Clonix does:
 * its console is the only terminal, and shells run their jobs on it.
 */
int __tty_check_change(struct tty_struct *tty, int sig)
{
	pid_t pgrp, tty_pgrp;

	if (current->signal->tty != tty)
		return 0;
	pgrp = task_pgrp_nr(current);
	tty_pgrp = tty_get_pgrp(tty);
	if (!tty_pgrp || pgrp == tty_pgrp)
		return 0;
	if (is_ignored(sig))
		return sig == SIGTTIN ? -EIO : 0;
	if (is_current_pgrp_orphaned())
		return -EIO;
	kill_pgrp(pgrp, sig, 1);
	return -ERESTARTSYS;
}

int tty_check_change(struct tty_struct *tty)
{
	return __tty_check_change(tty, SIGTTOU);
}

/* Make tty current's controlling terminal, with current's session and
 * group in charge (Linux's __proc_set_tty). */
static void proc_set_tty(struct tty_struct *tty)
{
	spin_lock(&tty->ctrl_lock);
	tty->session = task_session_nr(current);
	tty->pgrp = task_pgrp_nr(current);
	spin_unlock(&tty->ctrl_lock);
	WRITE_ONCE(current->signal->tty, tty);
}

/* p no longer has a controlling terminal (setsid, TIOCNOTTY). */
void proc_clear_tty(struct task_struct *p)
{
	WRITE_ONCE(p->signal->tty, NULL);
}

/*
 * Opening a terminal without O_NOCTTY makes it the controlling terminal
 * of a session leader that has none, if no session has it yet and the
 * file is open for reading (Linux's tty_open_proc_set_tty).
 */
void tty_open_proc_set_tty(struct file *file, struct tty_struct *tty)
{
	if (file->f_flags & O_NOCTTY)
		return;
	if (!current->signal->leader || current->signal->tty)
		return;
	if ((file->f_flags & O_ACCMODE) == O_WRONLY)
		return;
	spin_lock(&tty->ctrl_lock);
	if (tty->session) {
		spin_unlock(&tty->ctrl_lock);
		return;
	}
	spin_unlock(&tty->ctrl_lock);
	proc_set_tty(tty);
}

/* Every process of session sid loses its controlling terminal. */
static void session_clear_tty(pid_t sid)
{
	struct task_struct *p;

	spin_lock_irq(&tasklist_lock);
	for_each_process(p)
		if (p->signal && !(p->flags & PF_KTHREAD) &&
		    task_session_nr(p) == sid)
			WRITE_ONCE(p->signal->tty, NULL);
	spin_unlock_irq(&tasklist_lock);
}

/*
 * A session leader gives up its terminal: at its exit (on_exit) or by
 * TIOCNOTTY. The foreground group gets SIGHUP (and SIGCONT, for
 * TIOCNOTTY), the terminal is free for another session, and nobody in
 * the session has it any more (Linux's disassociate_ctty; Linux hangs
 * the terminal up at exit, which Clonix's console does not do).
 */
void disassociate_ctty(int on_exit)
{
	struct tty_struct *tty;
	pid_t pgrp;

	if (!current->signal || !current->signal->leader)
		return;
	tty = get_current_tty();
	if (!tty)
		return;
	pgrp = tty_get_pgrp(tty);
	if (pgrp > 0) {
		kill_pgrp(pgrp, SIGHUP, on_exit);
		if (!on_exit)
			kill_pgrp(pgrp, SIGCONT, on_exit);
	}
	spin_lock(&tty->ctrl_lock);
	tty->session = 0;
	tty->pgrp = 0;
	spin_unlock(&tty->ctrl_lock);
	session_clear_tty(task_session_nr(current));
}

/* TIOCSCTTY: a session leader without a terminal takes tty. If another
 * session has it, only root asking with arg 1 may steal it. */
static long tiocsctty(struct tty_struct *tty, struct file *file, int arg)
{
	pid_t old;

	if (current->signal->leader &&
	    task_session_nr(current) == READ_ONCE(tty->session))
		return 0;	/* ours already */
	if (!current->signal->leader || current->signal->tty)
		return -EPERM;
	spin_lock(&tty->ctrl_lock);
	old = tty->session;
	spin_unlock(&tty->ctrl_lock);
	if (old) {
		if (arg != 1 || current_cred()->euid != GLOBAL_ROOT_UID)
			return -EPERM;
		session_clear_tty(old);	/* steal it */
	}
	if ((file->f_flags & O_ACCMODE) == O_WRONLY &&
	    current_cred()->euid != GLOBAL_ROOT_UID)
		return -EPERM;
	proc_set_tty(tty);
	return 0;
}

/* TIOCNOTTY: drop our controlling terminal; a leader frees it. */
static long tiocnotty(struct tty_struct *tty)
{
	if (current->signal->tty != tty)
		return -ENOTTY;
	if (current->signal->leader)
		disassociate_ctty(0);
	proc_clear_tty(current);
	return 0;
}

/* TIOCGPGRP: the foreground group of our own controlling terminal. */
static long tiocgpgrp(struct tty_struct *tty, int __user *p)
{
	pid_t pgrp;

	if (current->signal->tty != tty)
		return -ENOTTY;
	pgrp = tty_get_pgrp(tty);
	return copy_to_user(p, &pgrp, sizeof(pgrp)) ? -EFAULT : 0;
}

/*
 * TIOCSPGRP (tcsetpgrp): make group *p of our session the foreground.
 * A background caller gets SIGTTOU first (tty_check_change).
 */
static long tiocspgrp(struct tty_struct *tty, int __user *p)
{
	struct task_struct *g;
	pid_t pgrp;
	long retval = tty_check_change(tty);

	if (retval == -EIO)
		return -ENOTTY;
	if (retval)
		return retval;
	if (current->signal->tty != tty ||
	    READ_ONCE(tty->session) != task_session_nr(current))
		return -ENOTTY;
	if (copy_from_user(&pgrp, p, sizeof(pgrp)))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	spin_lock_irq(&tasklist_lock);
	g = find_pgrp_member(pgrp);
	if (!g)
		retval = -ESRCH;
	else if (task_session_nr(g) != task_session_nr(current))
		retval = -EPERM;
	else {
		spin_lock(&tty->ctrl_lock);
		tty->pgrp = pgrp;
		spin_unlock(&tty->ctrl_lock);
	}
	spin_unlock_irq(&tasklist_lock);
	return retval;
}

/* TIOCGSID: the session our controlling terminal belongs to. */
static long tiocgsid(struct tty_struct *tty, int __user *p)
{
	pid_t sid;

	if (current->signal->tty != tty)
		return -ENOTTY;
	spin_lock(&tty->ctrl_lock);
	sid = tty->session;
	spin_unlock(&tty->ctrl_lock);
	if (!sid)
		return -ENOTTY;
	return copy_to_user(p, &sid, sizeof(sid)) ? -EFAULT : 0;
}

/* The job-control ioctls; -ENOIOCTLCMD for any other. */
long tty_jobctrl_ioctl(struct tty_struct *tty, struct file *file,
		       unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case TIOCNOTTY:
		return tiocnotty(tty);
	case TIOCSCTTY:
		return tiocsctty(tty, file, (int)arg);
	case TIOCGPGRP:
		return tiocgpgrp(tty, (int __user *)arg);
	case TIOCSPGRP:
		return tiocspgrp(tty, (int __user *)arg);
	case TIOCGSID:
		return tiocgsid(tty, (int __user *)arg);
	}
	return -ENOIOCTLCMD;
}
