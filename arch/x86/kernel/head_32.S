/*
 * The kernel's first instructions. A multiboot loader (QEMU's -kernel,
 * GRUB) loads the ELF image at its physical addresses (1 MiB up) and jumps
 * to phys_startup_32 — startup_32's physical address — in 32-bit protected
 * mode with paging off, eax = the multiboot magic and ebx = the physical
 * address of the multiboot info.
 *
 * We load our own GDT, clear BSS, build initial_page_table, which maps the
 * first 768 MiB twice with 4 MiB pages (at their physical addresses, so the
 * next instruction still works, and at PAGE_OFFSET, where the kernel is
 * linked), turn paging on, jump to the linked (virtual) address, take the
 * stack in init_thread_union and call start_kernel(). paging_init() later
 * replaces the table with swapper_pg_dir, which drops the low mapping.
 */
#include <asm/multiboot.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor-flags.h>
#include <asm/segment.h>
#include <asm/thread_info.h>

/* The physical address of a kernel symbol, while paging is off. */
#define pa(X) ((X) - PAGE_OFFSET)

#define MULTIBOOT_HEADER_FLAGS (MULTIBOOT_PAGE_ALIGN | MULTIBOOT_MEMORY_INFO)
#define EARLY_PGD_ENTRIES (MAX_LINEAR_RAM >> PGDIR_SHIFT)

	.section .head.text, "ax"
	/* Must lie in the first 8 KiB of the file: the loader looks there. */
	.balign 4
multiboot_header:
	.long	MULTIBOOT_HEADER_MAGIC
	.long	MULTIBOOT_HEADER_FLAGS
	.long	-(MULTIBOOT_HEADER_MAGIC + MULTIBOOT_HEADER_FLAGS)

	.globl	startup_32
	.type	startup_32, @function
startup_32:
	cli
	cld
	cmpl	$MULTIBOOT_BOOTLOADER_MAGIC, %eax
	jne	.Lnot_multiboot
	movl	%ebx, %esi		/* multiboot info (physical) */

	/* Our GDT (cpu/common.c) at its physical address: the loader's GDT
	 * may be anywhere, and a segment load reads the GDT. */
	lgdt	pa(early_gdt_descr_phys)
	ljmp	$__KERNEL_CS, $pa(1f)
1:	movl	$__KERNEL_DS, %eax
	movl	%eax, %ss
	movl	$__USER_DS, %eax	/* flat too; Linux's i386 kernel keeps */
	movl	%eax, %ds		/* the user data segment in ds and es */
	movl	%eax, %es
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs

	/* Zero BSS (physical addresses). */
	movl	$pa(__bss_start), %edi
	movl	$pa(__bss_stop), %ecx
	subl	%edi, %ecx
	shrl	$2, %ecx
	xorl	%eax, %eax
	rep stosl

	/* initial_page_table: RAM at 0 and at PAGE_OFFSET, 4 MiB pages. */
	movl	$pa(initial_page_table), %edi
	movl	$PAGE_KERNEL_LARGE, %eax
	movl	$EARLY_PGD_ENTRIES, %ecx
2:	movl	%eax, (%edi)				/* identity */
	movl	%eax, (KERNEL_PGD_BOUNDARY * 4)(%edi)	/* PAGE_OFFSET */
	addl	$PGDIR_SIZE, %eax
	addl	$4, %edi
	loop	2b

	movl	%cr4, %eax
	orl	$X86_CR4_PSE, %eax	/* allow 4 MiB pages */
	movl	%eax, %cr4
	movl	$pa(initial_page_table), %eax
	movl	%eax, %cr3
	movl	%cr0, %eax
	orl	$(X86_CR0_PG | X86_CR0_WP), %eax	/* paging; the kernel */
	movl	%eax, %cr0		/* too must respect read-only pages */

	/* Continue at the linked address: an absolute jump. */
	ljmp	$__KERNEL_CS, $1f
1:	lgdt	early_gdt_descr		/* the GDT's virtual address */
	movl	$(init_thread_union + THREAD_SIZE), %esp
	movl	%esi, boot_multiboot_info
	xorl	%ebp, %ebp		/* the end of every backtrace */
	pushl	$0
	popfl				/* clean EFLAGS: IF, DF, NT, AC off */
	call	start_kernel
3:	hlt
	jmp	3b

	/* Not started by a multiboot loader: say so on COM1 (QEMU needs no
	 * UART setup for that) and end QEMU through isa-debug-exit. */
.Lnot_multiboot:
	movl	$pa(.Lnot_multiboot_msg), %esi
	movw	$0x3f8, %dx
4:	lodsb
	testb	%al, %al
	jz	5f
	outb	%al, %dx
	jmp	4b
5:	movw	$0xf4, %dx
	movb	$1, %al
	outb	%al, %dx
6:	hlt
	jmp	6b
	.size	startup_32, . - startup_32

	.section .rodata
.Lnot_multiboot_msg:
	.asciz	"Clonix: not started by a multiboot loader; stopping.\r\n"

	/* lgdt operands: limit, then base — physical, then virtual. */
	.balign 4
	.word	0
early_gdt_descr_phys:
	.word	GDT_SIZE - 1
	.long	pa(gdt_page)
	.word	0
early_gdt_descr:
	.word	GDT_SIZE - 1
	.long	gdt_page

	.section .bss..page_aligned, "aw", @nobits
	.balign	PAGE_SIZE
	.globl	initial_page_table
initial_page_table:
	.space	PAGE_SIZE
