/* The vDSO's signal trampoline: a handler returns here (setup_rt_frame
 * puts this address in ra), and it asks the kernel to restore the
 * registers saved in the signal frame: rt_sigreturn, RISC-V's system call
 * 139. Debuggers know the two instructions (and .cfi_signal_frame) and
 * unwind through the frame to the interrupted code. */
#define __NR_rt_sigreturn 139

	.text
	.globl __vdso_rt_sigreturn
	.type __vdso_rt_sigreturn, @function
__vdso_rt_sigreturn:
	.cfi_startproc
	.cfi_signal_frame
	li a7, __NR_rt_sigreturn
	ecall
	.cfi_endproc
	.size __vdso_rt_sigreturn, . - __vdso_rt_sigreturn
