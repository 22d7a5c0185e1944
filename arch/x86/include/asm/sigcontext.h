/*
 * What an i386 signal handler finds on its stack (Linux's uapi
 * asm/sigcontext.h and the kernel's asm/sigframe.h, 32-bit): the return
 * address (pretcode: glibc's sa_restorer, or the retcode in the frame),
 * the signal number, for rt frames pointers to the siginfo and ucontext,
 * then the registers (struct sigcontext: every segment and general
 * register, eflags, the fault's trap number and cr2) and a pointer to the
 * FP state, which lies above the frame: the old fsave-format registers,
 * then the 512-byte fxsave image (magic 0 says it is there).
 */
#ifndef _ASM_X86_SIGCONTEXT_H
#define _ASM_X86_SIGCONTEXT_H

#include <linux/types.h>
#include <uapi/linux/signal.h>

struct sigcontext {
	u16 gs, __gsh;
	u16 fs, __fsh;
	u16 es, __esh;
	u16 ds, __dsh;
	u32 di, si, bp, sp, bx, dx, cx, ax;
	u32 trapno, err, ip;
	u16 cs, __csh;
	u32 flags;
	u32 sp_at_signal;
	u16 ss, __ssh;
	u32 fpstate;	/* user address of the struct _fpstate */
	u32 oldmask;
	u32 cr2;
};

struct _fpreg {
	u16 significand[4];
	u16 exponent;
};

/* The x87 registers as fsave stores them, then the fxsave image. */
struct _fpstate {
	u32 cw, sw, tag, ipoff, cssel, dataoff, datasel;
	struct _fpreg _st[8];
	u16 status;
	u16 magic;	/* 0xffff: x87 only; 0: the fxsave part follows */
	u8 fxsave[512];	/* what fxsave stores: struct i387_fxsave_struct */
};
#define X86_FXSR_MAGIC 0x0000
#define FREGS_STATE_SIZE 112	/* the fsave part, before fxsave[] */

struct ucontext {
	unsigned long uc_flags;
	struct ucontext __user *uc_link;
	stack_t uc_stack;
	struct sigcontext uc_mcontext;
	u64 uc_sigmask;	/* mask last for extensibility */
};

/* Without SA_SIGINFO (setup_frame), returned from with sigreturn. */
struct sigframe {
	u32 pretcode;
	int sig;
	struct sigcontext sc;
	struct _fpstate fpstate_unused;	/* kept for extramask's offset */
	unsigned long extramask[1];	/* signals 33..64 of the mask */
	char retcode[8];
};

/* With SA_SIGINFO (setup_rt_frame), returned from with rt_sigreturn. */
struct rt_sigframe {
	u32 pretcode;
	int sig;
	u32 pinfo;
	u32 puc;
	siginfo_t info;
	struct ucontext uc;
	char retcode[8];
};

#endif
