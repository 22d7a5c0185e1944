/* test_devices: the memory devices of major 1 (null(4), zero(4),
 * full(4), random(4)): what reads give, what writes do, and their device
 * numbers. Passes on a Linux host too. */
#include "check.h"
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

static char buf[1 << 20];

static int all_zero(const char *p, size_t n)
{
	while (n--)
		if (*p++)
			return 0;
	return 1;
}

static void check_node(const char *path, unsigned int minor)
{
	struct stat st;
	char what[64];

	snprintf(what, sizeof(what), "%s is char device 1,%u", path, minor);
	check(stat(path, &st) == 0 && S_ISCHR(st.st_mode) &&
	      major(st.st_rdev) == 1 && minor(st.st_rdev) == minor, what,
	      NULL);
}

int main(void)
{
	char a[64], b[64];
	int fd;

	check_prog = "devices";
	check_node("/dev/null", 3);
	check_node("/dev/zero", 5);
	check_node("/dev/full", 7);
	check_node("/dev/random", 8);
	check_node("/dev/urandom", 9);

	fd = open("/dev/null", O_RDWR);
	check(read(fd, buf, 100) == 0, "/dev/null reads end at once", NULL);
	check(write(fd, buf, 100) == 100, "/dev/null takes every write", NULL);
	close(fd);

	fd = open("/dev/zero", O_RDWR);
	memset(buf, 'x', sizeof(buf));
	check(read(fd, buf, sizeof(buf)) == sizeof(buf) &&
	      all_zero(buf, sizeof(buf)), "/dev/zero gives 1 MiB of zeros",
	      NULL);
	check(write(fd, buf, 4096) == 4096, "/dev/zero takes writes", NULL);
	check_errno(syscall(SYS_read, fd, (void *)16, 10), EFAULT,
		    "/dev/zero into a bad buffer: EFAULT");
	close(fd);

	fd = open("/dev/full", O_RDWR);
	memset(buf, 'x', 100);
	check(read(fd, buf, 100) == 100 && all_zero(buf, 100),
	      "/dev/full reads zeros", NULL);
	check_errno(write(fd, buf, 1), ENOSPC, "/dev/full writes: ENOSPC");
	close(fd);

	fd = open("/dev/urandom", O_RDONLY);
	check(read(fd, a, sizeof(a)) == sizeof(a) &&
	      read(fd, b, sizeof(b)) == sizeof(b) && memcmp(a, b, sizeof(a)) &&
	      !all_zero(a, sizeof(a)), "/dev/urandom gives changing bytes",
	      NULL);
	close(fd);
	fd = open("/dev/random", O_RDONLY);
	check(read(fd, a, sizeof(a)) == sizeof(a) && !all_zero(a, sizeof(a)),
	      "/dev/random gives bytes", NULL);
	close(fd);
	return check_summary();
}
