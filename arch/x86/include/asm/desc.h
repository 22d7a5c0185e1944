/* Segment and gate descriptors: the 8-byte entries of the GDT (segments,
 * the TSS) and of the IDT (where each interrupt vector enters the kernel). */
#ifndef _ASM_X86_DESC_H
#define _ASM_X86_DESC_H

#include <asm/segment.h>
#include <linux/compiler.h>
#include <linux/types.h>

/* A GDT entry: base and limit scattered over the two words. */
struct desc_struct {
	u32 a, b;
};

/* flags: access byte (type, S, DPL, P) in bits 0-7, G/D in bits 12-15. */
#define GDT_ENTRY_INIT(flags, base, limit)                               \
	{                                                                \
		.a = ((limit) & 0xffff) | (((base) & 0xffff) << 16),     \
		.b = (((base) & 0xff0000) >> 16) |                       \
		     (((flags) & 0xf0ff) << 8) | ((limit) & 0xf0000) |   \
		     ((base) & 0xff000000),                              \
	}

/* Access bytes: present, DPL, code/data, and the type. */
#define DESC_KERNEL_CODE 0xc09a	/* 4 KiB granularity, 32-bit, DPL 0, r-x */
#define DESC_KERNEL_DATA 0xc092	/* ... DPL 0, rw- */
#define DESC_USER_CODE 0xc0fa	/* ... DPL 3, r-x */
#define DESC_USER_DATA 0xc0f2	/* ... DPL 3, rw- */
#define DESC_TSS 0x0089		/* byte granularity, available 32-bit TSS */

/* An unused entry: all zero (a TLS slot nobody has set). */
static inline bool desc_empty(const struct desc_struct *d)
{
	return !(d->a | d->b);
}

static inline unsigned long get_desc_base(const struct desc_struct *d)
{
	return (d->a >> 16) | ((d->b & 0xff) << 16) | (d->b & 0xff000000);
}

static inline unsigned long get_desc_limit(const struct desc_struct *d)
{
	return (d->a & 0xffff) | (d->b & 0xf0000);
}

struct gdt_page {
	struct desc_struct gdt[GDT_ENTRIES];
} __aligned(4096);

extern struct gdt_page gdt_page;

/* An IDT entry: handler offset, code selector and the gate type. */
struct gate_struct {
	u16 offset_low;
	u16 segment;
	u8 zero;
	u8 type;		/* P, DPL, gate type */
	u16 offset_high;
} __packed;
typedef struct gate_struct gate_desc;

#define GATE_INTERRUPT 0x8e	/* present, DPL 0, interrupts turned off */
#define GATE_TRAP 0x8f		/* present, DPL 0, interrupts left as they are */
#define GATE_DPL3 0x60		/* may be raised by `int n` from user mode */

struct desc_ptr {
	u16 size;
	unsigned long address;
} __packed;

static inline void load_gdt(const struct desc_ptr *dtr)
{
	__asm__ __volatile__("lgdt %0" : : "m"(*dtr));
}

static inline void load_idt(const struct desc_ptr *dtr)
{
	__asm__ __volatile__("lidt %0" : : "m"(*dtr));
}

static inline void load_tr(unsigned int sel)
{
	__asm__ __volatile__("ltr %w0" : : "q"(sel));
}

static inline void load_ldt(unsigned int sel)
{
	__asm__ __volatile__("lldt %w0" : : "q"(sel));
}

#endif
