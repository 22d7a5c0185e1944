/* test_clone: clone(2) flags as Linux checks them — bad combinations give
 * EINVAL — and what they do: CLONE_VFORK makes the parent wait, CLONE_VM
 * shares memory, CLONE_PARENT_SETTID / CLONE_CHILD_SETTID write the tid,
 * CLONE_CHILD_CLEARTID clears it when the child is gone. */
#include "check.h"
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* raw clone with the CLONE_BACKWARDS order: flags, stack, ptid, tls, ctid */
static long raw_clone(unsigned long flags, void *stack, int *ptid, int *ctid)
{
	return syscall(SYS_clone, flags, stack, ptid, 0, ctid);
}

static volatile int shared;

int main(void)
{
	int ptid = 0, ctid = -1, status;
	volatile int order = 0;
	long pid;

	check_prog = "clone";
	check_errno(raw_clone(CLONE_THREAD | SIGCHLD, NULL, NULL, NULL), EINVAL,
		    "CLONE_THREAD without CLONE_SIGHAND gives EINVAL");
	check_errno(raw_clone(CLONE_SIGHAND | SIGCHLD, NULL, NULL, NULL), EINVAL,
		    "CLONE_SIGHAND without CLONE_VM gives EINVAL");
	check_errno(raw_clone(CLONE_NEWNS | CLONE_FS | SIGCHLD, NULL, NULL,
			      NULL), EINVAL, "CLONE_NEWNS with CLONE_FS gives EINVAL");

	pid = raw_clone(CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD,
			NULL, &ptid, &ctid);
	if (pid == 0)
		_exit(ctid == getpid() ? 0 : 1);	/* our copy of ctid */
	waitpid(pid, &status, 0);
	check(ptid == pid, "CLONE_PARENT_SETTID stores the pid", NULL);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "CLONE_CHILD_SETTID stores the tid in the child", NULL);

	/* vfork: the child runs first, in our memory, until it exits. */
	pid = vfork();
	if (pid == 0) {
		order = 1;
		_exit(0);
	}
	check(order == 1, "vfork parent waits for the child", NULL);
	waitpid(pid, &status, 0);

	{
		static char stack[16384] __attribute__((aligned(16)));
		int ctid2 = -1;

		pid = raw_clone(CLONE_VM | CLONE_VFORK | CLONE_CHILD_CLEARTID |
				CLONE_CHILD_SETTID | SIGCHLD,
				stack + sizeof(stack), NULL, &ctid2);
		if (pid == 0) {
			shared = 42;
			syscall(SYS_exit, 0);
		}
		check(shared == 42, "CLONE_VM shares memory", NULL);
		check(ctid2 == 0, "CLONE_CHILD_CLEARTID clears the tid at exit",
		      NULL);
		waitpid(pid, &status, 0);
	}
	return check_summary();
}
