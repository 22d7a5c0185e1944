/*
 * /dev/console and /dev/tty as files: read(2) and write(2) on the console
 * go to the tty line discipline; ioctl answers what libc asks a terminal
 * (TCGETS for isatty(), TIOCGWINSZ for the window size). Any other file
 * answers -ENOTTY to terminal ioctls, as on Linux.
 */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include <uapi/linux/termios.h>

/* What we report: canonical mode with echo, 38400 8N1, like a Linux tty. */
static struct termios console_termios = {
	.c_iflag = 0x0500,	/* ICRNL | IXON */
	.c_oflag = 0x0005,	/* OPOST | ONLCR */
	.c_cflag = 0x00bf,	/* B38400 | CS8 | CREAD */
	.c_lflag = 0x8a3b,	/* ISIG ICANON ECHO ECHOE ECHOK ECHOCTL ECHOKE IEXTEN */
	.c_cc = { 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22 },
};

#define TTYAUX_MAJOR 5	/* /dev/tty is 5:0, /dev/console 5:1 */
#define TTY_DEV (TTYAUX_MAJOR << 8 | 0)

struct tty_struct console_tty = {
	.name = "console",
	.dev = TTYAUX_MAJOR << 8 | 1,
};

/*
 * Opening /dev/tty reaches the controlling terminal (ENXIO without one).
 * Opening the console without O_NOCTTY makes it init's controlling
 * terminal, if init has none yet: Linux gives a session leader the tty it
 * opens, and init leads the only session Clonix has. (Linux never makes
 * /dev/console a controlling terminal; Clonix has no other terminal.)
 */
static int tty_open(struct inode *inode, struct file *f)
{
	struct signal_struct *sig = current->signal;

	if (inode->i_rdev == TTY_DEV)
		return sig->tty ? 0 : -ENXIO;
	if (!sig->tty && !(f->f_flags & O_NOCTTY) && is_global_init(current))
		sig->tty = &console_tty;
	return 0;
}

static ssize_t tty_file_read(struct file *f, char *kbuf, size_t n,
			     loff_t *pos)
{
	(void)pos;
	if ((f->f_flags & O_NONBLOCK) && !(n_tty_poll(f, NULL) & POLLIN))
		return -EAGAIN;
	return tty_read(kbuf, n);
}

static ssize_t tty_file_write(struct file *f, const char *kbuf, size_t n,
			      loff_t *pos)
{
	(void)f;
	(void)pos;
	tty_write(kbuf, n);
	return n;
}

static long tty_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	int pgrp;

	(void)f;
	switch (cmd) {
	case TCGETS:
		return copy_to_user((void *)arg, &console_termios,
				    sizeof(console_termios)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		/* Accepted and remembered; the line discipline stays
		 * canonical with echo (raw mode is not implemented). */
		return copy_from_user(&console_termios, (void *)arg,
				      sizeof(console_termios)) ? -EFAULT : 0;
	case TIOCGWINSZ:
		return copy_to_user((void *)arg, &ws, sizeof(ws)) ? -EFAULT : 0;
	case TIOCGPGRP:
		pgrp = current->tgid;
		return copy_to_user((void *)arg, &pgrp, sizeof(pgrp)) ? -EFAULT :
									 0;
	case TIOCSPGRP:
		return 0;
	default:
		return -ENOTTY;
	}
}

const struct file_operations tty_fops = {
	.open = tty_open,
	.read = tty_file_read,
	.write = tty_file_write,
	.ioctl = tty_ioctl,
	.poll = n_tty_poll,
};

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	ret = f->f_op->ioctl ? f->f_op->ioctl(f, cmd, arg) : -ENOTTY;
	fput(f);
	return ret;
}
