/*
 * Page faults (vector 14). The CPU puts the faulting address in CR2 and
 * says in the error code whether the page was absent or protected, and
 * whether it was a write, from user mode. A fault on a user address inside
 * one of the process's VMAs (the stack growing, the heap, an mmap) gets a
 * page (or, with no page left, kills the process with SIGKILL); a touch
 * past the end of a mapped file is SIGBUS, anything else from user mode
 * SIGSEGV, which its parent's wait4 sees. The kernel faulting on a user address during
 * copy_*_user is recovered by fixup_exception; any other kernel fault is a
 * bug and dies loudly.
 */
#include <asm/special_insns.h>
#include <asm/traps.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

/* The kernel itself touched a bad address: say what, as Linux does. */
static void __noreturn no_context(struct pt_regs *regs,
				  unsigned long error_code,
				  unsigned long address)
{
	if (address < PAGE_SIZE)
		printk("BUG: unable to handle kernel NULL pointer dereference "
		       "at %08lx\n", address);
	else
		printk("BUG: unable to handle kernel paging request at %08lx\n",
		       address);
	printk("#PF: supervisor %s access in %s mode\n",
	       error_code & X86_PF_WRITE ? "write" : "read",
	       error_code & X86_PF_USER ? "user" : "kernel");
	printk("#PF: error_code(0x%04lx) - %s\n", error_code,
	       error_code & X86_PF_PROT ? "permissions violation" :
					  "not-present page");
	die(regs, exception_name(X86_TRAP_PF), error_code);
}

void do_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	/* Read CR2 first: another fault (with interrupts on) overwrites it. */
	unsigned long address = read_cr2();
	int sig;

	if (regs->flags & X86_EFLAGS_IF)
		local_irq_enable();
	/* Without NX, i386 cannot tell an instruction fetch from a read. */
	current->thread.cr2 = address;
	current->thread.trap_nr = X86_TRAP_PF;
	current->thread.error_code = error_code;
	sig = handle_page_fault(address, error_code & X86_PF_WRITE, false,
				user_mode(regs));
	if (!sig)
		return;

	if (!user_mode(regs)) {
		if (fixup_exception(regs))
			return;
		no_context(regs, error_code, address);
	}
	user_fault(regs, exception_name(X86_TRAP_PF), sig, address);
}

/*
 * A user program faulted: the signal (si_code and si_addr as Linux gives
 * them) is acted on as it returns to user mode — by its handler, if it has
 * one; otherwise the console says so and the process dies of it.
 */
void user_fault(struct pt_regs *regs, const char *what, int sig,
		unsigned long address)
{
	if (!sig_handled(sig))
		printk("%s[%d]: unhandled signal %d: %s at ip %lx, address "
		       "%lx\n", current->comm, current->pid, sig, what,
		       regs->ip, address);
	force_sig_fault(sig, fault_si_code(sig), (void __user *)address);
}
