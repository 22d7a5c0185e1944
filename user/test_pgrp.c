/*
 * test_pgrp: process groups and sessions, as setpgid(2), setsid(2),
 * getsid(2), kill(2) and wait4(2) describe them: who may move whom into
 * which group (and the errno when not), that a signal to a group reaches
 * exactly that group, that wait4 can wait for a group's children, and
 * that a process group left orphaned with a stopped member gets SIGHUP
 * and SIGCONT (that last case needs the kernel to stop processes).
 * Each case runs in children, so the test process itself stays in the
 * group and session it was started in.
 */
#include "check.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#define NO_SUCH_PID 999999

static void nap(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* A child that waits until its pipe's write end closes, then exits 0;
 * returns once the child is set up (its SIGTERM is SIG_DFL). */
static pid_t idle_child(int *wfd, int own_group)
{
	int p[2], ready[2];
	pid_t pid;
	char c;

	if (pipe(p))
		return -1;
	if (pipe(ready)) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	pid = fork();
	if (pid == 0) {
		close(p[1]);
		close(ready[0]);
		if (own_group)
			setpgid(0, 0);
		signal(SIGTERM, SIG_DFL);
		write(ready[1], "r", 1);
		close(ready[1]);
		while (read(p[0], &c, 1) > 0)
			;
		_exit(0);
	}
	close(p[0]);
	close(ready[1]);
	read(ready[0], &c, 1);
	close(ready[0]);
	*wfd = p[1];
	if (own_group && pid > 0)
		setpgid(pid, pid);	/* as shells do: no race with the child */
	return pid;
}

/* Run fn in a child; it returns its verdict as the exit status. */
static int in_child(int (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn());
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
}

static void test_ids(void)
{
	char d[96];

	snprintf(d, sizeof(d), "getpgrp %d getpgid(0) %d getpgid(self) %d",
		 getpgrp(), getpgid(0), getpgid(getpid()));
	check(getpgrp() == getpgid(0) && getpgid(0) == getpgid(getpid()),
	      "getpgrp() == getpgid(0) == getpgid(getpid())", d);
	check(getsid(0) == getsid(getpid()) && getsid(0) > 0,
	      "getsid(0) == getsid(getpid())", NULL);
	check(getpgid(getppid()) >= 0 && getsid(getppid()) >= 0,
	      "getpgid and getsid of the parent", NULL);
	check_errno(getpgid(NO_SUCH_PID), ESRCH, "getpgid(no such pid) is ESRCH");
	check_errno(getsid(NO_SUCH_PID), ESRCH, "getsid(no such pid) is ESRCH");
	check_errno(setpgid(0, -1), EINVAL, "setpgid(0, -1) is EINVAL");
	check_errno(setpgid(NO_SUCH_PID, 0), ESRCH,
		    "setpgid(no such pid) is ESRCH");
	check_errno(setpgid(getppid(), 0), ESRCH,
		    "setpgid(our parent) is ESRCH (not us, not our child)");
}

static int setsid_child(void)
{
	pid_t sid = setsid();

	if (sid != getpid())
		return 1;
	if (getsid(0) != getpid() || getpgrp() != getpid())
		return 2;
	if (setsid() != -1 || errno != EPERM)	/* leader already */
		return 3;
	if (setpgid(0, 0) != -1 || errno != EPERM)	/* a leader stays */
		return 4;
	return 0;
}

static int setsid_group_leader_child(void)
{
	if (setpgid(0, 0))
		return 1;
	/* Our pid names a process group: no session may take it. */
	return setsid() == -1 && errno == EPERM ? 0 : 2;
}

static void test_setsid(void)
{
	check(in_child(setsid_child) == 0,
	      "setsid: new session and group named by our pid; again EPERM; "
	      "setpgid of a leader EPERM", NULL);
	check(in_child(setsid_group_leader_child) == 0,
	      "setsid by a process group leader is EPERM", NULL);
}

static void test_setpgid(void)
{
	int w1, w2, w3, p[2], status;
	pid_t a, b, c, s;
	char ch;

	a = idle_child(&w1, 0);
	check(a > 0 && setpgid(a, a) == 0 && getpgid(a) == a,
	      "setpgid(child, child) makes a new group", NULL);
	b = idle_child(&w2, 0);
	check(b > 0 && setpgid(b, a) == 0 && getpgid(b) == a,
	      "setpgid(child, existing group of our session) joins it", NULL);
	check_errno(setpgid(b, NO_SUCH_PID), EPERM,
		    "setpgid to a group that does not exist is EPERM");
	check(setpgid(b, 0) == 0 && getpgid(b) == b,
	      "setpgid(child, 0) uses the child's pid", NULL);

	/* A child in a session of its own. */
	if (pipe(p))
		return;
	s = fork();
	if (s == 0) {
		close(p[0]);
		setsid();
		write(p[1], "s", 1);
		pause();
		_exit(0);
	}
	close(p[1]);
	read(p[0], &ch, 1);
	close(p[0]);
	check_errno(setpgid(s, s), EPERM,
		    "setpgid of a child in another session is EPERM");
	check_errno(setpgid(b, s), EPERM,
		    "setpgid to a group of another session is EPERM");
	kill(s, SIGKILL);
	waitpid(s, NULL, 0);

	/* A child that has called execve. */
	if (pipe2(p, O_CLOEXEC))
		return;
	c = fork();
	if (c == 0) {
		close(p[0]);
		execl("/bin/sleep", "sleep", "5", (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	while (read(p[0], &ch, 1) > 0)	/* EOF: the exec closed it */
		;
	close(p[0]);
	check_errno(setpgid(c, c), EACCES,
		    "setpgid of a child after its execve is EACCES");
	kill(c, SIGKILL);
	waitpid(c, &status, 0);

	close(w1);
	close(w2);
	waitpid(a, NULL, 0);
	waitpid(b, NULL, 0);
	(void)w3;
}

/* kill(-pgrp) reaches the group's processes and nobody else. */
static void test_kill_group(void)
{
	int w1, w2, w3, s1, s2, s3;
	pid_t a, b, other;
	char d[96];

	a = idle_child(&w1, 1);
	b = idle_child(&w2, 0);
	if (b > 0)
		setpgid(b, a);
	other = idle_child(&w3, 1);
	check(kill(-a, SIGTERM) == 0, "kill(-pgrp, SIGTERM) succeeds", NULL);
	waitpid(a, &s1, 0);
	waitpid(b, &s2, 0);
	nap(100);
	check(WIFSIGNALED(s1) && WTERMSIG(s1) == SIGTERM &&
	      WIFSIGNALED(s2) && WTERMSIG(s2) == SIGTERM,
	      "both processes of the group got SIGTERM", NULL);
	snprintf(d, sizeof(d), "waitpid(other, WNOHANG) = %d",
		 (int)waitpid(other, &s3, WNOHANG));
	check(waitpid(other, &s3, WNOHANG) == 0,
	      "a process of another group did not", d);
	close(w3);
	waitpid(other, &s3, 0);
	check(WIFEXITED(s3) && WEXITSTATUS(s3) == 0,
	      "... and exited normally later", NULL);
	close(w1);
	close(w2);
	check_errno(kill(-NO_SUCH_PID, 0), ESRCH,
		    "kill(-pgrp) of no such group is ESRCH");
}

/* In a child leading its own group: kill(0) hits its group only. */
static int kill_zero_child(void)
{
	int wf, wh, s;
	pid_t f, h;

	setpgid(0, 0);
	signal(SIGTERM, SIG_IGN);	/* we are in our group too */
	f = idle_child(&wf, 0);	/* in our group */
	h = idle_child(&wh, 1);	/* in a group of its own */
	if (f < 0 || h < 0)
		return 1;
	if (kill(0, SIGTERM))
		return 2;
	if (waitpid(f, &s, 0) != f || !WIFSIGNALED(s) || WTERMSIG(s) != SIGTERM)
		return 3;
	nap(100);
	if (waitpid(h, &s, WNOHANG) != 0)
		return 4;
	close(wh);
	if (waitpid(h, &s, 0) != h || !WIFEXITED(s))
		return 5;
	close(wf);
	return 0;
}

static void test_kill_zero(void)
{
	int r = in_child(kill_zero_child);
	char d[32];

	snprintf(d, sizeof(d), "verdict %d", r);
	check(r == 0, "kill(0, sig) reaches our own group only", d);
}

/* wait4(-pgrp) and wait4(0) pick children by group. */
static int wait_group_child(void)
{
	pid_t in_ours, in_other, got;
	int s;

	setpgid(0, 0);
	in_ours = fork();
	if (in_ours == 0)
		_exit(7);	/* exits first */
	in_other = fork();
	if (in_other == 0) {
		setpgid(0, 0);
		nap(200);
		_exit(8);
	}
	setpgid(in_other, in_other);
	nap(50);	/* in_ours is a zombie by now */
	got = waitpid(-in_other, &s, 0);
	if (got != in_other || !WIFEXITED(s) || WEXITSTATUS(s) != 8)
		return 1;
	got = waitpid(0, &s, 0);
	if (got != in_ours || WEXITSTATUS(s) != 7)
		return 2;
	if (waitpid(-NO_SUCH_PID, &s, 0) != -1 || errno != ECHILD)
		return 3;
	return 0;
}

static void test_wait_group(void)
{
	int r = in_child(wait_group_child);
	char d[32];

	snprintf(d, sizeof(d), "verdict %d", r);
	check(r == 0, "wait4(-pgrp) waits for that group, wait4(0) for ours, "
	      "no such group ECHILD", d);
}

/*
 * Orphaned process group with a stopped member: A leads a group, its
 * child B stops itself; when A exits, B's group has no parent outside
 * it in our session, so the kernel sends it SIGHUP and SIGCONT and B
 * dies of the SIGHUP. B holds a pipe's write end: EOF with no byte says
 * B died without ever resuming on its own.
 */
static void test_orphaned_pgrp(void)
{
	int p[2], status;
	struct pollfd pfd;
	pid_t a;
	char c;
	ssize_t n;

	if (pipe(p))
		return;
	a = fork();
	if (a == 0) {
		pid_t b;

		setpgid(0, 0);
		b = fork();
		if (b == 0) {
			signal(SIGHUP, SIG_DFL);
			raise(SIGSTOP);
			write(p[1], "r", 1);	/* resumed and not killed */
			_exit(0);
		}
		close(p[1]);
		if (waitpid(b, &status, WUNTRACED) != b || !WIFSTOPPED(status))
			_exit(2);
		_exit(0);	/* B's group is orphaned now */
	}
	close(p[1]);
	waitpid(a, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "a child stops itself and its parent sees it (WUNTRACED)", NULL);
	pfd.fd = p[0];
	pfd.events = POLLIN;
	n = poll(&pfd, 1, 5000) == 1 ? read(p[0], &c, 1) : -2;
	check(n == 0, "the orphaned stopped group got SIGHUP and SIGCONT "
	      "(B died without resuming on its own)",
	      n == -2 ? "still stopped after 5 s" : "B resumed and lived");
	close(p[0]);
}

int main(void)
{
	check_prog = "test_pgrp";
	setvbuf(stdout, NULL, _IONBF, 0);
	test_ids();
	test_setsid();
	test_setpgid();
	test_kill_group();
	test_kill_zero();
	test_wait_group();
	test_orphaned_pgrp();
	return check_summary();
}
