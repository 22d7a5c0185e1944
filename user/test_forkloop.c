/* test_forkloop [N]: N rounds of fork, child exit, wait — then check that
 * the kernel's free-page count (sysinfo) is exactly where it started. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static unsigned long free_pages(void)
{
	struct sysinfo si;

	if (sysinfo(&si) != 0) {
		perror("sysinfo");
		exit(2);
	}
	return si.freeram * si.mem_unit / 4096;
}

static int round_trip(int i)
{
	int status;
	pid_t pid = fork();

	if (pid < 0) {
		perror("fork");
		return -1;
	}
	if (pid == 0)
		_exit(i & 0x7f);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != (i & 0x7f)) {
		printf("round %d: wrong wait status 0x%x\n", i, status);
		return -1;
	}
	return 0;
}

int main(int argc, char *argv[])
{
	int n = argc > 1 ? atoi(argv[1]) : 1000, i;
	unsigned long before, after;

	struct timespec t0, t1;
	double us;

	round_trip(0);	/* warm up: stdio and the heap settle first */
	before = free_pages();
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 1; i <= n; i++)
		if (round_trip(i))
			return 1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	after = free_pages();
	us = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / 1e3;
	printf("forkloop: %.1f us per fork+exit+wait\n", n ? us / n : 0.0);
	printf("forkloop: %d rounds, free pages before %lu after %lu: %s\n", n,
	       before, after, before == after ? "same" : "DIFFERENT");
	return before == after ? 0 : 1;
}
