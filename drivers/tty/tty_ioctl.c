/*
 * The terminal's settings ioctls (Linux's drivers/tty/tty_ioctl.c and
 * n_tty_ioctl_helper): termios (TCGETS, TCSETS, TCSETSW, TCSETSF), the
 * window size (TIOCGWINSZ, TIOCSWINSZ, which tells the foreground group
 * with SIGWINCH), flushing (TCFLSH), draining (TCSBRK, TIOCOUTQ: output
 * is written synchronously, so there is never anything to wait for) and
 * FIONREAD. Changing the terminal is for the foreground: a background
 * caller gets SIGTTOU first (tty_check_change).
 */
#include <linux/errno.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uaccess.h>

/* Install new settings and tell the line discipline (Linux's
 * tty_set_termios); readers may now have something to read. */
static void tty_set_termios(struct tty_struct *tty, const struct termios *new,
			    bool flush)
{
	struct termios old;

	spin_lock(&tty->termios_lock);
	old = tty->termios;
	tty->termios = *new;
	if (flush)
		n_tty_flush_buffer(tty);
	n_tty_set_termios(tty, &old);
	spin_unlock(&tty->termios_lock);
	wake_up(&tty->read_wait);
}

static long set_termios(struct tty_struct *tty, unsigned int cmd,
			unsigned long arg)
{
	struct termios tmp;
	long retval = tty_check_change(tty);

	if (retval)
		return retval;
	if (copy_from_user(&tmp, (void __user *)arg, sizeof(tmp)))
		return -EFAULT;
	/* TCSETSW would wait for output to drain: it already has. */
	tty_set_termios(tty, &tmp, cmd == TCSETSF);
	return 0;
}

/* TIOCSWINSZ: a new size; the foreground group hears of a change. */
static long tiocswinsz(struct tty_struct *tty, unsigned long arg)
{
	struct winsize ws;
	bool changed;

	if (copy_from_user(&ws, (void __user *)arg, sizeof(ws)))
		return -EFAULT;
	spin_lock(&tty->termios_lock);
	changed = memcmp(&ws, &tty->winsize, sizeof(ws)) != 0;
	tty->winsize = ws;
	spin_unlock(&tty->termios_lock);
	if (changed)
		tty_signal_pgrp(tty, SIGWINCH);
	return 0;
}

static long tty_perform_flush(struct tty_struct *tty, unsigned long arg)
{
	long retval = tty_check_change(tty);

	if (retval)
		return retval;
	switch (arg) {
	case TCIFLUSH:
	case TCIOFLUSH:
		spin_lock(&tty->termios_lock);
		n_tty_flush_buffer(tty);
		spin_unlock(&tty->termios_lock);
		return 0;
	case TCOFLUSH:
		return 0;	/* nothing waits to be sent */
	default:
		return -EINVAL;
	}
}

/* The settings ioctls; -ENOIOCTLCMD for any other. */
long tty_mode_ioctl(struct tty_struct *tty, unsigned int cmd,
		    unsigned long arg)
{
	void __user *p = (void __user *)arg;	/* arg is a user address */
	struct termios t;
	struct winsize ws;
	int n;

	switch (cmd) {
	case TCGETS:
		spin_lock(&tty->termios_lock);
		t = tty->termios;
		spin_unlock(&tty->termios_lock);
		return copy_to_user(p, &t, sizeof(t)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return set_termios(tty, cmd, arg);
	case TIOCGWINSZ:
		spin_lock(&tty->termios_lock);
		ws = tty->winsize;
		spin_unlock(&tty->termios_lock);
		return copy_to_user(p, &ws, sizeof(ws)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		return tiocswinsz(tty, arg);
	case TCFLSH:
		return tty_perform_flush(tty, arg);
	case TCSBRK:	/* tcdrain; a break (arg 0) the UART does not send */
		return tty_check_change(tty);
	case TIOCOUTQ:
		n = 0;
		return copy_to_user(p, &n, sizeof(n)) ? -EFAULT : 0;
	case FIONREAD:
		n = n_tty_inq(tty);
		return copy_to_user(p, &n, sizeof(n)) ? -EFAULT : 0;
	}
	return -ENOIOCTLCMD;
}
