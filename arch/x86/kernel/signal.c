/*
 * Work to do before returning to user mode (resume_userspace found a
 * TIF_* flag set): reschedule when the time slice is used up, and act on
 * pending signals.
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
		do_signal(regs);
}
