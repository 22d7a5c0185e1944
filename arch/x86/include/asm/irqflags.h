/* Turning this CPU's interrupts on and off: the IF bit of EFLAGS (sti,
 * cli), saved and restored with pushf/popf as Linux's native_save_fl and
 * native_restore_fl do. */
#ifndef _ASM_X86_IRQFLAGS_H
#define _ASM_X86_IRQFLAGS_H

#include <linux/compiler.h>
#include <asm/processor-flags.h>

static __always_inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfl; popl %0" : "=rm"(flags) : : "memory");
	return flags;
}

static __always_inline void arch_local_irq_restore(unsigned long flags)
{
	__asm__ __volatile__("pushl %0; popfl" : : "g"(flags) : "memory", "cc");
}

static __always_inline void arch_local_irq_disable(void)
{
	__asm__ __volatile__("cli" ::: "memory");
}

static __always_inline void arch_local_irq_enable(void)
{
	__asm__ __volatile__("sti" ::: "memory");
}

static __always_inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	arch_local_irq_disable();
	return flags;
}

static __always_inline int arch_irqs_disabled(void)
{
	return !(arch_local_save_flags() & X86_EFLAGS_IF);
}

/* Enable interrupts and halt until one arrives. sti takes effect only
 * after the next instruction, so no interrupt can slip in between and be
 * missed: the idle loop's check-then-sleep is race-free. */
static __always_inline void arch_safe_halt(void)
{
	__asm__ __volatile__("sti; hlt" ::: "memory");
}

#endif
