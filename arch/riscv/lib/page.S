/*
 * void clear_page(void *page), void copy_page(void *to, const void *from)
 *
 * Whole 4 KiB pages at page-aligned kernel addresses: copy-on-write
 * copies (do_wp_page), zeroed pages (alloc_pages' __GFP_ZERO). Sixteen
 * 8-byte words a turn, loads first then stores, so a turn is 35
 * instructions for 128 bytes; no alignment or tail to care about.
 */
#include <asm/page.h>

	.text
	.globl	clear_page
	.type	clear_page, @function
clear_page:
	li	t0, PAGE_SIZE
	add	t0, a0, t0
1:	sd	zero, 0(a0)
	sd	zero, 8(a0)
	sd	zero, 16(a0)
	sd	zero, 24(a0)
	sd	zero, 32(a0)
	sd	zero, 40(a0)
	sd	zero, 48(a0)
	sd	zero, 56(a0)
	sd	zero, 64(a0)
	sd	zero, 72(a0)
	sd	zero, 80(a0)
	sd	zero, 88(a0)
	sd	zero, 96(a0)
	sd	zero, 104(a0)
	sd	zero, 112(a0)
	sd	zero, 120(a0)
	addi	a0, a0, 128
	bltu	a0, t0, 1b
	ret
	.size	clear_page, . - clear_page

	.globl	copy_page
	.type	copy_page, @function
copy_page:
	li	t6, PAGE_SIZE
	add	t6, a1, t6
1:	ld	a2, 0(a1)
	ld	a3, 8(a1)
	ld	a4, 16(a1)
	ld	a5, 24(a1)
	ld	a6, 32(a1)
	ld	a7, 40(a1)
	ld	t0, 48(a1)
	ld	t1, 56(a1)
	ld	t2, 64(a1)
	ld	t3, 72(a1)
	ld	t4, 80(a1)
	ld	t5, 88(a1)
	sd	a2, 0(a0)
	sd	a3, 8(a0)
	sd	a4, 16(a0)
	sd	a5, 24(a0)
	sd	a6, 32(a0)
	sd	a7, 40(a0)
	sd	t0, 48(a0)
	sd	t1, 56(a0)
	sd	t2, 64(a0)
	sd	t3, 72(a0)
	sd	t4, 80(a0)
	sd	t5, 88(a0)
	ld	a2, 96(a1)
	ld	a3, 104(a1)
	ld	a4, 112(a1)
	ld	a5, 120(a1)
	sd	a2, 96(a0)
	sd	a3, 104(a0)
	sd	a4, 112(a0)
	sd	a5, 120(a0)
	addi	a1, a1, 128
	addi	a0, a0, 128
	bltu	a1, t6, 1b
	ret
	.size	copy_page, . - copy_page
