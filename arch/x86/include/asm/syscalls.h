/* The system calls only i386 has (arch/x86/kernel/sys_i386_32.c, tls.c);
 * the portable ones are in linux/syscalls.h. */
#ifndef _ASM_X86_SYSCALLS_H
#define _ASM_X86_SYSCALLS_H

#include <linux/types.h>

struct stat;
struct stat64;
struct mmap_arg_struct;
struct old_timespec32;
struct user_desc;

long sys_waitpid(pid_t pid, int *stat_addr, int options);
long sys_open(const char *filename, int flags, u32 mode);
long sys_access(const char *filename, int mode);
long sys_mkdir(const char *pathname, u32 mode);
long sys_unlink(const char *pathname);
long sys_rmdir(const char *pathname);
long sys_readlink(const char *path, char *buf, int bufsiz);
long sys_dup2(unsigned int oldfd, unsigned int newfd);
long sys_newstat(const char *filename, struct stat *statbuf);
long sys_newlstat(const char *filename, struct stat *statbuf);
long sys_stat64(const char *filename, struct stat64 *statbuf);
long sys_lstat64(const char *filename, struct stat64 *statbuf);
long sys_fstat64(unsigned long fd, struct stat64 *statbuf);
long sys_fstatat64(int dfd, const char *filename, struct stat64 *statbuf,
		   int flag);
long sys_llseek(unsigned int fd, unsigned long offset_high,
		unsigned long offset_low, loff_t *result, unsigned int whence);
long sys_ia32_pread64(unsigned int fd, char *buf, u32 count, u32 poslo,
		      u32 poshi);
long sys_ia32_pwrite64(unsigned int fd, const char *buf, u32 count,
		       u32 poslo, u32 poshi);
long sys_ia32_truncate64(const char *filename, u32 lenlo, u32 lenhi);
long sys_ia32_ftruncate64(unsigned int fd, u32 lenlo, u32 lenhi);
long sys_mmap_pgoff(unsigned long addr, unsigned long len,
		    unsigned long prot, unsigned long flags,
		    unsigned long fd, unsigned long pgoff);
long sys_old_mmap(struct mmap_arg_struct *arg);
long sys_clock_gettime32(int which, struct old_timespec32 *tp);
long sys_clock_nanosleep_time32(int which, int flags,
				const struct old_timespec32 *rqtp,
				struct old_timespec32 *rmtp);
long sys_nanosleep_time32(const struct old_timespec32 *rqtp,
			  struct old_timespec32 *rmtp);
long sys_set_thread_area(struct user_desc *u_info);
long sys_get_thread_area(struct user_desc *u_info);

#endif
