/* Memory barriers. i686 has no mfence (that came with SSE2), so a locked
 * no-op on the stack serves, as in Linux's i386 alternatives. x86 keeps
 * stores in order and loads in order, so rmb and wmb stop the compiler
 * only. */
#ifndef _ASM_X86_BARRIER_H
#define _ASM_X86_BARRIER_H

#define mb() __asm__ __volatile__("lock; addl $0, 0(%%esp)" ::: "memory", "cc")
#define rmb() __asm__ __volatile__("" ::: "memory")
#define wmb() __asm__ __volatile__("" ::: "memory")

#endif
