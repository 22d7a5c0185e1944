/* test_copy: the kernel's copies between user memory and its own, and
 * its memcpy, at every alignment. Bytes go from a user buffer into the
 * kernel (copy_from_user) and back out (copy_to_user) through a pipe (the
 * kernel memcpy's them in and out of its ring at every offset) and through
 * a file in /tmp at offsets that are not aligned either (memcpy to and
 * from the page cache, across page boundaries): every source and
 * destination alignment 0..15 with every length 0..70, and 10000-byte
 * copies that cross pages. A copy that runs into an inaccessible page
 * copies exactly the bytes before it: write() from a buffer that ends
 * there writes them, read() into one that ends there (or at a read-only
 * page, or at a file mapping's page past the end of the file, which
 * faults inside the copy itself) reads them — Linux's partial copy. Passes
 * on a Linux host too
 * (i386 natively; under qemu-riscv64 the partial copies are left out:
 * qemu-user refuses a buffer it cannot wholly reach with EFAULT). */
#include "check.h"
#include <sys/mman.h>

#define MAXLEN 70
#define BIG 10000
#define GUARD 0x5a

static unsigned char src[BIG + 64], dst[BIG + 64];

static void fill(unsigned char *p, size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(i * 251 + seed * 13 + 7);
}

/* The len bytes at dst + da are src + sa's, and no other byte of dst
 * changed (it was GUARD everywhere). */
static int copied_exactly(size_t sa, size_t da, size_t len)
{
	size_t i;

	if (memcmp(dst + da, src + sa, len))
		return 0;
	for (i = 0; i < sizeof(dst); i++)
		if ((i < da || i >= da + len) && dst[i] != GUARD)
			return 0;
	return 1;
}

/* Each (source, destination) alignment and length through a pipe, then
 * through the file at an offset that moves with them. */
static void check_alignments(int pipefd[2], int fd)
{
	char detail[160] = "";
	size_t sa, da, len;
	int pipe_ok = 1, file_ok = 1;

	for (len = 0; len <= MAXLEN; len++)
		for (sa = 0; sa < 16; sa++)
			for (da = 0; da < 16; da++) {
				off_t off = 4096 - 40 + (sa * 16 + da + len) % 83;
				ssize_t w, r;

				fill(src, sizeof(src), sa * 16 + da + len);
				memset(dst, GUARD, sizeof(dst));
				w = write(pipefd[1], src + sa, len);
				r = len ? read(pipefd[0], dst + da, len) : 0;
				if (pipe_ok && (w != (ssize_t)len ||
						r != (ssize_t)len ||
						!copied_exactly(sa, da, len))) {
					pipe_ok = 0;
					snprintf(detail, sizeof(detail),
						 "pipe: src+%zu dst+%zu len %zu:"
						 " wrote %zd read %zd", sa, da,
						 len, w, r);
				}
				memset(dst, GUARD, sizeof(dst));
				w = pwrite(fd, src + sa, len, off);
				r = pread(fd, dst + da, len, off);
				if (file_ok && (w != (ssize_t)len ||
						r != (ssize_t)len ||
						!copied_exactly(sa, da, len))) {
					file_ok = 0;
					snprintf(detail, sizeof(detail),
						 "file: src+%zu dst+%zu len %zu"
						 " at %lld: wrote %zd read %zd",
						 sa, da, len, (long long)off,
						 w, r);
				}
			}
	check(pipe_ok, "through a pipe, every alignment 0..15, lengths 0..70",
	      detail);
	check(file_ok, "through a file, every alignment 0..15, lengths 0..70",
	      detail);
}

/* 10000 bytes, crossing pages on both sides, at every alignment. */
static void check_big(int pipefd[2], int fd)
{
	char detail[160] = "";
	size_t sa, da;
	int ok = 1;

	for (sa = 0; sa < 16 && ok; sa++)
		for (da = 0; da < 16 && ok; da++) {
			off_t off = 4096 * 3 - 1000 + sa * 16 + da;
			ssize_t w, r, w2, r2;

			fill(src, sizeof(src), sa * 16 + da);
			memset(dst, GUARD, sizeof(dst));
			w = write(pipefd[1], src + sa, BIG);
			for (r = 0; r < BIG; r += r2) {
				r2 = read(pipefd[0], dst + da + r, BIG - r);
				if (r2 <= 0)
					break;
			}
			ok = w == BIG && r == BIG && copied_exactly(sa, da, BIG);
			memset(dst, GUARD, sizeof(dst));
			w2 = pwrite(fd, src + sa, BIG, off);
			r2 = pread(fd, dst + da, BIG, off);
			ok = ok && w2 == BIG && r2 == BIG &&
			     copied_exactly(sa, da, BIG);
			if (!ok)
				snprintf(detail, sizeof(detail),
					 "src+%zu dst+%zu: pipe %zd/%zd, "
					 "file %zd/%zd", sa, da, w, r, w2, r2);
		}
	check(ok, "10000 bytes across pages, every alignment 0..15", detail);
}

/* A private mapping of a 100-byte file over two pages: the second lies
 * wholly past the end of the file, so touching it is SIGBUS for the
 * program, and for the kernel a fault in the middle of its copy (the
 * mapping itself allows the access), which ends the copy there. */
static void check_past_eof(int fd)
{
	long pg = getpagesize();
	char path[64], detail[160] = "";
	unsigned char *m, *edge;
	int mfd, wok = 1, rok = 1;
	size_t k;

	snprintf(path, sizeof(path), "/tmp/test_copy_map.%d", (int)getpid());
	mfd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	fill(src, 100, 11);
	if (mfd < 0 || write(mfd, src, 100) != 100) {
		check(0, "a 100-byte file to map", path);
		return;
	}
	unlink(path);
	m = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, mfd, 0);
	if (m == MAP_FAILED) {
		check(0, "mmap the file over two pages", NULL);
		return;
	}
	edge = m + pg;
	fill(m, pg, 13);	/* page 0: a private copy now */
	for (k = 1; k <= 40 && wok; k++) {
		ssize_t w = pwrite(fd, edge - k, k + 100, 2000);

		memset(dst, 0, 64);
		wok = w == (ssize_t)k && pread(fd, dst, k, 2000) == (ssize_t)k &&
		      !memcmp(dst, edge - k, k);
		if (!wok)
			snprintf(detail, sizeof(detail),
				 "write from %zu bytes before: %zd", k, w);
	}
	check(wok, "write() from a mapping that runs past the end of its "
	      "file writes exactly the bytes before", detail);
	fill(src, 256, 17);
	pwrite(fd, src, 256, 0);
	for (k = 1; k <= 40 && rok; k++) {
		ssize_t r = pread(fd, edge - k, k + 100, 0);

		rok = r == (ssize_t)k && !memcmp(edge - k, src, k);
		if (!rok)
			snprintf(detail, sizeof(detail),
				 "read to %zu bytes before: %zd", k, r);
	}
	check(rok, "read() into such a mapping reads exactly the bytes that "
	      "fit", detail);
	munmap(m, 2 * pg);
	close(mfd);
}

/* Copies that run into an inaccessible page stop exactly there. */
static void check_partial(int fd)
{
	long pg = getpagesize();
	unsigned char *m = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char *edge = m + pg, back[256];
	char detail[160] = "";
	int wok = 1, rok = 1, rook = 1;
	size_t k;

	if (m == MAP_FAILED) {
		check(0, "mmap two pages", NULL);
		return;
	}
	fill(m, pg, 5);
	fill(src, 256, 9);
	if (pwrite(fd, src, 256, 0) != 256)
		wok = 0;
	mprotect(edge, pg, PROT_NONE);
	for (k = 1; k <= 40 && wok; k++) {
		/* write(): k bytes before the edge, 100 asked for. */
		ssize_t w = pwrite(fd, edge - k, 100, 1000);

		memset(back, 0, sizeof(back));
		wok = w == (ssize_t)k && pread(fd, back, k, 1000) == (ssize_t)k &&
		      !memcmp(back, edge - k, k);
		if (!wok)
			snprintf(detail, sizeof(detail),
				 "write from %zu bytes before: %zd", k, w);
	}
	check(wok, "write() from a buffer that runs into a PROT_NONE page "
	      "writes exactly the bytes before it", detail);
	for (k = 1; k <= 40 && rok; k++) {
		/* read(): k bytes fit before the edge. */
		ssize_t r = pread(fd, edge - k, 100, 0);

		rok = r == (ssize_t)k && !memcmp(edge - k, src, k);
		if (!rok)
			snprintf(detail, sizeof(detail),
				 "read to %zu bytes before: %zd", k, r);
	}
	check(rok, "read() into a buffer that runs into a PROT_NONE page "
	      "reads exactly the bytes that fit", detail);
	mprotect(edge, pg, PROT_READ);
	for (k = 1; k <= 40 && rook; k++) {
		ssize_t r = pread(fd, edge - k, 100, 0);

		rook = r == (ssize_t)k && !memcmp(edge - k, src, k);
		if (!rook)
			snprintf(detail, sizeof(detail),
				 "read to %zu bytes before: %zd", k, r);
	}
	check(rook, "... and into one that runs into a read-only page",
	      detail);
	munmap(m, 2 * pg);
	check_past_eof(fd);
}

int main(void)
{
	char path[64];
	int pipefd[2], fd;

	check_prog = "copy";
	setvbuf(stdout, NULL, _IONBF, 0);
	snprintf(path, sizeof(path), "/tmp/test_copy.%d", (int)getpid());
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	check(fd >= 0 && pipe(pipefd) == 0, "a file in /tmp and a pipe", NULL);
	if (fd < 0)
		return check_summary();
	unlink(path);
	check_alignments(pipefd, fd);
	check_big(pipefd, fd);
#ifdef __riscv
	if (!running_on_clonix())
		printf("copy: partial copies are left out under qemu-user\n");
	else
#endif
		check_partial(fd);
	close(fd);
	return check_summary();
}
