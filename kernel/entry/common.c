/*
 * The last work before a return to user mode, the same on every
 * architecture: the arch's exit path (ret_from_exception on RISC-V,
 * resume_userspace on i386) calls this when a TIF_* flag is set, with
 * interrupts off, and checks the flags again afterwards. Reschedule when
 * the time slice is used up; act on pending signals.
 */
#include <linux/irqflags.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>

void do_work_pending(struct pt_regs *regs, unsigned long thread_info_flags)
{
	local_irq_enable();
	if (thread_info_flags & _TIF_NEED_RESCHED)
		schedule();
	if (thread_info_flags & _TIF_SIGPENDING)
		arch_do_signal_or_restart(regs);
}
