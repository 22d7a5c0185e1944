/* struct user_desc: how set_thread_area(2) and clone(CLONE_SETTLS)
 * describe a segment to put in one of the GDT's TLS slots (Linux's
 * uapi/asm/ldt.h). glibc fills one for its thread pointer and then loads
 * the slot's selector into %gs. */
#ifndef _ASM_X86_LDT_H
#define _ASM_X86_LDT_H

struct user_desc {
	unsigned int entry_number;	/* GDT index; -1: pick a free one */
	unsigned int base_addr;
	unsigned int limit;
	unsigned int seg_32bit:1;
	unsigned int contents:2;	/* 0: data, 1: expand-down data */
	unsigned int read_exec_only:1;
	unsigned int limit_in_pages:1;
	unsigned int seg_not_present:1;
	unsigned int useable:1;
};

#endif
