/* The futex system call's user ABI (Linux's include/uapi/linux/futex.h):
 * the operations and their flags, FUTEX_WAKE_OP's encoded operation, the
 * bits of a robust futex word and the robust list a thread registers with
 * set_robust_list, so the kernel can release its locks when it dies. */
#ifndef _UAPI_LINUX_FUTEX_H
#define _UAPI_LINUX_FUTEX_H

#include <linux/types.h>

/* futex(uaddr, op, val, timeout, uaddr2, val3): op's low bits */
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_FD 2		/* gone from Linux since 2.6.26 */
#define FUTEX_REQUEUE 3
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_WAKE_OP 5
#define FUTEX_LOCK_PI 6		/* the PI (priority inheritance) ops */
#define FUTEX_UNLOCK_PI 7
#define FUTEX_TRYLOCK_PI 8
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_WAIT_REQUEUE_PI 11
#define FUTEX_CMP_REQUEUE_PI 12
#define FUTEX_LOCK_PI2 13

/* ... and its flags: the futex is only seen by this process (no lookup
 * of the page behind it); an absolute timeout is on CLOCK_REALTIME. */
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_CMD_MASK ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME)

/* A robust list, in user memory: each entry is a lock's list node at
 * futex_offset bytes from its futex word; bit 0 of a pointer marks a PI
 * futex. list_op_pending is the lock being taken or released right now. */
struct robust_list {
	struct robust_list __user *next;
};

struct robust_list_head {
	struct robust_list list;
	long futex_offset;
	struct robust_list __user *list_op_pending;
};

/* A robust futex word: the owner's tid and these two bits. */
#define FUTEX_WAITERS 0x80000000	/* someone sleeps on it */
#define FUTEX_OWNER_DIED 0x40000000	/* its owner died holding it */
#define FUTEX_TID_MASK 0x3fffffff

/* Most entries a dying thread's robust list is walked for (a list in a
 * loop must not keep the kernel busy for ever). */
#define ROBUST_LIST_LIMIT 2048

/* FUTEX_WAIT and FUTEX_WAKE are the _BITSET ops with every bit set. */
#define FUTEX_BITSET_MATCH_ANY 0xffffffff

/* FUTEX_WAKE_OP's val3: an operation on the second word and a comparison
 * of its old value: FUTEX_OP(op, oparg, cmp, cmparg). */
#define FUTEX_OP_SET 0		/* uaddr2 = oparg */
#define FUTEX_OP_ADD 1		/* uaddr2 += oparg */
#define FUTEX_OP_OR 2		/* uaddr2 |= oparg */
#define FUTEX_OP_ANDN 3		/* uaddr2 &= ~oparg */
#define FUTEX_OP_XOR 4		/* uaddr2 ^= oparg */

#define FUTEX_OP_OPARG_SHIFT 8	/* op | this: oparg is 1 << oparg */

#define FUTEX_OP_CMP_EQ 0	/* wake on uaddr2 too if oldval == cmparg */
#define FUTEX_OP_CMP_NE 1
#define FUTEX_OP_CMP_LT 2
#define FUTEX_OP_CMP_LE 3
#define FUTEX_OP_CMP_GT 4
#define FUTEX_OP_CMP_GE 5

#define FUTEX_OP(op, oparg, cmp, cmparg)                       \
	(((op & 0xf) << 28) | ((cmp & 0xf) << 24) |            \
	 ((oparg & 0xfff) << 12) | (cmparg & 0xfff))

#endif
