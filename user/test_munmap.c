/* test_munmap: munmap, brk and MAP_FIXED unmap exactly the range asked for
 * — the head, the tail or the middle of a mapping, or several mappings and
 * the holes between them — so touching an unmapped page kills with
 * SIGSEGV, the pages around it keep their contents, and the memory (page
 * tables included) goes back to the kernel. Written from the man pages;
 * it passes on Linux too, where the page counts are skipped. */
#include "check.h"
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PG 4096UL

/* Touch p in a child: did the child die of SIGSEGV? (Signal handlers are
 * not delivered by Clonix yet, so the fault is observed through wait.) */
static int faults(volatile char *p)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		*p = 1;
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return 0;
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV;
}

/* Map n pages whose page i holds the byte 'a' + i (at its both ends). */
static char *map_filled(unsigned long n)
{
	char *m = mmap(NULL, n * PG, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long i;

	if (m == MAP_FAILED)
		return NULL;
	for (i = 0; i < n; i++)
		m[i * PG] = m[i * PG + PG - 1] = 'a' + i;
	return m;
}

/* Do pages [from, to) of m still hold what map_filled put there? */
static int kept(const char *m, unsigned long from, unsigned long to)
{
	for (; from < to; from++)
		if (m[from * PG] != (char)('a' + from) ||
		    m[from * PG + PG - 1] != (char)('a' + from))
			return 0;
	return 1;
}

/* Free pages on Clonix, -1 elsewhere (Linux's free memory moves with
 * everything else the system does: not comparable). */
static long free_pages(void)
{
	return meminfo_free_pages();
}

static void test_head_tail_middle(void)
{
	char *m;

	m = map_filled(4);
	check(m && munmap(m, PG) == 0, "munmap the head page", NULL);
	check(m && faults(m), "the head page is gone (SIGSEGV)", NULL);
	check(m && kept(m, 1, 4), "the other three keep their contents", NULL);
	munmap(m, 4 * PG);

	m = map_filled(2);
	check(m && munmap(m + PG, PG) == 0, "munmap the tail page", NULL);
	check(m && faults(m + PG), "the tail page is gone (SIGSEGV)", NULL);
	check(m && kept(m, 0, 1), "the first page keeps its contents", NULL);
	munmap(m, 2 * PG);

	m = map_filled(5);
	check(m && munmap(m + PG, 3 * PG) == 0,
	      "munmap three pages in the middle", NULL);
	check(m && faults(m + PG) && faults(m + 2 * PG) &&
	      faults(m + 4 * PG - 1), "the middle pages are gone (SIGSEGV)",
	      NULL);
	check(m && kept(m, 0, 1) && kept(m, 4, 5),
	      "the pages on both sides keep their contents", NULL);
	check(m && munmap(m, 5 * PG) == 0 && faults(m) && faults(m + 4 * PG),
	      "munmap over a hole removes the rest", NULL);
}

/* Three mappings with holes between them; one munmap across all. */
static void test_several_mappings(void)
{
	char *r = mmap(NULL, 16 * PG, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), *m[3];
	unsigned long at[3] = { 1, 6, 10 }, len[3] = { 3, 2, 4 }, i, ok = 1;

	if (r == MAP_FAILED) {
		check(0, "reserve 16 pages", NULL);
		return;
	}
	munmap(r, 16 * PG);
	for (i = 0; i < 3; i++) {
		m[i] = mmap(r + at[i] * PG, len[i] * PG, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		ok &= m[i] == r + at[i] * PG;
		if (m[i] != MAP_FAILED)
			memset(m[i], 'x', len[i] * PG);
	}
	check(ok, "three mappings with holes between them", NULL);
	/* pages 1-3, 6-7 and 10-13 are mapped; remove 2..11 */
	check(munmap(r + 2 * PG, 10 * PG) == 0,
	      "munmap across three mappings and two holes", NULL);
	check(faults(r + 2 * PG) && faults(r + 3 * PG) && faults(r + 6 * PG) &&
	      faults(r + 7 * PG) && faults(r + 10 * PG) && faults(r + 11 * PG),
	      "every page in the range is gone (SIGSEGV)", NULL);
	check(r[PG] == 'x' && r[12 * PG] == 'x' && r[14 * PG - 1] == 'x',
	      "the pages outside the range keep their contents", NULL);
	munmap(r, 16 * PG);
}

/* MAP_FIXED over part of a mapping replaces just that part. */
static void test_map_fixed_replaces(void)
{
	char *m = map_filled(3), *q;

	q = m ? mmap(m + PG, PG, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
	      : MAP_FAILED;
	check(q == m + PG && q[0] == 0 && q[PG - 1] == 0,
	      "MAP_FIXED over a mapped middle page gives a zeroed page", NULL);
	check(m && kept(m, 0, 1) && kept(m, 2, 3),
	      "the pages on both sides keep their contents", NULL);
	check(m && munmap(m, 3 * PG) == 0 && faults(m + PG),
	      "and it is unmapped with the rest", NULL);
}

static void test_mprotect_middle(void)
{
	char *m = map_filled(3);

	check(m && mprotect(m + PG, PG, PROT_READ) == 0,
	      "mprotect the middle page read-only", NULL);
	check(m && faults(m + PG), "writing it gives SIGSEGV", NULL);
	check(m && !faults(m) && !faults(m + 2 * PG) && kept(m, 0, 3),
	      "the pages on both sides stay writable, all keep contents",
	      NULL);
	check(m && mprotect(m, 3 * PG, PROT_READ | PROT_WRITE) == 0 &&
	      !faults(m + PG), "mprotect over all three restores writing",
	      NULL);
	munmap(m, 3 * PG);
}

/* The heap: shrinking the break unmaps, growing it again gives zeroes. */
static void test_brk(void)
{
	char *b0 = sbrk(0);
	char *p = (char *)(((uintptr_t)b0 + PG - 1) & ~(PG - 1));

	check(brk(p + 16 * PG) == 0, "brk grows the heap by 16 pages", NULL);
	memset(p, 'h', 16 * PG);
	check(brk(p + 4 * PG) == 0 && sbrk(0) == p + 4 * PG,
	      "brk shrinks it to 4 pages", NULL);
	check(faults(p + 4 * PG) && faults(p + 15 * PG),
	      "the pages above the new break are gone (SIGSEGV)", NULL);
	check(p[0] == 'h' && p[4 * PG - 1] == 'h',
	      "the pages below it keep their contents", NULL);
	check(brk(p + 16 * PG) == 0 && sbrk(0) == p + 16 * PG,
	      "brk grows it again", NULL);
	check(p[4 * PG] == 0 && p[16 * PG - 1] == 0,
	      "and the regrown pages are zeroed", NULL);
	check(brk(b0) == 0, "brk back to the start", NULL);
}

/* Pages and page tables come back: a 1 MiB mapping placed alone in its
 * own page-table span (4 MiB on i386, 1 GiB on RISC-V). */
static void test_pages_come_back(void)
{
	unsigned long span = sizeof(long) == 8 ? 1UL << 30 : 4UL << 20;
	unsigned long n = 256, i;
	long before, touched, after;
	char *r, *m;
	char detail[96];

	free_pages();	/* its first fopen grows the heap for good */
	before = free_pages();
	r = mmap(NULL, 2 * span, PROT_NONE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (r == MAP_FAILED) {
		check(0, "reserve an empty page-table span", NULL);
		return;
	}
	munmap(r, 2 * span);
	m = (char *)(((uintptr_t)r + span - 1) & ~(span - 1));
	m = mmap(m, n * PG, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	check(m != MAP_FAILED, "map 1 MiB at a page-table boundary", NULL);
	if (m == MAP_FAILED)
		return;
	for (i = 0; i < n; i++)
		m[i * PG] = 1;
	touched = free_pages();
	check(munmap(m + PG, (n - 2) * PG) == 0 && munmap(m, PG) == 0 &&
	      munmap(m + (n - 1) * PG, PG) == 0,
	      "munmap it in three pieces, middle first", NULL);
	after = free_pages();
	if (before < 0) {
		printf("munmap: free page counts: not on Clonix, skipped\n");
		return;
	}
	snprintf(detail, sizeof(detail), "%ld free before, %ld touched, %ld "
		 "after", before, touched, after);
	check(touched <= before - (long)n && after == before,
	      "every page and page table comes back", detail);
}

static void test_errors(void)
{
	char *m = map_filled(1);

	check_errno(munmap(m + 1, PG), EINVAL,
		    "an unaligned munmap gives EINVAL");
	check_errno(munmap(m, 0), EINVAL, "munmap of 0 bytes gives EINVAL");
	check_errno(munmap(m, -PG), EINVAL,
		    "munmap past the end of memory gives EINVAL");
	check_errno(munmap(m, SIZE_MAX), EINVAL,
		    "munmap with a length that wraps gives EINVAL");
	check(m && kept(m, 0, 1) && !faults(m),
	      "and the mapping is left alone", NULL);
	munmap(m, PG);
}

int main(void)
{
	check_prog = "munmap";
	test_head_tail_middle();
	test_several_mappings();
	test_map_fixed_replaces();
	test_mprotect_middle();
	test_brk();
	test_pages_come_back();
	test_errors();
	return check_summary();
}
