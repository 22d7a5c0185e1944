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
long sys_wait4(pid_t upid, int *stat_addr, int options, struct rusage *ru);
long sys_exit(int error_code);
long sys_exit_group(int error_code);

#endif
