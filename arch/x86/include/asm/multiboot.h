/* Multiboot (version 1): how QEMU's -kernel and GRUB load an ELF kernel
 * and what they tell it. The kernel carries a header in its first 8 KiB;
 * the loader enters it in 32-bit protected mode, paging off, with
 * eax = MULTIBOOT_BOOTLOADER_MAGIC and ebx = the physical address of a
 * struct multiboot_info. Names follow the specification's multiboot.h. */
#ifndef _ASM_X86_MULTIBOOT_H
#define _ASM_X86_MULTIBOOT_H

#define MULTIBOOT_HEADER_MAGIC 0x1BADB002
#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002

/* Header flags: what the kernel asks of the loader. */
#define MULTIBOOT_PAGE_ALIGN 0x00000001	/* modules on page boundaries */
#define MULTIBOOT_MEMORY_INFO 0x00000002	/* fill in the memory fields */

/* multiboot_info.flags: which fields the loader filled in. */
#define MULTIBOOT_INFO_MEMORY 0x00000001
#define MULTIBOOT_INFO_CMDLINE 0x00000004
#define MULTIBOOT_INFO_MODS 0x00000008
#define MULTIBOOT_INFO_MEM_MAP 0x00000040
#define MULTIBOOT_INFO_BOOT_LOADER_NAME 0x00000200

#define MULTIBOOT_MEMORY_AVAILABLE 1

#ifndef __ASSEMBLY__

#include <linux/compiler.h>
#include <linux/types.h>

struct multiboot_info {
	u32 flags;
	u32 mem_lower;		/* KiB below 1 MiB */
	u32 mem_upper;		/* KiB from 1 MiB to the first hole */
	u32 boot_device;
	u32 cmdline;		/* physical address of a C string */
	u32 mods_count;
	u32 mods_addr;		/* physical address of multiboot_mod_list[] */
	u32 syms[4];
	u32 mmap_length;	/* bytes of memory map */
	u32 mmap_addr;		/* physical address of the first entry */
	u32 drives_length;
	u32 drives_addr;
	u32 config_table;
	u32 boot_loader_name;	/* physical address of a C string */
};

/* One module (the initrd): [mod_start, mod_end) physical, and its string. */
struct multiboot_mod_list {
	u32 mod_start;
	u32 mod_end;
	u32 cmdline;
	u32 pad;
};

/* One memory-map entry; `size` counts the bytes after itself. The BIOS
 * e820 map, as the loader got it. */
struct multiboot_mmap_entry {
	u32 size;
	u64 addr;
	u64 len;
	u32 type;		/* MULTIBOOT_MEMORY_AVAILABLE or reserved */
} __packed;

#endif /* __ASSEMBLY__ */
#endif
