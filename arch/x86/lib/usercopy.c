/* The i386 side of user copies: the assembly loop in uaccess.S, whose
 * fault on a user page ends the copy early through the exception table
 * (arch/x86/mm/extable.c) instead of killing the kernel. */
#include <linux/types.h>

unsigned long __asm_copy_user(void *to, const void *from, unsigned long n);

unsigned long raw_copy_user(void *to, const void *from, unsigned long n)
{
	return __asm_copy_user(to, from, n);
}
