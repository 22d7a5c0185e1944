/* System-call entry points (sys_*) and the dispatcher the architecture's
 * trap handler calls. Arguments arrive as unsigned longs from registers. */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <asm/ptrace.h>
#include <linux/types.h>

struct rusage;

typedef long (*syscall_fn_t)(unsigned long, unsigned long, unsigned long,
			     unsigned long, unsigned long, unsigned long);

void do_syscall(struct pt_regs *regs);
void do_work_pending(struct pt_regs *regs, unsigned long thread_info_flags);
long sys_ni_syscall(unsigned long nr);

long sys_clone(unsigned long clone_flags, unsigned long newsp,
	       int *parent_tidptr, unsigned long tls, int *child_tidptr);
long sys_fork(void);	/* i386 only, as in Linux */
long sys_vfork(void);
long sys_wait4(pid_t upid, int *stat_addr, int options, struct rusage *ru);
long sys_exit(int error_code);
long sys_exit_group(int error_code);

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

long sys_getcwd(char *buf, unsigned long size);
long sys_dup(unsigned int oldfd);
long sys_dup3(unsigned int oldfd, unsigned int newfd, unsigned int flags);
long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_mkdirat(int dfd, const char *pathname, u32 mode);
long sys_unlinkat(int dfd, const char *pathname, int flag);
long sys_chdir(const char *filename);
long sys_fchdir(unsigned int fd);
long sys_openat(int dfd, const char *filename, int flags, u32 mode);
long sys_close(unsigned int fd);
long sys_getdents64(unsigned int fd, void *dirent, unsigned int count);
long sys_lseek(unsigned int fd, long offset, unsigned int whence);
long sys_read(unsigned int fd, char *buf, size_t count);
long sys_write(unsigned int fd, const char *buf, size_t count);
long ksys_pread64(unsigned int fd, char *buf, size_t count, loff_t pos);
long ksys_pwrite64(unsigned int fd, const char *buf, size_t count,
		   loff_t pos);
long sys_pread64(unsigned int fd, char *buf, size_t count, loff_t pos);
long sys_pwrite64(unsigned int fd, const char *buf, size_t count,
		  loff_t pos);
long sys_truncate(const char *pathname, long length);
long sys_ftruncate(unsigned int fd, unsigned long length);
long sys_readv(unsigned int fd, const struct iovec *vec, unsigned long vlen);
long sys_writev(unsigned int fd, const struct iovec *vec,
		unsigned long vlen);
long sys_readlinkat(int dfd, const char *path, char *buf, int bufsiz);
long sys_newfstatat(int dfd, const char *filename, struct stat *statbuf,
		    int flag);
long sys_fstat(unsigned int fd, struct stat *statbuf);
long sys_statx(int dfd, const char *filename, unsigned int flags,
	       unsigned int mask, struct statx *buffer);
long sys_set_tid_address(int *tidptr);
long sys_set_robust_list(void *head, size_t len);
long sys_nanosleep(const struct __kernel_timespec *rqtp,
		   struct __kernel_timespec *rmtp);
long sys_clock_gettime(int which, struct __kernel_timespec *tp);
long sys_clock_getres(int which, struct __kernel_timespec *tp);
long sys_clock_nanosleep(int which, int flags,
			 const struct __kernel_timespec *rqtp,
			 struct __kernel_timespec *rmtp);
long sys_gettimeofday(struct __kernel_old_timeval *tv, void *tz);
long sys_time(long *tloc);
long sys_sched_yield(void);
long sys_kill(pid_t pid, int sig);
long sys_tkill(pid_t pid, int sig);
long sys_tgkill(pid_t tgid, pid_t pid, int sig);
long sys_rt_sigaction(int sig, const struct sigaction *act,
		      struct sigaction *oact, size_t sigsetsize);
long sys_rt_sigprocmask(int how, const u64 *set, u64 *oset,
			size_t sigsetsize);
long sys_reboot(int magic1, int magic2, unsigned int cmd, void *arg);
long sys_newuname(struct new_utsname *name);
long sys_getrlimit(unsigned int resource, struct rlimit *rlim);
long sys_setrlimit(unsigned int resource, const struct rlimit *rlim);
long sys_prlimit64(pid_t pid, unsigned int resource,
		   const struct rlimit64 *new_rlim, struct rlimit64 *old_rlim);
long sys_umask(int mask);
long sys_getpid(void);
long sys_getppid(void);
long sys_getuid(void);
long sys_gettid(void);
long sys_sysinfo(struct sysinfo *info);
long sys_brk(unsigned long brk);
long sys_munmap(unsigned long addr, size_t len);
long sys_mprotect(unsigned long start, size_t len, unsigned long prot);
long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot,
	      unsigned long flags, unsigned long fd, unsigned long off);
long sys_execve(const char *filename, const char *const *argv,
		const char *const *envp);
long sys_getrandom(char *buf, size_t count, unsigned int flags);
long sys_faccessat(int dfd, const char *filename, int mode);
long sys_faccessat2(int dfd, const char *filename, int mode, int flags);
long sys_sync(void);
long sys_rt_sigpending(u64 *uset, size_t sigsetsize);

#endif
