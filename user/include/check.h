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

/* The start of a small file (a /proc or /proc/sys file) as a string, read
 * with one read(2) into buf: its length, or -1 (errno). No stdio, so no
 * heap page appears on the first call. */
static inline long read_text(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, size - 1);

	if (fd >= 0)
		close(fd);
	if (n < 0)
		return -1;
	buf[n] = 0;
	return n;
}

/* A number file's value (/proc/sys/kernel/pid_max), or -1. */
static inline long read_number(const char *path)
{
	char buf[32];

	return read_text(path, buf, sizeof(buf)) > 0 ? atol(buf) : -1;
}

/* Write text to a file (a /proc/sys knob) with one write(2): the bytes
 * written, or -1 (errno). */
static inline long write_text(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);
	long n;

	if (fd < 0)
		return -1;
	n = write(fd, text, strlen(text));
	close(fd);
	return n;
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

	if (uname(&u) || !strstr(u.version, "Clonix"))
		return -1;
	if (read_text("/proc/meminfo", buf, sizeof(buf)) <= 0)
		return -1;
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
