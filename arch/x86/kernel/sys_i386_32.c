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
SYSCALL_DEFINE3(waitpid, pid_t, pid, int __user *, stat_addr, int, options)
{
	return kernel_wait4(pid, stat_addr, options, NULL);
}

/* ---- files: the path calls that predate the *at() family ---------------- */

SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, u32, mode)
{
	return do_sys_openat(AT_FDCWD, filename, flags, mode);
}

SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	return do_faccessat(AT_FDCWD, filename, mode, 0);
}

/* creat(2): open for writing, created or emptied. */
SYSCALL_DEFINE2(creat, const char __user *, pathname, u32, mode)
{
	return do_sys_openat(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC,
			     mode);
}

SYSCALL_DEFINE2(link, const char __user *, oldname,
		const char __user *, newname)
{
	return do_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

SYSCALL_DEFINE2(symlink, const char __user *, oldname,
		const char __user *, newname)
{
	return do_symlinkat(oldname, AT_FDCWD, newname);
}

SYSCALL_DEFINE2(rename, const char __user *, oldname,
		const char __user *, newname)
{
	return do_renameat2(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

SYSCALL_DEFINE2(chmod, const char __user *, filename, u32, mode)
{
	return do_fchmodat(AT_FDCWD, filename, mode);
}

/* chown32 and lchown32: the 32-bit-id forms (chown = 182 and lchown = 16
 * take 16-bit ids: kernel/uid16.c). */
SYSCALL_DEFINE3(chown, const char __user *, filename, u32, user, u32, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, 0);
}

SYSCALL_DEFINE3(lchown, const char __user *, filename, u32, user, u32, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group,
			   AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE3(mknod, const char __user *, filename, u32, mode,
		unsigned int, dev)
{
	return do_mknodat(AT_FDCWD, filename, mode, dev);
}

SYSCALL_DEFINE2(mkdir, const char __user *, pathname, u32, mode)
{
	return do_mkdirat(AT_FDCWD, pathname, mode);
}

SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	return do_unlinkat(AT_FDCWD, pathname, 0);
}

SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	return do_unlinkat(AT_FDCWD, pathname, AT_REMOVEDIR);
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf,
		int, bufsiz)
{
	return do_readlinkat(AT_FDCWD, path, buf, bufsiz);
}

/* pipe(2): pipe2 without flags (RISC-V has only pipe2). */
SYSCALL_DEFINE1(pipe, int __user *, fildes)
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

SYSCALL_DEFINE2(newstat, const char __user *, filename,
		struct stat __user *, statbuf)
{
	return do_newfstatat(AT_FDCWD, filename, statbuf, 0);
}

SYSCALL_DEFINE2(newlstat, const char __user *, filename,
		struct stat __user *, statbuf)
{
	return do_newfstatat(AT_FDCWD, filename, statbuf,
			      AT_SYMLINK_NOFOLLOW);
}

/* stat64: 64-bit sizes and inode numbers in a 32-bit ABI. */
static long cp_new_stat64(const struct kstat *stat,
			  struct stat64 __user *ubuf)
{
	struct stat64 st;

	memset(&st, 0, sizeof(st));
	st.st_dev = stat->dev;
	st.st_ino = stat->ino;
	st.__st_ino = stat->ino;
	st.st_mode = stat->mode;
	st.st_nlink = stat->nlink;
	st.st_uid = stat->uid;
	st.st_gid = stat->gid;
	st.st_rdev = stat->rdev;
	st.st_size = stat->size;
	st.st_blksize = stat->blksize;
	st.st_blocks = stat->blocks;
	st.st_atime = stat->atime.tv_sec;
	st.st_atime_nsec = stat->atime.tv_nsec;
	st.st_mtime = stat->mtime.tv_sec;
	st.st_mtime_nsec = stat->mtime.tv_nsec;
	st.st_ctime = stat->ctime.tv_sec;
	st.st_ctime_nsec = stat->ctime.tv_nsec;
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

static long do_fstatat64(int dfd, const char __user *filename,
			 struct stat64 __user *statbuf, int flag)
{
	struct kstat stat;
	int err = vfs_fstatat(dfd, filename, &stat, flag);

	return err ? err : cp_new_stat64(&stat, statbuf);
}

SYSCALL_DEFINE4(fstatat64, int, dfd, const char __user *, filename,
		struct stat64 __user *, statbuf, int, flag)
{
	return do_fstatat64(dfd, filename, statbuf, flag);
}

SYSCALL_DEFINE2(stat64, const char __user *, filename,
		struct stat64 __user *, statbuf)
{
	return do_fstatat64(AT_FDCWD, filename, statbuf, 0);
}

SYSCALL_DEFINE2(lstat64, const char __user *, filename,
		struct stat64 __user *, statbuf)
{
	return do_fstatat64(AT_FDCWD, filename, statbuf, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE2(fstat64, unsigned long, fd, struct stat64 __user *, statbuf)
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
		unsigned long, offset_low, loff_t __user *, result,
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
SYSCALL_DEFINE5(ia32_pread64, unsigned int, fd, char __user *, buf, u32, count,
		u32, poslo, u32, poshi)
{
	return ksys_pread64(fd, buf, count, merge_64(poslo, poshi));
}

SYSCALL_DEFINE5(ia32_pwrite64, unsigned int, fd, const char __user *, buf,
		u32, count, u32, poslo, u32, poshi)
{
	return ksys_pwrite64(fd, buf, count, merge_64(poslo, poshi));
}

SYSCALL_DEFINE3(ia32_truncate64, const char __user *, filename, u32, lenlo,
		u32, lenhi)
{
	return do_sys_truncate(filename, merge_64(lenlo, lenhi));
}

SYSCALL_DEFINE3(ia32_ftruncate64, unsigned int, fd, u32, lenlo, u32, lenhi)
{
	return do_sys_ftruncate(fd, merge_64(lenlo, lenhi), true);
}

SYSCALL_DEFINE6(ia32_fallocate, int, fd, int, mode, u32, offlo, u32, offhi,
		u32, lenlo, u32, lenhi)
{
	return ksys_fallocate(fd, mode, merge_64(offlo, offhi),
			      merge_64(lenlo, lenhi));
}

/* statfs64/fstatfs64: 64-bit counts, packed to 84 bytes on i386; the
 * caller passes the size it expects, which must be that (EINVAL). */
struct statfs64 {
	u32 f_type;
	u32 f_bsize;
	u64 f_blocks;
	u64 f_bfree;
	u64 f_bavail;
	u64 f_files;
	u64 f_ffree;
	int f_fsid[2];
	u32 f_namelen;
	u32 f_frsize;
	u32 f_flags;
	u32 f_spare[4];
} __attribute__((packed, aligned(4)));

static long put_statfs64(const struct kstatfs *st, size_t sz,
			 struct statfs64 __user *ubuf)
{
	struct statfs64 buf;

	if (sz != sizeof(buf))
		return -EINVAL;
	memset(&buf, 0, sizeof(buf));
	buf.f_type = st->f_type;
	buf.f_bsize = st->f_bsize;
	buf.f_blocks = st->f_blocks;
	buf.f_bfree = st->f_bfree;
	buf.f_bavail = st->f_bavail;
	buf.f_files = st->f_files;
	buf.f_ffree = st->f_ffree;
	buf.f_namelen = st->f_namelen;
	buf.f_frsize = st->f_frsize;
	buf.f_flags = st->f_flags;
	return copy_to_user(ubuf, &buf, sizeof(buf)) ? -EFAULT : 0;
}

SYSCALL_DEFINE3(statfs64, const char __user *, pathname, size_t, sz,
		struct statfs64 __user *, buf)
{
	struct kstatfs st;
	int err;

	if (sz != sizeof(*buf))
		return -EINVAL;
	err = user_statfs(pathname, &st);
	return err ? err : put_statfs64(&st, sz, buf);
}

SYSCALL_DEFINE3(fstatfs64, unsigned int, fd, size_t, sz,
		struct statfs64 __user *, buf)
{
	struct kstatfs st;
	int err;

	if (sz != sizeof(*buf))
		return -EINVAL;
	err = fd_statfs(fd, &st);
	return err ? err : put_statfs64(&st, sz, buf);
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

SYSCALL_DEFINE1(old_mmap, struct mmap_arg_struct __user *, arg)
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

/* utimensat with 32-bit times (utimensat = 320; 412 is the 64-bit one). */
SYSCALL_DEFINE4(utimensat_time32, int, dfd, const char __user *, filename,
		struct old_timespec32 __user *, t, int, flags)
{
	struct timespec64 tv[2];

	if (t) {
		if (get_old_timespec32(&tv[0], &t[0]) ||
		    get_old_timespec32(&tv[1], &t[1]))
			return -EFAULT;
	}
	return do_utimes(dfd, filename, t ? tv : NULL, flags);
}

struct old_timeval32 {
	s32 tv_sec;
	s32 tv_usec;
};

/* futimesat/utimes: microseconds, and no UTIME_NOW / UTIME_OMIT. */
static long do_futimesat(int dfd, const char __user *filename,
			 struct old_timeval32 __user *utimes)
{
	struct old_timeval32 times[2];
	struct timespec64 tstimes[2];

	if (utimes) {
		if (copy_from_user(times, utimes, sizeof(times)))
			return -EFAULT;
		if (times[0].tv_usec < 0 || times[0].tv_usec >= 1000000 ||
		    times[1].tv_usec < 0 || times[1].tv_usec >= 1000000)
			return -EINVAL;
		tstimes[0].tv_sec = times[0].tv_sec;
		tstimes[0].tv_nsec = 1000 * times[0].tv_usec;
		tstimes[1].tv_sec = times[1].tv_sec;
		tstimes[1].tv_nsec = 1000 * times[1].tv_usec;
	}
	return do_utimes(dfd, filename, utimes ? tstimes : NULL, 0);
}

SYSCALL_DEFINE3(futimesat_time32, int, dfd, const char __user *, filename,
		struct old_timeval32 __user *, t)
{
	return do_futimesat(dfd, filename, t);
}

SYSCALL_DEFINE2(utimes_time32, const char __user *, filename,
		struct old_timeval32 __user *, t)
{
	return do_futimesat(AT_FDCWD, filename, t);
}

/* utime(2): whole seconds, in a struct utimbuf of two 32-bit times. */
struct old_utimbuf32 {
	s32 actime;
	s32 modtime;
};

SYSCALL_DEFINE2(utime32, const char __user *, filename,
		struct old_utimbuf32 __user *, t)
{
	struct old_utimbuf32 ut;
	struct timespec64 tv[2];

	if (t) {
		if (copy_from_user(&ut, t, sizeof(ut)))
			return -EFAULT;
		tv[0].tv_sec = ut.actime;
		tv[0].tv_nsec = 0;
		tv[1].tv_sec = ut.modtime;
		tv[1].tv_nsec = 0;
	}
	return do_utimes(AT_FDCWD, filename, t ? tv : NULL, 0);
}

SYSCALL_DEFINE2(clock_gettime32, int, which, struct old_timespec32 __user *, tp)
{
	struct timespec64 ts;
	int ret = do_clock_gettime(which, &ts);

	return ret ? ret : put_old_timespec32(&ts, tp);
}

/* The sleeps with 32-bit times: the time left goes out in that layout
 * (TT_COMPAT), also when restart_syscall finishes the sleep. */
SYSCALL_DEFINE4(clock_nanosleep_time32, int, which, int, flags,
		const struct old_timespec32 __user *, rqtp,
		struct old_timespec32 __user *, rmtp)
{
	struct timespec64 t;

	if (get_old_timespec32(&t, rqtp))
		return -EFAULT;
	nanosleep_setup_restart(flags, rmtp, TT_COMPAT);
	return do_clock_nanosleep(which, flags, &t);
}

SYSCALL_DEFINE2(nanosleep_time32, const struct old_timespec32 __user *, rqtp,
		struct old_timespec32 __user *, rmtp)
{
	struct timespec64 t;

	if (get_old_timespec32(&t, rqtp))
		return -EFAULT;
	nanosleep_setup_restart(0, rmtp, TT_COMPAT);
	return do_clock_nanosleep(CLOCK_MONOTONIC, 0, &t);
}

/* ---- poll and select with 32-bit times, and the oldest select ----------- */

SYSCALL_DEFINE5(ppoll_time32, struct pollfd __user *, ufds, unsigned int, nfds,
		struct old_timespec32 __user *, tsp,
		const u64 __user *, sigmask,
		size_t, sigsetsize)
{
	struct timespec64 ts;

	if (tsp && get_old_timespec32(&ts, tsp))
		return -EFAULT;
	return do_ppoll(ufds, nfds, tsp ? &ts : NULL, tsp, PT_OLD_TIMESPEC,
			sigmask, sigsetsize);
}

SYSCALL_DEFINE6(pselect6_time32, int, n, unsigned long __user *, inp,
		unsigned long __user *, outp, unsigned long __user *, exp,
		struct old_timespec32 __user *, tsp, void __user *, sig)
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
	unsigned long __user *inp, *outp, *exp;
	struct __kernel_old_timeval __user *tvp;
};

SYSCALL_DEFINE1(old_select, struct sel_arg_struct __user *, arg)
{
	struct sel_arg_struct a;

	if (copy_from_user(&a, arg, sizeof(a)))
		return -EFAULT;
	return sys_select(a.n, (unsigned long)a.inp, (unsigned long)a.outp,
			  (unsigned long)a.exp, (unsigned long)a.tvp, 0);
}
