/* The PC's two cascaded 8259A interrupt controllers (master: IRQ 0-7,
 * slave: IRQ 8-15 on the master's IRQ 2). */
#ifndef _ASM_X86_I8259_H
#define _ASM_X86_I8259_H

#include <linux/types.h>

#define PIC_CASCADE_IR 2

void init_8259A(void);
void enable_8259A_irq(unsigned int irq);
void disable_8259A_irq(unsigned int irq);
bool i8259A_irq_spurious(unsigned int irq);
void i8259A_eoi(unsigned int irq);

#endif
