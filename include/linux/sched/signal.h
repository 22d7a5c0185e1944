/* Signals and the per-process (thread-group) state: signal_struct holds
 * what all threads of a process share (resource limits, the wait queue a
 * parent sleeps on in wait4), sighand_struct the signal actions. */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/compiler.h>
#include <linux/init.h>
#include <linux/sched.h>
#include <linux/posix-timers.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/wait.h>
#include <uapi/linux/resource.h>
#include <uapi/linux/signal.h>
#include <uapi/linux/wait.h>

/* A signal's bit in a task's pending and blocked masks. */
#define sigmask(sig) (1ULL << ((sig) - 1))

struct k_sigaction {
	unsigned long handler;	/* SIG_DFL, SIG_IGN or a user address */
	unsigned long flags;
	unsigned long restorer;
	u64 mask;
};

struct tty_struct;

/* One queued signal and what the sender said with it (kill's pid and uid,
 * sigqueue's value, SIGCHLD's status, a fault's address). */
struct sigqueue {
	struct list_head list;
	siginfo_t info;
};

/* A signal about to be delivered: get_signal's answer to the arch code,
 * which builds the frame (handle_signal, setup_rt_frame). */
struct ksignal {
	struct k_sigaction ka;
	siginfo_t info;
	int sig;
};

/* Who may be told what: info pointers with a meaning of their own. */
#define SEND_SIG_NOINFO ((siginfo_t *)0)	/* from user space: SI_USER */
#define SEND_SIG_PRIV ((siginfo_t *)1)	/* from the kernel: SI_KERNEL */

struct sighand_struct {
	int count;		/* tasks sharing these actions (CLONE_SIGHAND) */
	spinlock_t siglock;
	struct k_sigaction action[_NSIG];
};

struct signal_struct {
	int sig_count;		/* tasks sharing this (CLONE_THREAD) */
	int nr_threads;		/* live threads in the group */
	struct list_head thread_head;	/* its threads, by thread_node */
	unsigned int flags;	/* SIGNAL_* */
	struct wait_queue_head wait_chldexit;	/* parents in wait4 */
	struct rlimit rlim[RLIM_NLIMITS];
	struct sigpending shared_pending;	/* sent to the whole process */
	/* execve from a thread (de_thread): the thread that waits for the
	 * others to go, and how many it still waits for (-1: the leader). */
	struct task_struct *group_exec_task;
	int notify_count;
	int group_stop_count;	/* threads yet to stop for a group stop */
	int group_exit_code;	/* ... or the stop signal while stopping */

	/* Job control: the process group and session (their leaders'
	 * pids), and whether this process leads its session. */
	pid_t pgrp;
	pid_t session;
	bool leader;
	/* prctl(PR_SET_CHILD_SUBREAPER): orphans of our descendants come to
	 * us rather than to init (not inherited by fork, as Linux). */
	bool is_child_subreaper;
	struct tty_struct *tty;	/* controlling terminal, or NULL */
	/* CPU ticks and page faults of exited threads (utime, stime,
	 * min_flt) and of reaped children (cutime, cstime, cmin_flt). */
	u64 utime, stime, cutime, cstime;
	unsigned long min_flt, cmin_flt;

	/* Interval timers (kernel/time/itimer.c), not inherited by fork,
	 * kept across execve. live counts the threads not yet in do_exit:
	 * the last one out stops real_timer. */
	int live;
	spinlock_t itimer_lock;	/* guards the timers' fields below */
	struct task_struct *tsk;	/* whom ITIMER_REAL signals: the leader */
	struct timer_list real_timer;	/* ITIMER_REAL: it_real_fn */
	bool it_real_active;	/* armed: real_timer is (about to be) run */
	u64 it_real_expires;	/* ktime (ns) it fires (or last fired) at */
	u64 it_real_incr;	/* its interval in ns; 0: one shot */
	struct cpu_itimer it[2];	/* ITIMER_PROF, ITIMER_VIRTUAL */
	struct thread_group_cputimer cputimer;	/* their clocks */
};

#define SIGNAL_STOP_STOPPED 0x01	/* job control stop in effect */
#define SIGNAL_STOP_CONTINUED 0x02	/* SIGCONT since SIGSTOP */
#define SIGNAL_GROUP_EXIT 0x04	/* group exit in progress */
#define SIGNAL_CLD_STOPPED 0x10	/* tell the parent: we stopped */
#define SIGNAL_CLD_CONTINUED 0x20	/* ... we continued */
#define SIGNAL_CLD_MASK (SIGNAL_CLD_STOPPED | SIGNAL_CLD_CONTINUED)
#define SIGNAL_UNKILLABLE 0x40	/* init: no default-action kills */

/* task->jobctl */
#define JOBCTL_STOP_PENDING (1U << 17)	/* this thread owes a group stop */

/* Threads (Linux's names): the leader is the task whose pid is the
 * process's (tgid); the group is empty when only p is left on its list;
 * a leader that exits before its threads stays a zombie, unreported,
 * until the last of them is gone (delay_group_leader). */
static __always_inline bool thread_group_leader(const struct task_struct *p)
{
	return p->group_leader == p;
}

static __always_inline bool thread_group_empty(const struct task_struct *p)
{
	return list_is_singular(&p->signal->thread_head);
}

static inline bool delay_group_leader(const struct task_struct *p)
{
	return thread_group_leader(p) && !thread_group_empty(p);
}

static __always_inline pid_t task_pgrp_nr(const struct task_struct *p)
{
	return p->signal->pgrp;
}

static __always_inline pid_t task_session_nr(const struct task_struct *p)
{
	return p->signal->session;
}

static __always_inline unsigned long
task_rlimit(const struct task_struct *t, unsigned int limit)
{
	return t->signal->rlim[limit].rlim_cur;
}

extern struct signal_struct init_signals;
extern struct sighand_struct init_sighand;



/* pid 1, whose process group and session are everybody's in Clonix. */
static inline bool is_global_init(const struct task_struct *tsk)
{
	return tsk->tgid == 1;
}

static __always_inline int signal_pending(const struct task_struct *p)
{
	return (p->thread_info.flags & _TIF_SIGPENDING) != 0;
}

/* SIGKILL is on its way: long system calls stop early (the task will not
 * return to user mode to see their result anyway). */
static __always_inline int fatal_signal_pending(const struct task_struct *p)
{
	return signal_pending(p) && (p->pending.signal & sigmask(SIGKILL));
}

/* kernel/exit.c */

struct rusage;
extern struct task_struct *child_reaper;	/* pid 1: adopts orphans */
long kernel_wait4(pid_t upid, int __user *stat_addr, int options,
		  struct rusage __user *ru);
void __noreturn do_group_exit(int exit_code);
/* Orphaned process groups (tasklist_lock held for the first). */
int will_become_orphaned_pgrp(pid_t pgrp, struct task_struct *ignored_task);
int is_current_pgrp_orphaned(void);

/* kernel/sys.c: a process of group pgrp, or NULL (tasklist_lock held) */
struct task_struct *find_pgrp_member(pid_t pgrp);

/* kernel/signal.c */
/* From the kernel to one thread (SI_KERNEL), as Linux's send_sig. */
int send_sig(int sig, struct task_struct *p);
/* To one thread, or to the whole process p belongs to; info may be
 * SEND_SIG_NOINFO or SEND_SIG_PRIV. */
int send_sig_info(int sig, siginfo_t *info, struct task_struct *p);
int group_send_sig_info(int sig, siginfo_t *info, struct task_struct *p);
/* To every process of a process group; priv: skip the permission check. */
int kill_pgrp(pid_t pgrp, int sig, int priv);
int __kill_pgrp(pid_t pgrp, int sig, int priv);	/* tasklist_lock held */
/* Tell the parent about an exit (SIGCHLD with CLD_EXITED/KILLED); returns
 * true when the parent does not want the zombie (autoreap). */
bool do_notify_parent(struct task_struct *tsk, int sig);
bool get_signal(struct ksignal *ksig);
void signal_setup_done(int failed, struct ksignal *ksig, int stepping);
void set_current_blocked(u64 newset);
/* SIGKILL to every other thread of p's process (siglock held); returns how
 * many others there are. */
int zap_other_threads(struct task_struct *p);
void flush_signals(struct task_struct *t);
void flush_sigqueue(struct sigpending *queue);
static inline void init_sigpending(struct sigpending *sig)
{
	sig->signal = 0;
	INIT_LIST_HEAD(&sig->list);
}
/* The alternate signal stack (sigaltstack) */
static __always_inline int on_sig_stack(unsigned long sp)
{
	return sp > current->sas_ss_sp &&
	       sp - current->sas_ss_sp <= current->sas_ss_size;
}
static __always_inline int sas_ss_flags(unsigned long sp)
{
	if (!current->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}
/* Where a handler's frame goes: the top of the alternate stack when the
 * action asks for it and we are not on it already, else sp. */
static inline unsigned long sigsp(unsigned long sp, struct ksignal *ksig)
{
	if ((ksig->ka.flags & SA_ONSTACK) && !sas_ss_flags(sp))
		return current->sas_ss_sp + current->sas_ss_size;
	return sp;
}
int restore_altstack(const stack_t __user *uss);
int __save_altstack(stack_t __user *uss, unsigned long sp);
void __noreturn force_sig_fatal(int sig);
void __noreturn out_of_memory_kill(void);
void recalc_sigpending(void);
void __init signals_init(void);
void force_sig_fault(int sig, int code, void __user *addr);
/* The si_code a fault's signal carries (SEGV_MAPERR, BUS_ADRERR, ...). */
static inline int fault_si_code(int sig)
{
	switch (sig) {
	case SIGSEGV:
		return SEGV_MAPERR;
	case SIGBUS:
		return 2;	/* BUS_ADRERR */
	case SIGILL:
		return ILL_ILLOPC;
	case SIGFPE:
		return FPE_INTDIV;
	case SIGTRAP:
		return TRAP_BRKPT;
	default:
		return SI_KERNEL;
	}
}
void force_sigsegv(int sig);
bool sig_handled(int sig);
u64 sigmask_to_save(void);
void restore_saved_sigmask(void);
int do_sigaction(int sig, struct k_sigaction *act, struct k_sigaction *oact);
int sigprocmask(int how, u64 *set, u64 *oldset);
u64 do_sigpending(void);
long sigsuspend(u64 mask);
enum syscall_restart {
	RESTART_NONE,	/* the call's result stands */
	RESTART_EINTR,	/* it returns -EINTR */
	RESTART_AGAIN,	/* the trap instruction runs again, same arguments */
	RESTART_BLOCK,	/* ... as restart_syscall (current->restart_block) */
};
enum syscall_restart syscall_restart_action(long ret, bool handler,
					    unsigned long sa_flags);
/* arch/<arch>/kernel/signal.c: deliver a signal or restart a system call,
 * on the way back to user mode (do_work_pending). */
void arch_do_signal_or_restart(struct pt_regs *regs);

/* kernel/fork.c helpers used at exit */
void put_signal_struct(struct signal_struct *sig);
void __cleanup_sighand(struct sighand_struct *sighand);
int unshare_sighand(struct task_struct *me);

#endif
