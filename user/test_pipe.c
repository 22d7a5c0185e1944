/* test_pipe: pipe(2), pipe2(2) and pipe(7) as the man pages describe
 * them: data in order, EOF once every writer has closed, EPIPE and
 * SIGPIPE once every reader has, O_NONBLOCK's EAGAIN and the 64 KiB
 * capacity, PIPE_BUF-sized writes never interleaved, FIONREAD, ESPIPE,
 * O_CLOEXEC, a pipe into an exec'd program, bad arguments, and every page
 * back after 100 pipes. Passes on a Linux host too. */
#include "check.h"
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static char buf[PIPE_BUF * 2];

/* Fork a child running fn(fds); the parent closes close_fd (-1: none). */
static pid_t start_child(void (*fn)(int *), int *fds, int close_fd)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		fn(fds);
		_exit(0);
	}
	if (close_fd >= 0)
		close(close_fd);
	return pid;
}

static int wait_status(pid_t pid)
{
	int status = -1;

	waitpid(pid, &status, 0);
	return status;
}

static void write_100k(int *fds)
{
	int i;

	close(fds[0]);
	for (i = 0; i < 100; i++) {
		memset(buf, 'a' + i % 26, 1000);
		if (write(fds[1], buf, 1000) != 1000)
			_exit(1);
	}
}

static void write_closed(int *fds)
{
	(void)!write(fds[1], "x", 1);
}

static void write_blocks(int *fds)
{
	int i, c = fds[2];

	close(fds[0]);
	memset(buf, c, PIPE_BUF);
	for (i = 0; i < 100; i++)
		if (write(fds[1], buf, PIPE_BUF) != PIPE_BUF)
			_exit(1);
}

static void data_and_eof(void)
{
	int fds[2], status, i, bad = 0;
	long total = 0;
	ssize_t n;
	pid_t pid;

	check(pipe(fds) == 0, "pipe", strerror(errno));
	check(write(fds[1], "hello", 5) == 5 && read(fds[0], buf, 100) == 5 &&
	      !memcmp(buf, "hello", 5), "what is written is read", NULL);
	pid = start_child(write_100k, fds, fds[1]);
	while ((n = read(fds[0], buf, sizeof(buf))) > 0) {
		for (i = 0; i < n; i++)
			bad += buf[i] != 'a' + (total + i) / 1000 % 26;
		total += n;
	}
	status = wait_status(pid);
	check(n == 0 && total == 100000 && !bad,
	      "100000 bytes from a child, in order, then EOF", NULL);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "the child's writes all succeeded", NULL);
	close(fds[0]);
}

static void epipe_and_sigpipe(void)
{
	int fds[2], status;

	check(pipe(fds) == 0, "pipe", NULL);
	close(fds[0]);
	status = wait_status(start_child(write_closed, fds, -1));
	check(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE,
	      "writing with no reader kills with SIGPIPE", NULL);
	signal(SIGPIPE, SIG_IGN);
	check_errno(write(fds[1], "x", 1), EPIPE,
		    "with SIGPIPE ignored the write gives EPIPE");
	signal(SIGPIPE, SIG_DFL);
	close(fds[1]);
}

static void nonblocking(void)
{
	int fds[2], avail = -1;
	long total = 0;
	ssize_t n;

	check(pipe2(fds, O_NONBLOCK | O_CLOEXEC) == 0, "pipe2 O_NONBLOCK",
	      strerror(errno));
	check((fcntl(fds[0], F_GETFD) & FD_CLOEXEC) &&
	      (fcntl(fds[1], F_GETFD) & FD_CLOEXEC),
	      "O_CLOEXEC sets close-on-exec on both ends", NULL);
	check((fcntl(fds[0], F_GETFL) & O_NONBLOCK) != 0,
	      "O_NONBLOCK shows in F_GETFL", NULL);
	check_errno(read(fds[0], buf, 10), EAGAIN,
		    "reading an empty non-blocking pipe: EAGAIN");
	memset(buf, 'z', sizeof(buf));
	while ((n = write(fds[1], buf, PIPE_BUF)) > 0)
		total += n;
	check(n == -1 && errno == EAGAIN && total == 65536,
	      "a full pipe holds 65536 bytes, then EAGAIN", NULL);
	check(ioctl(fds[0], FIONREAD, &avail) == 0 && avail == 65536,
	      "FIONREAD says 65536", NULL);
	check_errno(write(fds[1], buf, 1), EAGAIN,
		    "even one more byte: EAGAIN");
	check(read(fds[0], buf, PIPE_BUF) == PIPE_BUF &&
	      write(fds[1], buf, 100) == 100, "reading makes room", NULL);
	check_errno(lseek(fds[0], 0, SEEK_SET), ESPIPE, "lseek: ESPIPE");
	check_errno(pread(fds[0], buf, 1, 0), ESPIPE, "pread: ESPIPE");
	close(fds[0]);
	close(fds[1]);
}

static void atomic_writes(void)
{
	int fds[3], status1, status2, blocks = 0, mixed = 0, i;
	pid_t a, b;

	check(pipe(fds) == 0, "pipe", NULL);
	fflush(stdout);
	fds[2] = 'A';
	a = fork();
	if (a == 0) {
		write_blocks(fds);
		_exit(0);
	}
	fds[2] = 'B';
	b = fork();
	if (b == 0) {
		write_blocks(fds);
		_exit(0);
	}
	close(fds[1]);
	for (;;) {
		ssize_t got = 0, n;

		while (got < PIPE_BUF &&
		       (n = read(fds[0], buf + got, PIPE_BUF - got)) > 0)
			got += n;
		if (got < PIPE_BUF)
			break;
		for (i = 1; i < PIPE_BUF; i++)
			if (buf[i] != buf[0]) {
				mixed++;
				break;
			}
		blocks++;
	}
	waitpid(a, &status1, 0);
	waitpid(b, &status2, 0);
	check(blocks == 200 && !mixed,
	      "200 PIPE_BUF writes from two writers never interleave", NULL);
	close(fds[0]);
}

static void into_exec(void)
{
	int fds[2], status;
	ssize_t n = 0, r;
	pid_t pid;

	check(pipe(fds) == 0, "pipe", NULL);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execl("/bin/echo", "echo", "through", "a", "pipe", NULL);
		_exit(127);
	}
	close(fds[1]);
	while ((r = read(fds[0], buf + n, sizeof(buf) - 1 - n)) > 0)
		n += r;
	buf[n] = 0;
	waitpid(pid, &status, 0);
	check(!strcmp(buf, "through a pipe\n"),
	      "an exec'd program's output through a pipe", buf);
	close(fds[0]);
}

static void bad_arguments(void)
{
	struct stat st;
	int fds[2], first = dup(0);

	close(first);
	check_errno(pipe2(fds, O_APPEND), EINVAL, "pipe2 with a bad flag: "
		    "EINVAL");
	check_errno(syscall(SYS_pipe2, (void *)16, 0), EFAULT,
		    "pipe2 into a bad pointer: EFAULT");
	/* qemu-user makes the host's pipe, then fails to copy its fds out
	 * and leaves them open; Linux closes them. */
	if (running_on_clonix())
		check(dup(0) == first, "and no descriptor was left behind",
		      NULL);
	close(first);
	check(pipe(fds) == 0 && fstat(fds[0], &st) == 0 &&
	      S_ISFIFO(st.st_mode), "fstat says S_IFIFO", NULL);
	close(fds[0]);
	close(fds[1]);
}

int main(void)
{
	long before, after;
	int i, fds[2], bad = 0;

	check_prog = "pipe";
	data_and_eof();
	epipe_and_sigpipe();
	nonblocking();
	atomic_writes();
	into_exec();
	bad_arguments();
	before = meminfo_free_pages();
	for (i = 0; i < 100; i++) {
		bad |= pipe(fds) || write(fds[1], "x", 1) != 1;
		close(fds[0]);
		close(fds[1]);
	}
	after = meminfo_free_pages();
	check(!bad, "100 pipes made, used and closed", NULL);
	if (before >= 0) {
		char detail[64];

		snprintf(detail, sizeof(detail), "%ld before, %ld after",
			 before, after);
		check(before == after, "every page came back", detail);
	}
	return check_summary();
}
