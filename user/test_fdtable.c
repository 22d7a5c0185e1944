/* test_fdtable: the file-descriptor table grows on demand up to
 * RLIMIT_NOFILE, as Linux's does. Written from getrlimit(2), open(2),
 * dup(2), fcntl(2), fork(2) and execve(2); it passes on Linux too (run as
 * root: it raises the hard limit), where the free-page check is skipped.
 *
 *   test_fdtable                   all checks
 *   test_fdtable exec-check +N -M  (run by execve) fd N must be open, fd M
 *                                  closed; exit status: checks failed
 */
#include "check.h"
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define NR_OPEN 1048576	/* Linux's default fs.nr_open: the most fds */
#define LIMIT 4096	/* RLIMIT_NOFILE for most of the test */
#define MANY 1500	/* descriptors opened at once */
#define EXTRA 5		/* more of them, up to a lowered limit */

static int fds[MANY];

/* Free pages on Clonix; -1 elsewhere (check.h reads /proc/meminfo into
 * a stack buffer: no memory of ours comes or goes). */
static long free_pages(void)
{
	return meminfo_free_pages();
}

static int set_nofile(unsigned long cur, unsigned long max)
{
	struct rlimit r = { cur, max };

	return setrlimit(RLIMIT_NOFILE, &r);
}

static int is_open(int fd)
{
	return fcntl(fd, F_GETFD) >= 0;
}

/* The mode execve runs: which descriptors survived it. */
static int exec_check(int argc, char *argv[])
{
	char what[80];
	int i;

	for (i = 2; i < argc; i++) {
		int fd = atoi(argv[i] + 1), want_open = argv[i][0] == '+';

		snprintf(what, sizeof(what), "after execve fd %d is %s", fd,
			 want_open ? "still open" : "closed (close-on-exec)");
		check(is_open(fd) == want_open, what, NULL);
	}
	return check_failed;
}

/* A CLONE_FILES child: it execs (exec-check with nothing to check). */
static int exec_sharer(void *self)
{
	char *argv[] = { "test_fdtable", "exec-check", NULL };

	execv(self, argv);
	_exit(127);
}

/* Run this program again with `exec-check args`, in a child; its exit
 * status, or -1 (with errno) when the execve failed. */
static int run_exec_check(const char *self, char *args[], int nargs)
{
	char *argv[10] = { "test_fdtable", "exec-check" };
	int status, i;
	pid_t pid;

	for (i = 0; i < nargs && i < 7; i++)
		argv[2 + i] = args[i];
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		execv(self, argv);
		_exit(100 + (errno & 0x7f));
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -2;
	if (WEXITSTATUS(status) >= 100) {
		errno = WEXITSTATUS(status) - 100;
		return -1;
	}
	return WEXITSTATUS(status);
}

/* In a child of fork: are exactly the parent's descriptors open, with
 * the same close-on-exec flags? Returns the number that differ. */
static int child_sees(const int *flags, int n)
{
	int fd, bad = 0;

	for (fd = 0; fd < n; fd++)
		bad += fcntl(fd, F_GETFD) != flags[fd];
	return bad;
}

/* Descriptors open when we started (a shell may pass more than 0-2). */
static char was_open[LIMIT];

/* The lowest fd >= fd that was free at the start. */
static int next_free(int fd)
{
	while (fd < LIMIT && was_open[fd])
		fd++;
	return fd;
}

static int set_soft_limit(unsigned long cur)
{
	struct rlimit r;

	getrlimit(RLIMIT_NOFILE, &r);
	return set_nofile(cur, r.rlim_max);
}

int main(int argc, char *argv[])
{
	static int flags[LIMIT];
	const char *self = (const char *)getauxval(AT_EXECFN);
	struct rlimit r, start;
	char detail[128];
	long before, after;
	int first, strays, fd, want, i, n, bad, status;
	pid_t pid;

	check_prog = "fdtable";
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc > 1 && !strcmp(argv[1], "exec-check"))
		return exec_check(argc, argv);

	getrlimit(RLIMIT_NOFILE, &start);
	printf("fdtable: RLIMIT_NOFILE at start: soft %lu hard %lu\n",
	       (unsigned long)start.rlim_cur, (unsigned long)start.rlim_max);
	for (fd = 0; fd < LIMIT; fd++)
		was_open[fd] = is_open(fd);
	first = next_free(0);
	for (fd = first, strays = 0; fd < LIMIT; fd++)
		strays += was_open[fd];

	/* Limits: never above nr_open, whichever system call sets them. */
	check_errno(set_nofile(NR_OPEN + 1, NR_OPEN + 1), EPERM,
		    "setrlimit RLIMIT_NOFILE above nr_open gives EPERM");
	check_errno(set_nofile(RLIM_INFINITY, RLIM_INFINITY), EPERM,
		    "setrlimit RLIMIT_NOFILE to infinity gives EPERM");
	r.rlim_cur = r.rlim_max = NR_OPEN + 1;
	check_errno(prlimit(0, RLIMIT_NOFILE, &r, NULL), EPERM,
		    "prlimit RLIMIT_NOFILE above nr_open gives EPERM");
	{
		unsigned long old[2] = { NR_OPEN, NR_OPEN + 1 };

		check_errno(syscall(SYS_setrlimit, RLIMIT_NOFILE, old), EPERM,
			    "the old setrlimit system call gives EPERM too");
	}
	getrlimit(RLIMIT_NOFILE, &r);
	check(r.rlim_cur == start.rlim_cur && r.rlim_max == start.rlim_max,
	      "a refused setrlimit changes nothing", NULL);
	/* Clonix has one user, root, and no capabilities: it may raise its
	 * hard limit. A Linux container's root may not (no CAP_SYS_RESOURCE);
	 * there the rest runs with soft = hard = 4096. */
	if (set_nofile(NR_OPEN, NR_OPEN) == 0) {
		check(1, "setrlimit RLIMIT_NOFILE to nr_open (1048576)", NULL);
	} else if (errno == EPERM && free_pages() < 0) {
		printf("fdtable: setrlimit RLIMIT_NOFILE to nr_open: skipped "
		       "(EPERM: no CAP_SYS_RESOURCE here)\n");
		check(set_nofile(LIMIT, LIMIT) == 0,
		      "setrlimit soft = hard = 4096", strerror(errno));
	} else {
		check(0, "setrlimit RLIMIT_NOFILE to nr_open (1048576)",
		      strerror(errno));
	}

	/* The table at its final size before the baseline: the test's
	 * highest fd is LIMIT - 1, and tables never shrink. */
	check(dup2(0, LIMIT - 1) == LIMIT - 1 && close(LIMIT - 1) == 0,
	      "dup2 to fd 4095 and close it", strerror(errno));
	/* And our own memory in place: the arrays below, in .bss, get their
	 * pages when first touched. */
	memset(fds, -1, sizeof(fds));
	memset(flags, -1, sizeof(flags));
	free_pages();
	before = free_pages();

	/* Many descriptors, each the lowest free one. */
	for (n = 0, want = first; n < MANY; n++, want = next_free(want + 1)) {
		fds[n] = open("/dev/null", O_RDWR);
		if (fds[n] != want)
			break;
	}
	snprintf(detail, sizeof(detail), "open %d gave %d, want %d (%s)",
		 n + 1, n < MANY ? fds[n] : -1, want,
		 n < MANY ? strerror(errno) : "");
	check(n == MANY, "1500 opens give the lowest free fds, in order",
	      detail);
	if (n < MANY)	/* nothing below makes sense without them */
		return check_summary();
	if (!strays)
		check(fds[MANY - 1] - fds[0] == MANY - 1,
		      "they are consecutive, from the lowest free fd", NULL);
	else
		printf("fdtable: consecutive: skipped (%d fds above %d were "
		       "open at the start)\n", strays, first);
	check(write(fds[MANY - 1], "x", 1) == 1,
	      "the highest of them works (write to /dev/null)", NULL);

	/* EMFILE exactly at a lowered soft limit. */
	check(set_soft_limit(fds[MANY - 1] + 1 + EXTRA) == 0,
	      "lower the soft limit to 5 above the highest fd", NULL);
	for (i = 0, want = next_free(fds[MANY - 1] + 1);
	     want < fds[MANY - 1] + 1 + EXTRA; want = next_free(want + 1))
		i += open("/dev/null", O_RDONLY) == want;
	check(i == EXTRA, "the fds below the limit can be opened", NULL);
	check_errno(open("/dev/null", O_RDONLY), EMFILE,
		    "open at the limit gives EMFILE");
	check_errno(dup(0), EMFILE, "dup at the limit gives EMFILE");
	check_errno(fcntl(0, F_DUPFD, 0), EMFILE,
		    "F_DUPFD at the limit gives EMFILE");
	check(close(fds[10]) == 0 && open("/dev/null", O_RDWR) == fds[10],
	      "a closed fd in the middle is the next one open gives", NULL);
	check(set_soft_limit(64) == 0,
	      "lower the soft limit below the open fds", NULL);
	check_errno(open("/dev/null", O_RDONLY), EMFILE,
		    "then open gives EMFILE");
	check(is_open(fds[MANY - 1]) && write(fds[MANY - 1], "x", 1) == 1,
	      "and the fds above the limit still work", NULL);
	for (fd = fds[MANY - 1] + 1; fd < fds[MANY - 1] + 1 + EXTRA; fd++)
		close(fd);

	/* dup2/dup3 and F_DUPFD against RLIMIT_NOFILE = LIMIT. */
	check(set_nofile(LIMIT, LIMIT) == 0, "setrlimit soft = hard = 4096",
	      strerror(errno));
	check(dup2(fds[0], LIMIT - 1) == LIMIT - 1, "dup2 to fd 4095 works",
	      strerror(errno));
	check_errno(dup2(fds[0], LIMIT), EBADF, "dup2 to fd 4096 gives EBADF");
	check_errno(dup3(fds[0], LIMIT + 1000, O_CLOEXEC), EBADF,
		    "dup3 to fd 5096 gives EBADF");
	check(dup3(fds[1], LIMIT - 1, O_CLOEXEC) == LIMIT - 1 &&
	      fcntl(LIMIT - 1, F_GETFD) == FD_CLOEXEC,
	      "dup3 O_CLOEXEC replaces fd 4095, close-on-exec set", NULL);
	check(fcntl(fds[0], F_DUPFD, 3000) == 3000,
	      "F_DUPFD 3000 gives 3000 (the lowest free >= arg)", NULL);
	check(fcntl(fds[0], F_DUPFD, 3000) == 3001,
	      "F_DUPFD 3000 again gives 3001", NULL);
	want = next_free(fds[MANY - 1] + 1);
	check(fcntl(fds[0], F_DUPFD, 0) == want,
	      "F_DUPFD 0 gives the lowest free fd", NULL);
	close(want);
	check(fcntl(fds[0], F_DUPFD_CLOEXEC, 3500) == 3500 &&
	      fcntl(3500, F_GETFD) == FD_CLOEXEC,
	      "F_DUPFD_CLOEXEC 3500 gives 3500 with close-on-exec", NULL);
	check(fcntl(3000, F_GETFD) == 0, "F_DUPFD leaves close-on-exec clear",
	      NULL);
	check_errno(fcntl(fds[0], F_DUPFD, LIMIT - 1), EMFILE,
		    "F_DUPFD 4095 with 4095 taken gives EMFILE");
	check_errno(fcntl(fds[0], F_DUPFD, LIMIT), EINVAL,
		    "F_DUPFD 4096 (the limit) gives EINVAL");
	check(fcntl(fds[5], F_SETFD, FD_CLOEXEC) == 0 &&
	      fcntl(fds[5], F_GETFD) == FD_CLOEXEC, "F_SETFD FD_CLOEXEC",
	      NULL);

	/* fork copies the whole table; the child sees what we see. */
	for (fd = 0; fd < LIMIT; fd++)
		flags[fd] = fcntl(fd, F_GETFD);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		bad = child_sees(flags, LIMIT);
		for (i = 0; i < MANY; i++)	/* the parent's stay open */
			close(fds[i]);
		_exit(bad > 100 ? 100 : bad);
	}
	status = -1;
	if (pid > 0)
		waitpid(pid, &status, 0);
	snprintf(detail, sizeof(detail), "wait status %#x", status);
	check(pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "a child of fork sees the same 1500+ fds and flags", detail);
	check(child_sees(flags, LIMIT) == 0,
	      "the child's closes leave the parent's fds open", NULL);

	/* execve closes the close-on-exec fds, keeps the others. */
	{
		char arg[6][16];
		char *args[6] = { arg[0], arg[1], arg[2], arg[3], arg[4],
				  arg[5] };

		snprintf(arg[0], 16, "-%d", LIMIT - 1);
		snprintf(arg[1], 16, "-%d", 3500);
		snprintf(arg[2], 16, "-%d", fds[5]);
		snprintf(arg[3], 16, "+%d", 3000);
		snprintf(arg[4], 16, "+%d", fds[MANY - 1]);
		snprintf(arg[5], 16, "+%d", fds[4]);
		n = run_exec_check(self, args, 6);
		if (n == -1 && errno == ENOEXEC && before < 0)
			printf("fdtable: execve: skipped (this Linux cannot "
			       "run %s: no binfmt_misc)\n", self);
		else
			check(n == 0, "execve honours close-on-exec",
			      n == -1 ? strerror(errno) :
			      n == -2 ? "fork or wait failed" : "see above");
	}

	/* A CLONE_FILES child that execs gets its own table first (Linux's
	 * unshare_files): our close-on-exec fds stay open. */
	{
		static char stack[65536];
		int status;
		pid_t pid = clone(exec_sharer, stack + sizeof(stack),
				  CLONE_FILES | SIGCHLD, (void *)self);

		if (pid < 0 && before < 0)	/* qemu-user refuses it */
			printf("fdtable: CLONE_FILES and execve: skipped "
			       "(clone: %s)\n", strerror(errno));
		else
			check(pid > 0 && waitpid(pid, &status, 0) == pid &&
			      is_open(3500) && is_open(LIMIT - 1),
			      "a CLONE_FILES child's execve leaves our "
			      "close-on-exec fds open", NULL);
	}

	/* Everything closed again. */
	bad = 0;
	for (i = 0; i < MANY; i++)
		bad += close(fds[i]) != 0;
	bad += close(3000) + close(3001) + close(3500) + close(LIMIT - 1);
	check(bad == 0, "every fd closes", NULL);
	for (fd = 0, n = 0; fd < LIMIT; fd++)
		n += is_open(fd) != was_open[fd];
	check(n == 0, "only the fds open at the start are left", NULL);
	check(dup(0) == first, "the lowest free fd is the first one again",
	      NULL);
	close(first);
	after = free_pages();
	if (before < 0) {
		printf("fdtable: free pages back to baseline: skipped (no "
		       "free pages from /proc/meminfo: not Clonix)\n");
	} else {
		snprintf(detail, sizeof(detail), "%ld before, %ld after",
			 before, after);
		check(after == before, "free pages back to baseline", detail);
	}
	return check_summary();
}
