/* getrandom(2): bytes from a xorshift generator stirred with the time
 * counter. Not cryptographic — Clonix has no entropy source — but enough
 * for glibc's stack protector and malloc. */
#include <linux/syscalls.h>
#include <linux/errno.h>
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

long sys_getrandom(char *ubuf, size_t count, unsigned int flags)
{
	size_t done = 0;

	if (flags & ~0x7U)
		return -EINVAL;
	while (done < count) {
		u64 r = next_random();
		size_t n = count - done < sizeof(r) ? count - done : sizeof(r);

		if (copy_to_user(ubuf + done, &r, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	return done;
}
