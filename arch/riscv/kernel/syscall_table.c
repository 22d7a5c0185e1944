/*
 * The RISC-V system-call table: Linux's asm-generic numbers (a7 holds the
 * number, a0..a5 the arguments, a0 the result). A number with no entry
 * returns -ENOSYS.
 */
#include <linux/syscalls.h>

#define __NR_exit 93
#define __NR_exit_group 94
#define __NR_clone 220
#define __NR_wait4 260
#define NR_syscalls 451

/* Each sys_* has its own prototype; the table calls them all alike. */
#define SC(nr, fn) [nr] = (syscall_fn_t)(void (*)(void))(fn)

const syscall_fn_t sys_call_table[NR_syscalls] = {
	SC(__NR_exit, sys_exit),
	SC(__NR_exit_group, sys_exit_group),
	SC(__NR_clone, sys_clone),
	SC(__NR_wait4, sys_wait4),
};

const unsigned long nr_syscalls = NR_syscalls;
