/*
 * test_sched: the scheduler calls glibc's pthreads and sysconf make, with
 * the answers and errnos of their man pages (sched_setaffinity(2),
 * sched_setscheduler(2), sched_setparam(2), sched_get_priority_max(2),
 * sched_rr_get_interval(2), getcpu(2), membarrier(2)). Raw system calls
 * where glibc's wrapper would hide what the kernel says. Passes on a Linux
 * host too (as root; any number of CPUs).
 */
#include "check.h"
#include <linux/membarrier.h>
#include <sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

#define BAD_POINTER ((void *)1)

/* A pid nobody has: a child's, once reaped. */
static pid_t dead_pid(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
	return pid;
}

static void test_affinity(pid_t gone)
{
	unsigned long mask[128 / sizeof(long)];
	cpu_set_t set;
	long ret;

	memset(mask, 0, sizeof(mask));
	ret = syscall(SYS_sched_getaffinity, 0, sizeof(mask), mask);
	check(ret > 0 && ret % sizeof(long) == 0 && (mask[0] & 1),
	      "sched_getaffinity: returns whole longs, CPU 0 set", NULL);
	check(sched_getaffinity(0, sizeof(set), &set) == 0 &&
	      CPU_COUNT(&set) >= 1 && CPU_COUNT(&set) <=
	      sysconf(_SC_NPROCESSORS_CONF),
	      "sched_getaffinity: as many CPUs as sysconf knows", NULL);
	check_errno(syscall(SYS_sched_getaffinity, 0, 0, mask), EINVAL,
		    "sched_getaffinity: len 0 is EINVAL");
	check_errno(syscall(SYS_sched_getaffinity, 0, sizeof(long) + 1, mask),
		    EINVAL, "sched_getaffinity: len not whole longs is EINVAL");
	check_errno(syscall(SYS_sched_getaffinity, gone, sizeof(mask), mask),
		    ESRCH, "sched_getaffinity: a pid nobody has is ESRCH");
	check_errno(syscall(SYS_sched_getaffinity, 0, sizeof(mask),
			    BAD_POINTER),
		    EFAULT, "sched_getaffinity: a bad buffer is EFAULT");

	CPU_ZERO(&set);
	CPU_SET(0, &set);
	check(sched_setaffinity(0, sizeof(set), &set) == 0,
	      "sched_setaffinity: {CPU 0} is accepted", NULL);
	check(sched_getaffinity(0, sizeof(set), &set) == 0 &&
	      CPU_ISSET(0, &set) && CPU_COUNT(&set) == 1,
	      "sched_setaffinity: and reads back as {CPU 0}", NULL);
	CPU_ZERO(&set);
	CPU_SET(CPU_SETSIZE - 1, &set);
	check_errno(sched_setaffinity(0, sizeof(set), &set), EINVAL,
		    "sched_setaffinity: a mask without an online CPU is EINVAL");
	CPU_ZERO(&set);
	check_errno(sched_setaffinity(0, sizeof(set), &set), EINVAL,
		    "sched_setaffinity: an empty mask is EINVAL");
	CPU_SET(0, &set);
	check_errno(sched_setaffinity(gone, sizeof(set), &set), ESRCH,
		    "sched_setaffinity: a pid nobody has is ESRCH");
	check_errno(syscall(SYS_sched_setaffinity, 0, sizeof(set), NULL),
		    EFAULT, "sched_setaffinity: a NULL mask is EFAULT");
	/* restore every CPU */
	for (int i = 0; i < sysconf(_SC_NPROCESSORS_CONF); i++)
		CPU_SET(i, &set);
	sched_setaffinity(0, sizeof(set), &set);
}

static void test_policy(pid_t gone)
{
	struct sched_param p = { 0 };
	struct timespec ts = { -1, -1 };

	check(sched_getscheduler(0) == SCHED_OTHER &&
	      sched_getparam(0, &p) == 0 && p.sched_priority == 0,
	      "sched_getscheduler: SCHED_OTHER, priority 0", NULL);
	check(sched_getscheduler(getpid()) == SCHED_OTHER,
	      "sched_getscheduler: by pid", NULL);
	check_errno(sched_getscheduler(-1), EINVAL,
		    "sched_getscheduler: pid -1 is EINVAL");
	check_errno(sched_getscheduler(gone), ESRCH,
		    "sched_getscheduler: a pid nobody has is ESRCH");
	check_errno(syscall(SYS_sched_getparam, 0, NULL), EINVAL,
		    "sched_getparam: a NULL param is EINVAL");
	check_errno(syscall(SYS_sched_getparam, 0, BAD_POINTER), EFAULT,
		    "sched_getparam: a bad param is EFAULT");
	check_errno(sched_getparam(gone, &p), ESRCH,
		    "sched_getparam: a pid nobody has is ESRCH");

	p.sched_priority = 0;
	check(sched_setscheduler(0, SCHED_OTHER, &p) == 0,
	      "sched_setscheduler: SCHED_OTHER, 0", NULL);
	check(sched_setscheduler(0, SCHED_BATCH, &p) == 0 &&
	      sched_getscheduler(0) == SCHED_BATCH,
	      "sched_setscheduler: SCHED_BATCH is kept and reported", NULL);
	check(sched_setscheduler(0, SCHED_OTHER, &p) == 0,
	      "sched_setscheduler: back to SCHED_OTHER", NULL);
	p.sched_priority = 1;
	check_errno(sched_setscheduler(0, SCHED_OTHER, &p), EINVAL,
		    "sched_setscheduler: SCHED_OTHER with priority 1 is EINVAL");
	check_errno(sched_setscheduler(0, 42, &p), EINVAL,
		    "sched_setscheduler: an unknown policy is EINVAL");
	p.sched_priority = 0;
	check_errno(sched_setscheduler(0, SCHED_FIFO, &p), EINVAL,
		    "sched_setscheduler: SCHED_FIFO with priority 0 is EINVAL");
	p.sched_priority = 100;
	check_errno(sched_setscheduler(0, SCHED_RR, &p), EINVAL,
		    "sched_setscheduler: SCHED_RR with priority 100 is EINVAL");
	check_errno(syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, NULL),
		    EINVAL, "sched_setscheduler: a NULL param is EINVAL");
	check_errno(syscall(SYS_sched_setscheduler, 0, SCHED_OTHER,
			    BAD_POINTER),
		    EFAULT, "sched_setscheduler: a bad param is EFAULT");
	check_errno(sched_setscheduler(gone, SCHED_OTHER, &p), ESRCH,
		    "sched_setscheduler: a pid nobody has is ESRCH");

	/* Real time: root may choose it; it is reported and inherited. */
	p.sched_priority = 10;
	if (geteuid() == 0) {
		int status = -1;
		pid_t pid;

		check(sched_setscheduler(0, SCHED_FIFO, &p) == 0 &&
		      sched_getscheduler(0) == SCHED_FIFO &&
		      sched_getparam(0, &p) == 0 && p.sched_priority == 10,
		      "sched_setscheduler: root may set SCHED_FIFO 10, "
		      "reported back", NULL);
		p.sched_priority = 20;
		check(sched_setparam(0, &p) == 0 && sched_getparam(0, &p) == 0 &&
		      p.sched_priority == 20 &&
		      sched_getscheduler(0) == SCHED_FIFO,
		      "sched_setparam: changes the priority, keeps the policy",
		      NULL);
		check(sched_rr_get_interval(0, &ts) == 0 && ts.tv_sec == 0 &&
		      ts.tv_nsec == 0,
		      "sched_rr_get_interval: SCHED_FIFO has no slice", NULL);
		pid = fork();
		if (pid == 0)
			_exit(sched_getscheduler(0) == SCHED_FIFO ? 0 : 1);
		check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
		      WEXITSTATUS(status) == 0,
		      "sched_setscheduler: a child inherits the policy", NULL);
		p.sched_priority = 10;
		sched_setscheduler(0, SCHED_RR | SCHED_RESET_ON_FORK, &p);
		pid = fork();
		if (pid == 0)
			_exit(sched_getscheduler(0) == SCHED_OTHER ? 0 : 1);
		check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
		      WEXITSTATUS(status) == 0,
		      "sched_setscheduler: SCHED_RESET_ON_FORK: the child is "
		      "SCHED_OTHER", NULL);
		check(sched_getscheduler(0) ==
		      (SCHED_RR | SCHED_RESET_ON_FORK),
		      "sched_getscheduler: reports SCHED_RESET_ON_FORK", NULL);
		p.sched_priority = 0;
		check(sched_setscheduler(0, SCHED_OTHER | SCHED_RESET_ON_FORK,
					 &p) == 0 &&
		      sched_setscheduler(0, SCHED_OTHER, &p) == 0,
		      "sched_setscheduler: root goes back to SCHED_OTHER", NULL);
		pid = fork();
		if (pid == 0) {
			p.sched_priority = 10;
			if (setuid(1000))
				_exit(2);
			_exit(sched_setscheduler(0, SCHED_FIFO, &p) == -1 &&
			      errno == EPERM ? 0 : 1);
		}
		check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
		      WEXITSTATUS(status) == 0,
		      "sched_setscheduler: SCHED_FIFO for a user is EPERM",
		      NULL);
	}
	check(sched_rr_get_interval(0, &ts) == 0 && ts.tv_sec >= 0 &&
	      ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000L,
	      "sched_rr_get_interval: a valid interval", NULL);
	check_errno(sched_rr_get_interval(-1, &ts), EINVAL,
		    "sched_rr_get_interval: pid -1 is EINVAL");
	check_errno(sched_rr_get_interval(gone, &ts), ESRCH,
		    "sched_rr_get_interval: a pid nobody has is ESRCH");

	check(sched_get_priority_max(SCHED_FIFO) == 99 &&
	      sched_get_priority_min(SCHED_FIFO) == 1 &&
	      sched_get_priority_max(SCHED_RR) == 99 &&
	      sched_get_priority_min(SCHED_RR) == 1,
	      "sched_get_priority_max/min: FIFO and RR are 1..99", NULL);
	check(sched_get_priority_max(SCHED_OTHER) == 0 &&
	      sched_get_priority_min(SCHED_OTHER) == 0 &&
	      sched_get_priority_max(SCHED_BATCH) == 0 &&
	      sched_get_priority_min(SCHED_IDLE) == 0,
	      "sched_get_priority_max/min: OTHER, BATCH, IDLE are 0", NULL);
	check_errno(sched_get_priority_max(42), EINVAL,
		    "sched_get_priority_max: an unknown policy is EINVAL");
	check_errno(sched_get_priority_min(-1), EINVAL,
		    "sched_get_priority_min: an unknown policy is EINVAL");
}

static void test_getcpu(void)
{
	unsigned int cpu = 1000, node = 1000;

	check(syscall(SYS_getcpu, &cpu, &node, NULL) == 0 &&
	      cpu < (unsigned int)sysconf(_SC_NPROCESSORS_CONF) && node == 0,
	      "getcpu: a CPU we have, node 0", NULL);
	check(sched_getcpu() == (int)cpu || sysconf(_SC_NPROCESSORS_CONF) > 1,
	      "sched_getcpu: agrees", NULL);
	check(syscall(SYS_getcpu, NULL, NULL, NULL) == 0,
	      "getcpu: NULL pointers are skipped", NULL);
	check_errno(syscall(SYS_getcpu, BAD_POINTER, NULL, NULL), EFAULT,
		    "getcpu: a bad pointer is EFAULT");
}

static void test_membarrier(void)
{
	long q = syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
	long want = MEMBARRIER_CMD_PRIVATE_EXPEDITED |
		    MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED |
		    MEMBARRIER_CMD_GLOBAL_EXPEDITED |
		    MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED;

	check(q > 0 && (q & want) == want,
	      "membarrier: QUERY lists the expedited commands", NULL);
	check_errno(syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED,
			    0, 0), EPERM,
		    "membarrier: PRIVATE_EXPEDITED unregistered is EPERM");
	check(syscall(SYS_membarrier,
		      MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) == 0 &&
	      syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0,
		      0) == 0,
	      "membarrier: registered, PRIVATE_EXPEDITED works", NULL);
	check(syscall(SYS_membarrier, MEMBARRIER_CMD_GLOBAL_EXPEDITED, 0,
		      0) == 0,
	      "membarrier: GLOBAL_EXPEDITED works", NULL);
	if (q & MEMBARRIER_CMD_GLOBAL)
		check(syscall(SYS_membarrier, MEMBARRIER_CMD_GLOBAL, 0, 0) == 0,
		      "membarrier: GLOBAL works", NULL);
	check_errno(syscall(SYS_membarrier, MEMBARRIER_CMD_GLOBAL_EXPEDITED, 1,
			    0), EINVAL,
		    "membarrier: a flag on a non-RSEQ command is EINVAL");
	check_errno(syscall(SYS_membarrier, 1 << 20, 0, 0), EINVAL,
		    "membarrier: an unknown command is EINVAL");
}

int main(void)
{
	pid_t gone;

	check_prog = "test_sched";
	setvbuf(stdout, NULL, _IOLBF, 0);
	gone = dead_pid();
	test_affinity(gone);
	test_policy(gone);
	test_getcpu();
	test_membarrier();
	return check_summary();
}
