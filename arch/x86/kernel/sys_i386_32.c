/*
 * System calls only i386 has: the older ABI that 32-bit x86 keeps next to
 * the portable calls. Each is a thin layer over portable code — a path
 * call is its *at() form relative to the working directory, a stat or
 * time call copies the kernel's value out in i386's own layout, mmap2
 * counts its offset in pages — so the work itself is done once, in the
 * core, for both architectures.
 */
#include <asm/stat.h>
#include <asm/syscalls.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>

#define CLOCK_MONOTONIC 1

/* ---- processes ---------------------------------------------------------- */

/* waitpid(2): wait4 without the resource usage. */
SYSCALL_DEFINE3(waitpid, pid_t, pid, int *, stat_addr, int, options)
{
	return kernel_wait4(pid, stat_addr, options, NULL);
}

/* ---- files: the path calls that predate the *at() family ---------------- */

SYSCALL_DEFINE3(open, const char *, filename, int, flags, u32, mode)
{
	return do_sys_openat(AT_FDCWD, filename, flags, mode);
}

SYSCALL_DEFINE2(access, const char *, filename, int, mode)
{
	return do_faccessat(AT_FDCWD, filename, mode);
}

SYSCALL_DEFINE3(mknod, const char *, filename, u32, mode, unsigned int, dev)
{
	return do_mknodat(AT_FDCWD, filename, mode, dev);
}

SYSCALL_DEFINE2(mkdir, const char *, pathname, u32, mode)
{
	return do_mkdirat(AT_FDCWD, pathname, mode);
}

SYSCALL_DEFINE1(unlink, const char *, pathname)
{
	return do_unlinkat(AT_FDCWD, pathname, 0);
}

SYSCALL_DEFINE1(rmdir, const char *, pathname)
{
	return do_unlinkat(AT_FDCWD, pathname, AT_REMOVEDIR);
}

SYSCALL_DEFINE3(readlink, const char *, path, char *, buf, int, bufsiz)
{
	return do_readlinkat(AT_FDCWD, path, buf, bufsiz);
}

/* pipe(2): pipe2 without flags (RISC-V has only pipe2). */
SYSCALL_DEFINE1(pipe, int *, fildes)
{
	return do_pipe2(fildes, 0);
}

/* dup2(2): dup3 without flags, except that oldfd == newfd is allowed
 * (and only checks that oldfd is open). */
SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	if (oldfd == newfd) {
		long ret = do_fcntl(oldfd, F_GETFD, 0);

		return ret < 0 ? ret : (long)newfd;
	}
	return ksys_dup3(oldfd, newfd, 0);
}

SYSCALL_DEFINE2(newstat, const char *, filename, struct stat *, statbuf)
{
	return do_newfstatat(AT_FDCWD, filename, statbuf, 0);
}

SYSCALL_DEFINE2(newlstat, const char *, filename, struct stat *, statbuf)
{
	return do_newfstatat(AT_FDCWD, filename, statbuf,
			      AT_SYMLINK_NOFOLLOW);
}

/* stat64: 64-bit sizes and inode numbers in a 32-bit ABI. */
static long cp_new_stat64(const struct kstat *stat, struct stat64 *ubuf)
{
	struct stat64 st;

	memset(&st, 0, sizeof(st));
	st.st_dev = stat->dev;
	st.st_ino = stat->ino;
	st.__st_ino = stat->ino;
	st.st_mode = stat->mode;
	st.st_nlink = stat->nlink;
	st.st_rdev = stat->rdev;
	st.st_size = stat->size;
	st.st_blksize = stat->blksize;
	st.st_blocks = stat->blocks;
	st.st_atime = stat->atime;
	st.st_mtime = stat->mtime;
	st.st_ctime = stat->ctime;
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

static long do_fstatat64(int dfd, const char *filename,
			 struct stat64 *statbuf, int flag)
{
	struct kstat stat;
	int err = vfs_fstatat(dfd, filename, &stat, flag);

	return err ? err : cp_new_stat64(&stat, statbuf);
}

SYSCALL_DEFINE4(fstatat64, int, dfd, const char *, filename,
		struct stat64 *, statbuf, int, flag)
{
	return do_fstatat64(dfd, filename, statbuf, flag);
}

SYSCALL_DEFINE2(stat64, const char *, filename, struct stat64 *, statbuf)
{
	return do_fstatat64(AT_FDCWD, filename, statbuf, 0);
}

SYSCALL_DEFINE2(lstat64, const char *, filename, struct stat64 *, statbuf)
{
	return do_fstatat64(AT_FDCWD, filename, statbuf, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE2(fstat64, unsigned long, fd, struct stat64 *, statbuf)
{
	struct kstat stat;
	int err = vfs_fstat(fd, &stat);

	return err ? err : cp_new_stat64(&stat, statbuf);
}

/* A 64-bit value passed as two 32-bit registers, low word first. */
static loff_t merge_64(u32 low, u32 high)
{
	return (loff_t)((u64)high << 32 | low);
}

/* _llseek(2): a 64-bit offset in two registers, the result through a
 * pointer, since a long return value has only 32 bits. */
SYSCALL_DEFINE5(llseek, unsigned int, fd, unsigned long, offset_high,
		unsigned long, offset_low, loff_t *, result,
		unsigned int, whence)
{
	struct file *f = fget(fd);
	loff_t pos;

	if (!f)
		return -EBADF;
	pos = vfs_llseek(f, merge_64(offset_low, offset_high), whence);
	fput(f);
	if (pos < 0)
		return pos;
	return copy_to_user(result, &pos, sizeof(pos)) ? -EFAULT : 0;
}

/* pread64/pwrite64/truncate64/ftruncate64: the loff_t argument takes two
 * registers (Linux's ia32 wrappers have these names). */
SYSCALL_DEFINE5(ia32_pread64, unsigned int, fd, char *, buf, u32, count,
		u32, poslo, u32, poshi)
{
	return ksys_pread64(fd, buf, count, merge_64(poslo, poshi));
}

SYSCALL_DEFINE5(ia32_pwrite64, unsigned int, fd, const char *, buf, u32, count,
		u32, poslo, u32, poshi)
{
	return ksys_pwrite64(fd, buf, count, merge_64(poslo, poshi));
}

SYSCALL_DEFINE3(ia32_truncate64, const char *, filename, u32, lenlo, u32, lenhi)
{
	return do_sys_truncate(filename, merge_64(lenlo, lenhi));
}

SYSCALL_DEFINE3(ia32_ftruncate64, unsigned int, fd, u32, lenlo, u32, lenhi)
{
	return do_sys_ftruncate(fd, merge_64(lenlo, lenhi), true);
}

/* ---- memory ------------------------------------------------------------- */

/* mmap2(2): the file offset counts pages, so 32 bits reach 16 TiB. */
SYSCALL_DEFINE6(mmap_pgoff, unsigned long, addr, unsigned long, len,
		unsigned long, prot, unsigned long, flags, unsigned long, fd,
		unsigned long, pgoff)
{
	return ksys_mmap_pgoff(addr, len, prot, flags, fd, pgoff);
}

/* The original mmap(2) of i386: six arguments did not fit the registers
 * of the day, so they come in a block of memory. */
struct mmap_arg_struct {
	unsigned long addr;
	unsigned long len;
	unsigned long prot;
	unsigned long flags;
	unsigned long fd;
	unsigned long offset;
};

SYSCALL_DEFINE1(old_mmap, struct mmap_arg_struct *, arg)
{
	struct mmap_arg_struct a;

	if (copy_from_user(&a, arg, sizeof(a)))
		return -EFAULT;
	if (a.offset & ~PAGE_MASK)
		return -EINVAL;
	return ksys_mmap_pgoff(a.addr, a.len, a.prot, a.flags, a.fd,
			       a.offset >> PAGE_SHIFT);
}

/* ---- time: the calls with a 32-bit time_t ------------------------------- */

SYSCALL_DEFINE2(clock_gettime32, int, which, struct old_timespec32 *, tp)
{
	struct timespec64 ts;
	int ret = do_clock_gettime(which, &ts);

	return ret ? ret : put_old_timespec32(&ts, tp);
}

static long do_clock_nanosleep_time32(int which, int flags,
				      const struct old_timespec32 *rqtp,
				      struct old_timespec32 *rmtp)
{
	struct timespec64 t;
	long ret;

	if (get_old_timespec32(&t, rqtp))
		return -EFAULT;
	ret = do_clock_nanosleep(which, flags, &t);
	if (ret == -EINTR && rmtp && put_old_timespec32(&t, rmtp))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE4(clock_nanosleep_time32, int, which, int, flags,
		const struct old_timespec32 *, rqtp,
		struct old_timespec32 *, rmtp)
{
	return do_clock_nanosleep_time32(which, flags, rqtp, rmtp);
}

SYSCALL_DEFINE2(nanosleep_time32, const struct old_timespec32 *, rqtp,
		struct old_timespec32 *, rmtp)
{
	return do_clock_nanosleep_time32(CLOCK_MONOTONIC, 0, rqtp, rmtp);
}

/* ---- poll and select with 32-bit times, and the oldest select ----------- */

SYSCALL_DEFINE5(ppoll_time32, struct pollfd *, ufds, unsigned int, nfds,
		struct old_timespec32 *, tsp, const u64 *, sigmask,
		size_t, sigsetsize)
{
	struct timespec64 ts;

	if (tsp && get_old_timespec32(&ts, tsp))
		return -EFAULT;
	return do_ppoll(ufds, nfds, tsp ? &ts : NULL, tsp, PT_OLD_TIMESPEC,
			sigmask, sigsetsize);
}

SYSCALL_DEFINE6(pselect6_time32, int, n, unsigned long *, inp,
		unsigned long *, outp, unsigned long *, exp,
		struct old_timespec32 *, tsp, void *, sig)
{
	struct timespec64 ts;

	if (tsp && get_old_timespec32(&ts, tsp))
		return -EFAULT;
	return do_pselect(n, inp, outp, exp, tsp ? &ts : NULL, tsp,
			  PT_OLD_TIMESPEC, sig);
}

/* i386's first select (number 82) takes its five arguments in a block. */
struct sel_arg_struct {
	unsigned long n;
	unsigned long *inp, *outp, *exp;
	struct __kernel_old_timeval *tvp;
};

SYSCALL_DEFINE1(old_select, struct sel_arg_struct *, arg)
{
	struct sel_arg_struct a;

	if (copy_from_user(&a, arg, sizeof(a)))
		return -EFAULT;
	return sys_select(a.n, (unsigned long)a.inp, (unsigned long)a.outp,
			  (unsigned long)a.exp, (unsigned long)a.tvp, 0);
}
