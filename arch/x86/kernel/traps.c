/*
 * Exceptions: the IDT that sends each vector to its entry in entry_32.S,
 * and do_trap(), where every exception lands after pt_regs is saved. Page
 * faults go to do_page_fault; any other exception in user mode kills the
 * program with a signal; in the kernel it is a bug: die() prints the
 * exception by name, the registers and a symbolic backtrace, and panics
 * (QEMU then exits with a failure status).
 */
#include <asm/desc.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/special_insns.h>
#include <asm/traps.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kallsyms.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <uapi/linux/signal.h>

static gate_desc idt_table[256] __aligned(8);

static const struct {
	const char *name;
	int signo;		/* what a user program gets */
} exceptions[NR_EXCEPTION_VECTORS] = {
	[X86_TRAP_DE] = { "divide error", SIGFPE },
	[X86_TRAP_DB] = { "debug", SIGTRAP },
	[X86_TRAP_NMI] = { "nmi", SIGSEGV },
	[X86_TRAP_BP] = { "int3", SIGTRAP },
	[X86_TRAP_OF] = { "overflow", SIGSEGV },
	[X86_TRAP_BR] = { "bounds", SIGSEGV },
	[X86_TRAP_UD] = { "invalid opcode", SIGILL },
	[X86_TRAP_NM] = { "device not available", SIGSEGV },
	[X86_TRAP_DF] = { "double fault", SIGSEGV },
	[X86_TRAP_OLD_MF] = { "coprocessor segment overrun", SIGFPE },
	[X86_TRAP_TS] = { "invalid TSS", SIGSEGV },
	[X86_TRAP_NP] = { "segment not present", SIGBUS },
	[X86_TRAP_SS] = { "stack segment", SIGBUS },
	[X86_TRAP_GP] = { "general protection fault", SIGSEGV },
	[X86_TRAP_PF] = { "page fault", SIGSEGV },
	[X86_TRAP_SPURIOUS] = { "spurious interrupt bug", SIGSEGV },
	[X86_TRAP_MF] = { "coprocessor error", SIGFPE },
	[X86_TRAP_AC] = { "alignment check", SIGBUS },
	[X86_TRAP_MC] = { "machine check", SIGSEGV },
	[X86_TRAP_XF] = { "simd coprocessor error", SIGFPE },
};

const char *exception_name(unsigned long trapnr)
{
	if (trapnr < ARRAY_SIZE(exceptions) && exceptions[trapnr].name)
		return exceptions[trapnr].name;
	return "reserved exception";
}

static void set_gate(unsigned int vector, unsigned long addr, u8 type)
{
	gate_desc *g = &idt_table[vector];

	g->offset_low = addr & 0xffff;
	g->segment = __KERNEL_CS;
	g->zero = 0;
	g->type = type;
	g->offset_high = addr >> 16;
}

/*
 * Fill and load the IDT. Exceptions and interrupts use interrupt gates
 * (the CPU turns interrupts off on entry; do_trap turns them back on if
 * they were on before). int3 and into may be used from user mode (DPL 3),
 * and int $0x80 is a DPL 3 trap gate: user programs may raise it, and
 * system calls run with interrupts on, as in Linux.
 */
void __init trap_init(void)
{
	struct desc_ptr idt_descr = {
		.size = sizeof(idt_table) - 1,
		.address = (unsigned long)idt_table,
	};
	unsigned int i;

	for (i = 0; i < NR_EXCEPTION_VECTORS; i++)
		set_gate(i, exception_entries[i], GATE_INTERRUPT);
	set_gate(X86_TRAP_BP, exception_entries[X86_TRAP_BP],
		 GATE_INTERRUPT | GATE_DPL3);
	set_gate(X86_TRAP_OF, exception_entries[X86_TRAP_OF],
		 GATE_INTERRUPT | GATE_DPL3);
	for (i = 0; i < NR_LEGACY_IRQS; i++)
		set_gate(FIRST_EXTERNAL_VECTOR + i,
			 (unsigned long)irq_entries_start[i], GATE_INTERRUPT);
	set_gate(SYSCALL_VECTOR, (unsigned long)system_call,
		 GATE_TRAP | GATE_DPL3);
	load_idt(&idt_descr);
	cpu_init();
}

void show_regs(const struct pt_regs *regs)
{
	unsigned long off;
	const char *sym = kallsyms_lookup(regs->ip, &off);
	unsigned long sp = kernel_stack_pointer(regs);
	unsigned long ss = regs->ss & 0xffff;

	if (!user_mode(regs))
		__asm__("movl %%ss, %0" : "=r"(ss));
	printk("CPU: %d PID: %d Comm: %s\n", current->thread_info.cpu,
	       current->pid, current->comm);
	if (sym)
		printk("ip : %08lx <%s+0x%lx>\n", regs->ip, sym, off);
	else
		printk("ip : %08lx\n", regs->ip);
	printk(" ax : %08lx bx : %08lx cx : %08lx dx : %08lx\n", regs->ax,
	       regs->bx, regs->cx, regs->dx);
	printk(" si : %08lx di : %08lx bp : %08lx sp : %08lx\n", regs->si,
	       regs->di, regs->bp, sp);
	printk(" ds : %04lx es : %04lx fs : %04lx gs : %04lx cs : %04lx "
	       "ss : %04lx\n", regs->ds & 0xffff, regs->es & 0xffff,
	       regs->fs & 0xffff, regs->gs & 0xffff, regs->cs & 0xffff, ss);
	printk("flags: %08lx orig_ax: %08lx\n", regs->flags, regs->orig_ax);
	printk("cr0: %08lx cr2: %08lx cr3: %08lx cr4: %08lx\n", read_cr0(),
	       read_cr2(), read_cr3(), read_cr4());
}

/* An exception in kernel mode: report everything we know and stop. */
void __noreturn die(struct pt_regs *regs, const char *msg,
		    unsigned long error_code)
{
	printk("Oops - %s: %04lx [#1]\n", msg, error_code);
	show_regs(regs);
	dump_backtrace(regs, current);
	panic("Fatal exception in %s", is_idle_task(current) ? "idle task" :
	      "kernel");
}

/* Interrupts were on where the exception came from: turn them back on. */
static void conditional_sti(struct pt_regs *regs)
{
	if (regs->flags & X86_EFLAGS_IF)
		local_irq_enable();
}

/* Called from error_code (entry_32.S) with interrupts off. */
void do_trap(struct pt_regs *regs, unsigned long trapnr,
	     unsigned long error_code)
{
	if (trapnr == X86_TRAP_PF) {
		do_page_fault(regs, error_code);
		return;
	}
	if (trapnr == X86_TRAP_NMI) {
		pr_warn("Uhhuh. NMI received; ignoring it.\n");
		return;
	}
	conditional_sti(regs);
	if (!user_mode(regs)) {
		if (fixup_exception(regs))
			return;	/* an expected fault (asm/asm.h) */
		die(regs, exception_name(trapnr), error_code);
	}
	current->thread.trap_nr = trapnr;
	current->thread.error_code = error_code;
	user_fault(regs, exception_name(trapnr),
		   trapnr < ARRAY_SIZE(exceptions) && exceptions[trapnr].signo ?
			   exceptions[trapnr].signo : SIGSEGV,
		   0);
}
