/*
 * Saving and loading a user program's floating-point registers into its
 * thread_struct (switch_to.h decides when). sstatus.FS is switched on just
 * for the copy: the kernel never uses floating point otherwise.
 */
#include <asm/csr.h>
#include <generated/asm-offsets.h>

	.text
	.option push
	.option arch, +d

/* void __fstate_save(struct task_struct *task) */
	.globl __fstate_save
__fstate_save:
	li	a2, TASK_THREAD_F0
	add	a0, a0, a2
	li	t1, SR_FS
	csrs	CSR_SSTATUS, t1
	frcsr	t0
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	fsd	f\n, \n*8(a0)
	.endr
	sw	t0, TASK_THREAD_FCSR - TASK_THREAD_F0(a0)
	csrc	CSR_SSTATUS, t1
	ret

/* void __fstate_restore(struct task_struct *task) */
	.globl __fstate_restore
__fstate_restore:
	li	a2, TASK_THREAD_F0
	add	a0, a0, a2
	li	t1, SR_FS
	lw	t0, TASK_THREAD_FCSR - TASK_THREAD_F0(a0)
	csrs	CSR_SSTATUS, t1
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	fld	f\n, \n*8(a0)
	.endr
	fscsr	t0
	csrc	CSR_SSTATUS, t1
	ret

	.option pop
