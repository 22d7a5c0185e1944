/* Tiny checking helpers for the user-space test programs: each check
 * prints one line "<prog>: <what>: ok" or "... FAILED (...)", and
 * check_summary() prints "<prog>: N checks, M failed" and the exit code. */
#ifndef CHECK_H
#define CHECK_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

static int check_total, check_failed;
static const char *check_prog = "test";

static inline void check(int ok, const char *what, const char *detail)
{
	check_total++;
	if (!ok)
		check_failed++;
	printf("%s: %s: %s%s%s%s\n", check_prog, what, ok ? "ok" : "FAILED",
	       !ok && detail ? " (" : "", !ok && detail ? detail : "",
	       !ok && detail ? ")" : "");
}

/* A call that must fail with errno want: ret is its return value. */
static inline void check_errno(long ret, int want, const char *what)
{
	char detail[96];
	int got = ret < 0 ? errno : 0;

	snprintf(detail, sizeof(detail), "returned %ld, errno %s, want %s",
		 ret, got ? strerrorname_np(got) : "none",
		 strerrorname_np(want));
	check(ret == -1 && got == want, what, detail);
}

/* Free pages on Clonix, from /proc/meminfo's MemFree (kB: exactly the
 * free pages times the page size), so a program can check that memory
 * came back; -1 on any other kernel (a Linux host's free memory moves
 * with everything else it does), told by uname's version. It reads into
 * a stack buffer: stdio's would be a new heap page on the first call and
 * skew the count it reports. */
static inline long meminfo_free_pages(void)
{
	char buf[1024], *p;
	struct utsname u;
	int fd;
	ssize_t n;

	if (uname(&u) || !strstr(u.version, "Clonix"))
		return -1;
	fd = open("/proc/meminfo", O_RDONLY);
	n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;
	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	p = strstr(buf, "MemFree:");
	return p ? atol(p + 8) / (getpagesize() / 1024) : -1;
}

/* Whether this runs on Clonix (uname's version says so) rather than on a
 * Linux host under qemu-user, which differs from Linux in a few corners
 * (each test says where). */
static inline int running_on_clonix(void)
{
	struct utsname u;

	return uname(&u) == 0 && strstr(u.version, "Clonix") != NULL;
}

static inline int check_summary(void)
{
	printf("%s: %d checks, %d failed\n", check_prog, check_total,
	       check_failed);
	return check_failed != 0;
}

#endif
