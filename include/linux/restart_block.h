/* How an interrupted system call finishes later (Linux's
 * include/linux/restart_block.h): a call that returns
 * -ERESTART_RESTARTBLOCK leaves in current->restart_block the function
 * that restart_syscall(2) calls instead of re-running it, with what it
 * needs — nanosleep the absolute end of its sleep and where the time left
 * goes, a futex wait its word, value and end — so a stopped and continued
 * sleep ends when it should have. */
#ifndef _LINUX_RESTART_BLOCK_H
#define _LINUX_RESTART_BLOCK_H

#include <linux/types.h>

enum timespec_type {
	TT_NONE = 0,
	TT_NATIVE = 1,	/* struct __kernel_timespec */
	TT_COMPAT = 2,	/* i386's struct old_timespec32 */
};

struct restart_block {
	long (*fn)(struct restart_block *);
	union {
		struct {
			int clockid;
			enum timespec_type type;
			void __user *rmtp;	/* where the time left goes */
			u64 expires;	/* in jiffies */
		} nanosleep;
		struct {	/* futex_wait_restart */
			u32 __user *uaddr;
			u32 val;
			u32 flags;	/* FLAGS_* of kernel/futex */
			u32 bitset;
			u64 time;	/* absolute end, ns of ktime_get_ns */
		} futex;
	};
};

/* What restart_syscall runs when there is nothing to restart: EINTR. */
long do_no_restart_syscall(struct restart_block *parm);

#endif
