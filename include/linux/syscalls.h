/*
 * System-call entry points (sys_*) and the dispatcher the architecture's
 * trap handler calls. Arguments arrive as six unsigned longs from
 * registers; SYSCALL_DEFINEn, as Linux's, turns them into the declared
 * types, so every table entry has the one type syscall_fn_t and no typed
 * function is ever called through a cast:
 *
 *	SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf,
 *			size_t, count)
 *	{ ...body sees typed fd, buf, count... }
 *
 * defines sys_read(unsigned long fd, buf, count, <3 unused>), which casts
 * each register to its type ((int) drops the upper bits of a 64-bit
 * register; __force, because a register becoming a __user pointer is the
 * one place an address enters the user address space) and calls the body,
 * __do_sys_read(unsigned int fd, ...). Every pointer argument is __user:
 * the body hands it only to copy_{to,from}_user and friends.
 * SYSCALL_DECL(read, <the same types and names>) declares sys_read.
 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <asm/ptrace.h>
#include <linux/types.h>
#include <uapi/linux/signal.h>

struct rusage;

typedef long (*syscall_fn_t)(unsigned long, unsigned long, unsigned long,
			     unsigned long, unsigned long, unsigned long);

#define __MAP0(m, ...)
#define __MAP1(m, t, a, ...) m(t, a)
#define __MAP2(m, t, a, ...) m(t, a), __MAP1(m, __VA_ARGS__)
#define __MAP3(m, t, a, ...) m(t, a), __MAP2(m, __VA_ARGS__)
#define __MAP4(m, t, a, ...) m(t, a), __MAP3(m, __VA_ARGS__)
#define __MAP5(m, t, a, ...) m(t, a), __MAP4(m, __VA_ARGS__)
#define __MAP6(m, t, a, ...) m(t, a), __MAP5(m, __VA_ARGS__)
#define __MAP(n, ...) __MAP##n(__VA_ARGS__)

#define __SC_DECL(t, a) t a
#define __SC_LONG(t, a) unsigned long a
#define __SC_CAST(t, a) (__force t)a
/* The registers a call with n arguments leaves unused. */
#define __SC_U(i) unsigned long __unused##i __attribute__((unused))
#define __SC_PAD0 __SC_U(1), __SC_U(2), __SC_U(3), __SC_U(4), __SC_U(5), \
		  __SC_U(6)
#define __SC_PAD1 , __SC_U(2), __SC_U(3), __SC_U(4), __SC_U(5), __SC_U(6)
#define __SC_PAD2 , __SC_U(3), __SC_U(4), __SC_U(5), __SC_U(6)
#define __SC_PAD3 , __SC_U(4), __SC_U(5), __SC_U(6)
#define __SC_PAD4 , __SC_U(5), __SC_U(6)
#define __SC_PAD5 , __SC_U(6)
#define __SC_PAD6
#define __SC_REGS unsigned long, unsigned long, unsigned long, \
		  unsigned long, unsigned long, unsigned long

#define SYSCALL_DEFINE0(name)                                             \
	static long __do_sys_##name(void);                                \
	long sys_##name(__SC_PAD0)                                        \
	{                                                                 \
		return __do_sys_##name();                                 \
	}                                                                 \
	static long __do_sys_##name(void)

#define SYSCALL_DEFINEx(x, name, ...)                                     \
	static long __do_sys_##name(__MAP(x, __SC_DECL, __VA_ARGS__));    \
	long sys_##name(__MAP(x, __SC_LONG, __VA_ARGS__) __SC_PAD##x)     \
	{                                                                 \
		return __do_sys_##name(__MAP(x, __SC_CAST, __VA_ARGS__)); \
	}                                                                 \
	static long __do_sys_##name(__MAP(x, __SC_DECL, __VA_ARGS__))

#define SYSCALL_DEFINE1(name, ...) SYSCALL_DEFINEx(1, name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) SYSCALL_DEFINEx(2, name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) SYSCALL_DEFINEx(3, name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) SYSCALL_DEFINEx(4, name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) SYSCALL_DEFINEx(5, name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) SYSCALL_DEFINEx(6, name, __VA_ARGS__)

/* The prototype of sys_name; the types after the name document it. */
#define SYSCALL_DECL(name, ...) long sys_##name(__SC_REGS)

void do_syscall(struct pt_regs *regs);
void do_work_pending(struct pt_regs *regs, unsigned long thread_info_flags);
long sys_ni_syscall(unsigned long nr);

SYSCALL_DECL(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, unsigned long, tls,
		int __user *, child_tidptr);
SYSCALL_DECL(fork);	/* i386 only, as in Linux */
SYSCALL_DECL(vfork);
SYSCALL_DECL(wait4, pid_t, upid, int __user *, stat_addr, int, options,
		struct rusage __user *, ru);
SYSCALL_DECL(exit, int, error_code);
SYSCALL_DECL(exit_group, int, error_code);

struct stat;
struct statx;
struct iovec;
struct sigaction;
struct rlimit;
struct rlimit64;
struct new_utsname;
struct sysinfo;
struct __kernel_timespec;
struct __kernel_old_timeval;

SYSCALL_DECL(getcwd, char __user *, buf, unsigned long, size);
SYSCALL_DECL(pipe2, int __user *, fildes, int, flags);
struct pollfd;
struct __kernel_timespec;
SYSCALL_DECL(poll, struct pollfd __user *, ufds, unsigned int, nfds,
	     int, timeout_msecs);
SYSCALL_DECL(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
	     struct __kernel_timespec __user *, tsp,
	     const u64 __user *, sigmask,
	     size_t, sigsetsize);
SYSCALL_DECL(select, int, n, unsigned long __user *, inp,
		unsigned long __user *, outp,
	     unsigned long __user *, exp,
	     struct __kernel_old_timeval __user *, tvp);
SYSCALL_DECL(pselect6, int, n, unsigned long __user *, inp,
		unsigned long __user *, outp,
	     unsigned long __user *, exp,
	     struct __kernel_timespec __user *, tsp,
	     void __user *, sig);
SYSCALL_DECL(dup, unsigned int, oldfd);
SYSCALL_DECL(dup3, unsigned int, oldfd, unsigned int, newfd,
		unsigned int, flags);
SYSCALL_DECL(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg);
SYSCALL_DECL(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg);
SYSCALL_DECL(mkdirat, int, dfd, const char __user *, pathname, u32, mode);
SYSCALL_DECL(mknodat, int, dfd, const char __user *, filename, u32, mode,
	     unsigned int, dev);
SYSCALL_DECL(unlinkat, int, dfd, const char __user *, pathname, int, flag);
SYSCALL_DECL(chdir, const char __user *, filename);
SYSCALL_DECL(fchdir, unsigned int, fd);
SYSCALL_DECL(openat, int, dfd, const char __user *, filename, int, flags,
		u32, mode);
SYSCALL_DECL(close, unsigned int, fd);
SYSCALL_DECL(getdents64, unsigned int, fd, void __user *, dirent,
		unsigned int, count);
SYSCALL_DECL(lseek, unsigned int, fd, long, offset, unsigned int, whence);
SYSCALL_DECL(read, unsigned int, fd, char __user *, buf, size_t, count);
SYSCALL_DECL(write, unsigned int, fd, const char __user *, buf, size_t, count);
long ksys_pread64(unsigned int fd, char __user *buf, size_t count, loff_t pos);
long ksys_pwrite64(unsigned int fd, const char __user *buf, size_t count,
		   loff_t pos);
SYSCALL_DECL(pread64, unsigned int, fd, char __user *, buf, size_t, count,
		loff_t, pos);
SYSCALL_DECL(sendfile64, int, out_fd, int, in_fd, loff_t __user *, offset,
		size_t, count);
SYSCALL_DECL(sendfile, int, out_fd, int, in_fd, long __user *, offset,
		size_t, count);
SYSCALL_DECL(pwrite64, unsigned int, fd, const char __user *, buf,
		size_t, count,
		loff_t, pos);
SYSCALL_DECL(truncate, const char __user *, pathname, long, length);
SYSCALL_DECL(ftruncate, unsigned int, fd, unsigned long, length);
SYSCALL_DECL(readv, unsigned int, fd, const struct iovec __user *, vec,
		unsigned long, vlen);
SYSCALL_DECL(writev, unsigned int, fd, const struct iovec __user *, vec,
		unsigned long, vlen);
SYSCALL_DECL(readlinkat, int, dfd, const char __user *, path,
		char __user *, buf,
		int, bufsiz);
SYSCALL_DECL(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag);
SYSCALL_DECL(fstat, unsigned int, fd, struct stat __user *, statbuf);
SYSCALL_DECL(statx, int, dfd, const char __user *, filename,
		unsigned int, flags,
		unsigned int, mask, struct statx __user *, buffer);
SYSCALL_DECL(set_tid_address, int __user *, tidptr);
struct robust_list_head;
struct old_timespec32;
SYSCALL_DECL(set_robust_list, struct robust_list_head __user *, head,
		size_t, len);
SYSCALL_DECL(get_robust_list, int, pid,
		struct robust_list_head __user * __user *, head_ptr,
	     size_t __user *, len_ptr);
SYSCALL_DECL(futex, u32 __user *, uaddr, int, op, u32, val,
	     const struct __kernel_timespec __user *, utime,
	     u32 __user *, uaddr2, u32, val3);
SYSCALL_DECL(futex_time32, u32 __user *, uaddr, int, op, u32, val,
	     const struct old_timespec32 __user *, utime, u32 __user *, uaddr2,
	     u32, val3);
SYSCALL_DECL(nanosleep, const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp);
SYSCALL_DECL(clock_gettime, int, which, struct __kernel_timespec __user *, tp);
SYSCALL_DECL(clock_getres, int, which, struct __kernel_timespec __user *, tp);
SYSCALL_DECL(clock_nanosleep, int, which, int, flags,
		const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp);
struct __kernel_old_itimerval;
SYSCALL_DECL(getitimer, int, which,
		struct __kernel_old_itimerval __user *, value);
SYSCALL_DECL(setitimer, int, which,
		struct __kernel_old_itimerval __user *, value,
	     struct __kernel_old_itimerval __user *, ovalue);
SYSCALL_DECL(alarm, unsigned int, seconds);
SYSCALL_DECL(gettimeofday, struct __kernel_old_timeval __user *, tv,
		void __user *, tz);
SYSCALL_DECL(time, long __user *, tloc);
SYSCALL_DECL(sched_yield);
struct sched_param;
struct old_timespec32;
SYSCALL_DECL(sched_setscheduler, pid_t, pid, int, policy,
		struct sched_param __user *, param);
SYSCALL_DECL(sched_setparam, pid_t, pid, struct sched_param __user *, param);
SYSCALL_DECL(sched_getscheduler, pid_t, pid);
SYSCALL_DECL(sched_getparam, pid_t, pid, struct sched_param __user *, param);
SYSCALL_DECL(sched_get_priority_max, int, policy);
SYSCALL_DECL(sched_get_priority_min, int, policy);
SYSCALL_DECL(sched_rr_get_interval, pid_t, pid,
		struct __kernel_timespec __user *, interval);
SYSCALL_DECL(sched_rr_get_interval_time32, pid_t, pid,
		struct old_timespec32 __user *, interval);
SYSCALL_DECL(sched_getaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr);
SYSCALL_DECL(sched_setaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr);
SYSCALL_DECL(getcpu, unsigned int __user *, cpup, unsigned int __user *, nodep,
		void __user *, unused);
SYSCALL_DECL(membarrier, int, cmd, unsigned int, flags, int, cpu_id);
SYSCALL_DECL(rseq, void __user *, rseq, u32, rseq_len, int, flags, u32, sig);
SYSCALL_DECL(kill, pid_t, pid, int, sig);
SYSCALL_DECL(tkill, pid_t, pid, int, sig);
SYSCALL_DECL(tgkill, pid_t, tgid, pid_t, pid, int, sig);
SYSCALL_DECL(rt_sigaction, int, sig, const struct sigaction __user *, act,
		struct sigaction __user *, oact, size_t, sigsetsize);
SYSCALL_DECL(rt_sigprocmask, int, how, const u64 __user *, set,
		u64 __user *, oset,
		size_t, sigsetsize);
SYSCALL_DECL(rt_sigpending, u64 __user *, uset, size_t, sigsetsize);
SYSCALL_DECL(rt_sigsuspend, const u64 __user *, unewset, size_t, sigsetsize);
SYSCALL_DECL(rt_sigreturn);
SYSCALL_DECL(rt_sigtimedwait, const u64 __user *, uthese,
		siginfo_t __user *, uinfo,
	     const struct __kernel_timespec __user *, uts, size_t, sigsetsize);
SYSCALL_DECL(rt_sigtimedwait_time32, const u64 __user *, uthese,
	     siginfo_t __user *, uinfo,
	     const struct old_timespec32 __user *, uts,
	     size_t, sigsetsize);
SYSCALL_DECL(rt_sigqueueinfo, pid_t, pid, int, sig, siginfo_t __user *, uinfo);
SYSCALL_DECL(rt_tgsigqueueinfo, pid_t, tgid, pid_t, pid, int, sig,
	     siginfo_t __user *, uinfo);
SYSCALL_DECL(sigaltstack, const stack_t __user *, uss, stack_t __user *, uoss);
SYSCALL_DECL(restart_syscall);
SYSCALL_DECL(pause);
/* i386's old signal calls (arch/x86/kernel/signal.c) */
struct old_sigaction;
SYSCALL_DECL(sigaction, int, sig, const struct old_sigaction __user *, act,
	     struct old_sigaction __user *, oact);
SYSCALL_DECL(signal, int, sig, unsigned long, handler);
SYSCALL_DECL(sigprocmask, int, how, const unsigned long __user *, nset,
	     unsigned long __user *, oset);
SYSCALL_DECL(sigpending, unsigned long __user *, uset);
SYSCALL_DECL(sigsuspend, int, unused1, int, unused2, unsigned long, mask);
SYSCALL_DECL(sgetmask);
SYSCALL_DECL(ssetmask, int, newmask);
SYSCALL_DECL(sigreturn);
SYSCALL_DECL(reboot, int, magic1, int, magic2, unsigned int, cmd,
		void __user *, arg);
SYSCALL_DECL(newuname, struct new_utsname __user *, name);
SYSCALL_DECL(getrlimit, unsigned int, resource, struct rlimit __user *, rlim);
SYSCALL_DECL(setrlimit, unsigned int, resource,
		const struct rlimit __user *, rlim);
SYSCALL_DECL(prlimit64, pid_t, pid, unsigned int, resource,
		const struct rlimit64 __user *, new_rlim,
		struct rlimit64 __user *, old_rlim);
SYSCALL_DECL(umask, int, mask);
SYSCALL_DECL(prctl, int, option, unsigned long, arg2, unsigned long, arg3,
		unsigned long, arg4, unsigned long, arg5);
SYSCALL_DECL(getpid);
SYSCALL_DECL(getppid);
SYSCALL_DECL(setpgid, pid_t, pid, pid_t, pgid);
SYSCALL_DECL(getpgid, pid_t, pid);
SYSCALL_DECL(getpgrp);
SYSCALL_DECL(getsid, pid_t, pid);
SYSCALL_DECL(setsid);
SYSCALL_DECL(getuid);
SYSCALL_DECL(gettid);
SYSCALL_DECL(sysinfo, struct sysinfo __user *, info);
SYSCALL_DECL(brk, unsigned long, brk);
SYSCALL_DECL(munmap, unsigned long, addr, size_t, len);
SYSCALL_DECL(mprotect, unsigned long, start, size_t, len, unsigned long, prot);
SYSCALL_DECL(msync, unsigned long, start, size_t, len, int, flags);
SYSCALL_DECL(madvise, unsigned long, start, size_t, len_in, int, behavior);
SYSCALL_DECL(mremap, unsigned long, addr, unsigned long, old_len,
		unsigned long, new_len, unsigned long, flags,
		unsigned long, new_addr);
SYSCALL_DECL(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot,
		unsigned long, flags, unsigned long, fd, unsigned long, off);
SYSCALL_DECL(execve, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp);
SYSCALL_DECL(getrandom, char __user *, buf, size_t, count, unsigned int, flags);
SYSCALL_DECL(faccessat, int, dfd, const char __user *, filename, int, mode);
SYSCALL_DECL(faccessat2, int, dfd, const char __user *, filename, int, mode,
		int, flags);
SYSCALL_DECL(sync);

/* The typed bodies of calls that other calls reuse (i386's old forms). */
long do_sys_openat(int dfd, const char __user *filename, int flags, u32 mode);
long do_faccessat(int dfd, const char __user *filename, int mode, int flags);
long do_mkdirat(int dfd, const char __user *pathname, u32 mode);
long do_unlinkat(int dfd, const char __user *pathname, int flag);
long do_readlinkat(int dfd, const char __user *pathname, char __user *buf,
		int bufsiz);
long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long ksys_dup3(unsigned int oldfd, unsigned int newfd, unsigned int flags);
long do_newfstatat(int dfd, const char __user *filename,
		struct stat __user *statbuf,
		   int flag);

/* The name space and file attributes (fs/namei.c, open.c, utimes.c,
 * statfs.c, sync.c) and identity (kernel/sys.c, groups.c, uid16.c). */
struct statfs;
struct statfs64;
SYSCALL_DECL(symlinkat, const char __user *, oldname, int, newdfd,
		const char __user *, newname);
SYSCALL_DECL(linkat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, int, flags);
SYSCALL_DECL(renameat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname);
SYSCALL_DECL(renameat2, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, unsigned int, flags);
SYSCALL_DECL(fchmod, unsigned int, fd, u32, mode);
SYSCALL_DECL(fchmodat, int, dfd, const char __user *, filename, u32, mode);
SYSCALL_DECL(fchownat, int, dfd, const char __user *, filename, u32, user,
		u32, group, int, flag);
SYSCALL_DECL(fchown, unsigned int, fd, u32, user, u32, group);
SYSCALL_DECL(utimensat, int, dfd, const char __user *, filename,
		struct __kernel_timespec __user *, utimes, int, flags);
SYSCALL_DECL(fallocate, int, fd, int, mode, loff_t, offset, loff_t, len);
SYSCALL_DECL(statfs, const char __user *, pathname,
		struct statfs __user *, buf);
SYSCALL_DECL(fstatfs, unsigned int, fd, struct statfs __user *, buf);
SYSCALL_DECL(fsync, unsigned int, fd);
SYSCALL_DECL(fdatasync, unsigned int, fd);
SYSCALL_DECL(geteuid);
SYSCALL_DECL(getgid);
SYSCALL_DECL(getegid);
SYSCALL_DECL(setuid, uid_t, uid);
SYSCALL_DECL(setgid, gid_t, gid);
SYSCALL_DECL(setreuid, uid_t, ruid, uid_t, euid);
SYSCALL_DECL(setregid, gid_t, rgid, gid_t, egid);
SYSCALL_DECL(setresuid, uid_t, ruid, uid_t, euid, uid_t, suid);
SYSCALL_DECL(setresgid, gid_t, rgid, gid_t, egid, gid_t, sgid);
SYSCALL_DECL(getresuid, uid_t __user *, ruid, uid_t __user *, euid,
		uid_t __user *, suid);
SYSCALL_DECL(getresgid, gid_t __user *, rgid, gid_t __user *, egid,
		gid_t __user *, sgid);
SYSCALL_DECL(setfsuid, uid_t, uid);
SYSCALL_DECL(setfsgid, gid_t, gid);
SYSCALL_DECL(getgroups, int, gidsetsize, gid_t __user *, grouplist);
SYSCALL_DECL(setgroups, int, gidsetsize, const gid_t __user *, grouplist);
long __sys_setuid(u32 uid);
long __sys_setgid(u32 gid);
long __sys_setreuid(u32 ruid, u32 euid);
long __sys_setregid(u32 rgid, u32 egid);
long __sys_setresuid(u32 ruid, u32 euid, u32 suid);
long __sys_setresgid(u32 rgid, u32 egid, u32 sgid);
long __sys_setfsuid(u32 uid);
long __sys_setfsgid(u32 gid);

#endif
