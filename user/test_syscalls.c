/* test_syscalls: the kernel's answers to bad requests. Unknown system
 * calls give ENOSYS; bad user pointers give EFAULT (never a crash); bad
 * arguments give EINVAL, EBADF, ENOENT, ECHILD as Linux does. */
#include "check.h"
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define BAD_PTR ((void *)16)		/* unmapped, page 0 */
#define KERNEL_PTR ((void *)(sizeof(long) == 8 ? 0xffffffff80200000UL : \
				    0xc0100000UL))

int main(void)
{
	int fd, status;
	pid_t pid;
	char buf[16];

	check_prog = "syscalls";
	check_errno(syscall(999), ENOSYS, "unknown number 999 gives ENOSYS");
	check_errno(syscall(SYS_acct, NULL), ENOSYS,
		    "unimplemented acct gives ENOSYS");
#ifdef SYS__sysctl	/* i386: names starting with _ are known too */
	check_errno(syscall(SYS__sysctl, NULL), ENOSYS,
		    "the removed _sysctl gives ENOSYS");
#endif
	check_errno(syscall(SYS_write, 1, BAD_PTR, 10), EFAULT,
		    "write from an unmapped buffer gives EFAULT");
	check_errno(syscall(SYS_write, 1, KERNEL_PTR, 10), EFAULT,
		    "write from kernel memory gives EFAULT");
	fd = open("/proc/meminfo", O_RDONLY);
	check(fd >= 0, "open /proc/meminfo", strerror(errno));
	check_errno(syscall(SYS_read, fd, BAD_PTR, 10), EFAULT,
		    "read into an unmapped buffer gives EFAULT");
	check_errno(syscall(SYS_read, fd, KERNEL_PTR, 10), EFAULT,
		    "read into kernel memory gives EFAULT");
	check_errno(syscall(SYS_read, fd, (void *)main, 10), EFAULT,
		    "read into read-only code gives EFAULT");
	close(fd);
	check_errno(syscall(SYS_execve, BAD_PTR, NULL, NULL), EFAULT,
		    "execve of an unmapped path gives EFAULT");
	{
		char *argv[] = { "/bin/hello", BAD_PTR, NULL };

		check_errno(syscall(SYS_execve, "/bin/hello", argv, NULL),
			    EFAULT, "execve with a bad argv string gives EFAULT");
		check_errno(syscall(SYS_execve, "/bin/hello", BAD_PTR, NULL),
			    EFAULT, "execve with a bad argv array gives EFAULT");
	}
	check_errno(syscall(SYS_openat, AT_FDCWD, BAD_PTR, O_RDONLY), EFAULT,
		    "open of an unmapped path gives EFAULT");
	pid = fork();
	if (pid == 0)
		_exit(3);
	check_errno(syscall(SYS_wait4, pid, BAD_PTR, 0, NULL), EFAULT,
		    "wait4 into an unmapped status gives EFAULT");
	check_errno(waitpid(-1, &status, 0), ECHILD,
		    "wait4 with no children gives ECHILD");
	check_errno(waitpid(-1, &status, 0x1000), EINVAL,
		    "wait4 with unknown options gives EINVAL");
	check_errno(read(99, buf, 1), EBADF, "read of a closed fd gives EBADF");
	check_errno(open("/no/such", O_RDONLY), ENOENT,
		    "open of a missing file gives ENOENT");
	check_errno(open("/bin/hello/x", O_RDONLY), ENOTDIR,
		    "a file used as a directory gives ENOTDIR");
	check_errno(syscall(SYS_kill, 99999, 0), ESRCH,
		    "kill of a missing pid gives ESRCH");
	check_errno(syscall(SYS_kill, 1, 99), EINVAL,
		    "kill with signal 99 gives EINVAL");
	{
		/* 300 KiB of arguments: more than ARG_MAX (128 KiB). */
		static char big[300 * 1024];
		char *argv[] = { "/bin/hello", big, NULL };

		memset(big, 'x', sizeof(big) - 1);
		check_errno(syscall(SYS_execve, "/bin/hello", argv, NULL), E2BIG,
			    "execve with 300 KiB of arguments gives E2BIG");
	}
	{
		int fds = 0, last = 0;

		while ((last = open("/init", O_RDONLY)) >= 0)
			fds++;
		check_errno(last, EMFILE, "opening files until EMFILE");
		for (int fd = 3; fd < 3 + fds; fd++)
			close(fd);
	}
	check_errno(mmap(NULL, (size_t)-4096, PROT_READ,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED ? -1 : 0,
		    ENOMEM, "mmap of almost all addresses gives ENOMEM");
	check(getpid() > 1 && getppid() >= 1, "getpid and getppid", NULL);
	return check_summary();
}
