/*
 * test_termios: the terminal as termios(3) and tty_ioctl(4) describe it,
 * from the inside. `test_termios ioctls` checks what needs no typing
 * (job control ioctls and their errnos, the window size and SIGWINCH,
 * FIONREAD, a background process touching the terminal). The other modes
 * print a line, then read what a person (tests/test_jobs.py, through
 * pexpect) types, and print what read(2) returned:
 *
 *   raw     ICANON off, VMIN 1: each byte as typed; ICRNL, INLCR, IGNCR
 *   vmin    VMIN 3, VTIME 0: read waits for three bytes
 *   vtime   the VTIME cases: a timeout, a poll, the inter-byte timer
 *   noecho  ECHO off (a password), then ECHONL
 *   output  OPOST with ONLCR, without OPOST, with OCRNL
 *   flush   FIONREAD sees a typed line, TCSAFLUSH throws it away
 *   line    canonical lines: erase, kill, word erase (until "end")
 *
 * Each mode puts the terminal back as it found it. Run it on Linux in a
 * pseudo-terminal (pexpect) and on Clonix at MenuOS: the same output.
 */
#include "check.h"

#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>

static struct termios saved;

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void set_mode(int lflag_off, int lflag_on, int vmin, int vtime)
{
	struct termios t = saved;

	t.c_lflag &= ~lflag_off;
	t.c_lflag |= lflag_on;
	t.c_cc[VMIN] = vmin;
	t.c_cc[VTIME] = vtime;
	tcsetattr(0, TCSANOW, &t);
}

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fflush(stdout);
}

static int mode_raw(void)
{
	struct termios t;
	unsigned char c;
	int i;

	set_mode(ICANON | ECHO, 0, 1, 0);
	say("raw ready\n");
	for (i = 0; i < 2; i++)	/* 'a', then CR (ICRNL: 0a) */
		if (read(0, &c, 1) == 1)
			say("got %02x\n", c);
	tcgetattr(0, &t);
	t.c_iflag = (t.c_iflag & ~ICRNL) | INLCR;
	tcsetattr(0, TCSANOW, &t);
	say("inlcr ready\n");
	for (i = 0; i < 2; i++)	/* CR stays 0d, LF becomes 0d */
		if (read(0, &c, 1) == 1)
			say("got %02x\n", c);
	t.c_iflag = (t.c_iflag & ~INLCR) | IGNCR;
	tcsetattr(0, TCSANOW, &t);
	say("igncr ready\n");
	if (read(0, &c, 1) == 1)	/* CR ignored, then 'z' */
		say("got %02x\n", c);
	return 0;
}

static int mode_vmin(void)
{
	char buf[16];
	ssize_t n;

	set_mode(ICANON | ECHO, 0, 3, 0);
	say("vmin ready\n");
	n = read(0, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = 0;
	say("read %zd: %s\n", n, buf);
	return 0;
}

static int mode_vtime(void)
{
	char buf[16];
	ssize_t n;
	long t0;

	set_mode(ICANON | ECHO, 0, 0, 5);	/* MIN 0, TIME 0.5 s */
	t0 = now_ms();
	n = read(0, buf, sizeof(buf));
	say("timeout read %zd after %ld ms\n", n, now_ms() - t0);
	set_mode(ICANON | ECHO, 0, 0, 0);	/* MIN 0, TIME 0: a poll */
	t0 = now_ms();
	n = read(0, buf, sizeof(buf));
	say("poll read %zd after %ld ms\n", n, now_ms() - t0);
	set_mode(ICANON | ECHO, 0, 2, 5);	/* MIN 2, TIME 0.5 s apart */
	say("interbyte ready\n");
	t0 = now_ms();
	n = read(0, buf, sizeof(buf));
	say("interbyte read %zd\n", n);
	set_mode(ICANON | ECHO, 0, 0, 50);	/* MIN 0, TIME 5 s */
	say("first ready\n");
	t0 = now_ms();
	n = read(0, buf, sizeof(buf));
	say("first read %zd: %c after %s\n", n, n > 0 ? buf[0] : '-',
	    now_ms() - t0 < 4000 ? "less than 4 s" : "the timeout");
	return 0;
}

static int mode_noecho(void)
{
	char line[64];

	set_mode(ECHO, 0, 1, 0);
	say("password:");
	if (fgets(line, sizeof(line), stdin))
		say("read %s", line);
	set_mode(ECHO, ECHONL, 1, 0);
	say("echonl:");
	if (fgets(line, sizeof(line), stdin))
		say("read %s", line);
	return 0;
}

static int mode_output(void)
{
	struct termios t = saved;

	say("[onlcr]A\nB\n");
	t.c_oflag &= ~OPOST;
	tcsetattr(0, TCSANOW, &t);
	say("[raw]C\nD\n");
	t.c_oflag = (t.c_oflag | OPOST | OCRNL) & ~ONLCR;
	tcsetattr(0, TCSANOW, &t);
	say("[ocrnl]E\rF\n");
	tcsetattr(0, TCSANOW, &saved);
	say("[done]\n");
	return 0;
}

static int mode_flush(void)
{
	char line[64];
	int n = 0, i;

	say("type ahead\n");
	for (i = 0; i < 500 && !n; i++) {	/* up to 5 s */
		struct timespec ts = { 0, 10000000 };

		ioctl(0, FIONREAD, &n);
		if (!n)
			nanosleep(&ts, NULL);
	}
	say("fionread %d\n", n);
	tcsetattr(0, TCSAFLUSH, &saved);
	ioctl(0, FIONREAD, &n);
	say("after flush %d\n", n);
	if (fgets(line, sizeof(line), stdin))
		say("read %s", line);
	return 0;
}

static int mode_line(void)
{
	char line[128];

	say("lines ready\n");
	while (fgets(line, sizeof(line), stdin)) {
		say("read [%.*s]\n", (int)strcspn(line, "\n"), line);
		if (!strncmp(line, "end", 3))
			break;
	}
	return 0;
}

/* --- ioctls: no typing needed ------------------------------------------ */

/* In a child: exit status 0 if fn says yes. */
static int in_child(int (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn());
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
}

/* A new session has no controlling terminal, and the console, taken by
 * another session, does not become one. */
static int new_session_child(void)
{
	pid_t pgrp;
	int fd;

	if (setsid() < 0)
		return 1;
	if (open("/dev/tty", O_RDWR) != -1 || errno != ENXIO)
		return 2;
	if (ioctl(0, TIOCGPGRP, &pgrp) != -1 || errno != ENOTTY)
		return 3;
	fd = open(ttyname(0) ? ttyname(0) : "/dev/console", O_RDWR);
	if (fd < 0 || open("/dev/tty", O_RDWR) != -1 || errno != ENXIO)
		return 4;
	if (ioctl(0, TIOCSCTTY, 0) != -1 || errno != EPERM)
		return 5;	/* another session has it */
	return 0;
}

static int not_leader_child(void)
{
	return ioctl(0, TIOCSCTTY, 0) == -1 && errno == EPERM ? 0 : 1;
}

/* In a background group: what the terminal lets through. */
static int background_child(void)
{
	struct termios t;
	char c;

	setpgid(0, 0);
	if (tcgetpgrp(0) == getpgrp())
		return 1;
	signal(SIGTTIN, SIG_IGN);
	if (read(0, &c, 1) != -1 || errno != EIO)
		return 2;	/* SIGTTIN ignored: EIO */
	signal(SIGTTOU, SIG_IGN);
	tcgetattr(0, &t);
	if (tcsetattr(0, TCSANOW, &t))
		return 3;	/* SIGTTOU ignored: allowed */
	t.c_lflag |= TOSTOP;
	if (tcsetattr(0, TCSANOW, &t) || write(1, "", 0) != 0 ||
	    write(1, "tostop write\n", 13) != 13)
		return 4;	/* TOSTOP, SIGTTOU ignored: allowed */
	t.c_lflag &= ~TOSTOP;
	tcsetattr(0, TCSANOW, &t);
	return 0;
}

/* A background read from an orphaned process group (nobody left in the
 * session to continue it) is EIO, not a SIGTTIN stop. */
static void test_orphaned_background_read(void)
{
	struct pollfd pfd;
	char r = '?';
	int p[2];
	pid_t c;

	if (pipe(p))
		return;
	c = fork();
	if (c == 0) {
		pid_t parent = getpid(), g = fork();

		if (g == 0) {
			char ch;
			int i;

			close(p[0]);
			setpgid(0, 0);
			for (i = 0; i < 300 && getppid() == parent; i++)
				usleep(10000);	/* until our parent is gone */
			signal(SIGTTIN, SIG_DFL);
			r = read(0, &ch, 1) == -1 && errno == EIO ? 'E' : 'x';
			write(p[1], &r, 1);
			_exit(0);
		}
		_exit(0);
	}
	close(p[1]);
	waitpid(c, NULL, 0);
	pfd.fd = p[0];
	pfd.events = POLLIN;
	if (poll(&pfd, 1, 5000) == 1)
		read(p[0], &r, 1);
	close(p[0]);
	check(r == 'E', "a background read from an orphaned group is EIO",
	      r == '?' ? "no answer in 5 s" : "not EIO");
}

/* A background read with SIGTTIN at its default stops the process. */
static void test_background_read_stops(void)
{
	int status, i;
	pid_t pid = fork();
	char c;

	if (pid == 0) {
		setpgid(0, 0);
		signal(SIGTTIN, SIG_DFL);
		read(0, &c, 1);
		_exit(9);
	}
	setpgid(pid, pid);
	for (i = 0; i < 300; i++) {	/* up to 3 s */
		struct timespec ts = { 0, 10000000 };

		if (waitpid(pid, &status, WUNTRACED | WNOHANG) == pid)
			break;
		nanosleep(&ts, NULL);
	}
	check(i < 300 && WIFSTOPPED(status) && WSTOPSIG(status) == SIGTTIN,
	      "a background read stops the process with SIGTTIN", NULL);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
}

static int mode_ioctls(void)
{
	struct winsize ws, big = { .ws_row = 50, .ws_col = 132 }, got;
	sigset_t set, pending;
	pid_t pgrp, sid, other;
	int p[2], n, fd;
	char d[96];

	check(ioctl(0, TIOCGPGRP, &pgrp) == 0 && pgrp == getpgrp(),
	      "TIOCGPGRP: we are the foreground group", NULL);
	check(tcgetpgrp(0) == getpgrp(), "tcgetpgrp agrees", NULL);
	check(ioctl(0, TIOCGSID, &sid) == 0 && sid == getsid(0),
	      "TIOCGSID is our session", NULL);
	check(tcsetpgrp(0, getpgrp()) == 0, "tcsetpgrp to ourselves", NULL);
	pgrp = -1;
	check_errno(ioctl(0, TIOCSPGRP, &pgrp), EINVAL,
		    "TIOCSPGRP with a negative group is EINVAL");
	check_errno(tcsetpgrp(0, 999999), ESRCH,
		    "tcsetpgrp to no such group is ESRCH");
	other = fork();
	if (other == 0) {
		setsid();
		pause();
		_exit(0);
	}
	for (n = 0; n < 100 && getsid(other) != other; n++)
		usleep(10000);
	check_errno(tcsetpgrp(0, other), EPERM,
		    "tcsetpgrp to a group of another session is EPERM");
	kill(other, SIGKILL);
	waitpid(other, NULL, 0);
	if (pipe(p) == 0) {
		check_errno(tcgetpgrp(p[0]), ENOTTY,
			    "tcgetpgrp on a pipe is ENOTTY");
		close(p[0]);
		close(p[1]);
	}
	fd = open("/dev/tty", O_RDWR);
	check(fd >= 0, "/dev/tty opens our controlling terminal", NULL);
	if (fd >= 0)
		close(fd);
	snprintf(d, sizeof(d), "verdict %d", in_child(new_session_child));
	check(!strcmp(d, "verdict 0"), "a new session: /dev/tty ENXIO, "
	      "TIOCGPGRP ENOTTY, opening the terminal does not take it, "
	      "TIOCSCTTY EPERM", d);
	check(in_child(not_leader_child) == 0,
	      "TIOCSCTTY by a process that is no session leader is EPERM",
	      NULL);
	snprintf(d, sizeof(d), "verdict %d", in_child(background_child));
	check(!strcmp(d, "verdict 0"), "background: read with SIGTTIN "
	      "ignored is EIO; tcsetattr, and a write under TOSTOP, with "
	      "SIGTTOU ignored work", d);
	test_orphaned_background_read();

	/* The window size, and SIGWINCH (blocked, so it stays pending). */
	sigemptyset(&set);
	sigaddset(&set, SIGWINCH);
	sigprocmask(SIG_BLOCK, &set, NULL);
	check(ioctl(0, TIOCGWINSZ, &ws) == 0 && ws.ws_row && ws.ws_col,
	      "TIOCGWINSZ", NULL);
	check(ioctl(0, TIOCSWINSZ, &big) == 0 &&
	      ioctl(0, TIOCGWINSZ, &got) == 0 && got.ws_row == 50 &&
	      got.ws_col == 132, "TIOCSWINSZ sets the size", NULL);
	sigpending(&pending);
	check(sigismember(&pending, SIGWINCH),
	      "a new size sends SIGWINCH to the foreground group", NULL);
	ioctl(0, TIOCSWINSZ, &ws);
	sigprocmask(SIG_UNBLOCK, &set, NULL);	/* ignored by default */

	check(ioctl(0, FIONREAD, &n) == 0 && n == 0,
	      "FIONREAD: nothing typed", NULL);
	check_errno(tcflush(0, 7), EINVAL, "TCFLSH with a bad queue is EINVAL");
	check(tcflush(0, TCIOFLUSH) == 0 && tcdrain(0) == 0,
	      "tcflush and tcdrain", NULL);
	test_background_read_stops();
	return check_summary();
}

int main(int argc, char *argv[])
{
	const char *mode = argc > 1 ? argv[1] : "ioctls";
	int ret = 2;

	check_prog = "test_termios";
	setvbuf(stdout, NULL, _IONBF, 0);
	if (tcgetattr(0, &saved)) {
		printf("test_termios: stdin is no terminal: %s\n",
		       strerror(errno));
		return 1;
	}
	if (!strcmp(mode, "ioctls"))
		ret = mode_ioctls();
	else if (!strcmp(mode, "raw"))
		ret = mode_raw();
	else if (!strcmp(mode, "vmin"))
		ret = mode_vmin();
	else if (!strcmp(mode, "vtime"))
		ret = mode_vtime();
	else if (!strcmp(mode, "noecho"))
		ret = mode_noecho();
	else if (!strcmp(mode, "output"))
		ret = mode_output();
	else if (!strcmp(mode, "flush"))
		ret = mode_flush();
	else if (!strcmp(mode, "line"))
		ret = mode_line();
	else
		printf("test_termios: unknown mode %s\n", mode);
	tcsetattr(0, TCSANOW, &saved);
	return ret;
}
