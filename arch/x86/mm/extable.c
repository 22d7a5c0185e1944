/*
 * The exception table: (faulting instruction, where to resume) pairs that
 * _ASM_EXTABLE puts in the __ex_table section. A fault the kernel takes
 * at one of those instructions is expected — a user copy hitting a bad
 * page, a user segment selector that no longer fits its descriptor — and
 * fixup_exception sends it to its fixup code instead of to die().
 */
#include <asm/asm.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <linux/types.h>

extern const struct exception_table_entry __start___ex_table[];
extern const struct exception_table_entry __stop___ex_table[];

/* A fault at regs->ip that has a fixup: resume there. */
bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++) {
		if (e->insn == regs->ip) {
			regs->ip = e->fixup;
			return true;
		}
	}
	return false;
}
