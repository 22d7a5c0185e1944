/*
 * Symbolic backtraces by walking frame pointers (the kernel is built with
 * -fno-omit-frame-pointer). On i386 every function starts with
 * `push %ebp; mov %esp, %ebp`, so ebp points at a struct stack_frame: the
 * caller's saved ebp, and above it the return address the call pushed.
 * The walk stays inside the task's kernel stack, so a corrupt chain ends
 * the trace instead of faulting again; head_32.S and
 * ret_from_kernel_thread start the chain with ebp = 0.
 */
#include <asm/traps.h>
#include <linux/kallsyms.h>
#include <linux/printk.h>
#include <linux/sched.h>

struct stack_frame {
	struct stack_frame *next_frame;	/* the caller's ebp */
	unsigned long return_address;
};

/* A return address points after the call: name the call itself, which
 * for a call to a noreturn function may be the last byte of its caller. */
static void print_ip_sym(unsigned long ip, bool is_return_address)
{
	unsigned long off, adjust = is_return_address ? 1 : 0;
	const char *name = kallsyms_lookup(ip - adjust, &off);

	if (name)
		printk(" [<%08lx>] %s+0x%lx\n", ip, name, off + adjust);
	else
		printk(" [<%08lx>] ?\n", ip);
}

static bool on_stack(const struct task_struct *task, unsigned long addr)
{
	unsigned long low = (unsigned long)task->stack;

	return addr >= low && addr + sizeof(struct stack_frame) <=
				      low + THREAD_SIZE;
}

/* Print the call chain from regs (a trap) or from the caller (regs NULL). */
void dump_backtrace(const struct pt_regs *regs, struct task_struct *task)
{
	const struct stack_frame *frame;
	int depth = 0;

	if (!task)
		task = current;
	printk("Call Trace:\n");
	if (regs) {
		print_ip_sym(regs->ip, false);
		frame = (const struct stack_frame *)regs->bp;
	} else {
		print_ip_sym((unsigned long)dump_backtrace, false);
		frame = __builtin_frame_address(0);
	}
	while (depth++ < 32 && on_stack(task, (unsigned long)frame) &&
	       !((unsigned long)frame & 3)) {
		if (!frame->return_address)
			break;
		print_ip_sym(frame->return_address, true);
		/* Callers' frames lie higher up: anything else is garbage. */
		if (frame->next_frame <= frame)
			break;
		frame = frame->next_frame;
	}
}

void dump_stack(void)
{
	dump_backtrace(NULL, current);
}
