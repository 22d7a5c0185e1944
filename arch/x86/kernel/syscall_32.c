/*
 * int $0x80: the i386 system-call table, with Linux's i386 numbers (eax
 * holds the number, bx, cx, dx, si, di, bp the arguments, eax the result),
 * and do_syscall(), which entry_32.S calls with the saved registers. A
 * number with no entry returns -ENOSYS.
 */
#include <asm/ptrace.h>
#include <linux/syscalls.h>

#define __NR_exit 1
#define __NR_wait4 114
#define __NR_clone 120
#define __NR_exit_group 252
#define NR_syscalls 451

/* Each sys_* has its own prototype; the table calls them all alike. */
#define SC(nr, fn) [nr] = (syscall_fn_t)(void (*)(void))(fn)

const syscall_fn_t sys_call_table[NR_syscalls] = {
	SC(__NR_exit, sys_exit),
	SC(__NR_wait4, sys_wait4),
	SC(__NR_clone, sys_clone),
	SC(__NR_exit_group, sys_exit_group),
};

/* orig_ax keeps the number: ax is overwritten by the result. */
void do_syscall(struct pt_regs *regs)
{
	unsigned long nr = regs->orig_ax;
	syscall_fn_t fn = nr < NR_syscalls ? sys_call_table[nr] : NULL;

	if (fn)
		regs->ax = fn(regs->bx, regs->cx, regs->dx, regs->si, regs->di,
			      regs->bp);
	else
		regs->ax = sys_ni_syscall(nr);
}
