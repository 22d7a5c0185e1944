/* A user program's x87 and SSE registers (Linux 3.18's asm/i387.h and
 * fpu-internal.h, in the simplest form): the 512-byte area fxsave and
 * fxrstor use, and the two instructions. The kernel itself never uses
 * these registers (it is built with -mno-sse -mno-80387), so a task's
 * values stay in the CPU until another user task needs it; switch_to.h
 * moves them. */
#ifndef _ASM_X86_I387_H
#define _ASM_X86_I387_H

#include <linux/compiler.h>
#include <linux/types.h>

struct i387_fxsave_struct {
	u16 cwd;		/* x87 control word */
	u16 swd;		/* x87 status word */
	u16 twd;		/* x87 tag word (abridged: 1 bit a register) */
	u16 fop;		/* last instruction opcode */
	u32 fip, fcs, foo, fos;	/* last instruction and operand */
	u32 mxcsr;		/* SSE control and status */
	u32 mxcsr_mask;
	u32 st_space[32];	/* 8 x87 registers, 16 bytes each */
	u32 xmm_space[64];	/* 16 XMM registers (8 in 32-bit mode) */
	u32 padding[24];
} __aligned(16);

/* The state a new program starts with, as after finit: all exceptions
 * masked, round to nearest, 64-bit precision, every register empty. */
#define FPU_INIT_CWD 0x037f
#define MXCSR_DEFAULT 0x1f80

static inline void fxsave(struct i387_fxsave_struct *fx)
{
	__asm__ __volatile__("fxsave %0" : "=m"(*fx));
}

static inline void fxrstor(const struct i387_fxsave_struct *fx)
{
	__asm__ __volatile__("fxrstor %0" : : "m"(*fx));
}

void fpu_init(void);
extern u32 mxcsr_feature_mask;
void fpu_finit(struct i387_fxsave_struct *fx);

#endif
