/*
 * __kernel_vsyscall: the vDSO's entry point (e_entry), `int $0x80; ret`.
 * glibc on i386 makes its system calls with `call *%gs:0x10`, through a
 * pointer it sets to AT_SYSINFO if the kernel gives one, else to the
 * vDSO's entry point if there is a vDSO, else to its own
 * _dl_sysinfo_int80 (the same two instructions). Clonix gives no
 * AT_SYSINFO — Linux's would be this function using sysenter — so with
 * the vDSO announced, glibc lands here, and here too int $0x80 is the one
 * way into the kernel: the saved user ip (pt_regs->ip) is this `ret`.
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
