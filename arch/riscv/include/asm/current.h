/* current: the running task. On RISC-V the tp register holds it while the
 * CPU is in the kernel (the trap entry loads it from sscratch). */
#ifndef _ASM_RISCV_CURRENT_H
#define _ASM_RISCV_CURRENT_H

#include <linux/compiler.h>

struct task_struct;

register struct task_struct *riscv_current_is_tp __asm__("tp");

static __always_inline struct task_struct *get_current(void)
{
	return riscv_current_is_tp;
}

#define current get_current()

#endif
