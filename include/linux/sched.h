/* struct task_struct — the process descriptor — with Linux's field names,
 * and the scheduler's interface (schedule, wake_up_process, ...). */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/compiler.h>
#include <asm/current.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/thread_info.h>
#include <linux/list.h>
#include <linux/restart_block.h>
#include <linux/spinlock.h>
#include <linux/threads.h>
#include <linux/types.h>

/* task->__state */
#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define __TASK_STOPPED 0x0004
/* With TASK_UNINTERRUPTIBLE: a sleep only SIGKILL ends (Linux's
 * TASK_KILLABLE), which the waiter checks with fatal_signal_pending(). */
#define TASK_WAKEKILL 0x0100
#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_DEAD 0x0080
/* task->exit_state */
#define EXIT_DEAD 0x0010
#define EXIT_ZOMBIE 0x0020

/* task->flags */
#define PF_IDLE 0x00000002	/* the idle task of a CPU */
#define PF_EXITING 0x00000004	/* in do_exit() */
#define PF_FORKNOEXEC 0x00000040	/* forked but did not exec (setpgid's EACCES) */
#define PF_KTHREAD 0x00200000	/* a kernel thread: no user space */

#define TASK_COMM_LEN 16
#define MAX_RT_PRIO 100	/* prio below it: real time (none yet) */
#define MAX_PRIO 140
#define DEFAULT_PRIO 120
#define SCHED_TIMESLICE_TICKS 5	/* ticks a task runs before preemption */

struct mm_struct;
struct fs_struct;
struct files_struct;
struct signal_struct;
struct sighand_struct;
struct completion;
struct robust_list_head;

/* Signals waiting for a task or a process (Linux's struct sigpending):
 * the set, and the siginfo of each queued one (struct sigqueue). A
 * standard signal is queued once however often it is sent; a real-time
 * one (SIGRTMIN and up) once per sending. */
struct sigpending {
	struct list_head list;
	u64 signal;
};

struct task_struct {
	/* Must be first: the trap entry finds it at tp + 0. */
	struct thread_info thread_info;
	volatile long __state;	/* TASK_RUNNING, TASK_INTERRUPTIBLE, ... */
	void *stack;		/* base of the THREAD_SIZE kernel stack */
	int usage;		/* references; freed when it drops to 0 */
	unsigned int flags;	/* PF_* */

	int on_rq;		/* queued on the run queue */
	int prio;
	int time_slice;		/* ticks left before preemption */
	unsigned int policy;	/* SCHED_NORMAL, SCHED_FIFO, ... (sched/syscalls.c) */
	unsigned int rt_priority;	/* 1..99 for SCHED_FIFO/RR, else 0 */
	bool sched_reset_on_fork;	/* children start as SCHED_NORMAL */
	struct list_head run_list;	/* run-queue link */

	struct list_head tasks;	/* every task, from init_task */
	struct list_head thread_node;	/* in signal->thread_head */

	struct mm_struct *mm;	/* user address space; NULL for kthreads */
	struct mm_struct *active_mm;	/* the page table in use */

	int exit_state;		/* EXIT_ZOMBIE, EXIT_DEAD */
	int exit_code;
	int exit_signal;	/* signal sent to the parent at exit */

	pid_t pid;
	pid_t tgid;

	struct task_struct *real_parent;	/* who created us */
	struct task_struct *parent;	/* who gets SIGCHLD and wait4 */
	struct list_head children;	/* our children */
	struct list_head sibling;	/* link in the parent's children */
	struct task_struct *group_leader;

	u64 start_time;		/* ktime_get_ns() at creation */
	u64 utime, stime;	/* ticks spent in user mode, in the kernel */
	unsigned long min_flt;	/* page faults served (no disk: all minor) */
	char comm[TASK_COMM_LEN];	/* executable name */
	struct inode *proc_dir;	/* its /proc/<pid>, once made (a leader) */

	const struct cred *real_cred;	/* who we are, to others */
	const struct cred *cred;	/* whose rights we act with */

	struct fs_struct *fs;
	struct files_struct *files;
	struct signal_struct *signal;
	struct sighand_struct *sighand;

	struct sigpending pending;	/* signals sent to this thread */
	u64 blocked;		/* signals masked by sigprocmask */
	u64 real_blocked;	/* blocked before rt_sigtimedwait's wait */
	u64 saved_sigmask;	/* blocked before ppoll/pselect6/sigsuspend */
	bool restore_sigmask;	/* put saved_sigmask back after a signal */
	unsigned int jobctl;	/* JOBCTL_*: a group stop in progress */
	unsigned long sas_ss_sp;	/* sigaltstack: base, size, flags */
	unsigned long sas_ss_size;
	unsigned int sas_ss_flags;
	struct restart_block restart_block;	/* restart_syscall's job */

	struct completion *vfork_done;	/* for CLONE_VFORK */
	int __user *set_child_tid;	/* CLONE_CHILD_SETTID */
	int __user *clear_child_tid;	/* CLONE_CHILD_CLEARTID */
	struct robust_list_head __user *robust_list;	/* set_robust_list */
	unsigned int fail_nth;	/* fail-nth: the allocation to fail, 0 off */

	/* CPU-specific state; must stay last, as in Linux. */
	struct thread_struct thread;
};

union thread_union {
	struct task_struct task;
	unsigned long stack[THREAD_SIZE / sizeof(long)];
};

extern struct task_struct init_task;
extern union thread_union init_thread_union;
extern struct list_head init_task_list_head;
extern int nr_threads;
extern struct spinlock tasklist_lock;
/* kernel/fork.c: guards task->vfork_done (see wait_for_vfork_done) */
extern struct spinlock vfork_lock;
extern int max_threads;
extern int nr_processes_user;

/* The pt_regs a trap saved at the top of p's kernel stack. */
#define task_pt_regs(p) \
	((struct pt_regs *)((unsigned long)(p)->stack + THREAD_SIZE) - 1)
#define current_pt_regs() task_pt_regs(current)

#define for_each_process(p) \
	list_for_each_entry(p, &init_task.tasks, tasks)

static __always_inline void set_tsk_need_resched(struct task_struct *p)
{
	__atomic_fetch_or(&p->thread_info.flags, _TIF_NEED_RESCHED,
			  __ATOMIC_RELAXED);
}

static __always_inline void clear_tsk_need_resched(struct task_struct *p)
{
	__atomic_fetch_and(&p->thread_info.flags, ~_TIF_NEED_RESCHED,
			   __ATOMIC_RELAXED);
}

static __always_inline int need_resched(void)
{
	return (current->thread_info.flags & _TIF_NEED_RESCHED) != 0;
}

#define set_current_state(s) WRITE_ONCE(current->__state, (s))
#define __set_current_state(s) WRITE_ONCE(current->__state, (s))

static __always_inline int is_idle_task(const struct task_struct *p)
{
	return (p->flags & PF_IDLE) != 0;
}

/* kernel/sched/core.c */
void sched_init(void);
void schedule(void);
void schedule_tail(struct task_struct *prev);
void scheduler_tick(void);
int wake_up_process(struct task_struct *p);
/* Wake p if its state is one of state (TASK_INTERRUPTIBLE, __TASK_STOPPED...). */
int wake_up_state(struct task_struct *p, unsigned int state);
void wake_up_new_task(struct task_struct *p);
int sched_fork(unsigned long clone_flags, struct task_struct *p);
void __noreturn cpu_startup_entry(void);
void yield(void);
void show_state(void);		/* every task, for the console (ps) */
void boot_selftests(void);	/* kernel/selftest.c: clonix.selftest */
void debug_selftest(void);	/* lib/test_debug.c: debug_selftest= */
/* Give up the CPU if the tick says our slice is over: every loop whose
 * length a user chooses calls it (kernel code is not preempted). Inline
 * up to the test, so a loop whose slice is not over (nearly always: fork
 * calls it per VMA) pays a load and a branch, not a call. */
int __cond_resched(void);
static __always_inline int cond_resched(void)
{
	if (likely(!need_resched()))
		return 0;
	return __cond_resched();
}
/* The same for a loop holding lock: dropped around the switch, so it may
 * have changed what it guards. Returns 1 if it rescheduled. */
int cond_resched_lock(spinlock_t *lock);
/* A function that may sleep says so: the debug kernel reports a caller
 * holding a spinlock (CONFIG_DEBUG_ATOMIC_SLEEP), even when this call
 * happens not to sleep. */
#ifdef CONFIG_DEBUG_ATOMIC_SLEEP
void __might_sleep(const char *file, int line);
#define might_sleep() __might_sleep(__FILE__, __LINE__)
#else
#define might_sleep() do { } while (0)
#endif
const char *task_state_name(const struct task_struct *p);
/* Sleep for up to timeout ticks; MAX_SCHEDULE_TIMEOUT: until woken. */
#define MAX_SCHEDULE_TIMEOUT ((long)(~0UL >> 1))
long schedule_timeout(long timeout);

/* kernel/fork.c */
struct kernel_clone_args {
	u64 flags;
	int __user *pidfd;
	int __user *child_tid;
	int __user *parent_tid;
	int exit_signal;
	unsigned long stack;
	unsigned long stack_size;
	unsigned long tls;
	/* kernel threads: the function to run and its argument */
	int (*fn)(void *);
	void *fn_arg;
	const char *name;	/* comm of a new kernel thread */
};

void fork_init(void);
pid_t kernel_clone(struct kernel_clone_args *args);
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name,
		    unsigned long flags);
void put_task_struct(struct task_struct *t);
long do_fork(unsigned long clone_flags, unsigned long stack_start,
	     unsigned long stack_size, int __user *parent_tidptr,
	     int __user *child_tidptr);
static __always_inline void get_task_struct(struct task_struct *t)
{
	__atomic_fetch_add(&t->usage, 1, __ATOMIC_RELAXED);
}

/* Architecture hooks the core calls (arch/<arch>/kernel/process*.c). */
int arch_dup_task_struct(struct task_struct *dst, struct task_struct *src);
int copy_thread(struct task_struct *p, const struct kernel_clone_args *args);
struct task_struct *__switch_to(struct task_struct *prev,
				struct task_struct *next);
void ret_from_fork(void);
void ret_from_kernel_thread(void);
void arch_cpu_idle(void);

/* kernel/exit.c */
void __noreturn do_exit(long code);
void release_task(struct task_struct *p);

/* kernel/pid.c */
extern int last_pid;
extern int pid_max;			/* /proc/sys/kernel/pid_max */
extern const int pid_max_min, pid_max_max;	/* what root may write */
pid_t alloc_pid(void);
void free_pid(pid_t pid);
void put_pid_nr(pid_t nr);	/* tasklist_lock held */
struct task_struct *find_task_by_pid(pid_t pid);

void set_task_comm(struct task_struct *tsk, const char *name);

#endif
