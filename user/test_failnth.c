/*
 * test_failnth [-v] [call...]: walk every failure point of a system call with
 * Linux's fault injection (fail-nth). For each call and N = 1, 2, ... a
 * child writes N to /proc/self/fail-nth, so the Nth fallible kernel
 * allocation it makes from then on fails, and makes the call: it must
 * return its documented error (fork: EAGAIN/ENOMEM, open: ENOMEM, ...)
 * or, for a fault, only that process may die; the parent, the measurer,
 * runs on and checks that free pages and every slab cache (/proc/meminfo,
 * /proc/slabinfo) are back at their baseline once the child is reaped.
 * The walk ends at the first N whose call made fewer than N allocations
 * (fail-nth still reads above 0: nothing was injected); the call then
 * has N - 1 failure points, which the program prints. A fault after a
 * call has succeeded may kill the child too (its stack is copy-on-write
 * after fork): the measurer is a child subreaper (prctl), so whatever the
 * dead child leaves behind comes to it and is reaped before it measures.
 *
 * Clonix only: on Linux the file exists only with CONFIG_FAULT_INJECTION,
 * and a host's free memory moves with everything else it does, so the
 * program says it skips there.
 */
#include "check.h"
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

/* What a child reports in its exit status. */
enum {
	R_INJECTED = 10,	/* a failure was injected; the call reported it */
	R_TOLERATED = 11,	/* a failure was injected; the call still worked */
	R_DONE = 12,		/* nothing injected: the call made < N allocs */
	R_WRONG = 20,		/* the call's result was wrong (printed) */
};

#define SELF "/bin/test_failnth"
#define MAX_CACHES 64
#define MAX_N 2000	/* a call with more failure points is a runaway */

static int fail_fd = -1;	/* the child's /proc/self/fail-nth */
static int verbose;		/* -v: a line per step */

/* ---- leak accounting: free pages and every slab cache ---- */

struct cache_count {
	char name[32];
	long active;
};

struct usage {
	long pages;
	int n;
	struct cache_count caches[MAX_CACHES];
};

static char text[16384];	/* static: reading must not grow the heap */

static int read_file(const char *path)
{
	int fd = open(path, O_RDONLY);
	ssize_t n, got = 0;

	if (fd < 0)
		return -1;
	while ((n = read(fd, text + got, sizeof(text) - 1 - got)) > 0)
		got += n;
	close(fd);
	text[got] = 0;
	return 0;
}

static void measure(struct usage *u)
{
	char *line, *next;

	u->pages = meminfo_free_pages();
	u->n = 0;
	if (read_file("/proc/slabinfo"))
		return;
	for (line = text; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		if (!strncmp(line, "slabinfo", 8) || line[0] == '#' ||
		    u->n == MAX_CACHES)
			continue;
		if (sscanf(line, "%31s %ld", u->caches[u->n].name,
			   &u->caches[u->n].active) == 2)
			u->n++;
	}
}

/* Compare now with base; describe every difference into why. */
static int leaked(const struct usage *base, const struct usage *now,
		  char *why, size_t size)
{
	int i, bad = 0;
	size_t len = 0;

	why[0] = 0;
	if (now->pages != base->pages) {
		len += snprintf(why + len, size - len, "free pages %ld -> %ld",
				base->pages, now->pages);
		bad = 1;
	}
	for (i = 0; i < now->n && i < base->n && len < size; i++)
		if (now->caches[i].active != base->caches[i].active ||
		    strcmp(now->caches[i].name, base->caches[i].name)) {
			len += snprintf(why + len, size - len, "%s%s %+ld",
					bad ? "; " : "", now->caches[i].name,
					now->caches[i].active -
						base->caches[i].active);
			bad = 1;
		}
	if (now->n != base->n && len < size) {
		snprintf(why + len, size - len, "%scaches %d -> %d",
			 bad ? "; " : "", base->n, now->n);
		bad = 1;
	}
	return bad;
}

/* ---- fail-nth ---- */

static void set_fail_nth(unsigned int n)
{
	char num[16];
	int len = snprintf(num, sizeof(num), "%u", n);

	if (pwrite(fail_fd, num, len, 0) != len) {
		printf("write fail-nth: %s\n", strerror(errno));
		_exit(R_WRONG);
	}
}

/* What fail-nth reads: 0 once the failure was injected. Writes 0 after,
 * so nothing that follows (cleanup, exit) fails. */
static long get_fail_nth(void)
{
	char num[16] = "";
	ssize_t n = pread(fail_fd, num, sizeof(num) - 1, 0);

	set_fail_nth(0);
	return n > 0 ? atol(num) : -1;
}

/* The child's verdict from the call's outcome: ok says whether it
 * succeeded, else err is its errno, which must be one of want[]. */
static int verdict(const char *call, int ok, int err, const int *want,
		   int nwant)
{
	long left = get_fail_nth();
	int i;

	if (ok)
		return left > 0 ? R_DONE : R_TOLERATED;
	for (i = 0; i < nwant; i++)
		if (err == want[i]) {
			if (left != 0) {
				printf("%s failed (%s) with nothing injected "
				       "(fail-nth %ld)\n", call,
				       strerrorname_np(err), left);
				return R_WRONG;
			}
			return R_INJECTED;
		}
	printf("%s: errno %s, not a documented one\n", call,
	       err ? strerrorname_np(err) : "0");
	return R_WRONG;
}

/* ---- the calls; each runs in a child of its own, given N ---- */

static const int enomem[] = { ENOMEM };
static const int eagain_enomem[] = { EAGAIN, ENOMEM };

static int do_fork(unsigned int n)
{
	pid_t pid;
	int status;

	set_fail_nth(n);
	pid = fork();
	if (pid == 0)
		_exit(0);
	if (pid > 0) {
		int v = verdict("fork", 1, 0, NULL, 0);

		waitpid(pid, &status, 0);
		return v;
	}
	return verdict("fork", 0, errno, eagain_enomem, 2);
}

static int do_vfork(unsigned int n)
{
	pid_t pid;

	set_fail_nth(n);
	pid = vfork();
	if (pid == 0)
		_exit(0);
	if (pid > 0) {
		int v = verdict("vfork", 1, 0, NULL, 0);

		waitpid(pid, NULL, 0);
		return v;
	}
	return verdict("vfork", 0, errno, eagain_enomem, 2);
}

static void *thread_fn(void *arg)
{
	return arg;
}

static int do_thread(unsigned int n)
{
	pthread_t t;
	int err;

	set_fail_nth(n);
	err = pthread_create(&t, NULL, thread_fn, NULL);
	if (!err) {
		int v = verdict("pthread_create", 1, 0, NULL, 0);

		pthread_join(t, NULL);
		return v;
	}
	return verdict("pthread_create", 0, err, eagain_enomem, 2);
}

/* The program execve starts (this one, "--exec-child FD"): it reports
 * what fail-nth read when it started, as do_execve's child would. */
static int exec_child(int fd)
{
	char num[16] = "";
	ssize_t n = pread(fd, num, sizeof(num) - 1, 0);

	return n > 0 && atol(num) > 0 ? R_DONE : R_TOLERATED;
}

static int do_execve(unsigned int n)
{
	char fdarg[16];
	char *argv[] = { SELF, "--exec-child", fdarg, NULL };
	char *envp[] = { NULL };

	snprintf(fdarg, sizeof(fdarg), "%d", fail_fd);
	set_fail_nth(n);
	execve(SELF, argv, envp);
	/* Before the point of no return: the error, and we run on. */
	return verdict("execve", 0, errno, enomem, 1);
}

static int do_brk(unsigned int n)
{
	unsigned long old = syscall(SYS_brk, 0), want = old + 64 * 4096;
	unsigned long got;

	set_fail_nth(n);
	got = syscall(SYS_brk, want);
	if (got != want && got != old) {
		printf("brk returned %#lx: neither %#lx nor the old %#lx\n",
		       got, want, old);
		return R_WRONG;
	}
	if (got == want)
		*(volatile char *)old = 1;	/* a fault in the new heap */
	{
		int v = verdict("brk", got == want, ENOMEM, enomem, 1);

		syscall(SYS_brk, old);
		return v;
	}
}

/* A fault that cannot get its page kills the process (SIGKILL, as
 * Linux's out-of-memory fault does): the parent sees that. */
static int do_mmap_touch(unsigned int n)
{
	char *p;

	set_fail_nth(n);
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return verdict("mmap", 0, errno, enomem, 1);
	p[0] = 1;	/* the fault: a page and perhaps page tables */
	{
		int v = verdict("mmap", 1, 0, NULL, 0);

		munmap(p, 4096);
		return v;
	}
}

static int do_pipe(unsigned int n)
{
	int fds[2];
	int ok;

	set_fail_nth(n);
	ok = pipe(fds) == 0;
	if (ok) {
		int v = verdict("pipe", 1, 0, NULL, 0);

		close(fds[0]);
		close(fds[1]);
		return v;
	}
	return verdict("pipe", 0, errno, enomem, 1);
}

static int do_open_creat(unsigned int n)
{
	char path[32];
	int fd;

	snprintf(path, sizeof(path), "/failnth.%d", getpid());
	set_fail_nth(n);
	fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0600);
	if (fd >= 0) {
		int v = verdict("open", 1, 0, NULL, 0);

		close(fd);
		unlink(path);
		return v;
	}
	{
		int v = verdict("open", 0, errno, enomem, 1);

		if (access(path, F_OK) == 0) {
			printf("open(O_CREAT) failed but left %s\n", path);
			unlink(path);
			return R_WRONG;
		}
		return v;
	}
}

/* Copy-on-write: the page is shared with a child (made with CLONE_PARENT,
 * so the measurer reaps it whatever becomes of us), then written here. */
static int do_cow(unsigned int n)
{
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int hold[2];
	pid_t pid;
	char c;

	if (p == MAP_FAILED || pipe(hold))
		return R_WRONG;
	p[0] = 1;
	pid = syscall(SYS_clone, CLONE_PARENT | SIGCHLD, 0, 0, 0, 0);
	if (pid == 0) {	/* hold the page until the writer is done */
		close(hold[1]);
		while (read(hold[0], &c, 1) > 0)
			;
		_exit(0);
	}
	if (pid < 0)
		return R_WRONG;
	close(hold[0]);
	set_fail_nth(n);
	p[0] = 2;	/* the copy-on-write fault */
	return verdict("cow write", 1, 0, NULL, 0);
}

static volatile sig_atomic_t handled;
static char *volatile handler_sp;
static volatile long left_in_handler;

static void on_usr1(int sig)
{
	char here, num[16] = "";

	(void)sig;
	handler_sp = &here;
	if (pread(fail_fd, num, sizeof(num) - 1, 0) > 0)
		left_in_handler = atol(num);
	handled = 1;
}

/* A signal whose frame goes on an alternate stack never touched: setting
 * the frame up faults its page in. The frame cannot be written: the
 * process dies (SIGSEGV, as Linux's force_sigsegv). */
static int do_signal(unsigned int n)
{
	struct sigaction sa = { .sa_handler = on_usr1,
				.sa_flags = SA_ONSTACK };
	stack_t ss = { .ss_size = 4 * 4096 };
	int v;

	ss.ss_sp = mmap(NULL, ss.ss_size, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (ss.ss_sp == MAP_FAILED || sigaltstack(&ss, NULL) ||
	    sigaction(SIGUSR1, &sa, NULL))
		return R_WRONG;
	set_fail_nth(n);
	if (kill(getpid(), SIGUSR1)) {
		v = verdict("kill", 0, errno, eagain_enomem, 2);
		return v == R_INJECTED ? R_WRONG : v;	/* kill must not fail */
	}
	v = verdict("signal", 1, 0, NULL, 0);
	if (verbose)
		printf("handler on the alternate stack: %d, fail-nth there "
		       "%ld\n", handler_sp >= (char *)ss.ss_sp &&
		       handler_sp < (char *)ss.ss_sp + ss.ss_size,
		       left_in_handler);
	if (!handled) {
		printf("SIGUSR1 was lost (no handler ran)\n");
		return R_WRONG;
	}
	return v;
}

struct call {
	const char *name;
	int (*run)(unsigned int n);
	/* The signals by which the child may die, a fault's outcome: bit s
	 * for signal s (SIGKILL: a page fault found no page — the child's
	 * own pages are copy-on-write after fork, so any call may meet one;
	 * SIGSEGV: execve past its point of no return, or a signal frame
	 * that could not be written). An execve'd program whose start fails
	 * (glibc's exit status 127) counts as a failure point too. */
	unsigned long fault_signals;
};

#define SIG(s) (1UL << (s))

static const struct call calls[] = {
	{ "fork", do_fork, SIG(SIGKILL) },
	{ "vfork", do_vfork, SIG(SIGKILL) },
	{ "pthread_create", do_thread, SIG(SIGKILL) },
	{ "execve", do_execve, SIG(SIGKILL) | SIG(SIGSEGV) },
	{ "brk", do_brk, SIG(SIGKILL) },
	{ "mmap", do_mmap_touch, SIG(SIGKILL) },
	{ "pipe", do_pipe, SIG(SIGKILL) },
	{ "open", do_open_creat, SIG(SIGKILL) },
	{ "cow", do_cow, SIG(SIGKILL) },
	{ "signal", do_signal, SIG(SIGKILL) | SIG(SIGSEGV) },
};

/* Touch the stack 32 KiB deep, so that later calls (printf's are deep)
 * find its pages there: in the measurer, they would look like a leak; in
 * a step's child (copy-on-write after fork), like failure points of the
 * call under test. */
static void __attribute__((noinline)) prefault_stack(void)
{
	volatile char deep[32 * 1024];
	size_t i;

	for (i = 0; i < sizeof(deep); i += 1024)
		deep[i] = 0;
}

static int killed;	/* the last step's child died by a signal */

/* One step: a child runs the call with fail-nth N; returns its verdict. */
static int step(const struct call *c, unsigned int n)
{
	int status, v = R_WRONG;
	pid_t pid = fork(), w;

	killed = 0;

	if (pid < 0) {
		printf("%s N=%u: fork for the step: %s\n", c->name, n,
		       strerror(errno));
		return R_WRONG;
	}
	if (pid == 0) {
		fail_fd = open("/proc/self/fail-nth", O_RDWR);
		if (fail_fd < 0)
			_exit(R_WRONG);
		prefault_stack();
		handled = 0;
		fflush(stdout);
		_exit(c->run(n));
	}
	/* Reap the child and anything it made with CLONE_PARENT. */
	while ((w = waitpid(-1, &status, 0)) > 0) {
		if (w != pid)
			continue;
		if (WIFEXITED(status) && WEXITSTATUS(status) == 127 &&
		    c->run == do_execve)
			v = R_INJECTED;	/* the new program's start failed */
		else if (WIFEXITED(status))
			v = WEXITSTATUS(status);
		else if (WIFSIGNALED(status) &&
			 (c->fault_signals & SIG(WTERMSIG(status)))) {
			v = R_INJECTED;
			killed = 1;
		}
		else
			printf("%s N=%u: the child ended with status %#x\n",
			       c->name, n, status);
	}
	return v;
}

/* Walk one call's failure points; returns how many it has, or -1. */
static int walk(const struct call *c, struct usage *base)
{
	unsigned int n;
	struct usage now;
	char why[512], what[96];
	int wrong = 0, errors = 0, deaths = 0, tolerated = 0;

	for (n = 1; n <= MAX_N; n++) {
		int v = step(c, n);

		measure(&now);
		if (leaked(base, &now, why, sizeof(why))) {
			snprintf(what, sizeof(what), "%s N=%u leaks nothing",
				 c->name, n);
			check(0, what, why);
			*base = now;	/* one leak, one report */
			wrong = 1;
		}
		if (verbose)
			printf("%s N=%u: %s\n", c->name, n,
			       v == R_DONE ? "nothing injected" :
			       v == R_TOLERATED ? "went unnoticed" :
			       v != R_INJECTED ? "WRONG" :
			       killed ? "killed" : "returned an error");
		if (v == R_DONE)
			break;
		errors += v == R_INJECTED && !killed;
		deaths += v == R_INJECTED && killed;
		tolerated += v == R_TOLERATED;
		if (v != R_INJECTED && v != R_TOLERATED) {
			snprintf(what, sizeof(what),
				 "%s N=%u fails as documented", c->name, n);
			check(0, what, "see above");
			wrong = 1;
		}
	}
	snprintf(what, sizeof(what), "%s: every failure point walked",
		 c->name);
	check(n <= MAX_N && !wrong, what, n > MAX_N ? "no end" : NULL);
	printf("%s: %u failure points (%d returned an error, %d killed only "
	       "the calling process, %d went unnoticed)\n", c->name, n - 1,
	       errors, deaths, tolerated);
	return wrong ? -1 : (int)n - 1;
}

#define NR_CALLS (sizeof(calls) / sizeof(calls[0]))

/* The knob itself: it reads back what was written (reading and writing
 * allocate nothing), 0 turns it off, a non-number is EINVAL, a child does
 * not inherit it, and another process's knob counts that process's
 * allocations, not the writer's. */
static void check_knob(void)
{
	int fds[2], ready[2], status;
	char path[48], c;
	pid_t pid;

	fail_fd = open("/proc/self/fail-nth", O_RDWR);
	set_fail_nth(5);
	check(get_fail_nth() == 5, "fail-nth reads back what was written",
	      NULL);
	check(get_fail_nth() == 0, "fail-nth 0 turns it off", NULL);
	check_errno(pwrite(fail_fd, "x", 1, 0), EINVAL,
		    "fail-nth takes only a number");
	set_fail_nth(1000);
	pid = fork();
	if (pid == 0) {
		char num[16] = "";

		pread(fail_fd, num, sizeof(num) - 1, 0);	/* the parent's */
		_exit(atoi(num) > 0 ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	set_fail_nth(0);
	check(WIFEXITED(status), "fork with fail-nth set", NULL);
	close(fail_fd);
	/* The child's own knob, from its parent: its pipe() fails. */
	if (pipe(fds) || pipe(ready))
		return;
	pid = fork();
	if (pid == 0) {
		int p[2];

		fail_fd = open("/proc/self/fail-nth", O_RDWR);
		if (fail_fd < 0)
			printf("child: open /proc/self/fail-nth: %s\n",
			       strerror(errno));
		check(get_fail_nth() == 0, "a child starts with fail-nth 0",
		      NULL);
		write(ready[1], "r", 1);
		close(fds[1]);
		read(fds[0], &c, 1);	/* the parent has set ours to 1 */
		_exit(pipe(p) == -1 && errno == ENOMEM ? 0 : 1);
	}
	read(ready[0], &c, 1);	/* the child has its knob open */
	close(ready[0]);
	close(ready[1]);
	snprintf(path, sizeof(path), "/proc/%d/fail-nth", pid);
	{
		int fd = open(path, O_WRONLY);

		check(fd >= 0 && write(fd, "1", 1) == 1,
		      "a parent writes its child's fail-nth", strerror(errno));
		close(fd);
	}
	write(fds[1], "x", 1);
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "the child's next allocation fails, not the parent's", NULL);
	close(fds[0]);
	close(fds[1]);
}

/* Whether the command line names this call (none named: every call). */
static int chosen(int argc, char *argv[], const char *name)
{
	int i;

	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], name))
			return 1;
	return argc < 2;
}

/* PR_SET_CHILD_SUBREAPER, which the walk relies on: a grandchild whose
 * parent dies comes to us, not to init (Linux and Clonix alike). */
static void check_subreaper(void)
{
	int is = -1, fds[2], status;
	pid_t child, adopter = 0;
	char detail[64];

	if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) && errno == EINVAL &&
	    !running_on_clonix()) {
		printf("test_failnth: subreaper skipped: qemu-user does not "
		       "pass PR_SET_CHILD_SUBREAPER on (a Linux kernel has it)\n");
		return;
	}
	check(prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0 &&
	      prctl(PR_GET_CHILD_SUBREAPER, &is, 0, 0, 0) == 0 && is == 1,
	      "prctl(PR_SET_CHILD_SUBREAPER) and PR_GET", strerror(errno));
	if (pipe(fds))
		return;
	child = fork();
	if (child == 0) {
		pid_t parent = getpid();

		if (fork() == 0) {	/* the grandchild */
			pid_t now;

			while ((now = getppid()) == parent)
				sched_yield();	/* until it is orphaned */
			write(fds[1], &now, sizeof(now));
			_exit(0);
		}
		_exit(0);
	}
	close(fds[1]);
	waitpid(child, &status, 0);
	if (read(fds[0], &adopter, sizeof(adopter)) != sizeof(adopter))
		adopter = -1;
	close(fds[0]);
	snprintf(detail, sizeof(detail), "adopted by %d, we are %d", adopter,
		 getpid());
	check(adopter == getpid(), "an orphan comes to the subreaper",
	      detail);
	check(waitpid(-1, &status, 0) > 0 && WIFEXITED(status),
	      "the subreaper reaps it", NULL);
}

int main(int argc, char *argv[])
{
	struct usage base;
	size_t i;
	int total = 0;

	check_prog = "test_failnth";
	if (argc == 3 && !strcmp(argv[1], "--exec-child"))
		return exec_child(atoi(argv[2]));
	setvbuf(stdout, NULL, _IONBF, 0);
	check_subreaper();
	if (argc > 1 && !strcmp(argv[1], "-v")) {
		verbose = 1;
		argv[1] = argv[0];
		argc--;
		argv++;
	}
	if (!running_on_clonix() || access("/proc/self/fail-nth", W_OK)) {
		printf("test_failnth: the walk skipped: no fail-nth here "
		       "(Linux has it only with CONFIG_FAULT_INJECTION)\n");
		return check_summary();
	}
	check_knob();
	prefault_stack();
	/* Warm up: each call once with nothing injected. */
	for (i = 0; i < NR_CALLS; i++)
		if (chosen(argc, argv, calls[i].name))
			step(&calls[i], 0);
	measure(&base);
	for (i = 0; i < NR_CALLS; i++) {
		int k;

		if (!chosen(argc, argv, calls[i].name))
			continue;
		k = walk(&calls[i], &base);
		if (k > 0)
			total += k;
	}
	printf("test_failnth: %d failure points in all\n", total);
	return check_summary();
}
