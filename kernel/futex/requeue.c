/*
 * FUTEX_REQUEUE and FUTEX_CMP_REQUEUE (Linux's kernel/futex/requeue.c):
 * wake some waiters of one futex and move the rest, without waking them,
 * to wait on another — a condition variable's broadcast moves its waiters
 * onto the mutex so they do not all wake to fight over it. (The PI
 * variants are not implemented: see kernel/futex/syscalls.c.)
 */
#include <linux/errno.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include "futex.h"

/*
 * Move q from hb1 to hb2 and give it key2 (both buckets locked). The
 * waiter finds its new lock through lock_ptr (futex_unqueue). q takes its
 * own reference on key2's object and drops the one on its old key; the
 * requeuer's reference on that same key keeps it alive meanwhile.
 */
static void requeue_futex(struct futex_q *q, struct futex_hash_bucket *hb1,
			  struct futex_hash_bucket *hb2, union futex_key *key2)
{
	if (hb1 != hb2) {
		list_del(&q->list);
		list_add_tail(&q->list, &hb2->chain);
		__atomic_store_n(&q->lock_ptr, &hb2->lock, __ATOMIC_RELEASE);
	}
	get_futex_key_refs(key2);
	put_futex_key(&q->key);
	q->key = *key2;
}

/*
 * Wake up to nr_wake waiters of uaddr1 and requeue up to nr_requeue of
 * the others to uaddr2 — for FUTEX_CMP_REQUEUE (cmpval given) only if the
 * word at uaddr1 is still *cmpval, else -EAGAIN. Returns how many were
 * woken plus how many were requeued, or -errno.
 */
int futex_requeue(u32 __user *uaddr1, unsigned int flags1, u32 __user *uaddr2,
		  unsigned int flags2, int nr_wake, int nr_requeue,
		  u32 *cmpval)
{
	union futex_key key1 = FUTEX_KEY_INIT, key2 = FUTEX_KEY_INIT;
	struct futex_hash_bucket *hb1, *hb2;
	struct futex_q *this, *next;
	int task_count = 0, ret;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
retry:
	ret = get_futex_key(uaddr1, flags1, &key1, FUTEX_READ);
	if (ret)
		return ret;
	ret = get_futex_key(uaddr2, flags2, &key2, FUTEX_READ);
	if (ret)
		goto out_put_key1;
	hb1 = futex_hash(&key1);
	hb2 = futex_hash(&key2);

	if (cmpval)	/* mmap_lock before the bucket locks, never after */
		mmap_read_lock(current->mm);
	double_lock_hb(hb1, hb2);
	if (cmpval) {
		u32 curval;

		ret = futex_get_value_locked(&curval, uaddr1);
		mmap_read_unlock(current->mm);
		if (ret) {
			double_unlock_hb(hb1, hb2);
			ret = futex_fault_in(uaddr1, false);
			if (ret)
				goto out_put_keys;
			put_futex_key(&key2);
			put_futex_key(&key1);
			goto retry;
		}
		if (curval != *cmpval) {
			ret = -EAGAIN;
			goto out_unlock;
		}
	}

	list_for_each_entry_safe(this, next, &hb1->chain, list) {
		if (task_count - nr_wake >= nr_requeue)
			break;
		if (!futex_match(&this->key, &key1))
			continue;
		if (++task_count <= nr_wake) {
			futex_wake_mark(this);
			continue;
		}
		requeue_futex(this, hb1, hb2, &key2);
	}
	ret = task_count;
out_unlock:
	double_unlock_hb(hb1, hb2);
out_put_keys:
	put_futex_key(&key2);
out_put_key1:
	put_futex_key(&key1);
	return ret;
}
