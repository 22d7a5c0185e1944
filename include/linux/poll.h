/*
 * Waiting for I/O on many files at once (poll, select): each file's
 * ->poll method says which events are ready now, and — on the first pass
 * — calls poll_wait() with each wait queue whose wake-up could change
 * that answer, so the caller can sleep on all of them at once. Files
 * without a ->poll method are always ready (DEFAULT_POLLMASK).
 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/fs.h>
#include <linux/wait.h>
#include <uapi/linux/poll.h>

#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

struct poll_table_struct;
typedef void (*poll_queue_proc)(struct file *f, struct wait_queue_head *wq,
				struct poll_table_struct *pt);

/* NULL, or qproc NULL, once the caller is registered everywhere. */
typedef struct poll_table_struct {
	poll_queue_proc qproc;
} poll_table;

static inline void poll_wait(struct file *f, struct wait_queue_head *wq,
			     poll_table *pt)
{
	if (pt && pt->qproc && wq)
		pt->qproc(f, wq, pt);
}

/* The events ready on f now (registering on its queues if pt asks). */
static inline unsigned int vfs_poll(struct file *f, poll_table *pt)
{
	if (!f->f_op->poll)
		return DEFAULT_POLLMASK;
	return f->f_op->poll(f, pt);
}

/* How a call's caller gives (and gets back) its timeout. */
enum poll_time_type {
	PT_TIMEVAL,		/* two longs: select */
	PT_TIMESPEC,		/* 64-bit: pselect6, ppoll, *_time64 */
	PT_OLD_TIMESPEC,	/* i386's 32-bit */
};

struct timespec64;

/* fs/select.c, shared with i386's 32-bit-time calls. */
int poll_select_set_timeout(struct timespec64 *to, s64 sec, s64 nsec);
int poll_select_finish(struct timespec64 *end_time, void __user *p,
		       enum poll_time_type pt_type, int ret);
int do_sys_poll(struct pollfd __user *ufds, unsigned int nfds,
		struct timespec64 *end_time);
int do_ppoll(struct pollfd __user *ufds, unsigned int nfds,
	     struct timespec64 *ts, void __user *tsp, enum poll_time_type type,
	     const u64 __user *sigmask, size_t sigsetsize);
int core_sys_select(int n, unsigned long __user *inp,
		unsigned long __user *outp,
		    unsigned long __user *exp, struct timespec64 *end_time);
int do_pselect(int n, unsigned long __user *inp, unsigned long __user *outp,
	       unsigned long __user *exp, struct timespec64 *ts,
	       void __user *tsp,
	       enum poll_time_type type, void __user *sig);

#endif
