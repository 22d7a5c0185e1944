/* test_sigwait: system calls interrupted by signals and the calls that
 * wait for them, as signal(7), sigaction(2), nanosleep(2), sigsuspend(2),
 * pause(2), sigpending(2), sigtimedwait(2), alarm(2) and setitimer(2)
 * say: read of a pipe and wait4 return EINTR, or are restarted under
 * SA_RESTART; nanosleep always returns EINTR with the time left;
 * sigsuspend unblocks and waits atomically; sigtimedwait takes a blocked
 * signal with its siginfo or times out with EAGAIN; real-time signals
 * queue, standard ones coalesce; alarm and an ITIMER_REAL interval timer
 * fire on time — never early; how late is left loose (the man pages
 * allow any scheduling delay, and a loaded host running QEMU delays
 * ticks: alarm(1) was once seen at 1.8 s). Each case runs in a child of
 * its own (user/include/sigcase.h). Passes on Linux (qemu-riscv64,
 * qemu-i386 and the i386 binary run natively). */
#include "sigcase.h"
#include <sys/time.h>

static volatile sig_atomic_t got_count, got_sig;
static int got_values[8];

static void on_sig(int sig)
{
	got_sig = sig;
	got_count++;
}

static void on_info(int sig, siginfo_t *info, void *uc)
{
	(void)uc;
	got_sig = sig;
	if (got_count < 8)
		got_values[got_count] = info->si_value.sival_int;
	got_count++;
}

static void handle(int sig, int flags)
{
	struct sigaction sa = { 0 };

	sa.sa_handler = on_sig;
	sa.sa_flags = flags;
	sigaction(sig, &sa, NULL);
}

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

/* A child that sends sig to us after ms milliseconds, then (if fd >= 0)
 * writes a byte to fd after another 200 ms, then exits with 7. */
static pid_t signal_me_later(int sig, int ms, int fd)
{
	pid_t parent = getpid(), pid = fork();

	if (pid == 0) {
		sleep_ms(ms);
		kill(parent, sig);
		if (fd >= 0) {
			sleep_ms(200);
			if (write(fd, "x", 1) != 1)
				_exit(1);
		} else {
			sleep_ms(200);
		}
		_exit(7);
	}
	return pid;
}

/* ---- EINTR and SA_RESTART ---- */

static int read_pipe(int flags)
{
	int p[2];
	char c;
	ssize_t n;

	handle(SIGUSR1, flags);
	EXPECT(pipe(p) == 0, "pipe: %m");
	signal_me_later(SIGUSR1, 100, p[1]);
	errno = 0;
	n = read(p[0], &c, 1);
	EXPECT(got_count == 1, "handler ran %d times", (int)got_count);
	if (flags & SA_RESTART)
		EXPECT(n == 1 && c == 'x',
		       "read returned %zd, errno %s: not restarted", n,
		       strerrorname_np(errno) ?: "0");
	else
		EXPECT(n == -1 && errno == EINTR, "read returned %zd, errno %s",
		       n, strerrorname_np(errno) ?: "0");
	return 0;
}

static int case_read_eintr(void)
{
	return read_pipe(0);
}

static int case_read_restart(void)
{
	return read_pipe(SA_RESTART);
}

static int wait_child(int flags)
{
	pid_t child, r;
	int status = 0;

	handle(SIGUSR1, flags);
	child = signal_me_later(SIGUSR1, 100, -1);
	errno = 0;
	r = waitpid(child, &status, 0);
	EXPECT(got_count == 1, "handler ran %d times", (int)got_count);
	if (flags & SA_RESTART)
		EXPECT(r == child && WIFEXITED(status) &&
			       WEXITSTATUS(status) == 7,
		       "wait4 returned %d, errno %s, status %#x", r,
		       strerrorname_np(errno) ?: "0", status);
	else
		EXPECT(r == -1 && errno == EINTR, "wait4 returned %d, errno %s",
		       r, strerrorname_np(errno) ?: "0");
	return 0;
}

static int case_wait_eintr(void)
{
	return wait_child(0);
}

static int case_wait_restart(void)
{
	return wait_child(SA_RESTART);
}

/* nanosleep(2): "interrupted by a signal handler ... -1, EINTR, and
 * writes the remaining time into rem" — never restarted (signal(7) lists
 * it among the calls SA_RESTART does not restart). */
static int sleep_interrupted(int flags)
{
	struct timespec ts = { 2, 0 }, rem = { 0, 0 };
	long left;
	int r;

	handle(SIGUSR1, flags);
	signal_me_later(SIGUSR1, 100, -1);
	errno = 0;
	r = nanosleep(&ts, &rem);
	EXPECT(got_count == 1, "handler ran %d times", (int)got_count);
	EXPECT(r == -1 && errno == EINTR, "nanosleep returned %d, errno %s", r,
	       strerrorname_np(errno) ?: "0");
	left = rem.tv_sec * 1000 + rem.tv_nsec / 1000000;
	EXPECT(left > 0 && left < 2000, "rem %ld ms, want about 1900",
	       left);
	return 0;
}

static int case_nanosleep_eintr(void)
{
	return sleep_interrupted(0);
}

static int case_nanosleep_restart(void)
{
	return sleep_interrupted(SA_RESTART);
}

/* ---- waiting for signals ---- */

static int case_sigsuspend(void)
{
	sigset_t usr1, none, now;
	int r;

	sigemptyset(&none);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	handle(SIGUSR1, 0);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	raise(SIGUSR1);
	EXPECT(got_count == 0, "the handler ran while blocked");
	errno = 0;
	r = sigsuspend(&none);
	EXPECT(r == -1 && errno == EINTR, "sigsuspend returned %d, errno %s",
	       r, strerrorname_np(errno) ?: "0");
	EXPECT(got_count == 1, "handler ran %d times", (int)got_count);
	sigprocmask(SIG_SETMASK, NULL, &now);
	EXPECT(sigismember(&now, SIGUSR1), "the mask was not restored");
	return 0;
}

static int case_sigsuspend_waits(void)
{
	sigset_t usr1, none;
	int r;

	sigemptyset(&none);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	handle(SIGUSR1, 0);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	signal_me_later(SIGUSR1, 100, -1);
	r = sigsuspend(&none);
	EXPECT(r == -1 && errno == EINTR && got_count == 1,
	       "sigsuspend returned %d, handler ran %d times", r,
	       (int)got_count);
	return 0;
}

static int case_pause(void)
{
	long t0 = now_ms();
	int r;

	handle(SIGUSR1, SA_RESTART);	/* pause is never restarted */
	signal_me_later(SIGUSR1, 100, -1);
	errno = 0;
	r = pause();
	EXPECT(r == -1 && errno == EINTR, "pause returned %d, errno %s", r,
	       strerrorname_np(errno) ?: "0");
	EXPECT(got_count == 1, "handler ran %d times", (int)got_count);
	EXPECT(now_ms() - t0 >= 80, "pause returned after %ld ms",
	       now_ms() - t0);
	return 0;
}

static int case_sigpending(void)
{
	sigset_t set, pend;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigaddset(&set, SIGRTMIN + 2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	handle(SIGUSR2, 0);
	kill(getpid(), SIGUSR2);
	kill(getpid(), SIGRTMIN + 2);
	EXPECT(sigpending(&pend) == 0, "sigpending: %m");
	EXPECT(sigismember(&pend, SIGUSR2) &&
		       sigismember(&pend, SIGRTMIN + 2) &&
		       !sigismember(&pend, SIGUSR1),
	       "pending: SIGUSR2 %d SIGRTMIN+2 %d SIGUSR1 %d",
	       sigismember(&pend, SIGUSR2), sigismember(&pend, SIGRTMIN + 2),
	       sigismember(&pend, SIGUSR1));
	EXPECT(got_count == 0, "the handler ran while blocked");
	sigdelset(&set, SIGRTMIN + 2);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	EXPECT(got_count == 1, "after unblocking, handler ran %d times",
	       (int)got_count);
	sigpending(&pend);
	EXPECT(!sigismember(&pend, SIGUSR2), "still pending after delivery");
	return 0;
}

static int case_sigtimedwait_takes(void)
{
	union sigval v = { .sival_int = 77 };
	struct timespec ts = { 1, 0 };
	siginfo_t info = { 0 };
	sigset_t set, pend;
	int r;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	handle(SIGUSR1, 0);
	sigqueue(getpid(), SIGUSR1, v);
	r = sigtimedwait(&set, &info, &ts);
	EXPECT(r == SIGUSR1, "sigtimedwait returned %d, errno %s", r,
	       strerrorname_np(errno) ?: "0");
	EXPECT(info.si_signo == SIGUSR1 && info.si_code == SI_QUEUE &&
		       info.si_value.sival_int == 77 &&
		       info.si_pid == getpid() && info.si_uid == getuid(),
	       "si_signo %d si_code %d si_value %d si_pid %d", info.si_signo,
	       info.si_code, info.si_value.sival_int, info.si_pid);
	EXPECT(got_count == 0, "the handler ran too");
	sigpending(&pend);
	EXPECT(!sigismember(&pend, SIGUSR1), "still pending after the wait");
	return 0;
}

static int case_sigwaitinfo_from_child(void)
{
	siginfo_t info = { 0 };
	sigset_t set;
	pid_t child;
	int r;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	child = signal_me_later(SIGUSR2, 100, -1);
	r = sigwaitinfo(&set, &info);
	EXPECT(r == SIGUSR2 && info.si_code == SI_USER && info.si_pid == child,
	       "sigwaitinfo returned %d (errno %s), si_code %d si_pid %d "
	       "(child %d)",
	       r, strerrorname_np(errno) ?: "0", info.si_code, info.si_pid,
	       child);
	return 0;
}

static int case_sigtimedwait_timeout(void)
{
	struct timespec ts = { 0, 150 * 1000000L }, zero = { 0, 0 };
	siginfo_t info;
	sigset_t set;
	long t0, took;
	int r;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	t0 = now_ms();
	errno = 0;
	r = sigtimedwait(&set, &info, &ts);
	took = now_ms() - t0;
	EXPECT(r == -1 && errno == EAGAIN, "returned %d, errno %s", r,
	       strerrorname_np(errno) ?: "0");
	EXPECT(took >= 140 && took < 5000, "it took %ld ms, want 150", took);
	errno = 0;
	r = sigtimedwait(&set, &info, &zero);
	EXPECT(r == -1 && errno == EAGAIN, "a zero timeout: %d, errno %s", r,
	       strerrorname_np(errno) ?: "0");
	return 0;
}

static int case_rt_queue(void)
{
	struct sigaction sa = { 0 };
	sigset_t set;
	int i;

	sa.sa_sigaction = on_info;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGRTMIN, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN);
	sigprocmask(SIG_BLOCK, &set, NULL);
	for (i = 1; i <= 3; i++) {
		union sigval v = { .sival_int = i * 11 };

		EXPECT(sigqueue(getpid(), SIGRTMIN, v) == 0, "sigqueue: %m");
	}
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	EXPECT(got_count == 3 && got_values[0] == 11 && got_values[1] == 22 &&
		       got_values[2] == 33,
	       "handler ran %d times, values %d %d %d, want 3: 11 22 33",
	       (int)got_count, got_values[0], got_values[1], got_values[2]);
	return 0;
}

static int case_standard_coalesce(void)
{
	sigset_t set;

	handle(SIGUSR1, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGUSR1);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	EXPECT(got_count == 1, "handler ran %d times, want once",
	       (int)got_count);
	return 0;
}

/* ---- timers ---- */

static int case_alarm(void)
{
	long t0, took;
	int r;

	handle(SIGALRM, 0);
	EXPECT(alarm(5) == 0, "a first alarm said one was set");
	r = alarm(1);
	EXPECT(r == 5, "alarm(1) after alarm(5) returned %d, want 5", r);
	t0 = now_ms();
	while (!got_count && now_ms() - t0 < 5000)
		idle();
	took = now_ms() - t0;
	EXPECT(got_count == 1 && got_sig == SIGALRM,
	       "handler ran %d times, signal %d", (int)got_count,
	       (int)got_sig);
	EXPECT(took >= 950 && took < 5000, "SIGALRM after %ld ms, want 1000",
	       took);
	return 0;
}

static int case_alarm_cancel(void)
{
	handle(SIGALRM, 0);
	alarm(1);
	EXPECT(alarm(0) == 1, "alarm(0) did not return 1");
	sleep_ms(1300);
	EXPECT(got_count == 0, "a cancelled alarm fired");
	return 0;
}

static int case_setitimer(void)
{
	struct itimerval it = { { 0, 50000 }, { 0, 50000 } }, now;
	sigset_t none;
	long t0, took;

	sigemptyset(&none);
	handle(SIGALRM, 0);
	t0 = now_ms();
	EXPECT(setitimer(ITIMER_REAL, &it, NULL) == 0, "setitimer: %m");
	EXPECT(getitimer(ITIMER_REAL, &now) == 0 &&
		       now.it_interval.tv_sec == 0 &&
		       now.it_interval.tv_usec == 50000 &&
		       now.it_value.tv_usec <= 50000 &&
		       (now.it_value.tv_usec > 0 || now.it_value.tv_sec > 0),
	       "getitimer: interval %ld.%06ld value %ld.%06ld",
	       (long)now.it_interval.tv_sec, (long)now.it_interval.tv_usec,
	       (long)now.it_value.tv_sec, (long)now.it_value.tv_usec);
	while (got_count < 5 && now_ms() - t0 < 5000)
		idle();
	took = now_ms() - t0;
	memset(&it, 0, sizeof(it));
	setitimer(ITIMER_REAL, &it, NULL);
	EXPECT(got_count >= 5, "fired %d times in %ld ms", (int)got_count,
	       took);
	EXPECT(took >= 230 && took < 5000,
	       "5 firings took %ld ms, want about 250", took);
	return 0;
}

int main(int argc, char **argv)
{
	case_filter = argc > 1 ? argv[1] : NULL;
	check_prog = "sigwait";
	run_case("read of a pipe: EINTR without SA_RESTART", case_read_eintr);
	run_case("read of a pipe: restarted under SA_RESTART",
		 case_read_restart);
	run_case("wait4: EINTR without SA_RESTART", case_wait_eintr);
	run_case("wait4: restarted under SA_RESTART", case_wait_restart);
	run_case("nanosleep: EINTR with the time left in rem",
		 case_nanosleep_eintr);
	run_case("nanosleep: EINTR even under SA_RESTART",
		 case_nanosleep_restart);
	run_case("sigsuspend: a blocked pending signal runs, EINTR, "
		 "mask back",
		 case_sigsuspend);
	run_case("sigsuspend waits for a signal from another process",
		 case_sigsuspend_waits);
	run_case("pause: EINTR after the handler", case_pause);
	run_case("sigpending shows blocked pending signals", case_sigpending);
	run_case("sigtimedwait takes a blocked signal with its siginfo",
		 case_sigtimedwait_takes);
	run_case("sigwaitinfo: a signal from a child", case_sigwaitinfo_from_child);
	run_case("sigtimedwait times out with EAGAIN",
		 case_sigtimedwait_timeout);
	run_case("SIGRTMIN three times while blocked: three runs, in order",
		 case_rt_queue);
	run_case("SIGUSR1 three times while blocked: once",
		 case_standard_coalesce);
	run_case("alarm: SIGALRM after a second", case_alarm);
	run_case("alarm(0) cancels", case_alarm_cancel);
	run_case("setitimer ITIMER_REAL with an interval fires again and "
		 "again",
		 case_setitimer);
	return check_summary();
}
