/* The i386 vDSO image (vdso32.so, built from vdso32/ by arch/x86/Makefile)
 * inside the kernel, page aligned: vdso_init (vma.c) copies it into the
 * pages every process maps. Linux generates vdso-image-32.c instead. */
	.section .rodata
	.balign 4096
	.globl vdso_start, vdso_end
vdso_start:
	.incbin "vdso32.so"
	.balign 4096
vdso_end:
	.previous
