/* test_hostile_files: file offsets and sizes chosen by an attacker. Every
 * read must return the file's bytes or zeros (never kernel memory), every
 * write must land in the file (never in front of it), huge and negative
 * offsets get Linux's errors, sparse files cost only the pages written,
 * and a read or write that faults moves the file offset only by what was
 * transferred. Usage: test_hostile_files [dir] (default /tmp; on a Linux
 * host use a tmpfs such as /dev/shm, whose limits are the RAM file
 * system's). */
#define _FILE_OFFSET_BITS 64
#include "check.h"
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <unistd.h>

#define GiB (1LL << 30)
#define LOFF_MAX INT64_MAX

static char path[256];
static int on_clonix;	/* strict limits of a 32-bit kernel apply */

/* Nothing but zeros and the bytes we wrote ('A'..'Z') may ever come back;
 * the kernel's banner or panic strings must never. */
static int clean(const char *buf, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (buf[i] && (buf[i] < 'A' || buf[i] > 'Z'))
			return 0;
	return !memmem(buf, n, "Kernel", 6) && !memmem(buf, n, "Clonix", 6);
}

static int all(const char *buf, size_t n, char c)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (buf[i] != c)
			return 0;
	return 1;
}

static void check_ret(long got, long want, const char *what)
{
	char detail[96];

	snprintf(detail, sizeof(detail), "returned %ld (%s), want %ld", got,
		 got < 0 ? strerrorname_np(errno) : "ok", want);
	check(got == want, what, detail);
}

/* 4 GiB and beyond: the cases that read and wrote kernel memory on i386. */
static void offsets_past_4gib(int fd)
{
	char buf[4096], a[48];
	struct stat st;
	int i, dirty = 0;

	/* The attack as first found: lseek, then write and read. */
	memset(a, 'A', sizeof(a));
	check_ret(write(fd, a, sizeof(a)), 48, "write 48 bytes at 0");
	check(lseek(fd, 4 * GiB, SEEK_SET) == 4 * GiB, "lseek to 4 GiB", NULL);
	check_ret(write(fd, "BBBB", 4), 4, "write 4 bytes at 4 GiB");
	check(lseek(fd, 0xfffff000, SEEK_SET) == 0xfffff000 &&
	      read(fd, buf, 64) == 64 && all(buf, 64, 0),
	      "lseek + read of 64 bytes at 0xfffff000: zeros, no kernel heap",
	      NULL);
	check(fstat(fd, &st) == 0 && st.st_size == 4 * GiB + 4,
	      "the file is 4 GiB + 4 bytes long", NULL);
	check(st.st_blocks <= 16, "and takes two pages, not four GiB", NULL);
	check(pread(fd, buf, 4, 4 * GiB) == 4 && !memcmp(buf, "BBBB", 4),
	      "the 4 bytes read back at 4 GiB", NULL);
	check(pread(fd, buf, 64, 0) == 64 && all(buf, 48, 'A') &&
	      all(buf + 48, 16, 0), "offset 0 still holds 48 A's then zeros",
	      NULL);
	check(pread(fd, buf, 64, 0xfffff000) == 64 && all(buf, 64, 0),
	      "64 bytes at 0xfffff000 are zeros (a hole)", NULL);
	for (i = 1; i <= 160; i++) {	/* 640 KiB below the 4 GiB page */
		if (pread(fd, buf, sizeof(buf), 4 * GiB - i * 4096LL) !=
			    (ssize_t)sizeof(buf) ||
		    !all(buf, sizeof(buf), 0))
			dirty++;
	}
	check(!dirty, "640 KiB below 4 GiB read as zeros, never kernel data",
	      NULL);
	memset(buf, 'C', 32);
	check_ret(pwrite(fd, buf, 32, 4 * GiB - 16), 32,
		  "write 32 bytes at 4 GiB - 16");
	check(pread(fd, buf, 64, 4 * GiB - 32) == 48 && all(buf, 16, 0) &&
	      all(buf + 16, 32, 'C'), "they read back across 4 GiB", NULL);
	check(pread(fd, buf, 64, 0) == 64 && all(buf, 48, 'A') &&
	      all(buf + 48, 16, 0),
	      "offset 0 was not overwritten from 4 GiB - 16", NULL);
	check(pread(fd, buf, sizeof(buf), 2 * GiB) == sizeof(buf) &&
	      clean(buf, sizeof(buf)), "2 GiB reads zeros", NULL);
}

/* Offsets near 2^63, negative ones, and the file system's limit. */
static void extreme_offsets(int fd)
{
	char buf[64];
	off_t r;
	long got;

	errno = 0;
	got = pwrite(fd, "abcd", 4, LOFF_MAX - 1);
	check(got == -1 && errno == EINVAL,
	      "write of 4 bytes at 2^63 - 2 gives EINVAL (end overflows)",
	      NULL);
	r = lseek(fd, LOFF_MAX - 1, SEEK_SET);
	if (on_clonix && sizeof(long) == 4) {
		check(r == -1 && errno == EINVAL,
		      "lseek to 2^63 - 2 is EINVAL on a 32-bit kernel", NULL);
	} else {
		check(r == LOFF_MAX - 1, "lseek to 2^63 - 2", NULL);
		errno = 0;
		got = write(fd, "abcd", 4);
		check(got == -1 && errno == EINVAL,
		      "then write(4) returns at once with EINVAL, no hang",
		      NULL);
	}

	got = pwrite(fd, "Z", 1, LOFF_MAX - 1);
	if (sizeof(long) == 8 || !on_clonix) {
		check_ret(got, 1, "write of 1 byte at 2^63 - 2 (tmpfs limit)");
		check(pread(fd, buf, 1, LOFF_MAX - 1) == 1 && buf[0] == 'Z',
		      "reads back there", NULL);
		check(ftruncate(fd, 4 * GiB + 4) == 0, "shrink back", NULL);
	} else {
		check(got == -1 && errno == EFBIG,
		      "write at 2^63 - 2 is EFBIG on a 32-bit kernel", NULL);
	}
	if (sizeof(long) == 4 && on_clonix) {
		long long max = (long long)0xffffffffULL << 12;	/* pages */

		check_ret(pwrite(fd, "Y", 1, max - 1), 1,
			  "write of the last byte below 16 TiB - 4 KiB");
		errno = 0;
		check(pwrite(fd, "Y", 1, max) == -1 && errno == EFBIG,
		      "one byte further is EFBIG", NULL);
		check(ftruncate(fd, max + 1) == -1 && errno == EFBIG,
		      "ftruncate past the limit is EFBIG", NULL);
		check(lseek(fd, max + 1, SEEK_SET) == -1 && errno == EINVAL,
		      "lseek past the limit is EINVAL", NULL);
		check(ftruncate(fd, 4 * GiB + 4) == 0, "shrink back", NULL);
	}
	check(pread(fd, buf, 8, LOFF_MAX - 8) == 0, "read far past EOF is 0",
	      NULL);
	errno = 0;
	check(pread(fd, buf, 8, -1) == -1 && errno == EINVAL,
	      "read at offset -1 gives EINVAL", NULL);
	errno = 0;
	check(pwrite(fd, buf, 8, -4096) == -1 && errno == EINVAL,
	      "write at offset -4096 gives EINVAL", NULL);
	errno = 0;
	check(lseek(fd, -1, SEEK_SET) == -1 && errno == EINVAL,
	      "lseek to -1 gives EINVAL", NULL);
	lseek(fd, 10, SEEK_SET);
	errno = 0;
	check(lseek(fd, -11, SEEK_CUR) == -1 && errno == EINVAL,
	      "lseek before the start gives EINVAL", NULL);
	errno = 0;
	r = lseek(fd, LOFF_MAX, SEEK_END);
	check(r == -1 && errno == EINVAL,
	      "SEEK_END + 2^63 - 1 overflows: EINVAL", NULL);
	check(lseek(fd, 0, SEEK_CUR) == 10, "failed lseeks left the offset",
	      NULL);
	errno = 0;
	check(ftruncate(fd, -1) == -1 && errno == EINVAL,
	      "ftruncate to -1 gives EINVAL", NULL);
}

#ifdef __i386__
/* A 32-bit off_t program (no O_LARGEFILE) is held below 2 GiB, as Linux's
 * generic_file_open, generic_write_checks and cp_new_stat hold it. Only
 * on Clonix: qemu-i386, which runs this on a 64-bit Linux host, passes
 * every file to the host opened with O_LARGEFILE. */
static void non_lfs_limits(void)
{
	char buf[4];
	long fd = syscall(SYS_open, path, O_RDWR);	/* no O_LARGEFILE */
	long fd2, got;
	struct stat st;
	loff_t res;

	check(fd < 0 && errno == EOVERFLOW,
	      "open of a 4 GiB file without O_LARGEFILE gives EOVERFLOW",
	      NULL);
	fd = open(path, O_RDWR);
	check(ftruncate(fd, 100) == 0, "shrink to 100 bytes", NULL);
	close(fd);
	fd = syscall(SYS_open, path, O_RDWR);
	check(fd >= 0, "then it opens without O_LARGEFILE", NULL);
	check_ret(syscall(SYS_lseek, fd, 0x7ffffffeL, SEEK_SET), 0x7ffffffe,
		  "lseek to 2^31 - 2");
	check_ret(syscall(SYS_write, fd, "abcd", 4), 1,
		  "write of 4 bytes there is cut to 1 (MAX_NON_LFS)");
	errno = 0;
	got = syscall(SYS_write, fd, "abcd", 4);
	check(got == -1 && errno == EFBIG, "the next write gives EFBIG", NULL);
	check(syscall(SYS__llseek, fd, 1, 0, &res, SEEK_SET) == 0 &&
	      res == 4 * GiB, "_llseek to 4 GiB works", NULL);
	errno = 0;
	if (on_clonix)	/* a 64-bit kernel's compat lseek truncates */
		check(syscall(SYS_lseek, fd, 0, SEEK_CUR) == -1 &&
		      errno == EOVERFLOW,
		      "lseek cannot return 4 GiB: EOVERFLOW", NULL);
	errno = 0;
	check(syscall(SYS_write, fd, "abcd", 4) == -1 && errno == EFBIG,
	      "a write at 4 GiB without O_LARGEFILE gives EFBIG", NULL);
	check(syscall(SYS_pread64, fd, buf, 4L, 0x7ffffffeL, 0L) == 1 &&
	      buf[0] == 'a', "pread64 sees the 1 byte written", NULL);
	fd2 = open(path, O_RDWR);
	check(ftruncate(fd2, 4 * GiB + 4) == 0, "grow to 4 GiB + 4", NULL);
	close(fd2);
	errno = 0;
	check(syscall(SYS_fstat, fd, &st) == -1 && errno == EOVERFLOW,
	      "a 32-bit fstat of the 4 GiB file gives EOVERFLOW", NULL);
	close(fd);
}
#endif

/* RLIMIT_FSIZE: writes stop at the limit, EFBIG past it. */
static void fsize_limit(int fd)
{
	struct rlimit old, lim = { 1 << 20, RLIM_INFINITY };

	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	lim.rlim_max = old.rlim_max;
	setrlimit(RLIMIT_FSIZE, &lim);
	check_ret(pwrite(fd, "abcd", 4, (1 << 20) - 2), 2,
		  "a write across RLIMIT_FSIZE is cut at the limit");
	errno = 0;
	check(pwrite(fd, "abcd", 4, 1 << 20) == -1 && errno == EFBIG,
	      "a write at RLIMIT_FSIZE gives EFBIG", NULL);
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, SIG_DFL);
}

/* A fault in the user's buffer: the offset moves by what was moved. */
static void faulting_transfers(int fd)
{
	char *two = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char data[8192];
	struct iovec iov[2];
	ssize_t got;

	memset(data, 'Q', sizeof(data));
	check(ftruncate(fd, 0) == 0 && pwrite(fd, data, 8192, 0) == 8192,
	      "an 8 KiB file", NULL);
	lseek(fd, 0, SEEK_SET);
	errno = 0;
	check(syscall(SYS_read, fd, (void *)16, 100) == -1 && errno == EFAULT,
	      "read into an unmapped buffer gives EFAULT", NULL);
	check(lseek(fd, 0, SEEK_CUR) == 0, "and leaves the offset at 0", NULL);
	errno = 0;
	check(syscall(SYS_write, fd, (void *)16, 100) == -1 && errno == EFAULT,
	      "write from an unmapped buffer gives EFAULT", NULL);
	check(lseek(fd, 0, SEEK_CUR) == 0 && pread(fd, data, 100, 0) == 100 &&
	      all(data, 100, 'Q'), "and changes neither offset nor file",
	      NULL);
	mprotect(two + 4096, 4096, PROT_NONE);
	/* Linux returns the 4096 bytes before the fault; qemu-user (used to
	 * run this on a Linux host) refuses the whole buffer instead. Either
	 * way the offset must move by exactly what was returned. */
	got = read(fd, two, 8192);
	if (on_clonix || got != -1)
		check_ret(got, 4096, "read into a half-inaccessible buffer "
			  "stops at the fault");
	check(lseek(fd, 0, SEEK_CUR) == (got < 0 ? 0 : got),
	      "the offset moved by exactly the bytes read", NULL);
	lseek(fd, 0, SEEK_SET);
	iov[0].iov_base = two;
	iov[0].iov_len = 100;
	iov[1].iov_base = (void *)16;
	iov[1].iov_len = 100;
	check_ret(readv(fd, iov, 2), 100,
		  "readv with a bad second vector returns the first's bytes");
	check(lseek(fd, 0, SEEK_CUR) == 100, "the offset moved by 100", NULL);
	munmap(two, 8192);
}

/* Holes read as zeros, and truncation zeroes what it cuts. */
static void sparse_and_truncate(int fd)
{
	char buf[256];
	struct stat st;

	check(ftruncate(fd, 0) == 0, "truncate to 0", NULL);
	check(pwrite(fd, "HELLO", 5, 1LL << 40) == 5, "write at 1 TiB", NULL);
	check(fstat(fd, &st) == 0 && st.st_size == (1LL << 40) + 5 &&
	      st.st_blocks <= 8, "a 1 TiB file in one page", NULL);
	check(ftruncate(fd, 1LL << 40) == 0 && fstat(fd, &st) == 0 &&
	      st.st_size == 1LL << 40, "ftruncate to 1 TiB", NULL);
	check(ftruncate(fd, (1LL << 40) + 200) == 0 &&
	      pread(fd, buf, 256, 1LL << 40) == 200 && all(buf, 200, 0),
	      "growing again reads zeros where HELLO was", NULL);
	check(ftruncate(fd, 10) == 0 && pwrite(fd, "ABCDEFGHIJKLMNOP", 16, 0)
	      == 16 && ftruncate(fd, 5) == 0 && ftruncate(fd, 16) == 0 &&
	      pread(fd, buf, 16, 0) == 16 && !memcmp(buf, "ABCDE", 5) &&
	      all(buf + 5, 11, 0), "a cut page tail reads zeros", NULL);
	check(fstat(fd, &st) == 0 && st.st_blocks <= 8,
	      "and the 1 TiB page is gone", NULL);
}

/* One round of everything on a fresh file, then remove it. */
static void round_trip(void)
{
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);

	check(fd >= 0, "create the file", strerror(errno));
	if (fd < 0)
		return;
	offsets_past_4gib(fd);
	extreme_offsets(fd);
	close(fd);
#ifdef __i386__
	if (on_clonix)
		non_lfs_limits();
#endif
	fd = open(path, O_RDWR);
	fsize_limit(fd);
	faulting_transfers(fd);
	sparse_and_truncate(fd);
	close(fd);
	check(unlink(path) == 0, "unlink the file", NULL);
}

int main(int argc, char **argv)
{
	struct utsname u;
	long before, after;

	check_prog = "hostile_files";
	uname(&u);
	on_clonix = strstr(u.version, "Clonix") != NULL;
	snprintf(path, sizeof(path), "%s/hostile.%d",
		 argc > 1 ? argv[1] : "/tmp", getpid());
	round_trip();	/* once to warm the caches, then measured */
	before = meminfo_free_pages();
	round_trip();
	after = meminfo_free_pages();
	if (before >= 0) {
		char detail[64];

		snprintf(detail, sizeof(detail), "%ld before, %ld after",
			 before, after);
		check(before == after, "every page of the file came back",
		      detail);
	}
	return check_summary();
}
