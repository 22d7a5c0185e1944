/* getrandom(2) and /dev/[u]random: bytes from a xorshift generator
 * stirred with the time counter. Not cryptographic — Clonix has no
 * entropy source — but enough for glibc's stack protector and malloc. */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/uaccess.h>

static u64 state = 0x853c49e6748fea9bULL;

static u64 next_random(void)
{
	state ^= ktime_get_ns();
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return state;
}

/* Fill a kernel buffer (for /dev/random and /dev/urandom reads). */
void get_random_bytes(void *buf, size_t n)
{
	char *p = buf;

	while (n) {
		u64 r = next_random();
		size_t k = min(n, sizeof(r));

		memcpy(p, &r, k);
		p += k;
		n -= k;
	}
}

/*
 * As Linux: at most MAX_RW_COUNT bytes a call, made in a kernel page and
 * copied out a user page at a time (so a fault loses nothing already
 * done), with a chance to reschedule between pages and an early return
 * when a signal is pending: the bytes done so far, or -ERESTARTSYS if
 * none (EINTR, or the call again under SA_RESTART).
 */
SYSCALL_DEFINE3(getrandom, char __user *, ubuf, size_t, count,
		unsigned int, flags)
{
	u64 *buf;
	size_t done = 0;
	long ret = 0;

	if (flags & ~0x7U)
		return -EINVAL;
	count = min(count, (size_t)MAX_RW_COUNT);
	buf = (u64 *)__get_free_page(GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	while (done < count) {
		unsigned long uaddr = (unsigned long)ubuf + done;
		size_t n = min(count - done, PAGE_SIZE - (uaddr & ~PAGE_MASK));
		size_t i;

		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		for (i = 0; i < DIV_ROUND_UP(n, sizeof(u64)); i++)
			buf[i] = next_random();
		if (copy_to_user(ubuf + done, buf, n)) {
			ret = -EFAULT;
			break;
		}
		done += n;
		cond_resched();
	}
	free_page((unsigned long)buf);
	return done ? (long)done : ret;
}
