/* Page size and the kernel's view of physical memory on RISC-V (Sv39).
 *
 * Physical RAM on QEMU virt starts at 0x80000000. The kernel maps it,
 * linearly, at PAGE_OFFSET in the upper half of every address space, so
 * __va(pa) = pa - PHYS_RAM_BASE + PAGE_OFFSET. The kernel image itself is
 * linked there too (0xffffffff80200000), so one mapping serves both. Devices
 * below 1 GiB appear at IOREMAP_BASE. The lower half is user space. */
#ifndef _ASM_RISCV_PAGE_H
#define _ASM_RISCV_PAGE_H

#include <linux/const.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

#define PHYS_RAM_BASE _AC(0x80000000, UL)
#define PAGE_OFFSET _AC(0xffffffff80000000, UL)
#define KERNEL_LINK_ADDR _AC(0xffffffff80200000, UL)
#define KERNEL_PHYS_ADDR _AC(0x80200000, UL)
/* The linear map covers at most 2 GiB: [PAGE_OFFSET, 2^64). */
#define MAX_LINEAR_RAM _AC(0x80000000, UL)
#define IOREMAP_BASE _AC(0xffffffc000000000, UL)
#define IOREMAP_SIZE _AC(0x40000000, UL)	/* one gigapage: physical 0..1 GiB */

#ifndef __ASSEMBLY__

typedef unsigned long pte_t;
typedef unsigned long pmd_t;
typedef unsigned long pgd_t;

#define __va(pa) ((void *)((unsigned long)(pa) - PHYS_RAM_BASE + PAGE_OFFSET))
#define __pa(va) ((unsigned long)(va) - PAGE_OFFSET + PHYS_RAM_BASE)

/* Zero a page, or copy one (page-aligned kernel addresses):
 * arch/riscv/lib/page.S, sixteen words a turn. */
void clear_page(void *page);
void copy_page(void *to, const void *from);

#endif
#endif
