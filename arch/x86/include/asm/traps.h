/* i386 trap handling entry points shared between arch/x86 files, and the
 * vector numbers: 0..31 are the CPU's exceptions, the 16 ISA interrupts
 * come at FIRST_EXTERNAL_VECTOR (the PICs are programmed so), and Linux's
 * system call is int $0x80. */
#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H

#define X86_TRAP_DE 0		/* divide error */
#define X86_TRAP_DB 1		/* debug */
#define X86_TRAP_NMI 2		/* non-maskable interrupt */
#define X86_TRAP_BP 3		/* breakpoint (int3) */
#define X86_TRAP_OF 4		/* overflow (into) */
#define X86_TRAP_BR 5		/* bound range exceeded */
#define X86_TRAP_UD 6		/* invalid opcode */
#define X86_TRAP_NM 7		/* device not available (FPU) */
#define X86_TRAP_DF 8		/* double fault */
#define X86_TRAP_OLD_MF 9	/* coprocessor segment overrun */
#define X86_TRAP_TS 10		/* invalid TSS */
#define X86_TRAP_NP 11		/* segment not present */
#define X86_TRAP_SS 12		/* stack segment fault */
#define X86_TRAP_GP 13		/* general protection fault */
#define X86_TRAP_PF 14		/* page fault */
#define X86_TRAP_SPURIOUS 15	/* reserved */
#define X86_TRAP_MF 16		/* x87 floating-point error */
#define X86_TRAP_AC 17		/* alignment check */
#define X86_TRAP_MC 18		/* machine check */
#define X86_TRAP_XF 19		/* SIMD floating-point exception */
#define NR_EXCEPTION_VECTORS 32

#define FIRST_EXTERNAL_VECTOR 0x20	/* IRQ 0..15 -> vectors 0x20..0x2f */
#define NR_LEGACY_IRQS 16
#define SYSCALL_VECTOR 0x80

/* Page-fault error code bits */
#define X86_PF_PROT 0x1		/* 0: page not present; 1: protection */
#define X86_PF_WRITE 0x2	/* 0: read; 1: write */
#define X86_PF_USER 0x4		/* 0: kernel mode; 1: user mode */

#ifndef __ASSEMBLY__

#include <asm/ptrace.h>
#include <linux/compiler.h>
#include <linux/types.h>

struct task_struct;

void trap_init(void);
void do_trap(struct pt_regs *regs, unsigned long trapnr,
	     unsigned long error_code);
void do_IRQ(struct pt_regs *regs);
void __noreturn die(struct pt_regs *regs, const char *msg,
		    unsigned long error_code);
const char *exception_name(unsigned long trapnr);
void show_regs(const struct pt_regs *regs);
void dump_backtrace(const struct pt_regs *regs, struct task_struct *task);
void do_page_fault(struct pt_regs *regs, unsigned long error_code);
bool fixup_exception(struct pt_regs *regs);
void user_fault(struct pt_regs *regs, const char *what, int sig,
		unsigned long address);
void time_init(void);

/* entry_32.S: the entry point of each exception (divide_error, ...,
 * page_fault, ...), and one 8-byte stub per ISA interrupt. */
extern const unsigned long exception_entries[NR_EXCEPTION_VECTORS];
extern const char irq_entries_start[NR_LEGACY_IRQS][8];
void system_call(void);

#endif /* __ASSEMBLY__ */
#endif
