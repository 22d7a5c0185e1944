/*
 * Terminals, shaped as Linux's: a tty_struct per terminal (its termios,
 * window size, the session it controls and that session's foreground
 * process group), a driver below it (tty_operations: put bytes on the
 * wire), a flip buffer the driver's interrupt fills (tty_buffer.c), and
 * the N_TTY line discipline (n_tty.c) that turns typed bytes into what
 * read(2) returns: canonical lines or raw bytes, echo, and ISIG's
 * Ctrl-C/Ctrl-\/Ctrl-Z. Job control is tty_jobctrl.c.
 *
 * Clonix has one terminal, the console (/dev/console, char 5:1, on the
 * first UART). /dev/tty (char 5:0) opens the caller's controlling
 * terminal, or fails with ENXIO without one.
 */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <uapi/linux/termios.h>

struct file;
struct poll_table_struct;
struct task_struct;
struct tty_struct;

/* What the driver does for the tty: write bytes exactly as given. */
struct tty_operations {
	void (*write)(struct tty_struct *tty, const unsigned char *buf,
		      unsigned int n);
};

/* Bytes from the driver's interrupt, waiting for the line discipline
 * (Linux's tty_port and its tty_bufhead, as one small ring). */
#define TTY_FLIPBUF_SIZE 4096
struct tty_port {
	spinlock_t lock;	/* taken in the interrupt: irqsave */
	unsigned char buf[TTY_FLIPBUF_SIZE];
	unsigned int head, tail;	/* free-running */
	unsigned int dropped;	/* bytes lost to a full ring */
};

struct n_tty_data;

struct tty_struct {
	const char *name;
	u32 dev;	/* its device number, as /proc/<pid>/stat's tty_nr */
	const struct tty_operations *ops;
	struct tty_port *port;

	/* termios and winsize under termios_lock (taken with the line
	 * discipline's data, which follows the termios). */
	spinlock_t termios_lock;
	struct termios termios;
	struct winsize winsize;

	/* Job control, under ctrl_lock: the session this terminal
	 * controls and its foreground process group (0: none). */
	spinlock_t ctrl_lock;
	pid_t session;
	pid_t pgrp;

	spinlock_t output_lock;	/* one writer (or echo) at a time */
	struct wait_queue_head read_wait;	/* readers and pollers */
	struct n_tty_data *disc_data;	/* the line discipline's state */
};

extern struct tty_struct console_tty;
/* The console's driver registers its operations (serial8250). */
void tty_register_console_driver(const struct tty_operations *ops);

/* termios flag tests, as Linux's L_ICANON(tty) and friends */
#define I_FLAG(tty, f) ((tty)->termios.c_iflag & (f))
#define O_FLAG(tty, f) ((tty)->termios.c_oflag & (f))
#define L_FLAG(tty, f) ((tty)->termios.c_lflag & (f))

/* drivers/tty/tty_buffer.c: from the driver's interrupt ... */
void tty_insert_flip_char(struct tty_port *port, unsigned char ch);
void tty_flip_buffer_push(struct tty_port *port);
/* ... to the line discipline, in process context (a kernel thread). */
void tty_buffer_start_worker(void);
void tty_buffer_flush(struct tty_port *port);

/* drivers/tty/n_tty.c: the line discipline */
void n_tty_open(struct tty_struct *tty);
void n_tty_receive_buf(struct tty_struct *tty, const unsigned char *cp,
		       unsigned int count);
ssize_t n_tty_read(struct tty_struct *tty, struct file *file, char *kbuf,
		   size_t nr);
ssize_t n_tty_write(struct tty_struct *tty, struct file *file,
		    const unsigned char *buf, size_t nr);
unsigned int n_tty_poll(struct tty_struct *tty, struct file *file,
			struct poll_table_struct *wait);
void n_tty_set_termios(struct tty_struct *tty, const struct termios *old);
void n_tty_flush_buffer(struct tty_struct *tty);
unsigned int n_tty_inq(struct tty_struct *tty);	/* FIONREAD */

/* drivers/tty/tty_ioctl.c: termios and window size */
long tty_mode_ioctl(struct tty_struct *tty, unsigned int cmd,
		    unsigned long arg);

/* drivers/tty/tty_jobctrl.c: controlling terminals, foreground groups */
int tty_check_change(struct tty_struct *tty);	/* SIGTTOU check */
int __tty_check_change(struct tty_struct *tty, int sig);
long tty_jobctrl_ioctl(struct tty_struct *tty, struct file *file,
		       unsigned int cmd, unsigned long arg);
void tty_open_proc_set_tty(struct file *file, struct tty_struct *tty);
struct tty_struct *get_current_tty(void);
pid_t tty_get_pgrp(struct tty_struct *tty);
void proc_clear_tty(struct task_struct *p);
void disassociate_ctty(int on_exit);
/* ISIG: a signal to the foreground process group (kill_pgrp). */
void tty_signal_pgrp(struct tty_struct *tty, int sig);

#endif
