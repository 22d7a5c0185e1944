/*
 * The architectures' own memcpy, memmove and memset (arch/riscv/lib/
 * memcpy.S and memset.S, arch/x86/lib/memcpy_32.c), run in user mode:
 * tests/test_copy.py builds this with the kernel's file renamed (memcpy
 * -> arch_memcpy ...) for RISC-V (run under qemu-riscv64) and i386 (run
 * natively) and checks every destination and source alignment 0..15 with
 * every length 0..70, and some long ones, against a byte loop: the bytes
 * copied or set, none outside, the return value; memmove with every
 * overlap; and that a copy next to an inaccessible page never touches it
 * (the shift-merge loads only aligned words holding bytes it needs).
 * Prints "N passed, M failed".
 */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

void *arch_memcpy(void *dest, const void *src, size_t n);
void *arch_memmove(void *dest, const void *src, size_t n);
void *arch_memset(void *s, int c, size_t n);

#define BUF 8192
#define GUARD 0x5a

static unsigned char src_buf[BUF], dst_buf[BUF], want[BUF];
static int passed, failed;

static void result(int ok, const char *what, size_t a, size_t b, size_t n)
{
	if (ok) {
		passed++;
		return;
	}
	if (failed++ < 20)
		printf("FAILED: %s, offsets %zu %zu, length %zu\n", what, a, b,
		       n);
}

static void fill(unsigned char *p, size_t n, unsigned seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(i * 131 + seed * 7 + 1);
}

/* Every alignment of dest and src, each length: exact copy, no byte
 * outside [dest, dest + n) touched, dest returned. */
static void check_memcpy(size_t n)
{
	size_t da, sa;

	for (da = 0; da < 16; da++)
		for (sa = 0; sa < 16; sa++) {
			void *r;

			fill(src_buf, BUF, (unsigned)(da + n));
			memset(dst_buf, GUARD, BUF);
			memset(want, GUARD, BUF);
			memcpy(want + 64 + da, src_buf + 64 + sa, n);
			r = arch_memcpy(dst_buf + 64 + da, src_buf + 64 + sa, n);
			result(r == dst_buf + 64 + da &&
			       !memcmp(dst_buf, want, BUF), "memcpy", da, sa, n);
		}
}

static void check_memset(size_t n)
{
	static const int values[] = { 0, 0xff, 0x80, 0x01, 0x1a5 };
	size_t da, v;

	for (da = 0; da < 16; da++)
		for (v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
			void *r;

			memset(dst_buf, GUARD, BUF);
			memset(want, GUARD, BUF);
			memset(want + 64 + da, values[v], n);
			r = arch_memset(dst_buf + 64 + da, values[v], n);
			result(r == dst_buf + 64 + da &&
			       !memcmp(dst_buf, want, BUF), "memset", da, v, n);
		}
}

/* Source and destination in one buffer, dest at every distance -40..40
 * from src and every alignment of src. */
static void check_memmove(size_t n)
{
	size_t sa;
	int dist;

	for (sa = 0; sa < 16; sa++)
		for (dist = -40; dist <= 40; dist++) {
			unsigned char *s = dst_buf + 128 + sa, *d = s + dist;
			unsigned char tmp[BUF];
			void *r;

			fill(dst_buf, BUF, (unsigned)(sa + n));
			memcpy(want, dst_buf, BUF);
			memcpy(tmp, want + 128 + sa, n);
			memcpy(want + 128 + sa + dist, tmp, n);
			r = arch_memmove(d, s, n);
			result(r == d && !memcmp(dst_buf, want, BUF), "memmove",
			       sa, (size_t)(dist + 40), n);
		}
}

/* A copy from the last bytes of a page followed by an inaccessible one,
 * and from the first bytes of a page after one, never faults. */
static void check_page_edges(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	unsigned char *m = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char *page = m + pg, dst[128];
	size_t n, da;

	if (m == MAP_FAILED) {
		result(0, "mmap", 0, 0, 0);
		return;
	}
	fill(page, pg, 3);
	mprotect(m, pg, PROT_NONE);
	mprotect(m + 2 * pg, pg, PROT_NONE);
	for (n = 0; n <= 70; n++)
		for (da = 0; da < 16; da++) {
			arch_memcpy(dst + da, page + pg - n, n);
			result(!memcmp(dst + da, page + pg - n, n),
			       "memcpy from the end of a page", da, pg - n, n);
			arch_memcpy(dst + da, page, n);
			result(!memcmp(dst + da, page, n),
			       "memcpy from the start of a page", da, 0, n);
		}
	munmap(m, 3 * pg);
}

int main(void)
{
	static const size_t longer[] = { 100, 255, 256, 1000, 4095, 4096,
					 4097, 8000 };
	size_t n, i;

	for (n = 0; n <= 70; n++) {
		check_memcpy(n);
		check_memset(n);
		check_memmove(n);
	}
	for (i = 0; i < sizeof(longer) / sizeof(longer[0]); i++) {
		n = longer[i];
		check_memcpy(n);
		check_memset(n);
		if (n + 128 + 16 + 40 <= BUF)
			check_memmove(n);
	}
	check_page_edges();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
