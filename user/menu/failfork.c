/*
 * MenuOS's `failfork [N]`: the fault-injection lab. fork's error paths,
 * the bad_fork_* ladder at the end of copy_process, run only when an
 * allocation fails, which a healthy machine never shows. Linux's fail-nth
 * makes one fail on purpose: a task that writes N to
 * /proc/self/fail-nth has the Nth fallible kernel allocation it makes from
 * then on fail (lib/fault-inject.c).
 *
 * `failfork N` forks once with allocation N failing; `failfork` walks
 * N = 1, 2, ... until fork makes fewer than N allocations and succeeds,
 * printing what each failed fork returned, and checks that every page
 * came back (MemFree in /proc/meminfo). Each step runs in a child of its
 * own (the stepper): once its fork has succeeded, the countdown goes on
 * and a later allocation (a copy-on-write fault on its stack) may fail
 * and kill it, which must never be MenuOS. The steps are run by a walker
 * child that is a child subreaper (prctl), so a killed stepper's child
 * comes to it and is reaped before MenuOS counts the free pages. In gdb, `fail-breaks` stops at
 * the failing allocation (fail_dump) and at each bad_fork_* label the
 * unwinding passes.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "menu.h"

/* What a stepper's exit status says. */
enum { STEP_FAILED = 10, STEP_SUCCEEDED = 11, STEP_ERROR = 12 };
/* The walker's exit status: 0 fine, 1 a step went wrong. */

/* MemFree in pages, or -1. */
static long free_pages(void)
{
	char buf[2048];
	long kb = -1;
	char *p;
	int fd = open("/proc/meminfo", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	p = strstr(buf, "MemFree:");
	if (p)
		kb = strtol(p + 8, NULL, 10);
	return kb < 0 ? -1 : kb / (getpagesize() / 1024);
}

/* In the stepper: arm fail-nth with n, fork, say what fork returned. */
static void step(unsigned int n)
{
	char text[16];
	int fd = open("/proc/self/fail-nth", O_WRONLY), len, err;
	pid_t pid;

	if (fd < 0) {
		printf("failfork: /proc/self/fail-nth: %s\n", strerror(errno));
		_exit(STEP_ERROR);
	}
	len = snprintf(text, sizeof(text), "%u", n);
	fflush(stdout);
	if (write(fd, text, len) != len) {
		printf("failfork: writing %u to fail-nth: %s\n", n,
		       strerror(errno));
		_exit(STEP_ERROR);
	}
	pid = fork();	/* allocation n of this fork fails */
	err = errno;
	if (pid == 0)
		_exit(0);
	if (write(fd, "0", 1) != 1)	/* disarm, if still armed */
		_exit(STEP_ERROR);
	if (pid > 0) {
		waitpid(pid, NULL, 0);
		printf("failfork: N=%u: fork succeeded (child %d): it makes "
		       "fewer than %u allocations\n", n, pid, n);
		_exit(STEP_SUCCEEDED);
	}
	printf("failfork: N=%u: fork returned -1, errno %s (%s)\n", n,
	       err == ENOMEM ? "ENOMEM" : err == EAGAIN ? "EAGAIN" : "?",
	       strerror(err));
	_exit(err == ENOMEM || err == EAGAIN ? STEP_FAILED : STEP_ERROR);
}

/* Run one step in a stepper child; its STEP_* verdict, or -1. Whatever
 * it leaves behind (its child, if it was killed) is reaped too. */
static int run_step(unsigned int n)
{
	int status, verdict;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		printf("failfork: fork for the step: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0)
		step(n);
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	verdict = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	if (WIFSIGNALED(status)) {
		/* Its fork succeeded and a later allocation failed. */
		printf("failfork: N=%u: the stepper was killed by signal %d "
		       "after its fork\n", n, WTERMSIG(status));
		verdict = STEP_SUCCEEDED;
	}
	while (waitpid(-1, NULL, 0) > 0)
		;	/* its orphaned child, if any (we are its subreaper) */
	return verdict;
}

/* The walker: steps first..last until one fork succeeds. */
static void walk(unsigned int first, unsigned int last, int all)
{
	int verdict = -1;
	unsigned int n;

	if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0)
		printf("failfork: PR_SET_CHILD_SUBREAPER: %s\n",
		       strerror(errno));
	for (n = first; n <= last; n++) {
		verdict = run_step(n);
		if (verdict != STEP_FAILED)
			break;
	}
	if (verdict != STEP_FAILED && verdict != STEP_SUCCEEDED) {
		printf("failfork: the step at N=%u went wrong\n", n);
		exit(1);
	}
	if (all)
		printf("failfork: fork has %u failure points; every failed "
		       "fork returned -1 with ENOMEM or EAGAIN\n", n - 1);
	exit(0);
}

int FailFork(int argc, char *argv[])
{
	unsigned int first = 1, last = 1000;
	long before, after;
	int status = -1;
	pid_t pid;

	if (argc > 1) {
		first = last = strtoul(argv[1], NULL, 10);
		if (!first) {
			printf("usage: failfork [N]  (N >= 1: the allocation "
			       "that fails)\n");
			return -1;
		}
	}
	before = free_pages();
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		printf("failfork: fork: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0)
		walk(first, last, argc == 1);
	waitpid(pid, &status, 0);
	after = free_pages();
	printf("failfork: free pages before %ld, after %ld: %s\n", before,
	       after, before == after ? "every page came back" : "LEAKED");
	printf("Failfork Complete!\n");
	return before == after && WIFEXITED(status) &&
	       !WEXITSTATUS(status) ? 0 : -1;
}
