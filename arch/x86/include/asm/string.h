/* The string functions i386 implements with its string instructions
 * (arch/x86/lib/memcpy_32.c): lib/string.c leaves out its portable
 * versions of these, as Linux's __HAVE_ARCH_* names say. */
#ifndef _ASM_X86_STRING_H
#define _ASM_X86_STRING_H

#define __HAVE_ARCH_MEMCPY
#define __HAVE_ARCH_MEMMOVE
#define __HAVE_ARCH_MEMSET

#endif
