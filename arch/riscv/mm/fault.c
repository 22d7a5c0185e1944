/*
 * Page faults. A fault on a user address inside one of the process's VMAs
 * (the stack growing, the heap, an mmap) gets a page; a touch past the end
 * of a mapped file kills the process with SIGBUS, anything else from user
 * mode with SIGSEGV, which its parent's wait4 sees.
 * The kernel faulting on a user address during copy_*_user is recovered by
 * fixup_exception; any other kernel fault is a bug and dies loudly.
 */
#include <asm/csr.h>
#include <asm/traps.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>


void do_page_fault(struct pt_regs *regs, unsigned long cause)
{
	int sig = handle_page_fault(regs->badaddr,
				    cause == EXC_STORE_PAGE_FAULT,
				    cause == EXC_INST_PAGE_FAULT,
				    user_mode(regs));

	if (!sig)
		return;
	if (!user_mode(regs)) {
		if (fixup_exception(regs))
			return;
		die(regs, exception_name(cause));
	}
	user_fault(regs, exception_name(cause), sig);
}

/*
 * A user program faulted: the signal (si_code and si_addr as Linux gives
 * them) is acted on as it returns to user mode — by its handler, if it has
 * one; otherwise the console says so and the process dies of it.
 */
void user_fault(struct pt_regs *regs, const char *what, int sig)
{
	if (!sig_handled(sig))
		printk("%s[%d]: unhandled signal %d: %s at epc %lx, address "
		       "%lx\n", current->comm, current->pid, sig, what,
		       regs->epc, regs->badaddr);
	force_sig_fault(sig, fault_si_code(sig),
			(void __user *)regs->badaddr);
}
