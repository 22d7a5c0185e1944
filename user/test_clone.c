/* test_clone: clone(2) flags as Linux checks them — bad combinations give
 * EINVAL — and what they do: CLONE_VFORK makes the parent wait, CLONE_VM
 * shares memory, CLONE_PARENT_SETTID / CLONE_CHILD_SETTID write the tid,
 * CLONE_CHILD_CLEARTID clears it when the child is gone; CLONE_PARENT
 * gives our parent a child — except from init (pid 1), where it is EINVAL
 * as in Linux (run it as init with rdinit=/bin/test_clone). */
#include "check.h"
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

/* raw clone with the CLONE_BACKWARDS order: flags, stack, ptid, tls, ctid */
static long raw_clone(unsigned long flags, void *stack, int *ptid, int *ctid)
{
	return syscall(SYS_clone, flags, stack, ptid, 0, ctid);
}

static volatile int shared;
static volatile long thread_pid, thread_tid, thread_tp;

/*
 * CLONE_SETTLS's argument: on RISC-V the new thread pointer (tp) itself;
 * on i386 a struct user_desc for the GDT TLS slot our %gs selects, with
 * the base the new thread's %gs gets. Either way the thread finds 0x1234
 * at its thread pointer: on i386, in the first word of a copy of our
 * thread control block (glibc's system calls go through %gs:0x10, so the
 * thread needs the rest of it).
 */
#if defined(__i386__)
#include <asm/ldt.h>

static unsigned long tls_block[16];
static struct user_desc thread_desc;

static void *settls_arg(void)
{
	const unsigned long *tcb;
	unsigned int gs;

	__asm__ __volatile__("movl %%gs:0, %0" : "=r"(tcb));	/* self */
	memcpy(tls_block, tcb, sizeof(tls_block));
	tls_block[0] = 0x1234;
	__asm__ __volatile__("movl %%gs, %0" : "=r"(gs));
	thread_desc.entry_number = gs >> 3;
	thread_desc.base_addr = (unsigned long)tls_block;
	thread_desc.limit = 0xfffff;
	thread_desc.seg_32bit = 1;
	thread_desc.limit_in_pages = 1;
	thread_desc.useable = 1;
	return &thread_desc;
}
#else
static void *settls_arg(void)
{
	return (void *)0x1234;
}
#endif

static int thread_fn(void *arg)
{
	(void)arg;
	thread_pid = syscall(SYS_getpid);
	thread_tid = syscall(SYS_gettid);
#if defined(__riscv)
	__asm__ __volatile__("mv %0, tp" : "=r"(thread_tp));
#elif defined(__i386__)
	__asm__ __volatile__("movl %%gs:0, %0" : "=r"(thread_tp));
#endif
	return 0;	/* glibc's clone() then calls exit (this thread only) */
}

/* A CLONE_VM child on a stack of its own. (glibc's clone(), not the raw
 * call: on i386 a child with a new stack cannot return from syscall(),
 * whose return address is on the parent's stack.) */
static int vm_child_fn(void *arg)
{
	(void)arg;
	shared = 42;
	syscall(SYS_exit, 0);
	return 0;
}

static int close_fd_fn(void *arg)
{
	close((int)(long)arg);
	return 0;
}

static int chdir_fn(void *arg)
{
	(void)arg;
	return chdir("/bin");
}

static char stack[65536] __attribute__((aligned(16)));
#define STACK_TOP (stack + sizeof(stack))

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

		pid = clone(vm_child_fn, stack + sizeof(stack),
			    CLONE_VM | CLONE_VFORK | CLONE_CHILD_CLEARTID |
			    CLONE_CHILD_SETTID | SIGCHLD, NULL, NULL, NULL,
			    &ctid2);
		check(shared == 42, "CLONE_VM shares memory", NULL);
		check(ctid2 == 0, "CLONE_CHILD_CLEARTID clears the tid at exit",
		      NULL);
		waitpid(pid, &status, 0);
	}

	/* A thread: same process (tgid), its own tid, reaped by itself. */
	pid = clone(thread_fn, STACK_TOP, CLONE_VM | CLONE_FS | CLONE_FILES |
		    CLONE_SIGHAND | CLONE_THREAD | CLONE_SETTLS, NULL, NULL,
		    settls_arg(), NULL);
	check(pid > 0, "clone a thread", strerror(errno));
	while (!thread_tid)
		sched_yield();
	check(thread_pid == getpid(), "a thread shares the pid (tgid)", NULL);
	check(thread_tid == pid && thread_tid != getpid(),
	      "and has a tid of its own", NULL);
#if defined(__riscv)
	check(thread_tp == 0x1234, "CLONE_SETTLS sets tp", NULL);
#elif defined(__i386__)
	check(thread_tp == 0x1234, "CLONE_SETTLS sets the base of %gs", NULL);
#endif
	check_errno(waitpid(pid, &status, __WALL | WNOHANG), ECHILD,
		    "a thread is not a child to wait for");

	{
		int fd = open("/init", O_RDONLY);

		pid = clone(close_fd_fn, STACK_TOP, CLONE_FILES | SIGCHLD,
			    (void *)(long)fd);
		waitpid(pid, &status, 0);
		check_errno(lseek(fd, 0, SEEK_SET), EBADF,
			    "CLONE_FILES shares the fd table");
	}
	pid = clone(chdir_fn, STACK_TOP, CLONE_FS | SIGCHLD, NULL);
	waitpid(pid, &status, 0);
	{
		char cwd[64];

		check(getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, "/bin"),
		      "CLONE_FS shares the working directory", cwd);
		chdir("/");
	}
	pid = clone(thread_fn, STACK_TOP, CLONE_PARENT | SIGCHLD, NULL);
	if (getpid() == 1) {
		/* As init (rdinit=/bin/test_clone): a sibling of init would
		 * be the idle task's child, which nobody reaps. */
		check(pid < 0 && errno == EINVAL,
		      "init may not clone a sibling: CLONE_PARENT is EINVAL",
		      pid < 0 ? strerror(errno) : "it succeeded");
	} else {
		check(pid > 0, "CLONE_PARENT", strerror(errno));
		check_errno(waitpid(pid, &status, 0), ECHILD,
			    "a CLONE_PARENT child is our parent's, not ours");
	}
	return check_summary();
}
