/*
 * Signals, as Linux's kernel/signal.c does them, in the simplest true form.
 *
 * Sending (send_signal): the signal's bit goes into the target's pending
 * set — the thread's own (tkill, tgkill, a fault) or the process's shared
 * one (kill, the tty, SIGCHLD) — with a struct sigqueue carrying its
 * siginfo (who sent it, why). A standard signal already pending is not
 * queued again; a real-time one is, once per sending. complete_signal
 * wakes a thread that does not block it.
 *
 * Delivering: on its way back to user mode a thread with TIF_SIGPENDING
 * calls the arch's arch_do_signal_or_restart, which asks get_signal for
 * the next signal to act on. get_signal carries out default actions
 * itself (ignore, stop, terminate) and returns the ones with a handler;
 * the arch code then builds the signal frame on the user stack
 * (handle_signal -> setup_rt_frame) and signal_setup_done blocks the
 * handler's mask. The handler returns through rt_sigreturn, which puts
 * every register back (restore_sigcontext).
 *
 * Job control: SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU stop every thread of the
 * process (do_signal_stop) and SIGCONT wakes them (prepare_signal); the
 * parent hears of both through SIGCHLD and wait4's WUNTRACED/WCONTINUED.
 *
 * Locking: sighand->siglock (taken with interrupts off: the timer and the
 * tty send signals from interrupts) guards the pending sets, the blocked
 * mask, the actions and the job-control flags; the thread list is walked
 * under it too (threads join and leave holding it).
 */
#include <asm/signal.h>
#include <linux/syscalls.h>
#include <linux/bitops.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/posix-timers.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/uaccess.h>

#define UNBLOCKABLE (sigmask(SIGKILL) | sigmask(SIGSTOP))
/* The default action of each standard signal (signal(7)). */
#define SIG_KERNEL_IGNORE_MASK (sigmask(SIGCONT) | sigmask(SIGCHLD) | \
				sigmask(SIGWINCH) | sigmask(SIGURG))
#define SIG_KERNEL_STOP_MASK (sigmask(SIGSTOP) | sigmask(SIGTSTP) | \
			      sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define SIG_KERNEL_ONLY_MASK (sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIG_KERNEL_COREDUMP_MASK (sigmask(SIGQUIT) | sigmask(SIGILL) | \
	sigmask(SIGTRAP) | sigmask(SIGABRT) | sigmask(SIGFPE) | \
	sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGSYS) | \
	sigmask(SIGXCPU) | sigmask(SIGXFSZ))
#define SYNCHRONOUS_MASK (sigmask(SIGSEGV) | sigmask(SIGBUS) | \
			  sigmask(SIGILL) | sigmask(SIGTRAP) | \
			  sigmask(SIGFPE) | sigmask(SIGSYS))

#define sig_kernel_ignore(sig) \
	((sig) < SIGRTMIN && (sigmask(sig) & SIG_KERNEL_IGNORE_MASK))
#define sig_kernel_stop(sig) \
	((sig) < SIGRTMIN && (sigmask(sig) & SIG_KERNEL_STOP_MASK))
#define sig_kernel_only(sig) \
	((sig) < SIGRTMIN && (sigmask(sig) & SIG_KERNEL_ONLY_MASK))
#define legacy_queue(pending, sig) \
	((sig) < SIGRTMIN && ((pending)->signal & sigmask(sig)))

/* Linux's for_each_thread: every thread of p's process (siglock or
 * tasklist_lock held). */
#define for_each_thread(p, t) \
	list_for_each_entry(t, &(p)->signal->thread_head, thread_node)

static struct kmem_cache *sigqueue_cachep;

void __init signals_init(void)
{
	sigqueue_cachep = kmem_cache_create("sigqueue",
					    sizeof(struct sigqueue), 8);
	if (!sigqueue_cachep)
		panic("signals_init: no sigqueue cache");
}

static inline bool valid_signal(int sig)
{
	return sig >= 1 && sig <= _NSIG;
}

/* ---------------------------------------------------------------------
 * Pending sets
 */

static u64 pending_unblocked(struct task_struct *t)
{
	return (t->pending.signal | t->signal->shared_pending.signal) &
	       ~t->blocked;
}

/* Set or clear t's TIF_SIGPENDING from what is pending and not blocked
 * (siglock held). */
static bool recalc_sigpending_tsk(struct task_struct *t)
{
	if (pending_unblocked(t) || (t->jobctl & JOBCTL_STOP_PENDING)) {
		__atomic_fetch_or(&t->thread_info.flags, _TIF_SIGPENDING,
				  __ATOMIC_RELAXED);
		return true;
	}
	return false;
}

void recalc_sigpending(void)
{
	if (!recalc_sigpending_tsk(current))
		__atomic_fetch_and(&current->thread_info.flags,
				   ~_TIF_SIGPENDING, __ATOMIC_RELAXED);
}

/* Queued siginfos, kernel-wide, against RLIMIT_SIGPENDING (Linux counts
 * them per user). */
static int nr_sigqueues;

static void __sigqueue_free(struct sigpending *list, struct sigqueue *q)
{
	(void)list;
	list_del(&q->list);
	kmem_cache_free(sigqueue_cachep, q);
	__atomic_fetch_sub(&nr_sigqueues, 1, __ATOMIC_RELAXED);
}

void flush_sigqueue(struct sigpending *queue)
{
	struct sigqueue *q, *n;

	queue->signal = 0;
	list_for_each_entry_safe(q, n, &queue->list, list)
		__sigqueue_free(queue, q);
}

/* Forget everything pending for t (exit). */
void flush_signals(struct task_struct *t)
{
	unsigned long flags;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	__atomic_fetch_and(&t->thread_info.flags, ~_TIF_SIGPENDING,
			   __ATOMIC_RELAXED);
	flush_sigqueue(&t->pending);	/* the process's: put_signal_struct */
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
}

/* Remove the signals in mask from a pending set (siglock held). */
static void flush_sigqueue_mask(u64 mask, struct sigpending *s)
{
	struct sigqueue *q, *n;

	if (!(s->signal & mask))
		return;
	s->signal &= ~mask;
	list_for_each_entry_safe(q, n, &s->list, list)
		if (mask & sigmask(q->info.si_signo))
			__sigqueue_free(s, q);
}

/* Take sig off a pending set, with its siginfo: the first queued one; a
 * real-time signal queued again stays pending. A signal with no sigqueue
 * (sent by the kernel without one, or when none could be allocated) gets
 * the siginfo Linux gives it then. */
static void collect_signal(int sig, struct sigpending *list, siginfo_t *info)
{
	struct sigqueue *q, *first = NULL;
	bool again = false;

	list_for_each_entry(q, &list->list, list) {
		if (q->info.si_signo != sig)
			continue;
		if (first) {
			again = true;
			break;
		}
		first = q;
	}
	if (!again)
		list->signal &= ~sigmask(sig);
	if (first) {
		*info = first->info;
		__sigqueue_free(list, first);
	} else {
		memset(info, 0, sizeof(*info));
		info->si_signo = sig;
		info->si_code = SI_KERNEL;
	}
}

/* The next signal of a pending set not in mask: synchronous ones (a
 * fault) first, then the lowest-numbered. */
static int next_signal(struct sigpending *pending, u64 mask)
{
	u64 ready = pending->signal & ~mask;

	if (!ready)
		return 0;
	if (ready & SYNCHRONOUS_MASK)
		ready &= SYNCHRONOUS_MASK;
	if ((u32)ready)	/* a long may be 32 bits */
		return __ffs((u32)ready) + 1;
	return __ffs((u32)(ready >> 32)) + 33;
}

/* Dequeue a signal not in mask: the thread's own first, then the
 * process's (siglock held). */
static int dequeue_signal(struct task_struct *tsk, u64 mask, siginfo_t *info)
{
	int sig = next_signal(&tsk->pending, mask);

	if (sig) {
		collect_signal(sig, &tsk->pending, info);
	} else {
		sig = next_signal(&tsk->signal->shared_pending, mask);
		if (sig)
			collect_signal(sig, &tsk->signal->shared_pending, info);
	}
	if (sig == SIGALRM)	/* an interval ITIMER_REAL starts again */
		posixtimer_rearm_itimer(tsk);
	recalc_sigpending();	/* tsk is current */
	return sig;
}

/* ---------------------------------------------------------------------
 * Sending
 */

static bool sig_handler_ignored(unsigned long handler, int sig)
{
	return handler == SIG_IGN || (handler == SIG_DFL &&
				      sig_kernel_ignore(sig));
}

/* Is sig to be dropped on arrival? Only when nobody could want it: not
 * blocked (the action may change before it is unblocked), ignored, and
 * for init any signal it has no handler for. */
static bool sig_ignored(struct task_struct *t, int sig, bool force)
{
	unsigned long handler = t->sighand->action[sig - 1].handler;

	if (t->blocked & sigmask(sig) & ~UNBLOCKABLE)
		return false;
	if ((t->signal->flags & SIGNAL_UNKILLABLE) && handler == SIG_DFL &&
	    !(force && sig_kernel_only(sig)))
		return true;
	return sig_handler_ignored(handler, sig);
}

/* Set the job-control state, keeping the other flags (init's
 * SIGNAL_UNKILLABLE). */
static void signal_set_stop_flags(struct signal_struct *sig,
				  unsigned int flags)
{
	sig->flags = (sig->flags & ~(SIGNAL_CLD_MASK | SIGNAL_STOP_STOPPED |
				     SIGNAL_STOP_CONTINUED)) | flags;
}

/* Wake t to act on a signal: from an interruptible sleep, and for
 * SIGKILL (resume) from a stop too. */
static void signal_wake_up(struct task_struct *t, bool resume)
{
	__atomic_fetch_or(&t->thread_info.flags, _TIF_SIGPENDING,
			  __ATOMIC_RELAXED);
	wake_up_state(t, TASK_INTERRUPTIBLE |
		      (resume ? __TASK_STOPPED | TASK_WAKEKILL : 0));
}

/*
 * What arrival does before queueing (siglock held): a stop signal cancels
 * a pending SIGCONT; SIGCONT cancels pending stops and wakes a stopped
 * process, whose parent will hear CLD_CONTINUED. Returns whether the
 * signal is to be queued at all.
 */
static bool prepare_signal(int sig, struct task_struct *p, bool force)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t;

	if (signal->flags & SIGNAL_GROUP_EXIT)
		return sig == SIGKILL;	/* it is dying anyway */
	if (sig_kernel_stop(sig)) {
		flush_sigqueue_mask(sigmask(SIGCONT), &signal->shared_pending);
		for_each_thread(p, t)
			flush_sigqueue_mask(sigmask(SIGCONT), &t->pending);
	} else if (sig == SIGCONT) {
		unsigned int why = 0;

		flush_sigqueue_mask(SIG_KERNEL_STOP_MASK,
				    &signal->shared_pending);
		for_each_thread(p, t) {
			flush_sigqueue_mask(SIG_KERNEL_STOP_MASK, &t->pending);
			t->jobctl &= ~JOBCTL_STOP_PENDING;
			wake_up_state(t, __TASK_STOPPED);
		}
		if (signal->flags & SIGNAL_STOP_STOPPED)
			why = SIGNAL_CLD_CONTINUED;
		else if (signal->group_stop_count)
			why = SIGNAL_CLD_STOPPED;
		if (why) {
			/* The parent is told by the first thread to run
			 * (get_signal): we may be in an interrupt here. */
			signal_set_stop_flags(signal,
					      why | SIGNAL_STOP_CONTINUED);
			signal->group_stop_count = 0;
			signal->group_exit_code = 0;
		}
	}
	return !sig_ignored(p, sig, force);
}

/* SIGKILL to every other thread of p's process, for exit_group and for
 * an execve from a thread (siglock held). Returns how many others there
 * are, exited ones included (de_thread counts them out). */
int zap_other_threads(struct task_struct *p)
{
	struct task_struct *t;
	int count = 0;

	p->signal->group_stop_count = 0;
	for_each_thread(p, t) {
		if (t == p)
			continue;
		t->jobctl &= ~JOBCTL_STOP_PENDING;
		count++;
		if (t->exit_state)
			continue;	/* already gone */
		t->pending.signal |= sigmask(SIGKILL);
		signal_wake_up(t, true);
	}
	return count;
}

/* Would t act on sig now? */
static bool wants_signal(int sig, struct task_struct *t)
{
	if (t->blocked & sigmask(sig))
		return false;
	if (t->flags & PF_EXITING)
		return false;
	if (sig == SIGKILL)
		return true;
	return !(t->thread_info.flags & _TIF_SIGPENDING) ||
	       t == current;
}

/* Pick the thread that will act on a newly queued signal and wake it; a
 * process-directed signal goes to any thread that does not block it. A
 * fatal SIGKILL reaches every thread at once. */
static void complete_signal(int sig, struct task_struct *p, bool group)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t = p;

	if (!wants_signal(sig, p)) {
		if (!group || signal->nr_threads <= 1)
			return;
		t = NULL;
		for_each_thread(p, t)
			if (wants_signal(sig, t))
				break;
		if (!t || &t->thread_node == &signal->thread_head)
			return;	/* every thread blocks it: it waits */
	}
	if (sig == SIGKILL && !(signal->flags & SIGNAL_GROUP_EXIT) &&
	    group) {
		signal->flags |= SIGNAL_GROUP_EXIT;
		signal->group_exit_code = sig;
		signal->group_stop_count = 0;
		for_each_thread(p, t) {
			t->jobctl &= ~JOBCTL_STOP_PENDING;
			t->pending.signal |= sigmask(SIGKILL);
			signal_wake_up(t, true);
		}
		return;
	}
	signal_wake_up(t, sig == SIGKILL);
}

/* The sender's siginfo for SEND_SIG_NOINFO (a user's kill) and
 * SEND_SIG_PRIV (the kernel). */
static void fill_siginfo(siginfo_t *to, int sig, siginfo_t *info)
{
	memset(to, 0, sizeof(*to));
	to->si_signo = sig;
	if (info == SEND_SIG_NOINFO) {
		to->si_code = SI_USER;
		to->si_pid = current->tgid;
		to->si_uid = current_cred()->uid;
	} else if (info == SEND_SIG_PRIV) {
		to->si_code = SI_KERNEL;
	} else {
		*to = *info;
	}
}

/* Queue sig for p (siglock held). */
static int send_signal(int sig, siginfo_t *info, struct task_struct *p,
			      bool group)
{
	struct sigpending *pending;
	struct sigqueue *q;

	if (!prepare_signal(sig, p, info == SEND_SIG_PRIV))
		return 0;
	pending = group ? &p->signal->shared_pending : &p->pending;
	if (legacy_queue(pending, sig))
		return 0;	/* standard signals coalesce */
	/* SIGKILL and SIGSTOP, and what the kernel sends without a
	 * siginfo (it may be in an interrupt), need no queue entry. */
	if (sig != SIGKILL && sig != SIGSTOP &&
	    (info != SEND_SIG_PRIV || sig >= SIGRTMIN)) {
		q = NULL;
		if ((unsigned long)nr_sigqueues <
		    task_rlimit(p, RLIMIT_SIGPENDING))
			q = kmem_cache_alloc(sigqueue_cachep, GFP_KERNEL);
		if (q) {
			__atomic_fetch_add(&nr_sigqueues, 1,
					   __ATOMIC_RELAXED);
			fill_siginfo(&q->info, sig, info);
			list_add_tail(&q->list, &pending->list);
		} else if (sig >= SIGRTMIN && info != SEND_SIG_NOINFO &&
			   info != SEND_SIG_PRIV && info->si_code != SI_USER) {
			return -EAGAIN;	/* sigqueue(3) says EAGAIN */
		}
	}
	pending->signal |= sigmask(sig);
	complete_signal(sig, p, group);
	return 0;
}

static int do_send_sig_info(int sig, siginfo_t *info, struct task_struct *p,
			    bool group)
{
	unsigned long flags;
	int ret;

	if (!valid_signal(sig))
		return -EINVAL;
	/* A dead task is past caring; but a leader that exited before its
	 * threads still stands for its process (a live thread takes it). */
	if (!p->sighand || (p->exit_state && !(group && delay_group_leader(p))))
		return 0;
	spin_lock_irqsave(&p->sighand->siglock, flags);
	ret = send_signal(sig, info, p, group);
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	return ret;
}

int send_sig_info(int sig, siginfo_t *info, struct task_struct *p)
{
	return do_send_sig_info(sig, info, p, false);
}

int group_send_sig_info(int sig, siginfo_t *info, struct task_struct *p)
{
	return do_send_sig_info(sig, info, p, true);
}

int send_sig(int sig, struct task_struct *p)
{
	return send_sig_info(sig, SEND_SIG_PRIV, p);
}

/*
 * A signal the thread brought on itself (a fault): it must be acted on,
 * so it is unblocked, and if it was blocked or ignored its action goes
 * back to the default (Linux's force_sig_info_to_task).
 */
static void force_sig_info(siginfo_t *info)
{
	struct task_struct *t = current;
	struct k_sigaction *ka = &t->sighand->action[info->si_signo - 1];
	u64 m = sigmask(info->si_signo);
	unsigned long flags;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	if (ka->handler == SIG_IGN || (t->blocked & m)) {
		t->blocked &= ~m;
		if (ka->handler == SIG_IGN)
			ka->handler = SIG_DFL;
	}
	send_signal(info->si_signo, info, t, false);
	recalc_sigpending();
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
}

/* A fault in user mode (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP): the
 * signal with si_code and the faulting address, acted on as the thread
 * returns to user mode — by its handler if it has one. */
void force_sig_fault(int sig, int code, void __user *addr)
{
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = code;
	info.si_addr = addr;
	force_sig_info(&info);
}

/* A signal frame could not be written or read back: the process dies of
 * SIGSEGV (its SIGSEGV handler, if that was the one, is reset first). */
void force_sigsegv(int sig)
{
	if (sig == SIGSEGV)
		current->sighand->action[SIGSEGV - 1].handler = SIG_DFL;
	force_sig_fault(SIGSEGV, SI_KERNEL, NULL);
}

/* A fatal signal raised by the process itself, where it cannot go on. */
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

/* Does the process have a handler for sig that it would run now? The
 * arch fault code prints "unhandled signal" only when it does not. */
bool sig_handled(int sig)
{
	unsigned long h = current->sighand->action[sig - 1].handler;

	return h != SIG_DFL && h != SIG_IGN &&
	       !(current->blocked & sigmask(sig));
}

/* ---------------------------------------------------------------------
 * Telling the parent
 */

static void fill_chld_info(siginfo_t *info, struct task_struct *tsk,
			   int code, int status)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = SIGCHLD;
	info->si_code = code;
	info->si_pid = tsk->tgid;
	info->si_uid = tsk->real_cred->uid;
	info->si_status = status;
	info->si_utime = tsk->utime + tsk->signal->utime;
	info->si_stime = tsk->stime + tsk->signal->stime;
}

/*
 * tsk's process has ended: send its parent sig (normally SIGCHLD) with
 * CLD_EXITED or CLD_KILLED and wake it in wait4. Returns true when nobody
 * will wait for the zombie — the parent ignores SIGCHLD or set
 * SA_NOCLDWAIT — so it reaps itself (tasklist_lock held).
 */
bool do_notify_parent(struct task_struct *tsk, int sig)
{
	struct task_struct *parent = tsk->parent;
	struct sighand_struct *psig = parent->sighand;
	bool autoreap = false;
	siginfo_t info;
	int code = tsk->exit_code;

	if (code & 0x7f)
		fill_chld_info(&info, tsk, code & 0x80 ? CLD_DUMPED :
			       CLD_KILLED, code & 0x7f);
	else
		fill_chld_info(&info, tsk, CLD_EXITED, code >> 8);
	if (psig && sig == SIGCHLD) {
		struct k_sigaction *ka = &psig->action[SIGCHLD - 1];

		if (ka->handler == SIG_IGN || (ka->flags & SA_NOCLDWAIT)) {
			autoreap = true;
			if (ka->handler == SIG_IGN)
				sig = 0;
		}
	}
	if (sig > 0 && valid_signal(sig))
		group_send_sig_info(sig, &info, parent);
	wake_up(&parent->signal->wait_chldexit);
	return autoreap;
}

/* tsk's process stopped or continued (why: CLD_STOPPED, CLD_CONTINUED):
 * SIGCHLD to the parent unless it asked for none (SA_NOCLDSTOP), and a
 * wake-up for wait4's WUNTRACED / WCONTINUED. */
static void do_notify_parent_cldstop(struct task_struct *tsk, int why)
{
	struct task_struct *parent;
	struct k_sigaction *ka;
	siginfo_t info;

	spin_lock_irq(&tasklist_lock);
	tsk = tsk->group_leader;
	parent = tsk->real_parent;
	if (!parent->sighand) {
		spin_unlock_irq(&tasklist_lock);
		return;
	}
	fill_chld_info(&info, tsk, why, why == CLD_CONTINUED ? SIGCONT :
		       tsk->signal->group_exit_code & 0x7f);
	ka = &parent->sighand->action[SIGCHLD - 1];
	if (ka->handler != SIG_IGN && !(ka->flags & SA_NOCLDSTOP))
		group_send_sig_info(SIGCHLD, &info, parent);
	wake_up(&parent->signal->wait_chldexit);
	spin_unlock_irq(&tasklist_lock);
}

/* ---------------------------------------------------------------------
 * Stopping
 */

/*
 * Stop for signr (0: take part in a group stop another thread started).
 * The first thread sets every other thread's JOBCTL_STOP_PENDING; the
 * last one to stop marks the process stopped and tells the parent. Each
 * sleeps in __TASK_STOPPED until SIGCONT or SIGKILL (siglock held on
 * entry, dropped on return).
 */
static void do_signal_stop(int signr)
{
	struct signal_struct *sig = current->signal;
	struct task_struct *t;
	bool notify = false;

	if (!(current->jobctl & JOBCTL_STOP_PENDING)) {
		if (!signr || (sig->flags & SIGNAL_GROUP_EXIT)) {
			spin_unlock_irq(&current->sighand->siglock);
			return;
		}
		sig->group_exit_code = signr;
		sig->flags &= ~SIGNAL_STOP_CONTINUED;
		sig->group_stop_count = 0;
		for_each_thread(current, t) {
			if (t->flags & PF_EXITING)
				continue;
			sig->group_stop_count++;
			if (t != current) {
				t->jobctl |= JOBCTL_STOP_PENDING;
				signal_wake_up(t, false);
			}
		}
		current->jobctl |= JOBCTL_STOP_PENDING;
	}
	current->jobctl &= ~JOBCTL_STOP_PENDING;
	if (sig->group_stop_count && !--sig->group_stop_count) {
		signal_set_stop_flags(sig, SIGNAL_STOP_STOPPED);
		notify = true;
	}
	set_current_state(__TASK_STOPPED);
	spin_unlock_irq(&current->sighand->siglock);
	if (notify)
		do_notify_parent_cldstop(current, CLD_STOPPED);
	schedule();
}

/* ---------------------------------------------------------------------
 * Delivering
 */

/*
 * The next signal for the current thread to act on. Default actions
 * happen here: ignore, stop (and then look again), or terminate the
 * process (which does not return). A signal with a handler is returned
 * in ksig for the arch to deliver; false when there is none.
 */
bool get_signal(struct ksignal *ksig)
{
	struct sighand_struct *sighand = current->sighand;
	struct signal_struct *signal = current->signal;
	int signr;

relock:
	spin_lock_irq(&sighand->siglock);
	if (signal->flags & SIGNAL_CLD_MASK) {
		int why = signal->flags & SIGNAL_CLD_CONTINUED ?
				  CLD_CONTINUED : CLD_STOPPED;

		signal->flags &= ~SIGNAL_CLD_MASK;
		spin_unlock_irq(&sighand->siglock);
		do_notify_parent_cldstop(current, why);
		goto relock;
	}
	for (;;) {
		struct k_sigaction *ka;

		if ((signal->flags & SIGNAL_GROUP_EXIT) ||
		    (current->pending.signal & sigmask(SIGKILL))) {
			spin_unlock_irq(&sighand->siglock);
			do_group_exit(signal->flags & SIGNAL_GROUP_EXIT ?
					      signal->group_exit_code :
					      SIGKILL);
		}
		if (current->jobctl & JOBCTL_STOP_PENDING) {
			do_signal_stop(0);
			goto relock;
		}
		signr = dequeue_signal(current, current->blocked, &ksig->info);
		if (!signr)
			break;
		ka = &sighand->action[signr - 1];
		if (ka->handler == SIG_IGN)
			continue;
		if (ka->handler != SIG_DFL) {
			ksig->ka = *ka;
			if (ka->flags & SA_RESETHAND)
				ka->handler = SIG_DFL;
			break;
		}
		if (sig_kernel_ignore(signr))
			continue;
		/* init is not killed or stopped by what it does not handle
		 * (SIGKILL and SIGSTOP included: sent by a user, they never
		 * reach it; a fault's signal is forced and does). */
		if ((signal->flags & SIGNAL_UNKILLABLE) &&
		    !sig_kernel_only(signr) &&
		    !(sigmask(signr) & SYNCHRONOUS_MASK))
			continue;
		if (sig_kernel_stop(signr)) {
			if (signr != SIGSTOP) {
				spin_unlock_irq(&sighand->siglock);
				if (is_current_pgrp_orphaned())
					goto relock;
				spin_lock_irq(&sighand->siglock);
			}
			do_signal_stop(signr);
			goto relock;
		}
		spin_unlock_irq(&sighand->siglock);
		/* The default action: terminate (with a core-dump flag for
		 * the signals that would dump one; Clonix writes no core). */
		do_group_exit(signr);
	}
	spin_unlock_irq(&sighand->siglock);
	ksig->sig = signr;
	return signr > 0;
}

/* The mask a handler's frame saves: the one sigsuspend/ppoll replaced,
 * if the signal ended one of those, else the current one. */
u64 sigmask_to_save(void)
{
	return current->restore_sigmask ? current->saved_sigmask :
					  current->blocked;
}

void set_current_blocked(u64 newset)
{
	spin_lock_irq(&current->sighand->siglock);
	current->blocked = newset & ~UNBLOCKABLE;
	recalc_sigpending();
	spin_unlock_irq(&current->sighand->siglock);
}

/*
 * What becomes of a system call a signal interrupted (the arch knows it
 * came from one), by the -ERESTART* code it returned: with a handler
 * about to run (handler true, its sa_flags), EINTR unless SA_RESTART
 * asks for the call again; with none, the call again — through
 * restart_syscall for -ERESTART_RESTARTBLOCK. The arch then applies it:
 * the result register, and the pc back onto the trap instruction.
 */
enum syscall_restart syscall_restart_action(long ret, bool handler,
					    unsigned long sa_flags)
{
	switch (ret) {
	case -ERESTART_RESTARTBLOCK:
		return handler ? RESTART_EINTR : RESTART_BLOCK;
	case -ERESTARTNOHAND:
		return handler ? RESTART_EINTR : RESTART_AGAIN;
	case -ERESTARTSYS:
		return handler && !(sa_flags & SA_RESTART) ? RESTART_EINTR :
							     RESTART_AGAIN;
	case -ERESTARTNOINTR:
		return RESTART_AGAIN;
	default:
		return RESTART_NONE;	/* a real result: it stands */
	}
}

/* No handler ran: the mask sigsuspend/ppoll/pselect6 swapped in goes. */
void restore_saved_sigmask(void)
{
	if (current->restore_sigmask) {
		current->restore_sigmask = false;
		set_current_blocked(current->saved_sigmask);
	}
}

/*
 * The frame is built (failed == 0): block the handler's mask, and the
 * signal itself unless SA_NODEFER, for as long as the handler runs; the
 * frame holds the mask to put back. If it could not be built, the
 * process dies of SIGSEGV.
 */
void signal_setup_done(int failed, struct ksignal *ksig, int stepping)
{
	u64 blocked;

	(void)stepping;
	if (failed) {
		force_sigsegv(ksig->sig);
		return;
	}
	current->restore_sigmask = false;
	blocked = current->blocked | ksig->ka.mask;
	if (!(ksig->ka.flags & SA_NODEFER))
		blocked |= sigmask(ksig->sig);
	set_current_blocked(blocked);
	if (current->sas_ss_flags & SS_AUTODISARM) {
		current->sas_ss_sp = 0;
		current->sas_ss_size = 0;
	}
}

/* ---------------------------------------------------------------------
 * The alternate signal stack
 */

int __save_altstack(stack_t __user *uss, unsigned long sp)
{
	stack_t ss = {
		.ss_sp = (void __user *)current->sas_ss_sp,
		.ss_flags = sas_ss_flags(sp) | (current->sas_ss_flags &
						SS_AUTODISARM),
		.ss_size = current->sas_ss_size,
	};

	return copy_to_user(uss, &ss, sizeof(ss)) ? -EFAULT : 0;
}

static int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp)
{
	stack_t old = {
		.ss_sp = (void __user *)current->sas_ss_sp,
		.ss_size = current->sas_ss_size,
		.ss_flags = sas_ss_flags(sp) | (current->sas_ss_flags &
						SS_AUTODISARM),
	};

	if (ss) {
		unsigned int mode = ss->ss_flags & ~SS_AUTODISARM;

		if (on_sig_stack(sp))
			return -EPERM;
		if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
			return -EINVAL;
		if (mode == SS_DISABLE) {
			current->sas_ss_sp = 0;
			current->sas_ss_size = 0;
		} else {
			if (ss->ss_size < MINSIGSTKSZ)
				return -ENOMEM;
			current->sas_ss_sp = (unsigned long)ss->ss_sp;
			current->sas_ss_size = ss->ss_size;
		}
		current->sas_ss_flags = ss->ss_flags;
	}
	if (oss)
		*oss = old;
	return 0;
}

SYSCALL_DEFINE2(sigaltstack, const stack_t __user *, uss,
		stack_t __user *, uoss)
{
	stack_t new, old;
	int err;

	if (uss && copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	err = do_sigaltstack(uss ? &new : NULL, uoss ? &old : NULL,
			     user_stack_pointer(current_pt_regs()));
	if (!err && uoss && copy_to_user(uoss, &old, sizeof(old)))
		err = -EFAULT;
	return err;
}

/* rt_sigreturn: the alternate stack as the frame saved it. */
int restore_altstack(const stack_t __user *uss)
{
	stack_t new;

	if (copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	(void)do_sigaltstack(&new, NULL, user_stack_pointer(
					       current_pt_regs()));
	return 0;	/* errors here are ignored, as in Linux */
}

/* ---------------------------------------------------------------------
 * kill and friends
 */

/*
 * May current signal p (Linux's check_kill_permission)? Its own thread
 * group and root (effective uid 0: Linux's CAP_KILL) always; anyone else
 * only a process whose real or saved uid is its real or effective uid;
 * SIGCONT within a session too. Signal 0 asks without sending anything.
 */
static int check_kill_permission(int sig, struct task_struct *p)
{
	const struct cred *cred = current_cred(), *tcred = p->real_cred;

	if (p->tgid == current->tgid || cred->euid == GLOBAL_ROOT_UID)
		return 0;
	if (cred->euid == tcred->suid || cred->euid == tcred->uid ||
	    cred->uid == tcred->suid || cred->uid == tcred->uid)
		return 0;
	if (sig == SIGCONT && task_session_nr(p) == task_session_nr(current))
		return 0;
	return -EPERM;
}

static int kill_one(int sig, siginfo_t *info, struct task_struct *p,
		    bool priv)
{
	int err = priv ? 0 : check_kill_permission(sig, p);

	/* A zombie is still there to be signalled, as on Linux, but the
	 * signal has nobody to act on: it is dropped (prepare_signal). */
	if (!err && sig && (!p->exit_state || delay_group_leader(p)))
		err = group_send_sig_info(sig, info, p);
	return err;
}

/* A process kill() may name: its leader, zombie or not, until reaped. */
static bool is_user_process(struct task_struct *p)
{
	return p->group_leader == p && !(p->flags & PF_KTHREAD) &&
	       p->signal && p->pid > 0;
}

/* Send to every process of group pgrp (tasklist_lock held); 0 if any got
 * it, else the last error (-ESRCH if the group is empty). */
static int __kill_pgrp_info(int sig, siginfo_t *info, pid_t pgrp, bool priv)
{
	struct task_struct *p;
	int ret = -ESRCH, err;
	bool any = false;

	for_each_process(p) {
		if (!is_user_process(p) || task_pgrp_nr(p) != pgrp)
			continue;
		err = kill_one(sig, info, p, priv);
		any |= !err;
		ret = err;
	}
	return any ? 0 : ret;
}

static int kill_pgrp_info(int sig, siginfo_t *info, pid_t pgrp, bool priv)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	ret = __kill_pgrp_info(sig, info, pgrp, priv);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* The tty's Ctrl-C and the like (priv: from the kernel, unchecked). */
int kill_pgrp(pid_t pgrp, int sig, int priv)
{
	return kill_pgrp_info(sig, priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO,
			      pgrp, priv);
}

/* The same with tasklist_lock held (exit's orphaned process groups). */
int __kill_pgrp(pid_t pgrp, int sig, int priv)
{
	return __kill_pgrp_info(sig, priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO,
				pgrp, priv);
}

/*
 * kill(2) and rt_sigqueueinfo(2): one process (pid > 0), our own process
 * group (0), the group -pid, or every process we may signal but init and
 * ourselves (-1: success if any got it).
 */
static int kill_something_info(int sig, siginfo_t *info, pid_t pid)
{
	struct task_struct *p;
	int ret = -ESRCH, err;
	bool any = false;

	if (!valid_signal(sig) && sig)
		return -EINVAL;
	if (pid > 0) {
		spin_lock_irq(&tasklist_lock);
		p = find_task_by_pid(pid);
		if (p && p->tgid == pid && p->signal)	/* zombies too */
			ret = kill_one(sig, info, p, false);
		spin_unlock_irq(&tasklist_lock);
		return ret;
	}
	if (pid != -1)
		return kill_pgrp_info(sig, info, pid ? -pid :
				      task_pgrp_nr(current), false);
	spin_lock_irq(&tasklist_lock);
	for_each_process(p) {
		if (!is_user_process(p) || p->pid <= 1 ||
		    p->tgid == current->tgid)
			continue;
		err = kill_one(sig, info, p, false);
		if (err != -EPERM)
			ret = err;
		any |= !err;
	}
	spin_unlock_irq(&tasklist_lock);
	return any ? 0 : ret;
}

SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	if (pid == (pid_t)0x80000000)
		return -ESRCH;	/* -INT_MIN is no group */
	return kill_something_info(sig, SEND_SIG_NOINFO, pid);
}

/* tkill/tgkill: one thread, with SI_TKILL. */
static int do_tkill(pid_t tgid, pid_t pid, int sig)
{
	struct task_struct *p;
	siginfo_t info;
	int err = -ESRCH;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = SI_TKILL;
	info.si_pid = current->tgid;
	info.si_uid = current_cred()->uid;
	spin_lock_irq(&tasklist_lock);
	p = find_task_by_pid(pid);
	if (p && (tgid <= 0 || p->tgid == tgid) && p->sighand &&
	    !p->exit_state) {
		err = check_kill_permission(sig, p);
		if (!err && sig)
			err = send_sig_info(sig, &info, p);
	}
	spin_unlock_irq(&tasklist_lock);
	return err;
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	if (pid <= 0 || tgid <= 0 || (sig && !valid_signal(sig)))
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

SYSCALL_DEFINE2(tkill, pid_t, pid, int, sig)
{
	if (pid <= 0 || (sig && !valid_signal(sig)))
		return -EINVAL;
	return do_tkill(0, pid, sig);
}

/* A siginfo from user space may not pretend to come from the kernel or
 * from kill (si_code >= 0) or tkill, unless it is sent to ourselves. */
static int copy_user_siginfo(siginfo_t *info, int sig,
			     const siginfo_t __user *uinfo,
			     pid_t target)
{
	if (copy_from_user(info, uinfo, sizeof(*info)))
		return -EFAULT;
	if ((info->si_code >= 0 || info->si_code == SI_TKILL) &&
	    target != current->tgid)
		return -EPERM;
	info->si_signo = sig;
	return 0;
}

SYSCALL_DEFINE3(rt_sigqueueinfo, pid_t, pid, int, sig,
		siginfo_t __user *, uinfo)
{
	siginfo_t info;
	int err = copy_user_siginfo(&info, sig, uinfo, pid);

	if (err)
		return err;
	if (pid <= 0)
		return -ESRCH;	/* a process, not a group */
	return kill_something_info(sig, &info, pid);
}

SYSCALL_DEFINE4(rt_tgsigqueueinfo, pid_t, tgid, pid_t, pid, int, sig,
		siginfo_t __user *, uinfo)
{
	struct task_struct *p;
	siginfo_t info;
	int err;

	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	err = copy_user_siginfo(&info, sig, uinfo, tgid);
	if (err)
		return err;
	if (!valid_signal(sig) && sig)
		return -EINVAL;
	spin_lock_irq(&tasklist_lock);
	p = find_task_by_pid(pid);
	err = -ESRCH;
	if (p && p->tgid == tgid && p->sighand && !p->exit_state) {
		err = check_kill_permission(sig, p);
		if (!err && sig)
			err = send_sig_info(sig, &info, p);
	}
	spin_unlock_irq(&tasklist_lock);
	return err;
}

/* ---------------------------------------------------------------------
 * Actions and masks
 */

int do_sigaction(int sig, struct k_sigaction *act, struct k_sigaction *oact)
{
	struct k_sigaction *k;
	struct task_struct *t;

	if (!valid_signal(sig) || (act && sig_kernel_only(sig)))
		return -EINVAL;
	k = &current->sighand->action[sig - 1];
	spin_lock_irq(&current->sighand->siglock);
	if (oact)
		*oact = *k;
	if (act) {
		*k = *act;
		k->mask &= ~UNBLOCKABLE;
		/* POSIX: setting an action to ignore discards what is
		 * pending, in every thread. */
		if (sig_handler_ignored(k->handler, sig)) {
			flush_sigqueue_mask(sigmask(sig),
					    &current->signal->shared_pending);
			for_each_thread(current, t)
				flush_sigqueue_mask(sigmask(sig), &t->pending);
		}
	}
	spin_unlock_irq(&current->sighand->siglock);
	return 0;
}

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct sigaction __user *, act,
		struct sigaction __user *, oact, size_t, sigsetsize)
{
	struct k_sigaction new, old;
	struct sigaction sa;
	int ret;

	if (sigsetsize != sizeof(u64))
		return -EINVAL;
	if (act) {
		if (copy_from_user(&sa, act, sizeof(sa)))
			return -EFAULT;
		new.handler = sa.sa_handler;
		new.flags = sa.sa_flags;
		new.mask = sa.sa_mask;
		new.restorer = sigaction_restorer(&sa);
	}
	ret = do_sigaction(sig, act ? &new : NULL, oact ? &old : NULL);
	if (!ret && oact) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = old.handler;
		sa.sa_flags = old.flags;
		sa.sa_mask = old.mask;
		sigaction_set_restorer(&sa, old.restorer);
		if (copy_to_user(oact, &sa, sizeof(sa)))
			return -EFAULT;
	}
	return ret;
}

int sigprocmask(int how, u64 *set, u64 *oldset)
{
	u64 newset;

	if (oldset)
		*oldset = current->blocked;
	if (!set)
		return 0;
	switch (how) {
	case SIG_BLOCK:
		newset = current->blocked | *set;
		break;
	case SIG_UNBLOCK:
		newset = current->blocked & ~*set;
		break;
	case SIG_SETMASK:
		newset = *set;
		break;
	default:
		return -EINVAL;
	}
	set_current_blocked(newset);
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, const u64 __user *, nset,
		u64 __user *, oset,
		size_t, sigsetsize)
{
	u64 old, set;
	int err;

	if (sigsetsize != sizeof(u64))
		return -EINVAL;
	if (nset && copy_from_user(&set, nset, sizeof(set)))
		return -EFAULT;
	err = sigprocmask(how, nset ? &set : NULL, &old);
	if (err)
		return err;
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* What is pending and blocked, for the thread and its process. */
u64 do_sigpending(void)
{
	u64 set;

	spin_lock_irq(&current->sighand->siglock);
	set = (current->pending.signal | current->signal->shared_pending.signal)
	      & current->blocked;
	spin_unlock_irq(&current->sighand->siglock);
	return set;
}

SYSCALL_DEFINE2(rt_sigpending, u64 __user *, uset, size_t, sigsetsize)
{
	u64 set = do_sigpending();

	if (sigsetsize > sizeof(u64))
		return -EINVAL;
	return copy_to_user(uset, &set, sigsetsize) ? -EFAULT : 0;
}

/* ---------------------------------------------------------------------
 * Waiting for signals
 */

/* Sleep with mask in place until a signal is delivered; the old mask is
 * put back after its handler (restore_sigmask). Always "fails" with
 * EINTR, which is what sigsuspend(2) returns. */
long sigsuspend(u64 mask)
{
	current->saved_sigmask = current->blocked;
	set_current_blocked(mask);
	while (!signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	}
	current->restore_sigmask = true;
	return -ERESTARTNOHAND;
}

SYSCALL_DEFINE2(rt_sigsuspend, const u64 __user *, unewset, size_t, sigsetsize)
{
	u64 newset;

	if (sigsetsize != sizeof(u64))
		return -EINVAL;
	if (copy_from_user(&newset, unewset, sizeof(newset)))
		return -EFAULT;
	return sigsuspend(newset);
}

/* pause(2), on the architectures that have it (i386). */
SYSCALL_DEFINE0(pause)
{
	while (!signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	}
	return -ERESTARTNOHAND;
}

/*
 * rt_sigtimedwait: take one of the signals in these (which the caller
 * normally blocks) with its siginfo, waiting until the absolute time end
 * (ktime_get_ns; 0: not at all, ~0ULL: for ever). While waiting, those
 * signals are unblocked so that their arrival wakes us; any other
 * unblocked signal ends the wait with EINTR, the time with EAGAIN.
 */
static int do_sigtimedwait(u64 these, siginfo_t *info, u64 end)
{
	struct task_struct *tsk = current;
	u64 mask;
	int sig;

	these &= ~UNBLOCKABLE;
	mask = ~these;
	spin_lock_irq(&tsk->sighand->siglock);
	sig = dequeue_signal(tsk, mask, info);
	if (!sig && end) {
		tsk->real_blocked = tsk->blocked;
		tsk->blocked &= mask;
		recalc_sigpending();
		spin_unlock_irq(&tsk->sighand->siglock);
		for (;;) {
			set_current_state(TASK_INTERRUPTIBLE);
			if (signal_pending(tsk))
				break;
			if (end == ~0ULL)
				schedule();
			else if (!schedule_hrtimeout(end))
				break;	/* the time has come */
		}
		__set_current_state(TASK_RUNNING);
		spin_lock_irq(&tsk->sighand->siglock);
		tsk->blocked = tsk->real_blocked;
		tsk->real_blocked = 0;
		recalc_sigpending();
		sig = dequeue_signal(tsk, mask, info);
	}
	spin_unlock_irq(&tsk->sighand->siglock);
	if (sig)
		return sig;
	return signal_pending(tsk) ? -EINTR : -EAGAIN;
}

static long sigtimedwait_common(const u64 __user *uthese,
				siginfo_t __user *uinfo,
				const struct timespec64 *ts, size_t sigsetsize)
{
	u64 end = ~0ULL, these;
	siginfo_t info;
	int ret;

	if (sigsetsize != sizeof(u64))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	if (ts) {
		if (ts->tv_sec < 0 || ts->tv_nsec < 0 ||
		    ts->tv_nsec >= (long)NSEC_PER_SEC)
			return -EINVAL;
		end = 0;	/* a zero timeout: only what is pending now */
		if (ts->tv_sec || ts->tv_nsec)
			end = ktime_get_ns() + timespec64_to_ns(ts);
	}
	ret = do_sigtimedwait(these, &info, end);
	if (ret > 0 && uinfo && copy_to_user(uinfo, &info, sizeof(info)))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE4(rt_sigtimedwait, const u64 __user *, uthese,
		siginfo_t __user *, uinfo,
		const struct __kernel_timespec __user *, uts,
		size_t, sigsetsize)
{
	struct timespec64 ts;

	if (uts && get_timespec64(&ts, uts))
		return -EFAULT;
	return sigtimedwait_common(uthese, uinfo, uts ? &ts : NULL,
				   sigsetsize);
}

/* i386's rt_sigtimedwait, with a 32-bit time (rt_sigtimedwait_time64 is
 * the one above). */
SYSCALL_DEFINE4(rt_sigtimedwait_time32, const u64 __user *, uthese,
		siginfo_t __user *, uinfo,
		const struct old_timespec32 __user *, uts,
		size_t, sigsetsize)
{
	struct timespec64 ts;

	if (uts && get_old_timespec32(&ts, uts))
		return -EFAULT;
	return sigtimedwait_common(uthese, uinfo, uts ? &ts : NULL,
				   sigsetsize);
}

/* ---------------------------------------------------------------------
 * Restarting
 */

long do_no_restart_syscall(struct restart_block *parm)
{
	(void)parm;
	return -EINTR;
}

/* restart_syscall(2): the arch code re-executes an interrupted call as
 * this one when it returned -ERESTART_RESTARTBLOCK. */
SYSCALL_DEFINE0(restart_syscall)
{
	struct restart_block *restart = &current->restart_block;

	if (!restart->fn)
		return -EINTR;
	return restart->fn(restart);
}
