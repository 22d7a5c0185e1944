/*
 * The registers an interrupt saved, for code that runs inside the
 * handler and wants to know what was interrupted (the tick: user or
 * kernel time). The architecture's interrupt entry sets them around the
 * handlers, as Linux's asm-generic/irq_regs.h; one CPU today.
 */
#ifndef _LINUX_IRQ_REGS_H
#define _LINUX_IRQ_REGS_H

struct pt_regs;
extern struct pt_regs *__irq_regs;

static inline struct pt_regs *get_irq_regs(void)
{
	return __irq_regs;
}

/* Set new registers, returning the old (interrupts may nest). */
static inline struct pt_regs *set_irq_regs(struct pt_regs *new_regs)
{
	struct pt_regs *old = __irq_regs;

	__irq_regs = new_regs;
	return old;
}

#endif
