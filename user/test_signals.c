/* test_signals: kill and the default actions — termination reported by
 * wait4 with the signal number, SIG_IGN, blocking with sigprocmask — and
 * that pid 1 survives signals it has no handler for. */
#include "check.h"
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static pid_t sleeper(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		struct timespec ts = { 5, 0 };

		nanosleep(&ts, NULL);
		_exit(0);
	}
	return pid;
}

int main(void)
{
	int status;
	pid_t pid;
	sigset_t set, old;

	check_prog = "signals";
	pid = sleeper();
	check(kill(pid, SIGTERM) == 0, "kill SIGTERM", NULL);
	check(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	      WTERMSIG(status) == SIGTERM,
	      "the child dies of SIGTERM and wait4 says so", NULL);

	pid = sleeper();
	check(waitpid(pid, &status, WNOHANG) == 0,
	      "WNOHANG returns 0 while the child lives", NULL);
	kill(pid, SIGKILL);
	check(waitpid(pid, &status, 0) == pid && WTERMSIG(status) == SIGKILL,
	      "SIGKILL", NULL);

	signal(SIGUSR1, SIG_IGN);
	check(kill(getpid(), SIGUSR1) == 0, "an ignored signal is harmless",
	      NULL);
	signal(SIGUSR1, SIG_DFL);

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	check(sigprocmask(SIG_BLOCK, &set, &old) == 0, "block SIGUSR2", NULL);
	kill(getpid(), SIGUSR2);
	check(sigpending(&old) == 0 && sigismember(&old, SIGUSR2),
	      "a blocked signal waits, pending", NULL);
	signal(SIGUSR2, SIG_IGN);	/* discards the pending one */
	check(sigprocmask(SIG_UNBLOCK, &set, NULL) == 0, "unblock", NULL);

	check(kill(1, SIGTERM) == 0 && kill(1, SIGKILL) == 0,
	      "signals to init are accepted", NULL);
	check(kill(1, 0) == 0, "and init is still there", NULL);
	return check_summary();
}
