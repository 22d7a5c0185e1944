/*
 * ecall from user mode: look the number (a7) up in sys_call_table and call
 * it with a0..a5; the result goes back in a0, where the program's ecall
 * sees it. orig_a0 keeps the first argument (a0 is overwritten).
 */
#include <asm/ptrace.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

extern const syscall_fn_t sys_call_table[];
extern const unsigned long nr_syscalls;

void do_syscall(struct pt_regs *regs)
{
	unsigned long nr = regs->a7;
	syscall_fn_t fn = nr < nr_syscalls ? sys_call_table[nr] : NULL;

	regs->orig_a0 = regs->a0;
	if (fn)
		regs->a0 = fn(regs->a0, regs->a1, regs->a2, regs->a3, regs->a4,
			      regs->a5);
	else
		regs->a0 = sys_ni_syscall(nr);
}

/* mmap(2) on RISC-V takes a byte offset (i386's mmap2 takes pages). */
SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len,
		unsigned long, prot, unsigned long, flags, unsigned long, fd,
		unsigned long, off)
{
	if (off & ~PAGE_MASK)
		return -EINVAL;
	return ksys_mmap_pgoff(addr, len, prot, flags, fd, off >> PAGE_SHIFT);
}
