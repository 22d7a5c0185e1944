/*
 * do_IRQ(): where every interrupt from the PICs lands after entry_32.S
 * saved pt_regs (interrupts off). orig_ax holds ~vector; the irq's
 * handler comes from request_irq (the timer, the UART), then the PIC gets
 * its end-of-interrupt.
 */
#include <asm/i8259.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <linux/interrupt.h>
#include <linux/irq_regs.h>

void do_IRQ(struct pt_regs *regs)
{
	unsigned int irq = ~regs->orig_ax - FIRST_EXTERNAL_VECTOR;
	struct pt_regs *old_regs;

	if (i8259A_irq_spurious(irq))
		return;
	old_regs = set_irq_regs(regs);	/* the tick asks: user or kernel? */
	generic_handle_irq(irq);
	set_irq_regs(old_regs);
	i8259A_eoi(irq);
}
