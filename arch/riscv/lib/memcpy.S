/*
 * void *memcpy(void *dest, const void *src, size_t n)
 * void *memmove(void *dest, const void *src, size_t n)
 *
 * The kernel's copies on RISC-V, 8 bytes at a time whatever the two
 * pointers' alignment (Linux's arch/riscv/lib/memcpy.S and memmove.S do the
 * same job). A misaligned load or store traps to the firmware, which
 * emulates it byte by byte (slow), so neither is ever done:
 *   1. byte copies until dest is 8-byte aligned;
 *   2. if src is now aligned too, ld/sd words (four per turn);
 *   3. else src is k bytes past an aligned word: load the aligned words
 *      it straddles and shift-merge them, little-endian: the 8 bytes at
 *      src are (w0 >> 8k) | (w1 << (64 - 8k)), w0 and w1 the aligned
 *      words at src - k and src - k + 8. Each aligned load holds at
 *      least one byte of the source, so it never reads a page the caller
 *      did not ask for;
 *   4. bytes for the tail.
 * Short copies (under 16 bytes) are bytes alone.
 *
 * Every load happens before the store of the bytes it feeds, and no store
 * reaches past the bytes already loaded, so a forward copy to a lower,
 * overlapping address is correct: memmove uses memcpy then, and copies
 * backwards (bytes, or words when both ends share an alignment) when dest
 * overlaps the source from above.
 */

	.text
	.globl	memcpy
	.type	memcpy, @function
memcpy:
	mv	t6, a0			/* the return value: dest */
	li	t0, 16
	bltu	a2, t0, .Lbytes
	/* 1. Align dest. */
.Lalign:
	andi	t0, a0, 7
	beqz	t0, .Ldest_aligned
	lbu	t1, 0(a1)
	sb	t1, 0(a0)
	addi	a0, a0, 1
	addi	a1, a1, 1
	addi	a2, a2, -1
	j	.Lalign
.Ldest_aligned:
	andi	t0, a1, 7
	bnez	t0, .Lshift
	/* 2. Both aligned: 32 bytes a turn, then 8. */
	li	t0, 32
.Lwords4:
	bltu	a2, t0, .Lwords
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
	j	.Lwords4
.Lwords:
	li	t0, 8
.Lwords1:
	bltu	a2, t0, .Lbytes
	ld	t1, 0(a1)
	sd	t1, 0(a0)
	addi	a0, a0, 8
	addi	a1, a1, 8
	addi	a2, a2, -8
	j	.Lwords1
	/* 3. src is t0 (1..7) bytes past an aligned word. */
.Lshift:
	slli	t3, t0, 3		/* right shift: 8k bits */
	neg	t4, t3			/* left shift: 64 - 8k (mod 64) */
	sub	t5, a1, t0		/* the aligned word holding src */
	ld	t1, 0(t5)		/* w0 */
	li	t0, 8
.Lshift1:
	bltu	a2, t0, .Lbytes
	ld	t2, 8(t5)		/* w1 */
	srl	t1, t1, t3
	sll	a3, t2, t4
	or	t1, t1, a3
	sd	t1, 0(a0)
	mv	t1, t2			/* w1 is the next turn's w0 */
	addi	t5, t5, 8
	addi	a0, a0, 8
	addi	a1, a1, 8
	addi	a2, a2, -8
	j	.Lshift1
	/* 4. Bytes. */
.Lbytes:
	beqz	a2, .Ldone
	lbu	t1, 0(a1)
	sb	t1, 0(a0)
	addi	a0, a0, 1
	addi	a1, a1, 1
	addi	a2, a2, -1
	j	.Lbytes
.Ldone:
	mv	a0, t6
	ret
	.size	memcpy, . - memcpy

	.globl	memmove
	.type	memmove, @function
memmove:
	/* dest below src, or past its end (unsigned dest - src >= n):
	 * a forward copy is right. */
	sub	t0, a0, a1
	bgeu	t0, a2, memcpy
	/* dest overlaps the source from above: copy from the end down. */
	mv	t6, a0
	add	a0, a0, a2
	add	a1, a1, a2
	xor	t0, a0, a1
	andi	t0, t0, 7
	bnez	t0, .Lback_bytes	/* never both aligned: bytes */
.Lback_align:
	andi	t0, a0, 7
	beqz	t0, .Lback_words
	beqz	a2, .Lback_done
	lbu	t1, -1(a1)
	sb	t1, -1(a0)
	addi	a0, a0, -1
	addi	a1, a1, -1
	addi	a2, a2, -1
	j	.Lback_align
.Lback_words:
	li	t0, 8
.Lback_words1:
	bltu	a2, t0, .Lback_bytes
	ld	t1, -8(a1)
	sd	t1, -8(a0)
	addi	a0, a0, -8
	addi	a1, a1, -8
	addi	a2, a2, -8
	j	.Lback_words1
.Lback_bytes:
	beqz	a2, .Lback_done
	lbu	t1, -1(a1)
	sb	t1, -1(a0)
	addi	a0, a0, -1
	addi	a1, a1, -1
	addi	a2, a2, -1
	j	.Lback_bytes
.Lback_done:
	mv	a0, t6
	ret
	.size	memmove, . - memmove
