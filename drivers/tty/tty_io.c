/*
 * Terminals as files (Linux's drivers/tty/tty_io.c): /dev/console and
 * /dev/tty open the console's tty_struct (kept in file->private_data),
 * read(2), write(2) and poll(2) go to its line discipline (n_tty.c), and
 * ioctl(2) to the job-control ioctls (tty_jobctrl.c) or the settings
 * ioctls (tty_ioctl.c). Any other file answers -ENOTTY to a terminal
 * ioctl, as on Linux.
 */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/tty.h>

#define TTYAUX_MAJOR 5	/* /dev/tty is 5:0, /dev/console 5:1 */
#define TTY_DEV (TTYAUX_MAJOR << 8 | 0)

static struct tty_port console_port = {
	.lock = __SPIN_LOCK_UNLOCKED(console_port.lock),
};

/* The console: canonical mode with echo, 38400 8N1, ^C ^\ ^Z signals,
 * as Linux's tty_std_termios; 24x80 until someone says otherwise. */
struct tty_struct console_tty = {
	.name = "console",
	.dev = TTYAUX_MAJOR << 8 | 1,
	.port = &console_port,
	.termios = {
		.c_iflag = ICRNL | IXON,
		.c_oflag = OPOST | ONLCR,
		.c_cflag = B38400 | CS8 | CREAD,
		.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL |
			   ECHOKE | IEXTEN,
		.c_cc = { 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15,
			  23, 22 },
	},
	.winsize = { .ws_row = 24, .ws_col = 80 },
	.termios_lock = __SPIN_LOCK_UNLOCKED(console_tty.termios_lock),
	.ctrl_lock = __SPIN_LOCK_UNLOCKED(console_tty.ctrl_lock),
	.output_lock = __SPIN_LOCK_UNLOCKED(console_tty.output_lock),
	.read_wait = __WAIT_QUEUE_HEAD_INITIALIZER(console_tty.read_wait),
};

/* The driver (the UART) plugs in below the console (serial8250). */
void tty_register_console_driver(const struct tty_operations *ops)
{
	console_tty.ops = ops;
	n_tty_open(&console_tty);
}

static struct tty_struct *file_tty(struct file *f)
{
	return f->private_data;
}

/*
 * Opening /dev/tty reaches the controlling terminal (ENXIO without
 * one); opening the console without O_NOCTTY makes it the controlling
 * terminal of a session leader that has none (tty_open_proc_set_tty).
 */
static int tty_open(struct inode *inode, struct file *f)
{
	struct tty_struct *tty = &console_tty;

	tty_buffer_start_worker();
	if (inode->i_rdev == TTY_DEV) {
		tty = get_current_tty();
		if (!tty)
			return -ENXIO;
	}
	if (!tty->ops)
		return -ENODEV;
	f->private_data = tty;
	if (inode->i_rdev != TTY_DEV)
		tty_open_proc_set_tty(f, tty);
	return 0;
}

static ssize_t tty_read(struct file *f, char *kbuf, size_t n, loff_t *pos)
{
	(void)pos;
	return n_tty_read(file_tty(f), f, kbuf, n);
}

static ssize_t tty_write(struct file *f, const char *kbuf, size_t n,
			 loff_t *pos)
{
	(void)pos;
	return n_tty_write(file_tty(f), f, (const unsigned char *)kbuf, n);
}

static unsigned int tty_poll(struct file *f, poll_table *pt)
{
	return n_tty_poll(file_tty(f), f, pt);
}

static long tty_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file_tty(f);
	long retval;

	retval = tty_jobctrl_ioctl(tty, f, cmd, arg);
	if (retval != -ENOIOCTLCMD)
		return retval;
	retval = tty_mode_ioctl(tty, cmd, arg);
	return retval == -ENOIOCTLCMD ? -ENOTTY : retval;
}

const struct file_operations tty_fops = {
	.open = tty_open,
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
	.poll = tty_poll,
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
