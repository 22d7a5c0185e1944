/*
 * Waiting on a futex and waking its waiters (Linux's
 * kernel/futex/waitwake.c): FUTEX_WAIT(_BITSET), FUTEX_WAKE(_BITSET) and
 * FUTEX_WAKE_OP.
 *
 * The order that makes a lost wake-up impossible (futex_wait_setup): the
 * waiter locks its bucket, reads the word and, if it still holds the
 * value the caller saw, queues itself before unlocking. A waker stores a
 * new value first and then locks the bucket to wake: it either finds the
 * waiter queued, or the waiter reads the new value and does not sleep.
 *
 * A waiter is woken by a waker taking its futex_q off the queue and
 * clearing q->lock_ptr (futex_wake_mark), then waking the task; after the
 * sleep the waiter tells a wake-up from a timeout or a signal by whether
 * it was still queued (futex_unqueue).
 */
#include <linux/errno.h>
#include <linux/mmap_lock.h>
#include <linux/mm.h>
#include <linux/restart_block.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/time.h>
#include "futex.h"

/*
 * Take q off its queue and wake its task (q's bucket locked). The task is
 * held across: once lock_ptr is NULL the waiter may return, and even exit,
 * before wake_up_process runs. The barrier pairs with the waiter's between
 * setting its state and reading lock_ptr (futex_wait_queue).
 */
void futex_wake_mark(struct futex_q *q)
{
	struct task_struct *p = q->task;

	get_task_struct(p);
	__futex_unqueue(q);
	__atomic_store_n(&q->lock_ptr, NULL, __ATOMIC_RELEASE);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	wake_up_process(p);
	put_task_struct(p);
}

/* Wake up to nr_wake waiters of the futex at uaddr whose bitset shares a
 * bit with bitset (at least one, as Linux, even for nr_wake 0): how many
 * were woken, or -errno. */
int futex_wake(u32 __user *uaddr, unsigned int flags, int nr_wake, u32 bitset)
{
	struct futex_hash_bucket *hb;
	struct futex_q *this, *next;
	union futex_key key = FUTEX_KEY_INIT;
	int ret;

	if (!bitset)
		return -EINVAL;
	ret = get_futex_key(uaddr, flags, &key, FUTEX_READ);
	if (ret)
		return ret;
	hb = futex_hash(&key);
	spin_lock(&hb->lock);
	list_for_each_entry_safe(this, next, &hb->chain, list) {
		if (!futex_match(&this->key, &key) || !(this->bitset & bitset))
			continue;
		futex_wake_mark(this);
		if (++ret >= nr_wake)
			break;
	}
	spin_unlock(&hb->lock);
	put_futex_key(&key);
	return ret;
}

static inline int sign_extend32(u32 value, int index)
{
	u8 shift = 31 - index;

	return (s32)(value << shift) >> shift;
}

/*
 * FUTEX_WAKE_OP's operation on the word at uaddr, atomically, and its
 * comparison of the old value: 1 if the comparison holds (wake the second
 * futex's waiters too), 0 if not, -ENOSYS for an unknown operation or
 * comparison, -EFAULT when the page is not there writable (the caller
 * faults it in and retries). mmap_lock held, never faults.
 */
static int futex_atomic_op_inuser(unsigned int encoded_op, u32 __user *uaddr)
{
	unsigned int op = (encoded_op & 0x70000000) >> 28;
	unsigned int cmp = (encoded_op & 0x0f000000) >> 24;
	int oparg = sign_extend32((encoded_op & 0x00fff000) >> 12, 11);
	int cmparg = sign_extend32(encoded_op & 0x00000fff, 11);
	u32 *kaddr;
	int oldval;

	/* Unsigned shifts: 8 << 28 and 1 << 31 do not fit in an int. */
	if (encoded_op & ((unsigned int)FUTEX_OP_OPARG_SHIFT << 28)) {
		if (oparg < 0 || oparg > 31)
			oparg &= 31;	/* Linux warns and goes on so */
		oparg = (int)(1U << oparg);
	}
	if (op > FUTEX_OP_XOR)
		return -ENOSYS;
	kaddr = futex_word(uaddr, true);
	if (!kaddr)
		return -EFAULT;

	switch (op) {
	case FUTEX_OP_SET:
		oldval = __atomic_exchange_n(kaddr, oparg, __ATOMIC_SEQ_CST);
		break;
	case FUTEX_OP_ADD:
		oldval = __atomic_fetch_add(kaddr, oparg, __ATOMIC_SEQ_CST);
		break;
	case FUTEX_OP_OR:
		oldval = __atomic_fetch_or(kaddr, oparg, __ATOMIC_SEQ_CST);
		break;
	case FUTEX_OP_ANDN:
		oldval = __atomic_fetch_and(kaddr, ~oparg, __ATOMIC_SEQ_CST);
		break;
	default:	/* FUTEX_OP_XOR */
		oldval = __atomic_fetch_xor(kaddr, oparg, __ATOMIC_SEQ_CST);
		break;
	}

	switch (cmp) {
	case FUTEX_OP_CMP_EQ:
		return oldval == cmparg;
	case FUTEX_OP_CMP_NE:
		return oldval != cmparg;
	case FUTEX_OP_CMP_LT:
		return oldval < cmparg;
	case FUTEX_OP_CMP_LE:
		return oldval <= cmparg;
	case FUTEX_OP_CMP_GT:
		return oldval > cmparg;
	case FUTEX_OP_CMP_GE:
		return oldval >= cmparg;
	default:
		return -ENOSYS;
	}
}

/*
 * FUTEX_WAKE_OP (glibc's condition variables used it): with both buckets
 * locked, apply op to the word at uaddr2, wake up to nr_wake waiters of
 * uaddr1 and, if op's comparison of uaddr2's old value holds, up to
 * nr_wake2 of uaddr2. How many were woken in all, or -errno.
 */
int futex_wake_op(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2,
		int nr_wake,
		  int nr_wake2, int op)
{
	union futex_key key1 = FUTEX_KEY_INIT, key2 = FUTEX_KEY_INIT;
	struct futex_hash_bucket *hb1, *hb2;
	struct futex_q *this, *next;
	int ret, op_ret;

retry:
	ret = get_futex_key(uaddr1, flags, &key1, FUTEX_READ);
	if (ret)
		return ret;
	ret = get_futex_key(uaddr2, flags, &key2, FUTEX_WRITE);
	if (ret)
		goto out_put_key1;
	hb1 = futex_hash(&key1);
	hb2 = futex_hash(&key2);

	mmap_read_lock(current->mm);
	double_lock_hb(hb1, hb2);
	op_ret = futex_atomic_op_inuser(op, uaddr2);
	mmap_read_unlock(current->mm);
	if (op_ret < 0) {
		double_unlock_hb(hb1, hb2);
		ret = op_ret;
		if (op_ret == -EFAULT && !(ret = futex_fault_in(uaddr2, true))) {
			put_futex_key(&key2);
			put_futex_key(&key1);
			goto retry;
		}
		goto out_put_keys;
	}

	list_for_each_entry_safe(this, next, &hb1->chain, list) {
		if (futex_match(&this->key, &key1)) {
			futex_wake_mark(this);
			if (++ret >= nr_wake)
				break;
		}
	}
	if (op_ret > 0) {
		op_ret = 0;
		list_for_each_entry_safe(this, next, &hb2->chain, list) {
			if (futex_match(&this->key, &key2)) {
				futex_wake_mark(this);
				if (++op_ret >= nr_wake2)
					break;
			}
		}
		ret += op_ret;
	}
	double_unlock_hb(hb1, hb2);
out_put_keys:
	put_futex_key(&key2);
out_put_key1:
	put_futex_key(&key1);
	return ret;
}

/*
 * Sleep until woken, the timeout (absolute ns, or NULL for none) or a
 * signal. q was queued by futex_wait_setup with hb locked; queueing it
 * unlocks hb. The state is set before lock_ptr is looked at, and a waker
 * clears lock_ptr before waking: a wake-up between the two is not lost.
 */
static void futex_wait_queue(struct futex_hash_bucket *hb, struct futex_q *q,
			     u64 *abs_time)
{
	futex_queue(q, hb);
	set_current_state(TASK_INTERRUPTIBLE);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (__atomic_load_n(&q->lock_ptr, __ATOMIC_ACQUIRE) &&
	    !signal_pending(current)) {
		if (abs_time)
			schedule_hrtimeout(*abs_time);
		else
			schedule();
	}
	__set_current_state(TASK_RUNNING);
}

/*
 * Get ready to wait on uaddr for val: find the key, lock the bucket, read
 * the word under the lock. Returns 0 with *hb locked (the caller queues
 * q), -EWOULDBLOCK (EAGAIN) if the word is not val, or -errno (EFAULT: no
 * word there to read). The word's page is looked up under mmap_lock, which
 * is let go once the value is read.
 */
static int futex_wait_setup(u32 __user *uaddr, u32 val, unsigned int flags,
			    struct futex_q *q, struct futex_hash_bucket **hb)
{
	struct mm_struct *mm = current->mm;
	u32 uval;
	int ret;

retry:
	ret = get_futex_key(uaddr, flags, &q->key, FUTEX_READ);
	if (ret)
		return ret;
retry_private:
	mmap_read_lock(mm);
	*hb = futex_q_lock(q);
	ret = futex_get_value_locked(&uval, uaddr);
	mmap_read_unlock(mm);
	if (ret) {
		futex_q_unlock(*hb);
		ret = futex_fault_in(uaddr, false);
		if (ret)
			goto out;
		if (!(flags & FLAGS_SHARED))
			goto retry_private;
		put_futex_key(&q->key);
		goto retry;
	}
	if (uval != val) {
		futex_q_unlock(*hb);
		ret = -EWOULDBLOCK;
		goto out;
	}
	return 0;
out:
	put_futex_key(&q->key);
	return ret;
}

static long futex_wait_restart(struct restart_block *restart);

/*
 * FUTEX_WAIT(_BITSET): sleep while the word at uaddr is val, until a
 * FUTEX_WAKE whose bitset meets ours, the absolute time *abs_time (ns of
 * ktime_get_ns; NULL: none) or a signal. 0 when woken, -EWOULDBLOCK,
 * -ETIMEDOUT, or for a signal -ERESTARTSYS (no timeout: the call is simply
 * made again) or -ERESTART_RESTARTBLOCK with futex_wait_restart to go on
 * to the same end; the arch's signal code makes either EINTR when a
 * handler runs (without SA_RESTART for ERESTARTSYS).
 */
int futex_wait(u32 __user *uaddr, unsigned int flags, u32 val, u64 *abs_time,
	       u32 bitset)
{
	struct restart_block *restart;
	struct futex_hash_bucket *hb;
	struct futex_q q = { .key = FUTEX_KEY_INIT, .bitset = bitset };
	int ret;

	if (!bitset)
		return -EINVAL;
	INIT_LIST_HEAD(&q.list);
retry:
	ret = futex_wait_setup(uaddr, val, flags, &q, &hb);
	if (ret)
		return ret;
	futex_wait_queue(hb, &q, abs_time);

	ret = 0;
	if (!futex_unqueue(&q))
		goto out;	/* woken */
	ret = -ETIMEDOUT;
	if (abs_time && ktime_get_ns() >= *abs_time)
		goto out;
	if (!signal_pending(current)) {
		put_futex_key(&q.key);	/* a spurious wake-up: again */
		goto retry;
	}
	ret = -ERESTARTSYS;
	if (!abs_time)
		goto out;
	restart = &current->restart_block;
	restart->futex.uaddr = uaddr;
	restart->futex.val = val;
	restart->futex.time = *abs_time;
	restart->futex.bitset = bitset;
	restart->futex.flags = flags | FLAGS_HAS_TIMEOUT;
	restart->fn = futex_wait_restart;
	ret = -ERESTART_RESTARTBLOCK;
out:
	put_futex_key(&q.key);
	return ret;
}

/* restart_syscall(2) after a signal without a handler: wait on, to the
 * same end. */
static long futex_wait_restart(struct restart_block *restart)
{
	u32 __user *uaddr = restart->futex.uaddr;
	u64 t, *tp = NULL;

	if (restart->futex.flags & FLAGS_HAS_TIMEOUT) {
		t = restart->futex.time;
		tp = &t;
	}
	restart->fn = do_no_restart_syscall;
	return (long)futex_wait(uaddr, restart->futex.flags,
				restart->futex.val, tp, restart->futex.bitset);
}
