/*
 * The console tty's line discipline, in canonical mode with echo: typed
 * characters collect in an edit line (Backspace erases, Ctrl-U kills the
 * line, Enter or Ctrl-D ends it), completed lines wait in a buffer for a
 * reader. Runs in the UART interrupt on one side and in read(2) on the
 * other; the lock keeps the two apart.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <linux/tty.h>
#include <linux/poll.h>
#include <linux/wait.h>

#define TTY_BUF_SIZE 4096
#define EDIT_LINE_MAX 255
#define CTRL(c) ((c) & 0x1f)

static char read_buf[TTY_BUF_SIZE];	/* completed input, a ring */
static unsigned int read_head, read_tail;	/* free-running indices */
static unsigned int eof_pending;	/* Ctrl-D on an empty line */
static char edit_line[EDIT_LINE_MAX];
static unsigned int edit_len;
static DEFINE_SPINLOCK(tty_lock);
static DECLARE_WAIT_QUEUE_HEAD(tty_read_wait);
static void (*tty_output)(const char *s, unsigned int n);

void tty_set_output(void (*write)(const char *s, unsigned int n))
{
	tty_output = write;
}

void tty_write(const char *s, unsigned int n)
{
	if (tty_output)
		tty_output(s, n);
}

static void echo(const char *s, unsigned int n)
{
	tty_write(s, n);
}

/* Move the edit line (plus end) to the read buffer; lock held. */
static void commit_line(bool newline)
{
	unsigned int i, room = TTY_BUF_SIZE - (read_head - read_tail);

	if (edit_len + 1 > room) {
		/* Nobody is reading: drop the line, but say so. */
		echo("^[input overflow]\n", 18);
		edit_len = 0;
		return;
	}
	for (i = 0; i < edit_len; i++)
		read_buf[read_head++ % TTY_BUF_SIZE] = edit_line[i];
	if (newline)
		read_buf[read_head++ % TTY_BUF_SIZE] = '\n';
	else if (!edit_len)
		eof_pending++;
	edit_len = 0;
}

/* One byte from the keyboard (UART interrupt). */
void tty_receive_char(u8 c)
{
	unsigned long flags;
	bool wake = false;

	spin_lock_irqsave(&tty_lock, flags);
	if (c == '\r')
		c = '\n';	/* ICRNL */
	if (c == '\n') {
		echo("\n", 1);
		commit_line(true);
		wake = true;
	} else if (c == CTRL('D')) {
		commit_line(false);
		wake = true;
	} else if (c == 0x7f || c == CTRL('H')) {
		if (edit_len) {
			edit_len--;
			echo("\b \b", 3);
		}
	} else if (c == CTRL('U')) {
		while (edit_len) {
			edit_len--;
			echo("\b \b", 3);
		}
	} else if (edit_len < EDIT_LINE_MAX) {
		edit_line[edit_len++] = c;
		echo((char *)&c, 1);
	}
	spin_unlock_irqrestore(&tty_lock, flags);
	if (wake)
		wake_up(&tty_read_wait);
}

static bool input_available(void)
{
	return read_head != read_tail || eof_pending;
}

/* Linux's n_tty_poll: readable once a line (or Ctrl-D) is in; a write to
 * the console never waits. */
unsigned int n_tty_poll(struct file *f, poll_table *pt)
{
	poll_wait(f, &tty_read_wait, pt);
	return (input_available() ? POLLIN | POLLRDNORM : 0) |
	       POLLOUT | POLLWRNORM;
}

long tty_read(char *kbuf, unsigned long n)
{
	DEFINE_WAIT(wait);
	unsigned long flags, copied = 0;

	for (;;) {
		prepare_to_wait(&tty_read_wait, &wait, TASK_INTERRUPTIBLE);
		if (input_available())
			break;
		if (signal_pending(current)) {
			finish_wait(&tty_read_wait, &wait);
			return -EINTR;
		}
		schedule();
	}
	finish_wait(&tty_read_wait, &wait);

	spin_lock_irqsave(&tty_lock, flags);
	if (read_head == read_tail && eof_pending) {
		eof_pending--;
		spin_unlock_irqrestore(&tty_lock, flags);
		return 0;
	}
	while (copied < n && read_tail != read_head) {
		char c = read_buf[read_tail++ % TTY_BUF_SIZE];

		kbuf[copied++] = c;
		if (c == '\n')
			break;
	}
	spin_unlock_irqrestore(&tty_lock, flags);
	return copied;
}
