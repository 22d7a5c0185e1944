/* Memory barriers and TLB maintenance for RISC-V. */
#ifndef _ASM_RISCV_BARRIER_H
#define _ASM_RISCV_BARRIER_H

#define mb() __asm__ __volatile__("fence rw, rw" ::: "memory")
#define rmb() __asm__ __volatile__("fence r, r" ::: "memory")
#define wmb() __asm__ __volatile__("fence w, w" ::: "memory")

static inline void local_flush_tlb_all(void)
{
	__asm__ __volatile__("sfence.vma" ::: "memory");
}

#endif
