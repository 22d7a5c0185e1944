/* thread_info: the per-task data the trap entry needs in assembly. As in
 * Linux on RISC-V, it is the first member of task_struct, so tp (= current)
 * points at both. THREAD_SIZE is the kernel stack size. */
#ifndef _ASM_RISCV_THREAD_INFO_H
#define _ASM_RISCV_THREAD_INFO_H

#include <asm/page.h>

#define THREAD_SIZE_ORDER 2
#define THREAD_SIZE (PAGE_SIZE << THREAD_SIZE_ORDER)	/* 16 KiB */

/* thread_info.flags bits */
#define TIF_SIGPENDING 1	/* a signal is pending */
#define TIF_NEED_RESCHED 2	/* schedule() before returning to user */
#define _TIF_SIGPENDING (1 << TIF_SIGPENDING)
#define _TIF_NEED_RESCHED (1 << TIF_NEED_RESCHED)
#define _TIF_WORK_MASK (_TIF_SIGPENDING | _TIF_NEED_RESCHED)

#ifndef __ASSEMBLY__

struct thread_info {
	unsigned long flags;	/* TIF_* */
	int preempt_count;
	int cpu;		/* the hart this task runs on */
	long kernel_sp;		/* kernel stack top, loaded on entry from U */
	long user_sp;		/* scratch for the user sp during entry */
};

#endif /* __ASSEMBLY__ */
#endif
