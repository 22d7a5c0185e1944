/* test_futex: the futex system call as futex(2) describes it, through raw
 * syscall(SYS_futex, ...): wait and wake between processes sharing
 * MAP_SHARED|MAP_ANONYMOUS memory, through two mappings of a file, and
 * between clone(CLONE_VM) tasks; EAGAIN when the word is not the value;
 * ETIMEDOUT never early, for the relative FUTEX_WAIT timeout and the
 * absolute FUTEX_WAIT_BITSET one on both clocks (i386 also through
 * futex_time64); FUTEX_WAKE_BITSET's matching; FUTEX_REQUEUE and
 * FUTEX_CMP_REQUEUE; FUTEX_WAKE_OP's every operation and comparison;
 * private futexes are not shared ones; EINTR when a handled signal comes
 * (SA_RESTART restarts only an untimed wait), and a wait that goes on
 * after SIGSTOP and SIGCONT; bad input (EINVAL, EFAULT, ENOSYS);
 * set_robust_list and get_robust_list, a robust futex whose owner dies
 * (FUTEX_OWNER_DIED and a woken waiter) and the list_op_pending entry;
 * CLONE_CHILD_CLEARTID zeroing the tid and waking the waiter (what
 * pthread_join sleeps on); glibc's process-shared condition variables
 * and a robust mutex whose owner dies (EOWNERDEAD).
 * It passes on a Linux host too (qemu-riscv64, qemu-i386, native i386). */
#include "check.h"
#include <limits.h>
#include <pthread.h>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

#define MS 1000000LL	/* ns */

static long futex(void *uaddr, int op, unsigned int val,
		  const struct timespec *timeout, void *uaddr2,
		  unsigned int val3)
{
	return syscall(SYS_futex, uaddr, op, val, timeout, uaddr2, val3);
}

/* The second count of REQUEUE, CMP_REQUEUE and WAKE_OP travels in the
 * timeout argument. */
static long futex2(void *uaddr, int op, unsigned int val, long val2,
		   void *uaddr2, unsigned int val3)
{
	return syscall(SYS_futex, uaddr, op, val, val2, uaddr2, val3);
}

static long long now_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static struct timespec ns_ts(long long ns)
{
	struct timespec ts = { ns / 1000000000LL, ns % 1000000000LL };

	return ts;
}

/* How many wait on the shared futex f: requeueing them onto f itself
 * counts them without waking any. */
static long waiters(unsigned int *f, int private)
{
	return futex2(f, FUTEX_REQUEUE | private, 0, INT_MAX, f, 0);
}

/* Until n tasks wait on f (at most 5 s): 1 if they came. */
static int wait_for_waiters(unsigned int *f, int private, long n)
{
	long long end = now_ns(CLOCK_MONOTONIC) + 5000 * MS;

	while (now_ns(CLOCK_MONOTONIC) < end) {
		if (waiters(f, private) == n)
			return 1;
		usleep(1000);
	}
	return 0;
}

static unsigned int *shared_page(void)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* A child process that waits on f for val (op's flags, timeout 5 s as
 * a safety net) and exits 0 if the wait returned 0 (woken), 1 if it
 * timed out, 2 otherwise. */
static pid_t spawn_waiter(unsigned int *f, int op, unsigned int val,
			  unsigned int bitset)
{
	pid_t pid = fork();

	if (pid == 0) {
		struct timespec t = ns_ts(5000 * MS);
		long r;

		if ((op & FUTEX_CMD_MASK) == FUTEX_WAIT_BITSET)
			t = ns_ts(now_ns(CLOCK_MONOTONIC) + 5000 * MS);
		r = futex(f, op, val, &t, NULL, bitset);
		_exit(r == 0 ? 0 : errno == ETIMEDOUT ? 1 : 2);
	}
	return pid;
}

static int reap(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
}

static void test_value_and_timeouts(void)
{
	unsigned int word = 1;
	struct timespec t = ns_ts(100 * MS);
	long long start, end, elapsed;
	char detail[96];
	long r;

	check_errno(futex(&word, FUTEX_WAIT, 0, &t, NULL, 0), EAGAIN,
		    "FUTEX_WAIT when the word is not val: EAGAIN");
	check_errno(futex(&word, FUTEX_WAIT_PRIVATE, 0, &t, NULL, 0), EAGAIN,
		    "FUTEX_WAIT_PRIVATE when the word is not val: EAGAIN");

	start = now_ns(CLOCK_MONOTONIC);
	r = futex(&word, FUTEX_WAIT_PRIVATE, 1, &t, NULL, 0);
	elapsed = now_ns(CLOCK_MONOTONIC) - start;
	snprintf(detail, sizeof(detail), "returned %ld errno %d after %lld ns",
		 r, errno, elapsed);
	check(r == -1 && errno == ETIMEDOUT && elapsed >= 100 * MS,
	      "FUTEX_WAIT 100 ms: ETIMEDOUT, never early", detail);

	check_errno(futex(&word, FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 1, &t,
			  NULL, 0), ENOSYS,
		    "FUTEX_CLOCK_REALTIME on FUTEX_WAIT (relative): ENOSYS");

	end = now_ns(CLOCK_MONOTONIC) + 100 * MS;
	t = ns_ts(end);
	r = futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 1, &t, NULL,
		  FUTEX_BITSET_MATCH_ANY);
	snprintf(detail, sizeof(detail), "returned %ld errno %d, %lld ns early",
		 r, errno, end - now_ns(CLOCK_MONOTONIC));
	check(r == -1 && errno == ETIMEDOUT && now_ns(CLOCK_MONOTONIC) >= end,
	      "FUTEX_WAIT_BITSET: absolute CLOCK_MONOTONIC deadline", detail);

	end = now_ns(CLOCK_REALTIME) + 100 * MS;
	t = ns_ts(end);
	r = futex(&word, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 1,
		  &t, NULL, FUTEX_BITSET_MATCH_ANY);
	snprintf(detail, sizeof(detail), "returned %ld errno %d, %lld ns early",
		 r, errno, end - now_ns(CLOCK_REALTIME));
	check(r == -1 && errno == ETIMEDOUT && now_ns(CLOCK_REALTIME) >= end,
	      "FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME: absolute deadline",
	      detail);

	t = ns_ts(1);	/* 1 ns after boot (Clonix's clock starts at 0) */
	check_errno(futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 1, &t, NULL,
			  FUTEX_BITSET_MATCH_ANY), ETIMEDOUT,
		    "FUTEX_WAIT_BITSET with a past deadline: ETIMEDOUT at once");

#if defined(__i386__) && defined(SYS_futex_time64)
	{
		/* i386's futex_time64 (422): the 64-bit __kernel_timespec. */
		struct { long long tv_sec, tv_nsec; } t64 = { 0, 100 * MS };

		start = now_ns(CLOCK_MONOTONIC);
		r = syscall(SYS_futex_time64, &word, FUTEX_WAIT_PRIVATE, 1,
			    &t64, NULL, 0);
		elapsed = now_ns(CLOCK_MONOTONIC) - start;
		snprintf(detail, sizeof(detail),
			 "returned %ld errno %d after %lld ns", r, errno,
			 elapsed);
		check(r == -1 && errno == ETIMEDOUT && elapsed >= 100 * MS,
		      "futex_time64: 100 ms, ETIMEDOUT, never early", detail);
	}
#endif
}

static void test_wake_between_processes(unsigned int *sh)
{
	unsigned int *f = &sh[0];
	pid_t pid;
	long r = 0;
	int got;

	*f = 0;
	pid = spawn_waiter(f, FUTEX_WAIT, 0, 0);
	got = wait_for_waiters(f, 0, 1);
	check(got, "a child process waits on a MAP_SHARED futex", NULL);
	check(futex(f, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0) == 0,
	      "FUTEX_WAKE_PRIVATE does not wake another process's shared "
	      "waiter", NULL);
	if (got)
		r = futex(f, FUTEX_WAKE, 1, NULL, NULL, 0);
	check(r == 1, "FUTEX_WAKE wakes it: returns 1", NULL);
	check(reap(pid) == 0, "the child's FUTEX_WAIT returned 0", NULL);

	/* Two waiters, FUTEX_WAKE 1 wakes one, then INT_MAX the other. */
	pid = spawn_waiter(f, FUTEX_WAIT, 0, 0);
	{
		pid_t pid2 = spawn_waiter(f, FUTEX_WAIT, 0, 0);

		wait_for_waiters(f, 0, 2);
		check(futex(f, FUTEX_WAKE, 1, NULL, NULL, 0) == 1 &&
		      waiters(f, 0) == 1,
		      "FUTEX_WAKE 1 with two waiters wakes one", NULL);
		check(futex(f, FUTEX_WAKE, INT_MAX, NULL, NULL, 0) == 1,
		      "FUTEX_WAKE INT_MAX wakes the other", NULL);
		check(reap(pid) == 0 && reap(pid2) == 0,
		      "both waiters returned 0", NULL);
	}
	check(futex(f, FUTEX_WAKE, 1, NULL, NULL, 0) == 0,
	      "FUTEX_WAKE with no waiter returns 0", NULL);
}

/* clone(CLONE_VM) tasks: the same mm, so private futexes meet. */
static unsigned int vm_word;
static long vm_ret;

static int vm_waiter(void *arg)
{
	struct timespec t = ns_ts(5000 * MS);

	vm_ret = syscall(SYS_futex, &vm_word, (int)(long)arg, 0, &t, NULL, 0);
	return 0;
}

static void test_wake_clone_vm(void)
{
	static char stack[64 * 1024] __attribute__((aligned(16)));
	int ops[] = { FUTEX_WAIT_PRIVATE, FUTEX_WAIT };
	const char *what[] = {
		"clone(CLONE_VM): a private waiter is woken by FUTEX_WAKE_PRIVATE",
		"clone(CLONE_VM): a shared waiter on private memory is woken",
	};
	int i;

	for (i = 0; i < 2; i++) {
		int priv = ops[i] & FUTEX_PRIVATE_FLAG;
		pid_t pid;
		long r = -5;

		vm_word = 0;
		vm_ret = -5;
		pid = clone(vm_waiter, stack + sizeof(stack), CLONE_VM | SIGCHLD,
			    (void *)(long)ops[i]);
		if (pid < 0 && !running_on_clonix()) {
			/* qemu-user emulates CLONE_VM only for threads. */
			printf("futex: clone(CLONE_VM) without CLONE_THREAD: "
			       "skipped (qemu-user refuses it)\n");
			return;
		}
		if (wait_for_waiters(&vm_word, priv, 1)) {
			/* The other kind's key differs: no match. */
			check(futex(&vm_word, FUTEX_WAKE | (priv ^
				    FUTEX_PRIVATE_FLAG), 1, NULL, NULL, 0) == 0,
			      priv ? "FUTEX_WAKE (shared) misses a private waiter"
				   : "FUTEX_WAKE_PRIVATE misses a shared waiter",
			      NULL);
			r = futex(&vm_word, FUTEX_WAKE | priv, 1, NULL, NULL, 0);
		}
		reap(pid);
		check(r == 1 && vm_ret == 0, what[i], NULL);
	}
}

static void test_bitset(unsigned int *sh)
{
	unsigned int *f = &sh[1];
	pid_t pid;

	*f = 0;
	pid = spawn_waiter(f, FUTEX_WAIT_BITSET, 0, 0x1);
	wait_for_waiters(f, 0, 1);
	check(futex(f, FUTEX_WAKE_BITSET, 1, NULL, NULL, 0x2) == 0,
	      "FUTEX_WAKE_BITSET 0x2 does not wake a waiter of bitset 0x1",
	      NULL);
	check(futex(f, FUTEX_WAKE_BITSET, 1, NULL, NULL, 0x3) == 1,
	      "FUTEX_WAKE_BITSET 0x3 wakes it", NULL);
	check(reap(pid) == 0, "the FUTEX_WAIT_BITSET waiter returned 0", NULL);

	pid = spawn_waiter(f, FUTEX_WAIT_BITSET, 0, 0x4);
	wait_for_waiters(f, 0, 1);
	check(futex(f, FUTEX_WAKE, 1, NULL, NULL, 0) == 1,
	      "FUTEX_WAKE (every bit) wakes any bitset waiter", NULL);
	reap(pid);
}

static void test_requeue(unsigned int *sh)
{
	unsigned int *f1 = &sh[2], *f2 = &sh[3];
	pid_t pid[3];
	int i, ok = 1;

	*f1 = 0;
	*f2 = 0;
	for (i = 0; i < 3; i++)
		pid[i] = spawn_waiter(f1, FUTEX_WAIT, 0, 0);
	check(wait_for_waiters(f1, 0, 3), "three waiters on the first futex",
	      NULL);
	check(futex2(f1, FUTEX_REQUEUE, 1, 1, f2, 0) == 2,
	      "FUTEX_REQUEUE wake 1, requeue 1: returns 2", NULL);
	check(waiters(f1, 0) == 1 && waiters(f2, 0) == 1,
	      "... one left on the first futex, one moved to the second",
	      NULL);
	check_errno(futex2(f1, FUTEX_CMP_REQUEUE, 0, 1, f2, 7), EAGAIN,
		    "FUTEX_CMP_REQUEUE when the word is not val3: EAGAIN");
	check(waiters(f1, 0) == 1,
	      "... and it moved nobody", NULL);
	check(futex2(f1, FUTEX_CMP_REQUEUE, 0, 1, f2, 0) == 1 &&
	      waiters(f1, 0) == 0 && waiters(f2, 0) == 2,
	      "FUTEX_CMP_REQUEUE wake 0, requeue 1: the last one moves", NULL);
	check(futex(f2, FUTEX_WAKE, INT_MAX, NULL, NULL, 0) == 2,
	      "FUTEX_WAKE on the second futex wakes the two requeued", NULL);
	for (i = 0; i < 3; i++)
		ok &= reap(pid[i]) == 0;
	check(ok, "all three waiters returned 0 (none timed out)", NULL);
	check_errno(futex2(f1, FUTEX_REQUEUE, -1, 1, f2, 0), EINVAL,
		    "FUTEX_REQUEUE with a negative count: EINVAL");
}

/* FUTEX_WAKE_OP with no waiters: the operation's effect on the word and
 * the call's 0. */
static void wake_op_value(unsigned int *f2, unsigned int before, int op,
			  unsigned int after, const char *what)
{
	unsigned int w1 = 0;
	long r;
	char detail[80];

	*f2 = before;
	r = futex2(&w1, FUTEX_WAKE_OP, 1, 1, f2, op);
	snprintf(detail, sizeof(detail), "returned %ld, word %#x, want %#x",
		 r, *f2, after);
	check(r == 0 && *f2 == after, what, detail);
}

static void test_wake_op(unsigned int *sh)
{
	unsigned int *f1 = &sh[4], *f2 = &sh[5];
	pid_t a, b;
	int cmp_ok = 1, i;
	/* oldval 5 compared with 5, 4 and 6: the true comparisons. */
	struct { int cmp; int want[3]; } cmps[] = {
		{ FUTEX_OP_CMP_EQ, { 1, 0, 0 } }, { FUTEX_OP_CMP_NE, { 0, 1, 1 } },
		{ FUTEX_OP_CMP_LT, { 0, 0, 1 } }, { FUTEX_OP_CMP_LE, { 1, 0, 1 } },
		{ FUTEX_OP_CMP_GT, { 0, 1, 0 } }, { FUTEX_OP_CMP_GE, { 1, 1, 0 } },
	};

	wake_op_value(f2, 5, FUTEX_OP(FUTEX_OP_SET, 9, 0, 0), 9,
		      "FUTEX_OP_SET: the second word becomes oparg");
	wake_op_value(f2, 5, FUTEX_OP(FUTEX_OP_ADD, 3, 0, 0), 8,
		      "FUTEX_OP_ADD adds oparg");
	wake_op_value(f2, 5, FUTEX_OP(FUTEX_OP_ADD, -1 & 0xfff, 0, 0), 4,
		      "FUTEX_OP_ADD: oparg is a signed 12-bit number");
	wake_op_value(f2, 5, FUTEX_OP(FUTEX_OP_OR, 2, 0, 0), 7,
		      "FUTEX_OP_OR");
	wake_op_value(f2, 7, FUTEX_OP(FUTEX_OP_ANDN, 2, 0, 0), 5,
		      "FUTEX_OP_ANDN clears oparg's bits");
	wake_op_value(f2, 5, FUTEX_OP(FUTEX_OP_XOR, 6, 0, 0), 3,
		      "FUTEX_OP_XOR");
	wake_op_value(f2, 1, FUTEX_OP((FUTEX_OP_OR | FUTEX_OP_OPARG_SHIFT), 4,
				      0, 0), 0x11,
		      "FUTEX_OP_OPARG_SHIFT: oparg is 1 << oparg");
	wake_op_value(f2, 1, FUTEX_OP((FUTEX_OP_OR | FUTEX_OP_OPARG_SHIFT), 31,
				      0, 0), 0x80000001,
		      "FUTEX_OP_OPARG_SHIFT: 1 << 31 is the top bit");

	/* The comparison, seen through who is woken: f1 and f2 each have a
	 * waiter; the second is woken only if the comparison holds. */
	for (i = 0; i < 6; i++) {
		int k;

		for (k = 0; k < 3; k++) {
			long r;
			int want = cmps[i].want[k];
			int cmparg = k == 0 ? 5 : k == 1 ? 4 : 6;

			*f1 = 0;
			*f2 = 5;
			a = spawn_waiter(f1, FUTEX_WAIT, 0, 0);
			b = spawn_waiter(f2, FUTEX_WAIT, 5, 0);
			wait_for_waiters(f1, 0, 1);
			wait_for_waiters(f2, 0, 1);
			r = futex2(f1, FUTEX_WAKE_OP, 1, 1, f2,
				   FUTEX_OP(FUTEX_OP_ADD, 1, cmps[i].cmp, cmparg));
			if (r != 1 + want || *f2 != 6 ||
			    waiters(f2, 0) != !want) {
				printf("test_futex: cmp %d cmparg %d: woke %ld, "
				       "word %u\n", cmps[i].cmp, cmparg, r, *f2);
				cmp_ok = 0;
			}
			futex(f2, FUTEX_WAKE, 1, NULL, NULL, 0);
			if (reap(a) != 0 || reap(b) != 0)
				cmp_ok = 0;
		}
	}
	check(cmp_ok, "FUTEX_WAKE_OP: EQ, NE, LT, LE, GT, GE decide the "
		      "second wake (old value 5 against 5, 4, 6)", NULL);

	*f2 = 5;
	check_errno(futex2(f1, FUTEX_WAKE_OP, 1, 1, f2,
			   FUTEX_OP(7, 1, 0, 0)), ENOSYS,
		    "FUTEX_WAKE_OP with an unknown operation: ENOSYS");
	check(*f2 == 5, "... and the word is untouched", NULL);
	check_errno(futex2(f1, FUTEX_WAKE_OP, 1, 1, f2,
			   FUTEX_OP(FUTEX_OP_ADD, 1, 6, 0)), ENOSYS,
		    "FUTEX_WAKE_OP with an unknown comparison: ENOSYS");
}

static volatile sig_atomic_t got_usr1;
static unsigned int *handled;	/* in shared memory: the parent sees it */

static void on_usr1(int sig)
{
	(void)sig;
	got_usr1 = 1;
	if (handled)
		__atomic_store_n(handled, 1, __ATOMIC_SEQ_CST);
}

static void test_signals(unsigned int *sh)
{
	unsigned int *f = &sh[6];
	struct sigaction sa;
	pid_t pid;
	int timed;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;	/* no SA_RESTART */
	sigaction(SIGUSR1, &sa, NULL);
	for (timed = 0; timed < 2; timed++) {
		*f = 0;
		pid = fork();
		if (pid == 0) {
			struct timespec t = ns_ts(5000 * MS);
			long r = futex(f, FUTEX_WAIT, 0, timed ? &t : NULL,
				       NULL, 0);

			_exit(r == -1 && errno == EINTR && got_usr1 ? 0 : 1);
		}
		wait_for_waiters(f, 0, 1);
		kill(pid, SIGUSR1);
		check(reap(pid) == 0, timed ?
		      "a handled signal ends a timed FUTEX_WAIT: EINTR" :
		      "a handled signal ends FUTEX_WAIT: EINTR", NULL);
	}

	/* SA_RESTART: an untimed wait (-ERESTARTSYS) goes on after the
	 * handler; a timed one (-ERESTART_RESTARTBLOCK) still ends with
	 * EINTR, as signal(7) says of futex waits. */
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR1, &sa, NULL);
	handled = &sh[10];
	for (timed = 0; timed < 2; timed++) {
		*f = 0;
		*handled = 0;
		pid = fork();
		if (pid == 0) {
			struct timespec t = ns_ts(5000 * MS);
			long r = futex(f, FUTEX_WAIT, 0, timed ? &t : NULL,
				       NULL, 0);

			if (timed)
				_exit(r == -1 && errno == EINTR ? 0 : 1);
			_exit(r == 0 ? 0 : 1);
		}
		wait_for_waiters(f, 0, 1);
		kill(pid, SIGUSR1);
		if (!timed) {
			long long end = now_ns(CLOCK_MONOTONIC) + 5000 * MS;

			while (!__atomic_load_n(handled, __ATOMIC_SEQ_CST) &&
			       now_ns(CLOCK_MONOTONIC) < end)
				usleep(1000);
			check(*handled && wait_for_waiters(f, 0, 1),
			      "SA_RESTART: FUTEX_WAIT waits on after the handler",
			      NULL);
			futex(f, FUTEX_WAKE, 1, NULL, NULL, 0);
			check(reap(pid) == 0, "... and a FUTEX_WAKE wakes it",
			      NULL);
		} else {
			check(reap(pid) == 0, "SA_RESTART: a timed FUTEX_WAIT "
			      "still ends with EINTR", NULL);
		}
	}
	handled = NULL;

	/* No handler: SIGSTOP and SIGCONT do not end the wait. */
	*f = 0;
	pid = spawn_waiter(f, FUTEX_WAIT, 0, 0);
	wait_for_waiters(f, 0, 1);
	kill(pid, SIGSTOP);
	usleep(20000);
	kill(pid, SIGCONT);
	usleep(20000);
	check(wait_for_waiters(f, 0, 1),
	      "after SIGSTOP and SIGCONT the waiter waits on", NULL);
	futex(f, FUTEX_WAKE, 1, NULL, NULL, 0);
	check(reap(pid) == 0, "... and a FUTEX_WAKE still wakes it", NULL);

	/* A stopped and continued timed wait ends on time (restart). */
	pid = fork();
	if (pid == 0) {
		struct timespec t = ns_ts(300 * MS);
		long long start = now_ns(CLOCK_MONOTONIC);
		long r = futex(f, FUTEX_WAIT, 0, &t, NULL, 0);
		long long el = now_ns(CLOCK_MONOTONIC) - start;

		_exit(r == -1 && errno == ETIMEDOUT && el >= 300 * MS &&
		      el < 3000 * MS ? 0 : 1);
	}
	wait_for_waiters(f, 0, 1);
	kill(pid, SIGSTOP);
	usleep(50000);
	kill(pid, SIGCONT);
	check(reap(pid) == 0, "a timed wait stopped and continued times out "
	      "when it should (ETIMEDOUT, never early)", NULL);
}

/* A futex in a MAP_SHARED file mapping is the file's page: a process
 * mapping the same file on its own (another address, another offset)
 * meets it — the key is (inode, page index, offset), not the address. */
static void test_file_mapping(void)
{
	char path[64];
	unsigned int *mine;
	pid_t pid;
	int fd;
	long r = -1;

	snprintf(path, sizeof(path), "/tmp/futex.%d", getpid());
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || ftruncate(fd, 2 * 4096)) {
		check(0, "a two-page file in /tmp", strerror(errno));
		return;
	}
	mine = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	pid = fork();
	if (pid == 0) {
		/* Only the second page, mapped anew (not inherited). */
		unsigned int *page1 = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
					   MAP_SHARED, fd, 4096);
		struct timespec t = ns_ts(5000 * MS);

		munmap(mine, 2 * 4096);
		if (page1 == MAP_FAILED)
			_exit(3);
		_exit(futex(&page1[2], FUTEX_WAIT, 0, &t, NULL, 0) == 0 ? 0 : 1);
	}
	if (wait_for_waiters(&mine[1024 + 2], 0, 1))
		r = futex(&mine[1024 + 2], FUTEX_WAKE, 1, NULL, NULL, 0);
	check(r == 1, "MAP_SHARED file: a waiter through another mapping of "
	      "the page is woken", NULL);
	check(reap(pid) == 0, "... its FUTEX_WAIT returned 0", NULL);
	munmap(mine, 2 * 4096);
	close(fd);
	unlink(path);
}

static void test_bad_input(unsigned int *sh)
{
	char buf[8] __attribute__((aligned(4)));
	struct timespec t = ns_ts(10 * MS), bad = { 0, 1000000000 };
	void *gone;

	check_errno(futex(buf + 1, FUTEX_WAIT, 0, &t, NULL, 0), EINVAL,
		    "FUTEX_WAIT on an unaligned address: EINVAL");
	check_errno(futex(buf + 2, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0), EINVAL,
		    "FUTEX_WAKE on an unaligned address: EINVAL");
	gone = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(gone, 4096);
	check_errno(futex(gone, FUTEX_WAIT_PRIVATE, 0, &t, NULL, 0), EFAULT,
		    "FUTEX_WAIT_PRIVATE on an unmapped address: EFAULT");
	check_errno(futex(gone, FUTEX_WAIT, 0, &t, NULL, 0), EFAULT,
		    "FUTEX_WAIT (shared) on an unmapped address: EFAULT");
	check_errno(futex(gone, FUTEX_WAKE, 1, NULL, NULL, 0), EFAULT,
		    "FUTEX_WAKE (shared) on an unmapped address: EFAULT");
	check_errno(futex2(&sh[7], FUTEX_WAKE_OP, 1, 1, gone,
			   FUTEX_OP(FUTEX_OP_ADD, 1, 0, 0)), EFAULT,
		    "FUTEX_WAKE_OP on an unmapped second word: EFAULT");
	if (running_on_clonix()) {
		/* qemu-user hands the host kernel its own translation of a
		 * guest address: only a real kernel refuses its own. */
		void *kernel = (void *)(sizeof(long) == 8 ?
					(unsigned long)-4096L : 0xc0000000UL);

		check_errno(futex(kernel, FUTEX_WAIT_PRIVATE, 0, &t, NULL, 0),
			    EFAULT, "FUTEX_WAIT on a kernel address: EFAULT");
		check_errno(futex(kernel, FUTEX_WAKE, 1, NULL, NULL, 0),
			    EFAULT, "FUTEX_WAKE on a kernel address: EFAULT");
		/* Clonix has no PI futexes (glibc uses them only for
		 * PTHREAD_PRIO_INHERIT mutexes). */
		check_errno(futex(&sh[7], FUTEX_LOCK_PI, 0, NULL, NULL, 0),
			    ENOSYS, "FUTEX_LOCK_PI: ENOSYS (not implemented)");
	}
	check_errno(futex(&sh[7], 99, 0, NULL, NULL, 0), ENOSYS,
		    "an unknown futex op: ENOSYS");
	check_errno(futex(&sh[7], FUTEX_FD, 0, NULL, NULL, 0), ENOSYS,
		    "FUTEX_FD (removed from Linux): ENOSYS");
	check_errno(futex(&sh[7], FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, NULL,
			  NULL, 0), ENOSYS,
		    "FUTEX_CLOCK_REALTIME on FUTEX_WAKE: ENOSYS");
	sh[7] = 0;
	check_errno(futex(&sh[7], FUTEX_WAIT_BITSET, 0, &t, NULL, 0), EINVAL,
		    "FUTEX_WAIT_BITSET with bitset 0: EINVAL");
	check_errno(futex(&sh[7], FUTEX_WAKE_BITSET, 1, NULL, NULL, 0), EINVAL,
		    "FUTEX_WAKE_BITSET with bitset 0: EINVAL");
	check_errno(futex(&sh[7], FUTEX_WAIT, 0, &bad, NULL, 0), EINVAL,
		    "FUTEX_WAIT with tv_nsec 1e9: EINVAL");
	check_errno(futex(&sh[7], FUTEX_WAIT, 0, (void *)gone, NULL, 0),
		    EFAULT, "FUTEX_WAIT with an unmapped timeout: EFAULT");
}

/* A robust lock as glibc lays one out: its list node and its word. */
struct rlock {
	struct robust_list list;
	unsigned int futex;
};

/* Register a robust list holding locks l[0..n-1] (owned by us, with
 * the waiters bit set if they should be woken) and pending (or NULL). */
static void robust_register(struct robust_list_head *head,
			    struct rlock *l, int n, struct rlock *pending)
{
	int i;

	head->list.next = n ? &l[0].list : &head->list;
	for (i = 0; i < n; i++)
		l[i].list.next = i + 1 < n ? &l[i + 1].list : &head->list;
	head->futex_offset = offsetof(struct rlock, futex);
	head->list_op_pending = pending ? &pending->list : NULL;
	syscall(SYS_set_robust_list, head, sizeof(*head));
}

static void test_robust_lists(unsigned int *sh)
{
	struct robust_list_head *glibc_head = NULL, *got = NULL, mine;
	struct rlock *l = (struct rlock *)&sh[32];	/* shared memory */
	size_t len = 0;
	pid_t pid;
	long r;

	r = syscall(SYS_get_robust_list, 0, &glibc_head, &len);
	if (r == -1 && errno == ENOSYS && !running_on_clonix()) {
		printf("futex: robust lists: skipped (qemu-user does not "
		       "emulate them; run the i386 binary natively)\n");
		return;
	}
	check(r == 0 &&
	      glibc_head && len == sizeof(struct robust_list_head),
	      "get_robust_list(0): glibc's head, and its size", NULL);
	check_errno(syscall(SYS_set_robust_list, &mine, sizeof(mine) + 1),
		    EINVAL, "set_robust_list with a wrong size: EINVAL");
	check(syscall(SYS_set_robust_list, &mine, sizeof(mine)) == 0 &&
	      syscall(SYS_get_robust_list, 0, &got, &len) == 0 && got == &mine,
	      "set_robust_list then get_robust_list gives it back", NULL);
	syscall(SYS_set_robust_list, glibc_head, sizeof(*glibc_head));
	check_errno(syscall(SYS_get_robust_list, 0, NULL, &len), EFAULT,
		    "get_robust_list to a bad address: EFAULT");
	check_errno(syscall(SYS_get_robust_list, 999999, &got, &len), ESRCH,
		    "get_robust_list of no such thread: ESRCH");

	/* The owner dies holding lock 0 (a waiter sleeps on it) and lock 1
	 * (nobody waits); lock 2 belongs to someone else; lock 3 is the
	 * pending one, still 0, with a waiter. */
	memset(l, 0, 4 * sizeof(*l));
	sh[8] = 0;	/* the child's tid, once its locks are set */
	pid = fork();
	if (pid == 0) {
		struct robust_list_head head;
		unsigned int tid = syscall(SYS_gettid);
		struct robust_list_head *h = NULL;
		size_t hl;

		l[0].futex = tid;
		l[1].futex = tid;
		l[2].futex = 1;	/* not ours */
		robust_register(&head, l, 3, &l[3]);
		__atomic_store_n(&sh[8], tid, __ATOMIC_SEQ_CST);
		/* Wait until the parent sleeps on locks 0 and 3, and has
		 * read our robust list. */
		if (!wait_for_waiters(&l[0].futex, 0, 1) ||
		    !wait_for_waiters(&l[3].futex, 0, 1))
			_exit(3);
		while (!__atomic_load_n(&sh[9], __ATOMIC_SEQ_CST))
			usleep(1000);
		(void)h;
		(void)hl;
		_exit(0);	/* dies holding them */
	}
	while (!__atomic_load_n(&sh[8], __ATOMIC_SEQ_CST))
		usleep(1000);
	got = NULL;
	r = syscall(SYS_get_robust_list, pid, &got, &len);
	check(r == 0 && got != NULL && len == sizeof(struct robust_list_head),
	      "get_robust_list of another process of ours", NULL);
	{
		/* Sleepers on lock 0 and on the pending lock 3. */
		pid_t w0, w3;
		unsigned int tid = sh[8];
		unsigned int v = __sync_val_compare_and_swap(&l[0].futex, tid,
							     tid |
							     FUTEX_WAITERS);

		(void)v;
		w0 = spawn_waiter(&l[0].futex, FUTEX_WAIT, tid | FUTEX_WAITERS,
				  0);
		w3 = spawn_waiter(&l[3].futex, FUTEX_WAIT, 0, 0);
		__atomic_store_n(&sh[9], 1, __ATOMIC_SEQ_CST);
		check(reap(pid) == 0, "the owner exited holding its locks", NULL);
		check(reap(w0) == 0, "the waiter on a dead owner's robust lock "
		      "is woken", NULL);
		check(l[0].futex == (FUTEX_OWNER_DIED | FUTEX_WAITERS),
		      "... and the lock says FUTEX_OWNER_DIED (waiters bit "
		      "kept, owner cleared)", NULL);
		check(l[1].futex == FUTEX_OWNER_DIED,
		      "a lock held without waiters: FUTEX_OWNER_DIED", NULL);
		check(l[2].futex == 1,
		      "a lock on the list owned by another thread is left "
		      "alone", NULL);
		check(reap(w3) == 0, "the list_op_pending lock (still 0): its "
		      "waiter is woken", NULL);
	}
}

/* CLONE_CHILD_CLEARTID: the kernel zeroes the word and wakes it when
 * the child (sharing our memory) is gone — pthread_join's wait. */
static volatile int ctid = -1;

static int cleartid_child(void *arg)
{
	(void)arg;
	/* Exit only once the parent sleeps on our tid word. */
	wait_for_waiters((unsigned int *)&ctid, 0, 1);
	return 0;
}

static void test_clone_child_cleartid(void)
{
	static char stack[64 * 1024] __attribute__((aligned(16)));
	struct timespec t = ns_ts(5000 * MS);
	int tid;
	pid_t pid;
	long r;

	pid = clone(cleartid_child, stack + sizeof(stack),
		    CLONE_VM | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID |
		    SIGCHLD, NULL, NULL, NULL, &ctid);
	if (pid < 0 && !running_on_clonix()) {
		printf("futex: CLONE_CHILD_CLEARTID: skipped (qemu-user "
		       "refuses CLONE_VM without CLONE_THREAD)\n");
		return;
	}
	check(pid > 0, "clone(CLONE_VM|CLONE_CHILD_CLEARTID)", strerror(errno));
	if (pid < 0)
		return;
	tid = pid;
	while (ctid == -1)	/* CLONE_CHILD_SETTID is the child's write */
		sched_yield();
	r = futex((void *)&ctid, FUTEX_WAIT, tid, &t, NULL, 0);
	check(r == 0 || (r == -1 && errno == EAGAIN && ctid == 0),
	      "CLONE_CHILD_CLEARTID wakes the waiter on the tid", NULL);
	check(r == 0, "... which slept until then (FUTEX_WAIT returned 0)",
	      NULL);
	check(ctid == 0, "... and the tid word is 0", NULL);
	reap(pid);
}

/* glibc's own futex users between processes: a PTHREAD_PROCESS_SHARED
 * condition variable and mutex, a timed wait that is not early, and a
 * robust mutex whose owner dies (EOWNERDEAD, pthread_mutex_consistent). */
struct shared_sync {
	pthread_mutex_t m, robust;
	pthread_cond_t c;
	int ready, seen;
};

static void test_glibc_shared(void)
{
	struct shared_sync *s = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
				     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pthread_mutexattr_t ma;
	pthread_condattr_t ca;
	struct timespec t;
	long long start;
	pid_t pid;
	int r;

	pthread_mutexattr_init(&ma);
	pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
	pthread_mutex_init(&s->m, &ma);
	pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&s->robust, &ma);
	pthread_condattr_init(&ca);
	pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED);
	pthread_cond_init(&s->c, &ca);

	pid = fork();
	if (pid == 0) {
		pthread_mutex_lock(&s->m);
		while (!s->ready)
			pthread_cond_wait(&s->c, &s->m);
		s->seen = 1;
		pthread_cond_signal(&s->c);
		pthread_mutex_unlock(&s->m);
		_exit(0);
	}
	usleep(50000);	/* most likely asleep in pthread_cond_wait by now */
	pthread_mutex_lock(&s->m);
	s->ready = 1;
	pthread_cond_signal(&s->c);
	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_sec += 5;
	r = 0;
	while (!s->seen && r == 0)
		r = pthread_cond_timedwait(&s->c, &s->m, &t);
	pthread_mutex_unlock(&s->m);
	check(s->seen && reap(pid) == 0, "process-shared pthread_cond_wait "
	      "and pthread_cond_signal between two processes", NULL);

	pthread_mutex_lock(&s->m);
	start = now_ns(CLOCK_REALTIME);
	t = ns_ts(start + 100 * MS);
	r = pthread_cond_timedwait(&s->c, &s->m, &t);
	check(r == ETIMEDOUT && now_ns(CLOCK_REALTIME) >= start + 100 * MS,
	      "pthread_cond_timedwait: ETIMEDOUT, never early", strerror(r));
	pthread_mutex_unlock(&s->m);

	if (syscall(SYS_get_robust_list, 0, &(void *){ 0 }, &(size_t){ 0 }) &&
	    errno == ENOSYS && !running_on_clonix()) {
		printf("futex: robust mutex: skipped (qemu-user does not "
		       "emulate robust lists)\n");
		goto out;
	}
	s->ready = 0;
	pid = fork();
	if (pid == 0) {
		pthread_mutex_lock(&s->robust);
		__atomic_store_n(&s->ready, 1, __ATOMIC_SEQ_CST);
		usleep(100000);	/* the parent blocks on it meanwhile */
		_exit(0);	/* dies holding it */
	}
	while (!__atomic_load_n(&s->ready, __ATOMIC_SEQ_CST))
		usleep(1000);
	r = pthread_mutex_lock(&s->robust);
	check(r == EOWNERDEAD, "a robust mutex whose owner died: "
	      "pthread_mutex_lock gives EOWNERDEAD", strerror(r));
	check(pthread_mutex_consistent(&s->robust) == 0 &&
	      pthread_mutex_unlock(&s->robust) == 0 &&
	      pthread_mutex_lock(&s->robust) == 0 &&
	      pthread_mutex_unlock(&s->robust) == 0,
	      "... made consistent, it locks and unlocks again", NULL);
	reap(pid);
out:
	munmap(s, 4096);
}

int main(void)
{
	unsigned int *sh = shared_page();

	check_prog = "futex";
	setvbuf(stdout, NULL, _IONBF, 0);
	if (!sh) {
		check(0, "mmap MAP_SHARED|MAP_ANONYMOUS", strerror(errno));
		return check_summary();
	}
	test_value_and_timeouts();
	test_wake_between_processes(sh);
	test_file_mapping();
	test_wake_clone_vm();
	test_bitset(sh);
	test_requeue(sh);
	test_wake_op(sh);
	test_signals(sh);
	test_bad_input(sh);
	test_robust_lists(sh);
	test_clone_child_cleartid();
	test_glibc_shared();
	munmap(sh, 4096);
	return check_summary();
}
