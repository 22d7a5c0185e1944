/*
 * unsigned long __asm_copy_user(void *to, const void *from, unsigned long n)
 * Copy between kernel and user memory with sstatus.SUM set (S-mode may
 * touch U pages only while SUM is on). Returns the bytes NOT copied.
 *
 * The copy is memcpy's (memcpy.S): bytes until `to` is 8-byte aligned,
 * then words, shift-merged from aligned loads when `from` is misaligned
 * (a misaligned access would trap to the firmware), then bytes. A fault
 * the page-fault handler cannot serve lands on a fixup (fixup_exception
 * in usercopy.c, by where it happened):
 *   - in the word loops, [__user_copy_words, __user_copy_end): a0, a1, a2
 *     still describe the copy from the start of the turn that faulted, so
 *     __user_copy_bytes carries on from there a byte at a time, and stops
 *     at the exact byte that faults;
 *   - in the byte loops, [__user_copy_start, __user_copy_done): the copy
 *     ends; a2 is then exactly the bytes not copied (__user_copy_fixup).
 */
#include <asm/csr.h>

	.text
	.globl __asm_copy_user
	.globl __user_copy_start, __user_copy_done, __user_copy_fixup
	.globl __user_copy_bytes, __user_copy_words, __user_copy_end
	.type	__asm_copy_user, @function
__asm_copy_user:
	li	t6, SR_SUM
	csrs	CSR_SSTATUS, t6
	li	t0, 16
	bltu	a2, t0, __user_copy_bytes
	/* Align `to`, a byte at a time. */
__user_copy_start:
1:	andi	t0, a0, 7
	beqz	t0, __user_copy_words
	lbu	t1, 0(a1)
	sb	t1, 0(a0)
	addi	a0, a0, 1
	addi	a1, a1, 1
	addi	a2, a2, -1
	j	1b
	/* The tail, or all of a short copy, or the rest after a fault in
	 * the word loops. */
__user_copy_bytes:
	beqz	a2, __user_copy_done
	lbu	t1, 0(a1)
	sb	t1, 0(a0)
	addi	a0, a0, 1
	addi	a1, a1, 1
	addi	a2, a2, -1
	j	__user_copy_bytes
__user_copy_done:
	csrc	CSR_SSTATUS, t6
	mv	a0, a2
	ret
__user_copy_fixup:
	csrc	CSR_SSTATUS, t6
	mv	a0, a2
	ret

	/* `to` is aligned. a0, a1, a2 move only after a turn's stores. */
__user_copy_words:
	andi	t0, a1, 7
	bnez	t0, 3f
	li	t0, 32
2:	bltu	a2, t0, 4f
	ld	t1, 0(a1)
	ld	t2, 8(a1)
	ld	t3, 16(a1)
	ld	t4, 24(a1)
	sd	t1, 0(a0)
	sd	t2, 8(a0)
	sd	t3, 16(a0)
	sd	t4, 24(a0)
	addi	a0, a0, 32
	addi	a1, a1, 32
	addi	a2, a2, -32
	j	2b
4:	li	t0, 8
5:	bltu	a2, t0, __user_copy_bytes
	ld	t1, 0(a1)
	sd	t1, 0(a0)
	addi	a0, a0, 8
	addi	a1, a1, 8
	addi	a2, a2, -8
	j	5b
	/* `from` is t0 (1..7) bytes past an aligned word: shift-merge. */
3:	slli	t3, t0, 3
	neg	t4, t3
	sub	t5, a1, t0
	ld	t1, 0(t5)
	li	t0, 8
6:	bltu	a2, t0, __user_copy_bytes
	ld	t2, 8(t5)
	srl	t1, t1, t3
	sll	a3, t2, t4
	or	t1, t1, a3
	sd	t1, 0(a0)
	mv	t1, t2
	addi	t5, t5, 8
	addi	a0, a0, 8
	addi	a1, a1, 8
	addi	a2, a2, -8
	j	6b
__user_copy_end:
	.size	__asm_copy_user, . - __asm_copy_user
