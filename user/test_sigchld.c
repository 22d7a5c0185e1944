/* test_sigchld: stopping and continuing children, SIGCHLD, and signals to
 * process groups, as signal(7), wait4(2)/waitpid(2), sigaction(2) and
 * kill(2) say: SIGSTOP stops, waitpid's WUNTRACED and WCONTINUED report the
 * stop and the SIGCONT; a SA_SIGINFO SIGCHLD handler sees CLD_EXITED,
 * CLD_KILLED, CLD_STOPPED and CLD_CONTINUED with si_pid and si_status
 * (none for stops under SA_NOCLDSTOP); SIGCHLD ignored or SA_NOCLDWAIT
 * reaps children by itself (wait gives ECHILD); kill(0, sig) and
 * kill(-pgrp, sig) reach exactly one group. Each case runs in a child of
 * its own (user/include/sigcase.h), which takes a process group of its
 * own before it signals a group, so the shell is never hit. Passes on
 * Linux (the i386 binary run natively; under qemu-riscv64 and qemu-i386
 * 7.2 all but SA_NOCLDSTOP and SA_NOCLDWAIT, which qemu-user does not
 * pass on for SIGCHLD). */
#include "sigcase.h"

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

/* A child that stops itself, then exits with 5 when a byte comes on
 * go[0]. */
static pid_t stopping_child(int go[2])
{
	pid_t pid;

	if (pipe(go) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		char c;

		close(go[1]);
		raise(SIGSTOP);
		if (read(go[0], &c, 1) != 1)
			_exit(1);
		_exit(5);
	}
	close(go[0]);
	return pid;
}

/* The state letter /proc/<pid>/stat shows for pid (proc(5): T for
 * stopped), or '?' if it cannot be read. */
static char proc_state(pid_t pid)
{
	char path[64], buf[256], *p;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	f = fopen(path, "r");
	if (!f)
		return '?';
	p = fgets(buf, sizeof(buf), f) ? strrchr(buf, ')') : NULL;
	fclose(f);
	return p && p[1] == ' ' ? p[2] : '?';
}

static int case_stop_continue(void)
{
	int go[2], st = 0;
	pid_t pid = stopping_child(go), r;

	EXPECT(pid > 0, "fork: %m");
	r = waitpid(pid, &st, WUNTRACED);
	EXPECT(r == pid && WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP,
	       "waitpid(WUNTRACED) returned %d, %s", r, status_text(st));
	st = 0;
	r = waitpid(pid, &st, WUNTRACED | WNOHANG);
	EXPECT(r == 0, "the stop was reported twice: %s", status_text(st));
	EXPECT(proc_state(pid) == 'T', "/proc/%d/stat shows state %c, not T",
	       (int)pid, proc_state(pid));
	EXPECT(kill(pid, SIGCONT) == 0, "kill SIGCONT: %m");
	r = waitpid(pid, &st, WCONTINUED);
	EXPECT(r == pid && WIFCONTINUED(st),
	       "waitpid(WCONTINUED) returned %d, status %#x", r, st);
	EXPECT(proc_state(pid) != 'T', "still T in /proc after SIGCONT");
	EXPECT(write(go[1], "g", 1) == 1, "write: %m");
	r = waitpid(pid, &st, 0);
	EXPECT(r == pid && WIFEXITED(st) && WEXITSTATUS(st) == 5,
	       "then waitpid returned %d, %s", r, status_text(st));
	return 0;
}

static int case_stop_unseen_without_wuntraced(void)
{
	int go[2], st = 0;
	pid_t pid = stopping_child(go), r;

	sleep_ms(200);
	r = waitpid(pid, &st, WNOHANG);
	EXPECT(r == 0, "waitpid(WNOHANG) without WUNTRACED returned %d, %s",
	       r, status_text(st));
	r = waitpid(pid, &st, WNOHANG | WUNTRACED);
	EXPECT(r == pid && WIFSTOPPED(st),
	       "but it was not stopped: waitpid(WUNTRACED) returned %d, %s",
	       r, status_text(st));
	kill(pid, SIGKILL);	/* a stopped process dies of SIGKILL */
	r = waitpid(pid, &st, 0);
	EXPECT(r == pid && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL,
	       "after SIGKILL: %d, %s", r, status_text(st));
	return 0;
}

/* SIGTSTP stops by default, but not in an orphaned process group
 * (signal(7)): the child takes a group of its own, whose parent (we) is
 * in another group of the same session. */
static int case_sigtstp(void)
{
	int st = 0;
	pid_t pid, r;

	pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		for (;;)
			idle();
	}
	EXPECT(setpgid(pid, pid) == 0 || errno == EACCES, "setpgid: %m");
	kill(pid, SIGTSTP);
	r = waitpid(pid, &st, WUNTRACED);
	kill(pid, SIGKILL);
	EXPECT(r == pid && WIFSTOPPED(st) && WSTOPSIG(st) == SIGTSTP,
	       "waitpid(WUNTRACED) returned %d, %s", r, status_text(st));
	waitpid(pid, &st, 0);
	return 0;
}

/* ---- SIGCHLD ---- */

static volatile sig_atomic_t nchld;
static siginfo_t chld[8];

static void on_chld(int sig, siginfo_t *info, void *uc)
{
	(void)sig;
	(void)uc;
	if (nchld < 8)
		chld[nchld] = *info;
	nchld++;
}

static void catch_chld(int flags)
{
	struct sigaction sa = { 0 };
	sigset_t set;

	sa.sa_sigaction = on_chld;
	sa.sa_flags = SA_SIGINFO | flags;
	sigaction(SIGCHLD, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
}

/* Wait (with SIGCHLD unblocked) until the handler has run n times. */
static int wait_chld(int n)
{
	sigset_t none;

	sigemptyset(&none);
	alarm(3);	/* the case's end if nothing comes */
	while (nchld < n)
		if (sigsuspend(&none) == -1 && errno != EINTR)
			return 0;	/* no sigsuspend here */
	alarm(0);
	return nchld == n;
}

static const char *code_name(int code)
{
	static const char *names[] = { "0", "CLD_EXITED", "CLD_KILLED",
				       "CLD_DUMPED", "CLD_TRAPPED",
				       "CLD_STOPPED", "CLD_CONTINUED" };

	return code >= 0 && code <= 6 ? names[code] : "?";
}

#define EXPECT_CHLD(i, code, pid, status)                                   \
	EXPECT(chld[i].si_signo == SIGCHLD && chld[i].si_code == (code) &&   \
		       chld[i].si_pid == (pid) &&                            \
		       chld[i].si_status == (status),                        \
	       "SIGCHLD %d: si_code %s si_pid %d si_status %d, want %s %d %d", \
	       i, code_name(chld[i].si_code), chld[i].si_pid,                 \
	       chld[i].si_status, code_name(code), pid, status)

static int case_chld_exited_stopped_continued(void)
{
	int go[2], st;
	pid_t pid;

	catch_chld(0);
	pid = stopping_child(go);
	EXPECT(wait_chld(1), "%d SIGCHLDs for the stop", (int)nchld);
	EXPECT_CHLD(0, CLD_STOPPED, pid, SIGSTOP);
	kill(pid, SIGCONT);
	EXPECT(wait_chld(2), "%d SIGCHLDs after SIGCONT", (int)nchld);
	EXPECT_CHLD(1, CLD_CONTINUED, pid, SIGCONT);
	EXPECT(write(go[1], "g", 1) == 1, "write: %m");
	EXPECT(wait_chld(3), "%d SIGCHLDs after the exit", (int)nchld);
	EXPECT_CHLD(2, CLD_EXITED, pid, 5);
	EXPECT(waitpid(pid, &st, 0) == pid, "the child was not left to wait");
	return 0;
}

static int case_chld_killed(void)
{
	pid_t pid;
	int st;

	catch_chld(0);
	pid = fork();
	if (pid == 0)
		for (;;)
			idle();
	kill(pid, SIGTERM);
	EXPECT(wait_chld(1), "%d SIGCHLDs", (int)nchld);
	EXPECT_CHLD(0, CLD_KILLED, pid, SIGTERM);
	waitpid(pid, &st, 0);
	return 0;
}

static int case_chld_nocldstop(void)
{
	int go[2], st;
	pid_t pid;

	catch_chld(SA_NOCLDSTOP);
	pid = stopping_child(go);
	EXPECT(waitpid(pid, &st, WUNTRACED) == pid && WIFSTOPPED(st),
	       "the child did not stop: %s", status_text(st));
	kill(pid, SIGCONT);
	waitpid(pid, &st, WCONTINUED);
	EXPECT(write(go[1], "g", 1) == 1, "write: %m");
	EXPECT(wait_chld(1), "%d SIGCHLDs", (int)nchld);
	EXPECT_CHLD(0, CLD_EXITED, pid, 5);
	return 0;
}

static int autoreap(void)
{
	pid_t pid[3], r;
	int i, st;

	for (i = 0; i < 3; i++) {
		pid[i] = fork();
		if (pid[i] == 0) {
			sleep_ms(50 * i);
			_exit(3);
		}
	}
	errno = 0;
	r = wait(&st);
	EXPECT(r == -1 && errno == ECHILD,
	       "wait returned %d (errno %s), want ECHILD after all exit", r,
	       strerrorname_np(errno) ?: "0");
	for (i = 0; i < 3; i++)
		EXPECT(kill(pid[i], 0) == -1 && errno == ESRCH,
		       "child %d is still there", pid[i]);
	return 0;
}

static int case_chld_ignored(void)
{
	signal(SIGCHLD, SIG_IGN);
	return autoreap();
}

static int case_chld_nocldwait(void)
{
	struct sigaction sa = { 0 };

	sa.sa_handler = SIG_DFL;
	sa.sa_flags = SA_NOCLDWAIT;
	sigaction(SIGCHLD, &sa, NULL);
	return autoreap();
}

static int case_chld_default_keeps_zombie(void)
{
	pid_t pid = fork();
	int st;

	if (pid == 0)
		_exit(4);
	sleep_ms(100);
	EXPECT(waitpid(pid, &st, 0) == pid && WEXITSTATUS(st) == 4,
	       "the exited child was not there to wait for: %s",
	       status_text(st));
	return 0;
}

/* ---- signals to a process group ---- */

/* Two children ready to be signalled: 'in' in our group, 'out' in a
 * group of its own. Each exits 10 on SIGUSR1 and 20 if none came in
 * 700 ms. */
static int two_groups(pid_t *in, pid_t *out)
{
	int ready[2], i;
	char c;

	if (setpgid(0, 0) != 0)
		FAIL("setpgid(0, 0): %m: not signalling a group we share "
		     "with the shell");
	signal(SIGUSR1, SIG_IGN);	/* kill(0) reaches us too */
	EXPECT(pipe(ready) == 0, "pipe: %m");
	for (i = 0; i < 2; i++) {
		pid_t pid = fork();

		if (pid == 0) {
			struct sigaction sa = { 0 };

			if (i == 1)
				setpgid(0, 0);
			sa.sa_handler = _exit;	/* _exit(SIGUSR1) = 10 */
			sigaction(SIGUSR1, &sa, NULL);
			if (write(ready[1], "r", 1) != 1)
				_exit(1);
			sleep_ms(700);
			_exit(20);
		}
		if (i == 1)
			setpgid(pid, pid);
		*(i ? out : in) = pid;
	}
	for (i = 0; i < 2; i++)
		EXPECT(read(ready[0], &c, 1) == 1, "a child never got ready");
	EXPECT(getpgid(*out) == *out && getpgid(*in) == getpgrp(),
	       "groups: in %d, out %d; ours %d", getpgid(*in), getpgid(*out),
	       getpgrp());
	return 0;
}

static int expect_exits(pid_t in, int in_code, pid_t out, int out_code)
{
	int st_in = 0, st_out = 0;

	waitpid(in, &st_in, 0);
	waitpid(out, &st_out, 0);
	EXPECT(WIFEXITED(st_in) && WEXITSTATUS(st_in) == in_code,
	       "the child in our group %s, want exited %d",
	       status_text(st_in), in_code);
	EXPECT(WIFEXITED(st_out) && WEXITSTATUS(st_out) == out_code,
	       "the child in its own group %s, want exited %d",
	       status_text(st_out), out_code);
	return 0;
}

static int case_kill_zero(void)
{
	pid_t in, out;

	if (two_groups(&in, &out))
		return 1;
	EXPECT(kill(0, SIGUSR1) == 0, "kill(0): %m");
	return expect_exits(in, SIGUSR1, out, 20);
}

static int case_kill_minus_pgrp(void)
{
	pid_t in, out;

	if (two_groups(&in, &out))
		return 1;
	EXPECT(kill(-out, SIGUSR1) == 0, "kill(-%d): %m", out);
	if (expect_exits(in, 20, out, SIGUSR1))
		return 1;
	errno = 0;
	EXPECT(kill(-out, SIGUSR1) == -1 && errno == ESRCH,
	       "kill to an empty group: errno %s, want ESRCH",
	       strerrorname_np(errno) ?: "0");
	return 0;
}

int main(int argc, char **argv)
{
	case_filter = argc > 1 ? argv[1] : NULL;
	check_prog = "sigchld";
	run_case("SIGSTOP: WUNTRACED sees WSTOPSIG, SIGCONT: WCONTINUED",
		 case_stop_continue);
	run_case("a stop is unseen without WUNTRACED; SIGKILL ends it",
		 case_stop_unseen_without_wuntraced);
	run_case("SIGTSTP stops a child in its own group", case_sigtstp);
	run_case("SIGCHLD si_code CLD_STOPPED, CLD_CONTINUED, CLD_EXITED",
		 case_chld_exited_stopped_continued);
	run_case("SIGCHLD si_code CLD_KILLED", case_chld_killed);
	run_case("SA_NOCLDSTOP: no SIGCHLD for stop and continue",
		 case_chld_nocldstop);
	run_case("SIGCHLD ignored: children reap themselves, ECHILD",
		 case_chld_ignored);
	run_case("SA_NOCLDWAIT: children reap themselves, ECHILD",
		 case_chld_nocldwait);
	run_case("SIGCHLD by default leaves the child to wait for",
		 case_chld_default_keeps_zombie);
	run_case("kill(0, sig): our group, not a child's own group",
		 case_kill_zero);
	run_case("kill(-pgrp, sig): that group only; ESRCH when empty",
		 case_kill_minus_pgrp);
	return check_summary();
}
