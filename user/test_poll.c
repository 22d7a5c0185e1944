/* test_poll: waiting for I/O with poll(2), ppoll, select(2) and pselect
 * as the man pages describe them: pipes (POLLIN, POLLOUT, POLLHUP,
 * POLLERR), regular files and /dev/null (always ready), POLLNVAL, zero,
 * finite and endless timeouts (select and pselect write back the time
 * left), a writer in another process waking the waiter, ppoll's signal
 * mask, and the errors (EFAULT, EINVAL, EBADF). `test_poll tty` waits for
 * a line typed on the terminal. Passes on a Linux host too. */
#include "check.h"
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char buf[256];

static long ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 +
	       (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/* A child that writes "late" into fd after ms milliseconds. */
static pid_t write_later(int *fds, int ms)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		usleep(ms * 1000);
		_exit(write(fds[1], "late", 4) != 4);
	}
	return pid;
}

static void poll_pipes(void)
{
	struct pollfd p[2];
	struct timespec t0;
	int fds[2], status = -1;
	long ms;
	pid_t pid;

	check(pipe(fds) == 0, "pipe", NULL);
	p[0] = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	p[1] = (struct pollfd){ .fd = fds[1], .events = POLLOUT };
	check(poll(p, 1, 0) == 0 && p[0].revents == 0,
	      "an empty pipe: nothing to read, timeout 0 returns 0", NULL);
	check(poll(p + 1, 1, 0) == 1 && p[1].revents == POLLOUT,
	      "its write end: POLLOUT", NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	check(poll(p, 1, 150) == 0, "a 150 ms timeout returns 0", NULL);
	ms = ms_since(&t0);
	snprintf(buf, sizeof(buf), "%ld ms", ms);
	check(ms >= 140 && ms < 5000, "after about 150 ms", buf);
	check(write(fds[1], "x", 1) == 1 && poll(p, 2, -1) == 2 &&
	      p[0].revents == POLLIN && p[1].revents == POLLOUT,
	      "a byte in: POLLIN on the read end, both counted", NULL);
	check(read(fds[0], buf, 1) == 1, "read it", NULL);

	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = write_later(fds, 100);
	p[0].revents = -1;
	check(poll(p, 1, -1) == 1 && p[0].revents == POLLIN,
	      "a writer in another process wakes an endless poll", NULL);
	ms = ms_since(&t0);
	snprintf(buf, sizeof(buf), "%ld ms", ms);
	check(ms >= 90, "when it writes (100 ms later)", buf);
	waitpid(pid, &status, 0);
	check(read(fds[0], buf, 4) == 4, "the late bytes", NULL);

	close(fds[1]);
	check(poll(p, 1, -1) == 1 && p[0].revents == POLLHUP,
	      "every writer gone: POLLHUP (even if not asked)", NULL);
	check(pipe(fds) == 0, "pipe", NULL);
	close(fds[0]);
	p[1].fd = fds[1];
	check(poll(p + 1, 1, 0) == 1 && (p[1].revents & POLLERR),
	      "every reader gone: POLLERR on the write end", NULL);
	close(fds[1]);
}

static void poll_other_files(void)
{
	volatile unsigned long bad = 16;	/* opaque to the compiler */
	static struct pollfd many[65];
	struct pollfd p[4];
	struct rlimit rl, small;
	int fd = open("/dev/null", O_RDWR), file, closed;

	snprintf(buf, sizeof(buf), "/tmp/poll.%d", getpid());
	file = open(buf, O_RDWR | O_CREAT, 0600);
	unlink(buf);
	closed = dup(0);
	close(closed);
	p[0] = (struct pollfd){ .fd = fd, .events = POLLIN | POLLOUT };
	p[1] = (struct pollfd){ .fd = file, .events = POLLIN | POLLOUT };
	p[2] = (struct pollfd){ .fd = closed, .events = POLLIN };
	p[3] = (struct pollfd){ .fd = -1, .events = POLLIN, .revents = 7 };
	check(poll(p, 4, -1) == 3, "3 of 4 ready at once", NULL);
	check(p[0].revents == (POLLIN | POLLOUT),
	      "/dev/null is readable and writable", NULL);
	check(p[1].revents == (POLLIN | POLLOUT),
	      "so is a regular file", NULL);
	check(p[2].revents == POLLNVAL, "a closed fd: POLLNVAL", NULL);
	check(p[3].revents == 0, "a negative fd is skipped, revents 0", NULL);
	check_errno(poll((struct pollfd *)bad, 1, 0), EFAULT,
		    "poll of a bad pointer: EFAULT");
	getrlimit(RLIMIT_NOFILE, &rl);
	small = rl;
	small.rlim_cur = 64;
	setrlimit(RLIMIT_NOFILE, &small);
	check_errno(poll(many, 65, 0), EINVAL,
		    "more fds than RLIMIT_NOFILE: EINVAL");
	setrlimit(RLIMIT_NOFILE, &rl);
	close(fd);
	close(file);
}

static void ppoll_cases(void)
{
	struct timespec ts = { 0, 50 * 1000000 }, bad = { 0, 1000000000 };
	struct pollfd p;
	sigset_t set, none;
	int fds[2], status = -1;
	pid_t pid;

	check(pipe(fds) == 0, "pipe", NULL);
	p = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	check(ppoll(&p, 1, &ts, NULL) == 0, "ppoll with 50 ms: 0", NULL);
	check_errno(ppoll(&p, 1, &bad, NULL), EINVAL,
		    "ppoll with tv_nsec = 10^9: EINVAL");
	sigemptyset(&none);
	check_errno(syscall(SYS_ppoll, &p, 1, &ts, &none, 4), EINVAL,
		    "ppoll with a sigsetsize not the kernel's: EINVAL");

	/* The child blocks SIGUSR1 but waits with it unblocked: the
	 * signal sent meanwhile ends the wait (and, with no handler, the
	 * child). */
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		sigemptyset(&set);
		sigaddset(&set, SIGUSR1);
		sigprocmask(SIG_BLOCK, &set, NULL);
		ppoll(&p, 1, NULL, &none);
		_exit(0);
	}
	usleep(100 * 1000);
	kill(pid, SIGUSR1);
	waitpid(pid, &status, 0);
	check(WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1,
	      "ppoll waits with its mask: a signal it unblocks gets in", NULL);
	close(fds[0]);
	close(fds[1]);
}

static void select_cases(void)
{
	struct timeval tv;
	struct timespec ts;
	struct timespec t0;
	volatile unsigned long bad = 16;
	fd_set rd, wr;
	int fds[2], closed;
	long ms;

	check(pipe(fds) == 0, "pipe", NULL);
	closed = dup(0);
	close(closed);
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(fds[0], &rd);
	FD_SET(fds[1], &wr);
	tv = (struct timeval){ 0, 0 };
	check(select(fds[1] + 1, &rd, &wr, NULL, &tv) == 1 &&
	      !FD_ISSET(fds[0], &rd) && FD_ISSET(fds[1], &wr),
	      "select: the write end ready, the read end not", NULL);
	FD_SET(fds[0], &rd);
	tv = (struct timeval){ 0, 150000 };
	clock_gettime(CLOCK_MONOTONIC, &t0);
	check(select(fds[0] + 1, &rd, NULL, NULL, &tv) == 0 &&
	      !FD_ISSET(fds[0], &rd), "select with 150 ms: 0, set cleared",
	      NULL);
	ms = ms_since(&t0);
	snprintf(buf, sizeof(buf), "%ld ms, %ld.%06ld left", ms,
		 (long)tv.tv_sec, (long)tv.tv_usec);
	check(ms >= 140 && tv.tv_sec == 0 && tv.tv_usec == 0,
	      "after 150 ms, with the time left written back: 0", buf);
	check(write(fds[1], "x", 1) == 1, "write a byte", NULL);
	FD_SET(fds[0], &rd);
	tv = (struct timeval){ 10, 0 };
	check(select(fds[0] + 1, &rd, NULL, NULL, &tv) == 1 &&
	      FD_ISSET(fds[0], &rd) && tv.tv_sec >= 8 && tv.tv_sec <= 10,
	      "select sees it at once and leaves most of 10 s", NULL);
	FD_SET(fds[0], &rd);
	ts = (struct timespec){ 1, 0 };
	check(pselect(fds[0] + 1, &rd, NULL, NULL, &ts, NULL) == 1 &&
	      FD_ISSET(fds[0], &rd), "pselect sees it too", NULL);
	FD_ZERO(&rd);
	FD_SET(closed, &rd);
	tv = (struct timeval){ 0, 0 };
	check_errno(select(closed + 1, &rd, NULL, NULL, &tv), EBADF,
		    "select on a closed fd: EBADF");
	check_errno(select(-1, NULL, NULL, NULL, &tv), EINVAL,
		    "select with n < 0: EINVAL");
	tv = (struct timeval){ 0, -1 };
	check_errno(select(0, NULL, NULL, NULL, &tv), EINVAL,
		    "select with a negative time: EINVAL");
	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	tv = (struct timeval){ 0, 0 };
	check_errno(select(fds[0] + 1, (fd_set *)bad, NULL, NULL, &tv), EFAULT,
		    "select with a bad set pointer: EFAULT");
	tv = (struct timeval){ 0, 50000 };
	check(select(0, NULL, NULL, NULL, &tv) == 0,
	      "select with no fds sleeps and returns 0", NULL);
	close(fds[0]);
	close(fds[1]);
}

/* Wait up to 20 s for a line typed on the terminal. */
static int tty_line(void)
{
	struct pollfd p = { .fd = 0, .events = POLLIN };
	ssize_t n;
	int ret;

	check(isatty(0), "stdin is a terminal", NULL);
	p.revents = -1;
	check(poll(&p, 1, 0) == 0 && p.revents == 0,
	      "nothing typed yet: not readable", NULL);
	p.fd = 1;
	p.events = POLLOUT;
	check(poll(&p, 1, 0) == 1 && p.revents == POLLOUT,
	      "the terminal is writable", NULL);
	printf("poll: type a line\n");
	fflush(stdout);
	p = (struct pollfd){ .fd = 0, .events = POLLIN };
	ret = poll(&p, 1, 20000);
	check(ret == 1 && p.revents == POLLIN, "a typed line wakes poll",
	      NULL);
	n = read(0, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = 0;
	printf("poll: read \"%.*s\"\n", (int)(n > 0 ? n - 1 : 0), buf);
	return check_summary();
}

int main(int argc, char **argv)
{
	long before, after;

	check_prog = "poll";
	if (argc > 1 && !strcmp(argv[1], "tty"))
		return tty_line();
	poll_pipes();
	before = meminfo_free_pages();
	poll_other_files();
	ppoll_cases();
	select_cases();
	after = meminfo_free_pages();
	if (before >= 0) {
		char detail[64];

		snprintf(detail, sizeof(detail), "%ld before, %ld after",
			 before, after);
		check(before == after, "every page came back", detail);
	}
	return check_summary();
}
