/* The system calls only i386 has (arch/x86/kernel/sys_i386_32.c, tls.c);
 * the portable ones are in linux/syscalls.h. */
#ifndef _ASM_X86_SYSCALLS_H
#define _ASM_X86_SYSCALLS_H

#include <linux/syscalls.h>
#include <linux/types.h>

struct stat;
struct stat64;
struct mmap_arg_struct;
struct old_timespec32;
struct user_desc;

SYSCALL_DECL(waitpid, pid_t, pid, int __user *, stat_addr, int, options);
SYSCALL_DECL(open, const char __user *, filename, int, flags, u32, mode);
SYSCALL_DECL(access, const char __user *, filename, int, mode);
SYSCALL_DECL(mkdir, const char __user *, pathname, u32, mode);
SYSCALL_DECL(mknod, const char __user *, filename, u32, mode,
		unsigned int, dev);
SYSCALL_DECL(unlink, const char __user *, pathname);
SYSCALL_DECL(rmdir, const char __user *, pathname);
SYSCALL_DECL(readlink, const char __user *, path, char __user *, buf,
		int, bufsiz);
SYSCALL_DECL(pipe, int __user *, fildes);
SYSCALL_DECL(dup2, unsigned int, oldfd, unsigned int, newfd);
SYSCALL_DECL(newstat, const char __user *, filename,
		struct stat __user *, statbuf);
SYSCALL_DECL(newlstat, const char __user *, filename,
		struct stat __user *, statbuf);
SYSCALL_DECL(stat64, const char __user *, filename,
		struct stat64 __user *, statbuf);
SYSCALL_DECL(lstat64, const char __user *, filename,
		struct stat64 __user *, statbuf);
SYSCALL_DECL(fstat64, unsigned long, fd, struct stat64 __user *, statbuf);
SYSCALL_DECL(fstatat64, int, dfd, const char __user *, filename,
		struct stat64 __user *, statbuf, int, flag);
SYSCALL_DECL(llseek, unsigned int, fd, unsigned long, offset_high,
		unsigned long, offset_low, loff_t __user *, result,
		unsigned int, whence);
SYSCALL_DECL(ia32_pread64, unsigned int, fd, char __user *, buf, u32, count,
		u32, poslo, u32, poshi);
SYSCALL_DECL(ia32_pwrite64, unsigned int, fd, const char __user *, buf,
		u32, count, u32, poslo, u32, poshi);
SYSCALL_DECL(ia32_truncate64, const char __user *, filename, u32, lenlo,
		u32, lenhi);
SYSCALL_DECL(ia32_ftruncate64, unsigned int, fd, u32, lenlo, u32, lenhi);
SYSCALL_DECL(mmap_pgoff, unsigned long, addr, unsigned long, len,
		unsigned long, prot, unsigned long, flags, unsigned long, fd,
		unsigned long, pgoff);
SYSCALL_DECL(old_mmap, struct mmap_arg_struct __user *, arg);
SYSCALL_DECL(clock_gettime32, int, which, struct old_timespec32 __user *, tp);
SYSCALL_DECL(clock_nanosleep_time32, int, which, int, flags,
		const struct old_timespec32 __user *, rqtp,
		struct old_timespec32 __user *, rmtp);
SYSCALL_DECL(nanosleep_time32, const struct old_timespec32 __user *, rqtp,
		struct old_timespec32 __user *, rmtp);
struct pollfd;
struct sel_arg_struct;
SYSCALL_DECL(ppoll_time32, struct pollfd __user *, ufds, unsigned int, nfds,
	     struct old_timespec32 __user *, tsp, const u64 __user *, sigmask,
	     size_t, sigsetsize);
SYSCALL_DECL(pselect6_time32, int, n, unsigned long __user *, inp,
	     unsigned long __user *, outp, unsigned long __user *, exp,
	     struct old_timespec32 __user *, tsp, void __user *, sig);
SYSCALL_DECL(old_select, struct sel_arg_struct __user *, arg);
SYSCALL_DECL(set_thread_area, struct user_desc __user *, u_info);
SYSCALL_DECL(get_thread_area, struct user_desc __user *, u_info);

/* Name space, attributes and 16-bit ids (sys_i386_32.c, kernel/uid16.c) */
struct statfs64;
struct old_timeval32;
struct old_utimbuf32;
SYSCALL_DECL(creat, const char __user *, pathname, u32, mode);
SYSCALL_DECL(link, const char __user *, oldname, const char __user *, newname);
SYSCALL_DECL(symlink, const char __user *, oldname,
		const char __user *, newname);
SYSCALL_DECL(rename, const char __user *, oldname,
		const char __user *, newname);
SYSCALL_DECL(chmod, const char __user *, filename, u32, mode);
SYSCALL_DECL(chown, const char __user *, filename, u32, user, u32, group);
SYSCALL_DECL(lchown, const char __user *, filename, u32, user, u32, group);
SYSCALL_DECL(ia32_fallocate, int, fd, int, mode, u32, offlo, u32, offhi,
		u32, lenlo, u32, lenhi);
SYSCALL_DECL(statfs64, const char __user *, pathname, size_t, sz,
		struct statfs64 __user *, buf);
SYSCALL_DECL(fstatfs64, unsigned int, fd, size_t, sz,
		struct statfs64 __user *, buf);
SYSCALL_DECL(utimensat_time32, int, dfd, const char __user *, filename,
		struct old_timespec32 __user *, t, int, flags);
SYSCALL_DECL(futimesat_time32, int, dfd, const char __user *, filename,
		struct old_timeval32 __user *, t);
SYSCALL_DECL(utimes_time32, const char __user *, filename,
		struct old_timeval32 __user *, t);
SYSCALL_DECL(utime32, const char __user *, filename,
		struct old_utimbuf32 __user *, t);
SYSCALL_DECL(chown16, const char __user *, filename, u16, user, u16, group);
SYSCALL_DECL(lchown16, const char __user *, filename, u16, user, u16, group);
SYSCALL_DECL(fchown16, unsigned int, fd, u16, user, u16, group);
SYSCALL_DECL(setregid16, u16, rgid, u16, egid);
SYSCALL_DECL(setgid16, u16, gid);
SYSCALL_DECL(setreuid16, u16, ruid, u16, euid);
SYSCALL_DECL(setuid16, u16, uid);
SYSCALL_DECL(setresuid16, u16, ruid, u16, euid, u16, suid);
SYSCALL_DECL(getresuid16, u16 __user *, ruidp, u16 __user *, euidp,
		u16 __user *, suidp);
SYSCALL_DECL(setresgid16, u16, rgid, u16, egid, u16, sgid);
SYSCALL_DECL(getresgid16, u16 __user *, rgidp, u16 __user *, egidp,
		u16 __user *, sgidp);
SYSCALL_DECL(setfsuid16, u16, uid);
SYSCALL_DECL(setfsgid16, u16, gid);
SYSCALL_DECL(getgroups16, int, gidsetsize, u16 __user *, grouplist);
SYSCALL_DECL(setgroups16, int, gidsetsize, const u16 __user *, grouplist);
SYSCALL_DECL(getuid16);
SYSCALL_DECL(geteuid16);
SYSCALL_DECL(getgid16);
SYSCALL_DECL(getegid16);

#endif
