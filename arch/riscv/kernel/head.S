/*
 * The kernel's first instructions. OpenSBI enters _start in S-mode at
 * 0x80200000 with the MMU off, the hart id in a0 and the device tree's
 * physical address in a1. We clear BSS, build a tiny page table mapping RAM
 * twice (at its physical address, so the next instruction still works, and
 * at PAGE_OFFSET, where the kernel is linked) and the devices at
 * IOREMAP_BASE, turn on Sv39, jump to the
 * linked (virtual) address and call start_kernel().
 *
 * The image starts with Linux's RISC-V image header, so loaders that boot
 * Linux (U-Boot's booti) accept Clonix the same way.
 */
#include <asm/csr.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/thread_info.h>

	.section .head.text, "ax"
	.option push
	.option norvc
	.globl _start
_start:
	j	_start_kernel		/* code0: jump over the header */
	.word	0			/* code1 */
	.balign	8
	.dword	0x200000		/* text_offset: load 2 MiB into RAM */
	.dword	_end - _start		/* image_size (with BSS) */
	.dword	0			/* flags: little endian */
	.word	2			/* header version 0.2 */
	.word	0			/* res1 */
	.dword	0			/* res2 */
	.ascii	"RISCV\0\0\0"		/* magic (deprecated form) */
	.balign	4
	.ascii	"RSC\x05"		/* magic2 */
	.word	0			/* res3 */
	.option pop

_start_kernel:
	csrw	CSR_SIE, zero		/* no interrupts until we are ready */
	csrw	CSR_SIP, zero
	mv	s0, a0			/* hart id */
	mv	s1, a1			/* device tree (physical) */

	/* We must run where we were linked to run (physically). */
	la	t0, _start
	li	t1, KERNEL_PHYS_ADDR
	bne	t0, t1, .Lwrong_address

	/* Zero BSS (still physical addresses: la is pc-relative). */
	la	t0, __bss_start
	la	t1, __bss_stop
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:
	/* early_pg_dir: one 1 GiB leaf for RAM, at both addresses. */
	la	t0, early_pg_dir
	li	t1, (PHYS_RAM_BASE >> PAGE_SHIFT) << _PAGE_PFN_SHIFT
	ori	t1, t1, PAGE_KERNEL_EXEC
	li	t2, (PHYS_RAM_BASE >> PGDIR_SHIFT) * 8
	add	t2, t0, t2
	sd	t1, 0(t2)		/* identity */
	li	t2, ((PAGE_OFFSET >> PGDIR_SHIFT) & 511) * 8
	add	t2, t0, t2
	sd	t1, 0(t2)		/* PAGE_OFFSET */
	li	t3, PGDIR_SIZE >> 2	/* ...and the second GiB after it */
	add	t1, t1, t3
	sd	t1, 8(t2)

	/* Devices below 1 GiB at IOREMAP_BASE, for ioremap() in setup_arch. */
	li	t1, PAGE_KERNEL_IO
	li	t2, ((IOREMAP_BASE >> PGDIR_SHIFT) & 511) * 8
	add	t2, t0, t2
	sd	t1, 0(t2)

	srli	t0, t0, PAGE_SHIFT
	li	t1, SATP_MODE_SV39
	or	t0, t0, t1
	sfence.vma
	csrw	CSR_SATP, t0
	sfence.vma

	/* Continue at the linked address: load it as an absolute value. */
	ld	t0, .Lvirtual
	jr	t0
.Lvirtual:
	.dword	.Lrunning_virtual
.Lrunning_virtual:
	la	tp, init_task		/* current = the idle task, pid 0 */
	la	sp, init_thread_union + THREAD_SIZE
	la	t0, handle_exception
	csrw	CSR_STVEC, t0
	csrw	CSR_SSCRATCH, zero	/* 0 = we are in the kernel */
	la	t0, boot_hartid
	sd	s0, 0(t0)
	la	t0, boot_dtb_pa
	sd	s1, 0(t0)
	call	start_kernel
.Lhang:
	wfi
	j	.Lhang

	/* Tell the user, through the legacy SBI console, and stop. */
.Lwrong_address:
	la	s2, .Lwrong_msg
3:	lbu	a0, 0(s2)
	beqz	a0, .Lhang_phys
	li	a7, 1
	ecall
	addi	s2, s2, 1
	j	3b
.Lhang_phys:
	wfi
	j	.Lhang_phys

	.section .rodata
.Lwrong_msg:
	.asciz	"Clonix: must be loaded at 0x80200000; stopping.\r\n"

	.section .bss..page_aligned, "aw", @nobits
	.balign	PAGE_SIZE
	.globl	early_pg_dir
early_pg_dir:
	.space	PAGE_SIZE
