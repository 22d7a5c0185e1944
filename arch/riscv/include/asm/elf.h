/* What RISC-V executables look like to the ELF loader, and how a new
 * program starts (start_thread). */
#ifndef _ASM_RISCV_ELF_H
#define _ASM_RISCV_ELF_H

#include <asm/processor.h>
#include <asm/ptrace.h>
#include <uapi/linux/elf.h>

#define ELF_CLASS ELFCLASS64
#define ELF_ARCH EM_RISCV
typedef Elf64_Ehdr elfhdr;
typedef Elf64_Phdr elf_phdr;

/* "IMAFDC": the extensions user programs may use (bits 'a'..'z'). */
#define ELF_HWCAP ((1 << ('I' - 'A')) | (1 << ('M' - 'A')) | \
		   (1 << ('A' - 'A')) | (1 << ('F' - 'A')) | \
		   (1 << ('D' - 'A')) | (1 << ('C' - 'A')))
#define STACK_TOP TASK_SIZE
#define UTS_MACHINE "riscv64"
#define ELF_ET_DYN_BASE 0x2aaaaab000UL	/* static-pie programs load here */

/* The vDSO (arch/riscv/kernel/vdso.c): execve maps it, and the aux
 * vector says where (AT_SYSINFO_EHDR), as Linux's ARCH_DLINFO. */
#define ARCH_HAS_SETUP_ADDITIONAL_PAGES
struct linux_binprm;
int arch_setup_additional_pages(struct linux_binprm *bprm);
#define ARCH_DLINFO(aux, mm) \
	aux(AT_SYSINFO_EHDR, (unsigned long)(mm)->context.vdso)
#define AT_VECTOR_SIZE_ARCH 1	/* entries ARCH_DLINFO adds, at most */

/* Registers for a fresh program: pc at its entry point, sp at its stack,
 * user mode with interrupts on, everything else zero. */
void start_thread(struct pt_regs *regs, unsigned long pc, unsigned long sp);

#endif
