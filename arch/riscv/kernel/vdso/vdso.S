/* The vDSO image (vdso.so, built from this directory by
 * arch/riscv/Makefile) inside the kernel, page aligned: vdso_init
 * (arch/riscv/kernel/vdso.c) copies it into the pages every process maps. */
	.section .rodata
	.balign 4096
	.globl vdso_start, vdso_end
vdso_start:
	.incbin "vdso.so"
	.balign 4096
vdso_end:
	.previous
