/* Loading an address space: point CR3 at its page directory (which also
 * flushes the TLB of the old one's user translations). */
#ifndef _ASM_X86_MMU_CONTEXT_H
#define _ASM_X86_MMU_CONTEXT_H

#include <asm/page.h>
#include <asm/special_insns.h>
#include <linux/mm_types.h>

struct task_struct;

static inline void switch_mm(struct mm_struct *prev, struct mm_struct *next,
			     struct task_struct *tsk)
{
	(void)tsk;
	if (prev == next)
		return;
	write_cr3(__pa(next->pgd));
}

#endif
