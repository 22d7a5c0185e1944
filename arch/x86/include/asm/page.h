/* Page size and the kernel's view of physical memory on i386.
 *
 * RAM starts at physical 0 on a PC. The kernel maps it, linearly, at
 * PAGE_OFFSET (3 GiB) in every address space, as Linux's default 3G/1G
 * split does: __va(pa) = pa + PAGE_OFFSET. The kernel image is loaded at
 * 1 MiB (LOAD_PHYSICAL_ADDR) and linked at PAGE_OFFSET + 1 MiB, so the same
 * mapping covers it. Everything below PAGE_OFFSET is user space. */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#include <linux/const.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

#define PAGE_OFFSET _AC(0xC0000000, UL)
#define LOAD_PHYSICAL_ADDR _AC(0x100000, UL)	/* where multiboot loads us */
#define KERNEL_LINK_ADDR (PAGE_OFFSET + LOAD_PHYSICAL_ADDR)
/* The linear map covers at most 768 MiB of the top GiB; the rest of it is
 * left for ioremap and friends. Clonix has no highmem: RAM above is unused. */
#define MAX_LINEAR_RAM _AC(0x30000000, UL)

#ifndef __ASSEMBLY__

typedef unsigned long pte_t;
typedef unsigned long pmd_t;	/* folded into pgd_t: see pgtable.h */
typedef unsigned long pgd_t;

#define __va(pa) ((void *)((unsigned long)(pa) + PAGE_OFFSET))
#define __pa(va) ((unsigned long)(va) - PAGE_OFFSET)

/* Zero a page, or copy one, 4 bytes a step with the string instructions
 * (page-aligned kernel addresses; the direction flag is clear). */
static inline void clear_page(void *page)
{
	unsigned long d0, d1;

	__asm__ __volatile__("rep stosl"
			     : "=&c"(d0), "=&D"(d1)
			     : "a"(0), "0"(PAGE_SIZE / 4), "1"(page)
			     : "memory");
}

static inline void copy_page(void *to, const void *from)
{
	unsigned long d0, d1, d2;

	__asm__ __volatile__("rep movsl"
			     : "=&c"(d0), "=&D"(d1), "=&S"(d2)
			     : "0"(PAGE_SIZE / 4), "1"(to), "2"(from)
			     : "memory");
}

#endif
#endif
