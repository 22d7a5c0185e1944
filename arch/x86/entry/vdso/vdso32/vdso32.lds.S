/* The i386 vDSO's link: a small shared object, linked at 0 (the kernel
 * maps it anywhere), all in one read-and-execute PT_LOAD with its dynamic
 * section and hash tables (the vvar data page sits below it), so a dynamic
 * linker — or static glibc, through AT_SYSINFO_EHDR — can look its symbols
 * up by name and version. As Linux's vdso32.lds.S; the same layout as the
 * RISC-V one (arch/riscv/kernel/vdso/vdso.lds.S). */
OUTPUT_FORMAT("elf32-i386")
OUTPUT_ARCH(i386)
/* glibc calls the entry point for every system call (system_call.S). */
ENTRY(__kernel_vsyscall)

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

	.rodata		: { *(.rodata .rodata.*) }

	. = ALIGN(16);
	.text		: { *(.text .text.*) }		:text

	/* Nothing here is written: the pages are every process's (a
	 * write gets a private copy). */
	.data		: { *(.got.plt) *(.got) *(.data .data.*) *(.bss .bss.*) }
}

PHDRS
{
	text		PT_LOAD		FLAGS(5) FILEHDR PHDRS;	/* R, X */
	dynamic		PT_DYNAMIC	FLAGS(4);		/* R */
	note		PT_NOTE		FLAGS(4);		/* R */
	eh_frame_hdr	PT_GNU_EH_FRAME;
}

/* Linux's i386 vDSO names its clocks with version LINUX_2.6, and glibc
 * looks them up by it (sysdeps/unix/sysv/linux/i386/sysdep.h); its entry
 * with LINUX_2.5. */
VERSION
{
	LINUX_2.5 {
	global:
		__kernel_vsyscall;
	local: *;
	};

	LINUX_2.6 {
	global:
		__vdso_clock_gettime;
		__vdso_clock_gettime64;
		__vdso_gettimeofday;
		__vdso_time;
		__vdso_clock_getres;
	local: *;
	};
}
