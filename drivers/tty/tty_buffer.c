/*
 * The flip buffer: bytes typed arrive in the UART's interrupt and wait
 * here (tty_insert_flip_char, tty_flip_buffer_push) until a kernel thread
 * hands them to the line discipline (flush_to_ldisc). Linux runs
 * flush_to_ldisc from a workqueue for the same reason: the line
 * discipline sends signals (Ctrl-C → kill_pgrp takes tasklist_lock),
 * echoes and wakes readers, which an interrupt handler must not do while
 * the code it interrupted may hold those locks.
 */
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/tty.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(flush_wait);

static unsigned int flip_count(struct tty_port *port)
{
	return port->head - port->tail;
}

/* One byte from the driver (interrupt context); dropped if nobody has
 * emptied the ring for TTY_FLIPBUF_SIZE bytes. */
void tty_insert_flip_char(struct tty_port *port, unsigned char ch)
{
	unsigned long flags;

	spin_lock_irqsave(&port->lock, flags);
	if (flip_count(port) < TTY_FLIPBUF_SIZE)
		port->buf[port->head++ % TTY_FLIPBUF_SIZE] = ch;
	else
		port->dropped++;
	spin_unlock_irqrestore(&port->lock, flags);
}

/* The driver is done for now: wake flush_to_ldisc. */
void tty_flip_buffer_push(struct tty_port *port)
{
	(void)port;
	wake_up(&flush_wait);
}

/* Forget bytes not yet seen by the line discipline (TCIFLUSH). */
void tty_buffer_flush(struct tty_port *port)
{
	unsigned long flags;

	spin_lock_irqsave(&port->lock, flags);
	port->tail = port->head;
	spin_unlock_irqrestore(&port->lock, flags);
}

/* Move what the ring holds to the line discipline, a chunk at a time,
 * outside the ring's lock. */
static void flush_port(struct tty_struct *tty)
{
	struct tty_port *port = tty->port;
	unsigned char chunk[64];

	for (;;) {
		unsigned long flags;
		unsigned int n = 0;

		spin_lock_irqsave(&port->lock, flags);
		while (n < sizeof(chunk) && flip_count(port))
			chunk[n++] = port->buf[port->tail++ % TTY_FLIPBUF_SIZE];
		spin_unlock_irqrestore(&port->lock, flags);
		if (!n)
			return;
		n_tty_receive_buf(tty, chunk, n);
	}
}

static bool flip_pending(void)
{
	return flip_count(console_tty.port) != 0;
}

/* The kernel thread (Linux's flush_to_ldisc work item). Clonix has one
 * terminal; a second would be one more port to look at here. */
static int flush_to_ldisc(void *unused)
{
	(void)unused;
	for (;;) {
		wait_event_interruptible(flush_wait, flip_pending());
		flush_port(&console_tty);
	}
	return 0;
}

/* Started at the first open of a terminal (kernel_init opening the
 * console), once kthreadd can make threads. */
void tty_buffer_start_worker(void)
{
	static int started;
	pid_t pid;

	if (__atomic_exchange_n(&started, 1, __ATOMIC_ACQ_REL))
		return;
	pid = kthread_run(flush_to_ldisc, NULL, "kworker/tty");
	if (pid < 0)
		pr_err("tty: cannot start the flip buffer thread (%d)\n", pid);
}
