/*
 * /proc/sys/kernel/threads-max (proc(5)): the most threads the system
 * allows. It reads as a decimal number; root may write one from 20 to
 * FUTEX_TID_MASK (0x3fffffff), anything else is EINVAL; an unprivileged
 * user may not open it for writing (EACCES). The writes run only on
 * Clonix (on a Linux host they would change the host), and the old value
 * is put back.
 */
#include "check.h"
#include <sys/wait.h>

#define PATH "/proc/sys/kernel/threads-max"

static long read_value(void)
{
	return read_number(PATH);
}

int main(void)
{
	long old = read_value();
	char buf[32];
	pid_t pid;
	int status;

	check_prog = "test_sysctl";
	setvbuf(stdout, NULL, _IONBF, 0);
	check(old >= 20, "threads-max reads as a number of at least 20", NULL);
	if (!running_on_clonix())
		return check_summary();
	snprintf(buf, sizeof(buf), "%ld\n", old + 100);
	check(write_text(PATH, buf) == (long)strlen(buf),
	      "root writes threads-max", NULL);
	check(read_value() == old + 100, "and reads back what it wrote", NULL);
	check_errno(write_text(PATH, "19\n"), EINVAL, "19 (below 20) is EINVAL");
	check_errno(write_text(PATH, "1073741824"), EINVAL,
		    "2^30 (above FUTEX_TID_MASK) is EINVAL");
	check_errno(write_text(PATH, "abc\n"), EINVAL, "text is EINVAL");
	check_errno(write_text(PATH, "-5\n"), EINVAL, "a negative number is EINVAL");
	check(read_value() == old + 100, "a refused write changes nothing",
	      NULL);
	pid = fork();
	if (pid == 0) {
		if (setuid(1000))
			_exit(2);
		_exit(open(PATH, O_WRONLY) < 0 && errno == EACCES ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "an unprivileged user cannot open it for writing (EACCES)",
	      NULL);
	snprintf(buf, sizeof(buf), "%ld", old);
	check(write_text(PATH, buf) == (long)strlen(buf) && read_value() == old,
	      "the old value is back", NULL);
	return check_summary();
}
