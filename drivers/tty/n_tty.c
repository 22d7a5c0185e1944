/*
 * N_TTY, the line discipline between a terminal's driver and read(2) and
 * write(2) (Linux's drivers/tty/n_tty.c, in its simplest true form).
 *
 * Input: typed bytes arrive from flush_to_ldisc (a kernel thread) in
 * n_tty_receive_buf, which applies the termios: the input maps (ICRNL,
 * INLCR, IGNCR), ISIG (the interrupt, quit and suspend characters send
 * SIGINT, SIGQUIT, SIGTSTP to the foreground process group, flushing
 * input unless NOFLSH), canonical editing (ICANON: erase, word erase,
 * kill, literal next, reprint, lines ended by newline, EOL or EOF) and
 * echo (ECHO, ECHOE, ECHOK, ECHOKE, ECHONL, ECHOCTL's ^C). The bytes go
 * into read_buf; in canonical mode those before canon_head are finished
 * lines and the rest is the line being edited.
 *
 * Read: a line at a time in canonical mode; otherwise by VMIN and VTIME
 * (the four cases of termios(3)). Write: OPOST's output maps (ONLCR,
 * OCRNL). A background process reading gets SIGTTIN, writing under
 * TOSTOP SIGTTOU (tty_jobctrl.c decides).
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/tty.h>
#include <linux/wait.h>

#define N_TTY_BUF_SIZE 4096
#define __DISABLED_CHAR '\0'	/* a c_cc[] entry of 0 is switched off */

/* read_flags[] marks, per byte of read_buf */
#define LINE_END 1	/* the last byte of a canonical line */
#define EOF_MARK 2	/* ... which is the EOF character: not returned */

struct n_tty_data {
	/* Free-running indices into read_buf: read_tail (next byte for
	 * read) <= canon_head (end of finished lines) <= read_head. */
	unsigned int read_head, canon_head, read_tail;
	bool lnext;	/* the next byte is literal (VLNEXT) */
	bool icanon;	/* canonical mode, as last set */
	unsigned char read_buf[N_TTY_BUF_SIZE];
	unsigned char read_flags[N_TTY_BUF_SIZE];
};

static struct n_tty_data console_ldata;

#define RB(ld, i) ((ld)->read_buf[(i) % N_TTY_BUF_SIZE])
#define RF(ld, i) ((ld)->read_flags[(i) % N_TTY_BUF_SIZE])

static unsigned int read_cnt(struct n_tty_data *ldata)
{
	return ldata->read_head - ldata->read_tail;
}

/* Is c the enabled special character cc[idx]? */
static bool is_char(struct tty_struct *tty, unsigned char c, int idx)
{
	unsigned char cc = tty->termios.c_cc[idx];

	return cc != __DISABLED_CHAR && c == cc;
}

/* --- Output: what write(2) and echo send to the driver ---------------- */

/* Send buf through OPOST's maps (output_lock held). */
static void do_output(struct tty_struct *tty, unsigned int oflag,
		      const unsigned char *buf, unsigned int n)
{
	unsigned char out[128];
	unsigned int i, len = 0;

	if (!(oflag & OPOST)) {
		tty->ops->write(tty, buf, n);
		return;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = buf[i];

		if (len + 2 > sizeof(out)) {
			tty->ops->write(tty, out, len);
			len = 0;
		}
		if (c == '\n' && (oflag & ONLCR))
			out[len++] = '\r';
		else if (c == '\r' && (oflag & OCRNL))
			c = '\n';
		out[len++] = c;
	}
	if (len)
		tty->ops->write(tty, out, len);
}

/* Echo (termios_lock held; output_lock nests inside it). */
static void echo_raw(struct tty_struct *tty, const char *s, unsigned int n)
{
	spin_lock(&tty->output_lock);
	do_output(tty, tty->termios.c_oflag, (const unsigned char *)s, n);
	spin_unlock(&tty->output_lock);
}

/* A typed byte as echo shows it: control characters as ^X under ECHOCTL
 * (but a tab as itself), as Linux's echo_char. */
static void echo_char(struct tty_struct *tty, unsigned char c)
{
	char ctl[2] = { '^', (char)(c ^ 0100) };

	if (L_FLAG(tty, ECHOCTL) && (c < 0x20 || c == 0x7f) && c != '\t')
		echo_raw(tty, ctl, 2);
	else
		echo_raw(tty, (char *)&c, 1);
}

/* How many columns echo_char used for c (for erasing it). */
static unsigned int echo_width(struct tty_struct *tty, unsigned char c)
{
	if (L_FLAG(tty, ECHOCTL) && (c < 0x20 || c == 0x7f) && c != '\t')
		return 2;
	return 1;
}

/* --- Input -------------------------------------------------------------- */

static void put_tty_queue(struct n_tty_data *ldata, unsigned char c,
			  unsigned char flag)
{
	RF(ldata, ldata->read_head) = flag;
	RB(ldata, ldata->read_head++) = c;
}

/* Forget every byte typed and not read (TCIFLUSH, ISIG, TCSETSF). */
static void reset_buffer_flags(struct n_tty_data *ldata)
{
	ldata->read_tail = ldata->canon_head = ldata->read_head;
	ldata->lnext = false;
}

/* Erase the last character, word (VWERASE) or the whole edit line
 * (VKILL), echoing the erasure as ECHOE / ECHOK / ECHOKE ask. */
static void eraser(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ldata = tty->disc_data;
	bool kill = is_char(tty, c, VKILL);
	bool werase = !kill && is_char(tty, c, VWERASE);
	bool seen_alnum = false;

	if (ldata->read_head == ldata->canon_head)
		return;
	if (kill && (!L_FLAG(tty, ECHO) || !L_FLAG(tty, ECHOK) ||
		     !L_FLAG(tty, ECHOKE) || !L_FLAG(tty, ECHOE))) {
		/* Kill without visual erase: show the kill char, then a
		 * newline under ECHOK. */
		ldata->read_head = ldata->canon_head;
		if (L_FLAG(tty, ECHO)) {
			echo_char(tty, c);
			if (L_FLAG(tty, ECHOK))
				echo_raw(tty, "\n", 1);
		}
		return;
	}
	while (ldata->read_head != ldata->canon_head) {
		unsigned char e = RB(ldata, ldata->read_head - 1);
		bool word = (e >= '0' && e <= '9') || (e >= 'a' && e <= 'z') ||
			    (e >= 'A' && e <= 'Z') || e == '_';

		if (werase) {
			if (word)
				seen_alnum = true;
			else if (seen_alnum)
				break;
		}
		ldata->read_head--;
		if (L_FLAG(tty, ECHO)) {
			if (L_FLAG(tty, ECHOE)) {
				unsigned int w = echo_width(tty, e);

				while (w--)
					echo_raw(tty, "\b \b", 3);
			} else {
				echo_char(tty, c);	/* show the erase char */
			}
		}
		if (!kill && !werase)
			break;
	}
}

/* End a canonical line with c (newline, EOL or the EOF marker). */
static void handle_newline(struct tty_struct *tty, unsigned char c,
			   unsigned char flag)
{
	struct n_tty_data *ldata = tty->disc_data;

	put_tty_queue(ldata, c, flag);
	ldata->canon_head = ldata->read_head;
}

/* ISIG's characters (Linux's isig): the signal to send (0 if c is none
 * of them). The input is flushed first unless NOFLSH, and c echoed (^C);
 * the caller sends the signal once termios_lock is dropped. */
static noinline int isig(struct tty_struct *tty, unsigned char c)
{
	int sig = 0;

	if (is_char(tty, c, VINTR))
		sig = SIGINT;
	else if (is_char(tty, c, VQUIT))
		sig = SIGQUIT;
	else if (is_char(tty, c, VSUSP))
		sig = SIGTSTP;
	if (!sig)
		return 0;
	if (!L_FLAG(tty, NOFLSH))
		reset_buffer_flags(tty->disc_data);
	if (L_FLAG(tty, ECHO))
		echo_char(tty, c);
	return sig;
}

/* One typed byte (termios_lock held); returns a signal to send to the
 * foreground process group, or 0. Linux's n_tty_receive_char_special. */
static noinline int n_tty_receive_char(struct tty_struct *tty,
				       unsigned char c)
{
	struct n_tty_data *ldata = tty->disc_data;
	bool canon = L_FLAG(tty, ICANON);
	int sig;

	if (I_FLAG(tty, ISTRIP))
		c &= 0x7f;
	if (ldata->lnext) {
		ldata->lnext = false;
		goto ordinary;
	}
	if (c == '\r') {
		if (I_FLAG(tty, IGNCR))
			return 0;
		if (I_FLAG(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && I_FLAG(tty, INLCR)) {
		c = '\r';
	}
	if (L_FLAG(tty, ISIG) && (sig = isig(tty, c)))
		return sig;
	if (canon) {
		if (is_char(tty, c, VERASE) || is_char(tty, c, VKILL) ||
		    (is_char(tty, c, VWERASE) && L_FLAG(tty, IEXTEN))) {
			eraser(tty, c);
			return 0;
		}
		if (is_char(tty, c, VLNEXT) && L_FLAG(tty, IEXTEN)) {
			ldata->lnext = true;
			if (L_FLAG(tty, ECHO) && L_FLAG(tty, ECHOCTL))
				echo_raw(tty, "^\b", 2);
			return 0;
		}
		if (is_char(tty, c, VREPRINT) && L_FLAG(tty, ECHO) &&
		    L_FLAG(tty, IEXTEN)) {
			unsigned int i;

			echo_char(tty, c);
			echo_raw(tty, "\n", 1);
			for (i = ldata->canon_head; i != ldata->read_head; i++)
				echo_char(tty, RB(ldata, i));
			return 0;
		}
		if (read_cnt(ldata) >= N_TTY_BUF_SIZE)
			return 0;	/* full: even a line end is lost */
		if (c == '\n') {
			if (L_FLAG(tty, ECHO) || L_FLAG(tty, ECHONL))
				echo_raw(tty, "\n", 1);
			handle_newline(tty, c, LINE_END);
			return 0;
		}
		if (is_char(tty, c, VEOF)) {
			handle_newline(tty, __DISABLED_CHAR,
				       LINE_END | EOF_MARK);
			return 0;
		}
		if (is_char(tty, c, VEOL) ||
		    (is_char(tty, c, VEOL2) && L_FLAG(tty, IEXTEN))) {
			if (L_FLAG(tty, ECHO))
				echo_char(tty, c);
			handle_newline(tty, c, LINE_END);
			return 0;
		}
	}
ordinary:
	/* Canonical mode keeps one byte free for the line's end. */
	if (read_cnt(ldata) >= N_TTY_BUF_SIZE - (canon ? 1 : 0))
		return 0;
	if (L_FLAG(tty, ECHO))
		echo_char(tty, c);
	put_tty_queue(ldata, c, 0);
	return 0;
}

/* Can a reader (or, for poll, a poller) go on? termios_lock held. */
static bool input_available_p(struct tty_struct *tty, bool poll)
{
	struct n_tty_data *ldata = tty->disc_data;
	unsigned int amt = 1;

	if (ldata->icanon)
		return ldata->canon_head != ldata->read_tail;
	if (poll && !tty->termios.c_cc[VTIME] && tty->termios.c_cc[VMIN])
		amt = tty->termios.c_cc[VMIN];
	return read_cnt(ldata) >= amt;
}

/* Bytes from the driver, in process context (flush_to_ldisc). A signal
 * is sent with no lock held, after the byte's echo. */
void n_tty_receive_buf(struct tty_struct *tty, const unsigned char *cp,
		       unsigned int count)
{
	bool wake = false;

	while (count--) {
		int sig;

		spin_lock(&tty->termios_lock);
		sig = n_tty_receive_char(tty, *cp++);
		wake |= input_available_p(tty, false);
		spin_unlock(&tty->termios_lock);
		if (sig)
			tty_signal_pgrp(tty, sig);
	}
	if (wake)
		wake_up(&tty->read_wait);
}

/* --- read(2) ------------------------------------------------------------ */

/* Copy at most one canonical line (or what fits); termios_lock held.
 * The EOF marker ends the line but is not returned. */
static size_t canon_copy(struct n_tty_data *ldata, char *kb, size_t nr)
{
	size_t n = 0;

	while (n < nr && ldata->read_tail != ldata->canon_head) {
		unsigned char c = RB(ldata, ldata->read_tail);
		unsigned char flag = RF(ldata, ldata->read_tail);

		ldata->read_tail++;
		if (flag & EOF_MARK)
			break;
		kb[n++] = c;
		if (flag & LINE_END)
			break;
	}
	return n;
}

static size_t raw_copy(struct n_tty_data *ldata, char *kb, size_t nr)
{
	size_t n = 0;

	while (n < nr && ldata->read_tail != ldata->read_head)
		kb[n++] = RB(ldata, ldata->read_tail++);
	ldata->canon_head = ldata->read_tail;	/* nothing is a line */
	return n;
}

/*
 * Linux's n_tty_read. Non-canonical reads follow VMIN (minimum) and
 * VTIME (tenths of a second): MIN > 0, TIME = 0 waits for MIN bytes;
 * MIN = 0, TIME > 0 waits at most TIME for the first byte; MIN > 0,
 * TIME > 0 waits for the first byte, then at most TIME between bytes;
 * MIN = 0, TIME = 0 takes what is there. A signal ends the wait with
 * -ERESTARTSYS when nothing was read. TIME is kept as an absolute end in
 * nanoseconds (schedule_hrtimeout), so it never runs out early.
 */
ssize_t n_tty_read(struct tty_struct *tty, struct file *file, char *kbuf,
		   size_t nr)
{
	struct n_tty_data *ldata = tty->disc_data;
	u64 end = 0, time = 0;	/* ns; timed: end applies */
	size_t minimum = 0, copied = 0;
	bool timed = false;
	DEFINE_WAIT(wait);
	ssize_t retval;

	retval = __tty_check_change(tty, SIGTTIN);	/* job control */
	if (retval)
		return retval;
	spin_lock(&tty->termios_lock);
	if (!ldata->icanon) {
		minimum = tty->termios.c_cc[VMIN];
		time = tty->termios.c_cc[VTIME] * (NSEC_PER_SEC / 10);
		if (!minimum) {
			timed = true;	/* at most TIME for the first byte */
			end = ktime_get_ns() + time;
			time = 0;
			minimum = 1;
		}
	}
	spin_unlock(&tty->termios_lock);

	retval = 0;
	while (nr) {
		size_t n;

		prepare_to_wait(&tty->read_wait, &wait, TASK_INTERRUPTIBLE);
		spin_lock(&tty->termios_lock);
		if (!input_available_p(tty, false)) {
			spin_unlock(&tty->termios_lock);
			if (timed && ktime_get_ns() >= end)
				break;	/* VTIME ran out */
			if (file->f_flags & O_NONBLOCK) {
				retval = -EAGAIN;
				break;
			}
			if (signal_pending(current)) {
				retval = -ERESTARTSYS;
				break;
			}
			if (timed)
				schedule_hrtimeout(end);
			else
				schedule();
			continue;
		}
		if (ldata->icanon) {
			copied += canon_copy(ldata, kbuf + copied, nr);
			spin_unlock(&tty->termios_lock);
			break;	/* one line per read */
		}
		n = raw_copy(ldata, kbuf + copied, nr);
		spin_unlock(&tty->termios_lock);
		copied += n;
		nr -= n;
		if (copied >= minimum)
			break;
		if (time) {	/* VTIME: between bytes */
			timed = true;
			end = ktime_get_ns() + time;
		}
	}
	finish_wait(&tty->read_wait, &wait);
	return copied ? (ssize_t)copied : retval;
}

/* --- write(2), poll(2), ioctls ----------------------------------------- */

/* Linux's n_tty_write: under TOSTOP a background writer gets SIGTTOU
 * (tty_check_change); the bytes go out through OPOST's maps. */
ssize_t n_tty_write(struct tty_struct *tty, struct file *file,
		    const unsigned char *buf, size_t nr)
{
	unsigned int oflag;
	size_t done = 0;
	int retval;

	(void)file;
	if (L_FLAG(tty, TOSTOP)) {
		retval = tty_check_change(tty);
		if (retval)
			return retval;
	}
	spin_lock(&tty->termios_lock);
	oflag = tty->termios.c_oflag;	/* output_lock is taken alone */
	spin_unlock(&tty->termios_lock);
	while (done < nr) {
		size_t n = nr - done < 512 ? nr - done : 512;

		spin_lock(&tty->output_lock);
		do_output(tty, oflag, buf + done, n);
		spin_unlock(&tty->output_lock);
		done += n;
		cond_resched();
	}
	return nr;
}

/* Readable once read would not wait (a line, or VMIN bytes when VTIME
 * is 0); a write to the terminal never waits. */
unsigned int n_tty_poll(struct tty_struct *tty, struct file *file,
			struct poll_table_struct *wait)
{
	unsigned int mask = POLLOUT | POLLWRNORM;

	poll_wait(file, &tty->read_wait, wait);
	spin_lock(&tty->termios_lock);
	if (input_available_p(tty, true))
		mask |= POLLIN | POLLRDNORM;
	spin_unlock(&tty->termios_lock);
	return mask;
}

/*
 * The termios changed (termios_lock held; old: the previous one). When
 * ICANON goes off, the half-edited line becomes readable bytes; when it
 * comes on, the bytes waiting become one line (Linux does the same).
 */
void n_tty_set_termios(struct tty_struct *tty, const struct termios *old)
{
	struct n_tty_data *ldata = tty->disc_data;

	if (!old || ((old->c_lflag ^ tty->termios.c_lflag) & ICANON)) {
		unsigned int i;

		for (i = ldata->read_tail; i != ldata->read_head; i++)
			RF(ldata, i) = 0;
		if (!L_FLAG(tty, ICANON) || !read_cnt(ldata)) {
			ldata->canon_head = ldata->read_tail;
		} else {
			RF(ldata, ldata->read_head - 1) = LINE_END;
			ldata->canon_head = ldata->read_head;
		}
		ldata->lnext = false;
	}
	ldata->icanon = L_FLAG(tty, ICANON) != 0;
}

/* TCIFLUSH: drop what was typed and not read (termios_lock held). */
void n_tty_flush_buffer(struct tty_struct *tty)
{
	reset_buffer_flags(tty->disc_data);
}

/* FIONREAD: bytes a read could return (the EOF markers of finished lines
 * do not count; in canonical mode the line being edited neither). */
unsigned int n_tty_inq(struct tty_struct *tty)
{
	struct n_tty_data *ldata = tty->disc_data;
	unsigned int i, n = 0;

	spin_lock(&tty->termios_lock);
	if (!ldata->icanon) {
		n = read_cnt(ldata);
	} else {
		for (i = ldata->read_tail; i != ldata->canon_head; i++)
			if (!(RF(ldata, i) & EOF_MARK))
				n++;
	}
	spin_unlock(&tty->termios_lock);
	return n;
}

/* Attach the line discipline to tty (once, at registration). */
void n_tty_open(struct tty_struct *tty)
{
	tty->disc_data = &console_ldata;	/* the only terminal */
	reset_buffer_flags(tty->disc_data);
	n_tty_set_termios(tty, NULL);
}
