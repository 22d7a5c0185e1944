/* thread_info: the per-task flags the entry code checks before returning
 * to user mode. As on RISC-V it is the first member of task_struct, so the
 * entry code finds it at current_task + 0. THREAD_SIZE is the kernel stack
 * size: 8 KiB, as Linux's i386. */
#ifndef _ASM_X86_THREAD_INFO_H
#define _ASM_X86_THREAD_INFO_H

#include <asm/page.h>

#define THREAD_SIZE_ORDER 1
#define THREAD_SIZE (PAGE_SIZE << THREAD_SIZE_ORDER)	/* 8 KiB */

/* thread_info.flags bits (Linux's x86 numbers) */
#define TIF_SIGPENDING 2	/* a signal is pending */
#define TIF_NEED_RESCHED 3	/* schedule() before returning to user */
#define _TIF_SIGPENDING (1 << TIF_SIGPENDING)
#define _TIF_NEED_RESCHED (1 << TIF_NEED_RESCHED)
#define _TIF_WORK_MASK (_TIF_SIGPENDING | _TIF_NEED_RESCHED)

#ifndef __ASSEMBLY__

struct thread_info {
	unsigned long flags;	/* TIF_* */
	int preempt_count;
	int cpu;		/* the CPU this task runs on */
};

#endif /* __ASSEMBLY__ */
#endif
