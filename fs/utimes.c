/*
 * utimensat(2) and its older forms (utimes, utime, futimesat on i386):
 * set a file's access and modification times. Each time may be given,
 * UTIME_NOW or UTIME_OMIT; the change time becomes now. Setting both to
 * now needs ownership or write permission (EACCES); any other setting
 * ownership (EPERM), root passing both as Linux's.
 */
#include <linux/syscalls.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/uaccess.h>

static bool nsec_valid(long nsec)
{
	if (nsec == UTIME_OMIT || nsec == UTIME_NOW)
		return true;
	return nsec >= 0 && nsec <= 999999999;
}

static long utimes_common(struct inode *inode, struct timespec64 *times)
{
	struct timespec64 now = current_time(inode);
	bool both_now = !times || (times[0].tv_nsec == UTIME_NOW &&
				   times[1].tv_nsec == UTIME_NOW);

	if (times && times[0].tv_nsec == UTIME_OMIT &&
	    times[1].tv_nsec == UTIME_OMIT)
		return 0;
	if (both_now) {
		if (!inode_owner_or_capable(inode) &&
		    inode_permission(inode, MAY_WRITE))
			return -EACCES;
	} else if (!inode_owner_or_capable(inode)) {
		return -EPERM;
	}
	if (!times || times[0].tv_nsec == UTIME_NOW)
		inode->i_atime = now;
	else if (times[0].tv_nsec != UTIME_OMIT)
		inode->i_atime = times[0];
	if (!times || times[1].tv_nsec == UTIME_NOW)
		inode->i_mtime = now;
	else if (times[1].tv_nsec != UTIME_OMIT)
		inode->i_mtime = times[1];
	inode->i_ctime = now;
	return 0;
}

/*
 * The common body: filename NULL means the file dfd is open on (as
 * Linux, which glibc's futimens uses); flags may hold AT_SYMLINK_NOFOLLOW
 * and AT_EMPTY_PATH.
 */
long do_utimes(int dfd, const char __user *filename, struct timespec64 *times,
	       int flags)
{
	struct inode *inode;
	long err = 0;

	if (times && (!nsec_valid(times[0].tv_nsec) ||
		      !nsec_valid(times[1].tv_nsec)))
		return -EINVAL;
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (!filename && dfd != AT_FDCWD) {
		struct file *f;

		if (flags & AT_SYMLINK_NOFOLLOW)
			return -EINVAL;
		f = fget(dfd);
		if (!f)
			return -EBADF;
		err = utimes_common(f->f_inode, times);
		fput(f);
		return err;
	}
	inode = at_inode(dfd, filename, flags, &err);
	return inode ? utimes_common(inode, times) : err;
}

SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename,
		struct __kernel_timespec __user *, utimes, int, flags)
{
	struct __kernel_timespec t[2];
	struct timespec64 tstimes[2];

	if (utimes) {
		if (copy_from_user(t, utimes, sizeof(t)))
			return -EFAULT;
		tstimes[0].tv_sec = t[0].tv_sec;
		tstimes[0].tv_nsec = t[0].tv_nsec;
		tstimes[1].tv_sec = t[1].tv_sec;
		tstimes[1].tv_nsec = t[1].tv_nsec;
		/* A 32-bit long would drop bits of a bad tv_nsec. */
		if (t[0].tv_nsec != tstimes[0].tv_nsec ||
		    t[1].tv_nsec != tstimes[1].tv_nsec)
			return -EINVAL;
	}
	return do_utimes(dfd, filename, utimes ? tstimes : NULL, flags);
}
