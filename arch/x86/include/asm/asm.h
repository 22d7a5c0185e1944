/* _ASM_EXTABLE(from, to): an entry of the exception table, as in Linux.
 * If the instruction at `from` faults in kernel mode, the fault handler
 * resumes at `to` (fixup_exception, arch/x86/mm/extable.c) instead of
 * treating the fault as a kernel bug. Used where the kernel touches what
 * user space controls: user memory, and the user segment selectors and
 * iret frame on the way back to user mode. */
#ifndef _ASM_X86_ASM_H
#define _ASM_X86_ASM_H

#ifdef __ASSEMBLY__
#define _ASM_EXTABLE(from, to)			\
	.pushsection "__ex_table", "a" ;	\
	.balign 4 ;				\
	.long (from), (to) ;			\
	.popsection
#else
struct exception_table_entry {
	unsigned long insn, fixup;
};
#endif

#endif
