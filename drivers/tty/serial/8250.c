/*
 * The 8250/16550 UART: the console. Output polls until the transmitter is
 * empty; input arrives by interrupt (receive-data-available), and each
 * byte goes to the console tty's flip buffer (drivers/tty/tty_buffer.c).
 */
#include <asm/io.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/serial_8250.h>
#include <linux/tty.h>

#define UART_RX 0	/* receive buffer (read) */
#define UART_TX 0	/* transmit holding (write) */
#define UART_IER 1	/* interrupt enable */
#define UART_IER_RDI 0x01	/* receive data interrupt */
#define UART_FCR 2	/* FIFO control */
#define UART_LCR 3	/* line control */
#define UART_LCR_DLAB 0x80
#define UART_LCR_8N1 0x03
#define UART_MCR 4	/* modem control */
#define UART_MCR_DTR_RTS_OUT2 0x0b	/* OUT2 gates the IRQ on a PC */
#define UART_LSR 5	/* line status */
#define UART_LSR_DR 0x01	/* data ready */
#define UART_LSR_THRE 0x20	/* transmit holding register empty */
#define UART_DLL 0
#define UART_DLM 1

static struct uart_8250_port *console_port;

static u8 mmio_in(struct uart_8250_port *up, int offset)
{
	return readb((u8 *)up->membase + (offset << up->regshift));
}

static void mmio_out(struct uart_8250_port *up, int offset, u8 value)
{
	writeb(value, (u8 *)up->membase + (offset << up->regshift));
}

static void serial8250_putc(struct uart_8250_port *up, char c)
{
	unsigned int spins = 0;

	/* Wait for room, but never forever (a dead UART must not hang us). */
	while (!(up->serial_in(up, UART_LSR) & UART_LSR_THRE) &&
	       ++spins < 1000000)
		;
	up->serial_out(up, UART_TX, c);
}

static void serial8250_console_write(struct console *con, const char *s,
				     unsigned int n)
{
	struct uart_8250_port *up = container_of(con, struct uart_8250_port,
						 con);

	while (n--) {
		if (*s == '\n')
			serial8250_putc(up, '\r');
		serial8250_putc(up, *s++);
	}
}

/* Received bytes go to the console tty's flip buffer; the line
 * discipline sees them in process context (tty_buffer.c). */
static void serial8250_interrupt(int irq, void *dev)
{
	struct uart_8250_port *up = dev;

	(void)irq;
	while (up->serial_in(up, UART_LSR) & UART_LSR_DR)
		tty_insert_flip_char(console_tty.port,
				     up->serial_in(up, UART_RX));
	tty_flip_buffer_push(console_tty.port);
}

/* The tty's write: bytes as given (OPOST is the line discipline's job;
 * only the printk console above adds a CR before each LF). */
static void serial8250_tty_write(struct tty_struct *tty,
				 const unsigned char *s, unsigned int n)
{
	(void)tty;
	if (!console_port)
		return;
	while (n--)
		serial8250_putc(console_port, *s++);
}

static const struct tty_operations serial8250_tty_ops = {
	.write = serial8250_tty_write,
};

/* Program 115200 8N1 with FIFOs, interrupts off, and make it the console. */
void serial8250_register(struct uart_8250_port *up)
{
	up->serial_out(up, UART_IER, 0);
	up->serial_out(up, UART_LCR, UART_LCR_DLAB);
	up->serial_out(up, UART_DLL, 1);	/* 115200 baud (1.8432 MHz) */
	up->serial_out(up, UART_DLM, 0);
	up->serial_out(up, UART_LCR, UART_LCR_8N1);
	up->serial_out(up, UART_FCR, 0x07);	/* enable and clear FIFOs */
	up->serial_out(up, UART_MCR, UART_MCR_DTR_RTS_OUT2);
	up->con.name = "ttyS0";
	up->con.flags = 0;
	up->con.write = serial8250_console_write;
	console_port = up;
	tty_register_console_driver(&serial8250_tty_ops);
	register_console(&up->con);
	printk("serial8250: ttyS0 at %s 0x%lx (irq = %d) is a 16550A\n",
	       up->membase ? "MMIO" : "I/O", up->phys, up->irq);
}

void serial8250_register_mmio(struct uart_8250_port *up)
{
	up->serial_in = mmio_in;
	up->serial_out = mmio_out;
	serial8250_register(up);
}

/* Turn on receive interrupts once the interrupt controller is ready. */
void serial8250_enable_irq(void)
{
	struct uart_8250_port *up = console_port;

	if (!up || up->irq < 0)
		return;
	if (request_irq(up->irq, serial8250_interrupt, "ttyS0", up) == 0)
		up->serial_out(up, UART_IER, UART_IER_RDI);
}
