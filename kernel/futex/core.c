/*
 * Fast user-space mutexes, the common part (Linux's kernel/futex/core.c).
 * A futex is a 32-bit word in user memory; user space takes and releases
 * its locks on the word alone and asks the kernel only to sleep until the
 * word changes (FUTEX_WAIT) or to wake the sleepers (FUTEX_WAKE). The
 * kernel keeps no state per futex, only its sleepers: each is a futex_q,
 * queued in one of the futex_queues hash buckets under the key of its word
 * (get_futex_key: the mm and address for a private futex, the file's page
 * for one in shared memory, so that processes mapping the same page meet).
 *
 * No wake-up can be lost: a waiter queues itself and reads the word under
 * its bucket's lock, and a waker changes the word before taking that lock
 * to wake, so either the waiter sees the new value or the waker sees the
 * waiter. Here too are the robust lists a thread registers so that the
 * locks it holds when it dies are released (exit_robust_list).
 *
 * The word is read and changed through the kernel's own mapping of its
 * page, found in the page table with mmap_lock held: that never faults,
 * so it can run under a bucket lock, and the atomic operations on it are
 * atomic against every CPU. When the page is not there, the caller drops
 * its locks, faults it in (futex_fault_in) and tries again, as Linux does
 * after a user access with page faults disabled fails.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include "futex.h"

#define FUTEX_HASH_BITS 8
#define FUTEX_HASH_SIZE (1 << FUTEX_HASH_BITS)

static struct futex_hash_bucket futex_queues[FUTEX_HASH_SIZE];

/* The bucket of a key: its words mixed by a multiplicative hash. */
struct futex_hash_bucket *futex_hash(union futex_key *key)
{
	u64 h = key->both.ptr ^ ((u64)key->both.word << 7) ^
		key->both.offset;

	h *= 0x9e3779b97f4a7c15ULL;
	return &futex_queues[h >> (64 - FUTEX_HASH_BITS)];
}

/*
 * The key of the futex word at uaddr (see linux/futex.h). EINVAL if it is
 * not 4-byte aligned, EFAULT if it is not a user address or (shared) not
 * mapped. A shared key of a MAP_SHARED mapping holds a reference on the
 * inode: put_futex_key drops it. rw says whether the caller will write
 * the word (a read-only mapping then will not do).
 */
int get_futex_key(u32 __user *uaddr, unsigned int flags, union futex_key *key,
		  enum futex_access rw)
{
	unsigned long address = (unsigned long)uaddr;
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int err = 0;

	key->both.ptr = 0;
	key->both.offset = address % PAGE_SIZE;
	if (address % sizeof(u32))
		return -EINVAL;
	address -= key->both.offset;
	if (!access_ok(uaddr, sizeof(u32)) || !mm)
		return -EFAULT;

	if (!(flags & FLAGS_SHARED)) {
		key->private.mm = mm;
		key->private.address = address;
		return 0;
	}

	mmap_read_lock(mm);
	vma = find_vma(mm, address);
	if (!vma || !(vma->vm_flags & (VM_READ | VM_WRITE)) ||
	    (rw == FUTEX_WRITE && !(vma->vm_flags & VM_WRITE))) {
		err = -EFAULT;
	} else if ((vma->vm_flags & VM_SHARED) && vma->vm_file) {
		/* Shared memory, a file's or anonymous (an unnamed shmem
		 * file): the page's place in the file names it. */
		struct inode *inode = vma->vm_file->f_inode;

		ihold(inode);
		key->both.offset |= FUT_OFF_INODE;
		key->shared.i_seq = (unsigned long)inode;
		key->shared.pgoff = vma->vm_pgoff +
				    ((address - vma->vm_start) >> PAGE_SHIFT);
	} else {
		/* Private memory is only ever this mm's. */
		key->both.offset |= FUT_OFF_MMSHARED;
		key->private.mm = mm;
		key->private.address = address;
	}
	mmap_read_unlock(mm);
	return err;
}

/* Drop what get_futex_key took (the inode of a shared key). */
void put_futex_key(union futex_key *key)
{
	if (key->both.offset & FUT_OFF_INODE)
		iput((struct inode *)(unsigned long)key->shared.i_seq);
	key->both.ptr = 0;
	key->both.offset = 0;
}

/* A second reference to a key's object: a waiter requeued to it. */
void get_futex_key_refs(union futex_key *key)
{
	if (key->both.offset & FUT_OFF_INODE)
		ihold((struct inode *)(unsigned long)key->shared.i_seq);
}

/*
 * The kernel's address of the user word at uaddr, if current's page table
 * maps its page for the access (write: writable now, not a file's page a
 * private mapping would first copy); NULL if not. mmap_lock held for
 * reading, so the mapping cannot change; never faults.
 */
u32 *futex_word(u32 __user *uaddr, bool write)
{
	unsigned long address = (unsigned long)uaddr;
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	struct page *page;
	pte_t *pte;

	if (!mm)
		return NULL;
	vma = find_vma(mm, address);
	if (!vma ||
	    !(vma->vm_flags & (write ? VM_WRITE : VM_READ | VM_WRITE)))
		return NULL;
	pte = follow_pte(mm, address);
	if (!pte || !pfn_valid(pte_pfn(*pte)))
		return NULL;
	page = pfn_to_page(pte_pfn(*pte));
	if (write && !(vma->vm_flags & VM_SHARED) && page->mapping)
		return NULL;	/* read-only until do_wp_page copies it */
	return (u32 *)((char *)page_address(page) + (address & ~PAGE_MASK));
}

/*
 * Make the word's page present as the access needs (Linux's
 * fault_in_user_writeable, or the get_user of futex_wait_setup): 0, or
 * -EFAULT when no fault can bring it (unmapped, or not writable).
 */
int futex_fault_in(u32 __user *uaddr, bool write)
{
	unsigned long address = (unsigned long)uaddr;
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int ret = -EFAULT;

	if (!mm)
		return -EFAULT;
	mmap_read_lock(mm);
	vma = find_vma(mm, address);
	if (vma &&
	    (vma->vm_flags & (write ? VM_WRITE : VM_READ | VM_WRITE))) {
		if (futex_word(uaddr, write) ||
		    (!handle_mm_fault(vma, address, write) &&
		     futex_word(uaddr, write)))
			ret = 0;
	}
	mmap_read_unlock(mm);
	return ret;
}

/* Read the word (mmap_lock held): 0, or -EFAULT if its page is not
 * there. */
int futex_get_value_locked(u32 *dest, u32 __user *from)
{
	u32 *kaddr = futex_word(from, false);

	if (!kaddr)
		return -EFAULT;
	*dest = __atomic_load_n(kaddr, __ATOMIC_ACQUIRE);
	return 0;
}

/* Atomically: if the word is uval, make it newval. *curval is what it
 * was. 0, or -EFAULT if its page is not there writable (mmap_lock held). */
int futex_cmpxchg_value_locked(u32 *curval, u32 __user *uaddr, u32 uval,
			       u32 newval)
{
	u32 *kaddr = futex_word(uaddr, true);

	if (!kaddr)
		return -EFAULT;
	__atomic_compare_exchange_n(kaddr, &uval, newval, false,
				    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	*curval = uval;
	return 0;
}

/* Lock q's bucket (its key set): the caller reads the word next. */
struct futex_hash_bucket *futex_q_lock(struct futex_q *q)
{
	struct futex_hash_bucket *hb = futex_hash(&q->key);

	spin_lock(&hb->lock);
	return hb;
}

void futex_q_unlock(struct futex_hash_bucket *hb)
{
	spin_unlock(&hb->lock);
}

/* Queue q, current's, at the end of hb's chain (hb locked): first come,
 * first woken. */
void __futex_queue(struct futex_q *q, struct futex_hash_bucket *hb)
{
	list_add_tail(&q->list, &hb->chain);
	q->task = current;
	WRITE_ONCE(q->lock_ptr, &hb->lock);
}

/* ... and unlock hb: from here a waker may take q off. */
void futex_queue(struct futex_q *q, struct futex_hash_bucket *hb)
{
	__futex_queue(q, hb);
	spin_unlock(&hb->lock);
}

/* Take q off its chain (its bucket locked). */
void __futex_unqueue(struct futex_q *q)
{
	list_del_init(&q->list);
}

/*
 * The waiter takes itself off its queue after sleeping: 1 if it still was
 * queued (not woken: a timeout or a signal ended the sleep), 0 if a waker
 * had taken it off. A requeue may move q to another bucket meanwhile:
 * lock_ptr is read again under the lock it named.
 */
int futex_unqueue(struct futex_q *q)
{
	spinlock_t *lock_ptr;

	for (;;) {
		lock_ptr = __atomic_load_n(&q->lock_ptr, __ATOMIC_ACQUIRE);
		if (!lock_ptr)
			return 0;
		spin_lock(lock_ptr);
		if (lock_ptr == q->lock_ptr)
			break;
		spin_unlock(lock_ptr);
	}
	__futex_unqueue(q);
	q->lock_ptr = NULL;
	spin_unlock(lock_ptr);
	return 1;
}

/* Two buckets locked at once, always in address order so that two CPUs
 * locking the same pair cannot deadlock. */
void double_lock_hb(struct futex_hash_bucket *hb1,
		    struct futex_hash_bucket *hb2)
{
	if (hb1 > hb2) {
		struct futex_hash_bucket *t = hb1;

		hb1 = hb2;
		hb2 = t;
	}
	spin_lock(&hb1->lock);
	if (hb1 != hb2)
		spin_lock(&hb2->lock);
}

void double_unlock_hb(struct futex_hash_bucket *hb1,
		      struct futex_hash_bucket *hb2)
{
	spin_unlock(&hb1->lock);
	if (hb1 != hb2)
		spin_unlock(&hb2->lock);
}

/* Which entry of a robust list the dying thread is at. */
enum {
	HANDLE_DEATH_PENDING,	/* list_op_pending: maybe half taken */
	HANDLE_DEATH_LIST,	/* an entry: a lock it holds */
};

/*
 * The thread curr dies holding the robust futex at uaddr, maybe: if the
 * word's owner (its low 30 bits) is curr, mark it FUTEX_OWNER_DIED (its
 * owner field cleared, FUTEX_WAITERS kept) and wake one waiter, who will
 * take the lock and see that its owner died (pthread's EOWNERDEAD). A
 * lock that was being taken (pending) and is still 0 may have a waiter
 * that a half-done unlock never woke: wake one too. 0, or -1 to stop
 * walking the list (a bad address). Shared wakes, as Linux: a robust lock
 * may be shared between processes, so glibc waits on it as shared.
 */
static noinline int handle_futex_death(u32 __user *uaddr,
					struct task_struct *curr, bool pi,
					bool pending_op)
{
	struct mm_struct *mm = curr->mm;
	u32 uval, nval, mval;
	int err;

	if ((unsigned long)uaddr % sizeof(*uaddr))
		return -1;
retry:
	if (get_user(uval, uaddr))
		return -1;
	if (pending_op && !pi && !uval) {
		futex_wake(uaddr, FLAGS_SHARED, 1, FUTEX_BITSET_MATCH_ANY);
		return 0;
	}
	if ((uval & FUTEX_TID_MASK) != (u32)curr->pid)
		return 0;
	mval = (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
	mmap_read_lock(mm);
	err = futex_cmpxchg_value_locked(&nval, uaddr, uval, mval);
	mmap_read_unlock(mm);
	if (err) {
		if (futex_fault_in(uaddr, true))
			return -1;
		goto retry;
	}
	if (nval != uval)
		goto retry;	/* a waiter set FUTEX_WAITERS meanwhile */
	if (!pi && (uval & FUTEX_WAITERS))
		futex_wake(uaddr, FLAGS_SHARED, 1, FUTEX_BITSET_MATCH_ANY);
	return 0;
}

/* Read a robust-list pointer: the entry and its PI bit (bit 0). */
static int fetch_robust_entry(struct robust_list __user **entry,
			      struct robust_list __user *__user *head, bool *pi)
{
	unsigned long uentry;

	if (get_user(uentry, (unsigned long __user *)head))
		return -EFAULT;
	*entry = (struct robust_list __user *)(uentry & ~1UL);
	*pi = uentry & 1;
	return 0;
}

/*
 * curr is dying (or exec'ing) and its memory is still there: release
 * every robust futex on the list it registered, walking at most
 * ROBUST_LIST_LIMIT entries (the list is user memory: it may be a loop),
 * then the entry it was taking or releasing (list_op_pending). Any bad
 * pointer ends the walk quietly, as Linux.
 */
static noinline void exit_robust_list(struct task_struct *curr)
{
	struct robust_list_head __user *head = curr->robust_list;
	struct robust_list __user *entry, *next_entry, *pending;
	unsigned int limit = ROBUST_LIST_LIMIT;
	bool pi, pip, next_pi;
	long futex_offset;
	int rc;

	if (fetch_robust_entry(&entry, &head->list.next, &pi))
		return;
	if (get_user(futex_offset, &head->futex_offset))
		return;
	if (fetch_robust_entry(&pending, &head->list_op_pending, &pip))
		return;

	next_entry = NULL;
	while (entry != &head->list) {
		/* The next pointer first: handling the entry may let another
		 * thread free it. */
		rc = fetch_robust_entry(&next_entry, &entry->next, &next_pi);
		if (entry != pending &&
		    handle_futex_death((u32 __user *)((char __user *)entry +
						     futex_offset),
				       curr, pi, false))
			return;
		if (rc)
			return;
		entry = next_entry;
		pi = next_pi;
		if (!--limit)
			break;
		cond_resched();
	}
	if (pending)
		handle_futex_death((u32 __user *)((char __user *)pending +
						     futex_offset),
				   curr, pip, true);
}

/*
 * A task lets go of its address space — it exits, or it execs (Linux's
 * futex_exit_release and futex_exec_release do the same for non-PI
 * futexes): the robust futexes it holds are released while the memory
 * they live in is still there.
 */
void futex_exit_release(struct task_struct *tsk)
{
	if (tsk->robust_list && tsk->mm) {
		exit_robust_list(tsk);
		tsk->robust_list = NULL;
	}
}

/* Called once at boot, before any task can wait. */
void futex_init(void)
{
	int i;

	for (i = 0; i < FUTEX_HASH_SIZE; i++) {
		spin_lock_init(&futex_queues[i].lock);
		INIT_LIST_HEAD(&futex_queues[i].chain);
	}
}
