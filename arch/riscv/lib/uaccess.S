/*
 * unsigned long __asm_copy_user(void *to, const void *from, unsigned long n)
 * Copy between kernel and user memory with sstatus.SUM set (S-mode may
 * touch U pages only while SUM is on). Returns the bytes NOT copied. A
 * fault that the page-fault handler cannot serve lands on the fixup below
 * (do_page_fault checks fixup_exception), which ends the copy early.
 */
#include <asm/csr.h>

	.text
	.globl __asm_copy_user
	.globl __user_copy_start
	.globl __user_copy_end
	.globl __user_copy_fixup
__asm_copy_user:
	li	t6, SR_SUM
	csrs	CSR_SSTATUS, t6
	beqz	a2, 2f
	/* Word at a time while both pointers are 8-byte aligned. */
	or	t1, a0, a1
	andi	t1, t1, 7
	bnez	t1, 1f
__user_copy_start:
3:	li	t2, 8
	bltu	a2, t2, 1f
	ld	t0, 0(a1)
	sd	t0, 0(a0)
	addi	a0, a0, 8
	addi	a1, a1, 8
	addi	a2, a2, -8
	j	3b
1:	beqz	a2, 2f
	lb	t0, 0(a1)
	sb	t0, 0(a0)
	addi	a0, a0, 1
	addi	a1, a1, 1
	addi	a2, a2, -1
	j	1b
__user_copy_end:
2:	csrc	CSR_SSTATUS, t6
	mv	a0, a2
	ret
__user_copy_fixup:
	csrc	CSR_SSTATUS, t6
	mv	a0, a2
	ret
