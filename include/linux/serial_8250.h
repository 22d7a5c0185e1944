/* The 16550-compatible UART driver: console output and input. The port's
 * registers are memory-mapped (RISC-V virt: serial8250_register_mmio) or
 * in I/O space (PC COM1: arch/x86 fills in port-I/O accessors and calls
 * serial8250_register); the bus-specific part is the pair of accessors. */
#ifndef _LINUX_SERIAL_8250_H
#define _LINUX_SERIAL_8250_H

#include <linux/printk.h>
#include <linux/types.h>

struct uart_8250_port {
	void *membase;		/* MMIO registers, or NULL */
	unsigned long iobase;	/* I/O port base, for port I/O */
	unsigned long phys;	/* for messages */
	unsigned int regshift;	/* register spacing: offset << regshift */
	int irq;		/* -1 if none */
	u8 (*serial_in)(struct uart_8250_port *up, int offset);
	void (*serial_out)(struct uart_8250_port *up, int offset, u8 value);
	struct console con;
};

void serial8250_register(struct uart_8250_port *up);
void serial8250_register_mmio(struct uart_8250_port *up);
void serial8250_enable_irq(void);

#endif
