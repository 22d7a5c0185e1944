/*
 * The x87 FPU and SSE, for user programs (glibc's string functions use
 * SSE2). fpu_init turns them on at boot as Linux 3.18's fpu_init does:
 * CR4 allows fxsave/fxrstor and the SSE instructions and routes SSE
 * errors to exception 19, CR0 says there is an FPU to use directly (no
 * emulation, no lazy "task switched" trap) and reports x87 errors as
 * exception 16. The registers then move eagerly with each context switch
 * (switch_to.h).
 */
#include <asm/elf.h>
#include <asm/i387.h>
#include <asm/processor-flags.h>
#include <asm/special_insns.h>
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/string.h>

#define X86_FEATURE_FXSR (1U << 24)	/* CPUID.1:EDX: fxsave/fxrstor */
#define X86_FEATURE_XMM (1U << 25)	/* CPUID.1:EDX: SSE */

/* The MXCSR bits this CPU implements: fxrstor of any other is a #GP, so
 * an MXCSR from user memory (a signal frame) is masked with it. */
u32 mxcsr_feature_mask = 0x0000ffbf;

void __init fpu_init(void)
{
	static struct i387_fxsave_struct fx;
	unsigned long cr0 = read_cr0();

	if (!(elf_hwcap & X86_FEATURE_FXSR))
		panic("fpu: the CPU lacks fxsave/fxrstor (Clonix needs a "
		      "Pentium II or later)");
	write_cr4(read_cr4() | X86_CR4_OSFXSR |
		  (elf_hwcap & X86_FEATURE_XMM ? X86_CR4_OSXMMEXCPT : 0));
	cr0 &= ~(X86_CR0_TS | X86_CR0_EM);
	cr0 |= X86_CR0_MP | X86_CR0_NE;
	write_cr0(cr0);
	__asm__ __volatile__("fninit");
	memset(&fx, 0, sizeof(fx));
	fxsave(&fx);
	if (fx.mxcsr_mask)
		mxcsr_feature_mask = fx.mxcsr_mask;
	printk("fpu: x87%s, saved with fxsave (%u bytes a task)\n",
	       elf_hwcap & X86_FEATURE_XMM ? " and SSE" : "",
	       (unsigned int)sizeof(struct i387_fxsave_struct));
}

/* The registers of a freshly exec'd program (what finit leaves, and the
 * SSE default: all exceptions masked, round to nearest). */
void fpu_finit(struct i387_fxsave_struct *fx)
{
	memset(fx, 0, sizeof(*fx));
	fx->cwd = FPU_INIT_CWD;
	fx->mxcsr = MXCSR_DEFAULT;
}
