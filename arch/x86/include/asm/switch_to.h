/* switch_to(): the arch side of a context switch. __switch_to (entry_32.S)
 * moves the kernel stack and the resume address; before it, what a user
 * program sees of the CPU beyond its pt_regs moves too: its x87/SSE
 * registers (saved from a user task, loaded for the next one — eagerly,
 * as Linux does on CPUs with fxsave) and its TLS descriptors, which go
 * into the GDT for %gs to find when the next task returns to user mode.
 * Kernel threads have no registers of their own to keep. */
#ifndef _ASM_X86_SWITCH_TO_H
#define _ASM_X86_SWITCH_TO_H

#include <asm/i387.h>
#include <asm/tls.h>
#include <linux/sched.h>

static inline void __switch_to_fpu(struct task_struct *prev,
				   struct task_struct *next)
{
	if (prev->mm)
		fxsave(&prev->thread.fpu);
	if (next->mm)
		fxrstor(&next->thread.fpu);
}

#define switch_to(prev, next, last)                        \
	do {                                               \
		__switch_to_fpu(prev, next);               \
		load_TLS(&(next)->thread);                 \
		(last) = __switch_to(prev, next);          \
	} while (0)

#endif
