/* The GDT layout and segment selectors, as Linux lays them out on i386:
 *
 *   0      null			 12  kernel code  __KERNEL_CS = 0x60
 *   1..5   unused			 13  kernel data  __KERNEL_DS = 0x68
 *   6..8   TLS (set_thread_area;	 14  user code    __USER_CS   = 0x73
 *          glibc's %gs is 6: 0x33)	 15  user data    __USER_DS   = 0x7b
 *   9..11  unused			 16  TSS
 *					 17..31 unused
 *
 * All code and data segments are flat (base 0, limit 4 GiB): paging alone
 * separates user from kernel. A selector is index * 8 + RPL; user
 * selectors carry RPL 3. */
#ifndef _ASM_X86_SEGMENT_H
#define _ASM_X86_SEGMENT_H

#define GDT_ENTRY_TLS_MIN 6
#define GDT_ENTRY_TLS_ENTRIES 3
#define GDT_ENTRY_TLS_MAX (GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES - 1)

#define GDT_ENTRY_KERNEL_BASE 12
#define GDT_ENTRY_KERNEL_CS (GDT_ENTRY_KERNEL_BASE + 0)
#define GDT_ENTRY_KERNEL_DS (GDT_ENTRY_KERNEL_BASE + 1)
#define GDT_ENTRY_DEFAULT_USER_CS (GDT_ENTRY_KERNEL_BASE + 2)
#define GDT_ENTRY_DEFAULT_USER_DS (GDT_ENTRY_KERNEL_BASE + 3)
#define GDT_ENTRY_TSS (GDT_ENTRY_KERNEL_BASE + 4)

#define GDT_ENTRIES 32
#define GDT_SIZE (GDT_ENTRIES * 8)

#define SEGMENT_RPL_MASK 0x3
#define USER_RPL 0x3

#define __KERNEL_CS (GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS (GDT_ENTRY_KERNEL_DS * 8)
#define __USER_CS (GDT_ENTRY_DEFAULT_USER_CS * 8 + USER_RPL)
#define __USER_DS (GDT_ENTRY_DEFAULT_USER_DS * 8 + USER_RPL)
#define GDT_ENTRY_TSS_SEL (GDT_ENTRY_TSS * 8)

#endif
