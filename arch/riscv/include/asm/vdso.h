/* The RISC-V vDSO (arch/riscv/kernel/vdso/): its image in the kernel and
 * the user address of one of its symbols in a process that maps it, e.g.
 * the signal trampoline setup_rt_frame returns handlers to:
 *	regs->ra = VDSO_SYMBOL(current->mm->context.vdso, rt_sigreturn);
 * The offsets come from the image's own symbol table at build time
 * (generated/vdso-offsets.h), as Linux's. */
#ifndef _ASM_RISCV_VDSO_H
#define _ASM_RISCV_VDSO_H

#include <generated/vdso-offsets.h>

#define VDSO_SYMBOL(base, name) \
	((unsigned long)(base) + __vdso_##name##_offset)

#ifndef __ASSEMBLY__
extern char vdso_start[], vdso_end[];	/* arch/riscv/kernel/vdso/vdso.S */

struct linux_binprm;
void vdso_init(void);
/* lib/vdso.c: the image's pages; the vvar page's data to fill */
struct vdso_data *vdso_setup_pages(void);
int arch_setup_additional_pages(struct linux_binprm *bprm);
#endif

#endif
