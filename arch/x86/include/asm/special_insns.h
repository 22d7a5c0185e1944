/* The control registers: CR0 (protection, paging), CR2 (the address of the
 * last page fault), CR3 (the page directory), CR4 (extensions). */
#ifndef _ASM_X86_SPECIAL_INSNS_H
#define _ASM_X86_SPECIAL_INSNS_H

#define DEFINE_READ_CR(n)                                               \
	static inline unsigned long read_cr##n(void)                    \
	{                                                               \
		unsigned long v;                                        \
		__asm__ __volatile__("mov %%cr" #n ", %0" : "=r"(v)     \
				     : : "memory");                     \
		return v;                                               \
	}

DEFINE_READ_CR(0)
DEFINE_READ_CR(2)
DEFINE_READ_CR(3)
DEFINE_READ_CR(4)

static inline void write_cr0(unsigned long v)
{
	__asm__ __volatile__("mov %0, %%cr0" : : "r"(v) : "memory");
}

static inline void write_cr4(unsigned long v)
{
	__asm__ __volatile__("mov %0, %%cr4" : : "r"(v) : "memory");
}

static inline void write_cr3(unsigned long v)
{
	__asm__ __volatile__("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline void native_halt(void)
{
	__asm__ __volatile__("hlt" ::: "memory");
}

#endif
