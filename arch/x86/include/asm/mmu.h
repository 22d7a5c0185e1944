/* The architecture's part of an address space (mm->context). Linux's i386
 * keeps its vDSO's address here; Clonix's i386 has no vDSO (handlers
 * return through glibc's sa_restorer, system calls are int $0x80), so
 * vdso stays NULL and no AT_SYSINFO_EHDR is announced. */
#ifndef _ASM_X86_MMU_H
#define _ASM_X86_MMU_H

typedef struct {
	void *vdso;	/* always NULL: no vDSO on Clonix's i386 */
} mm_context_t;

#endif
