/* Generates include/generated/asm-offsets.h: the offsets of struct fields
 * that entry_32.S uses (pt_regs, thread_struct, thread_info, the TSS), so
 * the assembly always agrees with the C layout. Compiled to assembly only.
 * The PT_* names are Linux's i386 ones. */
#include <linux/kbuild.h>
#include <linux/sched.h>

void asm_offsets(void);

void asm_offsets(void)
{
	OFFSET(TASK_TI_FLAGS, task_struct, thread_info.flags);
	OFFSET(TASK_THREAD_SP0, task_struct, thread.sp0);
	OFFSET(TASK_THREAD_SP, task_struct, thread.sp);
	OFFSET(TASK_THREAD_IP, task_struct, thread.ip);

	OFFSET(PT_EBX, pt_regs, bx);
	OFFSET(PT_ECX, pt_regs, cx);
	OFFSET(PT_EDX, pt_regs, dx);
	OFFSET(PT_ESI, pt_regs, si);
	OFFSET(PT_EDI, pt_regs, di);
	OFFSET(PT_EBP, pt_regs, bp);
	OFFSET(PT_EAX, pt_regs, ax);
	OFFSET(PT_DS, pt_regs, ds);
	OFFSET(PT_ES, pt_regs, es);
	OFFSET(PT_FS, pt_regs, fs);
	OFFSET(PT_GS, pt_regs, gs);
	OFFSET(PT_ORIG_EAX, pt_regs, orig_ax);
	OFFSET(PT_EIP, pt_regs, ip);
	OFFSET(PT_CS, pt_regs, cs);
	OFFSET(PT_EFLAGS, pt_regs, flags);
	OFFSET(PT_OLDESP, pt_regs, sp);
	OFFSET(PT_OLDSS, pt_regs, ss);
	DEFINE(PT_SIZE, sizeof(struct pt_regs));

	OFFSET(TSS_SP0, tss_struct, x86_tss.sp0);
}
