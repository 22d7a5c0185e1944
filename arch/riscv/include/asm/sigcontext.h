/*
 * What a RISC-V signal handler finds on its stack (Linux's uapi
 * asm/sigcontext.h and asm/ucontext.h, and the kernel's rt_sigframe): the
 * siginfo, then a ucontext whose uc_mcontext holds every user register —
 * in user_regs_struct order, which is also pt_regs' order (pc first) —
 * and the floating-point registers. glibc's ucontext_t has the same
 * layout (its 1024-bit sigset_t fills uc_sigmask and __unused).
 * No status register is saved: a handler cannot change the privilege
 * it returns to.
 */
#ifndef _ASM_RISCV_SIGCONTEXT_H
#define _ASM_RISCV_SIGCONTEXT_H

#include <linux/types.h>
#include <uapi/linux/signal.h>

struct user_regs_struct {
	unsigned long pc, ra, sp, gp, tp, t0, t1, t2, s0, s1, a0, a1, a2, a3,
		a4, a5, a6, a7, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, t3,
		t4, t5, t6;
};

/* The Q-extension's size: Linux reserves it whatever the hart has. */
struct __riscv_q_ext_state {
	unsigned long long f[64] __attribute__((aligned(16)));
	unsigned int fcsr;
	unsigned int reserved[3];
};

/* Linux 6.x: after the F/D state, a chain of extension headers ending
 * with magic 0 (END_MAGIC), size 0 — at the end of the Q-sized area. */
struct __riscv_ctx_hdr {
	u32 magic;
	u32 size;
};

struct __riscv_extra_ext_header {
	u32 __padding[129] __attribute__((aligned(16)));
	u32 reserved;
	struct __riscv_ctx_hdr hdr;
};

struct sigcontext {
	struct user_regs_struct sc_regs;
	union {
		struct __riscv_q_ext_state sc_q;	/* f[0..31], fcsr as D */
		struct __riscv_extra_ext_header sc_extdesc;
	};
};

struct ucontext {
	unsigned long uc_flags;
	struct ucontext __user *uc_link;
	stack_t uc_stack;
	u64 uc_sigmask;
	/* glibc's sigset_t is 1024 bits: room for it */
	u8 __unused[1024 / 8 - sizeof(u64)];
	struct sigcontext uc_mcontext;	/* 16-byte aligned */
};

struct rt_sigframe {
	siginfo_t info;
	struct ucontext uc;
};

#endif
