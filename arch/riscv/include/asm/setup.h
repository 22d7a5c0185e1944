/* What the boot firmware told the RISC-V kernel (from a0/a1 and the DTB). */
#ifndef _ASM_RISCV_SETUP_H
#define _ASM_RISCV_SETUP_H

#include <linux/types.h>

struct boot_info {
	unsigned long hartid;
	u64 ram_base, ram_size;
	u64 initrd_start, initrd_end;	/* physical; 0 if none */
};

extern struct boot_info boot_info;
/* The device tree (kept reserved), for code that reads it after boot. */
extern const void *initial_boot_params;

/* Saved by head.S from a0/a1 before anything else runs. */
extern unsigned long boot_hartid, boot_dtb_pa;

#endif
