/*
 * unsigned long __asm_copy_user(void *to, const void *from, unsigned long n)
 * Copy between kernel and user memory; returns the bytes NOT copied. On
 * i386 the kernel may touch user pages directly (the user bit only stops
 * user mode), so this is memcpy's `rep movsl` (4 bytes a step, whatever
 * the alignment) and `rep movsb` for the 0-3 bytes left, as Linux's
 * __copy_user. A fault on a user page the fault handler cannot serve
 * resumes through the exception table; the string instructions are
 * interruptible, so ecx still counts what is left:
 *   - in `rep movsl`: ecx dwords and the tail are left; carry on with
 *     `rep movsb` from where it stopped, which faults again at the exact
 *     byte that cannot be reached;
 *   - in `rep movsb`: ecx bytes were not copied.
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
	movl	20(%esp), %eax		/* n */
	movl	%eax, %ecx
	shrl	$2, %ecx
	andl	$3, %eax
1:	rep movsl
	movl	%eax, %ecx
2:	rep movsb
3:	movl	%ecx, %eax
	popl	%edi
	popl	%esi
	ret
	/* The dwords that faulted, and the tail, as bytes. */
4:	leal	(%eax, %ecx, 4), %ecx
	jmp	2b
	.size	__asm_copy_user, . - __asm_copy_user

	_ASM_EXTABLE(1b, 4b)
	_ASM_EXTABLE(2b, 3b)
