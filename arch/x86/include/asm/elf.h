/* What i386 executables look like to the ELF loader, and how a new
 * program starts (start_thread). */
#ifndef _ASM_X86_ELF_H
#define _ASM_X86_ELF_H

#include <asm/processor.h>
#include <asm/ptrace.h>
#include <uapi/linux/elf.h>

#define ELF_CLASS ELFCLASS32
#define ELF_ARCH EM_386
typedef Elf32_Ehdr elfhdr;
typedef Elf32_Phdr elf_phdr;

/* The CPU's feature bits (CPUID leaf 1, edx), as Linux reports them. */
extern u32 elf_hwcap;
#define ELF_HWCAP (elf_hwcap)
#define STACK_TOP TASK_SIZE
#define UTS_MACHINE "i686"
#define ELF_ET_DYN_BASE (TASK_SIZE / 3 * 2)	/* static-pie programs */

/*
 * The vDSO (arch/x86/entry/vdso/vma.c), when the vdso32=1 boot option
 * turns it on: execve maps it, and the aux vector says where
 * (AT_SYSINFO_EHDR) and where its entry point __kernel_vsyscall is
 * (AT_SYSINFO), as Linux's i386. glibc needs both: given a vDSO, it makes
 * every system call through AT_SYSINFO (0 if absent: a crash). Here
 * __kernel_vsyscall is `int $0x80; ret`, so int $0x80 stays the one way
 * in. Off (the default), neither is announced and glibc uses its own
 * `int $0x80; ret` (_dl_sysinfo_int80).
 */
#define ARCH_HAS_SETUP_ADDITIONAL_PAGES
struct linux_binprm;
int arch_setup_additional_pages(struct linux_binprm *bprm);
extern unsigned long vdso_entry_offset;	/* __kernel_vsyscall */
#define ARCH_DLINFO(aux, mm)						\
	do {								\
		if ((mm)->context.vdso) {				\
			aux(AT_SYSINFO, (unsigned long)(mm)->context.vdso + \
					vdso_entry_offset);		\
			aux(AT_SYSINFO_EHDR,				\
			    (unsigned long)(mm)->context.vdso);		\
		}							\
	} while (0)
#define AT_VECTOR_SIZE_ARCH 2	/* entries ARCH_DLINFO adds, at most */

/* Registers for a fresh program: ip at its entry point, sp at its stack,
 * user segments, interrupts on, everything else zero. */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);

#endif
