/* Linker script: the kernel is linked at KERNEL_LINK_ADDR (PAGE_OFFSET +
 * 1 MiB) and loaded at LOAD_PHYSICAL_ADDR (1 MiB): each section's AT() is
 * its physical address, which is where a multiboot loader puts it. The
 * entry point is startup_32's physical address, since the loader jumps
 * there with paging off. Text first (the multiboot header leading), then
 * read-only data, the kallsyms table, data, and BSS last. */
#include <asm/page.h>
#include <asm/thread_info.h>

#undef i386	/* the compiler predefines it as 1 */

OUTPUT_FORMAT("elf32-i386", "elf32-i386", "elf32-i386")
OUTPUT_ARCH(i386)
ENTRY(phys_startup_32)

SECTIONS
{
	. = KERNEL_LINK_ADDR;

	.text : AT(ADDR(.text) - PAGE_OFFSET) {
		_text = .;
		KEEP(*(.head.text))
		*(.text .text.*)
		_etext = .;
	}

	. = ALIGN(PAGE_SIZE);
	.rodata : AT(ADDR(.rodata) - PAGE_OFFSET) {
		*(.rodata .rodata.*)
	}

	/* The exception table (asm/asm.h): where a kernel fault on user
	 * data may resume. */
	. = ALIGN(4);
	__ex_table : AT(ADDR(__ex_table) - PAGE_OFFSET) {
		__start___ex_table = .;
		*(__ex_table)
		__stop___ex_table = .;
	}

	.kallsyms : AT(ADDR(.kallsyms) - PAGE_OFFSET) {
		*(.kallsyms)
	}

	. = ALIGN(PAGE_SIZE);
	.data : AT(ADDR(.data) - PAGE_OFFSET) {
		_sdata = .;
		. = ALIGN(THREAD_SIZE);
		*(.data..init_task)
		. = ALIGN(PAGE_SIZE);
		*(.data..page_aligned)
		*(.data .data.*)
		_edata = .;
	}

	. = ALIGN(PAGE_SIZE);
	.bss (NOLOAD) : AT(ADDR(.bss) - PAGE_OFFSET) {
		__bss_start = .;
		*(.bss..page_aligned)
		*(.bss .bss.* COMMON)
		. = ALIGN(4);
		__bss_stop = .;
	}

	. = ALIGN(PAGE_SIZE);
	_end = .;

	phys_startup_32 = ABSOLUTE(startup_32 - PAGE_OFFSET);

	/DISCARD/ : { *(.eh_frame) *(.comment) *(.note.*) }
}
