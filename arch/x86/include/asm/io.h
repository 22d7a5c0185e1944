/* Device access on a PC: the separate 64 KiB I/O port space (inb/outb and
 * friends: the UART, the PIC, the PIT live there) and memory-mapped
 * registers (readb/writel...; x86 keeps uncached accesses in order, so
 * they need no fences). */
#ifndef _ASM_X86_IO_H
#define _ASM_X86_IO_H

#include <linux/types.h>

#define BUILDIO(bwl, type, reg)                                           \
	static inline void out##bwl(type value, u16 port)                 \
	{                                                                 \
		__asm__ __volatile__("out" #bwl " %" reg "0, %w1"         \
				     : : "a"(value), "Nd"(port));          \
	}                                                                 \
	static inline type in##bwl(u16 port)                              \
	{                                                                 \
		type value;                                               \
		__asm__ __volatile__("in" #bwl " %w1, %" reg "0"          \
				     : "=a"(value) : "Nd"(port));          \
		return value;                                             \
	}

BUILDIO(b, u8, "b")
BUILDIO(w, u16, "w")
BUILDIO(l, u32, "k")

static inline u8 readb(const volatile void *addr)
{
	return *(const volatile u8 *)addr;
}

static inline void writeb(u8 v, volatile void *addr)
{
	*(volatile u8 *)addr = v;
}

static inline u32 readl(const volatile void *addr)
{
	return *(const volatile u32 *)addr;
}

static inline void writel(u32 v, volatile void *addr)
{
	*(volatile u32 *)addr = v;
}

/* Map a device's physical registers; NULL if it cannot be mapped. */
void *ioremap(unsigned long pa, unsigned long size);

#endif
