/* test_latency: no system call keeps the CPU for long, whatever sizes a
 * program asks for. The kernel is not preemptible, so while one process is
 * inside a long system call nobody else runs; a measurer child that wakes
 * up every millisecond notes the longest gap between its wake-ups while
 * the parent forks, unmaps and exits with huge, nearly untouched address
 * spaces and asks getrandom for a huge count. Every gap must stay below
 * 100 ms (a time slice is 50 ms). Meant to run under QEMU's -icount, where
 * guest time counts instructions and does not depend on the host's load.
 * Usage: test_latency [max-gap-ms] */
#include "check.h"
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PG 4096UL
#define min(a, b) ((a) < (b) ? (a) : (b))
#define MAX_RW_COUNT 0x7ffff000L	/* INT_MAX & PAGE_MASK */

static long limit_ms = 100;

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The measurer: sleep 1 ms at a time until SIGUSR1 is pending (it stays
 * blocked, so no handler is needed); exit with the longest gap in ms. */
static pid_t start_measurer(void)
{
	pid_t pid = fork();
	struct timespec ms = { 0, 1000000 };
	double last, t, gap = 0;
	sigset_t set;

	if (pid)
		return pid;
	last = now_ms();
	for (;;) {
		nanosleep(&ms, NULL);
		t = now_ms();
		if (t - last > gap)
			gap = t - last;
		last = t;
		sigpending(&set);
		if (sigismember(&set, SIGUSR1))
			_exit(gap > 255 ? 255 : (int)gap + 1);
	}
}

static double phase_start;
static pid_t measurer;

static void begin(void)
{
	measurer = start_measurer();
	sched_yield();	/* let it take its first time stamp */
	phase_start = now_ms();
}

/* End a phase: stop the measurer, report the phase's length and the
 * longest time the measurer was kept from running. */
static void end(const char *what)
{
	double took = now_ms() - phase_start;
	char name[128], detail[64];
	int status = 0, gap;

	kill(measurer, SIGUSR1);
	waitpid(measurer, &status, 0);
	gap = WIFEXITED(status) ? WEXITSTATUS(status) : 999;
	printf("latency: %s: took %.0f ms, longest gap %s%d ms\n", what, took,
	       gap == 255 ? ">= " : "", gap);
	snprintf(name, sizeof(name), "%s: no gap above %ld ms", what,
		 limit_ms);
	snprintf(detail, sizeof(detail), "gap %d ms", gap);
	check(gap <= limit_ms, name, detail);
}

#define MAX_MAPS 16
static struct {
	char *start;
	size_t len;
} maps[MAX_MAPS];

/* Untouched mappings, as large as we get, up to want bytes in all (on
 * i386 the address space runs out first: several then). */
static size_t map_huge(size_t want)
{
	size_t chunk = want, total = 0;
	int n = 0;

	while (n < MAX_MAPS && total < want && chunk >= (64UL << 20)) {
		char *m = mmap(NULL, chunk, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
			       -1, 0);

		if (m == MAP_FAILED) {
			chunk /= 2;
			continue;
		}
		maps[n].start = m;
		maps[n++].len = chunk;
		total += chunk;
		chunk = min(chunk, want - total);
	}
	return total;
}

static void fork_and_munmap_huge_mappings(void)
{
	size_t want = sizeof(long) == 8 ? 128UL << 30 : 0xa0000000UL, total;
	int i, j, ok = 1;
	pid_t pid;

	total = map_huge(want);
	check(total > 0, "mmap huge MAP_NORESERVE regions", NULL);
	printf("latency: mapped %lu MiB\n", (unsigned long)(total >> 20));
	for (i = 0; maps[i].len; i++)	/* a few pages each, far apart */
		for (j = 0; j < 4; j++)
			maps[i].start[j * (maps[i].len / 4)] =
				maps[i].start[maps[i].len - 1 - j * PG] = 1;

	begin();
	pid = fork();
	if (pid == 0)
		_exit(maps[0].start[0] == 1 ? 0 : 1);
	waitpid(pid, NULL, 0);
	end("fork and exit with huge mappings");

	begin();
	for (i = 0; maps[i].len; i++)
		ok &= munmap(maps[i].start, maps[i].len) == 0;
	check(ok, "munmap the huge mappings", NULL);
	end("munmap of huge mappings");
}

/* A child grows the heap by as much as it may, touches a little, exits. */
static void exit_with_huge_heap(void)
{
	size_t grow = sizeof(long) == 8 ? 64UL << 30 : 0x40000000UL;
	int status = 0;
	pid_t pid;

	begin();
	pid = fork();
	if (pid == 0) {
		char *b = sbrk(0);

		for (; grow >= (64UL << 20); grow /= 2)
			if (sbrk(grow) != (void *)-1)
				break;
		if (grow < (64UL << 20))
			_exit(2);
		b[0] = b[grow / 2] = b[grow - 1] = 1;
		printf("latency: the child's heap grew by %lu MiB\n",
		       (unsigned long)(grow >> 20));
		fflush(stdout);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "a child grows its heap hugely and exits", NULL);
	end("exit with a huge heap");
}

/* getrandom fills a 32 MiB buffer (work enough to outlast a time slice
 * twice) and stops at the unmapped page after it, however large the
 * count. */
static void getrandom_huge_count(void)
{
	size_t len = 32UL << 20;
	/* volatile: the compiler would warn about a count this large */
	volatile size_t count = sizeof(long) == 8 ? (size_t)91626004471ULL
						  : ~PG;
	char *m = mmap(NULL, len + PG, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char detail[64];
	ssize_t n;

	check(m != MAP_FAILED && munmap(m + len, PG) == 0,
	      "map 32 MiB with nothing after it", NULL);
	if (m == MAP_FAILED)
		return;
	begin();
	n = getrandom(m, count, 0);
	end("getrandom with a huge count");
	snprintf(detail, sizeof(detail), "returned %zd", n);
	check(n == (ssize_t)len && n <= MAX_RW_COUNT,
	      "getrandom returns what fit before the unmapped page", detail);
	munmap(m, len);
}

int main(int argc, char *argv[])
{
	sigset_t usr1;

	check_prog = "latency";
	if (argc > 1)
		limit_ms = atol(argv[1]);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, NULL);	/* measurers inherit it */
	setvbuf(stdout, NULL, _IOLBF, 0);

	begin();	/* baselines: the parent sleeps, then spins */
	usleep(200000);
	end("baseline, parent asleep");
	begin();
	while (now_ms() - phase_start < 300)
		;
	end("baseline, parent spinning in user mode");
	fork_and_munmap_huge_mappings();
	exit_with_huge_heap();
	getrandom_huge_count();
	return check_summary();
}
