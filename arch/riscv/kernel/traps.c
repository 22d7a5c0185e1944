/*
 * do_trap(): where every trap lands after entry.S saved pt_regs. Interrupts
 * go to the timer or the PLIC, ecall from user mode to the system-call
 * table, faults to the page-fault handler. A fault the kernel itself causes
 * is a bug: die() prints the cause by name, epc, stval, the registers and a
 * symbolic backtrace, and panics (QEMU then exits with a failure status).
 */
#include <asm/csr.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <linux/irq_regs.h>
#include <linux/irqflags.h>
#include <linux/kallsyms.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>

static const char *const exception_names[] = {
	[EXC_INST_MISALIGNED] = "instruction address misaligned",
	[EXC_INST_ACCESS] = "instruction access fault",
	[EXC_INST_ILLEGAL] = "illegal instruction",
	[EXC_BREAKPOINT] = "breakpoint",
	[EXC_LOAD_MISALIGNED] = "load address misaligned",
	[EXC_LOAD_ACCESS] = "load access fault",
	[EXC_STORE_MISALIGNED] = "store address misaligned",
	[EXC_STORE_ACCESS] = "store access fault",
	[EXC_SYSCALL] = "environment call from U-mode",
	[9] = "environment call from S-mode",
	[EXC_INST_PAGE_FAULT] = "instruction page fault",
	[EXC_LOAD_PAGE_FAULT] = "load page fault",
	[EXC_STORE_PAGE_FAULT] = "store page fault",
};

const char *exception_name(unsigned long cause)
{
	if (cause < ARRAY_SIZE(exception_names) && exception_names[cause])
		return exception_names[cause];
	return "unknown exception";
}

void show_regs(const struct pt_regs *regs)
{
	unsigned long off;
	const char *sym = kallsyms_lookup(regs->epc, &off);

	printk("CPU: %d PID: %d Comm: %s\n", current->thread_info.cpu,
	       current->pid, current->comm);
	if (sym)
		printk("epc : %016lx <%s+0x%lx>\n", regs->epc, sym, off);
	else
		printk("epc : %016lx\n", regs->epc);
	printk(" ra : %016lx sp : %016lx gp : %016lx\n", regs->ra, regs->sp,
	       regs->gp);
	printk(" tp : %016lx t0 : %016lx t1 : %016lx\n", regs->tp, regs->t0,
	       regs->t1);
	printk(" t2 : %016lx s0 : %016lx s1 : %016lx\n", regs->t2, regs->s0,
	       regs->s1);
	printk(" a0 : %016lx a1 : %016lx a2 : %016lx\n", regs->a0, regs->a1,
	       regs->a2);
	printk(" a3 : %016lx a4 : %016lx a5 : %016lx\n", regs->a3, regs->a4,
	       regs->a5);
	printk(" a6 : %016lx a7 : %016lx s2 : %016lx\n", regs->a6, regs->a7,
	       regs->s2);
	printk("status: %016lx badaddr: %016lx cause: %016lx\n", regs->status,
	       regs->badaddr, regs->cause);
}

/* A fault in kernel mode: report everything we know and stop the machine. */
void __noreturn die(struct pt_regs *regs, const char *msg)
{
	printk("Oops - %s [#1]\n", msg);
	show_regs(regs);
	dump_backtrace(regs, current);
	panic("Fatal exception in %s", is_idle_task(current) ? "idle task" :
	      "kernel");
}

static void do_exception(struct pt_regs *regs, unsigned long cause)
{
	/* Interrupts were on where the trap came from: keep them on. */
	if (regs->status & SR_PIE)
		local_irq_enable();

	if (cause == EXC_SYSCALL) {
		regs->epc += 4;	/* return after the ecall */
		do_syscall(regs);
		return;
	}
	if (cause == EXC_INST_PAGE_FAULT || cause == EXC_LOAD_PAGE_FAULT ||
	    cause == EXC_STORE_PAGE_FAULT) {
		do_page_fault(regs, cause);
		return;
	}
	if (!user_mode(regs))
		die(regs, exception_name(cause));
	user_fault(regs, exception_name(cause),
		   cause == EXC_INST_ILLEGAL ? SIGILL : SIGSEGV);
}

/* Called from handle_exception with interrupts off. */
void do_trap(struct pt_regs *regs)
{
	unsigned long cause = regs->cause;

	if (cause & CAUSE_IRQ_FLAG) {
		struct pt_regs *old_regs = set_irq_regs(regs);

		cause &= ~CAUSE_IRQ_FLAG;
		if (cause == IRQ_S_TIMER)
			riscv_timer_interrupt();
		else if (cause == IRQ_S_EXT)
			plic_handle_irq();
		else
			pr_warn("unexpected interrupt %lu\n", cause);
		set_irq_regs(old_regs);
		return;
	}
	do_exception(regs, cause);
}
