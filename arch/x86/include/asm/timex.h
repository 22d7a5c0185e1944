/* The CPU's time-stamp counter (rdtsc), and the rate the PC's 8253/8254
 * timer chip (the PIT) counts at. */
#ifndef _ASM_X86_TIMEX_H
#define _ASM_X86_TIMEX_H

#include <linux/types.h>

#define PIT_TICK_RATE 1193182	/* Hz: the PIT's input clock */

static inline u64 get_cycles(void)
{
	u64 t;

	__asm__ __volatile__("rdtsc" : "=A"(t));
	return t;
}

/* The TSC's rate, measured against the PIT at boot (time.c). */
extern unsigned long tsc_khz;

/* ktime_get_ns() = get_cycles() * cyc2ns_mul >> CYC2NS_SHIFT, in 64 bits
 * (time.c); the vDSO computes the same from the vvar page. */
#define CYC2NS_SHIFT 10
extern unsigned long cyc2ns_mul;

#endif
