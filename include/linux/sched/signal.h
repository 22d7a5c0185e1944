/* Signals and the per-process (thread-group) state: signal_struct holds
 * what all threads of a process share (resource limits, the wait queue a
 * parent sleeps on in wait4), sighand_struct the signal actions. */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>
#include <linux/spinlock.h>
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

struct sighand_struct {
	int count;		/* tasks sharing these actions (CLONE_SIGHAND) */
	spinlock_t siglock;
	struct k_sigaction action[_NSIG];
};

struct signal_struct {
	int sig_count;		/* tasks sharing this (CLONE_THREAD) */
	int nr_threads;		/* live threads in the group */
	unsigned int flags;	/* SIGNAL_* */
	int group_exit_code;
	struct wait_queue_head wait_chldexit;	/* parents in wait4 */
	struct rlimit rlim[RLIM_NLIMITS];
	struct tty_struct *tty;	/* controlling terminal, or NULL */
	/* CPU ticks and page faults of exited threads (utime, stime,
	 * min_flt) and of reaped children (cutime, cstime, cmin_flt). */
	u64 utime, stime, cutime, cstime;
	unsigned long min_flt, cmin_flt;
};

#define SIGNAL_UNKILLABLE 0x40	/* init: no default-action kills */
#define SIGNAL_GROUP_EXIT 0x04

static inline unsigned long task_rlimit(const struct task_struct *t,
					unsigned int limit)
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

static inline int signal_pending(const struct task_struct *p)
{
	return (p->thread_info.flags & _TIF_SIGPENDING) != 0;
}

/* SIGKILL is on its way: long system calls stop early (the task will not
 * return to user mode to see their result anyway). */
static inline int fatal_signal_pending(const struct task_struct *p)
{
	return signal_pending(p) && (p->pending & sigmask(SIGKILL));
}

/* kernel/exit.c */

struct rusage;
extern struct task_struct *child_reaper;	/* pid 1: adopts orphans */
long kernel_wait4(pid_t upid, int *stat_addr, int options,
		  struct rusage *ru);
void __noreturn do_group_exit(int exit_code);

/* kernel/signal.c */
int send_sig(int sig, struct task_struct *p);
void __noreturn force_sig_fatal(int sig);
void __noreturn out_of_memory_kill(void);
void do_signal(struct pt_regs *regs);
void recalc_sigpending(void);

/* kernel/fork.c helpers used at exit */
void put_signal_struct(struct signal_struct *sig);
void __cleanup_sighand(struct sighand_struct *sighand);

#endif
