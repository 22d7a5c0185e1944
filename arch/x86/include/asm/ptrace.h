/* struct pt_regs: the registers an interrupt, exception or int $0x80 saves
 * on the kernel stack, in Linux's i386 layout and names. The CPU pushes the
 * last five (ip, cs, flags, and sp, ss only when it switched from user to
 * kernel stack); entry_32.S pushes the rest. bx..bp come first because they
 * are the system-call arguments 1..6. */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

#include <asm/segment.h>

#ifndef __ASSEMBLY__

struct pt_regs {
	unsigned long bx;	/* syscall arguments 1..6: bx, cx, dx, si, */
	unsigned long cx;	/* di, bp */
	unsigned long dx;
	unsigned long si;
	unsigned long di;
	unsigned long bp;
	unsigned long ax;	/* syscall number in, and the return value */
	unsigned long ds;
	unsigned long es;
	unsigned long fs;
	unsigned long gs;
	unsigned long orig_ax;	/* syscall number; ~vector for an IRQ; -1 */
	unsigned long ip;	/* pushed by the CPU: where iret returns */
	unsigned long cs;
	unsigned long flags;
	unsigned long sp;	/* only when entered from user mode */
	unsigned long ss;
};

#define user_mode(regs) (((regs)->cs & SEGMENT_RPL_MASK) == USER_RPL)
#define instruction_pointer(regs) ((regs)->ip)
#define user_stack_pointer(regs) ((regs)->sp)
#define regs_return_value(regs) ((regs)->ax)
#define syscall_nr(regs) ((regs)->orig_ax)

/* A trap from kernel mode pushes no sp/ss: the interrupted stack pointer
 * is just above the frame, where regs->sp would be. */
static inline unsigned long kernel_stack_pointer(const struct pt_regs *regs)
{
	return user_mode(regs) ? regs->sp : (unsigned long)&regs->sp;
}

#endif /* __ASSEMBLY__ */
#endif
