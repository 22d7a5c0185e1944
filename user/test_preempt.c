/* test_preempt: the timer takes the CPU away from a program that never
 * gives it up. The parent and a child both spin; the parent watches the
 * clock and counts the gaps when it was not running. Without preemption
 * the one that runs first would keep the CPU until it finished. */
#include "check.h"
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void)
{
	double start, last, t;
	int gaps = 0;
	char detail[64];
	pid_t pid;

	check_prog = "preempt";
	pid = fork();
	if (pid == 0)
		for (;;)
			;	/* spin until killed */
	start = last = now();
	while ((t = now()) - start < 1.0) {
		if (t - last > 0.005)
			gaps++;	/* someone else had the CPU */
		last = t;
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	snprintf(detail, sizeof(detail), "%d gaps in 1 s", gaps);
	check(gaps >= 3, "a spinning parent is preempted for its child",
	      detail);
	printf("preempt: %s\n", detail);
	return check_summary();
}
