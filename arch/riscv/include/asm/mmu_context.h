/* Loading an address space: point satp at its root page table. */
#ifndef _ASM_RISCV_MMU_CONTEXT_H
#define _ASM_RISCV_MMU_CONTEXT_H

#include <asm/barrier.h>
#include <asm/csr.h>
#include <asm/page.h>
#include <linux/mm_types.h>

struct task_struct;

static inline void switch_mm(struct mm_struct *prev, struct mm_struct *next,
			     struct task_struct *tsk)
{
	(void)tsk;
	if (prev == next)
		return;
	csr_write(CSR_SATP, SATP_MODE_SV39 | (__pa(next->pgd) >> PAGE_SHIFT));
	local_flush_tlb_all();
}

#endif
