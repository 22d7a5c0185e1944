/*
 * poll(2), ppoll, select(2) and pselect6: wait until one of many files is
 * ready, a timeout passes, or a signal comes. Each pass asks every file's
 * ->poll which events are ready; the first pass also puts the caller on
 * each wait queue the files name (poll_wait → __pollwait), so a single
 * sleep wakes on whichever comes first. Timeouts are absolute end times
 * (poll_select_set_timeout) and, as in Linux, select, pselect6 and ppoll
 * write back the time that was left (poll_select_finish). ppoll and
 * pselect6 wait with the caller's signal mask swapped for the given one.
 * i386's calls with 32-bit times are thin wrappers in
 * arch/x86/kernel/sys_i386_32.c.
 */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/uaccess.h>

/* One wait queue the caller sleeps on, and the file that named it. */
struct poll_table_entry {
	struct file *filp;
	struct wait_queue_head *wait_address;
	struct wait_queue_entry wait;
};

#define ENTRIES_PER_PAGE \
	((PAGE_SIZE - sizeof(void *) - sizeof(int)) / \
	 sizeof(struct poll_table_entry))

struct poll_table_page {
	struct poll_table_page *next;
	int nr;
	struct poll_table_entry entries[ENTRIES_PER_PAGE];
};

/* Everything one poll or select call is waiting on. */
struct poll_wqueues {
	poll_table pt;
	struct poll_table_page *table;
	int error;	/* -ENOMEM: a queue could not be joined */
};

static void __pollwait(struct file *f, struct wait_queue_head *wq,
		       poll_table *pt)
{
	struct poll_wqueues *pwq = container_of(pt, struct poll_wqueues, pt);
	struct poll_table_page *page = pwq->table;
	struct poll_table_entry *e;

	if (!page || page->nr == (int)ENTRIES_PER_PAGE) {
		page = kmalloc(sizeof(*page), GFP_KERNEL);
		if (!page) {
			pwq->error = -ENOMEM;
			return;
		}
		page->nr = 0;
		page->next = pwq->table;
		pwq->table = page;
	}
	e = &page->entries[page->nr++];
	e->filp = get_file(f);
	e->wait_address = wq;
	e->wait.private = current;
	INIT_LIST_HEAD(&e->wait.entry);
	add_wait_queue(wq, &e->wait);
}

static void poll_initwait(struct poll_wqueues *pwq)
{
	pwq->pt.qproc = __pollwait;
	pwq->table = NULL;
	pwq->error = 0;
}

static void poll_freewait(struct poll_wqueues *pwq)
{
	struct poll_table_page *page = pwq->table;

	while (page) {
		struct poll_table_page *next = page->next;
		int i;

		for (i = 0; i < page->nr; i++) {
			remove_wait_queue(page->entries[i].wait_address,
					  &page->entries[i].wait);
			fput(page->entries[i].filp);
		}
		kfree(page);
		page = next;
	}
}

/* ---- timeouts --------------------------------------------------------- */

/* Set *to to now + sec.nsec (0 seconds: do not wait); -EINVAL if the time
 * is not a valid one. A time too far off to count is "for ever". */
int poll_select_set_timeout(struct timespec64 *to, s64 sec, s64 nsec)
{
	u64 now = ktime_get_ns();

	if (sec < 0 || nsec < 0 || nsec >= (s64)NSEC_PER_SEC)
		return -EINVAL;
	if (!sec && !nsec) {
		to->tv_sec = to->tv_nsec = 0;
		return 0;
	}
	if ((u64)sec > (~0ULL >> 2) / NSEC_PER_SEC) {
		to->tv_sec = -1;	/* beyond any uptime: no end */
		to->tv_nsec = 0;
		return 0;
	}
	now += sec * NSEC_PER_SEC + nsec;
	to->tv_sec = now / NSEC_PER_SEC;
	to->tv_nsec = now % NSEC_PER_SEC;
	return 0;
}

/* Ticks to sleep until end (NULL or tv_sec < 0: for ever), or 0 if it has
 * passed. */
static long ticks_until(const struct timespec64 *end, bool *expired)
{
	u64 now = ktime_get_ns(), when;
	u64 tick_ns = NSEC_PER_SEC / HZ;

	*expired = false;
	if (!end || end->tv_sec < 0)
		return MAX_SCHEDULE_TIMEOUT;
	when = timespec64_to_ns(end);
	if (when <= now) {
		*expired = true;
		return 0;
	}
	return (when - now + tick_ns - 1) / tick_ns;
}

/*
 * Write back how much of the timeout is left in the caller's layout, as
 * Linux does for select, pselect6 and ppoll. A write that faults is
 * ignored: the call did happen. A signal's -ERESTARTNOHAND restarts the
 * call only when no handler runs, with the time left written back.
 */
int poll_select_finish(struct timespec64 *end_time, void __user *p,
		       enum poll_time_type pt_type, int ret)
{
	struct timespec64 rts = { 0, 0 };
	u64 now = ktime_get_ns(), end;

	if (!p || !end_time || end_time->tv_sec < 0)
		return ret;
	if (!end_time->tv_sec && !end_time->tv_nsec)
		return ret;	/* a zero timeout stays zero */
	end = timespec64_to_ns(end_time);
	if (end > now) {
		rts.tv_sec = (end - now) / NSEC_PER_SEC;
		rts.tv_nsec = (end - now) % NSEC_PER_SEC;
	}
	switch (pt_type) {
	case PT_TIMEVAL: {
		struct __kernel_old_timeval tv = {
			rts.tv_sec, rts.tv_nsec / 1000,
		};

		(void)!copy_to_user(p, &tv, sizeof(tv));
		break;
	}
	case PT_TIMESPEC:
		(void)put_timespec64(&rts, p);
		break;
	case PT_OLD_TIMESPEC:
		(void)put_old_timespec32(&rts, p);
		break;
	}
	return ret;
}

/* ---- the signal mask of ppoll and pselect6 ------------------------------ */

/* Wait with *sigmask as the signal mask (a NULL mask: the current one);
 * sigsetsize must be the kernel's. */
int set_user_sigmask(const u64 __user *umask, size_t sigsetsize)
{
	u64 mask;

	if (!umask)
		return 0;
	if (sigsetsize != sizeof(u64))
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	current->saved_sigmask = current->blocked;
	current->restore_sigmask = true;
	current->blocked = mask & ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
	recalc_sigpending();
	return 0;
}

/* After the wait: put the old mask back now, unless a signal ended it —
 * then that signal is acted on first, under the wait's mask, and the old
 * mask comes back after (do_signal), as Linux does. */
void restore_saved_sigmask_unless(bool interrupted)
{
	if (!current->restore_sigmask || interrupted)
		return;
	current->restore_sigmask = false;
	current->blocked = current->saved_sigmask;
	recalc_sigpending();
}

/* ---- poll ----------------------------------------------------------------- */

/* The events of one pollfd, always including POLLERR and POLLHUP. */
static short do_pollfd(struct pollfd *pfd, poll_table *pt)
{
	unsigned int mask;
	struct file *f;

	if (pfd->fd < 0)
		return 0;
	f = fget(pfd->fd);
	if (!f)
		return POLLNVAL;
	mask = vfs_poll(f, pt);
	fput(f);
	return mask & ((unsigned short)pfd->events | POLLERR | POLLHUP);
}

static int do_poll(struct pollfd *fds, unsigned int nfds,
		   struct poll_wqueues *wait, struct timespec64 *end_time)
{
	poll_table *pt = &wait->pt;
	bool expired;
	long ticks = ticks_until(end_time, &expired);
	int count;

	if (expired)
		pt->qproc = NULL;	/* a zero timeout: look once */
	for (;;) {
		unsigned int i;

		set_current_state(TASK_INTERRUPTIBLE);
		count = 0;
		for (i = 0; i < nfds; i++) {
			fds[i].revents = do_pollfd(&fds[i], pt);
			if (fds[i].revents) {
				count++;
				pt->qproc = NULL;	/* no more queues */
			}
		}
		pt->qproc = NULL;
		if (count || expired)
			break;
		if (wait->error) {
			count = wait->error;
			break;
		}
		if (signal_pending(current)) {
			count = -ERESTARTNOHAND;
			break;
		}
		if (ticks == MAX_SCHEDULE_TIMEOUT)
			schedule();
		else
			schedule_timeout(ticks);
		ticks = ticks_until(end_time, &expired);
	}
	__set_current_state(TASK_RUNNING);
	return count;
}

/* The calls' common part: copy the pollfds in, wait, copy revents out. */
int do_sys_poll(struct pollfd __user *ufds, unsigned int nfds,
		struct timespec64 *end_time)
{
	struct poll_wqueues table;
	struct pollfd *fds;
	size_t size;
	unsigned int i;
	int count;

	if (nfds > task_rlimit(current, RLIMIT_NOFILE))
		return -EINVAL;
	size = (size_t)nfds * sizeof(*fds);
	fds = kmalloc(size ? size : 1, GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	if (copy_from_user(fds, ufds, size)) {
		kfree(fds);
		return -EFAULT;
	}
	poll_initwait(&table);
	count = do_poll(fds, nfds, &table, end_time);
	poll_freewait(&table);
	for (i = 0; count >= 0 && i < nfds; i++)
		if (put_user(fds[i].revents, &ufds[i].revents))
			count = -EFAULT;
	kfree(fds);
	return count;
}

SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, nfds,
		int, timeout_msecs)
{
	struct timespec64 end_time, *to = NULL;

	if (timeout_msecs >= 0) {
		to = &end_time;
		poll_select_set_timeout(to, timeout_msecs / 1000,
					(s64)(timeout_msecs % 1000) * 1000000);
	}
	return do_sys_poll(ufds, nfds, to);
}

/* ppoll with the time in any layout: i386's 32-bit call shares it. */
int do_ppoll(struct pollfd __user *ufds, unsigned int nfds,
	     struct timespec64 *ts, void __user *tsp, enum poll_time_type type,
	     const u64 __user *sigmask, size_t sigsetsize)
{
	struct timespec64 end_time, *to = NULL;
	int ret;

	if (ts) {
		to = &end_time;
		if (poll_select_set_timeout(to, ts->tv_sec, ts->tv_nsec))
			return -EINVAL;
	}
	ret = set_user_sigmask(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = do_sys_poll(ufds, nfds, to);
	restore_saved_sigmask_unless(ret == -ERESTARTNOHAND);
	return poll_select_finish(to, tsp, type, ret);
}

SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
		struct __kernel_timespec __user *, tsp,
		const u64 __user *, sigmask,
		size_t, sigsetsize)
{
	struct timespec64 ts;

	if (tsp && get_timespec64(&ts, tsp))
		return -EFAULT;
	return do_ppoll(ufds, nfds, tsp ? &ts : NULL, tsp, PT_TIMESPEC,
			sigmask, sigsetsize);
}

/* ---- select ---------------------------------------------------------------- */

#define POLLIN_SET (POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET (POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET (POLLPRI)

#define FDS_BYTES(n) (DIV_ROUND_UP(n, BITS_PER_LONG) * sizeof(long))

/* The three sets in, and the three results out, each n bits. */
struct fd_set_bits {
	unsigned long *in, *out, *ex;
	unsigned long *res_in, *res_out, *res_ex;
};

static bool fd_isset(const unsigned long *set, int fd)
{
	return set[fd / BITS_PER_LONG] & (1UL << (fd % BITS_PER_LONG));
}

static void fd_set_bit(unsigned long *set, int fd)
{
	set[fd / BITS_PER_LONG] |= 1UL << (fd % BITS_PER_LONG);
}

/* Every descriptor in any of the sets must be open: n, or -EBADF. */
static int max_select_fd(int n, const struct fd_set_bits *fds)
{
	int fd;

	for (fd = 0; fd < n; fd++) {
		struct file *f;

		if (!fd_isset(fds->in, fd) && !fd_isset(fds->out, fd) &&
		    !fd_isset(fds->ex, fd))
			continue;
		f = fget(fd);
		if (!f)
			return -EBADF;
		fput(f);
	}
	return n;
}

static int do_select(int n, struct fd_set_bits *fds,
		     struct timespec64 *end_time)
{
	struct poll_wqueues table;
	poll_table *pt = &table.pt;
	bool expired;
	long ticks = ticks_until(end_time, &expired);
	int count, fd;

	n = max_select_fd(n, fds);
	if (n < 0)
		return n;
	poll_initwait(&table);
	if (expired)
		pt->qproc = NULL;
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		count = 0;
		for (fd = 0; fd < n; fd++) {
			bool in = fd_isset(fds->in, fd),
			     out = fd_isset(fds->out, fd),
			     ex = fd_isset(fds->ex, fd);
			unsigned int mask;
			struct file *f;

			if (!in && !out && !ex)
				continue;
			f = fget(fd);
			if (!f)
				continue;	/* closed meanwhile */
			mask = vfs_poll(f, pt);
			fput(f);
			if (in && (mask & POLLIN_SET) &&
			    !fd_isset(fds->res_in, fd)) {
				fd_set_bit(fds->res_in, fd);
				count++;
			}
			if (out && (mask & POLLOUT_SET) &&
			    !fd_isset(fds->res_out, fd)) {
				fd_set_bit(fds->res_out, fd);
				count++;
			}
			if (ex && (mask & POLLEX_SET) &&
			    !fd_isset(fds->res_ex, fd)) {
				fd_set_bit(fds->res_ex, fd);
				count++;
			}
			if (count)
				pt->qproc = NULL;
		}
		pt->qproc = NULL;
		if (count || expired)
			break;
		if (table.error) {
			count = table.error;
			break;
		}
		if (signal_pending(current)) {
			count = -ERESTARTNOHAND;
			break;
		}
		if (ticks == MAX_SCHEDULE_TIMEOUT)
			schedule();
		else
			schedule_timeout(ticks);
		ticks = ticks_until(end_time, &expired);
	}
	__set_current_state(TASK_RUNNING);
	poll_freewait(&table);
	return count;
}

/* A set from user space (NULL: empty), or -EFAULT. */
static int get_fd_set(unsigned long n, const unsigned long __user *ufdset,
		      unsigned long *fdset)
{
	size_t bytes = FDS_BYTES(n);

	if (!ufdset) {
		memset(fdset, 0, bytes);
		return 0;
	}
	return copy_from_user(fdset, ufdset, bytes) ? -EFAULT : 0;
}

static int set_fd_set(unsigned long n, unsigned long __user *ufdset,
		      const unsigned long *fdset)
{
	if (!ufdset)
		return 0;
	return copy_to_user(ufdset, fdset, FDS_BYTES(n)) ? -EFAULT : 0;
}

/*
 * select's common part: n is cut to the size of the descriptor table (as
 * in Linux, so a huge n costs nothing), the sets come in, the results go
 * out in their place.
 */
int core_sys_select(int n, unsigned long __user *inp,
		unsigned long __user *outp,
		    unsigned long __user *exp, struct timespec64 *end_time)
{
	struct fd_set_bits fds;
	unsigned long *bits;
	unsigned int max_fds;
	size_t size;
	int ret;

	if (n < 0)
		return -EINVAL;
	max_fds = files_fdtable(current->files)->max_fds;
	if ((unsigned int)n > max_fds)
		n = max_fds;
	size = FDS_BYTES(n);
	bits = kzalloc(6 * size + 1, GFP_KERNEL);
	if (!bits)
		return -ENOMEM;
	fds.in = bits;
	fds.out = (void *)((char *)bits + size);
	fds.ex = (void *)((char *)bits + 2 * size);
	fds.res_in = (void *)((char *)bits + 3 * size);
	fds.res_out = (void *)((char *)bits + 4 * size);
	fds.res_ex = (void *)((char *)bits + 5 * size);
	ret = get_fd_set(n, inp, fds.in);
	if (!ret)
		ret = get_fd_set(n, outp, fds.out);
	if (!ret)
		ret = get_fd_set(n, exp, fds.ex);
	if (!ret)
		ret = do_select(n, &fds, end_time);
	if (ret >= 0 && (set_fd_set(n, inp, fds.res_in) ||
			 set_fd_set(n, outp, fds.res_out) ||
			 set_fd_set(n, exp, fds.res_ex)))
		ret = -EFAULT;
	kfree(bits);
	return ret;
}

/* select(2) with a timeval of two longs (i386's _newselect). */
SYSCALL_DEFINE5(select, int, n, unsigned long __user *, inp,
		unsigned long __user *, outp,
		unsigned long __user *, exp,
		struct __kernel_old_timeval __user *, tvp)
{
	struct timespec64 end_time, *to = NULL;
	struct __kernel_old_timeval tv;
	int ret;

	if (tvp) {
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		/* As in Linux, a million microseconds or more carry into
		 * the seconds; only a negative time is invalid. */
		to = &end_time;
		if (poll_select_set_timeout(to,
				(s64)tv.tv_sec + tv.tv_usec / 1000000,
				(s64)(tv.tv_usec % 1000000) * 1000))
			return -EINVAL;
	}
	ret = core_sys_select(n, inp, outp, exp, to);
	return poll_select_finish(to, tvp, PT_TIMEVAL, ret);
}

/* pselect6's sixth argument: the mask and its size, in user memory. */
struct sigset_argpack {
	const u64 __user *p;
	size_t size;
};

int do_pselect(int n, unsigned long __user *inp, unsigned long __user *outp,
	       unsigned long __user *exp, struct timespec64 *ts,
	       void __user *tsp,
	       enum poll_time_type type, void __user *sig)
{
	struct timespec64 end_time, *to = NULL;
	struct sigset_argpack pack = { NULL, 0 };
	int ret;

	if (ts) {
		to = &end_time;
		if (poll_select_set_timeout(to, ts->tv_sec, ts->tv_nsec))
			return -EINVAL;
	}
	if (sig) {
		/* Two words of the caller's size (a long each). */
		unsigned long words[2];

		if (copy_from_user(words, sig, sizeof(words)))
			return -EFAULT;
		pack.p = (const u64 __user *)words[0];
		pack.size = words[1];
	}
	ret = set_user_sigmask(pack.p, pack.size);
	if (ret)
		return ret;
	ret = core_sys_select(n, inp, outp, exp, to);
	restore_saved_sigmask_unless(ret == -ERESTARTNOHAND);
	return poll_select_finish(to, tsp, type, ret);
}

SYSCALL_DEFINE6(pselect6, int, n, unsigned long __user *, inp,
		unsigned long __user *, outp,
		unsigned long __user *, exp,
		struct __kernel_timespec __user *, tsp,
		void __user *, sig)
{
	struct timespec64 ts;

	if (tsp && get_timespec64(&ts, tsp))
		return -EFAULT;
	return do_pselect(n, inp, outp, exp, tsp ? &ts : NULL, tsp,
			  PT_TIMESPEC, sig);
}
