/* What the boot loader told the i386 kernel (from the multiboot info). */
#ifndef _ASM_X86_SETUP_H
#define _ASM_X86_SETUP_H

#include <linux/types.h>

#define E820_MAX_USABLE 16	/* usable RAM ranges we keep */

struct boot_info {
	unsigned long ram_end;	/* end of the RAM we use (physical) */
	unsigned long initrd_start, initrd_end;	/* physical; 0 if none */
	unsigned int nr_usable;
	struct {
		unsigned long start, end;
	} usable[E820_MAX_USABLE];	/* RAM the firmware says is free */
};

extern struct boot_info boot_info;

/* Saved by head_32.S from ebx: the multiboot info's physical address. */
extern unsigned long boot_multiboot_info;

#endif
