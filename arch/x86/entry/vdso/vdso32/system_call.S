/*
 * __kernel_vsyscall: the vDSO's entry point (e_entry), `int $0x80; ret`.
 * glibc on i386 makes its system calls with `call *%gs:0x10`, through a
 * pointer: with no vDSO announced, its own _dl_sysinfo_int80 (the same two
 * instructions); with one, AT_SYSINFO — glibc 2.36's _dl_parse_auxv takes
 * it as given, 0 when absent, so a vDSO without AT_SYSINFO would crash
 * every program at its first system call. So asm/elf.h announces this
 * function as AT_SYSINFO, and int $0x80 stays the one way into the
 * kernel: the saved user ip (pt_regs->ip) is this `ret`.
 * As Linux's arch/x86/entry/vdso/vdso32/system_call.S without sysenter.
 */
	.text
	.globl	__kernel_vsyscall
	.type	__kernel_vsyscall, @function
	.balign	16
__kernel_vsyscall:
	int	$0x80
	ret
	.size	__kernel_vsyscall, . - __kernel_vsyscall
