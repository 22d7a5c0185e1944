/*
 * The two 8259A programmable interrupt controllers of the PC. The BIOS
 * leaves IRQ 0-7 on vectors 8-15, where the CPU's own exceptions are; we
 * move IRQ 0-15 to FIRST_EXTERNAL_VECTOR.. and mask them all. request_irq
 * unmasks a line (arch_enable_irq); do_IRQ acknowledges each interrupt
 * with an end-of-interrupt command.
 */
#include <asm/i8259.h>
#include <asm/io.h>
#include <asm/traps.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/printk.h>

#define PIC_MASTER_CMD 0x20
#define PIC_MASTER_IMR 0x21
#define PIC_SLAVE_CMD 0xa0
#define PIC_SLAVE_IMR 0xa1

#define PIC_EOI 0x20		/* OCW2: non-specific end of interrupt */
#define PIC_READ_ISR 0x0b	/* OCW3: next read of the command port is ISR */

static u16 cached_irq_mask = 0xffff;	/* bit set = line masked */

static void write_imr(void)
{
	outb(cached_irq_mask & 0xff, PIC_MASTER_IMR);
	outb(cached_irq_mask >> 8, PIC_SLAVE_IMR);
}

void __init init_8259A(void)
{
	outb(0xff, PIC_MASTER_IMR);	/* mask everything while we work */
	outb(0xff, PIC_SLAVE_IMR);

	outb(0x11, PIC_MASTER_CMD);	/* ICW1: edge, cascade, ICW4 follows */
	outb(FIRST_EXTERNAL_VECTOR, PIC_MASTER_IMR);	/* ICW2: vectors */
	outb(1U << PIC_CASCADE_IR, PIC_MASTER_IMR);	/* ICW3: slave on IR2 */
	outb(0x01, PIC_MASTER_IMR);	/* ICW4: 8086 mode, normal EOI */

	outb(0x11, PIC_SLAVE_CMD);
	outb(FIRST_EXTERNAL_VECTOR + 8, PIC_SLAVE_IMR);
	outb(PIC_CASCADE_IR, PIC_SLAVE_IMR);	/* ICW3: our cascade line */
	outb(0x01, PIC_SLAVE_IMR);

	cached_irq_mask = 0xffff & ~(1U << PIC_CASCADE_IR);
	write_imr();
	printk("i8259: IRQ 0-15 at vectors 0x%x-0x%x, all masked\n",
	       FIRST_EXTERNAL_VECTOR, FIRST_EXTERNAL_VECTOR + 15);
}

void enable_8259A_irq(unsigned int irq)
{
	cached_irq_mask &= ~(1U << irq);
	write_imr();
}

void disable_8259A_irq(unsigned int irq)
{
	cached_irq_mask |= 1U << irq;
	write_imr();
}

/* IRQ 7 and 15 also come when a line drops before the CPU acknowledged it;
 * then the in-service bit is clear and there is nothing to handle (and,
 * for the master, nothing to acknowledge). */
bool i8259A_irq_spurious(unsigned int irq)
{
	unsigned int port = irq < 8 ? PIC_MASTER_CMD : PIC_SLAVE_CMD;

	if ((irq & 7) != 7)
		return false;
	outb(PIC_READ_ISR, port);
	if (inb(port) & 0x80)
		return false;
	if (irq == 15)
		outb(PIC_EOI, PIC_MASTER_CMD);	/* the cascade was real */
	return true;
}

void i8259A_eoi(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC_EOI, PIC_SLAVE_CMD);
	outb(PIC_EOI, PIC_MASTER_CMD);
}

/* For request_irq: let irq reach the CPU. */
void arch_enable_irq(unsigned int irq)
{
	if (irq < NR_LEGACY_IRQS)
		enable_8259A_irq(irq);
}
