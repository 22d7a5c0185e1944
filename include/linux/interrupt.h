/* Device interrupts: drivers register a handler for an interrupt number;
 * the architecture's interrupt controller calls generic_handle_irq(). */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#define NR_IRQS 64

typedef void (*irq_handler_t)(int irq, void *dev);

int request_irq(unsigned int irq, irq_handler_t handler, const char *name,
		void *dev);
void generic_handle_irq(unsigned int irq);
/* Architecture: let irq reach this CPU (unmask it in the controller). */
void arch_enable_irq(unsigned int irq);

#endif
