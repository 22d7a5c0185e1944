/* latency: how long can one process keep another from running by asking
 * the kernel for the largest operations it allows? The kernel is not
 * preemptible (a task in a system call keeps the CPU until it sleeps, calls
 * cond_resched() or returns), so a long loop with no preemption point in it
 * shows up here as a long gap.
 *
 * A measurer child loops on clock_gettime(CLOCK_MONOTONIC) around, in
 * turn, a 1 ms nanosleep and a sched_yield, and records the largest gap
 * between two of its time stamps. Meanwhile this process (the hog), one
 * after another: touches as much memory as fits in thousands of VMAs,
 * forks with it all, lets the child write its copy, kills the child
 * (exit of a huge address space), unmaps it all in one munmap, forks and
 * execs the largest program of the root file system, creates a directory
 * of 20,000 names and reads it with one getdents64, writes a 64 MiB file
 * and reads it back with one call each, reads 64 MiB from /dev/zero in one
 * call and unlinks the file. The hog writes the number of its current step
 * in a page it shares with the measurer, which charges each gap to every
 * step that ran during it.
 *
 * It prints each step's largest gap (and its own length) in guest
 * nanoseconds, the overall largest, and a verdict against the limit
 * (100 ms unless -l says). Under QEMU's -icount shift=0 one nanosecond is
 * one instruction, so the figures do not depend on the host's load.
 * With HZ 100 and 5-tick slices, a hog in user mode alone costs the
 * measurer up to ~60 ms: the rest is what the kernel adds.
 *
 * Usage: latency [-l limit-ms] [-m MiB to touch] [-n names] [-v VMAs]
 *                [-V most one-page VMAs] [-e program]
 * -e: the program to exec, run with argv[0] "true" (BusyBox's applet that
 * does nothing; this program also just exits when called "true"). By
 * default the largest executable in /bin or /usr/bin on Clonix, and this
 * program itself elsewhere (a Linux host's largest program is anything).
 * On the host: qemu-riscv64 ./latency, or the i386 build run directly.
 */
#include "check.h"
#include <dirent.h>
#include <libgen.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>

#define MiB ((size_t)1 << 20)
#define PG 4096UL
#define MAX_STEPS 32
#define FILE_SIZE (64 * MiB)
#define IOV 31

/* What the hog and the measurer share (a MAP_SHARED page). */
struct shared {
	volatile int step;	/* the hog's current step */
	volatile int stop;	/* the measurer returns */
	uint64_t sleep_gap[MAX_STEPS];	/* largest gap around a nanosleep */
	uint64_t yield_gap[MAX_STEPS];	/* ... around a sched_yield */
	uint64_t rounds[MAX_STEPS];	/* the measurer's loops per step */
};

static struct shared *sh;
static const char *step_name[MAX_STEPS];
static uint64_t step_took[MAX_STEPS];
static int nsteps;
static uint64_t step_start;

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

/* The measurer: a gap from one time stamp to the next is charged to
 * every step from the one seen before it to the one seen after. */
static void measure(void)
{
	struct timespec ms = { 0, 1000000 };
	uint64_t last = now_ns(), t, g;
	int first = sh->step, now, i, n;

	for (n = 0; !sh->stop; n++) {
		if (n & 1)
			sched_yield();
		else
			nanosleep(&ms, NULL);
		t = now_ns();
		now = sh->step;
		g = t - last;
		for (i = first; i <= now && i < MAX_STEPS; i++) {
			uint64_t *max = n & 1 ? &sh->yield_gap[i]
					      : &sh->sleep_gap[i];

			if (g > *max)
				*max = g;
			sh->rounds[i]++;
		}
		last = t;
		first = now;
	}
	_exit(0);
}

/* Steps: begin(name) ... end(). */
static void begin(const char *name)
{
	step_name[nsteps] = name;
	step_start = now_ns();
	__atomic_store_n(&sh->step, nsteps, __ATOMIC_SEQ_CST);
}

static void end(void)
{
	step_took[nsteps++] = now_ns() - step_start;
	__atomic_store_n(&sh->step, nsteps, __ATOMIC_SEQ_CST);
	sched_yield();	/* let the measurer see the boundary */
}

/* ---- memory ------------------------------------------------------------ */

/* VMAs to cut the memory into (-v; Linux's max_map_count is 65530).
 * Clonix finds a VMA by walking the list, so each page fault costs in
 * proportion to their number: the default keeps the test short. */
static size_t max_vmas = 4096;

static size_t nr_vmas(size_t len)
{
	return len / PG < max_vmas ? len / PG : max_vmas;
}

/* Touch len bytes in one mapping, then cut it into nr_vmas(len) VMAs
 * (every other piece also executable, so neighbours cannot merge), from
 * the top down so each mprotect finds its VMA first in the list. */
static char *touch_huge(size_t len)
{
	size_t n = nr_vmas(len), piece = len / n, i;
	char *m = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int ok = 1;

	if (m == MAP_FAILED)
		return NULL;
	for (i = 0; i < len; i += PG)
		m[i] = (char)(i / PG);
	for (i = n - 1 - (n & 1); i < n; i -= 2)
		ok &= mprotect(m + i * piece, piece,
			       PROT_READ | PROT_WRITE | PROT_EXEC) == 0;
	check(ok, "cut the mapping into thousands of VMAs", NULL);
	return m;
}

static uint64_t free_memory(void)
{
	struct sysinfo si;

	if (sysinfo(&si) != 0)
		return 64 * MiB;
	return (uint64_t)si.freeram * si.mem_unit;
}

/* How much to touch: the child's copy doubles it, so up to two fifths
 * of the free memory each, 256 MiB at most; a whole number of pieces. */
static size_t touch_size(size_t want)
{
	uint64_t len = free_memory() * 2 / 5;

	if (want)
		len = want;
	if (len > 256 * MiB)
		len = 256 * MiB;
	return len - len % (nr_vmas(len) * PG);
}

/* Read /proc/self/maps whole (a line per VMA), with as few reads as a
 * 64 MiB buffer allows. */
static void maps_step(size_t vmas)
{
	size_t len = FILE_SIZE, got = 0, lines = 0, i;
	char *buf = mmap(NULL, len, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int fd = open("/proc/self/maps", O_RDONLY);
	ssize_t n = 0;

	if (buf == MAP_FAILED || fd < 0) {
		check(0, "open /proc/self/maps", strerror(errno));
		return;
	}
	begin("read of /proc/self/maps");
	while (got < len && (n = read(fd, buf + got, len - got)) > 0)
		got += n;
	end();
	for (i = 0; i < got; i++)
		lines += buf[i] == '\n';
	/* (qemu-user makes up its own maps, where neighbours that differ
	 * only in PROT_EXEC are one line: on a host, some lines will do.) */
	check(n >= 0 && (lines >= vmas || (!running_on_clonix() && lines)),
	      "/proc/self/maps lists every VMA", NULL);
	close(fd);
	munmap(buf, len);
}

/* The child waits for the parent's go on down[0] and says it is done
 * through up[1]. */
static int up[2], down[2];

static int child_wait(void)
{
	char c;

	return read(down[0], &c, 1) == 1;
}

static int child_done(void)
{
	return write(up[1], "u", 1) == 1;
}

static void parent_step(const char *name)
{
	char c;

	begin(name);
	if (write(down[1], "d", 1) != 1 || read(up[0], &c, 1) != 1)
		check(0, name, "the child is gone");
	end();
}

static void memory_steps(size_t len)
{
	int status = 0;
	char *m;
	size_t i;
	pid_t pid;

	printf("latency: touching %zu MiB in %zu VMAs\n", len / MiB,
	       nr_vmas(len));
	begin("touch the memory");
	m = touch_huge(len);
	end();
	check(m != NULL, "mmap the memory", NULL);
	if (!m)
		return;

	maps_step(nr_vmas(len));
	check(pipe(up) == 0 && pipe(down) == 0, "pipes", NULL);
	begin("fork with it all");
	pid = fork();
	if (pid == 0) {
		int ok = child_wait();

		for (i = 0; ok && i < len; i += PG)	/* a private copy */
			m[i]++;
		ok = ok && child_done() && child_wait();
		ok = ok && mprotect(m, len, PROT_READ) == 0;
		ok = ok && child_done();
		_exit(ok ? pause() : 1);	/* killed */
	}
	end();
	check(pid > 0, "fork with the memory", NULL);
	if (pid < 0)
		return;
	parent_step("the child writes its copy");
	parent_step("the child's mprotect of all its VMAs in one call");

	begin("exit of the child with a huge address space");
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	end();
	check(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	      "the child wrote its copy, mprotected it and was killed", NULL);
	close(up[0]);
	close(up[1]);
	close(down[0]);
	close(down[1]);

	for (i = 0; i < len && m[i] == (char)(i / PG); i += PG)
		;
	check(i >= len, "the parent's memory is still its own", NULL);
	begin("munmap of it all in one call");
	i = munmap(m, len);
	end();
	check(i == 0, "munmap the memory", NULL);
}

/* As many one-page VMAs as the kernel gives (up to -V; Linux stops at
 * max_map_count, 65530), pages untouched: fork, exit and munmap then
 * cost what the VMAs cost. */
static size_t most_vmas = 350000;

static void many_vmas_steps(void)
{
	size_t len = most_vmas * PG, n = 0, i;
	int status = -1;
	char *m;
	pid_t pid;

	m = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
		 MAP_NORESERVE, -1, 0);
	check(m != MAP_FAILED, "mmap room for the VMAs", strerror(errno));
	if (m == MAP_FAILED)
		return;
	begin("cut a mapping into one-page VMAs");
	for (i = most_vmas - 2; i < most_vmas; i -= 2, n += 2)
		if (mprotect(m + i * PG, PG, PROT_READ | PROT_WRITE))
			break;	/* ENOMEM: that is all we get */
	end();
	printf("latency: %zu VMAs of one page\n", n);
	check(n > 10000, "thousands of VMAs", NULL);

	check(pipe(down) == 0, "pipe", NULL);
	begin("fork with them");
	pid = fork();
	if (pid == 0)
		_exit(child_wait() ? 0 : 1);
	end();
	check(pid > 0, "fork with them", NULL);
	begin("exit of a child with them");
	if (pid > 0 && write(down[1], "d", 1) == 1)
		waitpid(pid, &status, 0);
	end();
	check(status == 0, "the child exits", NULL);
	close(down[0]);
	close(down[1]);
	begin("mprotect of them in one call");
	i = mprotect(m, len, PROT_READ | PROT_WRITE | PROT_EXEC);
	end();
	check(i == 0, "mprotect them", strerror(errno));
	begin("madvise(MADV_DONTNEED) of them in one call");
	i = madvise(m, len, MADV_DONTNEED);
	end();
	check(i == 0, "madvise them", strerror(errno));
	begin("munmap of them in one call");
	i = munmap(m, len);
	end();
	check(i == 0, "munmap them", NULL);
}

/* ---- exec --------------------------------------------------------------- */

static char largest[512];

static void find_largest(const char *dir, off_t *size)
{
	char path[512];
	struct dirent *d;
	struct stat st;
	DIR *dp = opendir(dir);

	while (dp && (d = readdir(dp))) {
		snprintf(path, sizeof(path), "%s/%s", dir, d->d_name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    (st.st_mode & S_IXUSR) && (st.st_size > *size ||
		    (st.st_size == *size && !strcmp(d->d_name, "busybox")))) {
			*size = st.st_size;
			strcpy(largest, path);
		}
	}
	if (dp)
		closedir(dp);
}

static void exec_step(const char *prog)
{
	char *argv[] = { "true", NULL }, *envp[] = { NULL };
	int status = -1;
	off_t size = 0;
	struct stat st;
	pid_t pid;

	if (!prog) {
		find_largest("/bin", &size);
		find_largest("/usr/bin", &size);
		prog = largest;
	}
	if (stat(prog, &st) == 0)
		size = st.st_size;
	printf("latency: exec of %s (%lld bytes)\n", prog, (long long)size);
	begin("fork, execve of the largest program, exit");
	pid = fork();
	if (pid == 0) {
		execve(prog, argv, envp);
		_exit(errno == ENOEXEC ? 126 : 127);
	}
	waitpid(pid, &status, 0);
	end();
	if (status == 126 << 8 && !running_on_clonix()) {
		/* qemu-user hands a foreign binary to the host's execve */
		printf("latency: exec: not here (qemu-user without binfmt_misc"
		       " for this architecture)\n");
		return;
	}
	check(size > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "exec the largest program", NULL);
}

/* ---- a huge directory ----------------------------------------------------- */

static void directory_steps(const char *dir, int names)
{
	size_t buflen = 8 * MiB;
	char path[600], *buf = malloc(buflen), detail[64];
	int i, ok = 1, fd, seen = 0, calls = 0;
	long n, off;

	if (mkdir(dir, 0700) != 0 || !buf) {
		check(0, "mkdir the huge directory", strerror(errno));
		return;
	}
	begin("create the names");
	for (i = 0; i < names && ok; i++) {
		snprintf(path, sizeof(path), "%s/name-%06d", dir, i);
		fd = open(path, O_CREAT | O_WRONLY | O_EXCL, 0600);
		ok = fd >= 0 && close(fd) == 0;
	}
	end();
	snprintf(detail, sizeof(detail), "%d made", i);
	check(ok, "create the names", detail);

	/* One call with room for all; a kernel may still stop short (Clonix
	 * does when it must reschedule), so read on to the end. */
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	begin("getdents64 of the huge directory in one call");
	while ((n = syscall(SYS_getdents64, fd, buf, buflen)) > 0) {
		for (off = 0; off < n && seen <= names + 2; seen++)
			off += ((struct dirent64 *)(buf + off))->d_reclen;
		calls++;
	}
	end();
	snprintf(detail, sizeof(detail), "%d entries in %d calls", seen,
		 calls);
	check(n == 0 && seen == names + 2, "getdents64 lists every name",
	      detail);
	printf("latency: getdents64: %s\n", detail);
	close(fd);

	begin("unlink the names");
	for (i = 0; i < names; i++) {
		snprintf(path, sizeof(path), "%s/name-%06d", dir, i);
		ok &= unlink(path) == 0;
	}
	end();
	check(ok && rmdir(dir) == 0, "remove the names and the directory",
	      NULL);
	free(buf);
}

/* ---- 64 MiB of I/O -------------------------------------------------------- */

static void io_steps(const char *file, int with_file)
{
	char *buf = mmap(NULL, FILE_SIZE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct iovec iov[IOV];
	char detail[64];
	int fd, i, out;
	ssize_t n;

	if (buf == MAP_FAILED) {
		check(0, "map a 64 MiB buffer", strerror(errno));
		return;
	}
	memset(buf, 'x', FILE_SIZE);
	if (with_file) {
		fd = open(file, O_CREAT | O_RDWR | O_TRUNC, 0600);
		begin("write of 64 MiB to a file in one call");
		n = write(fd, buf, FILE_SIZE);
		end();
		snprintf(detail, sizeof(detail), "wrote %zd", n);
		check(n == (ssize_t)FILE_SIZE, "write 64 MiB", detail);
		memset(buf, 0, FILE_SIZE);
		begin("read of 64 MiB from the file in one call");
		n = pread(fd, buf, FILE_SIZE, 0);
		end();
		snprintf(detail, sizeof(detail), "read %zd", n);
		check(n == (ssize_t)FILE_SIZE && buf[0] == 'x' &&
		      buf[FILE_SIZE - 1] == 'x', "read 64 MiB back", detail);
		out = open("/dev/null", O_WRONLY);
		begin("sendfile of the 64 MiB file to /dev/null");
		n = sendfile(out, fd, &(off_t){ 0 }, FILE_SIZE);
		end();
		snprintf(detail, sizeof(detail), "sent %zd", n);
		check(n == (ssize_t)FILE_SIZE, "sendfile 64 MiB", detail);
		close(out);
		close(fd);
		begin("unlink of the 64 MiB file");
		n = unlink(file);
		end();
		check(n == 0, "unlink the file", NULL);
	}
	fd = open("/dev/zero", O_RDONLY);
	begin("read of 64 MiB from /dev/zero in one call");
	n = read(fd, buf, FILE_SIZE);
	end();
	snprintf(detail, sizeof(detail), "read %zd", n);
	check(n == (ssize_t)FILE_SIZE && buf[FILE_SIZE / 2] == 0,
	      "read 64 MiB of zeros", detail);
	/* The largest count a read takes, MAX_RW_COUNT (2 GiB - 4 KiB):
	 * the same 64 MiB buffer, IOV 31 times over. */
	for (i = 0; i < IOV; i++)
		iov[i] = (struct iovec){ buf, FILE_SIZE };
	begin("readv of 1984 MiB from /dev/zero in one call");
	n = readv(fd, iov, IOV);
	end();
	snprintf(detail, sizeof(detail), "read %zd", n);
	check(n == (ssize_t)(IOV * FILE_SIZE), "readv 1984 MiB of zeros",
	      detail);
	close(fd);
	fd = open("/dev/null", O_WRONLY);
	begin("writev of 1984 MiB to /dev/null in one call");
	n = writev(fd, iov, IOV);
	end();
	snprintf(detail, sizeof(detail), "wrote %zd", n);
	check(n == (ssize_t)(IOV * FILE_SIZE), "writev 1984 MiB", detail);
	close(fd);
	munmap(buf, FILE_SIZE);
}

int main(int argc, char *argv[])
{
	long limit_ms = 100, names = 20000, mib = -1;
	const char *prog = NULL;
	char dir[64], file[64], detail[128];
	struct timespec tenth = { 0, 100000000 };
	uint64_t worst = 0, g;
	int i, opt, worst_step = 0;
	pid_t measurer;

	if (!strcmp(basename(argv[0]), "true"))
		return 0;	/* run by exec_step with -e itself */
	check_prog = "latency";
	while ((opt = getopt(argc, argv, "l:m:n:e:v:V:")) != -1) {
		if (opt == 'l')
			limit_ms = atol(optarg);
		else if (opt == 'm')
			mib = atol(optarg);
		else if (opt == 'n')
			names = atol(optarg);
		else if (opt == 'e')
			prog = optarg;
		else if (opt == 'v' && atol(optarg) > 0)
			max_vmas = atol(optarg);
		else if (opt == 'V' && atol(optarg) > 2)
			most_vmas = atol(optarg);
		else {
			fprintf(stderr, "usage: latency [-l limit-ms] [-m MiB]"
				" [-n names] [-v VMAs] [-V VMAs] [-e program]\n");
			return 2;
		}
	}
	if (!prog && !running_on_clonix())	/* argv[0] works under qemu-user */
		prog = strchr(argv[0], '/') ? argv[0] : "/proc/self/exe";
	setvbuf(stdout, NULL, _IOLBF, 0);
	snprintf(dir, sizeof(dir), "/tmp/latency-%d", getpid());
	snprintf(file, sizeof(file), "/tmp/latency-%d.data", getpid());

	sh = mmap(NULL, PG, PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED)
		return 1;
	measurer = fork();
	if (measurer == 0)
		measure();
	nanosleep(&tenth, NULL);	/* the measurer is under way */

	begin("baseline: the hog sleeps 200 ms");
	nanosleep(&tenth, NULL);
	nanosleep(&tenth, NULL);
	end();
	begin("baseline: the hog spins 300 ms in user mode");
	while (now_ns() - step_start < 300000000ULL)
		;
	end();
	memory_steps(touch_size(mib > 0 ? (size_t)mib * MiB : 0));
	many_vmas_steps();
	exec_step(prog);
	directory_steps(dir, names);
	/* The file and its buffer: 128 MiB; else /dev/zero only. */
	io_steps(file, free_memory() >= 2 * FILE_SIZE + 16 * MiB);

	nanosleep(&tenth, NULL);
	sh->stop = 1;
	waitpid(measurer, NULL, 0);

	printf("latency: %-52s %12s %12s %12s\n", "step", "took ns",
	       "sleep gap ns", "yield gap ns");
	for (i = 0; i < nsteps; i++) {
		g = sh->sleep_gap[i] > sh->yield_gap[i] ? sh->sleep_gap[i]
							: sh->yield_gap[i];
		printf("latency: %-52s %12llu %12llu %12llu\n", step_name[i],
		       (unsigned long long)step_took[i],
		       (unsigned long long)sh->sleep_gap[i],
		       (unsigned long long)sh->yield_gap[i]);
		if (g > worst) {
			worst = g;
			worst_step = i;
		}
	}
	printf("latency: largest gap %llu ns (%.1f ms), during: %s\n",
	       (unsigned long long)worst, worst / 1e6, step_name[worst_step]);
	snprintf(detail, sizeof(detail), "%.1f ms during %s", worst / 1e6,
		 step_name[worst_step]);
	snprintf(dir, sizeof(dir), "no gap above %ld ms", limit_ms);
	check(worst <= (uint64_t)limit_ms * 1000000, dir, detail);
	printf("latency: verdict: %s\n",
	       worst <= (uint64_t)limit_ms * 1000000 ? "PASS" : "FAIL");
	return check_summary();
}
