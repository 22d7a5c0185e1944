/* The vDSO's link: a small shared object, linked at 0 (the kernel maps it
 * anywhere), all in one read-and-execute PT_LOAD with its dynamic section
 * and hash tables (the vvar data page sits below it), so a dynamic linker — or static glibc, through
 * AT_SYSINFO_EHDR — can look its symbols up by name and version. As
 * Linux's arch/riscv/kernel/vdso/vdso.lds.S. */
OUTPUT_ARCH(riscv)

SECTIONS
{
	/* The vvar page (include/vdso/datapage.h) is the page below. */
	PROVIDE(_vdso_data = . - 4096);
	. = SIZEOF_HEADERS;

	.hash		: { *(.hash) }			:text
	.gnu.hash	: { *(.gnu.hash) }
	.dynsym		: { *(.dynsym) }
	.dynstr		: { *(.dynstr) }
	.gnu.version	: { *(.gnu.version) }
	.gnu.version_d	: { *(.gnu.version_d) }
	.gnu.version_r	: { *(.gnu.version_r) }

	.note		: { *(.note.*) }		:text	:note
	.dynamic	: { *(.dynamic) }		:text	:dynamic

	.eh_frame_hdr	: { *(.eh_frame_hdr) }		:text	:eh_frame_hdr
	.eh_frame	: { KEEP (*(.eh_frame)) }	:text

	.rodata		: { *(.rodata .rodata.* .srodata .srodata.*) }

	. = ALIGN(16);
	.text		: { *(.text .text.*) }		:text

	/* Nothing here is written: the pages are every process's (a
	 * write gets a private copy). */
	.data		: { *(.got.plt) *(.got) *(.data .data.* .sdata .sdata.*) *(.bss .bss.* .sbss .sbss.*) }
}

PHDRS
{
	text		PT_LOAD		FLAGS(5) FILEHDR PHDRS;	/* R, X */
	dynamic		PT_DYNAMIC	FLAGS(4);		/* R */
	note		PT_NOTE		FLAGS(4);		/* R */
	eh_frame_hdr	PT_GNU_EH_FRAME;
}

/* Linux's RISC-V vDSO names its symbols with version LINUX_4.15. */
VERSION
{
	LINUX_4.15 {
	global:
		__vdso_rt_sigreturn;
		__vdso_gettimeofday;
		__vdso_clock_gettime;
		__vdso_clock_getres;
		__vdso_time;
	local: *;
	};
}
