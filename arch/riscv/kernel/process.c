/*
 * The RISC-V half of creating a task: copy_thread() prepares the new
 * task's kernel stack and saved context so that the first time schedule()
 * switches to it, __switch_to "returns" into ret_from_fork (a user task's
 * child) or ret_from_kernel_thread (a kernel thread).
 */
#include <asm/csr.h>
#include <asm/switch_to.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <uapi/linux/signal.h>

void arch_cpu_idle(void)
{
	wait_for_interrupt();
}

/* The child starts as a byte-for-byte copy of the parent's task_struct. */
noinline int arch_dup_task_struct(struct task_struct *dst,
				  struct task_struct *src)
{
	if (src->mm)	/* the child gets the FP registers too */
		fstate_save(src, task_pt_regs(src));
	*dst = *src;
	return 0;
}

/*
 * Set up the child's saved registers.
 *
 * childregs is the pt_regs at the top of the child's kernel stack — the
 * same place the parent's trap entry saved *its* registers on its own
 * stack. For a user fork we copy the parent's pt_regs there, so the child
 * will leave the kernel at the very instruction after the parent's ecall;
 * then we set childregs->a0 = 0, and since a0 is the return register, fork()
 * returns 0 in the child (the parent gets the pid in its own a0 later).
 *
 * thread.ra and thread.sp are what __switch_to loads: ra = ret_from_fork
 * makes its `ret` land there, and sp = childregs makes ret_from_exception
 * restore exactly this pt_regs. That is why the child can "return" from a
 * system call it never made.
 */
noinline int copy_thread(struct task_struct *p,
			 const struct kernel_clone_args *args)
{
	struct pt_regs *childregs = task_pt_regs(p);

	memset(&p->thread.s, 0, sizeof(p->thread.s));
	if (args->fn) {
		/* Kernel thread: no user registers; fn(arg) in s0/s1. */
		memset(childregs, 0, sizeof(*childregs));
		childregs->status = SR_PP | SR_PIE;	/* stays in S-mode */
		p->thread.s[0] = (unsigned long)args->fn;
		p->thread.s[1] = (unsigned long)args->fn_arg;
		p->thread.ra = (unsigned long)ret_from_kernel_thread;
	} else {
		*childregs = *current_pt_regs();
		childregs->a0 = 0;	/* the child's fork() returns 0 */
		if (args->stack)
			childregs->sp = args->stack;	/* new user stack */
		if (args->flags & CLONE_SETTLS)
			childregs->tp = args->tls;
		p->thread.ra = (unsigned long)ret_from_fork;
	}
	p->thread.sp = (unsigned long)childregs;	/* kernel sp */
	return 0;
}

/*
 * exec: the registers a new program starts with. sret will go to pc in
 * user mode (SPP = 0) with interrupts enabled (SPIE = 1). The floating
 * point unit is on (FS = initial) since glibc's startup uses it.
 */
void start_thread(struct pt_regs *regs, unsigned long pc, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->status = SR_PIE | SR_FS_INITIAL;
	memset(&current->thread.fstate, 0, sizeof(current->thread.fstate));
	fstate_restore(current, regs);	/* no registers from the old program */
	regs->epc = pc;
	regs->sp = sp;
}
