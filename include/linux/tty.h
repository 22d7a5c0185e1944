/* The console terminal: bytes typed arrive from the UART's interrupt, get
 * echoed and edited a line at a time (canonical mode, as a Linux tty does
 * by default), and are handed to readers one line per read. */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <linux/types.h>

/*
 * A terminal. Clonix has one, the console (/dev/console, char 5:1). A
 * process's controlling terminal is signal->tty: init gets the console
 * when it opens it (the session leader of the only session there is),
 * and every process inherits it through fork. /dev/tty (char 5:0) opens
 * the opener's controlling terminal, or fails with ENXIO without one.
 */
struct tty_struct {
	const char *name;
	u32 dev;	/* its device number, as /proc/<pid>/stat's tty_nr */
};
extern struct tty_struct console_tty;

void tty_receive_char(u8 c);
void tty_set_output(void (*write)(const char *s, unsigned int n));
/* Blocking read of at most n bytes, ending at a newline; 0 at end of file
 * (Ctrl-D on an empty line); -EINTR if a signal arrives. */
long tty_read(char *kbuf, unsigned long n);
struct file;
struct poll_table_struct;
unsigned int n_tty_poll(struct file *f, struct poll_table_struct *pt);
void tty_write(const char *s, unsigned int n);

#endif
