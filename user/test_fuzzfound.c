/* test_fuzzfound: one direct check per kernel bug the syscall fuzzer
 * (user/fuzz.c) found, so each stays fixed without replaying a seed.
 * Each check runs the odd call in a child that has become nobody (65534),
 * as the fuzzer's batches do, so a check that fails on a Linux host run
 * as root still cannot harm it (reboot as nobody is EPERM on Linux).
 * Runs on Linux too: qemu-riscv64 build/riscv/rootfs/bin/test_fuzzfound */
#include "check.h"
#include <grp.h>
#include <linux/reboot.h>
#include <sys/syscall.h>
#include <sys/wait.h>
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

int main(void)
{
	check_prog = "test_fuzzfound";
	setvbuf(stdout, NULL, _IONBF, 0);

	check(as_nobody(reboot_as_user) == 0,
	      "reboot(POWER_OFF) as nobody is EPERM", NULL);
	check(as_nobody(reboot_bad_magic_as_user) == 0,
	      "reboot with bad magics as nobody is EPERM too", NULL);
	far_numbers();
	/* As root, bad magics are EINVAL (nothing happens). */
	if (getuid() == 0)
		check_errno(syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, 12345,
				    LINUX_REBOOT_CMD_POWER_OFF, 0), EINVAL,
			    "reboot with a bad second magic is EINVAL");
	return check_summary();
}
