/* Device interrupt handlers: a table from interrupt number to driver. */
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/irq_regs.h>
#include <linux/printk.h>

struct irq_action {
	irq_handler_t handler;
	const char *name;
	void *dev;
	unsigned long count;
};

static struct irq_action irq_table[NR_IRQS];
struct pt_regs *__irq_regs;	/* see linux/irq_regs.h */

int request_irq(unsigned int irq, irq_handler_t handler, const char *name,
		void *dev)
{
	if (irq >= NR_IRQS)
		return -EINVAL;
	if (irq_table[irq].handler)
		return -EBUSY;
	irq_table[irq].handler = handler;
	irq_table[irq].name = name;
	irq_table[irq].dev = dev;
	arch_enable_irq(irq);
	return 0;
}

void generic_handle_irq(unsigned int irq)
{
	if (irq >= NR_IRQS || !irq_table[irq].handler) {
		pr_warn("irq %u: no handler\n", irq);
		return;
	}
	irq_table[irq].count++;
	irq_table[irq].handler(irq, irq_table[irq].dev);
}
