/* The RISC-V side of user copies: the assembly loop in uaccess.S, and the
 * fixups that let a fault inside it end the copy instead of the kernel. */
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <linux/kernel.h>
#include <linux/types.h>

unsigned long __asm_copy_user(void *to, const void *from, unsigned long n);
extern char __user_copy_start[], __user_copy_done[], __user_copy_fixup[];
extern char __user_copy_bytes[], __user_copy_words[], __user_copy_end[];

unsigned long raw_copy_user(void *to, const void *from, unsigned long n)
{
	return __asm_copy_user(to, from, n);
}

/* Where a fault in [start, end) of uaccess.S resumes (see there). */
static const struct {
	const char *start, *end, *fixup;
} user_copy_fixups[] = {
	/* A byte loop: the copy ends, a2 bytes short. */
	{ __user_copy_start, __user_copy_done, __user_copy_fixup },
	/* A word loop: redo the turn a byte at a time. */
	{ __user_copy_words, __user_copy_end, __user_copy_bytes },
};

/* A fault at regs->epc inside a copy loop: resume at its fixup. */
bool fixup_exception(struct pt_regs *regs)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(user_copy_fixups); i++) {
		if (regs->epc >= (unsigned long)user_copy_fixups[i].start &&
		    regs->epc < (unsigned long)user_copy_fixups[i].end) {
			regs->epc = (unsigned long)user_copy_fixups[i].fixup;
			return true;
		}
	}
	return false;
}
