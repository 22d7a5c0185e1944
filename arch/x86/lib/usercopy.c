/* The i386 side of user copies: the assembly loop in uaccess.S, and the
 * fixup that lets a fault inside it end the copy instead of the kernel. */
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <linux/types.h>

unsigned long __asm_copy_user(void *to, const void *from, unsigned long n);
extern char __user_copy_start[], __user_copy_end[], __user_copy_fixup[];

unsigned long raw_copy_user(void *to, const void *from, unsigned long n)
{
	return __asm_copy_user(to, from, n);
}

/* A fault at regs->ip inside the copy loop: resume at the fixup. */
bool fixup_exception(struct pt_regs *regs)
{
	if (regs->ip >= (unsigned long)__user_copy_start &&
	    regs->ip < (unsigned long)__user_copy_end) {
		regs->ip = (unsigned long)__user_copy_fixup;
		return true;
	}
	return false;
}
