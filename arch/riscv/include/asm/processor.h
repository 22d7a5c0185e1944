/* struct thread_struct: what __switch_to saves for a task that is not
 * running — its kernel return address, kernel stack pointer and the
 * callee-saved registers s0..s11 (Linux's RISC-V layout). */
#ifndef _ASM_RISCV_PROCESSOR_H
#define _ASM_RISCV_PROCESSOR_H

#include <linux/const.h>

#ifndef __ASSEMBLY__

/* A user program's floating-point registers, saved while it is off the
 * CPU (the kernel itself never touches them). */
struct __riscv_d_ext_state {
	unsigned long long f[32];
	unsigned int fcsr;
};

struct thread_struct {
	unsigned long ra;	/* where the task resumes in the kernel */
	unsigned long sp;	/* its kernel stack pointer at that moment */
	unsigned long s[12];	/* s[0] is the frame pointer */
	struct __riscv_d_ext_state fstate;
};

/* User space: the lower half of Sv39, as Linux's TASK_SIZE for sv39. */
#define TASK_SIZE _AC(0x4000000000, UL)

static inline void cpu_relax(void)
{
	__asm__ __volatile__("nop");
}

static inline void wait_for_interrupt(void)
{
	__asm__ __volatile__("wfi");
}

/* /proc/cpuinfo's text, in this architecture's format. */
struct seq_file;
int show_cpuinfo(struct seq_file *m);

#endif /* __ASSEMBLY__ */
#endif
