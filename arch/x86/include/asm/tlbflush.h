/* Dropping stale translations from this CPU's TLB. */
#ifndef _ASM_X86_TLBFLUSH_H
#define _ASM_X86_TLBFLUSH_H

#include <asm/special_insns.h>

/* Reloading CR3 flushes every (non-global) translation. */
static inline void __flush_tlb_all(void)
{
	write_cr3(read_cr3());
}

static inline void __flush_tlb_one(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
}

#endif
