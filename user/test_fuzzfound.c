/* test_fuzzfound: one direct check per kernel bug the syscall fuzzer
 * (user/fuzz.c) found, so each stays fixed without replaying a seed.
 * Each check runs the odd call in a child that has become nobody (65534),
 * as the fuzzer's batches do, so a check that fails on a Linux host run
 * as root still cannot harm it (reboot as nobody is EPERM on Linux).
 * Runs on Linux too: qemu-riscv64 build/riscv/rootfs/bin/test_fuzzfound */
#include "check.h"
#include <grp.h>
#include <linux/reboot.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NOBODY 65534

/* Run fn in a child that is nobody; the child's exit code is fn's. */
static int as_nobody(int (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		if (getuid() == 0 && (setgroups(0, NULL) || setgid(NOBODY) ||
				      setuid(NOBODY)))
			_exit(100);
		_exit(fn());
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 200 + WTERMSIG(status);
}

/* Found: reboot(2) had no permission check, so any user could power the
 * machine off (Linux: CAP_SYS_BOOT, EPERM before the magics are read). */
static int reboot_as_user(void)
{
	long r = syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
			 LINUX_REBOOT_CMD_POWER_OFF, 0);

	return r == -1 && errno == EPERM ? 0 : 1;
}

static int reboot_bad_magic_as_user(void)
{
	long r = syscall(SYS_reboot, 1, 2, 3, 0);

	return r == -1 && errno == EPERM ? 0 : 1;
}

/* Found: a number past the kernel's table of ENOSYS notes printed a
 * console line on every call, so random numbers flooded the console;
 * tests/test_fuzz.py counts the lines these calls leave (one at most). */
static void far_numbers(void)
{
	int all = 1;

	for (long i = 0; i < 20; i++) {
		long r = syscall(100000 + i * 7919);

		all &= r == -1 && errno == ENOSYS;
		r = syscall(-2 - i);
		all &= r == -1 && errno == ENOSYS;
	}
	check(all, "numbers past the table and negative ones are ENOSYS",
	      NULL);
}

/* waitpid, giving up after about ms milliseconds: the pid, or 0. */
static pid_t wait_ms(pid_t pid, int *status, int ms)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };

	for (int i = 0; i < ms / 10; i++) {
		pid_t w = waitpid(pid, status, WNOHANG);

		if (w != 0)
			return w;
		nanosleep(&tick, NULL);
	}
	return 0;
}

/* Found: a vfork parent waited for its child uninterruptibly, so one whose
 * child never execs nor exits could not even be killed (the fuzzer's
 * batch stayed in D with SIGKILL pending, and the fuzzer waited for it
 * for ever). Linux's wait is killable. */
static void vfork_parent_is_killable(void)
{
	int p[2], status = 0;
	pid_t parent, child = 0, w;

	prctl(PR_SET_CHILD_SUBREAPER, 1);	/* the child comes back to us */
	if (pipe(p))
		return;
	parent = fork();
	if (parent == 0) {
		if (vfork() == 0) {
			pid_t me = syscall(SYS_getpid);

			if (write(p[1], &me, sizeof(me)) < 0)
				_exit(1);
			for (;;)
				pause();	/* never lets go */
		}
		_exit(0);
	}
	if (read(p[0], &child, sizeof(child)) != sizeof(child))
		child = 0;
	usleep(50000);			/* the parent is asleep in vfork */
	kill(parent, SIGKILL);
	w = wait_ms(parent, &status, 3000);
	if (w == parent && WIFEXITED(status) && !running_on_clonix())
		printf("test_fuzzfound: vfork did not suspend its parent here "
		       "(qemu-user makes vfork a fork): skipped\n");
	else
		check(w == parent && WIFSIGNALED(status) &&
		      WTERMSIG(status) == SIGKILL,
		      "a vfork parent whose child hangs on dies of SIGKILL",
		      NULL);
	if (child > 0)
		kill(child, SIGKILL);
	if (!w)
		waitpid(parent, &status, 0);
	while (waitpid(-1, &status, 0) > 0)
		;
	close(p[0]);
	close(p[1]);
	prctl(PR_SET_CHILD_SUBREAPER, 0);
}

int main(void)
{
	check_prog = "test_fuzzfound";
	setvbuf(stdout, NULL, _IONBF, 0);

	check(as_nobody(reboot_as_user) == 0,
	      "reboot(POWER_OFF) as nobody is EPERM", NULL);
	check(as_nobody(reboot_bad_magic_as_user) == 0,
	      "reboot with bad magics as nobody is EPERM too", NULL);
	far_numbers();
	vfork_parent_is_killable();
#ifdef SYS_get_thread_area
	/* i386: a NULL user_desc is EFAULT, and the debug kernel's UBSAN
	 * has nothing to say about how the kernel reached it. */
	check_errno(syscall(SYS_get_thread_area, NULL), EFAULT,
		    "get_thread_area(NULL) is EFAULT");
	check_errno(syscall(SYS_set_thread_area, NULL), EFAULT,
		    "set_thread_area(NULL) is EFAULT");
#endif
	/* As root, bad magics are EINVAL (nothing happens). */
	if (getuid() == 0)
		check_errno(syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, 12345,
				    LINUX_REBOOT_CMD_POWER_OFF, 0), EINVAL,
			    "reboot with a bad second magic is EINVAL");
	return check_summary();
}
