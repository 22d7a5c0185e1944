/* The architecture's part of an address space (mm->context), as Linux's
 * arch/riscv/include/asm/mmu.h: where the vDSO is mapped. */
#ifndef _ASM_RISCV_MMU_H
#define _ASM_RISCV_MMU_H

typedef struct {
	void *vdso;	/* the vDSO's user address (AT_SYSINFO_EHDR), or NULL */
} mm_context_t;

#endif
