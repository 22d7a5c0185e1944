/*
 * Entry into the kernel and the way back out, and the context switch, as
 * Linux 3.18 does them on i386.
 *
 * Every way in — an exception, an interrupt, int $0x80 — gets the CPU to
 * push ip, cs and flags (and, coming from user mode, the user sp and ss,
 * after switching to the kernel stack named in the TSS); the code here
 * pushes the rest, so the stack holds a struct pt_regs. A C handler gets a
 * pointer to it. Every way out goes through ret_from_exception: back to
 * user mode it first does pending work (reschedule, signals), then
 * restore_all pops the registers and iret returns.
 */
#include <asm/asm.h>
#include <asm/segment.h>
#include <asm/thread_info.h>
#include <asm/traps.h>
#include <generated/asm-offsets.h>

/* Push the registers the CPU did not (orig_ax is already on the stack):
 * the stack pointer now points at a struct pt_regs. Then the kernel's own
 * segments: flat data in ds and es, and null in fs and gs, which the
 * kernel does not use. A user's fs and gs may select its TLS slots in the
 * GDT, which change with the running task; they are safe in pt_regs, and
 * restore_all reloads them on the way out — after switch_to has put this
 * task's slots back (as Linux 3.18 does without lazy %gs). */
.macro SAVE_ALL
	cld
	pushl	%gs
	pushl	%fs
	pushl	%es
	pushl	%ds
	pushl	%eax
	pushl	%ebp
	pushl	%edi
	pushl	%esi
	pushl	%edx
	pushl	%ecx
	pushl	%ebx
	movl	$__USER_DS, %edx
	movl	%edx, %ds
	movl	%edx, %es
	xorl	%edx, %edx
	movl	%edx, %fs
	movl	%edx, %gs
.endm

/* The reverse, leaving only what iret pops. A segment selector the user
 * left in ds, es, fs or gs may no longer be loadable (set_thread_area
 * emptied its TLS slot): the pop faults, and the exception table sends it
 * to a fixup that loads the null selector instead, as Linux does. */
.macro RESTORE_REGS
	popl	%ebx
	popl	%ecx
	popl	%edx
	popl	%esi
	popl	%edi
	popl	%ebp
	popl	%eax
1:	popl	%ds
2:	popl	%es
3:	popl	%fs
4:	popl	%gs
	addl	$4, %esp		/* orig_ax */
	.pushsection .text.fixup, "ax"
5:	movl	$0, (%esp)
	jmp	1b
6:	movl	$0, (%esp)
	jmp	2b
7:	movl	$0, (%esp)
	jmp	3b
8:	movl	$0, (%esp)
	jmp	4b
	.popsection
	_ASM_EXTABLE(1b, 5b)
	_ASM_EXTABLE(2b, 6b)
	_ASM_EXTABLE(3b, 7b)
	_ASM_EXTABLE(4b, 8b)
.endm

	.text

/*
 * Exceptions. The CPU pushes an error code for some (has_error_code=1);
 * for the others the stub pushes 0, so the frame always has the same shape.
 * The stub also pushes its vector, in the slot where gs will be saved;
 * error_code swaps it for gs and calls do_trap(regs, vector, error_code).
 */
.macro EXCEPTION name, vector, has_error_code=0
	.globl	\name
	.type	\name, @function
\name:
	.if \has_error_code == 0
	pushl	$0
	.endif
	pushl	$\vector
	jmp	error_code
	.size	\name, . - \name
.endm

	EXCEPTION divide_error, 0
	EXCEPTION debug, 1
	EXCEPTION nmi, 2
	EXCEPTION int3, 3
	EXCEPTION overflow, 4
	EXCEPTION bounds, 5
	EXCEPTION invalid_op, 6
	EXCEPTION device_not_available, 7
	EXCEPTION double_fault, 8, 1
	EXCEPTION coprocessor_segment_overrun, 9
	EXCEPTION invalid_TSS, 10, 1
	EXCEPTION segment_not_present, 11, 1
	EXCEPTION stack_segment, 12, 1
	EXCEPTION general_protection, 13, 1
	EXCEPTION page_fault, 14, 1
	EXCEPTION spurious_interrupt_bug, 15
	EXCEPTION coprocessor_error, 16
	EXCEPTION alignment_check, 17, 1
	EXCEPTION machine_check, 18
	EXCEPTION simd_coprocessor_error, 19
	.irp vector, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	EXCEPTION reserved_exception_\vector, \vector
	.endr

error_code:
	pushl	%fs			/* the rest of SAVE_ALL, gs aside */
	pushl	%es
	pushl	%ds
	pushl	%eax
	pushl	%ebp
	pushl	%edi
	pushl	%esi
	pushl	%edx
	pushl	%ecx
	pushl	%ebx
	cld
	movl	PT_GS(%esp), %ecx	/* the vector */
	movl	%gs, %edi
	movl	%edi, PT_GS(%esp)
	movl	PT_ORIG_EAX(%esp), %edx	/* the error code */
	movl	$-1, PT_ORIG_EAX(%esp)	/* not a system call */
	movl	$__USER_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
	movl	%esp, %eax
	pushl	%edx
	pushl	%ecx
	pushl	%eax
	call	do_trap			/* (regs, vector, error_code) */
	addl	$12, %esp
	jmp	ret_from_exception

/*
 * Interrupts from the PICs: vector FIRST_EXTERNAL_VECTOR + irq. Each stub
 * is 8 bytes and pushes ~vector as orig_ax (never a system call number);
 * do_IRQ turns it back into the irq.
 */
	.balign 8
	.globl	irq_entries_start
irq_entries_start:
	vector = FIRST_EXTERNAL_VECTOR
	.rept NR_LEGACY_IRQS
	pushl	$(~vector)
	jmp	common_interrupt
	.balign 8
	vector = vector + 1
	.endr

common_interrupt:
	SAVE_ALL
	movl	%esp, %eax
	pushl	%eax
	call	do_IRQ
	addl	$4, %esp
	jmp	ret_from_intr

/*
 * int $0x80 from user mode, through a trap gate (interrupts stay on):
 * eax is the system call number, bx, cx, dx, si, di, bp the arguments.
 * do_syscall calls sys_call_table[nr] and puts the result in regs->ax,
 * which restore_all loads into eax for the program.
 */
	.globl	system_call
	.type	system_call, @function
system_call:
	pushl	%eax			/* orig_ax: the system call number */
	SAVE_ALL
	xorl	%ebp, %ebp		/* user ebp is no kernel frame: end the
					 * chain for gdb's bt and backtraces */
	movl	%esp, %eax
	pushl	%eax
	call	do_syscall
	addl	$4, %esp
	jmp	syscall_exit
	.size	system_call, . - system_call

/*
 * The way out of every entry. Back to the kernel (cs has RPL 0): restore
 * and iret, no questions — kernel code is not preempted. Back to user mode:
 * with interrupts off, so that no new work can be missed, look at
 * current's TIF flags; if work is pending, do it (with interrupts on) and
 * look again.
 */
	.globl	ret_from_exception
	.globl	ret_from_intr
ret_from_exception:
ret_from_intr:
	cli
	movl	PT_CS(%esp), %eax
	andl	$SEGMENT_RPL_MASK, %eax
	cmpl	$USER_RPL, %eax
	jb	restore_all

	.globl	resume_userspace
resume_userspace:
syscall_exit:
	cli
	movl	current_task, %ebp
	movl	TASK_TI_FLAGS(%ebp), %ecx
	testl	$_TIF_WORK_MASK, %ecx
	jnz	work_pending

restore_all:
	RESTORE_REGS
irq_return:
	iret
	_ASM_EXTABLE(irq_return, iret_exc)

	/* iret itself refused the user's frame (a code or stack segment it
	 * cannot load; possible once rt_sigreturn lets a program write its
	 * registers). The frame is still on the stack, so handle it as a
	 * general protection fault taken in user mode (Linux's iret_exc). */
	.pushsection .text.fixup, "ax"
iret_exc:
	pushl	$0			/* error code */
	pushl	$X86_TRAP_GP
	jmp	error_code
	.popsection

work_pending:
	movl	%esp, %eax
	pushl	%ecx			/* thread_info flags */
	pushl	%eax			/* regs */
	call	do_work_pending
	addl	$8, %esp
	jmp	resume_userspace

/*
 * A child created by fork/clone starts here: __switch_to jumped to
 * thread.ip = ret_from_fork with esp = thread.sp = its pt_regs and
 * eax = prev (copy_thread set both). schedule_tail(prev) finishes the
 * switch; then the child leaves the kernel exactly as its parent will:
 * through syscall_exit, restoring the copied pt_regs — whose ax
 * copy_thread cleared, so fork() returns 0 in the child.
 */
	.globl	ret_from_fork
	.type	ret_from_fork, @function
ret_from_fork:
	pushl	%eax
	call	schedule_tail
	addl	$4, %esp
	jmp	syscall_exit
	.size	ret_from_fork, . - ret_from_fork

/*
 * A kernel thread starts here: copy_thread put the function in regs->bx
 * and its argument in regs->bp, as Linux 3.18 does. If the function
 * returns (kernel_init after a successful exec), its pt_regs describe a
 * user program and we return to it, with 0 in eax.
 */
	.globl	ret_from_kernel_thread
	.type	ret_from_kernel_thread, @function
ret_from_kernel_thread:
	pushl	%eax
	call	schedule_tail
	addl	$4, %esp
	movl	PT_EBX(%esp), %ecx	/* fn */
	movl	PT_EBP(%esp), %eax	/* arg */
	xorl	%ebp, %ebp		/* a backtrace ends here */
	pushl	%eax
	call	*%ecx
	addl	$4, %esp
	movl	$0, PT_EAX(%esp)
	jmp	syscall_exit
	.size	ret_from_kernel_thread, . - ret_from_kernel_thread

/*
 * struct task_struct *__switch_to(struct task_struct *prev,
 *				   struct task_struct *next);
 * Linux 3.18's switch_to() and __switch_to() in one function. Save prev's
 * callee-saved registers on its stack, its esp in prev->thread.sp and the
 * address to resume at (label 1 below) in prev->thread.ip; load next's esp,
 * make next current and point the TSS at next's kernel stack top (where
 * the CPU will put the next entry from user mode); then jump to
 * next->thread.ip: label 1 for a task that switched out here before, or
 * ret_from_fork / ret_from_kernel_thread for a new one. eax holds prev
 * throughout: it is the return value, and what schedule_tail needs.
 */
	.globl	__switch_to
	.type	__switch_to, @function
__switch_to:
	movl	4(%esp), %eax		/* prev */
	movl	8(%esp), %edx		/* next */
	pushl	%ebp
	pushl	%ebx
	pushl	%esi
	pushl	%edi
	movl	%esp, TASK_THREAD_SP(%eax)
	movl	$1f, TASK_THREAD_IP(%eax)

	movl	TASK_THREAD_SP(%edx), %esp	/* now on next's stack */
	movl	TASK_THREAD_SP0(%edx), %ecx
	movl	%ecx, cpu_tss + TSS_SP0
	movl	%edx, current_task
	jmp	*TASK_THREAD_IP(%edx)

1:	popl	%edi
	popl	%esi
	popl	%ebx
	popl	%ebp
	ret
	.size	__switch_to, . - __switch_to

	.section .rodata
	.balign 4
	.globl	exception_entries
exception_entries:
	.long	divide_error, debug, nmi, int3, overflow, bounds, invalid_op
	.long	device_not_available, double_fault, coprocessor_segment_overrun
	.long	invalid_TSS, segment_not_present, stack_segment
	.long	general_protection, page_fault, spurious_interrupt_bug
	.long	coprocessor_error, alignment_check, machine_check
	.long	simd_coprocessor_error
	.irp vector, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	.long	reserved_exception_\vector
	.endr
