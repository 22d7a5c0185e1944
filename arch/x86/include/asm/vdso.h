/* The i386 vDSO (arch/x86/entry/vdso/): its image in the kernel, set up
 * at boot and mapped by execve. Unlike RISC-V's it holds no signal
 * trampoline (handlers return through glibc's sa_restorer), and its
 * __kernel_vsyscall (AT_SYSINFO) is `int $0x80; ret`, not sysenter. */
#ifndef _ASM_X86_VDSO_H
#define _ASM_X86_VDSO_H

extern char vdso_start[], vdso_end[];	/* vdso-image-32.S */

struct linux_binprm;
void vdso_init(void);
/* lib/vdso.c: the image's pages; the vvar page's data to fill */
struct vdso_data *vdso_setup_pages(void);
int arch_setup_additional_pages(struct linux_binprm *bprm);

#endif
