/* test_fcntl: the descriptor calls of fcntl(2) and dup(2) as their man
 * pages describe them — F_GETFL/F_SETFL (O_NONBLOCK on a pipe, O_APPEND
 * on a file, the access mode unchangeable), F_GETFD/F_SETFD, F_DUPFD and
 * F_DUPFD_CLOEXEC, dup/dup2/dup3 (a descriptor and its duplicate share
 * the offset and status flags but not close-on-exec), and their errors
 * (EBADF, EINVAL). Usage: test_fcntl [dir] (default /tmp). Passes on a
 * Linux host too. (The descriptor-table limits, EMFILE and close-on-exec
 * across execve are test_fdtable's.) */
#include "check.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static char buf[64];

static void status_flags(void)
{
	int fds[2], fl;

	check(pipe(fds) == 0, "pipe", NULL);
	fl = fcntl(fds[0], F_GETFL);
	check(fl >= 0 && (fl & O_ACCMODE) == O_RDONLY && !(fl & O_NONBLOCK),
	      "F_GETFL of a read end: O_RDONLY, blocking", NULL);
	check((fcntl(fds[1], F_GETFL) & O_ACCMODE) == O_WRONLY,
	      "F_GETFL of a write end: O_WRONLY", NULL);
	check(fcntl(fds[0], F_SETFL, fl | O_NONBLOCK) == 0 &&
	      (fcntl(fds[0], F_GETFL) & O_NONBLOCK),
	      "F_SETFL sets O_NONBLOCK", NULL);
	check_errno(read(fds[0], buf, 1), EAGAIN,
		    "and the empty pipe's read gives EAGAIN");
	check(fcntl(fds[0], F_SETFL, O_RDWR) == 0 &&
	      fcntl(fds[0], F_GETFL) == O_RDONLY,
	      "F_SETFL clears it and cannot change the access mode", NULL);
	close(fds[0]);
	close(fds[1]);
}

static void append_and_sharing(void)
{
	int fd = open("f", O_RDWR | O_CREAT | O_TRUNC, 0644), dupfd;
	struct stat st;

	check(fd >= 0 && write(fd, "12345", 5) == 5, "a file of 5 bytes",
	      strerror(errno));
	check(fcntl(fd, F_SETFL, O_APPEND) == 0 &&
	      (fcntl(fd, F_GETFL) & O_APPEND), "F_SETFL O_APPEND", NULL);
	lseek(fd, 0, SEEK_SET);
	check(write(fd, "ab", 2) == 2 && fstat(fd, &st) == 0 &&
	      st.st_size == 7 && lseek(fd, 0, SEEK_CUR) == 7,
	      "a write at offset 0 goes to the end", NULL);
	check(pread(fd, buf, 7, 0) == 7 && !memcmp(buf, "12345ab", 7),
	      "the file holds 12345ab", NULL);
	dupfd = dup(fd);
	check(dupfd > fd && (fcntl(dupfd, F_GETFL) & O_APPEND),
	      "dup shares the status flags", NULL);
	check(lseek(fd, 2, SEEK_SET) == 2 && lseek(dupfd, 0, SEEK_CUR) == 2,
	      "and the offset", NULL);
	check(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 &&
	      fcntl(fd, F_GETFD) == FD_CLOEXEC && fcntl(dupfd, F_GETFD) == 0,
	      "but not close-on-exec", NULL);
	check(dup2(fd, fd) == fd && fcntl(fd, F_GETFD) == FD_CLOEXEC,
	      "dup2(fd, fd) returns fd and changes nothing", NULL);
	check_errno(dup3(fd, fd, 0), EINVAL, "dup3(fd, fd): EINVAL");
	check_errno(dup3(fd, dupfd, O_APPEND), EINVAL,
		    "dup3 with a flag other than O_CLOEXEC: EINVAL");
	check(dup3(fd, dupfd, O_CLOEXEC) == dupfd &&
	      fcntl(dupfd, F_GETFD) == FD_CLOEXEC,
	      "dup3 O_CLOEXEC replaces an open fd", NULL);
	close(dupfd);
	close(fd);
	unlink("f");
}

static void bad_calls(void)
{
	int closed = dup(0);

	close(closed);
	check_errno(fcntl(closed, F_GETFL), EBADF, "F_GETFL of a closed fd: "
		    "EBADF");
	check_errno(fcntl(closed, F_DUPFD, 0), EBADF,
		    "F_DUPFD of a closed fd: EBADF");
	check_errno(fcntl(0, F_DUPFD, -1), EINVAL, "F_DUPFD from -1: EINVAL");
	check_errno(fcntl(0, 9999), EINVAL, "an unknown command: EINVAL");
	check_errno(dup(closed), EBADF, "dup of a closed fd: EBADF");
	check_errno(dup2(closed, 10), EBADF, "dup2 of a closed fd: EBADF");
	check_errno(dup2(0, -1), EBADF, "dup2 to -1: EBADF");
	check_errno(close(closed), EBADF, "close of a closed fd: EBADF");
}

int main(int argc, char **argv)
{
	char base[128];
	long before, after;

	check_prog = "fcntl";
	snprintf(base, sizeof(base), "%s/fcntl.%d",
		 argc > 1 ? argv[1] : "/tmp", getpid());
	check(mkdir(base, 0755) == 0 && chdir(base) == 0, "a work directory",
	      base);
	status_flags();
	before = meminfo_free_pages();
	append_and_sharing();
	bad_calls();
	after = meminfo_free_pages();
	if (before >= 0) {
		char detail[64];

		snprintf(detail, sizeof(detail), "%ld before, %ld after",
			 before, after);
		check(before == after, "every page came back", detail);
	}
	check(chdir("/") == 0 && rmdir(base) == 0, "the work directory goes",
	      NULL);
	return check_summary();
}
