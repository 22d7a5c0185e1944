/* Helpers for arch/<arch>/kernel/asm-offsets.c (as Linux's kbuild.h): each
 * DEFINE leaves a "->NAME value" marker in the compiler's assembly output,
 * which the Makefile turns into include/generated/asm-offsets.h. */
#ifndef _LINUX_KBUILD_H
#define _LINUX_KBUILD_H

#include <linux/kernel.h>

#define DEFINE(sym, val) \
	__asm__ __volatile__("\n.ascii \"->" #sym " %0 " #val "\"" : : "i"(val))
#define OFFSET(sym, str, mem) DEFINE(sym, offsetof(struct str, mem))

#endif
