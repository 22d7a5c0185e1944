/* MMIO accessors (readb/writeb/readl/writel) with the fences Linux uses so
 * device accesses are ordered with memory. */
#ifndef _ASM_RISCV_IO_H
#define _ASM_RISCV_IO_H

#include <asm/page.h>
#include <linux/types.h>

static inline u8 readb(const volatile void *addr)
{
	u8 v = *(const volatile u8 *)addr;
	__asm__ __volatile__("fence i, r" ::: "memory");
	return v;
}

static inline void writeb(u8 v, volatile void *addr)
{
	__asm__ __volatile__("fence w, o" ::: "memory");
	*(volatile u8 *)addr = v;
}

static inline u32 readl(const volatile void *addr)
{
	u32 v = *(const volatile u32 *)addr;
	__asm__ __volatile__("fence i, r" ::: "memory");
	return v;
}

static inline void writel(u32 v, volatile void *addr)
{
	__asm__ __volatile__("fence w, o" ::: "memory");
	*(volatile u32 *)addr = v;
}

/* Map a device's physical registers; NULL if outside the I/O window. */
void *ioremap(unsigned long pa, unsigned long size);

#endif
