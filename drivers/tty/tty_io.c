/*
 * /dev/console as a file: read(2) and write(2) on the console
 * go to the tty line discipline; ioctl answers what libc asks a terminal
 * (TCGETS for isatty(), TIOCGWINSZ for the window size). Any other file
 * answers -ENOTTY to terminal ioctls, as on Linux.
 */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/sched.h>
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
