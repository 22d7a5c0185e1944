/*
 * The i386 half of creating a task: copy_thread() prepares the new task's
 * kernel stack and saved context so that the first time schedule()
 * switches to it, __switch_to "returns" into ret_from_fork (a user task's
 * child) or ret_from_kernel_thread (a kernel thread).
 */
#include <asm/elf.h>
#include <asm/irqflags.h>
#include <asm/processor-flags.h>
#include <asm/segment.h>
#include <asm/tls.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <uapi/linux/signal.h>

/* Called with interrupts off; returns with them on, after an interrupt. */
void arch_cpu_idle(void)
{
	arch_safe_halt();
}

/* The child starts as a byte-for-byte copy of the parent's task_struct,
 * with the FPU registers as they are right now (they live in the CPU,
 * not in thread.fpu, while the parent runs). */
noinline int arch_dup_task_struct(struct task_struct *dst,
				  struct task_struct *src)
{
	if (src->mm)
		fxsave(&src->thread.fpu);
	*dst = *src;
	return 0;
}

/*
 * Set up the child's saved registers.
 *
 * childregs is the pt_regs at the top of the child's kernel stack — the
 * same place the parent's int $0x80 saved *its* registers on its own
 * stack. For a user fork we copy the parent's pt_regs there, so the child
 * will leave the kernel at the very instruction after the parent's
 * int $0x80; then we set childregs->ax = 0, and since eax is the return
 * register, fork() returns 0 in the child (the parent gets the pid in its
 * own ax later).
 *
 * thread.ip and thread.sp are what __switch_to loads: ip = ret_from_fork
 * makes its jump land there, and sp = childregs makes syscall_exit restore
 * exactly this pt_regs. That is why the child can "return" from a system
 * call it never made. thread.sp0, the top of the stack, goes into the TSS
 * while the child runs: its next int $0x80 builds its pt_regs right there.
 */
noinline int copy_thread(struct task_struct *p,
			 const struct kernel_clone_args *args)
{
	struct pt_regs *childregs = task_pt_regs(p);

	p->thread.sp = (unsigned long)childregs;	/* kernel esp */
	p->thread.sp0 = (unsigned long)(childregs + 1);
	if (args->fn) {
		/* Kernel thread: no user registers; fn(arg) in bx/bp. */
		memset(childregs, 0, sizeof(*childregs));
		childregs->bx = (unsigned long)args->fn;
		childregs->bp = (unsigned long)args->fn_arg;
		childregs->ds = __USER_DS;
		childregs->es = __USER_DS;
		childregs->orig_ax = -1;
		childregs->cs = __KERNEL_CS;	/* stays in the kernel */
		childregs->flags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
		p->thread.ip = (unsigned long)ret_from_kernel_thread;
		return 0;
	}
	*childregs = *current_pt_regs();
	childregs->ax = 0;	/* the child's fork() returns 0 */
	if (args->stack)
		childregs->sp = args->stack;	/* new user stack */
	p->thread.ip = (unsigned long)ret_from_fork;
	/* A new thread's TLS: on i386, tls points at a struct user_desc for
	 * one of the child's GDT TLS slots (glibc: the one its inherited %gs
	 * selects), as set_thread_area takes. */
	if (args->flags & CLONE_SETTLS)
		return do_set_thread_area(p, -1, (struct user_desc __user *)
					  args->tls, 0);
	return 0;
}

/*
 * exec: the registers a new program starts with (Linux 3.18's
 * flush_thread and start_thread): no TLS slots and a clean FPU, loaded
 * at once since this task goes straight back to user mode; iret will go
 * to ip in user mode (the user code and data segments, RPL 3, %fs and %gs
 * null) with interrupts enabled.
 */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	struct thread_struct *t = &current->thread;

	memset(t->tls_array, 0, sizeof(t->tls_array));
	load_TLS(t);
	fpu_finit(&t->fpu);
	fxrstor(&t->fpu);

	memset(regs, 0, sizeof(*regs));
	regs->ds = __USER_DS;
	regs->es = __USER_DS;
	regs->ss = __USER_DS;
	regs->cs = __USER_CS;
	regs->ip = ip;
	regs->sp = sp;
	regs->flags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
}
