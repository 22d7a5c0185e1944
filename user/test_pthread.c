/*
 * test_pthread: glibc's POSIX threads, unmodified, as the man pages
 * describe them (pthread_create(3), pthread_mutex_lock(3), pthread_cond_*,
 * pthread_barrier_*, sem_overview(7), pthread_rwlock_*, pthread_exit(3),
 * pthread_cancel(3), pthread_mutexattr_setrobust(3), clone(2), tgkill(2),
 * signal(7)), and the thread-group corners of issue 12: a leader that
 * exits first, exit() and execve() from a thread, CLONE_THREAD|CLONE_PARENT,
 * and, run as init, clone(CLONE_PARENT) from pid 1.
 *
 * Each case runs in its own child process with a time limit, so a case
 * that hangs (a futex that never wakes, a wait4 that never returns) is one
 * FAILED line, and the others still run. `test_pthread CASE...` runs only
 * the named cases; with no argument, all of them.
 */
#include "check.h"
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

#define CASE_SECONDS 15	/* a case still running after this has hung */

static const char *self_path;	/* argv[0], for the execve case */

static long sys_gettid(void)
{
	return syscall(SYS_gettid);
}

/* Milliseconds on a clock. */
static long long now_ms(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static void ms_sleep(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* The absolute time ms from now on clock, for the *timedwait calls. */
static struct timespec deadline_in(clockid_t clock, long ms)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	ts.tv_sec += ms / 1000;
	ts.tv_nsec += (ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	return ts;
}

static int ts_before(struct timespec a, struct timespec b)
{
	return a.tv_sec < b.tv_sec ||
	       (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec);
}

/* ---- 64 threads incrementing one counter under a mutex ---- */
#define COUNTER_THREADS 64
#define COUNTER_ROUNDS 2000
static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *counter_thread(void *arg)
{
	(void)arg;
	for (int i = 0; i < COUNTER_ROUNDS; i++) {
		pthread_mutex_lock(&counter_lock);
		long v = counter;
		if (i % 64 == 0)
			sched_yield();	/* hold the lock across a switch */
		counter = v + 1;
		pthread_mutex_unlock(&counter_lock);
	}
	return NULL;
}

static void case_mutex_counter(void)
{
	pthread_t t[COUNTER_THREADS];
	int created = 0;

	for (int i = 0; i < COUNTER_THREADS; i++)
		created += pthread_create(&t[i], NULL, counter_thread,
					  NULL) == 0;
	check(created == COUNTER_THREADS, "mutex: 64 threads created", NULL);
	for (int i = 0; i < created; i++)
		pthread_join(t[i], NULL);
	check(counter == (long)COUNTER_THREADS * COUNTER_ROUNDS,
	      "mutex: 64 threads x 2000 increments give the exact total",
	      "lost updates");
	check(pthread_mutex_trylock(&counter_lock) == 0 &&
	      pthread_mutex_trylock(&counter_lock) == EBUSY,
	      "mutex: trylock of a held mutex is EBUSY", NULL);
	pthread_mutex_unlock(&counter_lock);
}

/* ---- condition variables: a bounded producer/consumer queue ---- */
#define QUEUE_SIZE 4
#define ITEMS 2000
static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_not_empty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t q_not_full = PTHREAD_COND_INITIALIZER;
static int queue[QUEUE_SIZE], q_head, q_count;

static void *producer(void *arg)
{
	(void)arg;
	for (int i = 1; i <= ITEMS; i++) {
		pthread_mutex_lock(&q_lock);
		while (q_count == QUEUE_SIZE)
			pthread_cond_wait(&q_not_full, &q_lock);
		queue[(q_head + q_count++) % QUEUE_SIZE] = i;
		pthread_cond_signal(&q_not_empty);
		pthread_mutex_unlock(&q_lock);
	}
	return NULL;
}

static void *consumer(void *arg)
{
	long sum = 0, in_order = 1, expect = 1;

	(void)arg;
	for (int i = 0; i < ITEMS; i++) {
		pthread_mutex_lock(&q_lock);
		while (q_count == 0)
			pthread_cond_wait(&q_not_empty, &q_lock);
		int v = queue[q_head];
		q_head = (q_head + 1) % QUEUE_SIZE;
		q_count--;
		pthread_cond_signal(&q_not_full);
		pthread_mutex_unlock(&q_lock);
		in_order &= v == expect++;
		sum += v;
	}
	return (void *)(in_order ? sum : -1);
}

static void case_condvar(void)
{
	pthread_t p, c;
	void *ret = NULL;

	pthread_create(&c, NULL, consumer, NULL);
	pthread_create(&p, NULL, producer, NULL);
	pthread_join(p, NULL);
	pthread_join(c, &ret);
	check((long)ret == (long)ITEMS * (ITEMS + 1) / 2,
	      "condvar: consumer gets every item, in order, through a "
	      "4-slot queue", "items lost or out of order");
}

/* ---- barriers ---- */
#define BARRIER_THREADS 8
#define BARRIER_ROUNDS 20
static pthread_barrier_t barrier;
static int arrived[BARRIER_ROUNDS];
static int serial_count[BARRIER_ROUNDS];
static volatile int barrier_ok = 1;

static void *barrier_thread(void *arg)
{
	(void)arg;
	for (int r = 0; r < BARRIER_ROUNDS; r++) {
		__atomic_fetch_add(&arrived[r], 1, __ATOMIC_SEQ_CST);
		int s = pthread_barrier_wait(&barrier);
		if (s == PTHREAD_BARRIER_SERIAL_THREAD)
			__atomic_fetch_add(&serial_count[r], 1,
					   __ATOMIC_SEQ_CST);
		else if (s != 0)
			barrier_ok = 0;
		/* nobody passes round r before all arrived at it */
		if (__atomic_load_n(&arrived[r], __ATOMIC_SEQ_CST) !=
		    BARRIER_THREADS)
			barrier_ok = 0;
	}
	return NULL;
}

static void case_barrier(void)
{
	pthread_t t[BARRIER_THREADS];
	int serial_ok = 1;

	pthread_barrier_init(&barrier, NULL, BARRIER_THREADS);
	for (int i = 0; i < BARRIER_THREADS; i++)
		pthread_create(&t[i], NULL, barrier_thread, NULL);
	for (int i = 0; i < BARRIER_THREADS; i++)
		pthread_join(t[i], NULL);
	for (int r = 0; r < BARRIER_ROUNDS; r++)
		serial_ok &= serial_count[r] == 1;
	check(barrier_ok, "barrier: no thread passes before all arrive",
	      NULL);
	check(serial_ok,
	      "barrier: one PTHREAD_BARRIER_SERIAL_THREAD per round", NULL);
	pthread_barrier_destroy(&barrier);
}

/* ---- semaphores ---- */
static sem_t sem_items, sem_done;
static volatile int sem_taken;

static void *sem_waiter(void *arg)
{
	(void)arg;
	for (int i = 0; i < 100; i++) {
		sem_wait(&sem_items);
		__atomic_fetch_add(&sem_taken, 1, __ATOMIC_SEQ_CST);
	}
	sem_post(&sem_done);
	return NULL;
}

static void case_semaphore(void)
{
	pthread_t t[4];
	int v = -1;

	sem_init(&sem_items, 0, 0);
	sem_init(&sem_done, 0, 0);
	check_errno(sem_trywait(&sem_items), EAGAIN,
		    "semaphore: sem_trywait at 0 is EAGAIN");
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, sem_waiter, NULL);
	ms_sleep(50);
	check(sem_taken == 0, "semaphore: sem_wait at 0 blocks", NULL);
	for (int i = 0; i < 400; i++)
		sem_post(&sem_items);
	for (int i = 0; i < 4; i++)
		sem_wait(&sem_done);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	sem_getvalue(&sem_items, &v);
	check(sem_taken == 400 && v == 0,
	      "semaphore: 400 posts wake 4 waiters for 400 takes", NULL);
}

/* ---- rwlocks ---- */
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static volatile int readers_in, writers_in, max_readers, rw_bad;

static void *rw_reader(void *arg)
{
	(void)arg;
	for (int i = 0; i < 200; i++) {
		pthread_rwlock_rdlock(&rw);
		int n = __atomic_add_fetch(&readers_in, 1, __ATOMIC_SEQ_CST);
		if (n > max_readers)
			max_readers = n;
		if (writers_in)
			rw_bad = 1;
		if (i % 50 == 0)
			ms_sleep(2);	/* let other readers in */
		__atomic_sub_fetch(&readers_in, 1, __ATOMIC_SEQ_CST);
		pthread_rwlock_unlock(&rw);
	}
	return NULL;
}

static void *rw_writer(void *arg)
{
	(void)arg;
	for (int i = 0; i < 100; i++) {
		pthread_rwlock_wrlock(&rw);
		if (__atomic_add_fetch(&writers_in, 1, __ATOMIC_SEQ_CST) != 1 ||
		    readers_in)
			rw_bad = 1;
		sched_yield();
		__atomic_sub_fetch(&writers_in, 1, __ATOMIC_SEQ_CST);
		pthread_rwlock_unlock(&rw);
	}
	return NULL;
}

static void case_rwlock(void)
{
	pthread_t t[6];

	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, rw_reader, NULL);
	for (int i = 4; i < 6; i++)
		pthread_create(&t[i], NULL, rw_writer, NULL);
	for (int i = 0; i < 6; i++)
		pthread_join(t[i], NULL);
	check(!rw_bad, "rwlock: a writer is alone, readers never see one",
	      NULL);
	check(max_readers >= 2, "rwlock: readers hold it together", NULL);
	pthread_rwlock_rdlock(&rw);
	check(pthread_rwlock_trywrlock(&rw) == EBUSY,
	      "rwlock: trywrlock under a reader is EBUSY", NULL);
	pthread_rwlock_unlock(&rw);
}

/* ---- pthread_join's value: the return value or pthread_exit's ---- */
static void *returns_arg(void *arg)
{
	if ((long)arg % 2)
		pthread_exit((void *)((long)arg * 10));
	return (void *)((long)arg * 10);
}

static void case_join_values(void)
{
	pthread_t t[10];
	int ok = 1;

	for (long i = 0; i < 10; i++)
		pthread_create(&t[i], NULL, returns_arg, (void *)i);
	for (long i = 9; i >= 0; i--) {
		void *ret;

		ok &= pthread_join(t[i], &ret) == 0 && (long)ret == i * 10;
	}
	check(ok, "join: each thread's return and pthread_exit value", NULL);
	check(pthread_join(pthread_self(), NULL) == EDEADLK,
	      "join: joining oneself is EDEADLK", NULL);
}

/* ---- detached threads ---- */
static sem_t detached_done;

static void *detached_thread(void *arg)
{
	(void)arg;
	sem_post(&detached_done);
	return NULL;
}

static void case_detached(void)
{
	pthread_attr_t attr;
	pthread_t t;
	int state = -1, ran = 0;

	sem_init(&detached_done, 0, 0);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	for (int i = 0; i < 50; i++)
		pthread_create(&t, &attr, detached_thread, NULL);
	for (int i = 0; i < 50; i++) {
		struct timespec d = deadline_in(CLOCK_REALTIME, 5000);

		ran += sem_timedwait(&detached_done, &d) == 0;
	}
	pthread_attr_getdetachstate(&attr, &state);
	check(ran == 50 && state == PTHREAD_CREATE_DETACHED,
	      "detached: 50 detached threads run and end", NULL);
}

/* ---- __thread: one copy per thread ---- */
static __thread int tls_value = 42;
static __thread char tls_buf[64];

static void *tls_thread(void *arg)
{
	int initial = tls_value;

	tls_value = (int)(long)arg;
	snprintf(tls_buf, sizeof(tls_buf), "thread %ld", (long)arg);
	ms_sleep(20);	/* the others write theirs meanwhile */
	if (initial != 42 || tls_value != (int)(long)arg ||
	    strcmp(tls_buf, "thread") == 0)
		return NULL;
	char want[64];
	snprintf(want, sizeof(want), "thread %ld", (long)arg);
	return strcmp(tls_buf, want) == 0 ? (void *)&tls_value : NULL;
}

static void case_tls(void)
{
	pthread_t t[8];
	void *addr[8];
	int ok = 1;

	tls_value = 7;
	for (long i = 0; i < 8; i++)
		pthread_create(&t[i], NULL, tls_thread, (void *)(i + 100));
	for (int i = 0; i < 8; i++) {
		pthread_join(t[i], &addr[i]);
		ok &= addr[i] != NULL && addr[i] != (void *)&tls_value;
		for (int j = 0; j < i; j++)
			ok &= addr[i] != addr[j];
	}
	check(ok && tls_value == 7,
	      "tls: __thread variables start at their initial value and "
	      "are distinct per thread", NULL);
}

/* ---- getpid, gettid ---- */
static void *ids_thread(void *arg)
{
	long *out = arg;

	out[0] = getpid();
	out[1] = sys_gettid();
	return NULL;
}

static void case_ids(void)
{
	long ids[4][2];
	pthread_t t[4];
	int ok = 1;

	check(getpid() == sys_gettid(), "ids: main's gettid is the pid", NULL);
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, ids_thread, ids[i]);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < 4; i++) {
		ok &= ids[i][0] == getpid() && ids[i][1] != getpid();
		for (int j = 0; j < i; j++)
			ok &= ids[i][1] != ids[j][1];
	}
	check(ok, "ids: threads share the pid, each has its own tid", NULL);
}

/* ---- the leader exits first (pthread_exit in main): issue 12 (a) ---- */
static int exit_pipe[2];

static void *outlive_main(void *arg)
{
	(void)arg;
	ms_sleep(300);
	/* the process still lives: its getpid is the pid the parent knows */
	long pid = getpid();
	if (write(exit_pipe[1], &pid, sizeof(pid)) != sizeof(pid))
		_exit(3);
	ms_sleep(200);
	return NULL;	/* the last thread: the process exits with 0 */
}

static void case_exit_main(void)
{
	long got = 0;
	int status = -1;
	pid_t pid;

	if (pipe(exit_pipe))
		return check(0, "exit_main: pipe", strerror(errno));
	pid = fork();
	if (pid == 0) {
		pthread_t t;

		close(exit_pipe[0]);
		pthread_create(&t, NULL, outlive_main, NULL);
		pthread_exit(NULL);
	}
	close(exit_pipe[1]);
	ms_sleep(100);
	check(waitpid(pid, &status, WNOHANG) == 0,
	      "exit_main: after pthread_exit in main the process lives on",
	      "wait4 reported it while a thread still ran");
	check(read(exit_pipe[0], &got, sizeof(got)) == sizeof(got) &&
	      got == pid, "exit_main: the thread still runs, getpid unchanged",
	      NULL);
	check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0,
	      "exit_main: wait4 reports it when the last thread ends", NULL);
	check_errno(waitpid(-1, &status, 0), ECHILD,
		    "exit_main: then wait4(-1) is ECHILD, not a hang");
}

/* ---- exit() from a thread ends them all ---- */
static void *sleeper(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

static void *exits_7(void *arg)
{
	(void)arg;
	ms_sleep(50);
	exit(7);
}

static void case_exit_thread(void)
{
	long long start = now_ms(CLOCK_MONOTONIC);
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		pthread_t t;

		for (int i = 0; i < 4; i++)
			pthread_create(&t, NULL, sleeper, NULL);
		pthread_create(&t, NULL, exits_7, NULL);
		for (;;)
			pause();
	}
	check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 7 &&
	      now_ms(CLOCK_MONOTONIC) - start < 5000,
	      "exit_thread: exit(7) in a thread ends the process with 7",
	      NULL);
}

/* ---- execve from a thread ---- */
static char exec_pid_arg[32];

static void *execs(void *arg)
{
	char *argv[] = { (char *)self_path, "--exec-child", exec_pid_arg,
			 NULL };

	(void)arg;
	execv(self_path, argv);
	_exit(5);
}

/* The program execve'd by a thread: it must have the old pid, be the
 * only thread (gettid == getpid) and be free to exit normally. */
static int exec_child(const char *want_pid)
{
	if (getpid() != atol(want_pid))
		return 10;
	if (sys_gettid() != getpid())
		return 11;
	return 0;
}

static void case_exec_thread(void)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		pthread_t t;

		snprintf(exec_pid_arg, sizeof(exec_pid_arg), "%d", getpid());
		for (int i = 0; i < 3; i++)
			pthread_create(&t, NULL, sleeper, NULL);
		pthread_create(&t, NULL, execs, NULL);
		for (;;)
			pause();
	}
	check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0,
	      "exec_thread: execve from a thread runs the new program as "
	      "the process's pid, alone", NULL);
}

/* ---- pthread_kill, tgkill, process-directed signals ---- */
static volatile long handled_tid;
static volatile int handled_count;

static void record_tid(int sig)
{
	(void)sig;
	handled_tid = sys_gettid();
	handled_count++;
}

static volatile long target_tid;
static volatile int target_stop;

static void *signal_target(void *arg)
{
	sigset_t set;

	(void)arg;
	sigemptyset(&set);
	pthread_sigmask(SIG_SETMASK, &set, NULL);	/* takes everything */
	target_tid = sys_gettid();
	while (!target_stop)
		pause();
	return NULL;
}

static void *signal_blocker(void *arg)
{
	(void)arg;
	while (!target_stop)
		ms_sleep(10);
	return NULL;
}

static int wait_handled(void)
{
	for (int i = 0; i < 300 && !handled_count; i++)
		ms_sleep(10);
	return handled_count;
}

static void case_signals(void)
{
	struct sigaction sa = { .sa_handler = record_tid };
	sigset_t set;
	pthread_t target, blockers[3];

	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	/* Block both in main; the blockers inherit the mask. */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	for (int i = 0; i < 3; i++)
		pthread_create(&blockers[i], NULL, signal_blocker, NULL);
	pthread_create(&target, NULL, signal_target, NULL);
	while (!target_tid)
		ms_sleep(5);

	handled_count = 0;
	pthread_kill(target, SIGUSR1);
	check(wait_handled() && handled_tid == target_tid,
	      "signals: pthread_kill runs the handler in that thread", NULL);

	handled_count = 0;
	syscall(SYS_tgkill, getpid(), target_tid, SIGUSR1);
	check(wait_handled() && handled_tid == target_tid,
	      "signals: tgkill reaches the one thread named", NULL);

	handled_count = 0;
	kill(getpid(), SIGUSR2);
	check(wait_handled() && handled_tid == target_tid,
	      "signals: a process-directed signal goes to the thread that "
	      "does not block it", NULL);
	check_errno(syscall(SYS_tgkill, getpid() + 100000, target_tid, 0),
		    ESRCH, "signals: tgkill with the wrong tgid is ESRCH");

	target_stop = 1;
	pthread_kill(target, SIGUSR1);
	pthread_join(target, NULL);
	for (int i = 0; i < 3; i++)
		pthread_join(blockers[i], NULL);
}

/* ---- cancellation ---- */
static int cancel_pipe[2];
static volatile int cleanup_ran;

static void cleanup(void *arg)
{
	(void)arg;
	cleanup_ran++;
}

static void *blocks_in_read(void *arg)
{
	char c;

	(void)arg;
	pthread_cleanup_push(cleanup, NULL);
	if (read(cancel_pipe[0], &c, 1) < 0)	/* a cancellation point */
		return (void *)1;
	pthread_cleanup_pop(0);
	return (void *)2;
}

static void *blocks_in_sleep(void *arg)
{
	(void)arg;
	pthread_cleanup_push(cleanup, NULL);
	sleep(100);	/* a cancellation point */
	pthread_cleanup_pop(0);
	return (void *)3;
}

static void *cancel_disabled(void *arg)
{
	(void)arg;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
	ms_sleep(100);	/* a cancel arrives meanwhile: it waits */
	pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
	pthread_testcancel();
	return (void *)4;
}

static void case_cancel(void)
{
	pthread_t a, b, c;
	void *ra = NULL, *rb = NULL, *rc = NULL;

	if (pipe(cancel_pipe))
		return check(0, "cancel: pipe", strerror(errno));
	pthread_create(&a, NULL, blocks_in_read, NULL);
	pthread_create(&b, NULL, blocks_in_sleep, NULL);
	pthread_create(&c, NULL, cancel_disabled, NULL);
	ms_sleep(50);
	pthread_cancel(a);
	pthread_cancel(b);
	pthread_cancel(c);
	pthread_join(a, &ra);
	pthread_join(b, &rb);
	pthread_join(c, &rc);
	check(ra == PTHREAD_CANCELED,
	      "cancel: a thread blocked in read is cancelled", NULL);
	check(rb == PTHREAD_CANCELED,
	      "cancel: a thread blocked in sleep is cancelled", NULL);
	check(cleanup_ran == 2, "cancel: cleanup handlers run", NULL);
	check(rc == PTHREAD_CANCELED,
	      "cancel: with cancellation disabled it waits for "
	      "pthread_testcancel", NULL);
}

/* ---- a robust mutex whose owner dies ---- */
static pthread_mutex_t robust;

static void *lock_and_die(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&robust);
	return NULL;	/* ends holding it */
}

static void case_robust(void)
{
	pthread_mutexattr_t ma;
	pthread_t t;

	pthread_mutexattr_init(&ma);
	pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&robust, &ma);
	pthread_create(&t, NULL, lock_and_die, NULL);
	pthread_join(t, NULL);
	check(pthread_mutex_lock(&robust) == EOWNERDEAD,
	      "robust: the owner died: lock returns EOWNERDEAD", NULL);
	check(pthread_mutex_consistent(&robust) == 0,
	      "robust: pthread_mutex_consistent", NULL);
	pthread_mutex_unlock(&robust);
	check(pthread_mutex_lock(&robust) == 0,
	      "robust: after consistent it locks normally", NULL);
	pthread_mutex_unlock(&robust);
}

/* ---- futex timeouts: never early ---- */
static void case_timeouts(void)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	pthread_cond_t cv = PTHREAD_COND_INITIALIZER, cvm;
	pthread_condattr_t ca;
	struct timespec d, after;
	sem_t s;
	int ret;

	pthread_mutex_lock(&m);
	d = deadline_in(CLOCK_REALTIME, 200);
	ret = pthread_cond_timedwait(&cv, &m, &d);
	clock_gettime(CLOCK_REALTIME, &after);
	check(ret == ETIMEDOUT && !ts_before(after, d),
	      "timeouts: pthread_cond_timedwait (CLOCK_REALTIME) is "
	      "ETIMEDOUT, never early", NULL);

	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&cvm, &ca);
	d = deadline_in(CLOCK_MONOTONIC, 200);
	ret = pthread_cond_timedwait(&cvm, &m, &d);
	clock_gettime(CLOCK_MONOTONIC, &after);
	check(ret == ETIMEDOUT && !ts_before(after, d),
	      "timeouts: pthread_cond_timedwait (CLOCK_MONOTONIC) is "
	      "ETIMEDOUT, never early", NULL);
	pthread_mutex_unlock(&m);

	sem_init(&s, 0, 0);
	d = deadline_in(CLOCK_REALTIME, 200);
	ret = sem_timedwait(&s, &d);
	clock_gettime(CLOCK_REALTIME, &after);
	check(ret == -1 && errno == ETIMEDOUT && !ts_before(after, d),
	      "timeouts: sem_timedwait is ETIMEDOUT, never early", NULL);

	d = deadline_in(CLOCK_REALTIME, 200);
	pthread_mutex_lock(&m);
	pthread_mutex_unlock(&m);
	check(pthread_mutex_timedlock(&m, &d) == 0,
	      "timeouts: pthread_mutex_timedlock of a free mutex", NULL);
	pthread_mutex_unlock(&m);
}

/* ---- 1,000 threads created and joined; memory comes back ---- */
static void *nothing(void *arg)
{
	return arg;
}

/* 1000 threads, 20 at a time; returns how many were joined with their
 * own argument back. */
static int thousand_threads(void)
{
	pthread_attr_t attr;
	int joined = 0;

	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	for (int round = 0; round < 50; round++) {
		pthread_t t[20];
		int n = 0;

		for (long i = 0; i < 20; i++)
			n += pthread_create(&t[n], &attr, nothing,
					    (void *)(i + 1)) == 0;
		for (int i = 0; i < n; i++) {
			void *ret;

			joined += pthread_join(t[i], &ret) == 0 && ret;
		}
	}
	return joined;
}

static void case_thousand(void)
{
	long before, after;
	int joined;

	/* A first thousand fills glibc's cache of thread stacks (it keeps
	 * freed stacks for reuse); the second must leave memory as it
	 * found it. */
	thousand_threads();
	before = meminfo_free_pages();
	joined = thousand_threads();
	after = meminfo_free_pages();
	check(joined == 1000, "thousand: 1000 threads created and joined",
	      NULL);
	if (before >= 0) {
		char detail[64];

		snprintf(detail, sizeof(detail), "%ld free pages before, %ld "
			 "after", before, after);
		check(after == before,
		      "thousand: free pages back to the baseline", detail);
	}
}

/* ---- clone(2) bad input ---- */
#if defined(__riscv)
#define KERNEL_ADDRESS 0xffffffff80001000UL
/* clone(flags, sp); the child stores below its sp and, if that did not
 * kill it, exits (the thread alone) with 0. */
static long clone_touching_stack(unsigned long flags, unsigned long sp)
{
	register long a0 __asm__("a0") = flags;
	register long a1 __asm__("a1") = sp;
	register long a2 __asm__("a2") = 0;
	register long a3 __asm__("a3") = 0;
	register long a4 __asm__("a4") = 0;
	register long a7 __asm__("a7") = SYS_clone;

	__asm__ volatile("ecall\n"
			 "bnez a0, 1f\n"
			 "sd zero, -8(sp)\n"
			 "li a0, 0\n"
			 "li a7, %[exit]\n"
			 "ecall\n"
			 "1:\n"
			 : "+r"(a0)
			 : "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a7),
			   [exit] "i"(SYS_exit)
			 : "memory");
	return a0;
}
#elif defined(__i386__)
#define KERNEL_ADDRESS 0xc0001000UL
static long clone_touching_stack(unsigned long flags, unsigned long sp)
{
	long ret;

	__asm__ volatile("int $0x80\n"
			 "test %%eax, %%eax\n"
			 "jnz 1f\n"
			 "movl $0, -4(%%esp)\n"
			 "movl %[exit], %%eax\n"
			 "xorl %%ebx, %%ebx\n"
			 "int $0x80\n"
			 "1:\n"
			 : "=a"(ret)
			 : "0"(SYS_clone), "b"(flags), "c"(sp), "d"(0),
			   "S"(0), "D"(0), [exit] "i"(SYS_exit)
			 : "memory");
	return ret;
}
#endif

static void case_clone_bad(void)
{
	int status = -1;
	pid_t pid;

	check_errno(syscall(SYS_clone, CLONE_THREAD | CLONE_VM, 0, 0, 0, 0),
		    EINVAL, "clone_bad: CLONE_THREAD without CLONE_SIGHAND");
	check_errno(syscall(SYS_clone, CLONE_SIGHAND, 0, 0, 0, 0), EINVAL,
		    "clone_bad: CLONE_SIGHAND without CLONE_VM");
	pid = fork();
	if (pid == 0) {
		long tid = clone_touching_stack(CLONE_VM | CLONE_SIGHAND |
						CLONE_THREAD, KERNEL_ADDRESS);
		if (tid < 0)
			_exit(2);
		ms_sleep(500);
		_exit(0);	/* the thread lived: wrong */
	}
	check(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	      WTERMSIG(status) == SIGSEGV,
	      "clone_bad: a thread whose stack is in the kernel dies of "
	      "SIGSEGV, with its process", NULL);
}

/* ---- CLONE_THREAD|CLONE_PARENT: issue 12 (b) ---- */
static void case_thread_parent(void)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		/* a thread of ours, with our parent as its parent, on a
		 * stack of its own in our memory: it exits at once */
		char stack[4096];
		long tid = clone_touching_stack(CLONE_VM | CLONE_SIGHAND |
						CLONE_THREAD | CLONE_PARENT,
						(unsigned long)(stack +
								sizeof(stack)));
		if (tid < 0)
			_exit(2);
		ms_sleep(200);
		_exit(0);
	}
	check(waitpid(-1, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0,
	      "thread_parent: wait4 sees the process", NULL);
	check_errno(waitpid(-1, &status, WNOHANG), ECHILD,
		    "thread_parent: its CLONE_PARENT thread is no child of "
		    "ours (ECHILD)");
}

/* ---- sched_* calls and what glibc's sysconf asks ---- */
static void case_sched(void)
{
	cpu_set_t set;
	struct sched_param sp = { .sched_priority = 5 };
	unsigned int cpu = 99, node = 99;

	check(sched_getaffinity(0, sizeof(set), &set) == 0 &&
	      CPU_ISSET(0, &set),
	      "sched: sched_getaffinity includes CPU 0", NULL);
	check(sysconf(_SC_NPROCESSORS_ONLN) >= 1,
	      "sched: sysconf(_SC_NPROCESSORS_ONLN) >= 1", NULL);
	check(syscall(SYS_getcpu, &cpu, &node, NULL) == 0 &&
	      (long)cpu < sysconf(_SC_NPROCESSORS_CONF),
	      "sched: getcpu gives a CPU", NULL);
	check(sched_getscheduler(0) == SCHED_OTHER,
	      "sched: the policy is SCHED_OTHER", NULL);
	check(sched_get_priority_max(SCHED_FIFO) == 99 &&
	      sched_get_priority_min(SCHED_FIFO) == 1 &&
	      sched_get_priority_max(SCHED_OTHER) == 0,
	      "sched: priority ranges FIFO 1..99, OTHER 0", NULL);
	check_errno(sched_setscheduler(0, SCHED_OTHER, &sp), EINVAL,
		    "sched: SCHED_OTHER with priority 5 is EINVAL");
	check_errno(sched_getaffinity(0, 1, &set), EINVAL,
		    "sched: sched_getaffinity with len 1 is EINVAL");
	CPU_ZERO(&set);
	CPU_SET(CPU_SETSIZE - 1, &set);
	check_errno(sched_setaffinity(0, sizeof(set), &set), EINVAL,
		    "sched: sched_setaffinity without an online CPU is EINVAL");
	check(syscall(SYS_membarrier, 0, 0, 0) > 0,
	      "sched: membarrier QUERY lists commands", NULL);
}

/*
 * Run as init (rdinit=/bin/test_pthread; issue 12 (c)): init is
 * SIGNAL_UNKILLABLE, so a signal it has no handler for does not kill it,
 * even SIGKILL from itself, and clone(CLONE_PARENT) from it is EINVAL
 * (its child would have no parent to reap it). These run in init itself:
 * a forked case would not be pid 1.
 */
static char init_stack[4096];

static int init_checks(void)
{
	long pid;

	check_prog = "test_pthread";
	kill(1, SIGTERM);
	kill(1, SIGKILL);
	check(1, "init: SIGTERM and SIGKILL from itself do not kill init",
	      NULL);
	pid = syscall(SYS_clone, CLONE_PARENT | SIGCHLD, 0, 0, 0, 0);
	if (pid == 0)
		_exit(0);	/* the bug: a child with no parent to reap it */
	check_errno(pid, EINVAL, "init: clone(CLONE_PARENT) from init");
	check_errno(waitpid(-1, NULL, WNOHANG), ECHILD,
		    "init: and no child was made");
	/* Only CLONE_PARENT is refused: init may have threads (Linux). */
	pid = clone_touching_stack(CLONE_VM | CLONE_SIGHAND | CLONE_THREAD,
				   (unsigned long)(init_stack +
						   sizeof(init_stack)));
	check(pid > 0, "init: may create a thread (CLONE_THREAD)",
	      pid < 0 ? strerror(-pid) : NULL);
	ms_sleep(100);	/* it stores on its stack and exits */
	return check_summary();
}

static const struct {
	const char *name;
	void (*fn)(void);
} cases[] = {
	{ "mutex_counter", case_mutex_counter },
	{ "condvar", case_condvar },
	{ "barrier", case_barrier },
	{ "semaphore", case_semaphore },
	{ "rwlock", case_rwlock },
	{ "join_values", case_join_values },
	{ "detached", case_detached },
	{ "tls", case_tls },
	{ "ids", case_ids },
	{ "exit_main", case_exit_main },
	{ "exit_thread", case_exit_thread },
	{ "exec_thread", case_exec_thread },
	{ "signals", case_signals },
	{ "cancel", case_cancel },
	{ "robust", case_robust },
	{ "timeouts", case_timeouts },
	{ "thousand", case_thousand },
	{ "clone_bad", case_clone_bad },
	{ "thread_parent", case_thread_parent },
	{ "sched", case_sched },
};
#define NCASES (sizeof(cases) / sizeof(cases[0]))

/* Run one case in a child with a time limit; a check of its own says
 * whether it ended by itself, in time. */
static void run_case(int i)
{
	char what[96], detail[96];
	int status = -1;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		check_total = check_failed = 0;	/* this case's own */
		alarm(CASE_SECONDS);
		cases[i].fn();
		fflush(stdout);
		_exit(check_failed ? 1 : 0);
	}
	waitpid(pid, &status, 0);
	snprintf(what, sizeof(what), "%s: finished", cases[i].name);
	if (WIFSIGNALED(status))
		snprintf(detail, sizeof(detail), "killed by signal %d%s",
			 WTERMSIG(status), WTERMSIG(status) == SIGALRM ?
			 " (time limit: it hung)" : "");
	else
		snprintf(detail, sizeof(detail), "exit status %d",
			 WEXITSTATUS(status));
	check(WIFEXITED(status), what, detail);
	if (WIFEXITED(status) && WEXITSTATUS(status))
		check_failed++;	/* its own FAILED lines say why */
}

int main(int argc, char **argv)
{
	int ran = 0;

	if (argc == 3 && strcmp(argv[1], "--exec-child") == 0)
		return exec_child(argv[2]);
	if (getpid() == 1)
		return init_checks();
	check_prog = "test_pthread";
	setvbuf(stdout, NULL, _IOLBF, 0);
	/* MenuOS passes the bare name: the program is /bin/<name> */
	if (strchr(argv[0], '/'))
		self_path = argv[0];
	else
		self_path = strcat(strcpy(malloc(strlen(argv[0]) + 6), "/bin/"),
				   argv[0]);
	for (unsigned int i = 0; i < NCASES; i++) {
		int wanted = argc < 2;

		for (int a = 1; a < argc; a++)
			wanted |= strcmp(argv[a], cases[i].name) == 0;
		if (wanted) {
			run_case(i);
			ran++;
		}
	}
	if (!ran)
		check(0, "a case by that name", argv[1]);
	return check_summary();
}
