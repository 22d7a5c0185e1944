/* current: the running task. Linux's i386 keeps it in the per-CPU variable
 * current_task, which __switch_to updates; with one CPU that is a plain
 * global (SMP will make it per-CPU, e.g. through %fs as Linux does). */
#ifndef _ASM_X86_CURRENT_H
#define _ASM_X86_CURRENT_H

#include <linux/compiler.h>

struct task_struct;

extern struct task_struct *current_task;

static __always_inline struct task_struct *get_current(void)
{
	return current_task;
}

#define current get_current()

#endif
