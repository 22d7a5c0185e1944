/* struct pt_regs: the registers a trap saves on the kernel stack, in Linux's
 * RISC-V layout and names (epc first, then x1..x31, then the trap CSRs). */
#ifndef _ASM_RISCV_PTRACE_H
#define _ASM_RISCV_PTRACE_H

#include <asm/csr.h>

#ifndef __ASSEMBLY__

struct pt_regs {
	unsigned long epc;	/* where sret returns to */
	unsigned long ra;
	unsigned long sp;
	unsigned long gp;
	unsigned long tp;
	unsigned long t0;
	unsigned long t1;
	unsigned long t2;
	unsigned long s0;
	unsigned long s1;
	unsigned long a0;	/* first argument, and the return value */
	unsigned long a1;
	unsigned long a2;
	unsigned long a3;
	unsigned long a4;
	unsigned long a5;
	unsigned long a6;
	unsigned long a7;	/* system call number */
	unsigned long s2;
	unsigned long s3;
	unsigned long s4;
	unsigned long s5;
	unsigned long s6;
	unsigned long s7;
	unsigned long s8;
	unsigned long s9;
	unsigned long s10;
	unsigned long s11;
	unsigned long t3;
	unsigned long t4;
	unsigned long t5;
	unsigned long t6;
	/* Supervisor CSRs */
	unsigned long status;
	unsigned long badaddr;
	unsigned long cause;
	/* a0 as it was at syscall entry (a0 is overwritten by the result) */
	unsigned long orig_a0;
};

#define user_mode(regs) (((regs)->status & SR_PP) == 0)
#define instruction_pointer(regs) ((regs)->epc)
#define user_stack_pointer(regs) ((regs)->sp)
#define regs_return_value(regs) ((regs)->a0)
#define syscall_nr(regs) ((regs)->a7)

#endif /* __ASSEMBLY__ */
#endif
