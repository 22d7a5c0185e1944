/*
 * void *memset(void *s, int c, size_t n)
 *
 * The kernel's memset on RISC-V (as Linux's arch/riscv/lib/memset.S):
 * bytes until s is 8-byte aligned, then the byte repeated in a whole
 * word stored 32 and then 8 bytes at a time, then bytes for the tail. A
 * misaligned store would trap to the firmware, so none is made.
 */

	.text
	.globl	memset
	.type	memset, @function
memset:
	mv	t6, a0			/* the return value: s */
	andi	a1, a1, 0xff
	li	t0, 16
	bltu	a2, t0, .Lbytes
	/* The byte in all eight bytes of a word. */
	slli	t1, a1, 8
	or	a1, a1, t1
	slli	t1, a1, 16
	or	a1, a1, t1
	slli	t1, a1, 32
	or	a1, a1, t1
.Lalign:
	andi	t0, a0, 7
	beqz	t0, .Laligned
	sb	a1, 0(a0)
	addi	a0, a0, 1
	addi	a2, a2, -1
	j	.Lalign
.Laligned:
	li	t0, 32
.Lwords4:
	bltu	a2, t0, .Lwords
	sd	a1, 0(a0)
	sd	a1, 8(a0)
	sd	a1, 16(a0)
	sd	a1, 24(a0)
	addi	a0, a0, 32
	addi	a2, a2, -32
	j	.Lwords4
.Lwords:
	li	t0, 8
.Lwords1:
	bltu	a2, t0, .Lbytes
	sd	a1, 0(a0)
	addi	a0, a0, 8
	addi	a2, a2, -8
	j	.Lwords1
.Lbytes:
	beqz	a2, .Ldone
	sb	a1, 0(a0)
	addi	a0, a0, 1
	addi	a2, a2, -1
	j	.Lbytes
.Ldone:
	mv	a0, t6
	ret
	.size	memset, . - memset
