/*
 * A program file is written or run, never both at once (open(2), execve(2)
 * and truncate(2): ETXTBSY). The kernel maps a running program's text
 * straight from the file's page cache, so a write to the file would change
 * the running code; Linux refuses it, and so must Clonix:
 *  - opening a running program for writing, and truncating it, fail with
 *    ETXTBSY (while a child runs a copy, and for this program itself);
 *  - executing a file someone holds open for writing fails with ETXTBSY;
 *  - once the last process running it is gone, it may be written again.
 * Run as `test_txtbsy`; it re-executes a copy of itself as `... sleep`.
 * (Under qemu-user the program is not run by the host kernel, so the
 * ETXTBSY checks on itself fail there; the native i386 run passes all.)
 */
#include "check.h"
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define COPY "/tmp/txtbsy-copy"

/* Copy the file at from to to (mode 0755). 0 or -1. */
static int copy_file(const char *from, const char *to)
{
	char buf[4096];
	int in = open(from, O_RDONLY), out;
	ssize_t n;

	if (in < 0)
		return -1;
	out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	if (out < 0) {
		close(in);
		return -1;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, n) != n)
			n = -1;
	close(in);
	close(out);
	return n < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	char *args[] = { COPY, "sleep", NULL };
	int fd, status, pipefd[2];
	char self[256];
	pid_t child;
	char c;

	if (argc > 1 && !strcmp(argv[1], "sleep")) {
		write(3, "r", 1);	/* running: tell the parent */
		pause();
		return 0;
	}
	check_prog = "test_txtbsy";
	setvbuf(stdout, NULL, _IONBF, 0);
	/* MenuOS runs us by name from /bin. */
	snprintf(self, sizeof(self), "%s%s", strchr(argv[0], '/') ? "" : "/bin/",
		 argv[0]);
	check_errno(open(self, O_WRONLY), ETXTBSY,
		    "open(this running program, O_WRONLY) is ETXTBSY");
	check_errno(truncate(self, 0), ETXTBSY,
		    "truncate(this running program) is ETXTBSY");
	if (copy_file(self, COPY)) {
		check(0, "copy this program to /tmp", strerror(errno));
		return check_summary();
	}

	/* Held open for writing: it cannot run. */
	fd = open(COPY, O_WRONLY);
	child = fork();
	if (child == 0) {
		execv(COPY, args);
		_exit(errno == ETXTBSY ? 42 : 1);
	}
	waitpid(child, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 42,
	      "execve of a file open for writing is ETXTBSY", NULL);
	close(fd);

	/* Running: it cannot be opened for writing or truncated. */
	pipe(pipefd);
	child = fork();
	if (child == 0) {
		dup2(pipefd[1], 3);
		execv(COPY, args);
		_exit(1);
	}
	close(pipefd[1]);	/* so a copy that cannot run reads as EOF */
	check(read(pipefd[0], &c, 1) == 1, "the copy runs", NULL);
	check_errno(open(COPY, O_RDWR), ETXTBSY,
		    "open(a running copy, O_RDWR) is ETXTBSY");
	check_errno(open(COPY, O_WRONLY | O_TRUNC), ETXTBSY,
		    "open(a running copy, O_WRONLY|O_TRUNC) is ETXTBSY");
	check_errno(truncate(COPY, 10), ETXTBSY,
		    "truncate(a running copy) is ETXTBSY");
	fd = open(COPY, O_RDONLY);
	check(fd >= 0, "open(a running copy, O_RDONLY) works", NULL);
	close(fd);
	kill(child, SIGKILL);
	waitpid(child, &status, 0);

	/* Nobody runs it any more. */
	fd = open(COPY, O_WRONLY);
	check(fd >= 0, "open for writing works once no one runs it", NULL);
	close(fd);
	check(truncate(COPY, 0) == 0, "and so does truncate", NULL);
	unlink(COPY);
	return check_summary();
}
