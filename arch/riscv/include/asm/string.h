/* The string functions RISC-V implements in assembly (arch/riscv/lib/):
 * lib/string.c leaves out its portable versions of these, as Linux's
 * __HAVE_ARCH_* names say. */
#ifndef _ASM_RISCV_STRING_H
#define _ASM_RISCV_STRING_H

#define __HAVE_ARCH_MEMCPY	/* memcpy.S */
#define __HAVE_ARCH_MEMMOVE	/* memcpy.S */
#define __HAVE_ARCH_MEMSET	/* memset.S */

#endif
