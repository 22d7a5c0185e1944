/* The architecture's part of an address space (mm->context): where the
 * vDSO is (arch/x86/entry/vdso/vma.c), as in Linux's i386. */
#ifndef _ASM_X86_MMU_H
#define _ASM_X86_MMU_H

typedef struct {
	void *vdso;	/* the vDSO's user address (AT_SYSINFO_EHDR), or NULL */
} mm_context_t;

#endif
