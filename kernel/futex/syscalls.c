/*
 * The futex system calls (Linux's kernel/futex/syscalls.c): futex(2) —
 * futex_time64 on i386, whose old futex takes a 32-bit timespec — and
 * set_robust_list/get_robust_list.
 *
 * The PI operations (FUTEX_LOCK_PI, FUTEX_UNLOCK_PI, FUTEX_TRYLOCK_PI,
 * FUTEX_LOCK_PI2, FUTEX_WAIT_REQUEUE_PI, FUTEX_CMP_REQUEUE_PI) are not
 * implemented: they return ENOSYS, which is what Linux built without
 * them says. glibc uses them only for PTHREAD_PRIO_INHERIT mutexes, whose
 * pthread_mutex_init then fails with ENOTSUP; nothing else needs them.
 */
#include <linux/syscalls.h>
#include <linux/bitops.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include "futex.h"

/*
 * set_robust_list(2): where this thread's list of held robust futexes is
 * (glibc registers one per thread at its start), walked when it dies
 * (exit_robust_list). len must be the size of the head.
 */
SYSCALL_DEFINE2(set_robust_list, struct robust_list_head __user *, head,
		size_t, len)
{
	if (len != sizeof(*head))
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

/*
 * May current read p's robust list? As Linux's ptrace_may_access with
 * PTRACE_MODE_READ_REALCREDS: its own process, root, or a caller whose
 * real uid and gid are all of p's uids and gids.
 */
static bool robust_list_access_ok(struct task_struct *p)
{
	const struct cred *cred = current_cred(), *tcred = p->real_cred;

	if (p->tgid == current->tgid || cred->euid == GLOBAL_ROOT_UID)
		return true;
	return cred->uid == tcred->euid && cred->uid == tcred->suid &&
	       cred->uid == tcred->uid && cred->gid == tcred->egid &&
	       cred->gid == tcred->sgid && cred->gid == tcred->gid;
}

/* get_robust_list(2): the head registered by thread pid (0: ourselves)
 * and its size. ESRCH if there is no such thread, EPERM if we may not
 * look at it. */
SYSCALL_DEFINE3(get_robust_list, int, pid,
		struct robust_list_head __user * __user *,
		head_ptr, size_t __user *, len_ptr)
{
	struct robust_list_head __user *head;
	struct task_struct *p;

	if (!pid) {
		head = current->robust_list;
	} else {
		spin_lock_irq(&tasklist_lock);
		p = find_task_by_pid(pid);
		if (!p || p->exit_state || (p->flags & PF_KTHREAD)) {
			spin_unlock_irq(&tasklist_lock);
			return -ESRCH;
		}
		if (!robust_list_access_ok(p)) {
			spin_unlock_irq(&tasklist_lock);
			return -EPERM;
		}
		head = p->robust_list;
		spin_unlock_irq(&tasklist_lock);
	}
	if (put_user(sizeof(*head), len_ptr))
		return -EFAULT;
	return put_user(head, head_ptr);
}

/*
 * The operation in op's low bits, with its flags: FUTEX_PRIVATE_FLAG off
 * means a shared futex (its key from the page); FUTEX_CLOCK_REALTIME is
 * for the waits with an absolute timeout only. timeout is absolute, in
 * ns of ktime_get_ns (Clonix's CLOCK_REALTIME and CLOCK_MONOTONIC read the
 * same clock, so neither needs converting). val2 is the second count
 * FUTEX_REQUEUE, FUTEX_CMP_REQUEUE and FUTEX_WAKE_OP take in the timeout
 * argument.
 */
long do_futex(u32 __user *uaddr, int op, u32 val, u64 *timeout,
		u32 __user *uaddr2,
	      u32 val2, u32 val3)
{
	unsigned int flags = 0;
	int cmd = op & FUTEX_CMD_MASK;

	if (!(op & FUTEX_PRIVATE_FLAG))
		flags |= FLAGS_SHARED;
	if (op & FUTEX_CLOCK_REALTIME) {
		flags |= FLAGS_CLOCKRT;
		/* Not FUTEX_WAIT, whose timeout is relative: Linux 4.5
		 * allowed it, 5.14 took that back. */
		if (cmd != FUTEX_WAIT_BITSET &&
		    cmd != FUTEX_WAIT_REQUEUE_PI && cmd != FUTEX_LOCK_PI2)
			return -ENOSYS;
	}

	switch (cmd) {
	case FUTEX_WAIT:
		val3 = FUTEX_BITSET_MATCH_ANY;
		/* fall through */
	case FUTEX_WAIT_BITSET:
		return futex_wait(uaddr, flags, val, timeout, val3);
	case FUTEX_WAKE:
		val3 = FUTEX_BITSET_MATCH_ANY;
		/* fall through */
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, flags, val, val3);
	case FUTEX_REQUEUE:
		return futex_requeue(uaddr, flags, uaddr2, flags, val, val2,
				     NULL);
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, flags, uaddr2, flags, val, val2,
				     &val3);
	case FUTEX_WAKE_OP:
		return futex_wake_op(uaddr, flags, uaddr2, val, val2, val3);
	}
	return -ENOSYS;	/* FUTEX_FD, the PI operations, unknown ones */
}

/* The operations whose fourth argument is a timeout, not a count. */
static bool futex_cmd_has_timeout(u32 cmd)
{
	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
	case FUTEX_WAIT_BITSET:
	case FUTEX_WAIT_REQUEUE_PI:
		return true;
	}
	return false;
}

/*
 * The timeout as the waits take it: an absolute time in ns. FUTEX_WAIT's
 * is relative to now; FUTEX_WAIT_BITSET's is a time on CLOCK_MONOTONIC
 * (or CLOCK_REALTIME with the flag). EINVAL for a negative time or
 * nanoseconds outside [0, 1e9).
 */
static int futex_init_timeout(u32 cmd, const struct timespec64 *ts, u64 *t)
{
	u64 now;

	if (ts->tv_sec < 0 || ts->tv_nsec < 0 ||
	    (u64)ts->tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	*t = timespec64_to_ns(ts);
	if (cmd == FUTEX_WAIT) {
		now = ktime_get_ns();
		*t = *t >= KTIME_MAX - now ? KTIME_MAX : now + *t;
	}
	return 0;
}

/* futex(2) once the timeout is read: an absolute end for the commands
 * that take one (ts NULL: none). utime is also the raw argument, which
 * REQUEUE, CMP_REQUEUE and WAKE_OP take as a count. */
static long futex_timed(u32 __user *uaddr, int op, u32 val,
			const struct timespec64 *ts, u32 __user *uaddr2,
			unsigned long utime, u32 val3)
{
	u64 t, *tp = NULL;
	int ret;

	if (ts && futex_cmd_has_timeout(op & FUTEX_CMD_MASK)) {
		t = 0;
		ret = futex_init_timeout(op & FUTEX_CMD_MASK, ts, &t);
		if (ret)
			return ret;
		tp = &t;
	}
	return do_futex(uaddr, op, val, tp, uaddr2, utime, val3);
}

/* futex(2); on i386 futex_time64 (422). */
SYSCALL_DEFINE6(futex, u32 __user *, uaddr, int, op, u32, val,
		const struct __kernel_timespec __user *, utime,
		u32 __user *, uaddr2,
		u32, val3)
{
	struct timespec64 ts;

	if (utime && futex_cmd_has_timeout(op & FUTEX_CMD_MASK) &&
	    get_timespec64(&ts, utime))
		return -EFAULT;
	return futex_timed(uaddr, op, val, utime ? &ts : NULL, uaddr2,
			   (unsigned long)utime, val3);
}

#if BITS_PER_LONG == 32
/* i386's futex (240): the same with the old 32-bit timespec. */
SYSCALL_DEFINE6(futex_time32, u32 __user *, uaddr, int, op, u32, val,
		const struct old_timespec32 __user *, utime,
		u32 __user *, uaddr2,
		u32, val3)
{
	struct timespec64 ts;

	if (utime && futex_cmd_has_timeout(op & FUTEX_CMD_MASK) &&
	    get_old_timespec32(&ts, utime))
		return -EFAULT;
	return futex_timed(uaddr, op, val, utime ? &ts : NULL, uaddr2,
			   (unsigned long)utime, val3);
}
#endif
