/* Linker script: the kernel is linked at KERNEL_LINK_ADDR (upper half) and
 * loaded at KERNEL_PHYS_ADDR; text first (with the image header), then
 * read-only data, the kallsyms table, data, and BSS last. */
#include <asm/page.h>

OUTPUT_ARCH(riscv)
ENTRY(_start)

SECTIONS
{
	. = KERNEL_LINK_ADDR;
	_start_image = .;

	.text : AT(ADDR(.text) - KERNEL_LINK_ADDR + KERNEL_PHYS_ADDR) {
		_text = .;
		KEEP(*(.head.text))
		*(.text .text.*)
		_etext = .;
	}

	. = ALIGN(PAGE_SIZE);
	.rodata : AT(ADDR(.rodata) - KERNEL_LINK_ADDR + KERNEL_PHYS_ADDR) {
		*(.rodata .rodata.* .srodata .srodata.*)
	}

	.kallsyms : AT(ADDR(.kallsyms) - KERNEL_LINK_ADDR + KERNEL_PHYS_ADDR) {
		*(.kallsyms)
	}

	. = ALIGN(PAGE_SIZE);
	.data : AT(ADDR(.data) - KERNEL_LINK_ADDR + KERNEL_PHYS_ADDR) {
		_sdata = .;
		. = ALIGN((PAGE_SIZE << 2));
		*(.data..init_task)
		*(.data .data.* .sdata .sdata.*)
		_edata = .;
	}

	. = ALIGN(PAGE_SIZE);
	.bss (NOLOAD) : AT(ADDR(.bss) - KERNEL_LINK_ADDR + KERNEL_PHYS_ADDR) {
		__bss_start = .;
		*(.bss..page_aligned)
		*(.bss .bss.* .sbss .sbss.* COMMON)
		. = ALIGN(8);
		__bss_stop = .;
	}

	. = ALIGN(PAGE_SIZE);
	_end = .;

	/DISCARD/ : { *(.eh_frame) *(.comment) *(.note.*) *(.riscv.attributes) }
}
