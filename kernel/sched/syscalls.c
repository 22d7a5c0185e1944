/*
 * The scheduler's system calls, at Linux's path: what glibc's pthreads and
 * sysconf ask about CPUs and policies. sched_getaffinity (how many CPUs may
 * I use: sysconf(_SC_NPROCESSORS_ONLN) and pthread_getaffinity_np),
 * sched_setaffinity, the policy and priority calls, sched_rr_get_interval,
 * getcpu (sched_getcpu) and membarrier.
 *
 * Clonix has one CPU and one scheduling class (round-robin, core.c). The
 * answers are Linux's for a one-CPU machine: the affinity mask is {0} and
 * a mask without CPU 0 is refused. Policies are checked as Linux checks
 * them and recorded, so they are reported back and inherited; the
 * scheduler does not yet give SCHED_FIFO/RR tasks precedence (every task
 * shares the CPU round-robin). As in Linux, only a privileged task (here:
 * euid 0; Linux: CAP_SYS_NICE or RLIMIT_RTPRIO, which is 0 by default) may
 * choose a real-time policy; others get EPERM.
 */
#include <linux/bitops.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <uapi/linux/membarrier.h>
#include <uapi/linux/sched.h>
#include <uapi/linux/sched/types.h>

#define NR_CPUS 1		/* CPU 0 only, today */
#define MAX_USER_RT_PRIO 100	/* FIFO/RR priorities are 1..99 */
#define RR_TIMESLICE SCHED_TIMESLICE_TICKS	/* the slice every task gets */

/* The bytes of a CPU mask the kernel reads and writes (Linux's
 * cpumask_size(): whole longs). */
static size_t cpumask_size(void)
{
	return (NR_CPUS + BITS_PER_LONG - 1) / BITS_PER_LONG *
	       sizeof(unsigned long);
}

/* pid 0 is the caller. Called with tasklist_lock held. */
static struct task_struct *find_process_by_pid(pid_t pid)
{
	return pid ? find_task_by_pid(pid) : current;
}

/* May current change p's scheduling? Its owner or root (Linux's
 * check_same_owner, with CAP_SYS_NICE as euid 0). */
static bool check_same_owner(struct task_struct *p)
{
	const struct cred *cred = current_cred(), *pcred = p->real_cred;

	return cred->euid == GLOBAL_ROOT_UID || cred->euid == pcred->euid ||
	       cred->euid == pcred->uid;
}

static bool rt_policy(int policy)
{
	return policy == SCHED_FIFO || policy == SCHED_RR;
}

static bool valid_policy(int policy)
{
	return policy == SCHED_NORMAL || policy == SCHED_BATCH ||
	       policy == SCHED_IDLE || rt_policy(policy);
}

/*
 * Set p's policy (policy < 0: keep it, sched_setparam) and priority, with
 * Linux's checks in Linux's order: EINVAL for a bad policy or a priority
 * outside the policy's range, EPERM for a real-time policy without
 * privilege or for someone else's task. Called with tasklist_lock held.
 */
static int __sched_setscheduler(struct task_struct *p, int policy,
				const struct sched_param *param)
{
	bool reset_on_fork = p->sched_reset_on_fork;
	int prio = param->sched_priority;

	if (policy < 0) {
		policy = p->policy;
	} else {
		reset_on_fork = !!(policy & SCHED_RESET_ON_FORK);
		policy &= ~SCHED_RESET_ON_FORK;
		if (!valid_policy(policy))
			return -EINVAL;
	}
	if (prio < 0 || prio > MAX_USER_RT_PRIO - 1 ||
	    rt_policy(policy) != (prio != 0))
		return -EINVAL;
	if (current_euid() != GLOBAL_ROOT_UID) {
		if (rt_policy(policy) && (unsigned int)prio > p->rt_priority)
			return -EPERM;	/* RLIMIT_RTPRIO is 0 */
		if (!check_same_owner(p))
			return -EPERM;
		/* Linux: resetting reset-on-fork needs privilege */
		if (p->sched_reset_on_fork && !reset_on_fork)
			return -EPERM;
	}
	p->policy = policy;
	p->rt_priority = prio;
	p->sched_reset_on_fork = reset_on_fork;
	return 0;
}

static long do_sched_setscheduler(pid_t pid, int policy,
				  struct sched_param __user *uparam)
{
	struct sched_param lparam;
	struct task_struct *p;
	long ret;

	if (!uparam || pid < 0)
		return -EINVAL;
	if (copy_from_user(&lparam, uparam, sizeof(lparam)))
		return -EFAULT;
	spin_lock_irq(&tasklist_lock);
	p = find_process_by_pid(pid);
	ret = p ? __sched_setscheduler(p, policy, &lparam) : -ESRCH;
	spin_unlock_irq(&tasklist_lock);
	return ret;
}

SYSCALL_DEFINE3(sched_setscheduler, pid_t, pid, int, policy,
		struct sched_param __user *, param)
{
	if (policy < 0)
		return -EINVAL;
	return do_sched_setscheduler(pid, policy, param);
}

SYSCALL_DEFINE2(sched_setparam, pid_t, pid, struct sched_param __user *, param)
{
	return do_sched_setscheduler(pid, -1, param);
}

SYSCALL_DEFINE1(sched_getscheduler, pid_t, pid)
{
	struct task_struct *p;
	long ret = -ESRCH;

	if (pid < 0)
		return -EINVAL;
	spin_lock_irq(&tasklist_lock);
	p = find_process_by_pid(pid);
	if (p)
		ret = p->policy |
		      (p->sched_reset_on_fork ? SCHED_RESET_ON_FORK : 0);
	spin_unlock_irq(&tasklist_lock);
	return ret;
}

SYSCALL_DEFINE2(sched_getparam, pid_t, pid, struct sched_param __user *, param)
{
	struct sched_param lp = { 0 };
	struct task_struct *p;

	if (!param || pid < 0)
		return -EINVAL;
	spin_lock_irq(&tasklist_lock);
	p = find_process_by_pid(pid);
	if (p && rt_policy(p->policy))
		lp.sched_priority = p->rt_priority;
	spin_unlock_irq(&tasklist_lock);
	if (!p)
		return -ESRCH;
	return copy_to_user(param, &lp, sizeof(lp)) ? -EFAULT : 0;
}

SYSCALL_DEFINE1(sched_get_priority_max, int, policy)
{
	if (rt_policy(policy))
		return MAX_USER_RT_PRIO - 1;
	if (valid_policy(policy) || policy == SCHED_DEADLINE)
		return 0;
	return -EINVAL;
}

SYSCALL_DEFINE1(sched_get_priority_min, int, policy)
{
	if (rt_policy(policy))
		return 1;
	if (valid_policy(policy) || policy == SCHED_DEADLINE)
		return 0;
	return -EINVAL;
}

/* The slice a task gets: none for FIFO (it runs until it yields), the
 * round-robin slice for every other policy. */
static long sched_rr_get_interval(pid_t pid, struct timespec64 *t)
{
	struct task_struct *p;
	u64 ticks = 0;

	if (pid < 0)
		return -EINVAL;
	spin_lock_irq(&tasklist_lock);
	p = find_process_by_pid(pid);
	if (p && p->policy != SCHED_FIFO)
		ticks = RR_TIMESLICE;
	spin_unlock_irq(&tasklist_lock);
	if (!p)
		return -ESRCH;
	t->tv_sec = ticks * TICK_NSEC / NSEC_PER_SEC;
	t->tv_nsec = ticks * TICK_NSEC % NSEC_PER_SEC;
	return 0;
}

SYSCALL_DEFINE2(sched_rr_get_interval, pid_t, pid,
		struct __kernel_timespec __user *, interval)
{
	struct timespec64 t;
	long ret = sched_rr_get_interval(pid, &t);

	if (ret == 0)
		ret = put_timespec64(&t, interval);
	return ret;
}

/* i386's old call (161), with a 32-bit time_t. */
SYSCALL_DEFINE2(sched_rr_get_interval_time32, pid_t, pid,
		struct old_timespec32 __user *, interval)
{
	struct timespec64 t;
	long ret = sched_rr_get_interval(pid, &t);

	if (ret == 0)
		ret = put_old_timespec32(&t, interval);
	return ret;
}

/*
 * sched_getaffinity(2): the CPUs pid may run on, as a bit mask. Linux's
 * size rules: len must hold nr_cpu_ids bits and be a multiple of a long;
 * the call returns the bytes written (whole longs).
 */
SYSCALL_DEFINE3(sched_getaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	unsigned long mask[(NR_CPUS + BITS_PER_LONG - 1) / BITS_PER_LONG] = {
		1UL,	/* CPU 0 */
	};
	size_t retlen = cpumask_size();
	struct task_struct *p;

	if ((size_t)len * 8 < NR_CPUS)
		return -EINVAL;
	if (len & (sizeof(unsigned long) - 1))
		return -EINVAL;
	spin_lock_irq(&tasklist_lock);
	p = find_process_by_pid(pid);
	spin_unlock_irq(&tasklist_lock);
	if (!p)
		return -ESRCH;
	if (len < retlen)
		retlen = len;
	if (copy_to_user(user_mask_ptr, mask, retlen))
		return -EFAULT;
	return retlen;
}

/*
 * sched_setaffinity(2): a shorter mask is read as if padded with zeros, a
 * longer one is cut to the kernel's size (Linux's get_user_cpu_mask). The
 * new mask must contain a CPU that is online, here CPU 0, or EINVAL; with
 * one CPU the task's set stays {0}, which is all it could run on.
 */
SYSCALL_DEFINE3(sched_setaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	unsigned long mask[(NR_CPUS + BITS_PER_LONG - 1) / BITS_PER_LONG] = {
		0
	};
	size_t n = len < cpumask_size() ? len : cpumask_size();
	struct task_struct *p;
	long ret = 0;

	if (copy_from_user(mask, user_mask_ptr, n))
		return -EFAULT;
	spin_lock_irq(&tasklist_lock);
	p = find_process_by_pid(pid);
	if (!p)
		ret = -ESRCH;
	else if (!check_same_owner(p))
		ret = -EPERM;
	else if (!(mask[0] & 1UL))	/* no online CPU in it */
		ret = -EINVAL;
	spin_unlock_irq(&tasklist_lock);
	return ret;
}

/* getcpu(2): the CPU and NUMA node the caller runs on; the third argument
 * (a cache) is unused since Linux 2.6.24. */
SYSCALL_DEFINE3(getcpu, unsigned int __user *, cpup,
		unsigned int __user *, nodep,
		void __user *, unused)
{
	unsigned int cpu = current->thread_info.cpu, node = 0;

	(void)unused;
	if (cpup && put_user(cpu, cpup))
		return -EFAULT;
	if (nodep && put_user(node, nodep))
		return -EFAULT;
	return 0;
}

/*
 * membarrier(2): make every thread (GLOBAL: every process; PRIVATE: the
 * caller's) pass a full memory barrier before the call returns. Linux
 * sends an IPI to each other CPU running such a thread; with one CPU the
 * other threads are not running, and the barrier the context switch
 * implies is already behind them, so a barrier on this CPU is the whole
 * job. With SMP this is where the IPIs go. The expedited commands need a
 * registration first (EPERM without one), as in Linux; it is kept in the
 * mm, so every thread of the process shares it and execve starts afresh.
 * SYNC_CORE and RSEQ are not offered: QUERY leaves them out and they are
 * EINVAL, which is Linux's answer where they are not supported.
 */
#define MEMBARRIER_CMD_BITMASK                                            \
	(MEMBARRIER_CMD_GLOBAL | MEMBARRIER_CMD_GLOBAL_EXPEDITED |        \
	 MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED |                       \
	 MEMBARRIER_CMD_PRIVATE_EXPEDITED |                               \
	 MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED |                      \
	 MEMBARRIER_CMD_GET_REGISTRATIONS)

static void membarrier_barrier(void)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);	/* smp_mb() */
}

SYSCALL_DEFINE3(membarrier, int, cmd, unsigned int, flags, int, cpu_id)
{
	struct mm_struct *mm = current->mm;

	(void)cpu_id;	/* only for PRIVATE_EXPEDITED_RSEQ */
	if (flags)	/* FLAG_CPU is for the RSEQ command alone */
		return -EINVAL;
	switch (cmd) {
	case MEMBARRIER_CMD_QUERY:
		return MEMBARRIER_CMD_BITMASK;
	case MEMBARRIER_CMD_GLOBAL:
	case MEMBARRIER_CMD_GLOBAL_EXPEDITED:
		membarrier_barrier();
		return 0;
	case MEMBARRIER_CMD_PRIVATE_EXPEDITED:
		if (!(__atomic_load_n(&mm->membarrier_state, __ATOMIC_ACQUIRE) &
		      MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED))
			return -EPERM;
		membarrier_barrier();
		return 0;
	case MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED:
	case MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED:
		__atomic_fetch_or(&mm->membarrier_state, cmd, __ATOMIC_RELEASE);
		membarrier_barrier();
		return 0;
	case MEMBARRIER_CMD_GET_REGISTRATIONS:
		return __atomic_load_n(&mm->membarrier_state, __ATOMIC_ACQUIRE);
	default:
		return -EINVAL;
	}
}
