/* What the futex files share (Linux's kernel/futex/futex.h): the hash
 * bucket a waiter sleeps in, the waiter itself (struct futex_q), and the
 * helpers of core.c that find a futex's key and touch its word. */
#ifndef _KERNEL_FUTEX_H
#define _KERNEL_FUTEX_H

#include <linux/futex.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/types.h>

/* do_futex's flags, from op: FUTEX_PRIVATE_FLAG off means shared. */
#define FLAGS_SHARED 0x01
#define FLAGS_CLOCKRT 0x02	/* FUTEX_CLOCK_REALTIME */
#define FLAGS_HAS_TIMEOUT 0x04	/* the restart block has a time */

/* get_futex_key's rw: a key for reading the word, or for writing it. */
enum futex_access {
	FUTEX_READ,
	FUTEX_WRITE
};

/* One chain of waiters: every futex whose key hashes here, under lock. */
struct futex_hash_bucket {
	spinlock_t lock;
	struct list_head chain;	/* of futex_q.list */
};

/*
 * A waiter, on its sleeper's stack. It is queued on its bucket's chain
 * while lock_ptr points at the bucket's lock; a waker takes it off and
 * sets lock_ptr to NULL (then wakes task), so the sleeper can tell "woken"
 * from "timed out" or "signalled" by lock_ptr alone. A requeue moves it to
 * another bucket and key, lock_ptr following.
 */
struct futex_q {
	struct list_head list;
	struct task_struct *task;
	spinlock_t *lock_ptr;
	union futex_key key;
	u32 bitset;		/* FUTEX_WAKE_BITSET wakes it if they share a bit */
};

/* core.c */
struct futex_hash_bucket *futex_hash(union futex_key *key);
int get_futex_key(u32 __user *uaddr, unsigned int flags, union futex_key *key,
		  enum futex_access rw);
void put_futex_key(union futex_key *key);
void get_futex_key_refs(union futex_key *key);
static inline int futex_match(union futex_key *key1, union futex_key *key2)
{
	return key1 && key2 && key1->both.word == key2->both.word &&
	       key1->both.ptr == key2->both.ptr &&
	       key1->both.offset == key2->both.offset;
}

/* The word itself: with current->mm's mmap_lock held for reading, these
 * never fault (they can run under a bucket lock) and give -EFAULT when the
 * page is not there as the access needs; the caller then drops its locks,
 * faults the page in (futex_fault_in) and tries again. */
int futex_get_value_locked(u32 *dest, u32 __user *from);
int futex_cmpxchg_value_locked(u32 *curval, u32 __user *uaddr, u32 uval,
			       u32 newval);
u32 *futex_word(u32 __user *uaddr, bool write);
int futex_fault_in(u32 __user *uaddr, bool write);

struct futex_hash_bucket *futex_q_lock(struct futex_q *q);
void futex_q_unlock(struct futex_hash_bucket *hb);
void __futex_queue(struct futex_q *q, struct futex_hash_bucket *hb);
void futex_queue(struct futex_q *q, struct futex_hash_bucket *hb);
void __futex_unqueue(struct futex_q *q);
int futex_unqueue(struct futex_q *q);
void double_lock_hb(struct futex_hash_bucket *hb1,
		    struct futex_hash_bucket *hb2);
void double_unlock_hb(struct futex_hash_bucket *hb1,
		      struct futex_hash_bucket *hb2);

/* waitwake.c */
void futex_wake_mark(struct futex_q *q);
int futex_wake(u32 __user *uaddr, unsigned int flags, int nr_wake, u32 bitset);
int futex_wake_op(u32 __user *uaddr1, unsigned int flags, u32 __user *uaddr2,
		int nr_wake,
		  int nr_wake2, int op);
int futex_wait(u32 __user *uaddr, unsigned int flags, u32 val, u64 *abs_time,
	       u32 bitset);

/* requeue.c */
int futex_requeue(u32 __user *uaddr1, unsigned int flags1, u32 __user *uaddr2,
		  unsigned int flags2, int nr_wake, int nr_requeue,
		  u32 *cmpval);

#endif
