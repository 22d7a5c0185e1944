/*
 * Trap entry and exit, and the context switch, as Linux does them on RISC-V.
 *
 * stvec points at handle_exception for every trap: interrupts, exceptions
 * and ecall from user mode. sscratch tells where we came from: it holds
 * `current` while the hart runs user code and 0 while it runs the kernel.
 * We save a full struct pt_regs on the task's kernel stack, call do_trap(),
 * and leave through ret_from_exception, which ends with sret.
 */
#include <asm/csr.h>
#include <asm/thread_info.h>
#include <generated/asm-offsets.h>

	.text
	.balign 4
	.globl handle_exception
handle_exception:
	/* Swap tp and sscratch: from user, tp becomes current (non-zero). */
	csrrw	tp, CSR_SSCRATCH, tp
	bnez	tp, .Lsave_context

	/* From the kernel: tp was 0 in sscratch; get it back and keep
	 * using the current kernel stack. */
	csrr	tp, CSR_SSCRATCH
	sd	sp, TASK_TI_KERNEL_SP(tp)
.Lsave_context:
	sd	sp, TASK_TI_USER_SP(tp)
	ld	sp, TASK_TI_KERNEL_SP(tp)
	addi	sp, sp, -(PT_SIZE_ON_STACK)
	sd	x1,  PT_RA(sp)
	sd	x3,  PT_GP(sp)
	sd	x5,  PT_T0(sp)
	sd	x6,  PT_T1(sp)
	sd	x7,  PT_T2(sp)
	sd	x8,  PT_S0(sp)
	sd	x9,  PT_S1(sp)
	sd	x10, PT_A0(sp)
	sd	x11, PT_A1(sp)
	sd	x12, PT_A2(sp)
	sd	x13, PT_A3(sp)
	sd	x14, PT_A4(sp)
	sd	x15, PT_A5(sp)
	sd	x16, PT_A6(sp)
	sd	x17, PT_A7(sp)
	sd	x18, PT_S2(sp)
	sd	x19, PT_S3(sp)
	sd	x20, PT_S4(sp)
	sd	x21, PT_S5(sp)
	sd	x22, PT_S6(sp)
	sd	x23, PT_S7(sp)
	sd	x24, PT_S8(sp)
	sd	x25, PT_S9(sp)
	sd	x26, PT_S10(sp)
	sd	x27, PT_S11(sp)
	sd	x28, PT_T3(sp)
	sd	x29, PT_T4(sp)
	sd	x30, PT_T5(sp)
	sd	x31, PT_T6(sp)

	/* The interrupted sp and tp, and the trap CSRs. Clear SUM so a
	 * stray kernel access to user memory faults (copy_*_user set it). */
	li	t0, SR_SUM | SR_FS
	ld	s0, TASK_TI_USER_SP(tp)
	csrrc	s1, CSR_SSTATUS, t0
	csrr	s2, CSR_SEPC
	csrr	s3, CSR_STVAL
	csrr	s4, CSR_SCAUSE
	csrr	s5, CSR_SSCRATCH
	sd	s0, PT_SP(sp)
	sd	s1, PT_STATUS(sp)
	sd	s2, PT_EPC(sp)
	sd	s3, PT_BADADDR(sp)
	sd	s4, PT_CAUSE(sp)
	sd	s5, PT_TP(sp)

	/* We are in the kernel now: a nested trap must see sscratch == 0. */
	csrw	CSR_SSCRATCH, zero

	mv	a0, sp
	la	ra, ret_from_exception
	tail	do_trap

/*
 * Return from any trap (and the end of ret_from_fork): with interrupts off,
 * check for pending work when going back to user mode, then restore every
 * register from pt_regs and sret.
 */
	.globl ret_from_exception
ret_from_exception:
	csrc	CSR_SSTATUS, SR_IE
	ld	s0, PT_STATUS(sp)
	andi	s0, s0, SR_SPP
	bnez	s0, .Lrestore_all	/* back to the kernel: no checks */

.Lresume_userspace:
	ld	s0, TASK_TI_FLAGS(tp)
	andi	s1, s0, _TIF_WORK_MASK
	bnez	s1, .Lwork_pending

	/* Next entry from user mode starts at the top of this stack, and
	 * finds current in sscratch. */
	addi	s0, sp, PT_SIZE_ON_STACK
	sd	s0, TASK_TI_KERNEL_SP(tp)
	csrw	CSR_SSCRATCH, tp

.Lrestore_all:
	ld	a0, PT_STATUS(sp)
	ld	a2, PT_EPC(sp)
	csrw	CSR_SSTATUS, a0
	csrw	CSR_SEPC, a2

	ld	x1,  PT_RA(sp)
	ld	x3,  PT_GP(sp)
	ld	x4,  PT_TP(sp)
	ld	x5,  PT_T0(sp)
	ld	x6,  PT_T1(sp)
	ld	x7,  PT_T2(sp)
	ld	x8,  PT_S0(sp)
	ld	x9,  PT_S1(sp)
	ld	x10, PT_A0(sp)
	ld	x11, PT_A1(sp)
	ld	x12, PT_A2(sp)
	ld	x13, PT_A3(sp)
	ld	x14, PT_A4(sp)
	ld	x15, PT_A5(sp)
	ld	x16, PT_A6(sp)
	ld	x17, PT_A7(sp)
	ld	x18, PT_S2(sp)
	ld	x19, PT_S3(sp)
	ld	x20, PT_S4(sp)
	ld	x21, PT_S5(sp)
	ld	x22, PT_S6(sp)
	ld	x23, PT_S7(sp)
	ld	x24, PT_S8(sp)
	ld	x25, PT_S9(sp)
	ld	x26, PT_S10(sp)
	ld	x27, PT_S11(sp)
	ld	x28, PT_T3(sp)
	ld	x29, PT_T4(sp)
	ld	x30, PT_T5(sp)
	ld	x31, PT_T6(sp)
	ld	x2,  PT_SP(sp)
	sret

.Lwork_pending:
	/* Reschedule or deliver signals with interrupts on, then look again. */
	mv	a0, sp
	mv	a1, s0
	call	do_work_pending
	csrc	CSR_SSTATUS, SR_IE
	j	.Lresume_userspace

/*
 * A child created by fork/clone starts here: __switch_to "returned" to
 * thread.ra = ret_from_fork with sp = thread.sp = its pt_regs (copy_thread
 * set both). schedule_tail finishes the switch; then the child leaves the
 * kernel exactly as its parent will: through ret_from_exception, restoring
 * the copied pt_regs — whose a0 copy_thread cleared, so fork() returns 0.
 */
	.globl ret_from_fork
	.type ret_from_fork, @function
ret_from_fork:
	call	schedule_tail		/* a0 = prev, from __switch_to */
	tail	ret_from_exception
	.size ret_from_fork, . - ret_from_fork

/*
 * A kernel thread starts here: copy_thread put the function in s0 and its
 * argument in s1. If the function returns (kernel_init after a successful
 * exec), its pt_regs describe a user program and we return to it.
 */
	.globl ret_from_kernel_thread
	.type ret_from_kernel_thread, @function
ret_from_kernel_thread:
	call	schedule_tail
	la	ra, ret_from_exception
	mv	a0, s1
	jr	s0
	.size ret_from_kernel_thread, . - ret_from_kernel_thread

/*
 * struct task_struct *__switch_to(struct task_struct *prev,
 *				   struct task_struct *next);
 * Save prev's kernel context (ra, sp, s0-s11) in prev->thread, load next's,
 * and make next current (tp). We "return" wherever next last called
 * __switch_to from — or, for a new task, to thread.ra set by copy_thread.
 * a0 still holds prev, which is what the new task's schedule_tail needs.
 */
	.globl __switch_to
	.type __switch_to, @function
__switch_to:
	sd	ra,  TASK_THREAD_RA(a0)
	sd	sp,  TASK_THREAD_SP(a0)
	sd	s0,  TASK_THREAD_S0(a0)
	sd	s1,  TASK_THREAD_S1(a0)
	sd	s2,  TASK_THREAD_S2(a0)
	sd	s3,  TASK_THREAD_S3(a0)
	sd	s4,  TASK_THREAD_S4(a0)
	sd	s5,  TASK_THREAD_S5(a0)
	sd	s6,  TASK_THREAD_S6(a0)
	sd	s7,  TASK_THREAD_S7(a0)
	sd	s8,  TASK_THREAD_S8(a0)
	sd	s9,  TASK_THREAD_S9(a0)
	sd	s10, TASK_THREAD_S10(a0)
	sd	s11, TASK_THREAD_S11(a0)
	ld	ra,  TASK_THREAD_RA(a1)
	ld	sp,  TASK_THREAD_SP(a1)
	ld	s0,  TASK_THREAD_S0(a1)
	ld	s1,  TASK_THREAD_S1(a1)
	ld	s2,  TASK_THREAD_S2(a1)
	ld	s3,  TASK_THREAD_S3(a1)
	ld	s4,  TASK_THREAD_S4(a1)
	ld	s5,  TASK_THREAD_S5(a1)
	ld	s6,  TASK_THREAD_S6(a1)
	ld	s7,  TASK_THREAD_S7(a1)
	ld	s8,  TASK_THREAD_S8(a1)
	ld	s9,  TASK_THREAD_S9(a1)
	ld	s10, TASK_THREAD_S10(a1)
	ld	s11, TASK_THREAD_S11(a1)
	mv	tp, a1
	ret
	.size __switch_to, . - __switch_to
