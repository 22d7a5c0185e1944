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

/* Registers for a fresh program: ip at its entry point, sp at its stack,
 * user segments, interrupts on, everything else zero. */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);

#endif
