/* Turning interrupts on and off on this hart (sstatus.SIE). */
#ifndef _ASM_RISCV_IRQFLAGS_H
#define _ASM_RISCV_IRQFLAGS_H

#include <linux/compiler.h>
#include <asm/csr.h>

static __always_inline unsigned long arch_local_irq_save(void)
{
	return csr_read_clear(CSR_SSTATUS, SR_SIE);
}

static __always_inline void arch_local_irq_restore(unsigned long flags)
{
	csr_set(CSR_SSTATUS, flags & SR_SIE);
}

static __always_inline void arch_local_irq_enable(void)
{
	csr_set(CSR_SSTATUS, SR_SIE);
}

static __always_inline void arch_local_irq_disable(void)
{
	csr_clear(CSR_SSTATUS, SR_SIE);
}

static __always_inline int arch_irqs_disabled(void)
{
	return !(csr_read(CSR_SSTATUS) & SR_SIE);
}

#endif
