/* fuzz: a system-call fuzzer (issue 14). It makes random system calls
 * with hostile arguments and checks, after every batch of them, that the
 * kernel still answers, lost no memory and lost no task.
 *
 *   fuzz [-s SEED] [-n CALLS] [-b BATCH] [-f FIRST] [-o FILE] [-t SECONDS]
 *        [-u UID] [-v]
 *
 * -s: the seed (printed at the start: the same seed replays the same
 *     calls); -n: how many calls in all (default 20000); -b: calls per
 *     batch (500); -f: the first batch's number (a batch's calls depend
 *     only on the seed and its number: -f 15 -n 500 replays batch 15
 *     alone); -o: the output to FILE (no kernel note can land in the
 *     middle of a line there); -t: a batch's time limit (20 s); -u: the uid batches run as
 *     (65534, nobody); -v: print every call, number and arguments, before
 *     it is made, so the last line before a crash names it.
 *
 * The calls: numbers drawn from this architecture's own table (the
 * kernel's arch/<arch>/kernel/syscall table, turned into fuzz_syscalls.h
 * by the Makefile), plus unknown, huge and negative numbers; fork, clone,
 * exit, wait4, mmap and munmap are drawn more often (process creation is
 * what Clonix is about). Arguments come from a pool: 0, +-1, small ints,
 * valid buffers and their last byte, the byte before an unmapped page, an
 * unterminated string ending there, path names, unmapped and kernel
 * addresses, the top of user space, ~0, recent pids, fds 0-10, huge sizes
 * and offsets, reboot's magic numbers. One call in eight has one of its
 * first allocations fail (/proc/self/fail-nth): error paths, fuzzed.
 *
 * A batch runs in a child of this program, which stays root and only
 * watches. The child becomes nobody first (setuid), so the permission
 * checks are what stop it from killing its parent or the shell
 * (kill(-1)/kill(0) reach only the batch's own processes), powering the
 * machine off (reboot: EPERM) or touching root's files; and so that those
 * checks themselves are fuzzed. It also gets limits: RLIMIT_NPROC (a fork
 * bomb stops), RLIMIT_FSIZE (no file fills memory), a scratch directory as
 * its cwd, handlers for the signals that would end it, and a 10 ms
 * interval timer whose SIGALRM interrupts calls that would block for ever.
 * exit and exit_group are made only by forked children, so a batch runs
 * to its end; a child of clone or vfork exits at once, in assembly, since
 * it may share our stack. Calls that could only unmap or change the
 * program itself are not made (see spares_self).
 *
 * The parent enforces the time limit and kills a batch idle for 1.5 s
 * (SIGKILL), and is a child subreaper: every process a batch leaves behind
 * comes back to it and is killed and reaped. Then it checks getpid and a
 * pipe round trip, the number of tasks in /proc, /proc/meminfo's MemFree +
 * Slab (a slab's pages move between the two as objects land in other
 * slabs, so the sum is what must come back) + this program's own resident
 * pages (/proc/self/stat's rss: its stack or heap may reach a new page
 * during a run), and every cache's active objects in /proc/slabinfo,
 * against a baseline taken after two warm-up batches (a batch may end
 * with less in use than the baseline, when something from before it is
 * freed late: the baseline follows). Before that check, names the batch
 * made outside its scratch directory (in /tmp, say) are removed and
 * counted as litter: files a program leaves are not memory the kernel
 * lost. The last line it prints:
 *   fuzz: summary: seed 0x... calls N batches B ... leaks 0 lost 0 dead 0
 *   seconds S litter L
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The architecture's system calls, {number, name}, from the kernel's own
 * table (generated: see the Makefile's fuzz block). */
static const struct syscall_entry {
	long nr;
	const char *name;
} table[] = {
#include "fuzz_syscalls.h"
};
#define NTABLE (sizeof(table) / sizeof(table[0]))

#define PAGE 4096UL
#if defined(__riscv)
#define TASK_TOP 0x4000000000UL		/* Sv39's user half */
#define KERNEL_ADDR 0xffffffff80000000UL
#define FORK_NR SYS_clone		/* with SIGCHLD: fork */
#define MMAP_NR SYS_mmap		/* offset in bytes */
#elif defined(__i386__)
#define TASK_TOP 0xc0000000UL
#define KERNEL_ADDR 0xc0100000UL
#define FORK_NR SYS_fork
#define MMAP_NR SYS_mmap2		/* offset in pages */
#else
#error "fuzz: RISC-V or i386"
#endif
#define ARENA_ADDR 0x20000000UL		/* our buffers, away from the rest */
#define COUNT_ADDR 0x2e5a7000UL		/* the shared call counter */
#define NBUF 4				/* buffers, each before a hole */
#define LOGFD 200			/* the batch's log: a pipe */
#define FAILFD 201			/* the process's own fail-nth */
#define NRECENT 8
#define STALL_MS 1500			/* no call made for this long: stuck */

extern char __executable_start[];

/*
 * The raw call, in assembly: nr and six arguments, no errno. The _fork
 * variant is for calls that may make a task (clone, fork, vfork): where
 * it returns 0, the new task exits on the spot without touching memory,
 * because it may be running on our stack or on a random one.
 */
long fuzz_call(long a0, long a1, long a2, long a3, long a4, long a5, long nr);
long fuzz_call_fork(long a0, long a1, long a2, long a3, long a4, long a5,
		    long nr);
#if defined(__riscv)
__asm__(".text\n.globl fuzz_call\nfuzz_call:\n"
	"	mv a7, a6\n	ecall\n	ret\n"
	".globl fuzz_call_fork\nfuzz_call_fork:\n"
	"	mv a7, a6\n	ecall\n	bnez a0, 1f\n"
	"	li a7, 93\n	li a0, 0\n	ecall\n"	/* exit(0) */
	"1:	ret\n");
#else
__asm__(".text\n.globl fuzz_call\nfuzz_call:\n"
	"	push %ebp\n	push %edi\n	push %esi\n	push %ebx\n"
	"	mov 20(%esp), %ebx\n	mov 24(%esp), %ecx\n"
	"	mov 28(%esp), %edx\n	mov 32(%esp), %esi\n"
	"	mov 36(%esp), %edi\n	mov 40(%esp), %ebp\n"
	"	mov 44(%esp), %eax\n	int $0x80\n"
	"	pop %ebx\n	pop %esi\n	pop %edi\n	pop %ebp\n	ret\n"
	".globl fuzz_call_fork\nfuzz_call_fork:\n"
	"	push %ebp\n	push %edi\n	push %esi\n	push %ebx\n"
	"	mov 20(%esp), %ebx\n	mov 24(%esp), %ecx\n"
	"	mov 28(%esp), %edx\n	mov 32(%esp), %esi\n"
	"	mov 36(%esp), %edi\n	mov 40(%esp), %ebp\n"
	"	mov 44(%esp), %eax\n	int $0x80\n"
	"	test %eax, %eax\n	jnz 1f\n"
	"	mov $1, %eax\n	xor %ebx, %ebx\n	int $0x80\n"	/* exit(0) */
	"1:	pop %ebx\n	pop %esi\n	pop %edi\n	pop %ebp\n	ret\n");
#endif

/* ---- the random numbers: xorshift64*, seeded through splitmix64 ---- */
static uint64_t rng;

static uint64_t splitmix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

static uint64_t next(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545f4914f6cdd1dULL;
}

static unsigned long below(unsigned long n)
{
	return n ? (unsigned long)(next() % n) : 0;
}

static void seed_rng(uint64_t seed)
{
	rng = splitmix(seed) | 1;	/* xorshift must not start at 0 */
}

/* ---- what a batch knows: its buffers, recent pids and mappings ---- */
static char *bufs[NBUF];	/* each one page, an unmapped page after */
static char *paths;		/* a read-only page of path names */
static long recent_pid[NRECENT];
static unsigned long recent_map[NRECENT], recent_len[NRECENT];
static int depth;		/* 0 in a batch's own process */
static long batch_no;
static unsigned long *shared_count;	/* calls made, all processes */
static int verbose;
static int failfd = -1;		/* our /proc/self/fail-nth, at FAILFD */

/* What the program itself is made of (text, data, heap, stack, vDSO, the
 * shared counter), from /proc/self/maps when the batch starts: munmap,
 * mprotect, mremap, madvise, brk and mmap(MAP_FIXED) over it would only
 * end the batch, every time, the same way; they are not made. */
#define MAXKEEP 32
static unsigned long keep_lo[MAXKEEP], keep_hi[MAXKEEP];
static int nkeep;

static const char *const path_names[] = {
	"f", "g", "d", "d/f", ".", "..", "/", "", "/bin/true",
	"/proc/self/status", "/proc/self/maps", "/dev/null", "/nonexistent/x",
	"f/", "//./f", "/proc", "/proc/1/status",
};
static unsigned long path_at[sizeof(path_names) / sizeof(path_names[0])];
#define NPATHS (sizeof(path_names) / sizeof(path_names[0]))

static void read_keep(void)
{
	static char maps[8192];
	int fd = open("/proc/self/maps", O_RDONLY);
	ssize_t n, total = 0;
	char *line;

	if (fd < 0)
		return;
	while ((n = read(fd, maps + total, sizeof(maps) - 1 - total)) > 0)
		total += n;
	close(fd);
	maps[total] = 0;
	for (line = strtok(maps, "\n"); line && nkeep < MAXKEEP;
	     line = strtok(NULL, "\n")) {
		unsigned long lo, hi;

		if (sscanf(line, "%lx-%lx", &lo, &hi) != 2 ||
		    (lo >= ARENA_ADDR && hi <= ARENA_ADDR + 16 * PAGE))
			continue;
		keep_lo[nkeep] = lo;
		keep_hi[nkeep++] = hi + (strstr(line, "[heap]") ? 1 << 20 : 0);
	}
}

/* Whether [a, a + len) touches the program itself (or wraps). */
static int hits_self(unsigned long a, unsigned long len)
{
	unsigned long end = a + len;

	if (end < a)
		return 1;
	for (int i = 0; i < nkeep; i++)
		if (a < keep_hi[i] && end > keep_lo[i] - PAGE)
			return 1;
	return 0;
}

/* The calls that would unmap or change the program itself. */
static int spares_self(long nr, const unsigned long *a)
{
	if (nr == SYS_munmap || nr == SYS_mprotect || nr == SYS_madvise)
		return !hits_self(a[0] & ~(PAGE - 1), a[1] + PAGE);
	if (nr == SYS_mremap)
		return !hits_self(a[0] & ~(PAGE - 1), a[1] + PAGE) &&
		       !((a[3] & 2 /* MREMAP_FIXED */) &&
			 hits_self(a[4] & ~(PAGE - 1), a[2] + PAGE));
	if (nr == MMAP_NR)
		return !(a[3] & 0x10 /* MAP_FIXED */) ||
		       !hits_self(a[0] & ~(PAGE - 1), a[1] + PAGE);
	if (nr == SYS_brk)
		return a[0] >= (unsigned long)sbrk(0) ||
		       a[0] < (unsigned long)__executable_start;
	return 1;
}

static void remember(long *ring, long v)
{
	memmove(ring + 1, ring, (NRECENT - 1) * sizeof(*ring));
	ring[0] = v;
}

static unsigned long an_address(void)
{
	char *b = bufs[below(NBUF)];

	switch (below(16)) {
	case 0: return (unsigned long)b;
	case 1: return (unsigned long)b + below(PAGE);
	case 2: return (unsigned long)b + PAGE - 1;	/* last byte */
	case 3: return (unsigned long)b + PAGE - 1 - below(16);
	case 4: return (unsigned long)bufs[0] + PAGE - 32; /* unterminated */
	case 5: case 6: return path_at[below(NPATHS)];
	case 7: return (unsigned long)b + PAGE;		/* unmapped */
	case 8: return below(2) ? 0 : below(PAGE);	/* the null page */
	case 9: return KERNEL_ADDR + (below(2) ? 0 : below(1 << 20) * 8);
	case 10: return ~0UL - below(PAGE);
	case 11: return TASK_TOP - 1 - below(8);	/* top of user space */
	case 12: return TASK_TOP - PAGE * (1 + below(2));
	case 13: return TASK_TOP;
	case 14: return recent_map[below(NRECENT)];
	default: return (unsigned long)b + below(8) * 8;
	}
}

static unsigned long a_value(void)
{
	static const unsigned long magic[] = {
		0xfee1dead, 672274793, 0x4321fedc, 0xcdef0123, 0x01234567,
		SIGKILL, SIGSTOP, SIGCHLD, SIGALRM, 0x7fffffff, 0x80000000UL,
	};

	switch (below(20)) {
	case 0: case 1: return 0;
	case 2: return 1;
	case 3: return ~0UL;				/* -1 */
	case 4: case 5: return below(65);		/* small ints */
	case 6: case 7: return below(11);		/* fds 0-10 */
	case 8: return recent_pid[below(NRECENT)];
	case 9: return (unsigned long)(long)-(long)below(4);
	case 10: return (unsigned long)next();
	case 11: return (unsigned long)(uint32_t)next();
	case 12: return 1UL << below(sizeof(long) * 8);	/* a flag */
	case 13: {					/* huge sizes */
		static const unsigned long huge[] = {
			0x7fffffff, 0x80000000UL, 0xffffffffUL, ~0UL >> 1,
			~0UL - PAGE + 1, PAGE * 1024 * 1024,
			(unsigned long)(1ULL << (sizeof(long) * 8 - 2)),
		};
		return huge[below(sizeof(huge) / sizeof(huge[0]))];
	}
	case 14: return PAGE * below(17) + below(2);
	case 15: return magic[below(sizeof(magic) / sizeof(magic[0]))];
	case 16: return (unsigned long)(~0UL >> 1) - below(2);	/* offsets */
	default: return an_address();
	}
}

static unsigned long an_arg(void)
{
	return below(2) ? an_address() : a_value();
}

/* ---- logging: a pipe to the parent, which copies it to the console ---- */
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	char line[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(line) - 1)
		n = sizeof(line) - 1;
	if (write(LOGFD, line, n) < 0) {
		/* the fuzz closed our log: nothing to say it with */
	}
}

static const char *name_of(long nr)
{
	for (unsigned i = 0; i < NTABLE; i++)
		if (table[i].nr == nr)
			return table[i].name;
	return "unknown";
}

static void start_timer(void);

/* Calls that change how signals are handled or blocked, or SIGALRM's
 * timer: after them the handlers and the timer are set up again, so later
 * calls still cannot block for ever or end the batch by a signal. */
static int touches_alarm(const char *name)
{
	return strstr(name, "sig") || strstr(name, "setmask") ||
	       strstr(name, "itimer") || strstr(name, "alarm");
}

static long do_call(long nr, unsigned long *a, int may_fork)
{
	unsigned long n;
	const char *name = name_of(nr);
	long r;
	/* Every draw a call needs is made up front, whatever happens next, so
	 * the stream of calls does not hang on results (a mapping's address,
	 * a call skipped): one call in eight has one of its first
	 * allocations fail (/proc/self/fail-nth), the error paths with random
	 * arguments; sigreturn, which takes its registers from our stack and
	 * so ends the batch (SIGSEGV) nearly every time, is made one time in
	 * eight. */
	int fail = below(8) == 0 ? 1 + (int)below(8) : 0;
	int skip_sigreturn = below(8) != 0;
	const char *not_made = NULL;

	if (!spares_self(nr, a))
		not_made = " not made: it hits the fuzzer itself";
	else if (strstr(name, "sigreturn") && skip_sigreturn)
		not_made = " not made: sigreturn, this time";
	if (failfd < 0 || not_made)
		fail = 0;
	/* i386's sigsuspend takes the mask itself: with SIGALRM in it, it
	 * would wait for ever, so SIGALRM is taken out. (rt_sigsuspend's
	 * mask is in memory the batch may have unmapped: a stall there is
	 * ended by the parent's watchdog.) */
#ifdef SYS_sigsuspend
	if (nr == SYS_sigsuspend)
		a[2] &= ~(1UL << (SIGALRM - 1));
#endif
	n = not_made ? *shared_count :
	    __atomic_add_fetch(shared_count, 1, __ATOMIC_RELAXED);
	if (verbose)
		say("fuzz: b%ld p%d #%lu %s(%ld) %#lx %#lx %#lx %#lx %#lx "
		    "%#lx%s%.0d%s\n", batch_no, getpid(), n, name, nr, a[0],
		    a[1], a[2], a[3], a[4], a[5], fail ? " fail-nth " : "",
		    fail, not_made ? not_made : "");
	if (not_made)
		return -1;
	if (fail) {
		char num[2] = { '0' + fail, 0 };

		if (pwrite(failfd, num, 1, 0) != 1)
			fail = 0;
	}
	if (may_fork)
		r = fuzz_call_fork(a[0], a[1], a[2], a[3], a[4], a[5], nr);
	else
		r = fuzz_call(a[0], a[1], a[2], a[3], a[4], a[5], nr);
	if (fail && pwrite(failfd, "0", 1, 0) != 1)
		failfd = -1;
	if (touches_alarm(name))
		start_timer();
	return r;
}

static void on_alarm(int sig)
{
	(void)sig;	/* only to interrupt a call that would block */
}

static void start_timer(void)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	struct itimerval it = { { 0, 10000 }, { 0, 10000 } };
	sigset_t set;

	/* Every signal whose default would end or stop the batch, as one of
	 * its random kills or a clone's random exit signal would, is caught
	 * (no SA_RESTART: a call it interrupts returns EINTR); faults keep
	 * their default, so a batch that faults dies rather than loops. */
	for (int sig = 1; sig < NSIG; sig++)
		if (sig != SIGSEGV && sig != SIGBUS && sig != SIGILL &&
		    sig != SIGFPE && sig != SIGTRAP && sig != SIGSYS &&
		    sig != SIGCHLD && sig != SIGCONT)
			sigaction(sig, &sa, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
	sigemptyset(&set);
	sigprocmask(SIG_SETMASK, &set, NULL);
}

static void run_calls(long budget);

/* This process's fail-nth knob at FAILFD, or -1 (a Linux without
 * CONFIG_FAULT_INJECTION: no injection then). */
static int open_fail_nth(void)
{
	int fd = open("/proc/self/fail-nth", O_WRONLY);

	if (fd < 0)
		return -1;
	if (dup2(fd, FAILFD) < 0) {
		close(fd);
		return -1;
	}
	close(fd);
	return FAILFD;
}

/* fork, whose child goes on making (fewer) calls of its own stream. */
static void fuzz_fork(void)
{
	uint64_t child_seed = next();
	unsigned long a[6] = { SIGCHLD, 0, 0, 0, 0, 0 };
	long pid = do_call(FORK_NR, a, 0);

	if (pid == 0) {
		seed_rng(child_seed);
		depth++;
		close(FAILFD);			/* the parent's */
		failfd = open_fail_nth();
		start_timer();		/* timers are not inherited */
		run_calls(below(48) >> depth);
		a[0] = below(4) ? below(256) : an_arg();
		do_call(below(2) ? SYS_exit : SYS_exit_group, a, 0);
		_exit(0);
	}
	if (pid > 0)
		remember(recent_pid, pid);
}

static unsigned long clone_flags(void)
{
	static const unsigned long bits[] = {
		0x100 /* VM */, 0x200 /* FS */, 0x400 /* FILES */,
		0x800 /* SIGHAND */, 0x4000 /* VFORK */, 0x8000 /* PARENT */,
		0x10000 /* THREAD */, 0x40000 /* SYSVSEM */, 0x80000 /* SETTLS */,
		0x100000 /* PARENT_SETTID */, 0x200000 /* CHILD_CLEARTID */,
		0x1000000 /* CHILD_SETTID */, 0x20000 /* NEWNS */,
		0x2000 /* PTRACE */, 0x1000 /* PIDFD */,
	};
	unsigned long f = below(3) ? SIGCHLD : below(65);

	for (int i = below(6); i > 0; i--)
		f |= bits[below(sizeof(bits) / sizeof(bits[0]))];
	if (!below(20))
		f = an_arg();
	return f;
}

/* fork, vfork, clone, clone3: their new task must exit at once (it may
 * share our memory and stack), so they go through fuzz_call_fork. */
static int creates_task(long nr)
{
#ifdef SYS_vfork
	if (nr == SYS_vfork || nr == SYS_fork)
		return 1;
#endif
	return nr == SYS_clone || nr == 435 /* clone3 */;
}

/* One call: most from the whole table, some weighted up, a few unknown. */
static void one_call(void)
{
	unsigned long a[6];
	long nr, r;
	unsigned pick = below(100);

	for (int i = 0; i < 6; i++)
		a[i] = an_arg();
	if (pick < 6) {				/* numbers no table has */
		static const long odd[] = { -1, -2, 0x7fffffff, -0x7fffffff - 1,
					    1024, 4096, 0x10000 };
		nr = below(2) ? (long)below(1024) : odd[below(7)];
		if (below(4) == 0)
			nr = (long)next();
		if (nr == SYS_exit || nr == SYS_exit_group)
			nr = -1;
		if (creates_task(nr)) {
			do_call(nr, a, 1);
			return;
		}
	} else if (pick < 70) {			/* the whole table */
		nr = table[below(NTABLE)].nr;
		if ((nr == SYS_exit || nr == SYS_exit_group) && depth == 0)
			return;		/* a batch runs to its end */
		if (creates_task(nr)) {
			do_call(nr, a, 1);
			return;
		}
	} else if (pick < 75) {
		if (depth < 3)
			fuzz_fork();
		return;
	} else if (pick < 79) {			/* clone: child exits at once */
		a[0] = clone_flags();
		if (below(3) == 0)
			a[1] = 0;		/* our own stack */
		r = do_call(SYS_clone, a, 1);
		if (r > 0)
			remember(recent_pid, r);
		return;
	} else if (pick < 81) {			/* exit, in forked children */
		if (depth == 0)
			return;
		a[0] = below(256);
		nr = below(2) ? SYS_exit : SYS_exit_group;
	} else if (pick < 88) {			/* wait4 */
		static const long who[] = { -1, -1, 0, 1 };
		a[0] = below(2) ? who[below(4)] : recent_pid[below(NRECENT)];
		a[1] = below(2) ? (unsigned long)bufs[1] : a[1];
		a[2] = below(2) ? below(2) /* WNOHANG */ :
		       below(2) ? (below(16) | 0x40000000 /* __WALL */) : a[2];
		a[3] = below(2) ? 0 : a[3];
		nr = SYS_wait4;
	} else if (pick < 94) {			/* mmap */
		a[0] = below(3) ? 0 : a[0];
		a[1] = below(8) ? PAGE * (1 + below(16)) : a[1];
		a[2] = below(8);
		a[3] = below(4) ? 0x22 /* PRIVATE|ANONYMOUS */ :
		       below(2) ? 0x21 /* SHARED|ANONYMOUS */ :
		       (below(2) ? 0x02 : 0x01) | (below(2) << 4 /* FIXED */) |
		       (below(4) << 13) /* NORESERVE, POPULATE */;
		a[4] = below(2) ? (unsigned long)-1 : below(11);
		a[5] = below(2) ? 0 : a[5];
		nr = MMAP_NR;
		r = do_call(nr, a, 0);
		if (r > 0 && (unsigned long)r < TASK_TOP) {
			remember((long *)recent_map, r);
			remember((long *)recent_len, a[1]);
		}
		return;
	} else {				/* munmap */
		unsigned i = below(NRECENT);

		a[0] = below(3) ? recent_map[i] : below(2) ?
		       (unsigned long)bufs[below(NBUF)] : a[0];
		a[1] = below(2) ? recent_len[i] :
		       below(10) ? PAGE * below(4) : a[1];
		nr = SYS_munmap;
	}
	do_call(nr, a, 0);
}

static void run_calls(long budget)
{
	while (budget-- > 0)
		one_call();
}

/* ---- a batch's setup, in the child, as root then as the fuzz uid ---- */
static void set_limit(int res, unsigned long v)
{
	struct rlimit rl = { v, v };

	setrlimit(res, &rl);
}

static void map_arena(void)
{
	size_t len = NBUF * 2 * PAGE + PAGE;
	char *p = mmap((void *)ARENA_ADDR, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	char *s;

	if (p == MAP_FAILED)
		p = mmap(NULL, len, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		_exit(90);
	for (int i = 0; i < NBUF; i++) {
		bufs[i] = p + i * 2 * PAGE;
		munmap(bufs[i] + PAGE, PAGE);		/* the hole */
		for (unsigned long j = 0; j < PAGE; j++)
			bufs[i][j] = i == 1 ? 0 : i == 2 ? 0xff : (char)next();
	}
	memset(bufs[0] + PAGE - 32, 'a', 32);	/* no NUL before the hole */
	paths = p + NBUF * 2 * PAGE;
	s = paths;
	for (unsigned i = 0; i < NPATHS; i++) {
		path_at[i] = (unsigned long)s;
		s = stpcpy(s, path_names[i]) + 1;
	}
	memset(s, 'n', 300);			/* a name too long */
	mprotect(paths, PAGE, PROT_READ);
}

static void batch_child(uint64_t seed, long calls, uid_t uid, int logfd,
			const char *dir)
{
	int fds[2];

	setpgid(0, 0);
	if (dup2(logfd, LOGFD) < 0)
		_exit(91);
	/* fds 0-10: /dev/null, a pipe, a file, a directory, /proc files */
	for (int fd = 0; fd < LOGFD; fd++)
		close(fd);
	if (chdir(dir))
		_exit(92);
	open("/dev/null", O_RDONLY);			/* 0 */
	open("/dev/null", O_WRONLY);			/* 1 */
	open("/dev/null", O_WRONLY);			/* 2 */
	if (pipe(fds))					/* 3, 4 */
		_exit(93);
	failfd = open_fail_nth();
	set_limit(RLIMIT_FSIZE, 1 << 20);
	set_limit(RLIMIT_NPROC, 256);
	set_limit(RLIMIT_CORE, 0);
	if (getuid() == 0 && (setgroups(0, NULL) || setgid(uid) ||
			      setuid(uid)))
		_exit(94);
	open("f", O_RDWR | O_CREAT, 0644);		/* 5 */
	open(".", O_RDONLY | O_DIRECTORY);		/* 6 */
	open("/proc/self/status", O_RDONLY);		/* 7 */
	open("/", O_RDONLY | O_DIRECTORY);		/* 8 */
	dup(3);						/* 9 */
	open("/proc/self/maps", O_RDONLY);		/* 10 */
	seed_rng(seed);
	map_arena();
	read_keep();
	recent_pid[0] = getpid();
	recent_pid[1] = getppid();
	recent_pid[2] = 1;
	start_timer();
	run_calls(calls);
	_exit(0);
}

/* ---- the parent: run batches, clean up, check ---- */
static pid_t me;
static long nr_timeouts, nr_stalled, nr_stopped, nr_signalled;
static long nr_leaks, nr_lost;
static long nr_dead;	/* the kernel stopped answering */

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

static void copy_log(int fd)
{
	char buf[4096];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (write(1, buf, n) < 0)
			break;
}

/* Our children, from /proc: each task's PPid. */
static int kill_children(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int n = 0;

	if (!d)
		return 0;
	while ((e = readdir(d))) {
		char path[64], buf[512], *p;
		int fd;
		ssize_t len;
		long pid = atol(e->d_name);

		if (pid <= 0)
			continue;
		snprintf(path, sizeof(path), "/proc/%ld/status", pid);
		fd = open(path, O_RDONLY);
		if (fd < 0)
			continue;
		len = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		if (len <= 0)
			continue;
		buf[len] = 0;
		p = strstr(buf, "PPid:");
		if (p && atol(p + 5) == me) {
			kill(pid, SIGKILL);
			n++;
		}
	}
	closedir(d);
	return n;
}

/* Kill and reap everything a batch left; 0 when none is left. */
static int reap_all(void)
{
	for (int round = 0; round < 500; round++) {
		int st;
		pid_t w;

		while ((w = waitpid(-1, &st, WNOHANG | __WALL)) > 0)
			;
		if (w < 0 && errno == ECHILD)
			return 0;
		kill_children();
		usleep(10000);
	}
	return -1;
}

static int count_tasks(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (atol(e->d_name) > 0)
			n++;
	closedir(d);
	return n;
}

/* ---- the leak check: MemFree + Slab, and every cache's objects ---- */
#define MAXCACHES 64
struct mem_state {
	long pages;			/* MemFree + Slab, in pages */
	int ncaches;
	char name[MAXCACHES][32];
	long active[MAXCACHES];
};

static char big[16384];		/* not the heap: reading must not grow it */

static int read_file(const char *path)
{
	int fd = open(path, O_RDONLY);
	ssize_t n, total = 0;

	if (fd < 0)
		return -1;
	while ((n = read(fd, big + total, sizeof(big) - 1 - total)) > 0)
		total += n;
	close(fd);
	big[total] = 0;
	return 0;
}

static int mem_state(struct mem_state *s)
{
	char *p, *line;

	memset(s, 0, sizeof(*s));
	if (read_file("/proc/meminfo"))
		return -1;
	p = strstr(big, "MemFree:");
	s->pages = p ? atol(p + 8) / 4 : -1;
	p = strstr(big, "\nSlab:");
	s->pages += p ? atol(p + 6) / 4 : 0;
	/* Our own resident pages: a page this program touches for the first
	 * time (its stack reaching deeper, its heap) is not the kernel's. */
	if (read_file("/proc/self/stat") == 0 && (p = strrchr(big, ')'))) {
		for (int field = 2; field < 24 && p; field++)
			p = strchr(p + 1, ' ');
		s->pages += p ? atol(p + 1) : 0;
	}
	if (read_file("/proc/slabinfo"))
		return 0;			/* not Clonix: pages only */
	for (line = strtok(big, "\n"); line; line = strtok(NULL, "\n")) {
		char name[32];
		long active;

		if (line[0] == '#' || !strncmp(line, "slabinfo", 8) ||
		    s->ncaches == MAXCACHES)
			continue;
		if (sscanf(line, "%31s %ld", name, &active) == 2) {
			strcpy(s->name[s->ncaches], name);
			s->active[s->ncaches++] = active;
		}
	}
	return 0;
}

/* Whether now lost nothing against base: no fewer pages free (+ slab +
 * our own), no cache with more objects in use. More free, or fewer
 * objects, is no leak of this batch: something from before the baseline
 * (the warm-up's) went late; the caller then moves the baseline there. */
static int no_loss(const struct mem_state *base, const struct mem_state *now)
{
	if (now->pages < base->pages || now->ncaches != base->ncaches)
		return 0;
	for (int i = 0; i < base->ncaches; i++)
		if (now->active[i] > base->active[i] ||
		    strcmp(now->name[i], base->name[i]))
			return 0;
	return 1;
}

static void report_leak(const struct mem_state *base,
			const struct mem_state *now)
{
	printf("fuzz: LEAK after batch %ld: free+slab+own pages %ld -> %ld\n",
	       batch_no, base->pages, now->pages);
	for (int i = 0; i < now->ncaches; i++)
		for (int j = 0; j < base->ncaches; j++)
			if (!strcmp(now->name[i], base->name[j]) &&
			    now->active[i] != base->active[j])
				printf("fuzz: LEAK cache %s: %ld -> %ld objects\n",
				       now->name[i], base->active[j],
				       now->active[i]);
}

static int kernel_answers(void)
{
	int p[2];
	char c = 'x', d = 0;

	if (syscall(SYS_getpid) != me || pipe(p))
		return 0;
	if (write(p[1], &c, 1) != 1 || read(p[0], &d, 1) != 1)
		d = 0;
	close(p[0]);
	close(p[1]);
	return d == 'x';
}

static int rm_one(const char *path, const struct stat *st, int type,
		  struct FTW *ftw)
{
	(void)st;
	(void)type;
	if (ftw->level > 0)
		remove(path);
	return 0;
}

/*
 * What a batch leaves outside its scratch directory. It runs as nobody,
 * so it can make names only where anyone may write: a world-writable
 * directory such as /tmp (its scratch directory's parent: chdir("..")
 * is in the path pool), or a directory it made in one. Those names are
 * the batch's litter, not memory the kernel lost: after each batch they
 * are removed (with what is under them) and counted. The directories and
 * the names in them at the start are remembered here.
 */
#define MAX_OPEN_DIRS 8
#define MAX_FIRST_NAMES 64
static struct open_dir {
	char path[64];
	int nnames;
	char names[MAX_FIRST_NAMES][32];
} open_dirs[MAX_OPEN_DIRS];
static int nopen_dirs;
static long nr_litter;

static int find_open_dir(const char *path, const struct stat *st, int type,
			 struct FTW *ftw)
{
	(void)ftw;
	if (type == FTW_D && (st->st_mode & S_IWOTH) &&
	    nopen_dirs < MAX_OPEN_DIRS && strlen(path) < 64)
		strcpy(open_dirs[nopen_dirs++].path, path);
	return 0;
}

static int first_name(const struct open_dir *d, const char *name)
{
	for (int i = 0; i < d->nnames; i++)
		if (!strcmp(d->names[i], name))
			return 1;
	return 0;
}

/* The world-writable directories of this file system (not /proc), and
 * the names each holds now. */
static void remember_open_dirs(void)
{
	nftw("/", find_open_dir, 16, FTW_PHYS | FTW_MOUNT);
	for (int i = 0; i < nopen_dirs; i++) {
		DIR *dp = opendir(open_dirs[i].path);
		struct dirent *e;

		while (dp && (e = readdir(dp)) &&
		       open_dirs[i].nnames < MAX_FIRST_NAMES)
			if (strlen(e->d_name) < 32)
				strcpy(open_dirs[i].names[open_dirs[i].nnames++],
				       e->d_name);
		if (dp)
			closedir(dp);
	}
}

/* Remove every name a batch made in those directories (dir, its scratch
 * directory, is emptied by the caller). */
static void remove_litter(const char *dir)
{
	for (int i = 0; i < nopen_dirs; i++) {
		DIR *dp = opendir(open_dirs[i].path);
		struct dirent *e;
		char path[192];

		while (dp && (e = readdir(dp))) {
			snprintf(path, sizeof(path), "%s/%s",
				 strcmp(open_dirs[i].path, "/") ?
				 open_dirs[i].path : "", e->d_name);
			if (first_name(&open_dirs[i], e->d_name) ||
			    !strcmp(path, dir))
				continue;
			nr_litter++;
			if (verbose)
				printf("fuzz: batch %ld left %s: removed\n",
				       batch_no, path);
			nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
			if (remove(path) < 0) {
				/* made unsearchable: open it up, again */
				chmod(path, 0700);
				nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
			}
			if (remove(path) < 0 && errno != ENOENT) {
				printf("fuzz: cannot remove %s: %s\n", path,
				       strerror(errno));
				continue;	/* it stays; the leak check says */
			}
			rewinddir(dp);	/* the listing changed under us */
		}
		if (dp)
			closedir(dp);
	}
}

/* SIGKILL a batch and reap it; one that does not die within 5 s is a
 * kernel failure (a task SIGKILL cannot end): reported, not waited for. */
static void kill_batch(pid_t pid)
{
	int st;

	kill(pid, SIGKILL);
	for (int i = 0; i < 500; i++) {
		if (waitpid(pid, &st, WNOHANG) == pid)
			return;
		usleep(10000);
	}
	printf("fuzz: LOST: batch %ld's process %d does not die of SIGKILL\n",
	       batch_no, pid);
	nr_lost++;
}

/* One batch: fork it, copy its log, enforce the time limit, clean up. */
static void run_batch(uint64_t seed, long calls, uid_t uid, int limit_s,
		      const char *dir)
{
	int logp[2], st;
	long deadline = now_ms() + limit_s * 1000L, moved = now_ms();
	unsigned long last = *shared_count;
	pid_t pid;

	if (pipe(logp))
		return;
	fflush(stdout);
	for (int i = 0; (pid = fork()) < 0 && i < 50; i++)
		usleep(100000);	/* a moment for the last batch to be freed */
	if (pid < 0) {
		printf("fuzz: DEAD: fork fails after batch %ld: %s\n",
		       batch_no - 1, strerror(errno));
		nr_dead++;
		close(logp[0]);
		close(logp[1]);
		return;
	}
	if (pid == 0) {
		close(logp[0]);
		batch_child(seed, calls, uid, logp[1], dir);
	}
	close(logp[1]);
	fcntl(logp[0], F_SETFL, O_NONBLOCK);
	for (;;) {
		struct pollfd pf = { logp[0], POLLIN, 0 };
		pid_t w;

		if (poll(&pf, 1, 20) > 0)
			copy_log(logp[0]);
		w = waitpid(pid, &st, WNOHANG | WUNTRACED);
		if (w == pid && WIFSTOPPED(st)) {	/* kill(0, SIGSTOP) */
			nr_stopped++;
			kill(pid, SIGKILL);
			continue;
		}
		if (w == pid) {
			if (WIFSIGNALED(st) && WTERMSIG(st) != SIGKILL)
				nr_signalled++;
			/* batch_child's own exits: a step before any call
			 * failed, and will again: the kernel lost something */
			if (WIFEXITED(st) && WEXITSTATUS(st) >= 90 &&
			    WEXITSTATUS(st) <= 94) {
				static const char *const step[] = {
					"mmap of its buffers", "dup2 of its log",
					"chdir to its scratch directory",
					"pipe", "setgroups/setgid/setuid" };

				printf("fuzz: DEAD: batch %ld could not start: "
				       "%s failed\n", batch_no,
				       step[WEXITSTATUS(st) - 90]);
				nr_dead++;
			}
			if (verbose)
				printf("fuzz: batch %ld ended: %s %d\n", batch_no,
				       WIFSIGNALED(st) ? "signal" : "exit",
				       WIFSIGNALED(st) ? WTERMSIG(st) :
				       WEXITSTATUS(st));
			break;
		}
		if (*shared_count != last) {
			last = *shared_count;
			moved = now_ms();
		}
		if (now_ms() - moved > STALL_MS) {	/* all blocked */
			nr_stalled++;
			if (verbose)
				printf("fuzz: batch %ld stalled: killed\n",
				       batch_no);
			kill_batch(pid);
			break;
		}
		if (w < 0 || now_ms() > deadline) {
			printf("fuzz: batch %ld: over %d s, killed\n",
			       batch_no, limit_s);
			nr_timeouts++;
			kill_batch(pid);
			break;
		}
	}
	if (reap_all()) {
		printf("fuzz: LOST: batch %ld left tasks that SIGKILL does not "
		       "end\n", batch_no);
		nr_lost++;
	}
	copy_log(logp[0]);
	close(logp[0]);
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	remove_litter(dir);
	/* The batch owns the scratch directory and may have made it
	 * unsearchable (fchmod of fd 6) or removed it: as it was again. */
	mkdir(dir, 0700);
	chmod(dir, 0700);
	if (getuid() == 0 && chown(dir, uid, uid))
		perror("fuzz: chown");
}

int main(int argc, char **argv)
{
	uint64_t seed = 0;
	long calls = 20000, batch = 500;
	int limit_s = 20, opt, have_seed = 0, base_tasks;
	uid_t uid = 65534;
	char dir[64];
	/* static, and both filled before the baseline: their pages are
	 * touched once, not counted as the first batch's */
	static struct mem_state base, now;
	struct utsname u;
	int on_clonix = 0;
	long batches = 0, t0, first = 0;

	while ((opt = getopt(argc, argv, "s:n:b:f:o:t:u:v")) != -1) {
		switch (opt) {
		case 's': seed = strtoull(optarg, NULL, 0); have_seed = 1; break;
		case 'n': calls = atol(optarg); break;
		case 'b': batch = atol(optarg); break;
		case 'f': first = atol(optarg); break;
		case 'o':			/* all output to a file */
			if (!freopen(optarg, "w", stdout))
				return 2;
			break;
		case 't': limit_s = atoi(optarg); break;
		case 'u': uid = atoi(optarg); break;
		case 'v': verbose = 1; break;
		default:
			fprintf(stderr, "usage: fuzz [-s SEED] [-n CALLS] "
				"[-b BATCH] [-f FIRST] [-o FILE] [-t SECONDS] "
				"[-u UID] [-v]\n");
			return 2;
		}
	}
	if (!have_seed && getrandom(&seed, sizeof(seed), 0) != sizeof(seed))
		seed = (uint64_t)time(NULL) * 2654435761u ^ getpid();
	setvbuf(stdout, NULL, _IOLBF, 0);
	me = getpid();
	printf("fuzz: seed %#llx, %ld calls in batches of %ld, as uid %d "
	       "(replay: fuzz -s %#llx -n %ld -v)\n", (unsigned long long)seed,
	       calls, batch, getuid() == 0 ? (int)uid : (int)getuid(),
	       (unsigned long long)seed, calls);
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	signal(SIGPIPE, SIG_IGN);
	/* Not root: the batches have our uid and may signal us (kill(-1));
	 * we ignore what we can (on a Linux host, run it as root with -u
	 * and a uid that owns no other process instead). */
	if (getuid() != 0) {
		printf("fuzz: not root: batches run as uid %d, like this "
		       "program, and may signal it\n", (int)getuid());
		for (int sig = 1; sig < 32; sig++)
			if (sig != SIGCHLD)
				signal(sig, SIG_IGN);
	}
	/* At an address no argument is drawn near (i386 mmaps from
	 * 0x40000000, which is also a flag bit the pool draws): a call
	 * that writes there would miscount the calls. */
	shared_count = mmap((void *)COUNT_ADDR, PAGE, PROT_READ | PROT_WRITE,
			    MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
			    -1, 0);
	if (shared_count == MAP_FAILED)
		shared_count = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
				    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shared_count == MAP_FAILED)
		return 1;
	remember_open_dirs();
	snprintf(dir, sizeof(dir), "/tmp/fuzz.%d", me);
	mkdir(dir, 0700);
	if (getuid() == 0 && chown(dir, uid, uid))
		perror("fuzz: chown");

	/* Warm up (two batches of another stream), then the baseline. */
	for (batch_no = -2; batch_no < 0; batch_no++)
		run_batch(splitmix(seed ^ 0x7761726d) + batch_no, batch, uid, limit_s, dir);
	if (uname(&u) == 0 && strstr(u.version, "Clonix"))
		on_clonix = 1;
	else
		printf("fuzz: not Clonix: tasks and memory are not checked "
		       "(a host's change with everything else it runs)\n");
	base_tasks = count_tasks();
	mem_state(&now);
	mem_state(&base);
	*shared_count = 0;
	t0 = now_ms();
	for (batch_no = first; (long)*shared_count < calls; batch_no++) {
		long left = calls - (long)*shared_count;
		int ok = 0;

		run_batch(splitmix(seed + batch_no), left < batch ? left : batch,
			  uid, limit_s, dir);
		batches++;
		if (nr_dead || !kernel_answers()) {
			if (!nr_dead++)
				printf("fuzz: DEAD: the kernel does not answer "
				       "after batch %ld\n", batch_no);
			break;
		}
		if (!on_clonix)
			continue;
		if (count_tasks() != base_tasks) {
			printf("fuzz: LOST: %d tasks in /proc after batch %ld, "
			       "%d before\n", count_tasks(), batch_no, base_tasks);
			nr_lost++;
			base_tasks = count_tasks();
		}
		/* Frees can trail the last wait by a moment (a task's stack
		 * goes when it has switched away for the last time). */
		for (int i = 0; i < 100 && !ok; i++) {
			mem_state(&now);
			ok = no_loss(&base, &now);
			if (!ok)
				usleep(10000);
		}
		if (!ok) {
			report_leak(&base, &now);
			nr_leaks++;
		}
		base = now;
		if (batch_no % 20 == 19)
			printf("fuzz: %lu calls, %ld batches\n",
			       *shared_count, batches);
	}
	rmdir(dir);
	t0 = now_ms() - t0;
	printf("fuzz: summary: seed %#llx calls %lu batches %ld timeouts %ld "
	       "stalled %ld stopped %ld crashed %ld leaks %ld lost %ld dead %ld "
	       "seconds %ld.%03ld litter %ld\n", (unsigned long long)seed,
	       *shared_count, batches, nr_timeouts, nr_stalled, nr_stopped,
	       nr_signalled, nr_leaks, nr_lost, nr_dead, t0 / 1000, t0 % 1000,
	       nr_litter);
	return nr_leaks || nr_lost || nr_dead;
}
