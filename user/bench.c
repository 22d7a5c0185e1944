/* bench: what process creation costs — the benchmark `make bench` runs
 * (scripts/bench/bench.py, issue 13). One static glibc program, the same on
 * RISC-V, i386 and a Linux host, prints one line per figure:
 *
 *   BENCH name=fork_exit_wait_0k unit=insn median=436078 min=... max=...
 *         rounds=11 reps=1 [more key=value fields]
 *
 * Times come from clock_gettime(CLOCK_MONOTONIC) in nanoseconds. Under
 * QEMU's `-icount shift=0,align=off` one guest nanosecond is one executed
 * instruction, so the same figures are instruction counts; the program
 * cannot tell, and prints the unit its caller names (--unit insn|ns).
 * Each round times `reps` operations in a row (cheap operations many times,
 * as the clock may tick only every 100 ns) and yields the cost of one; the
 * line gives the median of the rounds, with the smallest and largest. One
 * untimed round comes first, to warm up. The cost of reading the clock
 * (the figure clock_gettime) is taken off every timing.
 *
 * Usage: bench [--unit insn|ns] [--quick] [--bin DIR] [--skip NAME,...]
 *   --quick: few rounds and a short shell loop, for the tests;
 *   --bin: where bench_tiny, true and busybox are (default /bin);
 *   --skip: figures not to run (on a shared Linux host: min_procs and
 *           max_procs).
 * As process 1 (Linux booted with bench as its init, for the comparison
 * scripts/bench/bench.py --linux makes) it mounts /proc first and powers
 * the machine off at the end.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PAGE 4096L
#define KiB 1024L
#define MiB (1024L * 1024L)
#define MAX_ROUNDS 64
#define MAX_SLEEPERS 1000
#define MAX_PROCS 20000

/* The programs it runs, in /bin unless --bin DIR says (on a Linux host). */
static char TINY[256] = "/bin/bench_tiny";	/* one page, no C library */
static char TRUE[256] = "/bin/true";		/* static glibc, return 0 */
static char SHELL[256] = "/bin/busybox";	/* run as `sh` */

static const char *unit = "ns";
static int quick;
static const char *skip = "";	/* --skip: figures not to run */
static int64_t clock_cost;	/* what one now() costs */
static double last_median;	/* the last figure's */
static char *envp[] = { "PATH=/bin:/usr/bin", NULL };

/* ---- the clock and the figures --------------------------------------- */

static int64_t now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Time since t0, less what reading the clock costs: the time between the
 * two readings of a back-to-back pair is about one call's. */
static int64_t since(int64_t t0)
{
	int64_t t = now() - t0 - clock_cost;

	return t > 0 ? t : 0;
}

/* A figure: returns the total of `reps` operations (a time, or a count,
 * which may be negative), or FAILED with errno set when one failed. */
#define FAILED INT64_MIN
typedef int64_t (*bench_fn)(long reps, void *arg);

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Whether --skip names this figure. */
static int skipped(const char *name)
{
	size_t n = strlen(name);

	for (const char *p = strstr(skip, name); p; p = strstr(p + 1, name))
		if ((p == skip || p[-1] == ',') && (p[n] == ',' || !p[n]))
			return 1;
	return 0;
}

/* Run fn `rounds` times (after one warm-up unless warm is 0) and print its
 * line; extra is appended as it is (more key=value fields), or NULL.
 * Returns how many operations ran in all. */
static long figure_unit(const char *name, const char *u, int rounds,
			long reps, int warm, bench_fn fn, void *arg,
			const char *extra)
{
	double v[MAX_ROUNDS];
	int i;

	if (skipped(name))
		return 0;
	if (rounds > MAX_ROUNDS)
		rounds = MAX_ROUNDS;
	if (warm && fn(reps, arg) == FAILED)
		goto failed;
	for (i = 0; i < rounds; i++) {
		int64_t t = fn(reps, arg);

		if (t == FAILED)
			goto failed;
		v[i] = (double)t / reps;
	}
	qsort(v, rounds, sizeof(v[0]), cmp_double);
	last_median = v[rounds / 2];
	printf("BENCH name=%s unit=%s median=%.0f min=%.0f max=%.0f "
	       "rounds=%d reps=%ld%s%s\n", name, u, v[rounds / 2], v[0],
	       v[rounds - 1], rounds, reps, extra ? " " : "",
	       extra ? extra : "");
	return (rounds + (warm != 0)) * reps;
failed:
	printf("BENCH_ERROR name=%s errno=%d (%s)\n", name, errno,
	       strerror(errno));
	return 0;
}

/* A timed figure, in the caller's unit; quick mode: 3 rounds, reps / 10. */
static long figure(const char *name, int rounds, long reps, bench_fn fn,
		   void *arg, const char *extra)
{
	if (quick) {
		rounds = 3;
		reps = reps > 10 ? reps / 10 : reps;
	}
	return figure_unit(name, unit, rounds, reps, 1, fn, arg, extra);
}

/* Wait for pid; -1 (errno EINVAL) unless it exited with status 0. */
static int reap(pid_t pid)
{
	int status;

	if (wait4(pid, &status, 0, NULL) != pid)
		return -1;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		errno = EINVAL;
		return -1;
	}
	return 0;
}

/* ---- system calls and process creation ------------------------------- */

static int64_t bench_clock(long reps, void *arg)
{
	int64_t t0 = now(), t;

	(void)arg;
	for (long i = 0; i < reps; i++)
		now();
	t = now() - t0;		/* reps + 1 readings in all */
	return t * reps / (reps + 1);
}

static int64_t bench_getppid(long reps, void *arg)
{
	int64_t t0 = now();

	(void)arg;
	for (long i = 0; i < reps; i++)
		getppid();
	return since(t0);
}

static int64_t bench_yield(long reps, void *arg)
{
	int64_t t0 = now();

	(void)arg;
	for (long i = 0; i < reps; i++)
		sched_yield();
	return since(t0);
}

static int64_t bench_fork(long reps, void *arg)
{
	int64_t t0 = now();

	(void)arg;
	for (long i = 0; i < reps; i++) {
		pid_t pid = fork();

		if (pid < 0)
			return FAILED;
		if (pid == 0)
			_exit(0);
		if (reap(pid) < 0)
			return FAILED;
	}
	return since(t0);
}

/* vfork a child that exits at once. The child never returns from here,
 * so it cannot clobber the caller's frame, which it borrows. */
static __attribute__((noinline)) pid_t vfork_exit(void)
{
	pid_t pid = vfork();

	if (pid == 0)
		_exit(0);
	return pid;
}

static int64_t bench_vfork(long reps, void *arg)
{
	int64_t t0 = now();

	(void)arg;
	for (long i = 0; i < reps; i++) {
		pid_t pid = vfork_exit();

		if (pid < 0 || reap(pid) < 0)
			return FAILED;
	}
	return since(t0);
}

/* fork, execve(path), wait4; arg is the path. */
static int64_t bench_exec(long reps, void *arg)
{
	char *path = arg, *argv[] = { path, NULL };
	int64_t t0 = now();

	for (long i = 0; i < reps; i++) {
		pid_t pid = fork();

		if (pid < 0)
			return FAILED;
		if (pid == 0) {
			execve(path, argv, envp);
			_exit(127);
		}
		if (reap(pid) < 0)
			return FAILED;
	}
	return since(t0);
}

/* The first write to a copy-on-write page: a child writes one byte to a
 * page its parent wrote before the fork, timing the write itself. */
static int64_t bench_cow_write(long reps, void *arg)
{
	volatile char *page = arg;
	int64_t total = 0, t;
	int p[2];

	if (pipe2(p, O_CLOEXEC) < 0)
		return FAILED;
	for (long i = 0; i < reps; i++) {
		pid_t pid = fork();

		if (pid < 0)
			return FAILED;
		if (pid == 0) {
			int64_t t0;

			now();	/* any fault of the child's own stack first */
			t0 = now();
			page[0] = 2;
			t = since(t0);
			_exit(write(p[1], &t, sizeof(t)) == sizeof(t) ? 0 : 1);
		}
		if (read(p[0], &t, sizeof(t)) != sizeof(t) || reap(pid) < 0)
			return FAILED;
		total += t;
	}
	close(p[0]);
	close(p[1]);
	return total;
}

/* Anonymous memory of `bytes`, every page written. */
static char *touched(long bytes)
{
	char *m;

	if (!bytes)
		return NULL;
	m = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED) {
		printf("BENCH_ERROR name=mmap bytes=%ld errno=%d\n", bytes,
		       errno);
		return NULL;
	}
	for (long off = 0; off < bytes; off += PAGE)
		m[off] = 1;
	return m;
}

/* fork + _exit + wait4 with 0, 64 KiB ... 32 MiB touched before. */
static void fork_figures(void)
{
	static const struct { const char *name; long bytes; int rounds; }
	sizes[] = {
		{ "fork_exit_wait_0k", 0, 15 },
		{ "fork_exit_wait_64k", 64 * KiB, 11 },
		{ "fork_exit_wait_1m", 1 * MiB, 11 },
		{ "fork_exit_wait_8m", 8 * MiB, 9 },
		{ "fork_exit_wait_32m", 32 * MiB, 7 },
	};
	char extra[64];

	for (unsigned i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		char *m = touched(sizes[i].bytes);

		if (sizes[i].bytes && !m)
			continue;
		snprintf(extra, sizeof(extra), "touched_kib=%ld",
			 sizes[i].bytes / KiB);
		figure(sizes[i].name, sizes[i].rounds, 1, bench_fork, NULL,
		       extra);
		if (m)
			munmap(m, sizes[i].bytes);
	}
}

/* ---- two processes taking turns, with others asleep ------------------ */

/* The sleepers: bench_tiny processes blocked reading a pipe (their fd 0),
 * started by vfork + execve so each costs as little memory as can be. */
static pid_t sleepers[MAX_SLEEPERS];
static int nr_sleepers;
static int sleep_pipe[2] = { -1, -1 };

/* vfork bench_tiny with arg (its mode), with fd as its descriptor as. */
static __attribute__((noinline)) pid_t vfork_tiny(char *arg, int fd, int as)
{
	char *argv[] = { "bench_tiny", arg, NULL };
	pid_t pid = vfork();

	if (pid == 0) {
		dup2(fd, as);
		execve(TINY, argv, envp);
		_exit(127);
	}
	return pid;
}

/* vfork one sleeper: bench_tiny with the sleepers' pipe as its fd 0. */
static pid_t vfork_sleeper(void)
{
	return vfork_tiny("sleep", sleep_pipe[0], 0);
}

/* Start sleepers until there are n (or fork fails); return how many. */
static int add_sleepers(int n)
{
	if (sleep_pipe[0] < 0 && pipe2(sleep_pipe, O_CLOEXEC) < 0)
		return nr_sleepers;
	while (nr_sleepers < n && nr_sleepers < MAX_SLEEPERS) {
		pid_t pid = vfork_sleeper();

		if (pid < 0) {
			/* Out of processes (threads-max) or memory: give
			 * a few back, for the ping-pong's partner. */
			printf("BENCH_NOTE sleepers=%d fork failed: %s\n",
			       nr_sleepers, strerror(errno));
			for (int i = 0; i < 8 && nr_sleepers > 0; i++) {
				pid = sleepers[--nr_sleepers];
				kill(pid, SIGKILL);
				waitpid(pid, NULL, 0);
			}
			break;
		}
		sleepers[nr_sleepers++] = pid;
	}
	return nr_sleepers;
}

/* Wake every sleeper (end of file on its pipe) and reap it. */
static void release_sleepers(void)
{
	if (sleep_pipe[0] < 0)
		return;
	close(sleep_pipe[0]);
	close(sleep_pipe[1]);
	sleep_pipe[0] = sleep_pipe[1] = -1;
	for (int i = 0; i < nr_sleepers; i++)
		if (reap(sleepers[i]) < 0)
			printf("BENCH_ERROR name=sleeper pid=%d errno=%d\n",
			       sleepers[i], errno);
	nr_sleepers = 0;
}

/* The partner of a ping-pong: it answers each byte on `ping` with one on
 * `pong` (pipe ping-pong), or yields forever (yield ping-pong). */
struct partner {
	pid_t pid;
	int ping, pong;			/* the parent's ends */
	volatile long *yields;		/* the partner's sched_yield count */
};

static int start_partner(struct partner *pp, int yield)
{
	int a[2], b[2];
	char c;

	if (pipe2(a, O_CLOEXEC) < 0 || pipe2(b, O_CLOEXEC) < 0)
		return -1;
	pp->pid = fork();
	if (pp->pid < 0)
		return -1;
	if (pp->pid == 0) {
		close(a[1]);
		close(b[0]);
		if (yield) {
			if (write(b[1], "r", 1) != 1)
				_exit(1);
			for (;;) {
				sched_yield();
				if (pp->yields)
					(*pp->yields)++;
			}
		}
		while (read(a[0], &c, 1) == 1)
			if (write(b[1], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	close(a[0]);
	close(b[1]);
	pp->ping = a[1];
	pp->pong = b[0];
	if (yield && read(pp->pong, &c, 1) != 1)	/* it is running */
		return -1;
	return 0;
}

static void stop_partner(struct partner *pp, int yield)
{
	close(pp->ping);
	close(pp->pong);
	if (yield)
		kill(pp->pid, SIGKILL);
	waitpid(pp->pid, NULL, 0);
}

static int64_t bench_pipe_pingpong(long reps, void *arg)
{
	struct partner *pp = arg;
	int64_t t0 = now();
	char c = 'x';

	for (long i = 0; i < reps; i++)
		if (write(pp->ping, &c, 1) != 1 || read(pp->pong, &c, 1) != 1)
			return FAILED;
	return since(t0);
}

/* The parent yields reps times while its partner yields too: with two
 * runnable processes each yield is one round trip, if the scheduler
 * alternates, which the line's partner_yields field shows. */
static int64_t bench_yield_pingpong(long reps, void *arg)
{
	(void)arg;
	return bench_yield(reps, NULL);
}

static void pingpong_figures(volatile long *yields)
{
	static const int others[] = { 0, 100, 1000 };
	struct partner pp = { .yields = yields };
	char name[64], extra[96];

	for (unsigned i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		int n = add_sleepers(others[i]);
		long before, own;

		snprintf(extra, sizeof(extra), "others=%d", n);
		snprintf(name, sizeof(name), "pipe_pingpong_%d", others[i]);
		if (start_partner(&pp, 0) == 0) {
			figure(name, 11, 200, bench_pipe_pingpong, &pp, extra);
			stop_partner(&pp, 0);
		} else {
			printf("BENCH_ERROR name=%s errno=%d\n", name, errno);
		}
		snprintf(name, sizeof(name), "yield_pingpong_%d", others[i]);
		if (start_partner(&pp, 1) == 0) {
			before = yields ? *yields : 0;
			own = figure(name, 11, 200, bench_yield_pingpong, NULL,
				     extra);
			if (yields && own)
				printf("BENCH_NOTE name=%s own_yields=%ld "
				       "partner_yields=%ld\n", name, own,
				       *yields - before);
			stop_partner(&pp, 1);
		} else {
			printf("BENCH_ERROR name=%s errno=%d\n", name, errno);
		}
	}
	release_sleepers();
}

/* ---- memory: pages per forked copy, processes that fit --------------- */

/* A field of /proc/meminfo ("MemFree:", "Slab:"...), in pages (4 KiB). */
static long meminfo_pages(const char *field)
{
	static char buf[4096];
	int fd = open("/proc/meminfo", O_RDONLY | O_CLOEXEC);
	ssize_t n;
	char *p;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	p = strstr(buf, field);
	return p ? strtol(p + strlen(field), NULL, 10) / 4 : -1;
}

static long free_pages(void)
{
	return meminfo_pages("MemFree:");
}

/* A child that says it is alive (one byte on ready) and then blocks until
 * the release pipe's write end is closed everywhere. */
static void blocked_child(int ready, int release_rd, int release_wr)
{
	char c;

	close(release_wr);
	if (write(ready, "r", 1) != 1)
		_exit(1);
	while (read(release_rd, &c, 1) > 0)
		;
	_exit(0);
}

/* Free memory before and after forking reps children that block: the new
 * pages of them all (and of the parent's own copies of shared pages). The
 * last round's share of kernel stacks and slab is kept for a note. */
static long fork_pages_reps, fork_pages_total, fork_pages_stack,
	    fork_pages_slab;

static int64_t bench_fork_pages(long reps, void *arg)
{
	int ready[2], release[2];
	long before, after, stack, slab;
	pid_t pids[64];
	char c;

	(void)arg;
	if (reps > 64 || pipe2(ready, O_CLOEXEC) < 0 ||
	    pipe2(release, O_CLOEXEC) < 0)
		return FAILED;
	free_pages();	/* the file's first open warms what it needs */
	stack = meminfo_pages("KernelStack:");
	slab = meminfo_pages("Slab:");
	before = free_pages();
	for (long i = 0; i < reps; i++) {
		pids[i] = fork();
		if (pids[i] < 0)
			return FAILED;
		if (pids[i] == 0)
			blocked_child(ready[1], release[0], release[1]);
	}
	for (long i = 0; i < reps; i++)
		if (read(ready[0], &c, 1) != 1)
			return FAILED;
	after = free_pages();
	fork_pages_reps = reps;
	fork_pages_total = before - after;
	fork_pages_stack = meminfo_pages("KernelStack:") - stack;
	fork_pages_slab = meminfo_pages("Slab:") - slab;
	close(release[1]);
	for (long i = 0; i < reps; i++)
		if (reap(pids[i]) < 0)
			return FAILED;
	close(release[0]);
	close(ready[0]);
	close(ready[1]);
	return before - after;
}

/* Where a forked copy's pages go, from its last round: kernel stacks and
 * slab as /proc/meminfo counts them, the rest (page tables and the pages
 * either side wrote) by difference. */
static void fork_pages_note(void)
{
	double per = fork_pages_reps > 0 ? 1.0 / fork_pages_reps : 0;

	/* Not when the counts do not add up: Linux's per-CPU page lists keep
	 * pages out of MemFree, so its figure is below its kernel stacks. */
	if (fork_pages_reps <= 0 || fork_pages_stack < 0 ||
	    fork_pages_slab < 0 ||
	    fork_pages_total < fork_pages_stack + fork_pages_slab)
		return;
	printf("BENCH_NOTE name=fork_new_pages last_round=%.1f "
	       "kernel_stack=%.1f slab=%.1f tables_and_written_pages=%.1f "
	       "(pages per copy)\n", fork_pages_total * per,
	       fork_pages_stack * per, fork_pages_slab * per,
	       (fork_pages_total - fork_pages_stack - fork_pages_slab) * per);
}

/*
 * The most processes alive at once: a forker child forks blocked children
 * until fork fails, then releases and reaps them, and reports through a
 * pipe how many said they were alive and why fork failed. It is a child of
 * its own so that, if running out of memory kills it (a write fault with
 * no page left), bench carries on and says so. The count is the figure.
 * A round of it or of min_procs (below) fills in a procs_result.
 */
struct procs_result {
	long alive, forks;
	int err;
	long free_before, free_after;
};

/* Free pages below which the forker stops (-1: it forks until fork
 * fails); counted as ENOMEM. */
#define MEMORY_FLOOR 512
static long memory_floor = -1;

static void forker(int out)
{
	static pid_t pids[MAX_PROCS];
	struct procs_result r = { 0 };
	int ready[2], release[2];
	char buf[256];
	ssize_t n;

	if (pipe2(ready, O_CLOEXEC) < 0 || pipe2(release, O_CLOEXEC) < 0)
		_exit(2);
	fcntl(ready[0], F_SETFL, O_NONBLOCK);
	while (r.forks < MAX_PROCS) {
		pid_t pid;

		if (memory_floor > 0 &&
		    free_pages() < memory_floor) {
			r.err = ENOMEM;
			break;
		}
		pid = fork();

		if (pid < 0) {
			r.err = errno;
			break;
		}
		if (pid == 0)
			blocked_child(ready[1], release[0], release[1]);
		pids[r.forks++] = pid;
		while ((n = read(ready[0], buf, sizeof(buf))) > 0)
			r.alive += n;
	}
	/* Let every child that is still starting get to its read. */
	fcntl(ready[0], F_SETFL, 0);
	close(ready[1]);
	close(release[1]);
	while ((n = read(ready[0], buf, sizeof(buf))) > 0)
		r.alive += n;
	for (long i = 0; i < r.forks; i++)
		waitpid(pids[i], NULL, 0);
	_exit(write(out, &r, sizeof(r)) == sizeof(r) ? 0 : 1);
}

/* One round of max_procs. Free pages are counted here, before the forker
 * starts and after it is reaped: every page of the round must come back. */
static int64_t max_procs_round(struct procs_result *r)
{
	int p[2], status;
	long before;
	pid_t pid;

	free_pages();
	before = free_pages();
	if (pipe2(p, O_CLOEXEC) < 0)
		return FAILED;
	pid = fork();
	if (pid < 0)
		return FAILED;
	if (pid == 0)
		forker(p[1]);
	close(p[1]);
	if (read(p[0], r, sizeof(*r)) != sizeof(*r)) {
		waitpid(pid, &status, 0);
		printf("BENCH_ERROR name=max_procs forker %s %d\n",
		       WIFSIGNALED(status) ? "killed by signal" : "exited",
		       WIFSIGNALED(status) ? WTERMSIG(status) :
		       WEXITSTATUS(status));
		close(p[0]);
		errno = ECHILD;
		return FAILED;
	}
	close(p[0]);
	waitpid(pid, &status, 0);
	r->free_before = before;
	r->free_after = free_pages();
	return r->alive;
}

/* The kernel's thread limit (/proc/sys/kernel/threads-max): read, and
 * set when value > 0 (root). Returns the value read, or -1. */
static long threads_max(long value)
{
	char buf[32];
	int fd = open("/proc/sys/kernel/threads-max",
		      value > 0 ? O_RDWR : O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

	if (n > 0 && value > 0) {
		int len = snprintf(buf, sizeof(buf), "%ld\n", value);

		if (write(fd, buf, len) != len)
			n = -1;
	}
	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	return atol(buf);
}

/*
 * On Clonix the kernel's thread limit is lifted for the whole run (as root
 * may on Linux), so the 1,000 sleepers and the most processes are counted
 * against memory, not against max_threads (an eighth of RAM in kernel
 * stacks); the forker then stops a few pages short of running out (a
 * copy-on-write fault with no page left would kill it). Never on another
 * kernel, whose limit is the host's. Returns the old limit, or -1.
 */
static long lift_thread_limit(void)
{
	struct utsname u;
	long limit = -1;

	if (uname(&u) == 0 && strstr(u.version, "Clonix"))
		limit = threads_max(0);
	if (limit > 0) {
		threads_max(1L << 20);
		memory_floor = MEMORY_FLOOR;
	}
	return limit;
}

/*
 * The most minimal processes alive at once: `bench_tiny procs` (no C
 * library) forks copies of itself that write no memory until fork fails,
 * releases and reaps them, and prints "MIN_PROCS procs=N forks=F error=E"
 * (procs: the copies still alive when fork failed); its output comes
 * through a pipe. Free pages are counted
 * before it starts and after it is reaped, as for max_procs.
 */
static int64_t min_procs_round(struct procs_result *r)
{
	char line[160] = "";
	int p[2], status = 0;
	ssize_t n, len = 0;
	pid_t pid;

	free_pages();
	r->free_before = free_pages();
	if (pipe2(p, O_CLOEXEC) < 0)
		return FAILED;
	pid = vfork_tiny("procs", p[1], 1);
	close(p[1]);
	if (pid < 0) {
		close(p[0]);
		return FAILED;
	}
	/* Until every copy is gone: they hold the pipe's write end too. */
	while ((n = read(p[0], line + len, sizeof(line) - 1 - len)) > 0)
		len += n;
	line[len] = '\0';
	close(p[0]);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0 ||
	    sscanf(line, "MIN_PROCS procs=%ld forks=%ld error=%d",
		   &r->alive, &r->forks, &r->err) != 3) {
		printf("BENCH_ERROR name=min_procs status=%#x output=%s\n",
		       status, len ? line : "(none)\n");
		errno = ECHILD;
		return FAILED;
	}
	r->free_after = free_pages();
	return r->alive;
}

/* min_procs or max_procs: the line by hand, its extra fields from the
 * last round. */
static void procs_figure(const char *name, int rounds,
			 int64_t (*round)(struct procs_result *r))
{
	struct procs_result r = { 0 };
	double v[MAX_ROUNDS];
	int i;

	if (skipped(name))
		return;
	for (i = 0; i < rounds; i++) {
		int64_t n = round(&r);

		if (n == FAILED)
			return;
		v[i] = (double)n;
	}
	qsort(v, rounds, sizeof(v[0]), cmp_double);
	printf("BENCH name=%s unit=procs median=%.0f min=%.0f max=%.0f "
	       "rounds=%d reps=1 forks=%ld error=%s free_before=%ld "
	       "free_after=%ld\n", name, v[rounds / 2], v[0], v[rounds - 1],
	       rounds, r.forks, r.err == ENOMEM ? "ENOMEM" :
	       r.err == EAGAIN ? "EAGAIN" : r.err ? "other" : "none",
	       r.free_before, r.free_after);
}

/* ---- a shell running /bin/true in a loop ----------------------------- */

static int64_t bench_shell(long reps, void *arg)
{
	char *argv[] = { "sh", "-c", arg, NULL };
	int64_t t0 = now();

	for (long i = 0; i < reps; i++) {
		pid_t pid = fork();

		if (pid < 0)
			return FAILED;
		if (pid == 0) {
			execve(SHELL, argv, envp);
			_exit(127);
		}
		if (reap(pid) < 0)
			return FAILED;
	}
	return since(t0);
}

/* ---- main --------------------------------------------------------------- */

int main(int argc, char *argv[])
{
	long old_threads_max;
	struct rlimit nproc = { 1 << 20, 1 << 20 };
	struct timespec res;
	struct utsname u;
	volatile long *yields;
	char extra[160], script[384];
	char *page;
	int n;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--quick"))
			quick = 1;
		else if (!strcmp(argv[i], "--unit") && i + 1 < argc)
			unit = argv[++i];
		else if (!strcmp(argv[i], "--bin") && i + 1 < argc) {
			i++;
			snprintf(TINY, sizeof(TINY), "%s/bench_tiny", argv[i]);
			snprintf(TRUE, sizeof(TRUE), "%s/true", argv[i]);
			snprintf(SHELL, sizeof(SHELL), "%s/busybox", argv[i]);
		} else if (!strcmp(argv[i], "--skip") && i + 1 < argc) {
			skip = argv[++i];
		} else {
			fprintf(stderr, "usage: bench [--unit insn|ns] "
				"[--quick] [--bin DIR] [--skip NAME,...]\n");
			return 2;
		}
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (getpid() == 1 && access("/proc/meminfo", R_OK) != 0)
		mount("proc", "/proc", "proc", 0, NULL);
	uname(&u);
	clock_getres(CLOCK_MONOTONIC, &res);
	/* Linux lets root fork past RLIMIT_NPROC; Clonix has no root
	 * privilege, so the limit is raised here, for the same test (to a
	 * number: threads-max binds first anyway). */
	setrlimit(RLIMIT_NPROC, &nproc);
	old_threads_max = lift_thread_limit();
	printf("BENCH_INFO arch=%s unit=%s quick=%d clock_res_ns=%ld "
	       "free_pages=%ld\n", u.machine, unit, quick,
	       res.tv_sec * 1000000000 + res.tv_nsec, free_pages());

	/* Reading the clock: measured first, taken off everything after
	 * (a back-to-back pair of readings is no use: the clock may tick
	 * only every 100 instructions). */
	clock_cost = 0;
	figure("clock_gettime", 15, 1000, bench_clock, NULL, NULL);
	clock_cost = (int64_t)(last_median + 0.5);

	figure("getppid", 15, 2000, bench_getppid, NULL, NULL);
	figure("sched_yield", 15, 1000, bench_yield, NULL, NULL);
	fork_figures();
	figure("vfork_exit_wait", 15, 10, bench_vfork, NULL, NULL);
	figure("fork_exec_tiny_wait", 11, 1, bench_exec, TINY, NULL);
	figure("fork_exec_true_wait", 11, 1, bench_exec, TRUE, NULL);

	page = touched(64 * KiB);
	if (page) {
		figure("cow_first_write", 15, 1, bench_cow_write, page, NULL);
		munmap(page, 64 * KiB);
	}

	yields = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pingpong_figures(yields == MAP_FAILED ? NULL : yields);

	figure_unit("fork_new_pages", "pages", quick ? 3 : 5, quick ? 8 : 32,
		    1, bench_fork_pages, NULL, NULL);
	fork_pages_note();

	n = quick ? 30 : 300;
	snprintf(script, sizeof(script),
		 "i=0; while [ $i -lt %d ]; do %s; i=$((i+1)); done", n,
		 TRUE);
	snprintf(extra, sizeof(extra), "count=%d", n);
	figure_unit("sh_true_loop", unit, quick ? 1 : 3, 1, 0, bench_shell,
		    script, extra);

	/* Last: they run the machine out of memory (or out of processes). */
	procs_figure("min_procs", quick ? 1 : 3, min_procs_round);
	procs_figure("max_procs", quick ? 1 : 3, max_procs_round);
	if (old_threads_max > 0)
		threads_max(old_threads_max);
	printf("BENCH_DONE\n");
	if (getpid() == 1) {
		sync();
		reboot(RB_POWER_OFF);
	}
	return 0;
}
