/* test_cow: what fork(2) promises about memory, whether the kernel copies
 * pages at fork or shares them copy-on-write (and their page tables): the
 * child's address space is a copy, so parent and child each see only
 * their own writes — in the data, bss, heap, mmap'd and stack pages, and
 * in a MAP_PRIVATE file mapping — while a MAP_SHARED mapping stays one
 * memory (mmap(2)); a page neither writes keeps its contents in both; it
 * holds for grandchildren, for deep recursion in the child, for pages
 * made read-only and writable again (mprotect(2)), for pages the kernel
 * writes on the process's behalf (read(2), pipe(2), wait4(2), ...), for
 * many pages with sparse writes, and across munmap, mprotect, mremap,
 * brk and execve in one of the two; madvise's MADV_DONTFORK and
 * MADV_WIPEONFORK; and vfork(2) shares the memory outright. A mapped
 * file that shrinks gives SIGBUS past its end (a private copy of a page
 * there too), executing a truncated program fails or kills that process
 * only, and a running program's file cannot be truncated (ETXTBSY).
 * Each scenario runs in a process of its own. Written from the man
 * pages; the default run passes on a Linux host too.
 *
 * The other modes are run by tests/test_cow.py on Clonix, where
 * /proc/meminfo's MemFree counts free pages exactly:
 *   exact    the default run, where every scenario must give back every
 *            page (run it after a first run has grown the kernel caches)
 *   reserve  a 1 GiB MAP_NORESERVE mapping costs nothing until touched
 *   exhaust  touching more of it than there is RAM kills that process
 *            with SIGKILL, and the memory comes back
 *   cost     fork of a process with 32 MiB touched costs a few pages, and
 *            each page either side writes afterwards costs one
 *   forkoom  fork while memory is exhausted fails with ENOMEM and undoes
 *            all it did, at every failure point in turn
 *   cowoom   a copy-on-write fault that finds no free page kills the
 *            faulting process (SIGKILL); the other finishes (or is
 *            killed too, if it faults before the first one's pages
 *            are back); and munmap, mprotect, madvise and mremap over
 *            page tables shared with a parent, with no free page, work
 *            or fail with ENOMEM, and do what they said
 * (exhaust, forkoom and cowoom use up the machine's memory: never run
 * them on a host.) */
#define _FILE_OFFSET_BITS 64
#include "check.h"
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <pthread.h>
#include <sched.h>
#include <time.h>

#define PG 4096UL
#define MiB (1UL << 20)
/* Free-page counts inside one run may differ by the slab pages a first
 * run adds to the kernel's caches; tests/test_cow.py checks exact
 * equality from one run to the next. */
#define SLACK 4

static int on_clonix;
/* Real kernels: Clonix, or Linux running the i386 build natively (its
 * uname says x86_64). qemu-user — how the RISC-V build runs on a host —
 * accepts madvise's DONTFORK and WIPEONFORK but ignores them. */
static int real_kernel;
static const char *self;	/* this program's file, for execve */
static char path[256];

/* ---- small helpers ------------------------------------------------- */

static void fill(volatile void *p, char c, size_t n)
{
	memset((void *)p, c, n);
}

/* Does every byte of [p, p + n) equal c? */
static int all_are(const volatile void *p, char c, size_t n)
{
	const volatile char *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		if (b[i] != c)
			return 0;
	return 1;
}

static void describe(int status, char *buf, size_t n)
{
	if (status < 0)
		snprintf(buf, n, "no child (%s)", strerror(errno));
	else if (WIFEXITED(status))
		snprintf(buf, n, "exited with %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, n, "killed by signal %d", WTERMSIG(status));
	else
		snprintf(buf, n, "wait status %#x", status);
}

static int wait_status(pid_t pid)
{
	int status;

	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static int exited(int status, int code)
{
	return status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == code;
}

static int killed_by(int status, int sig)
{
	return status >= 0 && WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

/* A child ran its own checks (printing its lines) and exited with
 * check_failed: did it pass? */
static void check_child(int status, const char *what)
{
	char detail[64];

	describe(status, detail, sizeof(detail));
	check(exited(status, 0), what, detail);
}

static void check_killed(int status, int sig, const char *what)
{
	char detail[64];

	describe(status, detail, sizeof(detail));
	check(killed_by(status, sig), what, detail);
}

/* A child's end: its checks decide its exit status. */
static void __attribute__((noreturn)) child_done(void)
{
	_exit(check_failed != 0);
}

/* Touch one byte in a new child; the child's wait status (a probe for
 * SIGSEGV and SIGBUS that leaves this process alone). */
static int probe(volatile char *p, int write)
{
	pid_t pid = fork();

	if (pid == 0) {
		if (write)
			*p = 'x';
		else
			(void)*p;
		_exit(0);
	}
	return wait_status(pid);
}

/* Two pipes between a parent and one child, so each can wait until the
 * other has done its writes: the child says "done" up and waits for
 * "go" down. */
struct pair {
	int up[2], down[2];
};

static void pair_open(struct pair *s)
{
	if (pipe(s->up) || pipe(s->down)) {
		perror("pipe");
		exit(2);
	}
}

static void pair_close(struct pair *s)
{
	close(s->up[0]);
	close(s->up[1]);
	close(s->down[0]);
	close(s->down[1]);
}

static void tell(int fd)
{
	char c = 1;

	if (write(fd, &c, 1) != 1)
		perror("tell");
}

/* Wait for one byte; 0 if the other side went away instead. */
static int await(int fd)
{
	char c;

	return read(fd, &c, 1) == 1;
}

/* fork, or end the test; the child starts with no failed checks of its
 * own (child_done reports only its own). */
static pid_t xfork(void)
{
	pid_t pid = fork();

	if (pid < 0) {
		printf("cow: fork failed: %s\n", strerror(errno));
		exit(2);
	}
	if (pid == 0)
		check_failed = 0;
	return pid;
}

/* Anonymous private memory, n bytes. */
static char *anon(size_t n)
{
	char *p = mmap(NULL, n, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		printf("cow: mmap of %zu bytes failed: %s\n", n,
		       strerror(errno));
		exit(2);
	}
	return p;
}

/* n bytes of anonymous memory starting on an align boundary, so a
 * region covers whole page tables (2 MiB on RISC-V, 4 MiB on i386). */
static char *anon_aligned(size_t n, size_t align)
{
	char *p = anon(n + align);
	char *q = (char *)(((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1));

	if (q > p)
		munmap(p, q - p);
	munmap(q + n, (p + n + align) - (q + n));
	return q;
}

/* A new file /tmp/cow_<name> of npages pages, page i filled with
 * first + i; open read-write (path names it). */
static int make_file(const char *name, int npages, char first)
{
	char buf[PG];
	int fd, i;

	snprintf(path, sizeof(path), "/tmp/cow_%s.%d", name, getpid());
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	for (i = 0; fd >= 0 && i < npages; i++) {
		fill(buf, first + i, PG);
		if (write(fd, buf, PG) != (ssize_t)PG)
			return -1;
	}
	if (fd < 0)
		printf("cow: cannot create %s: %s\n", path, strerror(errno));
	return fd;
}

/* Does page i of the file hold c in every byte? */
static int file_page_is(int fd, int i, char c)
{
	char buf[PG];

	return pread(fd, buf, PG, i * PG) == (ssize_t)PG && all_are(buf, c, PG);
}

/* ---- 1. each sees only its own writes ------------------------------- */

/* Kept in .data (initialised), .bss, and page-aligned so that a region's
 * pages are its own. */
static char data_area[3 * PG] __attribute__((aligned(4096))) = { 'd' };
static char bss_area[3 * PG] __attribute__((aligned(4096)));

struct region {
	const char *name;
	volatile char *p;
	char orig[3];	/* page i's contents before anyone writes */
	int shared;	/* MAP_SHARED: one memory for both */
};

/* What process me ('p' or 'c') must see in page i of r, where the
 * child wrote 'c' to page 0 and the parent 'p' to page 1. */
static char expected(const struct region *r, int i, char me)
{
	if (i == 0 && (r->shared || me == 'c'))
		return 'c';
	if (i == 1 && (r->shared || me == 'p'))
		return 'p';
	return r->orig[i];
}

static void check_regions(struct region *r, int n, char me)
{
	const char *who = me == 'p' ? "parent" : "child";
	char what[128], detail[64];
	int i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < 3; j++) {
			char want = expected(&r[i], j, me);

			snprintf(what, sizeof(what),
				 "%s: the %s sees %s in page %d", r[i].name,
				 who,
				 want == me	   ? "its own write" :
				 want == 'p' || want == 'c' ? "the other's write" :
				 j == 2 ? "the contents neither changed" :
					  "what was there before fork",
				 j);
			snprintf(detail, sizeof(detail), "first byte %#x, want %#x",
				 (unsigned char)r[i].p[j * PG],
				 (unsigned char)want);
			check(all_are(r[i].p + j * PG, want, PG), what, detail);
		}
	}
}

static void own_writes(void)
{
	char stack_space[4 * PG];
	char *stack_area = (char *)(((uintptr_t)stack_space + PG - 1) & ~(PG - 1));
	char *heap_space = malloc(4 * PG);	/* brk: under the mmap threshold */
	char *heap_area = (char *)(((uintptr_t)heap_space + PG - 1) & ~(PG - 1));
	int fd = make_file("private", 3, 'F'), sfd;
	char *file_private, *file_shared;
	struct region r[8];
	struct pair s;
	int i, j, n = 0, status;
	pid_t pid;

	file_private = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE,
			    fd, 0);
	unlink(path);
	sfd = make_file("shared", 3, 'S');
	file_shared = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_SHARED,
			   sfd, 0);
	unlink(path);
	if (file_private == MAP_FAILED || file_shared == MAP_FAILED) {
		check(0, "mmap the test files", strerror(errno));
		return;
	}
	r[n++] = (struct region){ "data", data_area, "ooo", 0 };
	r[n++] = (struct region){ "bss", bss_area, "ooo", 0 };
	r[n++] = (struct region){ "heap", heap_area, "ooo", 0 };
	r[n++] = (struct region){ "mmap", anon(3 * PG), "ooo", 0 };
	r[n++] = (struct region){ "stack", stack_area, "ooo", 0 };
	/* The file's own pages, read (not written) before fork. */
	r[n++] = (struct region){ "MAP_PRIVATE file", file_private, "FGH", 0 };
	r[n++] = (struct region){ "MAP_SHARED|MAP_ANONYMOUS",
		mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_ANONYMOUS, -1, 0), "ooo", 1 };
	r[n++] = (struct region){ "MAP_SHARED file", file_shared, "STU", 1 };
	for (i = 0; i < n; i++)
		for (j = 0; j < 3; j++) {
			if (r[i].orig[j] == 'o')
				fill(r[i].p + j * PG, 'o', PG);
			else
				(void)r[i].p[j * PG];	/* map it, read-only */
		}

	pair_open(&s);
	pid = xfork();
	if (pid == 0) {
		for (i = 0; i < n; i++)
			fill(r[i].p, 'c', PG);
		tell(s.up[1]);
		await(s.down[0]);
		check_regions(r, n, 'c');
		child_done();
	}
	for (i = 0; i < n; i++)
		fill(r[i].p + PG, 'p', PG);
	await(s.up[0]);		/* the child has written too */
	check_regions(r, n, 'p');
	tell(s.down[1]);
	status = wait_status(pid);
	check_child(status, "the child saw only its own writes");
	check_regions(r, n, 'p');	/* the child's exit took nothing */
	check(file_page_is(fd, 0, 'F') && file_page_is(fd, 1, 'G'),
	      "MAP_PRIVATE file: neither write reached the file", NULL);
	check(file_page_is(sfd, 0, 'c') && file_page_is(sfd, 1, 'p'),
	      "MAP_SHARED file: both writes reached the file", NULL);
	pair_close(&s);
	munmap(file_private, 3 * PG);
	munmap(file_shared, 3 * PG);
	munmap((void *)r[3].p, 3 * PG);
	munmap((void *)r[6].p, 3 * PG);
	close(fd);
	close(sfd);
	free(heap_space);
}

/* ---- 2. three generations ------------------------------------------- */

/* Pages 0-7 of a region as each generation must see them: the parent
 * wrote page 0 before the fork and page 3 after; the child page 1 before
 * it forked the grandchild and page 4 after; the grandchild pages 0, 2
 * and 5. Pages 6 and 7 nobody wrote. */
static const char gen_expect[3][9] = { "PooPoooo", "PCooCooo", "gCGooGoo" };

static void check_generation(volatile char *m, volatile char *shared, int gen)
{
	static const char *const names[] = { "parent", "child", "grandchild" };
	char what[96], detail[64];
	int i;

	for (i = 0; i < 8; i++) {
		snprintf(what, sizeof(what),
			 "three generations: the %s sees %c in page %d",
			 names[gen], gen_expect[gen][i], i);
		snprintf(detail, sizeof(detail), "first byte %#x",
			 (unsigned char)m[i * PG]);
		check(all_are(m + i * PG, gen_expect[gen][i], PG), what,
		      detail);
	}
	snprintf(what, sizeof(what),
		 "three generations: the %s sees all three in shared memory",
		 names[gen]);
	check(shared[0] == 'P' && shared[1] == 'C' && shared[2] == 'G', what,
	      NULL);
}

static void generations(void)
{
	volatile char *m = anon(8 * PG);
	volatile char *shared = mmap(NULL, PG, PROT_READ | PROT_WRITE,
				     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int done[2], go[2], status;
	char c[2];
	pid_t child, grandchild;

	fill(m, 'o', 8 * PG);
	fill(m, 'P', PG);
	if (pipe(done) || pipe(go))
		return;
	child = xfork();
	if (child == 0) {
		fill(m + PG, 'C', PG);
		grandchild = xfork();
		if (grandchild == 0) {
			fill(m, 'g', PG);
			fill(m + 2 * PG, 'G', PG);
			fill(m + 5 * PG, 'G', PG);
			shared[2] = 'G';
			tell(done[1]);
			await(go[0]);
			check_generation(m, shared, 2);
			child_done();
		}
		fill(m + 4 * PG, 'C', PG);
		shared[1] = 'C';
		tell(done[1]);
		await(go[0]);
		check_generation(m, shared, 1);
		check_child(wait_status(grandchild),
			    "three generations: the grandchild's checks");
		child_done();
	}
	fill(m + 3 * PG, 'P', PG);
	shared[0] = 'P';
	if (read(done[0], c, 1) != 1 || read(done[0], c + 1, 1) != 1)
		check(0, "three generations: the others wrote", NULL);
	tell(go[1]);
	tell(go[1]);
	check_generation(m, shared, 0);
	status = wait_status(child);
	check_child(status, "three generations: the child's checks");
	close(done[0]);
	close(done[1]);
	close(go[0]);
	close(go[1]);
	munmap((void *)m, 8 * PG);
	munmap((void *)shared, PG);
}

/* ---- 3. the stack --------------------------------------------------- */

/* Recurse depth frames of about 1 KiB each, every frame filled with its
 * depth and checked on the way back: the number of bad frames. */
static int __attribute__((noinline)) recurse(int depth)
{
	volatile char frame[1000];
	int bad;

	fill(frame, (char)depth, sizeof(frame));
	bad = depth ? recurse(depth - 1) : 0;
	return bad + !all_are(frame, (char)depth, sizeof(frame));
}

static void stack_cow(void)
{
	volatile char mine[2 * PG];
	int status;
	pid_t pid;

	fill(mine, 'o', sizeof(mine));
	recurse(64);		/* the parent's stack reaches 64 KiB down */
	pid = xfork();
	if (pid == 0) {
		/* Deeper than the parent went, over pages shared with it. */
		fill(mine, 'c', sizeof(mine));
		_exit(recurse(512) != 0 || !all_are(mine, 'c', sizeof(mine)));
	}
	status = wait_status(pid);
	check_child(status,
		    "stack: 512 KiB of recursion in the child keeps every frame");
	check(all_are(mine, 'o', sizeof(mine)),
	      "stack: the parent's frame is untouched by the child's", NULL);
	check(recurse(256) == 0, "stack: and the parent recurses as well",
	      NULL);
}

/* ---- 4. mprotect on a copy-on-write page ---------------------------- */

static void mprotect_cow(void)
{
	volatile char *m = anon(2 * PG);
	struct pair s;
	int status;
	pid_t pid;

	fill(m, 'o', 2 * PG);

	/* Read-only in the child: its write is SIGSEGV, for it alone. */
	pid = xfork();
	if (pid == 0) {
		if (mprotect((void *)m, PG, PROT_READ))
			_exit(3);
		m[0] = 'c';
		_exit(0);
	}
	check_killed(wait_status(pid), SIGSEGV,
		     "mprotect: a write to a page the child made read-only "
		     "kills the child with SIGSEGV");
	check(exited(probe(m, 1), 0),
	      "mprotect: the parent's page is still writable", NULL);
	m[1] = 'p';
	check(m[0] == 'o' && m[1] == 'p' && all_are(m + 2, 'o', PG - 2),
	      "mprotect: and holds what the parent wrote", NULL);
	fill(m, 'o', PG);

	/* Read-only, no access, writable again in the child: its write
	 * stays its own, though the page is shared with the parent. */
	pair_open(&s);
	pid = xfork();
	if (pid == 0) {
		check(mprotect((void *)m, PG, PROT_READ) == 0 &&
		      all_are(m, 'o', PG),
		      "mprotect: the child reads its read-only page",
		      strerror(errno));
		check(mprotect((void *)m, PG, PROT_NONE) == 0 &&
		      mprotect((void *)m, PG, PROT_READ | PROT_WRITE) == 0,
		      "mprotect: PROT_NONE, then read-write again",
		      strerror(errno));
		fill(m, 'c', PG);
		tell(s.up[1]);
		await(s.down[0]);
		check(all_are(m, 'c', PG),
		      "mprotect: the child keeps its write after the parent's",
		      NULL);
		child_done();
	}
	await(s.up[0]);
	check(all_are(m, 'o', PG),
	      "mprotect: the child's write to its re-enabled page is not "
	      "the parent's", NULL);
	fill(m, 'p', PG);
	tell(s.down[1]);
	check_child(wait_status(pid), "mprotect: the child's checks");
	check(all_are(m, 'p', PG), "mprotect: the parent keeps its write",
	      NULL);
	pair_close(&s);

	/* The same in the parent, while the child still shares the page. */
	pair_open(&s);
	pid = xfork();
	if (pid == 0) {
		await(s.down[0]);
		check(all_are(m + PG, 'o', PG),
		      "mprotect: the parent's write after its own mprotect is "
		      "not the child's", NULL);
		child_done();
	}
	check(mprotect((void *)(m + PG), PG, PROT_READ) == 0 &&
	      mprotect((void *)(m + PG), PG, PROT_READ | PROT_WRITE) == 0,
	      "mprotect: the parent makes a shared page read-only and back",
	      strerror(errno));
	fill(m + PG, 'q', PG);
	tell(s.down[1]);
	status = wait_status(pid);
	check_child(status, "mprotect: the child's checks (2)");
	check(all_are(m + PG, 'q', PG), "mprotect: the parent's write stands",
	      NULL);
	pair_close(&s);

	/* Read-only and no access before the fork, writable after it on
	 * both sides: each side's write is its own. */
	fill(m, 'o', 2 * PG);
	check(mprotect((void *)m, PG, PROT_READ) == 0 &&
	      mprotect((void *)(m + PG), PG, PROT_NONE) == 0,
	      "mprotect: read-only and no-access pages before fork",
	      strerror(errno));
	pair_open(&s);
	pid = xfork();
	if (pid == 0) {
		check(mprotect((void *)m, 2 * PG, PROT_READ | PROT_WRITE) == 0 &&
		      all_are(m, 'o', 2 * PG),
		      "mprotect: the child makes them writable, contents kept",
		      strerror(errno));
		fill(m, 'c', 2 * PG);
		tell(s.up[1]);
		await(s.down[0]);
		check(all_are(m, 'c', 2 * PG),
		      "mprotect: the child keeps its writes to them", NULL);
		child_done();
	}
	await(s.up[0]);
	check(mprotect((void *)m, 2 * PG, PROT_READ | PROT_WRITE) == 0 &&
	      all_are(m, 'o', 2 * PG),
	      "mprotect: the parent makes them writable: the child's writes "
	      "are not there", strerror(errno));
	fill(m, 'p', 2 * PG);
	tell(s.down[1]);
	check_child(wait_status(pid), "mprotect: the child's checks (3)");
	check(all_are(m, 'p', 2 * PG),
	      "mprotect: the parent keeps its writes to them", NULL);
	pair_close(&s);
	munmap((void *)m, 2 * PG);
}

/* ---- 4b. MADV_DONTNEED and a signal frame on a shared page ----------- */

static volatile uintptr_t altstack_seen;	/* where the handler's frame was */

static void on_altstack(int sig)
{
	volatile char here;

	(void)sig;
	altstack_seen = (uintptr_t)&here;
}

static void dontneed_and_signal_frame(void)
{
	volatile char *m = anon(2 * PG);
	volatile char *alt = anon(16 * PG);
	struct sigaction sa;
	stack_t ss;
	int status;
	pid_t pid;

	fill(m, 'o', 2 * PG);
	fill(alt, 'o', 16 * PG);
	pid = xfork();
	if (pid == 0) {
		/* The child drops its share of a page: zeros for it. */
		check(madvise((void *)m, PG, MADV_DONTNEED) == 0 &&
		      all_are(m, 0, PG) && all_are(m + PG, 'o', PG),
		      "MADV_DONTNEED: the child's dropped page reads zeros",
		      strerror(errno));
		/* The kernel writes a signal frame on an alternate stack
		 * that is still shared with the parent. */
		ss.ss_sp = (void *)alt;
		ss.ss_size = 16 * PG;
		ss.ss_flags = 0;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_altstack;
		sa.sa_flags = SA_ONSTACK;
		check(sigaltstack(&ss, NULL) == 0 &&
		      sigaction(SIGUSR1, &sa, NULL) == 0 && raise(SIGUSR1) == 0,
		      "signal frame: a handler on a shared alternate stack",
		      strerror(errno));
		check(altstack_seen >= (uintptr_t)alt &&
		      altstack_seen < (uintptr_t)(alt + 16 * PG) &&
		      !all_are(alt, 'o', 16 * PG),
		      "signal frame: it ran there, its frame written", NULL);
		child_done();
	}
	status = wait_status(pid);
	check_child(status, "MADV_DONTNEED and signal frame: the child's checks");
	check(all_are(m, 'o', 2 * PG),
	      "MADV_DONTNEED: the parent keeps the page the child dropped",
	      NULL);
	check(all_are(alt, 'o', 16 * PG),
	      "signal frame: the child's frame is not in the parent's memory",
	      NULL);
	munmap((void *)m, 2 * PG);
	munmap((void *)alt, 16 * PG);
}

/* ---- 5. pages the kernel writes ------------------------------------- */

static const char msg1[16] = "kernel-wrote-1!";
static const char msg2[16] = "kernel-wrote-2!";

static void kernel_writes(void)
{
	/* Page 0: read() from a pipe with data waiting; 1: read() that
	 * blocks while the parent writes its own copy; 2-3: pread() across
	 * the page boundary; 4: what other system calls return; 5: readv;
	 * 6: the parent's read() while the child shares the page. Page 4
	 * is laid out with every structure 8-byte aligned. */
	volatile char *k = anon(7 * PG);
	char *k4 = (char *)k + 4 * PG;
	int fd = make_file("kread", 1, 'R');
	int kfd = make_file("kprivate", 1, 'K');
	char *kp = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, kfd, 0);
	int data[2], status;
	struct pair s;
	pid_t pid;

	unlink(path);
	fill(k, 'o', 7 * PG);
	if (pipe(data) || write(data[1], msg1, 16) != 16 || kp == MAP_FAILED) {
		check(0, "kernel writes: set up", strerror(errno));
		return;
	}
	(void)*(volatile char *)kp;	/* the file's page, mapped read-only */
	pair_open(&s);
	pid = xfork();
	if (pid == 0) {
		struct iovec *iov = (struct iovec *)(k4 + 3072);
		struct timespec *ts = (struct timespec *)k4;
		int *fds = (int *)(k4 + 64), *wstatus = (int *)(k4 + 1024);
		struct utsname *un = (struct utsname *)(k4 + 1536);
		struct stat *st = (struct stat *)(k4 + 2048);
		char *cwd = k4 + 2560, detail[128];
		long ret;
		pid_t g;

		check(read(data[0], (char *)k + 100, 16) == 16 &&
		      !memcmp((char *)k + 100, msg1, 16) &&
		      all_are(k, 'o', 100) && all_are(k + 116, 'o', PG - 116),
		      "kernel writes: read() into a shared page gives the child "
		      "the data", NULL);
		tell(s.up[1]);	/* the parent writes page 1 meanwhile */
		check(read(data[0], (char *)k + PG, 16) == 16 &&
		      !memcmp((char *)k + PG, msg2, 16) &&
		      all_are(k + PG + 16, 'o', PG - 16),
		      "kernel writes: a read() that waited sees the data and not "
		      "the parent's write", NULL);
		check(pread(fd, (char *)k + 3 * PG - 8, 16, 0) == 16 &&
		      all_are(k + 3 * PG - 8, 'R', 16) &&
		      all_are(k + 2 * PG, 'o', PG - 8) &&
		      all_are(k + 3 * PG + 8, 'o', PG - 8),
		      "kernel writes: pread() across two shared pages", NULL);
		check(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, ts) == 0 &&
		      ts->tv_nsec >= 0 && ts->tv_nsec < 1000000000,
		      "kernel writes: clock_gettime (the system call)",
		      strerror(errno));
		check(pipe(fds) == 0 && fds[0] > 2 && fds[1] > 2 &&
		      fds[0] != fds[1], "kernel writes: pipe()'s two descriptors",
		      strerror(errno));
		g = xfork();
		if (g == 0)
			_exit(42);
		ret = wait4(g, wstatus, 0, NULL);
		snprintf(detail, sizeof(detail), "returned %ld (%s), status %#x",
			 ret, strerror(errno), *wstatus);
		check(ret == g && exited(*wstatus, 42),
		      "kernel writes: wait4's status", detail);
		check(uname(un) == 0 && un->sysname[0] != 'o',
		      "kernel writes: uname", NULL);
		check(fstat(fd, st) == 0 && st->st_size == (off_t)PG,
		      "kernel writes: fstat", NULL);
		check(getcwd(cwd, 256) == cwd && cwd[0] == '/',
		      "kernel writes: getcwd", NULL);
		iov[0] = (struct iovec){ (char *)k + 5 * PG, 8 };
		iov[1] = (struct iovec){ (char *)k + 6 * PG - 8, 8 };
		ret = lseek(fd, 0, SEEK_SET) ? -1 : readv(fd, iov, 2);
		snprintf(detail, sizeof(detail), "returned %ld (%s), %#x %#x %#x",
			 ret, strerror(errno), (unsigned char)k[5 * PG],
			 (unsigned char)k[5 * PG + 8],
			 (unsigned char)k[6 * PG - 8]);
		check(ret == 16 && all_are(k + 5 * PG, 'R', 8) &&
		      all_are(k + 5 * PG + 8, 'o', PG - 16) &&
		      all_are(k + 6 * PG - 8, 'R', 8),
		      "kernel writes: readv (its iovec in a shared page too)",
		      detail);
		check(read(data[0], kp + 10, 16) == 16 &&
		      !memcmp(kp + 10, msg1, 16) && all_are(kp, 'K', 10) &&
		      all_are(kp + 26, 'K', PG - 26),
		      "kernel writes: read() into a MAP_PRIVATE file page",
		      NULL);
		tell(s.up[1]);
		await(s.down[0]);	/* the parent read into page 6 */
		check(all_are(k + 6 * PG, 'o', PG),
		      "kernel writes: the parent's read() is not the child's",
		      NULL);
		child_done();
	}
	await(s.up[0]);
	fill(k + PG, 'p', PG);
	if (write(data[1], msg2, 16) != 16 || write(data[1], msg1, 16) != 16)
		check(0, "kernel writes: feed the pipe", strerror(errno));
	await(s.up[0]);
	check(all_are(k, 'o', PG) && all_are(k + 2 * PG, 'o', 5 * PG),
	      "kernel writes: none of the child's system calls wrote the "
	      "parent's pages", NULL);
	check(all_are(k + PG, 'p', PG),
	      "kernel writes: the parent's own write during the child's read "
	      "stands", NULL);
	check(all_are(kp, 'K', PG) && file_page_is(kfd, 0, 'K'),
	      "kernel writes: the file and the parent's MAP_PRIVATE page are "
	      "unchanged", NULL);
	check(write(data[1], msg2, 16) == 16 &&
	      read(data[0], (char *)k + 6 * PG + 20, 16) == 16 &&
	      !memcmp((char *)k + 6 * PG + 20, msg2, 16),
	      "kernel writes: the parent read()s into a page still shared",
	      NULL);
	tell(s.down[1]);
	status = wait_status(pid);
	check_child(status, "kernel writes: the child's checks");
	pair_close(&s);
	close(data[0]);
	close(data[1]);
	close(fd);
	close(kfd);
	munmap(kp, PG);
	munmap((void *)k, 7 * PG);
	snprintf(path, sizeof(path), "/tmp/cow_kread.%d", getpid());
	unlink(path);
}

/* ---- 6. many pages, sparse writes ----------------------------------- */

#define MANY_PAGES 2048		/* 8 MiB */

static int *page_word(volatile char *m, long i, int last)
{
	return (int *)(m + i * PG + (last ? PG - sizeof(int) : 0));
}

/* What page i holds for a process that wrote every step-th page with
 * mark (and sees no one else's writes). */
static int sparse_expect(long i, int step, int mark)
{
	return i % step ? (int)i : (int)i | mark;
}

/* How many pages of the region differ from what this process should
 * see; the first one in bad. */
static long sparse_check(volatile char *m, int step, int mark, long *bad)
{
	long i, wrong = 0;

	*bad = -1;
	for (i = 0; i < MANY_PAGES; i++) {
		int want = sparse_expect(i, step, mark);

		if (*page_word(m, i, 0) != want || *page_word(m, i, 1) != want) {
			if (!wrong++)
				*bad = i;
		}
	}
	return wrong;
}

static void sparse_write(volatile char *m, int step, int mark)
{
	long i;

	for (i = 0; i < MANY_PAGES; i += step)
		*page_word(m, i, 0) = *page_word(m, i, 1) = (int)i | mark;
}

static void many_pages(void)
{
	volatile char *m = anon_aligned(MANY_PAGES * PG, 4 * MiB);
	char detail[64];
	struct pair s;
	long i, wrong, bad;
	pid_t pid;

	for (i = 0; i < MANY_PAGES; i++)
		*page_word(m, i, 0) = *page_word(m, i, 1) = (int)i;
	pair_open(&s);
	pid = xfork();
	if (pid == 0) {
		sparse_write(m, 3, 0x30000000);
		tell(s.up[1]);
		await(s.down[0]);
		wrong = sparse_check(m, 3, 0x30000000, &bad);
		snprintf(detail, sizeof(detail), "%ld pages wrong, first %ld",
			 wrong, bad);
		check(!wrong,
		      "8 MiB: the child sees its every 3rd page and no other "
		      "change", detail);
		child_done();
	}
	sparse_write(m, 5, 0x50000000);
	await(s.up[0]);
	wrong = sparse_check(m, 5, 0x50000000, &bad);
	snprintf(detail, sizeof(detail), "%ld pages wrong, first %ld", wrong,
		 bad);
	check(!wrong,
	      "8 MiB: the parent sees its every 5th page and no other change",
	      detail);
	tell(s.down[1]);
	check_child(wait_status(pid), "8 MiB: the child's checks");
	wrong = sparse_check(m, 5, 0x50000000, &bad);
	check(!wrong, "8 MiB: the parent's pages after the child exited",
	      NULL);
	pair_close(&s);
	munmap((void *)m, MANY_PAGES * PG);
}

/* ---- 6b. pages first touched after the fork -------------------------- */

/* Pages neither side had touched at fork time, beside pages both share
 * (in the same page table): a private page either side touches first is
 * its own; a MAP_SHARED page is the same for both, whoever touches it
 * first. And a mapping the parent replaces (MAP_FIXED) over shared pages
 * leaves the child's as they were. */
static void untouched_pages(void)
{
	volatile char *m = anon_aligned(16 * PG, 4 * MiB);
	volatile char *sh = mmap(NULL, 16 * PG, PROT_READ | PROT_WRITE,
				 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	struct pair s;
	pid_t pid;

	if (sh == MAP_FAILED) {
		check(0, "untouched: mmap shared memory", strerror(errno));
		return;
	}
	fill(m, 'o', 4 * PG);
	fill(sh, 'o', 4 * PG);
	pair_open(&s);
	pid = xfork();
	if (pid == 0) {
		fill(m + 4 * PG, 'c', PG);
		check(all_are(m + 5 * PG, 0, PG),
		      "untouched: the child reads zeros in a page never touched",
		      NULL);
		fill(sh + 4 * PG, 'c', PG);
		tell(s.up[1]);
		await(s.down[0]);
		check(all_are(m + 4 * PG, 'c', PG) && all_are(m + 5 * PG, 0, PG),
		      "untouched: the child's new pages are its own", NULL);
		check(all_are(sh + 5 * PG, 'p', PG),
		      "untouched: the child sees the parent's first write to "
		      "shared memory", NULL);
		check(all_are(m, 'o', 4 * PG),
		      "untouched: the parent's MAP_FIXED over shared pages "
		      "leaves the child's", NULL);
		child_done();
	}
	await(s.up[0]);
	check(all_are(m + 4 * PG, 0, PG),
	      "untouched: the child's first write is not in the parent's "
	      "memory", NULL);
	fill(m + 5 * PG, 'p', PG);
	check(all_are(sh + 4 * PG, 'c', PG),
	      "untouched: the parent sees the child's first write to shared "
	      "memory", NULL);
	fill(sh + 5 * PG, 'p', PG);
	check(mmap((void *)m, 4 * PG, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == m &&
	      all_are(m, 0, 4 * PG),
	      "untouched: the parent maps new memory over the shared pages",
	      strerror(errno));
	tell(s.down[1]);
	check_child(wait_status(pid), "untouched: the child's checks");
	check(all_are(m + 5 * PG, 'p', PG),
	      "untouched: the parent keeps its own first write", NULL);
	pair_close(&s);
	munmap((void *)m, 16 * PG);
	munmap((void *)sh, 16 * PG);
}

/* ---- 7. a MAP_PRIVATE file mapping when the file changes ------------- */

static void private_file_changes(void)
{
	int fd = make_file("changes", 3, 'F');
	volatile char *m = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE,
				MAP_PRIVATE, fd, 0);
	char buf[3 * PG];
	struct pair s;
	pid_t pid;

	unlink(path);
	if (m == MAP_FAILED) {
		check(0, "file changes: mmap", strerror(errno));
		return;
	}
	fill(m, 'p', PG);	/* the parent's own copy of page 0 */
	(void)m[2 * PG];	/* page 2: the file's page, read */
	pair_open(&s);
	pid = xfork();
	if (pid == 0) {
		fill(m + PG, 'c', PG);
		tell(s.up[1]);
		await(s.down[0]);	/* the file has changed */
		/* mmap(2): whether a private mapping shows later changes
		 * of the file is unspecified — but not in pages already
		 * copied, which are this process's own memory. */
		check(all_are(m, 'p', PG),
		      "file changes: the child keeps the parent's copy made "
		      "before fork", NULL);
		check(all_are(m + PG, 'c', PG),
		      "file changes: the child keeps its own copy", NULL);
		child_done();
	}
	await(s.up[0]);
	check(file_page_is(fd, 0, 'F') && file_page_is(fd, 1, 'G') &&
	      file_page_is(fd, 2, 'H'),
	      "file changes: private writes never reach the file", NULL);
	fill(buf, 'N', sizeof(buf));
	check(pwrite(fd, buf, sizeof(buf), 0) == (ssize_t)sizeof(buf),
	      "file changes: the file is rewritten", strerror(errno));
	tell(s.down[1]);
	check_child(wait_status(pid), "file changes: the child's checks");
	check(all_are(m, 'p', PG),
	      "file changes: the parent keeps its own copy", NULL);
	printf("cow: file changes: an unwritten private page shows %s\n",
	       m[2 * PG] == 'N' ? "the new file (as Linux does)" :
				  "the old file");
	pair_close(&s);
	munmap((void *)m, 3 * PG);
	close(fd);
}

/* ---- 8. madvise ------------------------------------------------------ */

static void fork_advice(void)
{
	volatile char *m = anon(3 * PG);
	int status;
	pid_t pid;

	if (!real_kernel) {
		printf("cow: madvise DONTFORK/WIPEONFORK: skipped (qemu-user "
		       "ignores them)\n");
		return;
	}
	fill(m, 'o', 3 * PG);
	check(madvise((void *)(m + PG), PG, MADV_DONTFORK) == 0 &&
	      madvise((void *)(m + 2 * PG), PG, MADV_WIPEONFORK) == 0,
	      "madvise: MADV_DONTFORK and MADV_WIPEONFORK", strerror(errno));
	pid = xfork();
	if (pid == 0) {
		check(all_are(m, 'o', PG),
		      "madvise: the child has the ordinary page", NULL);
		check(killed_by(probe(m + PG, 0), SIGSEGV),
		      "madvise: the child has no MADV_DONTFORK page", NULL);
		check(all_are(m + 2 * PG, 0, PG),
		      "madvise: the child's MADV_WIPEONFORK page reads zeros",
		      NULL);
		fill(m, 'c', PG);
		fill(m + 2 * PG, 'c', PG);
		child_done();
	}
	status = wait_status(pid);
	check_child(status, "madvise: the child's checks");
	check(all_are(m, 'o', 3 * PG),
	      "madvise: the parent keeps all three pages as they were", NULL);
	munmap((void *)m, 3 * PG);
}

/* ---- 8b. a thread writing while another forks ----------------------- */

static volatile int spin_stop;

static void *spinner(void *arg)
{
	volatile long *count = arg;

	while (!spin_stop)
		(*count)++;
	return NULL;
}

/* A thread of the parent keeps writing a page while the main thread
 * forks: the child's copy is the page as it was at the fork, and stays
 * so while the thread runs on (no translation of the parent's may still
 * write the page the child now shares). */
static void thread_writes_during_fork(void)
{
	volatile long *count = (volatile long *)anon(PG);
	struct timespec pause = { 0, 20 * 1000 * 1000 };
	long at_fork;
	pthread_t t;
	int status;
	pid_t pid;

	spin_stop = 0;
	if (pthread_create(&t, NULL, spinner, (void *)count)) {
		check(0, "thread: start a writer", NULL);
		return;
	}
	while (*count < 1000)
		sched_yield();
	pid = xfork();
	if (pid == 0) {
		at_fork = *count;
		nanosleep(&pause, NULL);	/* the parent's thread runs */
		_exit(*count != at_fork);
	}
	nanosleep(&pause, NULL);
	status = wait_status(pid);
	at_fork = *count;
	spin_stop = 1;
	pthread_join(t, NULL);
	check_child(status, "thread: the child's copy of a page another "
		    "thread writes does not change");
	check(*count >= at_fork,
	      "thread: the parent's thread wrote on through the fork", NULL);
	munmap((void *)count, PG);
}

/* ---- 9. vfork -------------------------------------------------------- */

static volatile int vfork_word;

static void vfork_shares(void)
{
	volatile char *m = anon(PG);
	int status;
	pid_t pid;

	if (!real_kernel) {
		printf("cow: vfork: skipped (qemu-user's vfork is a fork)\n");
		return;
	}
	m[0] = 'o';
	vfork_word = 1;
	pid = vfork();
	if (pid == 0) {
		vfork_word = 2;
		m[0] = 'v';
		_exit(0);
	}
	status = wait_status(pid);
	check(exited(status, 0) && vfork_word == 2 && m[0] == 'v',
	      "vfork: the child's writes are the parent's memory", NULL);
	munmap((void *)m, PG);
}

/* ---- 10. munmap, mprotect, mremap, brk, execve in one of the two ---- */

#define REGION_PAGES 2048	/* 8 MiB: whole page tables on both */

/* Pages [from, to) of m hold word i + add at their start? The count of
 * those that do not. */
static long region_wrong(volatile char *m, long from, long to, int add)
{
	long i, wrong = 0;

	for (i = from; i < to; i++)
		wrong += *page_word(m, i - from, 0) != (int)i + add;
	return wrong;
}

static void ranges_in_one(void)
{
	volatile char *m = anon_aligned(REGION_PAGES * PG, 4 * MiB);
	volatile char *moved;
	struct pair s;
	long i;
	pid_t pid;

	for (i = 0; i < REGION_PAGES; i++)
		*page_word(m, i, 0) = (int)i;

	/* The child punches a hole across a table boundary, makes the
	 * next MiB read-only and moves the one after. */
	pair_open(&s);
	pid = xfork();
	if (pid == 0) {
		check(munmap((void *)(m + 3 * MiB), 2 * MiB) == 0,
		      "ranges: the child unmaps 2 MiB in the middle",
		      strerror(errno));
		check(killed_by(probe(m + 4 * MiB, 0), SIGSEGV),
		      "ranges: the hole is gone in the child", NULL);
		check(mprotect((void *)(m + 5 * MiB), MiB, PROT_READ) == 0 &&
		      killed_by(probe(m + 5 * MiB + 8 * PG, 1), SIGSEGV),
		      "ranges: the child makes the next MiB read-only",
		      strerror(errno));
		moved = mremap((void *)(m + 6 * MiB), MiB, 2 * MiB,
			       MREMAP_MAYMOVE);
		check(moved != MAP_FAILED && moved != m + 6 * MiB &&
		      killed_by(probe(m + 6 * MiB, 0), SIGSEGV),
		      "ranges: the child moves the MiB after", strerror(errno));
		if (moved == MAP_FAILED)
			child_done();
		check(region_wrong(moved, 1536, 1792, 0) == 0 &&
		      all_are(moved + MiB, 0, MiB),
		      "ranges: the moved pages keep their contents, the new "
		      "ones are zeros", NULL);
		for (i = 0; i < 256; i++)
			*page_word(moved, i, 0) = -1;
		tell(s.up[1]);
		await(s.down[0]);
		check(region_wrong(m, 0, 768, 0) == 0 &&
		      region_wrong(m + 5 * MiB, 1280, 1536, 0) == 0 &&
		      region_wrong(m + 7 * MiB, 1792, 2048, 0) == 0,
		      "ranges: the child's pages do not see the parent's writes",
		      NULL);
		child_done();
	}
	await(s.up[0]);
	check(region_wrong(m, 0, REGION_PAGES, 0) == 0,
	      "ranges: the parent's 8 MiB are whole after the child's "
	      "munmap, mprotect and mremap", NULL);
	for (i = 0; i < REGION_PAGES; i++)
		*page_word(m, i, 0) = (int)i + 0x10000;
	tell(s.down[1]);
	check_child(wait_status(pid), "ranges: the child's checks");
	check(region_wrong(m, 0, REGION_PAGES, 0x10000) == 0,
	      "ranges: the parent's writes stand, in the child's hole too",
	      NULL);
	pair_close(&s);

	/* The parent unmaps and protects while a child shares the pages. */
	pair_open(&s);
	pid = xfork();
	if (pid == 0) {
		await(s.down[0]);
		check(region_wrong(m, 0, REGION_PAGES, 0x10000) == 0,
		      "ranges: the child's 8 MiB are whole after the parent's "
		      "munmap and mprotect", NULL);
		fill(m + 3 * MiB, 'c', PG);	/* writable in the child */
		child_done();
	}
	check(munmap((void *)(m + MiB), 2 * MiB) == 0 &&
	      mprotect((void *)(m + 3 * MiB), 4 * MiB, PROT_READ) == 0,
	      "ranges: the parent unmaps 2 MiB and makes 4 MiB read-only",
	      strerror(errno));
	tell(s.down[1]);
	check_child(wait_status(pid), "ranges: the child's checks (2)");
	check(region_wrong(m + 3 * MiB, 768, 2048, 0x10000) == 0,
	      "ranges: the parent's read-only pages are as they were", NULL);
	pair_close(&s);
	munmap((void *)m, REGION_PAGES * PG);
}

/* The child moves memory (mremap MREMAP_FIXED) into a hole of a page
 * table it still shares with its parent: the moved pages are the
 * child's alone, and new memory the parent maps into its own hole there
 * reads zeros. */
static void mremap_into_shared_table(void)
{
	volatile char *m = anon_aligned(REGION_PAGES * PG, 4 * MiB);
	volatile char *to = m + 2 * MiB, *moved;
	struct pair s;
	long i;
	pid_t pid;

	for (i = 0; i < REGION_PAGES; i++)
		*page_word(m, i, 0) = (int)i;
	munmap((void *)to, MiB);	/* pages 512-767: a hole in a table */
	pair_open(&s);
	pid = xfork();
	if (pid == 0) {
		moved = mremap((void *)(m + 5 * MiB), MiB, MiB,
			       MREMAP_MAYMOVE | MREMAP_FIXED, (void *)to);
		check(moved == to && region_wrong(to, 1280, 1536, 0) == 0 &&
		      killed_by(probe(m + 5 * MiB, 0), SIGSEGV),
		      "mremap: the child moves 1 MiB into a hole beside shared "
		      "pages", strerror(errno));
		for (i = 0; i < 256; i++)
			*page_word(to, i, 1) = 'c';
		tell(s.up[1]);
		await(s.down[0]);
		check(region_wrong(m, 0, 512, 0) == 0 &&
		      region_wrong(to, 1280, 1536, 0) == 0 &&
		      region_wrong(m + 3 * MiB, 768, 1280, 0) == 0,
		      "mremap: the child's pages are whole after the parent "
		      "filled its hole", NULL);
		child_done();
	}
	await(s.up[0]);
	check(region_wrong(m, 0, 512, 0) == 0 &&
	      region_wrong(m + 3 * MiB, 768, REGION_PAGES, 0) == 0,
	      "mremap: the parent's pages are where they were", NULL);
	check(mmap((void *)to, MiB, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == to &&
	      all_are(to, 0, MiB),
	      "mremap: new memory in the parent's hole reads zeros, not the "
	      "child's moved pages", strerror(errno));
	fill(to, 'p', MiB);
	tell(s.down[1]);
	check_child(wait_status(pid), "mremap: the child's checks");
	pair_close(&s);
	munmap((void *)m, REGION_PAGES * PG);
}

static void brk_in_child(void)
{
	char *start = sbrk(0), *base, *top;
	intptr_t pad = -(intptr_t)start & (PG - 1);	/* to a page boundary */
	int status;
	long i;
	pid_t pid;

	if (start == (char *)-1 || sbrk(pad + MiB) == (void *)-1) {
		check(0, "brk: grow the heap by 1 MiB", strerror(errno));
		return;
	}
	base = start + pad;
	top = base + MiB;
	for (i = 0; i < 256; i++)
		*page_word(base, i, 0) = (int)i;
	pid = xfork();
	if (pid == 0) {
		check(sbrk(-(intptr_t)(MiB / 2)) != (void *)-1 &&
		      sbrk(MiB / 2) != (void *)-1,
		      "brk: the child shrinks its heap and grows it again",
		      strerror(errno));
		check(region_wrong(base, 0, 128, 0) == 0 &&
		      all_are(base + MiB / 2, 0, MiB / 2),
		      "brk: the child's low half is kept, the regrown half is "
		      "zeros", NULL);
		fill(base + MiB / 2, 'c', MiB / 2);
		child_done();
	}
	status = wait_status(pid);
	check_child(status, "brk: the child's checks");
	check(region_wrong(base, 0, 256, 0) == 0,
	      "brk: the parent's heap is whole", NULL);
	if (sbrk(0) == top)
		sbrk(-(pad + (intptr_t)MiB));
}

static void exec_in_child(void)
{
	volatile char *m = anon(16 * PG);
	int status;
	pid_t pid;

	fill(m, 'o', 16 * PG);
	pid = xfork();
	if (pid == 0) {
		fill(m, 'c', PG);
		execl(self, "test_cow", "exit42", (char *)NULL);
		_exit(errno == ENOEXEC ? 99 : 98);
	}
	status = wait_status(pid);
	if (!on_clonix && exited(status, 99)) {
		printf("cow: execve in a child: skipped (ENOEXEC: no binfmt "
		       "for qemu-user)\n");
	} else {
		check(exited(status, 42), "execve: a child with shared pages "
		      "runs another program", NULL);
	}
	check(all_are(m, 'o', 16 * PG), "execve: the parent's pages are kept",
	      NULL);
	munmap((void *)m, 16 * PG);
}

/* ---- 11. files that shrink ------------------------------------------ */

static void truncated_mapping(void)
{
	int fd = make_file("trunc", 3, 'T');
	volatile char *m = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE,
				MAP_PRIVATE, fd, 0);
	struct pair s;
	pid_t pid;

	unlink(path);
	if (m == MAP_FAILED) {
		check(0, "truncate: mmap", strerror(errno));
		return;
	}
	(void)m[PG];		/* page 1: the file's, read */
	fill(m + 2 * PG, 'p', PG);	/* page 2: a private copy */
	pair_open(&s);
	pid = xfork();
	if (pid == 0) {
		await(s.down[0]);
		check(m[0] == 'T' && m[PG + 50] == 'U',
		      "truncate: the child reads what lies before the end",
		      NULL);
		check(killed_by(probe(m + 2 * PG, 0), SIGBUS),
		      "truncate: the child's page past the end is SIGBUS, its "
		      "copy too", NULL);
		child_done();
	}
	check(ftruncate(fd, PG + 100) == 0, "truncate: to a page and a bit",
	      strerror(errno));
	tell(s.down[1]);
	check_child(wait_status(pid), "truncate: the child's checks");
	check(m[0] == 'T' && m[PG + 50] == 'U',
	      "truncate: the parent reads what lies before the end", NULL);
	check(killed_by(probe(m + 2 * PG, 0), SIGBUS),
	      "truncate: the parent's page past the end is SIGBUS, its copy "
	      "too (mmap(2))", NULL);
	check(killed_by(probe(m + 2 * PG, 1), SIGBUS),
	      "truncate: a write there is SIGBUS as well", NULL);
	pair_close(&s);
	munmap((void *)m, 3 * PG);
	close(fd);
}

/* Copy this program's file to path, size bytes of it (all if -1),
 * executable. */
static int copy_self(const char *to, long size)
{
	char buf[PG];
	int in = open(self, O_RDONLY), out;
	ssize_t n;
	long done = 0;

	out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	if (in < 0 || out < 0)
		return -1;
	while ((n = read(in, buf, sizeof(buf))) > 0) {
		if (write(out, buf, n) != n)
			return -1;
		done += n;
	}
	close(in);
	if (size >= 0 && ftruncate(out, size))
		return -1;
	close(out);
	return done;
}

/* The end of an execve of a broken program: it failed, or the process
 * died of SIGBUS or SIGSEGV — anything but the kernel's end. */
static int broken_exec_outcome(int status)
{
	return exited(status, 97) || killed_by(status, SIGBUS) ||
	       killed_by(status, SIGSEGV);
}

static void truncated_program(void)
{
	char detail[96], to[64];
	int ready[2], go[2], status, truncated, err, fd;
	long size, off, last;
	volatile char *image;
	volatile int sum = 0;
	pid_t pid;

	/* A static program, mapped (read, not run) by this process, cut in
	 * half, then run. */
	snprintf(to, sizeof(to), "/tmp/cow_half.%d", getpid());
	size = copy_self(to, -1);
	fd = open(to, O_RDONLY);
	image = size > 0 && fd >= 0 ? mmap(NULL, size, PROT_READ, MAP_PRIVATE,
					   fd, 0) : MAP_FAILED;
	if (image == MAP_FAILED) {
		check(0, "truncated program: copy and map it", strerror(errno));
		return;
	}
	for (off = 0; off < size; off += PG)
		sum += image[off];	/* every page mapped */
	if (truncate(to, size / 2)) {
		check(0, "truncated program: cut it in half", strerror(errno));
		return;
	}
	last = (size / 2 + PG - 1) & ~(PG - 1);	/* the first page past EOF */
	check(!memcmp((char *)image, "\177ELF", 4) &&
	      killed_by(probe(image + last, 0), SIGBUS) &&
	      killed_by(probe(image + size - 1, 0), SIGBUS),
	      "truncated program: its mapping reads the head, SIGBUS past the "
	      "new end", NULL);
	pid = xfork();
	if (pid == 0) {
		execl(to, "cow_half", "exit42", (char *)NULL);
		printf("cow: execve of half a program: %s\n",
		       strerrorname_np(errno));
		_exit(97);
	}
	status = wait_status(pid);
	describe(status, detail, sizeof(detail));
	if (!exited(status, 97))
		printf("cow: execve of half a program: %s\n", detail);
	check(broken_exec_outcome(status),
	      "truncated program: execve of half a program fails or kills "
	      "that process", detail);
	munmap((void *)image, size);
	close(fd);
	unlink(to);

	/* A program cannot be cut while it runs: ETXTBSY (truncate(2)),
	 * and it runs on. */
	snprintf(to, sizeof(to), "/tmp/cow_run.%d", getpid());
	size = copy_self(to, -1);
	if (size <= 0 || pipe(ready) || pipe(go)) {
		check(0, "truncated program: copy it again", strerror(errno));
		return;
	}
	pid = xfork();
	if (pid == 0) {
		char r[16], g[16];

		snprintf(r, sizeof(r), "%d", ready[1]);
		snprintf(g, sizeof(g), "%d", go[0]);
		execl(to, "cow_run", "sleeper", r, g, (char *)NULL);
		_exit(97);
	}
	close(ready[1]);
	close(go[0]);
	if (!await(ready[0])) {
		status = wait_status(pid);
		describe(status, detail, sizeof(detail));
		check(!on_clonix && exited(status, 97),
		      "truncated program: the copy starts", detail);
		close(ready[0]);
		close(go[1]);
		unlink(to);
		return;
	}
	truncated = truncate(to, size / 2);
	err = errno;
	tell(go[1]);
	status = wait_status(pid);
	describe(status, detail, sizeof(detail));
	printf("cow: truncate of a running program: %s; it %s\n",
	       truncated ? strerror(err) : "done", detail);
	check(truncated && err == ETXTBSY,
	      "truncated program: truncate of a running program is ETXTBSY",
	      truncated ? strerror(err) : "it was truncated");
	check(exited(status, 7), "truncated program: and it runs on", detail);
	close(ready[0]);
	close(go[1]);
	unlink(to);
}

/* The "sleeper" mode: run from a copy of this file, wait until told,
 * then run code all over the program (stdio, formatting, the heap). */
static int sleeper(int ready, int go)
{
	char buf[256], *heap;

	tell(ready);
	await(go);
	heap = malloc(64 * 1024);
	snprintf(buf, sizeof(buf), "%s %g %Lf", "sleeper", 1.5, 2.5L);
	fill(heap, 'h', 64 * 1024);
	return 7 + (strlen(buf) == 0) + (heap[100] != 'h');
}

/* ---- Clonix only: what pages cost ----------------------------------- */

/* Touch (write) one byte in each of n pages from p. */
static void touch_pages(volatile char *p, long n, long stride, char c)
{
	long i;

	for (i = 0; i < n; i++)
		p[i * stride * PG] = c;
}

static void reserve(void)
{
	size_t size = 1024 * MiB;
	long f0, f1, f2, f3, cost;
	char detail[96];
	volatile char *m;
	long i, zero = 0;

	f0 = meminfo_free_pages();
	m = mmap(NULL, size, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	check(m != MAP_FAILED, "reserve: mmap 1 GiB MAP_NORESERVE",
	      strerror(errno));
	if (m == MAP_FAILED)
		return;
	f1 = meminfo_free_pages();
	/* One page in each 4 MiB: 256 pages, each in a page table of its
	 * own (tables map 2 MiB on RISC-V, 4 MiB on i386). */
	touch_pages(m, 256, 1024, 'x');
	f2 = meminfo_free_pages();
	for (i = 0; i < 256; i++)
		zero += m[i * 1024 * PG] == 'x' && m[i * 1024 * PG + 1] == 0;
	check(zero == 256, "reserve: touched pages hold their write and zeros",
	      NULL);
	check(munmap((void *)m, size) == 0, "reserve: munmap the 1 GiB",
	      strerror(errno));
	f3 = meminfo_free_pages();
	if (f0 < 0) {
		printf("cow: reserve: page counts skipped (not Clonix)\n");
		return;
	}
	printf("cow: reserve: mmap cost %ld pages, 256 touches %ld, munmap "
	       "gave back %ld\n", f0 - f1, f1 - f2, f3 - f2);
	snprintf(detail, sizeof(detail), "%ld pages", f0 - f1);
	check(f0 - f1 <= 2, "reserve: the reservation costs at most 2 pages",
	      detail);
	cost = f1 - f2;
	snprintf(detail, sizeof(detail), "%ld pages", cost);
	check(cost >= 256 && cost <= 2 * 256 + 4,
	      "reserve: 256 touched pages cost 256 pages and their tables",
	      detail);
	snprintf(detail, sizeof(detail), "%ld before, %ld after", f0, f3);
	check(labs(f0 - f3) <= SLACK,
	      "reserve: munmap gives it all back", detail);
}

static void exhaust(void)
{
	long f0 = meminfo_free_pages(), f1;
	char detail[96];
	int status;
	pid_t pid;

	pid = xfork();
	if (pid == 0) {
		volatile char *m = mmap(NULL, 1024 * MiB,
					PROT_READ | PROT_WRITE,
					MAP_PRIVATE | MAP_ANONYMOUS |
						MAP_NORESERVE, -1, 0);

		if (m == MAP_FAILED)
			_exit(3);
		touch_pages(m, 1024 * MiB / PG, 1, 'x');
		_exit(0);	/* 1 GiB in a 128 MiB machine: never */
	}
	check_killed(wait_status(pid), SIGKILL,
		     "exhaust: touching 1 GiB kills that process with SIGKILL");

	/* The same through the kernel: read() from /dev/zero fills the
	 * reservation, copy_to_user faulting the pages in. */
	pid = xfork();
	if (pid == 0) {
		char *m = mmap(NULL, 1024 * MiB, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
			       -1, 0);
		int zero = open("/dev/zero", O_RDONLY);
		size_t off;

		if (m == MAP_FAILED || zero < 0)
			_exit(3);
		for (off = 0; off < 1024 * MiB; off += MiB) {
			ssize_t n = read(zero, m + off, MiB);

			if (n < 0)
				_exit(errno == EFAULT || errno == ENOMEM ?
					      0 : 4);
			if (n < (ssize_t)MiB)
				_exit(0);	/* a short read */
		}
		_exit(5);
	}
	status = wait_status(pid);
	describe(status, detail, sizeof(detail));
	printf("cow: exhaust: read() into 1 GiB: the reader %s\n", detail);
	check(killed_by(status, SIGKILL) || exited(status, 0),
	      "exhaust: read() into 1 GiB is killed, or fails or stops short",
	      detail);
	f1 = meminfo_free_pages();
	snprintf(detail, sizeof(detail), "%ld before, %ld after", f0, f1);
	check(f0 < 0 || labs(f1 - f0) <= SLACK, "exhaust: every page came back",
	      detail);
}

/* Figures the child of cost() writes for its parent. */
struct cost_report {
	long after_fork, after_writes;
};

static void cost(void)
{
	const long pages = 32 * MiB / PG, n = 1024;
	volatile char *m = anon_aligned(32 * MiB, 4 * MiB);
	struct cost_report *rep = mmap(NULL, PG, PROT_READ | PROT_WRITE,
				       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	long f0, f3, f4, f5, f6, c;
	char detail[96];
	struct pair s;
	pid_t pid, kids[16];
	int i;

	if (meminfo_free_pages() < 0) {
		printf("cow: cost: skipped (not Clonix)\n");
		return;
	}
	touch_pages(m, pages, 1, 'o');
	rep->after_fork = rep->after_writes = -1;
	pair_open(&s);
	f0 = meminfo_free_pages();
	pid = fork();
	if (pid < 0) {
		check(0, "cost: fork of a process with 32 MiB touched",
		      strerror(errno));
		return;
	}
	if (pid == 0) {
		rep->after_fork = meminfo_free_pages();
		touch_pages(m, n, 8, 'c');	/* every 8th page */
		rep->after_writes = meminfo_free_pages();
		tell(s.up[1]);
		await(s.down[0]);
		_exit(0);
	}
	await(s.up[0]);
	c = f0 - rep->after_fork;
	printf("cow: cost: fork with 32 MiB touched: %ld pages\n", c);
	snprintf(detail, sizeof(detail), "%ld pages", c);
	check(c < 64, "cost: fork of a process with 32 MiB touched costs "
	      "fewer than 64 pages (not 8192)", detail);
	c = rep->after_fork - rep->after_writes;
	printf("cow: cost: the child's %ld writes: %ld pages\n", n, c);
	snprintf(detail, sizeof(detail), "%ld pages", c);
	check(c >= n && c <= n + 40,
	      "cost: each page the child writes costs one new page", detail);
	f3 = meminfo_free_pages();
	touch_pages(m + 4 * PG, n, 8, 'p');	/* other pages, still shared */
	f4 = meminfo_free_pages();
	c = f3 - f4;
	printf("cow: cost: the parent's %ld writes: %ld pages\n", n, c);
	snprintf(detail, sizeof(detail), "%ld pages", c);
	check(c >= n && c <= n + 40,
	      "cost: each shared page the parent writes costs one new page",
	      detail);
	tell(s.down[1]);
	wait_status(pid);
	f5 = meminfo_free_pages();
	snprintf(detail, sizeof(detail), "%ld before fork, %ld after", f0, f5);
	check(f5 - f0 <= 8 && f0 - f5 <= 8,
	      "cost: once the child is gone, the memory is as before fork",
	      detail);
	touch_pages(m, pages, 1, 'q');	/* the last user reuses its pages */
	f6 = meminfo_free_pages();
	snprintf(detail, sizeof(detail), "%ld pages", f5 - f6);
	check(f5 - f6 < 16,
	      "cost: writing all 32 MiB after the child exited costs nothing",
	      detail);
	check(m[0] == 'q' && m[4 * PG] == 'q' && m[(pages - 1) * PG] == 'q',
	      "cost: and the writes are there", NULL);
	pair_close(&s);

	/* Sixteen children alive at once. */
	pair_open(&s);
	f0 = meminfo_free_pages();
	for (i = 0; i < 16; i++) {
		kids[i] = fork();
		if (kids[i] == 0) {
			close(s.down[1]);
			await(s.down[0]);
			_exit(0);
		}
		if (kids[i] < 0) {
			check(0, "cost: 16 children of a 32 MiB process fit",
			      strerror(errno));
			break;
		}
	}
	f3 = meminfo_free_pages();
	c = i ? (f0 - f3) / i : -1;
	printf("cow: cost: %d children of a 32 MiB process: %ld pages each\n",
	       i, c);
	snprintf(detail, sizeof(detail), "%d children, %ld pages each", i, c);
	check(i == 16 && c < 64,
	      "cost: 16 children alive cost fewer than 64 pages each", detail);
	close(s.down[1]);	/* EOF: they all exit */
	while (i-- > 0)
		wait_status(kids[i]);
	pair_close(&s);
	munmap((void *)m, 32 * MiB);
	munmap(rep, PG);
}

/* ---- Clonix only: no memory left ------------------------------------ */

/* Shared between forkoom's processes: results no copy-on-write touches. */
struct oom_report {
	int forks, failures, other_errno, filler_ready, killed_kids;
};

/* Touch private pages until at most leave pages are free (16 at a time,
 * one at a time near the end); *at says where they are. */
static long fill_memory(long leave, char **at)
{
	char *m = mmap(NULL, 1024 * MiB, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	long n = 0, free;

	*at = m;
	if (m == MAP_FAILED)
		return -1;
	while ((free = meminfo_free_pages()) > leave) {
		long step = free > leave + 64 ? 16 : 1;

		touch_pages(m + n * PG, step, 1, 'f');
		n += step;
	}
	/* leave 0: the last page too, unless the next page would need a
	 * page table as well (at a 2 MiB boundary), which a fault with one
	 * free page could not have. */
	if (!leave && meminfo_free_pages() == 1 && (n * PG) % (2 * MiB))
		touch_pages(m + n++ * PG, 1, 1, 'f');
	return n;
}

static void fork_when_exhausted(long leave)
{
	struct oom_report *rep = mmap(NULL, sizeof(*rep),
				      PROT_READ | PROT_WRITE,
				      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int ready[2], go[2], hold[2], alive[2], status, i;
	char detail[128], what[96];
	pid_t filler, forker;

	if (rep == MAP_FAILED || pipe(ready) || pipe(go) || pipe(hold) ||
	    pipe(alive))
		return;
	memset(rep, 0, sizeof(*rep));
	/* The forker: one page in each of 64 page tables, so that a fork
	 * has tables to copy or share; it forks once the filler is done.
	 * Its children hold alive's write end and wait, taking no page,
	 * until this process lets go of hold. */
	forker = xfork();
	if (forker == 0) {
		volatile char *m = anon_aligned(256 * MiB, 4 * MiB);

		close(hold[1]);
		close(alive[0]);
		touch_pages(m, 64, 1024, 'k');
		tell(ready[1]);
		await(go[0]);
		for (i = 0; i < 1024 && rep->failures < 4; i++) {
			pid_t pid = fork();

			if (pid == 0) {
				char c;

				while (read(hold[0], &c, 1) > 0)
					;
				_exit(0);
			}
			if (pid > 0) {
				rep->forks++;
			} else {
				rep->failures++;
				if (errno != ENOMEM)
					rep->other_errno = errno;
			}
		}
		_exit(0);	/* its children end when hold closes */
	}
	close(alive[1]);
	await(ready[0]);
	filler = xfork();
	if (filler == 0) {
		char *at;

		fill_memory(leave, &at);
		rep->filler_ready = 1;
		tell(ready[1]);
		for (;;)
			pause();
	}
	await(ready[0]);
	tell(go[1]);
	status = wait_status(forker);
	kill(filler, SIGKILL);
	wait_status(filler);
	close(hold[1]);		/* the forker's children see EOF and end */
	await(alive[0]);	/* EOF: every one of them is gone */
	describe(status, detail, sizeof(detail));
	printf("cow: forkoom: %ld pages left: %d forks, then %d failures; "
	       "the forker %s\n", leave, rep->forks, rep->failures, detail);
	/* Forks may cost less than the forker's own copy-on-write faults
	 * after them (its children share its stack): then memory runs out
	 * at one of those, and the forker is the process killed. */
	snprintf(what, sizeof(what),
		 "forkoom (%ld pages left): fork failed, or the forker's next "
		 "write found no page", leave);
	check(rep->filler_ready &&
	      ((exited(status, 0) && rep->failures > 0) ||
	       killed_by(status, SIGKILL)), what, detail);
	snprintf(what, sizeof(what),
		 "forkoom (%ld pages left): every failure is ENOMEM", leave);
	snprintf(detail, sizeof(detail), "errno %s",
		 strerrorname_np(rep->other_errno) ?: "0");
	check(rep->other_errno == 0, what, detail);
	close(ready[0]);
	close(ready[1]);
	close(go[0]);
	close(go[1]);
	close(hold[0]);
	close(alive[0]);
	munmap(rep, sizeof(*rep));
	/* The children went to pid 1, which reaps them: test_cow.py counts
	 * the pages once it has. */
}

/*
 * Fork with memory exhausted, every failure point in turn: the filler
 * leaves one page free, and after each failed fork gives one page
 * back, so that the next attempt gets one allocation further into
 * copy_process — its kernel stack, its mm, its page tables one by one —
 * before it fails (Linux's fail-nth, done by memory pressure). Every
 * failure must be ENOMEM and undo exactly what it did, until a fork
 * succeeds. That fork may take the very last pages: then the forker's
 * first write after it (a copy-on-write fault: the child still shares
 * its stack) finds none, and the forker is killed with SIGKILL — as the
 * faulting process, Clonix's choice; its zombie child goes to pid 1.
 */
static void fork_step_by_step(void)
{
	struct oom_report *rep = mmap(NULL, sizeof(*rep),
				      PROT_READ | PROT_WRITE,
				      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	long f0 = meminfo_free_pages(), f1;
	int ready[2], req[2], ack[2], status;
	char detail[128];
	pid_t filler, forker;

	if (rep == MAP_FAILED || pipe(ready) || pipe(req) || pipe(ack))
		return;
	memset(rep, 0, sizeof(*rep));
	forker = xfork();
	if (forker == 0) {
		volatile char *m = anon_aligned(256 * MiB, 4 * MiB);
		int i;

		touch_pages(m, 64, 1024, 'k');
		tell(req[1]);		/* both pipes used once before */
		await(ack[0]);
		tell(ready[1]);
		await(ack[0]);		/* the filler is done */
		for (i = 0; i < 2000; i++) {
			pid_t pid = fork();

			if (pid == 0)
				_exit(0);
			if (pid > 0) {
				rep->forks = 1;
				rep->killed_kids = exited(wait_status(pid), 0);
				break;
			}
			rep->failures++;
			if (errno != ENOMEM)
				rep->other_errno = errno;
			tell(req[1]);	/* one page more, please */
			if (!await(ack[0]))
				break;
		}
		_exit(0);
	}
	filler = xfork();
	if (filler == 0) {
		char *at;
		long n;

		await(req[0]);
		tell(ack[1]);
		await(ready[0]);
		n = fill_memory(1, &at);
		rep->filler_ready = 1;
		tell(ack[1]);
		while (n > 0 && await(req[0])) {
			madvise(at + --n * PG, PG, MADV_DONTNEED);
			tell(ack[1]);
		}
		for (;;)
			pause();
	}
	status = wait_status(forker);
	kill(filler, SIGKILL);
	wait_status(filler);
	describe(status, detail, sizeof(detail));
	printf("cow: forkoom step by step: %d failures, then a fork; the "
	       "forker %s\n", rep->failures, detail);
	check(rep->filler_ready && rep->failures > 0,
	      "forkoom step by step: fork fails at each step", NULL);
	check((exited(status, 0) && rep->forks == 1 &&
	       rep->killed_kids == 1) || killed_by(status, SIGKILL),
	      "forkoom step by step: until one succeeds (and the forker "
	      "lives on, or finds no page for its next write)", detail);
	snprintf(detail, sizeof(detail), "errno %s",
		 strerrorname_np(rep->other_errno) ?: "0");
	check(rep->other_errno == 0,
	      "forkoom step by step: every failure is ENOMEM", detail);
	close(ready[0]);
	close(ready[1]);
	close(req[0]);
	close(req[1]);
	close(ack[0]);
	close(ack[1]);
	munmap(rep, sizeof(*rep));
	if (!exited(status, 0))
		return;	/* pid 1 reaps the child: test_cow.py counts after */
	f1 = meminfo_free_pages();
	snprintf(detail, sizeof(detail), "%ld before, %ld after", f0, f1);
	check(labs(f1 - f0) <= SLACK,
	      "forkoom step by step: every page came back", detail);
}

/* What unshareoom's child did, for its parent to see. */
struct unshare_report {
	long ret[4];
	int err[4], done, checked, ok[4], intact;
	/* While memory is exhausted, the processes signal through these,
	 * not through pipes, whose writes may need a page. */
	volatile int fill, filled, go;
};

/* Yield until *flag is at least want, or pid (if any) is gone. */
static void wait_flag(volatile int *flag, int want, pid_t pid, int *status)
{
	while (*flag < want &&
	       (pid <= 0 || waitpid(pid, status, WNOHANG) == 0))
		sched_yield();
}

/* Touch a few pages of stack (and errno) so that their first writes
 * after the fork are behind this process before memory runs out. */
static void __attribute__((noinline)) own_stack_now(void)
{
	volatile char pad[4 * PG];

	fill(pad, 's', sizeof(pad));
	errno = 0;
	close(-1);
}

/*
 * munmap, mprotect, madvise and mremap, over 8 MiB whose page tables the
 * child still shares with its parent, with no free page left: each
 * needs the child's own copy of a table first. Each either works or
 * fails with ENOMEM having changed nothing (munmap(2): ENOMEM; mremap(2):
 * ENOMEM too) — and when memory is back, what each did (or did not) is
 * exactly what the child sees, while its parent's 8 MiB never change.
 */
static void unshare_without_memory(void)
{
	static const char *const ops[4] = { "munmap", "mprotect",
					     "madvise(MADV_DONTNEED)",
					     "mremap" };
	struct unshare_report *rep = mmap(NULL, PG, PROT_READ | PROT_WRITE,
					  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	volatile char *m = anon_aligned(REGION_PAGES * PG, 4 * MiB);
	int ready[2], status = -1, i;
	char what[128], detail[96];
	pid_t child, filler;
	long p;

	if (rep == MAP_FAILED || pipe(ready))
		return;
	memset(rep, 0, sizeof(*rep));
	for (p = 0; p < REGION_PAGES; p++)
		*page_word(m, p, 0) = (int)p;
	child = xfork();
	if (child == 0) {
		volatile char *moved;
		long ret;

		own_stack_now();
		tell(ready[1]);
		wait_flag(&rep->go, 1, 0, NULL);	/* no page left */
		ret = munmap((void *)(m + 3 * MiB), MiB);
		rep->err[0] = errno;
		rep->ret[0] = ret;
		ret = mprotect((void *)(m + 4 * MiB), MiB, PROT_READ);
		rep->err[1] = errno;
		rep->ret[1] = ret;
		ret = madvise((void *)(m + 5 * MiB), MiB, MADV_DONTNEED);
		rep->err[2] = errno;
		rep->ret[2] = ret;
		moved = mremap((void *)(m + 6 * MiB), MiB, 2 * MiB,
			       MREMAP_MAYMOVE);
		rep->err[3] = errno;
		rep->ret[3] = moved == MAP_FAILED ? -1 : 0;
		rep->done = 1;
		wait_flag(&rep->go, 2, 0, NULL);	/* memory is back */
		/* What each did, or did not. */
		rep->ok[0] = rep->ret[0] == 0 ?
			killed_by(probe(m + 3 * MiB + PG, 0), SIGSEGV) :
			region_wrong(m + 3 * MiB, 768, 1024, 0) == 0;
		status = probe(m + 4 * MiB, 1);
		rep->ok[1] = region_wrong(m + 4 * MiB, 1024, 1280, 0) == 0 &&
			     (rep->ret[1] == 0 ? killed_by(status, SIGSEGV) :
						 exited(status, 0));
		rep->ok[2] = rep->ret[2] == 0 ?
			all_are(m + 5 * MiB, 0, MiB) :
			region_wrong(m + 5 * MiB, 1280, 1536, 0) == 0;
		rep->ok[3] = rep->ret[3] == 0 ?
			region_wrong(moved, 1536, 1792, 0) == 0 &&
				killed_by(probe(m + 6 * MiB, 0), SIGSEGV) :
			region_wrong(m + 6 * MiB, 1536, 1792, 0) == 0;
		rep->intact = region_wrong(m, 0, 768, 0) == 0 &&
			      region_wrong(m + 7 * MiB, 1792, 2048, 0) == 0;
		rep->checked = 1;
		_exit(0);
	}
	await(ready[0]);
	filler = xfork();
	if (filler == 0) {
		char *at;

		wait_flag(&rep->fill, 1, 0, NULL);
		fill_memory(0, &at);
		rep->filled = 1;
		for (;;)
			pause();
	}
	own_stack_now();	/* this process's too, shared with both */
	rep->fill = 1;
	wait_flag(&rep->filled, 1, filler, NULL);
	rep->go = 1;		/* the child works */
	wait_flag(&rep->done, 1, child, &status);
	kill(filler, SIGKILL);
	wait_status(filler);
	rep->go = 2;
	if (rep->done)
		status = wait_status(child);
	describe(status, detail, sizeof(detail));
	printf("cow: unshareoom: the child %s", detail);
	for (i = 0; i < 4 && rep->done; i++)
		printf("; %s %s", ops[i], rep->ret[i] ? strerrorname_np(
						rep->err[i]) : "done");
	printf("\n");
	check(exited(status, 0) && rep->checked,
	      "unshareoom: the child lives through it", detail);
	for (i = 0; i < 4 && rep->checked; i++) {
		snprintf(what, sizeof(what),
			 "unshareoom: %s with no free page works or is ENOMEM",
			 ops[i]);
		check(rep->ret[i] == 0 || rep->err[i] == ENOMEM ||
		      (i == 2 && rep->err[i] == EAGAIN), what,
		      strerrorname_np(rep->err[i]));
		snprintf(what, sizeof(what),
			 "unshareoom: and the child sees what %s did or did "
			 "not do", ops[i]);
		check(rep->ok[i], what, NULL);
	}
	check(rep->intact, "unshareoom: the child's other pages are whole",
	      NULL);
	check(region_wrong(m, 0, REGION_PAGES, 0) == 0,
	      "unshareoom: the parent's 8 MiB are whole", NULL);
	close(ready[0]);
	close(ready[1]);
	munmap((void *)m, REGION_PAGES * PG);
	munmap(rep, PG);
}

/* Shared between cowoom's processes. */
struct cow_report {
	int fork_errno, parent_ok, child_ok, parent_done, child_done;
	pid_t fork_ret;
	int child_status;
};

/* Write every page of m (n pages, page i holding i) with mark, then
 * check them all: 1 when all is right. */
static int write_all_and_check(volatile char *m, long n, int mark)
{
	long i, wrong = 0;

	for (i = 0; i < n; i++)
		*page_word(m, i, 1) = mark;
	for (i = 0; i < n; i++)
		wrong += *page_word(m, i, 0) != (int)i ||
			 *page_word(m, i, 1) != mark;
	return wrong == 0;
}

static void cow_fault_without_memory(void)
{
	struct cow_report *rep = mmap(NULL, PG, PROT_READ | PROT_WRITE,
				      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	long f0 = meminfo_free_pages(), n = f0 * 6 / 10, i;
	int alive[2], status;
	char detail[128];
	pid_t parent;

	if (rep == MAP_FAILED || pipe(alive))
		return;
	memset(rep, 0, sizeof(*rep));
	rep->child_status = -1;
	/* Both ends of the test hold alive[1]: its read end sees EOF when
	 * both are gone, whoever reaped them. */
	parent = xfork();
	if (parent == 0) {
		volatile char *m = anon(n * PG);
		pid_t child;

		close(alive[0]);
		for (i = 0; i < n; i++)
			*page_word(m, i, 0) = (int)i;
		child = fork();
		if (child != 0) {	/* the report is the parent's to write */
			rep->fork_ret = child;
			rep->fork_errno = child < 0 ? errno : 0;
		}
		if (child < 0)
			_exit(0);
		if (child == 0) {
			rep->child_ok = write_all_and_check(m, n, 'C');
			rep->child_done = 1;
			_exit(0);
		}
		rep->parent_ok = write_all_and_check(m, n, 'P');
		rep->parent_done = 1;
		rep->child_status = wait_status(child);
		_exit(0);
	}
	close(alive[1]);
	await(alive[0]);	/* EOF: parent and child are gone */
	status = wait_status(parent);
	describe(status, detail, sizeof(detail));
	printf("cow: cowoom: %ld of %ld free pages touched; fork %s; the "
	       "parent %s, the child %s\n", n, f0,
	       rep->fork_ret > 0 ? "succeeded" :
				   strerrorname_np(rep->fork_errno),
	       rep->parent_done ? "finished" : detail,
	       rep->child_done ? "finished" : "did not finish");
	check(rep->fork_ret > 0,
	      "cowoom: fork of a process holding 60% of memory succeeds",
	      strerrorname_np(rep->fork_errno));
	if (rep->fork_ret > 0) {
		check(!rep->parent_done || !rep->child_done,
		      "cowoom: both writing all their pages cannot both finish",
		      NULL);
		check((rep->parent_done || killed_by(status, SIGKILL)) &&
		      (rep->child_done || !rep->parent_done ||
		       killed_by(rep->child_status, SIGKILL)),
		      "cowoom: the one that found no page was killed with "
		      "SIGKILL", detail);
		check((!rep->parent_done || rep->parent_ok) &&
		      (!rep->child_done || rep->child_ok),
		      "cowoom: whoever finished saw only its own writes", NULL);
	}
	close(alive[0]);
	munmap(rep, PG);
}

/* ---- main ------------------------------------------------------------ */

static const struct scenario {
	const char *name;
	void (*run)(void);
} scenarios[] = {
	{ "own writes", own_writes },
	{ "three generations", generations },
	{ "stack", stack_cow },
	{ "mprotect", mprotect_cow },
	{ "MADV_DONTNEED and signal frame", dontneed_and_signal_frame },
	{ "kernel writes", kernel_writes },
	{ "8 MiB", many_pages },
	{ "untouched pages", untouched_pages },
	{ "file changes", private_file_changes },
	{ "madvise", fork_advice },
	{ "thread", thread_writes_during_fork },
	{ "vfork", vfork_shares },
	{ "ranges", ranges_in_one },
	{ "mremap into a shared table", mremap_into_shared_table },
	{ "brk", brk_in_child },
	{ "execve", exec_in_child },
	{ "truncate", truncated_mapping },
	{ "truncated program", truncated_program },
};

/* Each scenario in a process of its own, so that on Clonix the free
 * pages afterwards can be compared with those before: with exact (a run
 * after a warm-up one, whose first use of each kernel cache is done),
 * every page must have come back. */
static void run_scenarios(int exact)
{
	char what[96], detail[64];
	size_t i;
	pid_t pid;

	/* This process's own first use of its stack and data — the first
	 * read() of /proc/meminfo (which may fault in a page after the
	 * kernel counted), printf, fork and wait — lies outside every
	 * measurement. */
	meminfo_free_pages();
	printf("cow: %zu scenarios, each in a process of its own\n",
	       sizeof(scenarios) / sizeof(scenarios[0]));
	pid = xfork();
	if (pid == 0)
		_exit(0);
	wait_status(pid);
	for (i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++) {
		long before = meminfo_free_pages(), after;

		pid = xfork();

		if (pid == 0) {
			scenarios[i].run();
			child_done();
		}
		snprintf(what, sizeof(what), "%s: all its checks passed",
			 scenarios[i].name);
		check_child(wait_status(pid), what);
		after = meminfo_free_pages();
		if (before < 0)
			continue;
		snprintf(what, sizeof(what), "%s: every page came back",
			 scenarios[i].name);
		snprintf(detail, sizeof(detail), "%ld before, %ld after", before,
			 after);
		if (exact)
			check(after == before, what, detail);
		else if (after != before)
			printf("cow: %s: %s (a first run may grow caches)\n",
			       scenarios[i].name, detail);
	}
}

int main(int argc, char **argv)
{
	static char exe[256];
	struct utsname u;
	const char *mode = argc > 1 ? argv[1] : "";
	ssize_t n;

	if (!strcmp(mode, "exit42"))
		return 42;
	if (!strcmp(mode, "sleeper") && argc == 4)
		return sleeper(atoi(argv[2]), atoi(argv[3]));
	check_prog = "cow";
	setvbuf(stdout, NULL, _IONBF, 0);
	on_clonix = running_on_clonix();
	real_kernel = on_clonix ||
		      (uname(&u) == 0 && !strcmp(u.machine, "x86_64"));
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	self = n > 0 ? (exe[n] = 0, exe) : "/bin/test_cow";

	if (!strcmp(mode, "reserve")) {
		reserve();
	} else if (!strcmp(mode, "exhaust")) {
		exhaust();
	} else if (!strcmp(mode, "cost")) {
		cost();
	} else if (!strcmp(mode, "forkoom")) {
		fork_when_exhausted(32);
		fork_when_exhausted(600);
		fork_step_by_step();
	} else if (!strcmp(mode, "cowoom")) {
		cow_fault_without_memory();
		unshare_without_memory();
	} else if (!*mode || !strcmp(mode, "exact")) {
		run_scenarios(*mode != 0);
	} else {
		fprintf(stderr, "usage: test_cow [exact|reserve|exhaust|cost|"
				"forkoom|cowoom]\n");
		return 2;
	}
	return check_summary();
}
