/* RISC-V trap handling entry points shared between arch/riscv files. */
#ifndef _ASM_RISCV_TRAPS_H
#define _ASM_RISCV_TRAPS_H

#include <asm/ptrace.h>
#include <linux/compiler.h>
#include <linux/types.h>

struct task_struct;

void do_trap(struct pt_regs *regs);
void __noreturn die(struct pt_regs *regs, const char *msg);
const char *exception_name(unsigned long cause);
void show_regs(const struct pt_regs *regs);
void dump_backtrace(const struct pt_regs *regs, struct task_struct *task);
void do_page_fault(struct pt_regs *regs, unsigned long cause);
bool fixup_exception(struct pt_regs *regs);
void user_fault(struct pt_regs *regs, const char *what, int sig);
void riscv_timer_interrupt(void);
void plic_handle_irq(void);
void plic_init(const void *fdt);
void time_init(const void *fdt);
void handle_exception(void);

#endif
