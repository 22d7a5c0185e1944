/* switch_to(): the arch side of a context switch. Besides __switch_to's
 * kernel registers, a user program's floating-point registers move: saved
 * when the program has dirtied them, reloaded for the next one. */
#ifndef _ASM_RISCV_SWITCH_TO_H
#define _ASM_RISCV_SWITCH_TO_H

#include <asm/csr.h>
#include <linux/sched.h>

void __fstate_save(struct task_struct *task);
void __fstate_restore(struct task_struct *task);

static inline void fstate_save(struct task_struct *task, struct pt_regs *regs)
{
	if ((regs->status & SR_FS) == SR_FS_DIRTY) {
		__fstate_save(task);
		regs->status = (regs->status & ~SR_FS) | SR_FS_CLEAN;
	}
}

static inline void fstate_restore(struct task_struct *task,
				  struct pt_regs *regs)
{
	if ((regs->status & SR_FS) != SR_FS_OFF) {
		__fstate_restore(task);
		regs->status = (regs->status & ~SR_FS) | SR_FS_CLEAN;
	}
}

static inline void __switch_to_fpu(struct task_struct *prev,
				   struct task_struct *next)
{
	if (prev->mm)
		fstate_save(prev, task_pt_regs(prev));
	if (next->mm)
		fstate_restore(next, task_pt_regs(next));
}

#define switch_to(prev, next, last)                        \
	do {                                               \
		__switch_to_fpu(prev, next);               \
		(last) = __switch_to(prev, next);          \
	} while (0)

#endif
