/*
 * stress: the soak (issue 14, point 4). Runs each phase first small (a
 * warm-up, so every cache has its slabs), takes a baseline of free pages
 * and of every slab cache, runs the phases at full size, and checks that
 * the kernel is back at the baseline. Phases:
 *
 *   pid_max       (Clonix, as root) /proc/sys/kernel/pid_max takes 301 to
 *                 PID_MAX_LIMIT and refuses the rest with EINVAL
 *   fork          ROUNDS rounds of fork, _exit, waitpid at the pid_max of
 *                 the day, counting the wraps; a few children at a time
 *                 are kept as zombies, unreaped, until the pid allocator
 *                 has gone past their pid in a later wrap, and a process
 *                 group lives on after its leader was reaped: no new
 *                 child may get one of their pids
 *   fork-low      the same with pid_max lowered (Clonix only), so the
 *                 pids wrap many times a second
 *   forkforkfork  every process forks until fork fails, its children too;
 *                 the bound is RLIMIT_NPROC of a non-root user, then
 *                 (Clonix) the kernel's threads-max: fork must fail with
 *                 EAGAIN, and everything is reaped after
 *   reparent      orphans adopted by a child subreaper (prctl) and reaped
 *                 by it, then orphans adopted by init and reaped by it
 *   threads       THREADS threads alive at once (pthreads), then joined
 *   pingpong      pairs of processes bouncing a byte over pipes and
 *                 SIGUSR1 back and forth
 *   leak          (Clonix) free pages and every slab cache as at the
 *                 baseline
 *
 * Each phase prints one line "stress: PHASE: key=value ..." with its
 * figures, checks print check.h's lines, and the summary says how many
 * failed. On a Linux host it runs as well (build it with the cross
 * compiler, run it under qemu-riscv64 or as i386): there it leaves the
 * host's sysctls alone, and the fork bomb runs as a non-root user with
 * RLIMIT_NPROC and a count of its own, so it stays small.
 *
 *   stress [-r ROUNDS] [-l LOW_ROUNDS] [-m LOW_PID_MAX] [-t THREADS]
 *          [-b BOMB_LIMIT] [-o ORPHANS] [-p PINGPONGS]
 */
#include "check.h"
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#define RESERVED_PIDS 300	/* Linux wraps back to 300, not 1 */
#define PID_MAX_LIMIT (sizeof(long) > 4 ? 4 * 1024 * 1024 : 32768)
#define NR_ZOMBIES 32		/* held at once in the fork phase */
#define BOMB_UID 59981		/* a user with no other process */
#define BOMB_CAP 4096		/* our own bound on a fork bomb's size */

static long rounds = 1000000, low_rounds = -1, low_pid_max = 1000;
static long nr_threads = 1000, bomb_limit = 200, orphans = 1000;
static long pingpongs = 10000;
static int on_clonix;
static int under_qemu_user;	/* see qemu_user() */

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * Whether we run under qemu-user on a Linux host: a program that made no
 * thread has two there (qemu's RCU thread). Two corners differ from Linux
 * then: those threads count against RLIMIT_NPROC, and qemu aborts when it
 * cannot make one in a forked child (so the fork bomb is bounded by our
 * own count instead); and prctl(PR_SET_CHILD_SUBREAPER) is EINVAL.
 */
static int qemu_user(void)
{
	char buf[4096], *p;

	if (read_text("/proc/self/status", buf, sizeof(buf)) <= 0)
		return 0;
	p = strstr(buf, "Threads:");
	return p && atoi(p + 8) > 1;
}

/* ---- sysctls ----------------------------------------------------------- */

static int sysctl_set(const char *path, long val)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld\n", val);
	return write_text(path, buf) == (long)strlen(buf) ? 0 : -1;
}

#define PID_MAX "/proc/sys/kernel/pid_max"
#define THREADS_MAX "/proc/sys/kernel/threads-max"

static void phase_pid_max(void)
{
	long old = read_number(PID_MAX);
	char buf[32];

	check(old >= RESERVED_PIDS + 1, "pid_max reads as a number above 300",
	      NULL);
	if (!on_clonix || getuid() != 0) {
		printf("stress: pid_max: value=%ld writes=skipped (%s)\n", old,
		       on_clonix ? "not root" : "host");
		return;
	}
	check_errno(write_text(PID_MAX, "300\n"), EINVAL,
		    "pid_max 300 (below 301) is EINVAL");
	check(sysctl_set(PID_MAX, 301) == 0 && read_number(PID_MAX) == 301,
	      "pid_max 301 is taken", NULL);
	snprintf(buf, sizeof(buf), "%ld\n", (long)PID_MAX_LIMIT + 1);
	check_errno(write_text(PID_MAX, buf), EINVAL,
		    "pid_max above PID_MAX_LIMIT is EINVAL");
	check(sysctl_set(PID_MAX, PID_MAX_LIMIT) == 0 &&
	      read_number(PID_MAX) == (long)PID_MAX_LIMIT,
	      "pid_max PID_MAX_LIMIT is taken", NULL);
	check_errno(write_text(PID_MAX, "-1\n"), EINVAL,
		    "a negative pid_max is EINVAL");
	check_errno(write_text(PID_MAX, "12ab\n"), EINVAL,
		    "pid_max as text is EINVAL");
	check(sysctl_set(PID_MAX, old) == 0 && read_number(PID_MAX) == old,
	      "the old pid_max is back", NULL);
	printf("stress: pid_max: value=%ld min=301 limit=%ld writes=ok\n", old,
	       (long)PID_MAX_LIMIT);
}

/* ---- fork/exit/wait across pid wraps ------------------------------------ */

struct zombie {
	pid_t pid;
	int code;	/* its exit status */
	long wraps;	/* the wraps seen when it was made */
};

/* Wait until pid is a zombie ('Z' in /proc/<pid>/stat), unreaped. */
static int wait_zombie(pid_t pid)
{
	char path[64], buf[256], *p;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	for (int tries = 0; tries < 100000; tries++) {
		if (read_text(path, buf, sizeof(buf)) <= 0)
			return -1;
		p = strrchr(buf, ')');
		if (p && p[1] == ' ' && p[2] == 'Z')
			return 0;
		sched_yield();
	}
	return -1;
}

struct fork_result {
	long rounds, bad, wraps, reused, made, crossed, low_after_wrap;
	long above_max, kill_bad;
	pid_t group;		/* a reaped leader's pid, its group alive */
	long group_reused, group_crossed, group_bad, group_back;
	pid_t min_pid, max_pid;
	double secs;
};

/*
 * n rounds of fork, _exit(round & 0x7f), waitpid. Every 97th round while a
 * slot is free the child is kept as a zombie; a zombie is reaped once the
 * pids handed out have passed its number again in a later wrap (crossed)
 * and at the end. pid_max: the value in force, for the range checks.
 */
/*
 * A process group that outlives its leader: L makes group L, M joins it,
 * L exits and is reaped. Returns L (its pid names M's group still, so no
 * new process may get it) and M in *member; -1 on failure.
 */
static pid_t orphan_group(pid_t *member)
{
	int go[2], status;
	pid_t leader, m;
	char c;

	if (pipe(go))
		return -1;
	leader = fork();
	if (leader == 0) {
		setpgid(0, 0);
		close(go[1]);
		while (read(go[0], &c, 1) > 0)
			;
		_exit(0);
	}
	close(go[0]);
	setpgid(leader, leader);
	m = fork();
	if (m == 0) {
		close(go[1]);
		setpgid(0, leader);
		for (;;)
			pause();	/* until killed */
	}
	setpgid(m, leader);	/* whoever is first; EACCES after is fine */
	*member = m;
	close(go[1]);		/* the leader may go now */
	if (leader < 0 || m < 0 || waitpid(leader, &status, 0) != leader ||
	    getpgid(m) != leader)
		return -1;
	return leader;
}

static struct fork_result fork_rounds(long n, long pid_max)
{
	struct fork_result r = { .rounds = n, .min_pid = 0x7fffffff };
	struct zombie z[NR_ZOMBIES];
	int nz = 0, status;
	pid_t prev = 0, member = -1;
	double t0 = now();

	r.group = orphan_group(&member);
	if (r.group < 0)
		r.group_bad++;

	for (long i = 0; i < n; i++) {
		pid_t pid = fork();
		int keep;

		if (pid == 0)
			_exit(i & 0x7f);
		if (pid < 0) {
			r.bad++;
			continue;
		}
		if (prev && pid < prev) {
			r.wraps++;
			if (pid < RESERVED_PIDS)
				r.low_after_wrap++;
		}
		if (pid >= pid_max)
			r.above_max++;
		if (pid < r.min_pid)
			r.min_pid = pid;
		if (pid > r.max_pid)
			r.max_pid = pid;
		if (pid == r.group)
			r.group_reused++;
		/* went past it (a wrap later: it was made before round 0) */
		if (r.wraps > 0 && (prev < r.group || pid < prev) &&
		    pid > r.group)
			r.group_crossed++;
		prev = pid;
		for (int k = 0; k < nz; k++) {
			if (z[k].pid == pid)
				r.reused++;
			if (r.wraps > z[k].wraps && pid > z[k].pid) {
				/* went past it: reap it, free the slot */
				if (waitpid(z[k].pid, &status, WNOHANG) !=
					    z[k].pid || !WIFEXITED(status) ||
				    WEXITSTATUS(status) != z[k].code)
					r.bad++;
				r.crossed++;
				z[k--] = z[--nz];
			}
		}
		keep = nz < NR_ZOMBIES && i % 97 == 0;
		if (keep) {
			if (wait_zombie(pid))
				r.bad++;
			/* A zombie is there until reaped: kill finds it,
			 * and the signal changes nothing (Linux's kill(2)). */
			if (kill(pid, 0) || kill(pid, SIGKILL))
				r.kill_bad++;
			z[nz].code = i & 0x7f;
			z[nz].pid = pid;
			z[nz++].wraps = r.wraps;
			r.made++;
			continue;
		}
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != (i & 0x7f))
			r.bad++;
	}
	while (nz > 0)
		if (waitpid(z[--nz].pid, &status, 0) < 0)
			r.bad++;
	if (member > 0 && (kill(member, SIGKILL) ||
			   waitpid(member, &status, 0) != member))
		r.group_bad++;
	/* With the group gone its id is free: a short cycle comes to it. */
	for (long i = 0; pid_max - RESERVED_PIDS <= 2000 && r.group > 0 &&
	     i < 2 * (pid_max - RESERVED_PIDS) && !r.group_back; i++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(0);
		r.group_back = pid == r.group;
		if (pid < 0 || waitpid(pid, &status, 0) != pid)
			r.bad++;
	}
	r.secs = now() - t0;
	return r;
}

static void phase_fork(const char *name, long n, long pid_max, int report)
{
	struct fork_result r = fork_rounds(n, pid_max);
	char what[128];
	long cycle = pid_max - RESERVED_PIDS;

	if (!report)
		return;
	printf("stress: %s: rounds=%ld pid_max=%ld wraps=%ld pids=%d..%d "
	       "zombies=%ld crossed=%ld reused=%ld group_crossed=%ld "
	       "group_reused=%ld time=%.2fs rate=%.0f/s\n",
	       name, n, pid_max, r.wraps, r.min_pid, r.max_pid, r.made,
	       r.crossed, r.reused, r.group_crossed, r.group_reused, r.secs,
	       n / (r.secs > 0 ? r.secs : 1e-9));
	snprintf(what, sizeof(what), "%s: %ld rounds forked, exited and "
		 "were reaped", name, n);
	check(r.bad == 0, what, "some fork, exit status or wait failed");
	snprintf(what, sizeof(what), "%s: at least %ld wraps of pid_max %ld",
		 name, n / cycle, pid_max);
	check(r.wraps >= n / cycle, what, "too few wraps");
	snprintf(what, sizeof(what), "%s: every pid below pid_max and, after "
		 "a wrap, not below 300", name);
	check(!r.above_max && !r.low_after_wrap, what, NULL);
	snprintf(what, sizeof(what), "%s: kill(zombie, 0) and kill(zombie, "
		 "SIGKILL) succeed and leave its exit status", name);
	check(r.made && !r.kill_bad, what, "kill of a zombie failed");
	snprintf(what, sizeof(what), "%s: the pid of a reaped group leader is "
		 "not given again while its group lives", name);
	check(!r.group_bad && !r.group_reused, what, r.group_bad ?
	      "could not make the group" : "a live group's id was reused");
	if (pid_max - RESERVED_PIDS <= 2000) {
		snprintf(what, sizeof(what), "%s: once the group is gone, its "
			 "id is handed out again", name);
		check(r.group_back, what, "the id stayed in use");
	}
	snprintf(what, sizeof(what), "%s: no pid of an unreaped zombie given "
		 "again", name);
	check(r.reused == 0, what, "a zombie's pid was reused");
	if (r.wraps >= 2) {
		snprintf(what, sizeof(what), "%s: the pids handed out went "
			 "past held zombies and the group id in a later wrap",
			 name);
		check(r.crossed > 0 && r.group_crossed > 0, what,
		      "no zombie or group id was crossed");
	}
}

/* ---- forkforkfork ------------------------------------------------------- */

struct bomb {
	atomic_long made;	/* processes the bomb made */
	atomic_long failed;	/* processes whose fork has failed */
	atomic_long eagain, enomem, other, capped;
	atomic_int stop;
};

static void on_usr1(int sig)
{
	(void)sig;
}

/* Fork until fork fails, in every process of the bomb; then wait for
 * SIGUSR1 and stop, reap our children and leave. */
static void bomb_member(struct bomb *b, long cap, sigset_t *unblocked)
{
	for (;;) {
		pid_t pid;

		/* made counts up before the fork, so never more than cap */
		if (atomic_fetch_add(&b->made, 1) + 1 >= cap) {
			atomic_fetch_sub(&b->made, 1);
			atomic_fetch_add(&b->capped, 1);
			break;
		}
		pid = fork();
		if (pid == 0)
			continue;	/* the child is a bomber too */
		if (pid < 0) {
			atomic_fetch_sub(&b->made, 1);
			atomic_fetch_add(errno == EAGAIN ? &b->eagain :
					 errno == ENOMEM ? &b->enomem :
					 &b->other, 1);
			break;
		}
	}
	atomic_fetch_add(&b->failed, 1);
	while (!atomic_load(&b->stop))
		sigsuspend(unblocked);
	while (wait(NULL) > 0)
		;
}

/*
 * One bomb, in a child that leads its own process group. as_user: as
 * BOMB_UID with RLIMIT_NPROC limit; else as root with threads-max lowered
 * to limit (Clonix only). Returns the processes made (peak), or -1.
 */
static long forkforkfork(struct bomb *b, long limit, int as_user,
			 double *secs)
{
	double t0 = now();
	int status;
	pid_t leader;

	memset(b, 0, sizeof(*b));
	leader = fork();
	if (leader == 0) {
		sigset_t block, unblocked;
		struct sigaction sa = { .sa_handler = on_usr1 };

		setpgid(0, 0);
		sigaction(SIGUSR1, &sa, NULL);
		sigemptyset(&block);
		sigaddset(&block, SIGUSR1);
		sigprocmask(SIG_BLOCK, &block, &unblocked);
		if (as_user && !under_qemu_user) {
			struct rlimit rl = { limit, limit };

			if (setrlimit(RLIMIT_NPROC, &rl) ||
			    (getuid() == 0 && setuid(BOMB_UID)))
				_exit(3);
		}
		bomb_member(b, under_qemu_user ? limit : BOMB_CAP, &unblocked);
		_exit(0);
	}
	if (leader < 0)
		return -1;
	/* Everyone has failed once made == failed - 1 (the leader). */
	while (atomic_load(&b->failed) < atomic_load(&b->made) + 1) {
		struct timespec ts = { 0, 10 * 1000 * 1000 };

		if (waitpid(leader, &status, WNOHANG) == leader)
			return -1;	/* the leader died: setup failed */
		nanosleep(&ts, NULL);
	}
	atomic_store(&b->stop, 1);
	kill(-leader, SIGUSR1);
	if (waitpid(leader, &status, 0) != leader || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return -1;
	*secs = now() - t0;
	return atomic_load(&b->made) + 1;
}

/* Every task alive (/proc/loadavg's "running/total" total). */
static long tasks_alive(void)
{
	char buf[128], *slash;

	if (read_text("/proc/loadavg", buf, sizeof(buf)) <= 0)
		return 0;
	slash = strchr(buf, '/');
	return slash ? atol(slash + 1) : 0;
}

static void phase_bomb(struct bomb *b, long limit, int report)
{
	double secs = 0;
	long peak = forkforkfork(b, limit, 1, &secs);

	if (report && under_qemu_user) {
		printf("stress: forkforkfork: bound=count (qemu-user) "
		       "limit=%ld peak=%ld capped=%ld other=%ld time=%.2fs\n",
		       limit, peak, atomic_load(&b->capped),
		       atomic_load(&b->eagain) + atomic_load(&b->enomem) +
		       atomic_load(&b->other), secs);
		check(peak == limit && atomic_load(&b->capped) == peak,
		      "forkforkfork: the bomb grew to its count", NULL);
	} else if (report) {
		printf("stress: forkforkfork: bound=RLIMIT_NPROC limit=%ld "
		       "peak=%ld eagain=%ld enomem=%ld other=%ld capped=%ld "
		       "time=%.2fs\n", limit, peak, atomic_load(&b->eagain),
		       atomic_load(&b->enomem), atomic_load(&b->other),
		       atomic_load(&b->capped), secs);
		check(peak > limit / 2 && peak <= limit,
		      "forkforkfork: RLIMIT_NPROC bounds the bomb", NULL);
		check(atomic_load(&b->eagain) == peak &&
		      !atomic_load(&b->capped),
		      "forkforkfork: every process's last fork is EAGAIN",
		      NULL);
	}
	if (report)
		check(waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD,
		      "forkforkfork: everything was reaped", NULL);
	if (!on_clonix || getuid() != 0)
		return;
	/* threads-max, as root: the kernel's own bound */
	long old = read_number(THREADS_MAX), nr = tasks_alive(), nr_after;
	struct rlimit rl, inf = { RLIM_INFINITY, RLIM_INFINITY };

	getrlimit(RLIMIT_NPROC, &rl);
	setrlimit(RLIMIT_NPROC, &inf);
	sysctl_set(THREADS_MAX, nr + limit);
	peak = forkforkfork(b, limit, 0, &secs);
	sysctl_set(THREADS_MAX, old);
	setrlimit(RLIMIT_NPROC, &rl);
	nr_after = tasks_alive();
	if (!report)
		return;
	printf("stress: forkforkfork: bound=threads-max limit=%ld peak=%ld "
	       "eagain=%ld enomem=%ld other=%ld capped=%ld time=%.2fs "
	       "others=%ld..%ld\n",
	       nr + limit, peak, atomic_load(&b->eagain),
	       atomic_load(&b->enomem), atomic_load(&b->other),
	       atomic_load(&b->capped), secs, nr, nr_after);
	/* The bomb had threads-max less the other tasks alive at its peak:
	 * nr, or fewer when one of them went meanwhile (a zombie of an
	 * earlier phase that init reaped, on a slow kernel): at least the
	 * nr_after that outlived it. */
	check(peak > limit / 2 &&
	      peak <= limit + (nr > nr_after ? nr - nr_after : 0),
	      "forkforkfork: threads-max bounds the bomb", NULL);
	check(atomic_load(&b->eagain) == peak && !atomic_load(&b->capped),
	      "forkforkfork: at threads-max every last fork is EAGAIN", NULL);
	check(read_number(THREADS_MAX) == old, "threads-max is back", NULL);
}

/* ---- reparenting -------------------------------------------------------- */

/*
 * n orphans, in rounds of up to 10: a middle process forks them and
 * exits; each orphan waits until its parent has changed, records it in
 * parents[] and exits. subreaper: we are a child subreaper, so the
 * orphans come to us and we reap them; else they go to init, which must
 * reap them. Returns the orphans whose new parent was right, -1 on error.
 */
static long reparent_storm(long n, int subreaper, pid_t *pids, pid_t *parents)
{
	long done = 0, right = 0;
	pid_t me = getpid();
	int status;

	if (prctl(PR_SET_CHILD_SUBREAPER, subreaper, 0, 0, 0))
		return -2;
	while (done < n) {
		int k = n - done < 10 ? n - done : 10;
		pid_t middle = fork();

		if (middle == 0) {
			pid_t mid = getpid();

			for (int j = 0; j < k; j++) {
				pid_t o = fork(), pp;

				if (o == 0) {
					while ((pp = getppid()) == mid)
						sched_yield();
					parents[done + j] = pp;
					_exit(0);
				}
				pids[done + j] = o;
			}
			_exit(0);
		}
		if (middle < 0 || waitpid(middle, &status, 0) != middle)
			return -1;
		if (subreaper)
			for (int j = 0; j < k; j++)
				if (waitpid(pids[done + j], &status, 0) ==
				    pids[done + j] && WIFEXITED(status))
					right++;
		done += k;
	}
	prctl(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0);
	if (subreaper) {
		for (long j = 0; j < n; j++)
			if (parents[j] != me)
				right--;
		return right;
	}
	/* Adopted by init: each must say 1 and then be gone (init reaped
	 * it: a zombie would still answer kill(pid, 0)). */
	for (long j = 0; j < n; j++) {
		int tries = 0;

		while (kill(pids[j], 0) == 0 && tries++ < 5000) {
			struct timespec ts = { 0, 1000 * 1000 };

			nanosleep(&ts, NULL);
		}
		if (kill(pids[j], 0) < 0 && errno == ESRCH && parents[j] == 1)
			right++;
	}
	return right;
}

static void phase_reparent(long n, int report)
{
	pid_t *pids = mmap(NULL, 2 * n * sizeof(pid_t),
			   PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
			   -1, 0);
	pid_t *parents = pids + n;
	double t0 = now();
	long sub, init = 0;
	int init_ok;

	if (pids == MAP_FAILED) {
		check(0, "reparent: shared memory", strerror(errno));
		return;
	}
	sub = reparent_storm(n, 1, pids, parents);
	/* On a host init is whoever reaps orphans there (a container's
	 * init or a subreaper): only Clonix is sure to be pid 1. */
	init_ok = on_clonix;
	if (init_ok)
		init = reparent_storm(n, 0, pids, parents);
	if (report) {
		printf("stress: reparent: orphans=%ld to_subreaper=%s%ld "
		       "to_init=%s%ld time=%.2fs\n", n,
		       sub == -2 ? "skipped (prctl EINVAL, qemu-user) " : "",
		       sub, init_ok ? "" : "skipped ", init, now() - t0);
		if (sub != -2 || !under_qemu_user)
			check(sub == n, "reparent: every orphan was adopted "
			      "and reaped by the child subreaper", NULL);
		if (init_ok)
			check(init == n, "reparent: every orphan was "
			      "adopted and reaped by init", NULL);
	}
	munmap(pids, 2 * n * sizeof(pid_t));
}

/* ---- threads ------------------------------------------------------------ */

static pthread_mutex_t go_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t go_cond = PTHREAD_COND_INITIALIZER;
static int go;
static atomic_long threads_ran;

/* Count ourselves in, wait until every thread exists, return arg. */
static void *thread_fn(void *arg)
{
	atomic_fetch_add(&threads_ran, 1);
	pthread_mutex_lock(&go_lock);
	while (!go)
		pthread_cond_wait(&go_cond, &go_lock);
	pthread_mutex_unlock(&go_lock);
	return arg;
}

static void phase_threads(long n, int report)
{
	pthread_t *t = calloc(n, sizeof(*t));
	pthread_attr_t attr;
	long created = 0, joined = 0, old = -1, alive;
	size_t stack = 64 * 1024;
	struct rlimit inf = { RLIM_INFINITY, RLIM_INFINITY };
	double t0 = now();
	int err = 0;

	/* All n alive at once: lift the limits for the run, as root may
	 * (the phase runs in a child of its own: its RLIMIT_NPROC goes with
	 * it). */
	if (on_clonix && getuid() == 0) {
		old = read_number(THREADS_MAX);
		if (old < n + 100)
			sysctl_set(THREADS_MAX, n + 100);
		setrlimit(RLIMIT_NPROC, &inf);
	}
	if ((long)sysconf(_SC_THREAD_STACK_MIN) > (long)stack)
		stack = sysconf(_SC_THREAD_STACK_MIN);
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, stack);
	for (long i = 0; i < n; i++) {
		err = pthread_create(&t[i], &attr, thread_fn, (void *)i);
		if (err)
			break;
		created++;
	}
	while (atomic_load(&threads_ran) < created)
		sched_yield();
	alive = atomic_load(&threads_ran);	/* all waiting for go */
	pthread_mutex_lock(&go_lock);
	go = 1;
	pthread_cond_broadcast(&go_cond);
	pthread_mutex_unlock(&go_lock);
	for (long i = 0; i < created; i++) {
		void *ret;

		if (pthread_join(t[i], &ret) == 0 && ret == (void *)i)
			joined++;
	}
	pthread_attr_destroy(&attr);
	if (old >= 0)
		sysctl_set(THREADS_MAX, old);
	free(t);
	if (!report)
		return;
	printf("stress: threads: threads=%ld created=%ld alive=%ld "
	       "joined=%ld stack=%zuk time=%.2fs%s%s\n", n, created, alive,
	       joined, stack / 1024, now() - t0, err ? " error=" : "",
	       err ? strerrorname_np(err) : "");
	check(created == n && alive == n,
	      "threads: all created and alive at once", NULL);
	check(joined == created, "threads: all joined, each with its value",
	      NULL);
	check(old < 0 || read_number(THREADS_MAX) == old,
	      "threads: threads-max is back", NULL);
}

/* ---- ping-pong ---------------------------------------------------------- */

/* A byte back and forth over two pipes n times; the child adds one. */
static int pipe_pingpong(long n)
{
	int up[2], down[2], status;
	unsigned char c = 0;
	pid_t pid;
	long ok = 0;

	if (pipe(up) || pipe(down))
		return -1;
	pid = fork();
	if (pid == 0) {
		close(up[0]);
		close(down[1]);
		while (read(down[0], &c, 1) == 1) {
			c++;
			if (write(up[1], &c, 1) != 1)
				_exit(1);
		}
		_exit(0);
	}
	close(up[1]);
	close(down[0]);
	for (long i = 0; i < n; i++) {
		unsigned char want = c + 1;

		if (write(down[1], &c, 1) != 1 || read(up[0], &c, 1) != 1)
			break;
		ok += c == want;
	}
	close(down[1]);
	close(up[0]);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status))
		return -1;
	return ok == n ? 0 : -1;
}

static volatile sig_atomic_t usr1_seen;

static void count_usr1(int sig)
{
	(void)sig;
	usr1_seen++;
}

/* SIGUSR1 back and forth n times, each side waiting in sigsuspend. */
static int signal_pingpong(long n)
{
	struct sigaction sa = { .sa_handler = count_usr1 };
	sigset_t block, old;
	pid_t pid, parent = getpid();
	int status;
	long i;

	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, &old);
	sigaction(SIGUSR1, &sa, NULL);
	usr1_seen = 0;
	pid = fork();
	if (pid == 0) {
		for (i = 0; i < n; i++) {
			while (usr1_seen == i)
				sigsuspend(&old);
			kill(parent, SIGUSR1);
		}
		_exit(usr1_seen == n ? 0 : 1);
	}
	for (i = 0; i < n; i++) {
		kill(pid, SIGUSR1);
		while (usr1_seen == i)
			sigsuspend(&old);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	signal(SIGUSR1, SIG_DFL);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status))
		return -1;
	return usr1_seen == n ? 0 : -1;
}

#define PAIRS 4

/* PAIRS pipe pairs and PAIRS signal pairs at once, n round trips of
 * each kind in all. */
static void phase_pingpong(long n, int report)
{
	pid_t pids[2 * PAIRS];
	int failed = 0, status;
	double t0 = now();

	for (int k = 0; k < 2 * PAIRS; k++) {
		pids[k] = fork();
		if (pids[k] == 0)
			_exit(k < PAIRS ? pipe_pingpong(n / PAIRS) != 0 :
					  signal_pingpong(n / PAIRS) != 0);
	}
	for (int k = 0; k < 2 * PAIRS; k++)
		if (pids[k] < 0 || waitpid(pids[k], &status, 0) != pids[k] ||
		    !WIFEXITED(status) || WEXITSTATUS(status))
			failed++;
	if (!report)
		return;
	printf("stress: pingpong: pipe_round_trips=%ld signal_round_trips=%ld "
	       "pairs=%d failed=%d time=%.2fs\n", n / PAIRS * PAIRS,
	       n / PAIRS * PAIRS, 2 * PAIRS, failed, now() - t0);
	check(failed == 0, "pingpong: every pipe and signal round trip came "
	      "back right", NULL);
}

/* ---- leak accounting ---------------------------------------------------- */

#define MAX_CACHES 64

struct baseline {
	long free_pages;
	int n;
	char name[MAX_CACHES][32];
	long active[MAX_CACHES];
};

/* Free pages and every cache's objects in use (/proc/slabinfo). */
static int take_baseline(struct baseline *b)
{
	static char buf[16384];
	int fd = open("/proc/slabinfo", O_RDONLY);
	ssize_t n, got = 0;
	char *line, *save;

	b->free_pages = meminfo_free_pages();
	b->n = 0;
	if (fd < 0)
		return -1;
	while ((n = read(fd, buf + got, sizeof(buf) - 1 - got)) > 0)
		got += n;
	close(fd);
	buf[got] = 0;
	for (line = strtok_r(buf, "\n", &save); line && b->n < MAX_CACHES;
	     line = strtok_r(NULL, "\n", &save)) {
		if (!strncmp(line, "slabinfo", 8) || line[0] == '#')
			continue;
		if (sscanf(line, "%31s %ld", b->name[b->n],
			   &b->active[b->n]) == 2)
			b->n++;
	}
	return 0;
}

static struct baseline after;

static void phase_leak(const struct baseline *before)
{
	char detail[512] = "";
	size_t len = 0;
	int changed = 0;

	take_baseline(&after);
	for (int i = 0; i < after.n; i++) {
		long was = 0;

		for (int j = 0; j < before->n; j++)
			if (!strcmp(before->name[j], after.name[i]))
				was = before->active[j];
		if (was != after.active[i]) {
			changed++;
			len += snprintf(detail + len, sizeof(detail) - len,
					"%s %+ld ", after.name[i],
					after.active[i] - was);
			if (len >= sizeof(detail))
				len = sizeof(detail) - 1;
		}
	}
	printf("stress: leak: free_pages=%ld baseline=%ld caches_changed=%d "
	       "%s\n", after.free_pages, before->free_pages, changed, detail);
	check(after.free_pages == before->free_pages && !changed,
	      "leak: free pages and every slab cache back at the baseline",
	      detail);
}

/* Touch the stack's next 64 KiB now, so that a deeper call later (the
 * leak check's own printf) takes no new page the baseline did not see. */
static __attribute__((noinline)) void prefault_stack(void)
{
	volatile char pad[64 * 1024];

	for (size_t i = 0; i < sizeof(pad); i += 1024)
		pad[i] = 0;
}

/* ---- main --------------------------------------------------------------- */

enum phase { PID_MAX_PHASE, FORK, FORK_LOW, BOMB, REPARENT, THREADS, PINGPONG };

struct shared {
	struct bomb bomb;
	int total, failed;	/* the checks of the phases' children */
};

static struct shared *shared;

static void phase(enum phase which, long arg, int report)
{
	long pid_max = read_number(PID_MAX), old;

	switch (which) {
	case PID_MAX_PHASE:
		phase_pid_max();
		break;
	case FORK:
		phase_fork(report ? "fork" : "warm-up", arg, pid_max, report);
		break;
	case FORK_LOW:
		if (!on_clonix || getuid() != 0) {
			if (report)
				printf("stress: fork-low: skipped (%s)\n",
				       on_clonix ? "not root" : "host");
			break;
		}
		old = pid_max;
		check(sysctl_set(PID_MAX, low_pid_max) == 0,
		      "fork-low: pid_max lowered", NULL);
		phase_fork("fork-low", arg, low_pid_max, report);
		check(sysctl_set(PID_MAX, old) == 0 &&
		      read_number(PID_MAX) == old, "fork-low: pid_max back",
		      NULL);
		break;
	case BOMB:
		phase_bomb(&shared->bomb, arg, report);
		break;
	case REPARENT:
		phase_reparent(arg, report);
		break;
	case THREADS:
		phase_threads(arg, report);
		break;
	case PINGPONG:
		phase_pingpong(arg, report);
		break;
	}
}

/* Each phase runs in a child of its own: whatever memory it takes (thread
 * stacks glibc caches, malloc's arenas) goes with it, and a crash is one
 * failed check. Its checks are added to ours. */
static void run_phase(enum phase which, long arg, int report)
{
	static const char *const names[] = {
		"pid_max", "fork", "fork-low", "forkforkfork", "reparent",
		"threads", "pingpong",
	};
	char what[80];
	int status;
	pid_t pid;

	if (which != PID_MAX_PHASE && arg <= 0) {
		if (report)
			printf("stress: %s: skipped (count 0)\n",
			       names[which]);
		return;
	}
	fflush(stdout);
	shared->total = shared->failed = 0;
	pid = fork();
	if (pid == 0) {
		check_total = check_failed = 0;
		phase(which, arg, report);
		shared->total = check_total;
		shared->failed = check_failed;
		fflush(stdout);
		_exit(0);
	}
	snprintf(what, sizeof(what), "%s: the phase ran to its end",
		 names[which]);
	check(pid > 0 && waitpid(pid, &status, 0) == pid &&
	      WIFEXITED(status) && WEXITSTATUS(status) == 0, what, NULL);
	if (report) {
		check_total += shared->total;
		check_failed += shared->failed;
	}
}

int main(int argc, char *argv[])
{
	static struct baseline base;
	double t0 = now();
	int c;

	check_prog = "stress";
	while ((c = getopt(argc, argv, "r:l:m:t:b:o:p:")) != -1) {
		long v = atol(optarg);

		switch (c) {
		case 'r': rounds = v; break;
		case 'l': low_rounds = v; break;
		case 'm': low_pid_max = v; break;
		case 't': nr_threads = v; break;
		case 'b': bomb_limit = v; break;
		case 'o': orphans = v; break;
		case 'p': pingpongs = v; break;
		default:
			fprintf(stderr, "usage: stress [-r ROUNDS] "
				"[-l LOW_ROUNDS] [-m LOW_PID_MAX] "
				"[-t THREADS] [-b BOMB_LIMIT] [-o ORPHANS] "
				"[-p PINGPONGS]\n");
			return 2;
		}
	}
	if (low_rounds < 0)
		low_rounds = rounds / 10;
	setvbuf(stdout, NULL, _IOLBF, 0);
	prefault_stack();
	signal(SIGCHLD, SIG_DFL);	/* zombies stay until we reap them */
	on_clonix = running_on_clonix();
	under_qemu_user = !on_clonix && qemu_user();
	shared = mmap(NULL, sizeof(*shared), PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shared == MAP_FAILED) {
		perror("mmap");
		return 2;
	}
	printf("stress: start: rounds=%ld low_rounds=%ld low_pid_max=%ld "
	       "threads=%ld bomb=%ld orphans=%ld pingpongs=%ld pid_max=%ld "
	       "system=%s\n", rounds, low_rounds, low_pid_max, nr_threads,
	       bomb_limit, orphans, pingpongs, read_number(PID_MAX),
	       on_clonix ? "clonix" : "linux");

	/* Warm-up: every phase once, small, so the caches have their slabs
	 * before the baseline. */
	run_phase(FORK, 200, 0);
	run_phase(BOMB, 20, 0);
	run_phase(REPARENT, 20, 0);
	run_phase(THREADS, nr_threads < 50 ? nr_threads : 50, 0);
	run_phase(PINGPONG, 40, 0);
	take_baseline(&after);	/* its pages touched before the baseline */
	take_baseline(&base);

	run_phase(PID_MAX_PHASE, 0, 1);
	run_phase(FORK, rounds, 1);
	run_phase(FORK_LOW, low_rounds, 1);
	run_phase(BOMB, bomb_limit, 1);
	run_phase(REPARENT, orphans, 1);
	run_phase(THREADS, nr_threads, 1);
	run_phase(PINGPONG, pingpongs, 1);
	if (on_clonix)
		phase_leak(&base);
	else
		printf("stress: leak: skipped (host)\n");
	printf("stress: summary: rounds=%ld time=%.2fs failed=%d\n",
	       rounds + (on_clonix ? low_rounds : 0), now() - t0,
	       check_failed);
	return check_summary();
}
