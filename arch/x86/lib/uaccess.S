/*
 * unsigned long __asm_copy_user(void *to, const void *from, unsigned long n)
 * Copy between kernel and user memory; returns the bytes NOT copied. On
 * i386 the kernel may touch user pages directly (the user bit only stops
 * user mode), so this is a plain `rep movsb`. If it faults on a user page
 * the fault handler cannot serve, the exception table resumes after it:
 * rep movsb is interruptible, so ecx still counts the bytes left.
 */
#include <asm/asm.h>

	.text
	.globl	__asm_copy_user
	.type	__asm_copy_user, @function
__asm_copy_user:
	pushl	%esi
	pushl	%edi
	movl	12(%esp), %edi		/* to */
	movl	16(%esp), %esi		/* from */
	movl	20(%esp), %ecx		/* n */
1:	rep movsb
2:	movl	%ecx, %eax
	popl	%edi
	popl	%esi
	ret
	.size	__asm_copy_user, . - __asm_copy_user

	_ASM_EXTABLE(1b, 2b)
