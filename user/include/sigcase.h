/* Named test cases that each run in a child of their own, for the signal
 * test programs (user/test_sig*.c): a case may die of its own signal, stop,
 * or hang (a kernel without handlers runs the default action instead), and
 * the program still goes on to the next case. run_case() prints one
 * check.h line "<prog>: <case>: ok" or "... FAILED (what was seen)". A
 * case is a function returning 0 for ok; FAIL() records what it saw. */
#ifndef SIGCASE_H
#define SIGCASE_H

#include "check.h"
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

static char case_detail[200];
/* Only the cases whose name holds this run (a program's first argument,
 * for chasing one case: "test_sigwait alarm"). */
static const char *case_filter;

#define FAIL(...)                                                        \
	do {                                                              \
		snprintf(case_detail, sizeof(case_detail), __VA_ARGS__); \
		return 1;                                                \
	} while (0)
#define EXPECT(cond, ...)                 \
	do {                              \
		if (!(cond))              \
			FAIL(__VA_ARGS__); \
	} while (0)

/* How a child ended, in words, for a failure's detail. */
static inline const char *status_text(int status)
{
	static char buf[64];

	if (WIFEXITED(status))
		snprintf(buf, sizeof(buf), "exited %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, sizeof(buf), "killed by SIG%s",
			 sigabbrev_np(WTERMSIG(status)) ?: "?");
	else if (WIFSTOPPED(status))
		snprintf(buf, sizeof(buf), "stopped by SIG%s",
			 sigabbrev_np(WSTOPSIG(status)) ?: "?");
	else
		snprintf(buf, sizeof(buf), "status %#x", status);
	return buf;
}

static inline long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Wait for pid at most ms milliseconds of real time (polling: it needs no
 * signal); SIGKILL it after that. Returns its status, or -1 if it was
 * killed for the time. */
static inline int wait_or_kill(pid_t pid, int ms)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	long end = now_ms() + ms;
	int status;

	while (now_ms() < end) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return status;
		nanosleep(&tick, NULL);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	return -1;
}

/* Run fn in a child; the check passes if the child exits 0 within
 * timeout_ms, or when want_sig is not 0, if it dies of want_sig; when
 * want_sig is negative, if it does either (exits 0 or dies of -want_sig). */
static inline void run_case_ending(const char *name, int (*fn)(void),
				   int want_sig, int timeout_ms)
{
	char detail[sizeof(case_detail) + 80];
	int pfd[2], status, ok;
	ssize_t n;
	pid_t pid;

	if (case_filter && !strstr(name, case_filter))
		return;
	if (pipe(pfd) < 0) {
		check(0, name, "pipe failed");
		return;
	}
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		int r;

		close(pfd[0]);
		r = fn();
		if (r)
			n = write(pfd[1], case_detail, strlen(case_detail));
		_exit(r ? 1 : 0);
	}
	close(pfd[1]);
	if (pid < 0) {
		close(pfd[0]);
		check(0, name, "fork failed");
		return;
	}
	status = wait_or_kill(pid, timeout_ms);
	/* A grandchild may still hold the pipe: never block on it. */
	fcntl(pfd[0], F_SETFL, O_NONBLOCK);
	n = read(pfd[0], case_detail, sizeof(case_detail) - 1);
	case_detail[n > 0 ? n : 0] = 0;
	close(pfd[0]);
	if (status == -1) {
		ok = 0;
		snprintf(detail, sizeof(detail), "no end after %d ms%s%s",
			 timeout_ms, case_detail[0] ? ": " : "", case_detail);
	} else if (want_sig) {
		int sig = want_sig < 0 ? -want_sig : want_sig;

		ok = (WIFSIGNALED(status) && WTERMSIG(status) == sig) ||
		     (want_sig < 0 && WIFEXITED(status) &&
		      WEXITSTATUS(status) == 0);
		snprintf(detail, sizeof(detail),
			 "want %skilled by SIG%s, got %s%s%s",
			 want_sig < 0 ? "exit 0 or " : "", sigabbrev_np(sig),
			 status_text(status),
			 case_detail[0] ? ": " : "", case_detail);
	} else {
		ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
		if (WIFEXITED(status) && case_detail[0])
			snprintf(detail, sizeof(detail), "%s", case_detail);
		else
			snprintf(detail, sizeof(detail), "child %s",
				 status_text(status));
	}
	check(ok, name, detail);
}

/* Wait for a signal: pause(), but a kernel without pause (ENOSYS) gets
 * a 10 ms sleep instead of a busy loop. */
static inline void idle(void)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };

	if (pause() == -1 && errno != EINTR)
		nanosleep(&tick, NULL);
}

static inline void run_case(const char *name, int (*fn)(void))
{
	run_case_ending(name, fn, 0, 20000);
}

#endif
