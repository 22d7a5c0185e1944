/* The hart's free-running time counter (the `time` CSR, read with rdtime). */
#ifndef _ASM_RISCV_TIMEX_H
#define _ASM_RISCV_TIMEX_H

#include <linux/types.h>

extern u64 riscv_timebase;	/* its counts a second (arch/riscv/kernel/time.c) */

static inline u64 get_cycles(void)
{
	u64 t;

	__asm__ __volatile__("rdtime %0" : "=r"(t));
	return t;
}

#endif
