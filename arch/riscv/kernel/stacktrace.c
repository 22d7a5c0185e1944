/*
 * Symbolic backtraces by walking frame pointers (the kernel is built with
 * -fno-omit-frame-pointer). On RISC-V a function's frame pointer s0 points
 * just above its frame, where the caller's ra and s0 are stored at -8 and
 * -16. The walk stays inside the task's kernel stack, so a corrupt chain
 * ends the trace instead of faulting again.
 */
#include <asm/traps.h>
#include <linux/kallsyms.h>
#include <linux/printk.h>
#include <linux/sched.h>

struct stackframe {
	unsigned long fp;
	unsigned long ra;
};

/* A return address, named by the function that made the call: look up
 * pc - 1, since a call to a noreturn function may be a function's last
 * instruction (Linux's %pB does the same). */
static void print_ip_sym(unsigned long pc, bool return_address)
{
	unsigned long off;
	const char *name = kallsyms_lookup(pc - return_address, &off);

	if (name)
		printk(" [<%016lx>] %s+0x%lx\n", pc, name, off + return_address);
	else
		printk(" [<%016lx>] ?\n", pc);
}

extern char _text[], _etext[];

static bool kernel_text_address(unsigned long pc)
{
	return pc >= (unsigned long)_text && pc < (unsigned long)_etext;
}

static int on_stack(const struct task_struct *task, unsigned long addr)
{
	unsigned long low = (unsigned long)task->stack;

	return addr >= low && addr <= low + THREAD_SIZE;
}

/* Print the call chain from regs (a trap) or from the caller (regs NULL). */
void dump_backtrace(const struct pt_regs *regs, struct task_struct *task)
{
	unsigned long fp, sp, pc;
	int depth = 0;

	if (!task)
		task = current;
	if (regs) {
		fp = regs->s0;
		sp = regs->sp;
		pc = regs->epc;
	} else {
		fp = (unsigned long)__builtin_frame_address(0);
		sp = (unsigned long)__builtin_frame_address(0);
		pc = (unsigned long)dump_backtrace;
	}
	printk("Call Trace:\n");
	print_ip_sym(pc, false);
	while (depth++ < 32) {
		const struct stackframe *frame;

		if (!on_stack(task, fp) || fp < sp || (fp & 7))
			break;
		frame = (const struct stackframe *)fp - 1;
		sp = fp;
		if (regs && depth == 1 && regs->epc == pc &&
		    on_stack(task, frame->ra)) {
			/* A leaf function: it saved only s0, where ra would be. */
			fp = frame->ra;
			pc = regs->ra;
		} else {
			fp = frame->fp;
			pc = frame->ra;
		}
		if (!kernel_text_address(pc))
			break;	/* the bottom, or a corrupt frame */
		print_ip_sym(pc, true);
	}
}

void dump_stack(void)
{
	dump_backtrace(NULL, current);
}
