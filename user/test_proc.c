/* test_proc: /proc and /dev/tty as proc(5) and tty(4) describe them, read
 * the way ps, top, free, uptime and df read them: /proc/self, the
 * per-process files (stat's 52 fields, status, cmdline, comm, maps) of
 * ourselves, a child, a zombie and a reaped pid, the system files
 * (meminfo, stat, uptime, loadavg, mounts, version, cpuinfo), long files
 * read whole, writes refused, and no page kept by any of it.
 *
 * Passes on a Linux host too (qemu-riscv64 / qemu-i386 build/.../test_proc
 * as root). qemu-user fakes /proc/self/{stat,maps,cmdline} for the guest
 * (44 stat fields, no CPU times) and runs children as qemu processes, so a
 * few checks are relaxed there, and only there (on_clonix). */
#include "check.h"
#include <dirent.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>

static int on_clonix;
#define BIG (1 << 20)
static char *big;	/* long files are read into it whole (mmap'd) */

/* The whole file into buf (NUL-terminated): its length, or -1 (errno). */
static long read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	long len = 0, n;

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	close(fd);
	if (n < 0)
		return -1;
	buf[len] = '\0';
	return len;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Spin in user mode for s seconds. */
static void burn(double s)
{
	volatile unsigned long x = 0;
	double end = now() + s;

	while (now() < end)
		for (int i = 0; i < 100000; i++)
			x += i;
}

/* Field n (1-based, as proc(5) numbers them) of a /proc/<pid>/stat line,
 * counted after the ")" that ends comm; 0 if there is no such field. */
static unsigned long long stat_field(const char *line, int n, int *count)
{
	const char *p = strrchr(line, ')');
	unsigned long long v = 0;
	int i = 2;

	if (count)
		*count = 0;
	if (!p)
		return 0;
	for (p++; *p; ) {
		while (*p == ' ')
			p++;
		if (!*p || *p == '\n')
			break;
		i++;
		if (count)
			(*count)++;
		if (i == n)
			v = strtoull(p, NULL, 10);
		while (*p && *p != ' ' && *p != '\n')
			p++;
	}
	return v;
}

/* The number after "name" in text (a /proc file), or -1. */
static long long value_after(const char *text, const char *name)
{
	const char *p = strstr(text, name);

	return p ? strtoll(p + strlen(name), NULL, 10) : -1;
}

static void test_self(char *argv0)
{
	char path[64], link[64], buf[4096], want[64];
	ssize_t n;
	int fields;

	snprintf(want, sizeof(want), "%d", getpid());
	n = readlink("/proc/self", link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = '\0';
	check(n > 0 && !strcmp(link, want), "/proc/self points at getpid()",
	      link);

	check(read_file("/proc/self/stat", buf, sizeof(buf)) > 0,
	      "read /proc/self/stat", strerror(errno));
	check(atoi(buf) == getpid(), "stat: field 1 is our pid", buf);
	/* qemu-user's fake stat has state 0 */
	check(strstr(buf, on_clonix ? " (test_proc) R " : " (test_proc) ") !=
	      NULL, "stat: (comm) then state R while we run", buf);
	check((long)stat_field(buf, 4, &fields) == getppid(),
	      "stat: field 4 is the parent's pid", buf);
	snprintf(want, sizeof(want), "%d fields", fields + 2);
	check(on_clonix ? fields + 2 == 52 : fields + 2 >= 44,
	      "stat: Linux's 52 fields", want);

	/* qemu-user does not fake comm: there it is qemu's own name. */
	snprintf(path, sizeof(path), "/proc/%d/comm", getpid());
	check(read_file(path, buf, sizeof(buf)) > 0 &&
	      (!on_clonix || !strcmp(buf, "test_proc\n")),
	      "/proc/<pid>/comm is our name", buf);

	n = read_file("/proc/self/cmdline", buf, sizeof(buf));
	check(n == (ssize_t)strlen(argv0) + 1 && !strcmp(buf, argv0),
	      "/proc/self/cmdline is argv, NUL-terminated", buf);
}

/* All ticks so far, from /proc/stat's cpu line (user + nice + system +
 * idle + ...): the clock the CPU times are counted in. */
static unsigned long long total_ticks(void)
{
	char buf[4096], *p;
	unsigned long long sum = 0;

	if (read_file("/proc/stat", buf, sizeof(buf)) <= 0)
		return 0;
	for (p = buf + 3; *p && *p != '\n'; )
		sum += strtoull(p, &p, 10);
	return sum;
}

/* utime grows while we spin in user mode, by the ticks that passed (tick
 * counts, not wall time: a loaded host may lose ticks); starttime is in
 * ticks since boot, before now. */
static void test_times(void)
{
	char buf[4096], ubuf[256];
	unsigned long long u0, u1, s0, s1, t0, t1, start;
	double up;

	t0 = total_ticks();
	read_file("/proc/self/stat", buf, sizeof(buf));
	u0 = stat_field(buf, 14, NULL);
	s0 = stat_field(buf, 15, NULL);
	start = stat_field(buf, 22, NULL);
	burn(0.4);	/* i386 reads the clock by int $0x80: some stime */
	read_file("/proc/self/stat", buf, sizeof(buf));
	u1 = stat_field(buf, 14, NULL);
	s1 = stat_field(buf, 15, NULL);
	t1 = total_ticks();
	read_file("/proc/uptime", ubuf, sizeof(ubuf));
	up = atof(ubuf);
	snprintf(ubuf, sizeof(ubuf), "utime %llu -> %llu, stime %llu -> %llu, "
		 "all ticks %llu -> %llu", u0, u1, s0, s1, t0, t1);
	if (on_clonix) {
		check(t1 - t0 >= 20 && (u1 + s1) - (u0 + s0) >= (t1 - t0) * 8 / 10
		      && (u1 + s1) - (u0 + s0) <= t1 - t0,
		      "stat: spinning 0.4 s, we get (nearly) every tick as "
		      "utime + stime", ubuf);
		check(u1 - u0 >= (t1 - t0) / 2,
		      "stat: spinning in user mode is utime", ubuf);
	}
	snprintf(ubuf, sizeof(ubuf), "starttime %llu, uptime %.2f", start,
		 up);
	check(start <= (unsigned long long)(up * 100) + 1,
	      "stat: starttime (ticks since boot) is before now", ubuf);
}

/* A child's files, while it runs, as a zombie, and once reaped. */
static void test_child(void)
{
	char path[64], buf[4096], what[128];
	const char want[] = "sleep\0" "5";	/* with its final NUL */
	long n = -1;
	int status, fd, stale;
	pid_t pid = fork();
	double end;

	if (pid == 0) {
		execl("/bin/sleep", "sleep", "5", (char *)NULL);
		_exit(127);
	}
	check(pid > 0, "fork a child that execs sleep 5", strerror(errno));
	if (pid < 0)
		return;
	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	for (end = now() + 5; now() < end; ) {
		n = read_file(path, buf, sizeof(buf));
		if (n == sizeof(want) && !memcmp(buf, want, n))
			break;
		usleep(10000);
	}
	check(n == sizeof(want) && !memcmp(buf, want, n),
	      "the child's /proc/<pid>/cmdline is its argv: sleep\\05\\0",
	      NULL);

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	n = read_file(path, buf, sizeof(buf));
	check(n > 0 && value_after(buf, "\nPid:\t") == pid &&
	      value_after(buf, "\nPPid:\t") == getpid(),
	      "status: Pid and PPid of the child", buf);
	check(strstr(buf, "\nState:\tS (sleeping)\n") != NULL,
	      "status: the sleeping child is S (sleeping)", buf);
	check(value_after(buf, "\nVmRSS:\t") > 0 && strstr(buf, "\nThreads:\t1\n"),
	      "status: VmRSS in kB and Threads: 1", buf);

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_WRONLY);
	check(fd >= 0 && write(fd, "1", 1) < 0 && errno == EINVAL,
	      "writing /proc/<pid>/stat gives EINVAL (as root)",
	      strerror(errno));
	if (fd >= 0)
		close(fd);
	stale = open(path, O_RDONLY);	/* kept across the reaping */

	kill(pid, SIGKILL);
	for (end = now() + 5; now() < end; usleep(10000))
		if (read_file(path, buf, sizeof(buf)) > 0 &&
		    strstr(buf, ") Z "))
			break;
	check(strstr(buf, ") Z ") != NULL,
	      "a killed, unreaped child is a zombie: state Z", buf);

	check(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status),
	      "reap it", NULL);
	check_errno(open(path, O_RDONLY), ENOENT,
		    "open /proc/<pid>/stat of a reaped pid gives ENOENT");
	snprintf(path, sizeof(path), "/proc/%d", pid);
	check_errno(access(path, F_OK), ENOENT,
		    "/proc/<pid> of a reaped pid is gone");
	snprintf(what, sizeof(what), "a file opened before the reaping reads "
		 "ESRCH");
	check(stale >= 0 && read(stale, buf, sizeof(buf)) < 0 &&
	      errno == ESRCH, what, strerror(errno));
	if (stale >= 0)
		close(stale);
}

/* The directory lists every process, us included; a child without exec
 * shows our argv, read from its memory. */
static void test_listing(char *argv0)
{
	char name[32], path[64], buf[4096];
	int found_self = 0, found_child = 0, found_link = 0;
	struct dirent *d;
	DIR *dir;
	pid_t pid;
	long n;

	pid = fork();
	if (pid == 0) {
		sleep(5);
		_exit(0);
	}
	dir = opendir("/proc");
	check(dir != NULL, "opendir /proc", strerror(errno));
	while (dir && (d = readdir(dir))) {
		if (atoi(d->d_name) == getpid() && d->d_type == DT_DIR)
			found_self = 1;
		if (atoi(d->d_name) == pid && d->d_type == DT_DIR)
			found_child = 1;
		if (!strcmp(d->d_name, "self") && d->d_type == DT_LNK)
			found_link = 1;
	}
	if (dir)
		closedir(dir);
	check(found_self && found_child,
	      "getdents64 on /proc lists our pid and the child's", NULL);
	check(found_link, "/proc/self is listed as a symbolic link", NULL);

	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	n = read_file(path, buf, sizeof(buf));
	snprintf(name, sizeof(name), "%ld bytes", n);
	/* Off Clonix the child is a qemu process: its argv ends with ours. */
	check(n > (long)strlen(argv0) &&
	      !strcmp(buf + n - strlen(argv0) - 1, argv0) &&
	      (!on_clonix || n == (long)strlen(argv0) + 1),
	      "a forked child's cmdline is our argv, from its memory", name);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);

	check(read_file("/proc/2/stat", buf, sizeof(buf)) > 0 &&
	      !strncmp(buf, "2 (kthreadd) ", 13),
	      "/proc/2 is kthreadd", buf);
	check(read_file("/proc/2/cmdline", buf, sizeof(buf)) == 0,
	      "a kernel thread's cmdline is empty", NULL);
}

/* What ps does — list /proc, read each process's stat — while processes
 * are created and reaped all the time: every read gives the right
 * process or ENOENT / ESRCH (it went meanwhile), never anything else. */
static void test_ps_while_processes_come_and_go(void)
{
	int scans = 0, reads = 0, bad = 0, status;
	char path[300], buf[1024], what[128];
	struct dirent *d;
	pid_t churn;
	double t0 = now();

	/* Forks copy what we have touched: drop the big buffer meanwhile. */
	munmap(big, BIG);
	churn = fork();
	if (churn == 0) {
		for (int i = 0; i < 300; i++) {
			pid_t c = fork();

			if (c == 0)
				_exit(0);
			if (c > 0)
				waitpid(c, NULL, 0);
		}
		_exit(0);
	}
	double end = now() + 60;
	pid_t done = 0;

	while ((done = waitpid(churn, &status, WNOHANG)) == 0 && now() < end) {
		DIR *dir = opendir("/proc");

		scans++;
		while (dir && (d = readdir(dir))) {
			int pid = atoi(d->d_name);

			if (pid <= 0)
				continue;
			snprintf(path, sizeof(path), "/proc/%s/stat", d->d_name);
			if (read_file(path, buf, sizeof(buf)) > 0) {
				reads++;
				if (atoi(buf) != pid)
					bad++;
			} else if (errno != ENOENT && errno != ESRCH) {
				bad++;
			}
		}
		if (dir)
			closedir(dir);
		if (scans % 4 == 0)
			sched_yield();	/* a scan is cheap: let the forks on */
	}
	big = mmap(NULL, BIG, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	printf("proc: (%d scans, %d stat reads in %.1f s)\n", scans, reads,
	       now() - t0);
	if (done != churn) {	/* out of time: not expected */
		kill(churn, SIGKILL);
		waitpid(churn, &status, 0);
	}
	snprintf(what, sizeof(what), "%d scans, %d stat reads, %d wrong",
		 scans, reads, bad);
	check(done == churn && WIFEXITED(status) && !WEXITSTATUS(status),
	      "the 300 forks and reaps finish meanwhile", what);
	check(scans > 0 && reads > 0 && !bad,
	      "ps-style scans while 300 processes come and go", what);
}

/* maps: the program's code and our stack are there; a long maps (many
 * VMAs) is read whole, never cut short. */
static void test_maps(void)
{
	char line[80], what[80];
	uintptr_t code = (uintptr_t)test_maps, stk = (uintptr_t)&line;
	int code_ok = 0, stack_ok = 0, heap_ok = 0, lines = 0, i;
	char *heap = malloc(100), *p, *maps[1000];
	uintptr_t h = (uintptr_t)heap;
	long n;

	n = read_file("/proc/self/maps", big, BIG);
	check(n > 0, "read /proc/self/maps", strerror(errno));
	for (p = big; n > 0 && *p; p = strchr(p, '\n') + 1) {
		unsigned long s, e;
		char perms[5];

		if (sscanf(p, "%lx-%lx %4s", &s, &e, perms) != 3)
			break;
		/* qemu-i386 shows the code page as r--p: not checked there */
		if (s <= code && code < e && perms[0] == 'r' &&
		    (perms[2] == 'x' || !on_clonix))
			code_ok = 1;
		if (s <= stk && stk < e && strstr(p, "[stack]") <
		    strchr(p, '\n') && strstr(p, "[stack]"))
			stack_ok = 1;
		if (s <= h && h < e && strstr(p, "[heap]") < strchr(p, '\n') &&
		    strstr(p, "[heap]"))
			heap_ok = 1;
		if (!strchr(p, '\n'))
			break;
	}
	check(code_ok, "maps: our code is in an r-xp line", NULL);
	check(stack_ok, "maps: our stack is the [stack] line", NULL);
	check(!on_clonix || heap_ok, "maps: malloc's memory is in [heap]",
	      NULL);
	free(heap);

	/* 1000 one-page mappings that cannot merge (alternate rights). */
	for (i = 0; i < 1000; i++)
		maps[i] = mmap(NULL, 4096, i % 2 ? PROT_READ :
			       PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	n = read_file("/proc/self/maps", big, BIG);
	for (p = big; n > 0 && (p = strchr(p, '\n')); p++)
		lines++;
	snprintf(what, sizeof(what), "%ld bytes, %d lines", n, lines);
	check(n > 40000 && lines > 1000 && big[n - 1] == '\n',
	      "maps of 1000+ VMAs (40+ KiB) is read whole", what);
	for (i = 0; i < 1000; i++)
		if (maps[i] != MAP_FAILED)
			munmap(maps[i], 4096);
}

static void test_system_files(void)
{
	char buf[4096], what[160];
	long long total, freekb, avail, a, b;
	double up1, up2, l1, l5, l15;
	int fd, running, threads, last;
	char *p;

	/* free(1) */
	check(read_file("/proc/meminfo", buf, sizeof(buf)) > 0,
	      "read /proc/meminfo", strerror(errno));
	total = value_after(buf, "MemTotal:");
	freekb = value_after(buf, "MemFree:");
	avail = value_after(buf, "MemAvailable:");
	snprintf(what, sizeof(what), "total %lld free %lld available %lld",
		 total, freekb, avail);
	check(total > 0 && freekb > 0 && freekb < total && avail >= 0 &&
	      avail <= total, "meminfo: MemTotal > MemFree > 0, MemAvailable",
	      what);
	check(!strncmp(buf, "MemTotal:", 9) && strstr(buf, " kB\nMemFree:") &&
	      value_after(buf, "Buffers:") >= 0 &&
	      value_after(buf, "Cached:") >= 0 &&
	      value_after(buf, "SwapTotal:") >= 0 &&
	      value_after(buf, "SwapFree:") >= 0,
	      "meminfo: Linux's names, values in kB", buf);
	if (on_clonix) {
		char *m = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		long long after;

		memset(m, 1, 1 << 20);
		read_file("/proc/meminfo", buf, sizeof(buf));
		after = value_after(buf, "MemFree:");
		snprintf(what, sizeof(what), "%lld kB -> %lld kB", freekb,
			 after);
		check(freekb - after >= 1024,
		      "meminfo: touching 1 MiB lowers MemFree by 1024 kB+",
		      what);
		munmap(m, 1 << 20);
	}

	/* top: the cpu line, processes, procs_running */
	check(read_file("/proc/stat", buf, sizeof(buf)) > 0,
	      "read /proc/stat", strerror(errno));
	check(sscanf(buf, "cpu %lld %*d %lld", &a, &b) == 2 && a + b > 0,
	      "stat: the cpu line has user, nice, system ... ticks", buf);
	check(value_after(buf, "\nbtime ") >= 0 &&
	      value_after(buf, "\nprocesses ") >= 2 &&
	      value_after(buf, "\nprocs_running ") >= 1 &&
	      value_after(buf, "\nctxt ") > 0,
	      "stat: ctxt, btime, processes, procs_running", buf);

	/* uptime(1); a read at offset 0 after lseek gives fresh text */
	fd = open("/proc/uptime", O_RDONLY);
	memset(what, 0, sizeof(what));
	check(fd >= 0 && read(fd, what, sizeof(what) - 1) > 0 &&
	      sscanf(what, "%lf %lf", &up1, &up2) == 2 && up1 > 0 &&
	      up2 >= 0, "uptime: seconds up and seconds idle", what);
	usleep(300000);
	memset(what, 0, sizeof(what));
	check(fd >= 0 && lseek(fd, 0, SEEK_SET) == 0 &&
	      read(fd, what, sizeof(what) - 1) > 0 && atof(what) >= up1 + 0.2,
	      "uptime: lseek to 0 and read again: 0.3 s later", what);
	if (fd >= 0)
		close(fd);

	check(read_file("/proc/loadavg", buf, sizeof(buf)) > 0 &&
	      sscanf(buf, "%lf %lf %lf %d/%d %d", &l1, &l5, &l15, &running,
		     &threads, &last) == 6 && l1 >= 0 && running >= 1 &&
	      running <= threads && last > 0,
	      "loadavg: three averages, running/total, last pid", buf);

	/* df and mount */
	check(read_file("/proc/mounts", buf, sizeof(buf)) > 0 &&
	      strstr(buf, " / ") && strstr(buf, " /proc proc "),
	      "mounts: / and /proc, in fstab's format", buf);
	check(read_file("/proc/version", buf, sizeof(buf)) > 0 &&
	      !strncmp(buf, "Linux version ", 14),
	      "version: \"Linux version ...\"", buf);
	check(read_file("/proc/cpuinfo", big, BIG) > 0 &&
	      !strncmp(big, "processor\t: 0\n", 14),
	      "cpuinfo: starts with processor\\t: 0", big);
	/* Off Clonix, qemu-user may show the host's CPU. */
#ifdef __riscv
	p = strstr(big, "\nisa\t\t: rv");
	check(!on_clonix || p, "cpuinfo: the isa line (rv...)", big);
#else
	p = strstr(big, "\nvendor_id\t: ");
	check(!on_clonix || (p && strstr(big, "\nflags\t\t:")),
	      "cpuinfo: vendor_id, flags", big);
#endif

	fd = open("/proc/meminfo", O_WRONLY);
	check(fd >= 0 && write(fd, "1", 1) < 0 && errno == EIO,
	      "writing /proc/meminfo gives EIO (as root)", strerror(errno));
	if (fd >= 0)
		close(fd);

	/* The names are the kernel's. */
	check_errno(mkdir("/proc/test_proc_dir", 0755), ENOENT,
		    "mkdir in /proc gives ENOENT");
	check_errno(open("/proc/1/test_proc_file", O_CREAT | O_WRONLY, 0644),
		    ENOENT, "creating a file in /proc/1 gives ENOENT");
	check_errno(unlink("/proc/meminfo"), EPERM,
		    "unlink /proc/meminfo gives EPERM");
	check_errno(rmdir("/proc/1"), EPERM, "rmdir /proc/1 gives EPERM");
	check(read_file("/proc/meminfo", buf, sizeof(buf)) > 0,
	      "/proc/meminfo is still there", NULL);
}

/* The load average moves every 5 s (501 ticks): after spinning for 520
 * ticks (one update at least) it is above zero, and sysinfo(2) gives the
 * same figure. */
static void test_loadavg_moves(void)
{
	unsigned long long t0 = total_ticks();
	double l1 = -1, si1, end = now() + 20;
	struct sysinfo si;
	char buf[256];

	while (total_ticks() - t0 < 520 && now() < end)
		burn(0.1);
	read_file("/proc/loadavg", buf, sizeof(buf));
	sscanf(buf, "%lf", &l1);
	/* A Linux host counts its other CPUs' ticks too: not checked. */
	check(!on_clonix || l1 >= 0.05,
	      "loadavg: spinning 5.2 s raises the 1-minute load", buf);
	check(sysinfo(&si) == 0, "sysinfo", strerror(errno));
	si1 = si.loads[0] / 65536.0;
	snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
		 "sysinfo %.3f", si1);
	check(si1 > l1 - 0.02 && si1 < l1 + 0.02,
	      "sysinfo's loads[0] is /proc/loadavg's figure", buf);
}

/* A process started from the console has it as controlling terminal. */
static void test_tty(void)
{
	int fd = open("/dev/tty", O_RDWR);
	struct stat st;

	check(stat("/dev/tty", &st) == 0 && S_ISCHR(st.st_mode) &&
	      st.st_rdev == ((5 << 8) | 0), "/dev/tty is char device 5,0",
	      NULL);
	if (on_clonix) {
		check(fd >= 0 && isatty(fd),
		      "/dev/tty opens for a console process (a terminal)",
		      strerror(errno));
		check(read_file("/proc/self/stat", big, BIG) > 0 &&
		      stat_field(big, 7, NULL) == ((5 << 8) | 1),
		      "stat: tty_nr is the console's, 5:1", big);
	} else {
		check(fd >= 0 ? isatty(fd) : errno == ENXIO,
		      "/dev/tty opens, or ENXIO without a terminal", NULL);
	}
	if (fd >= 0)
		close(fd);
}

/* Reading every file many times keeps no page. */
static void test_no_leak(void)
{
	static const char *const files[] = {
		"/proc/meminfo", "/proc/stat", "/proc/uptime", "/proc/loadavg",
		"/proc/mounts", "/proc/version", "/proc/cpuinfo",
		"/proc/self/stat", "/proc/self/status", "/proc/self/maps",
		"/proc/self/cmdline", "/proc/self/comm", "/proc/1/status",
	};
	long before, after;
	char what[64];
	int round;
	size_t i;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		read_file(files[i], big, BIG);	/* warm the caches */
	before = meminfo_free_pages();
	for (round = 0; round < 20; round++)
		for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
			read_file(files[i], big, BIG);
	after = meminfo_free_pages();
	if (before < 0) {
		printf("proc: free pages back to baseline: skipped (not "
		       "Clonix)\n");
		return;
	}
	snprintf(what, sizeof(what), "%ld before, %ld after", before, after);
	check(after == before, "260 reads of /proc files keep no page", what);
}

/* Run as nobody after an exec (so, on Linux, dumpable again): /proc/self
 * is ours, /proc/1 is root's; our own fail-nth (where it exists) opens
 * for writing, init's does not. */
static int owner_mode(void)
{
	struct stat st;
	int fd;

	check(stat("/proc/self", &st) == 0 && st.st_uid == 65534 &&
	      st.st_gid == 65534, "as nobody: /proc/self is nobody's", NULL);
	check(stat("/proc/self/status", &st) == 0 && st.st_uid == 65534,
	      "and so are its files", NULL);
	check(stat("/proc/1", &st) == 0 && st.st_uid == 0,
	      "/proc/1 stays root's", NULL);
	if (access("/proc/self/fail-nth", F_OK) == 0) {
		fd = open("/proc/self/fail-nth", O_WRONLY);
		check(fd >= 0 && write(fd, "0", 1) == 1,
		      "nobody writes its own fail-nth", strerror(errno));
		close(fd);
		check_errno(open("/proc/1/fail-nth", O_WRONLY), EACCES,
			    "but not init's: EACCES");
	}
	return check_summary();
}

/* A process's /proc/<pid> belongs to its effective user (proc(5)), even
 * when root looked at it first, before the process changed its ids. */
static void test_owner(char *argv0)
{
	char path[32], go;
	int status, p[2];
	struct stat st;
	pid_t pid;

	fflush(stdout);
	if (pipe(p))
		return;
	pid = fork();
	if (pid == 0) {
		close(p[1]);
		if (read(p[0], &go, 1) != 1 || setgid(65534) || setuid(65534))
			_exit(99);
		execl(on_clonix ? "/bin/test_proc" : argv0, "test_proc",
		      "--owner", (char *)NULL);
		_exit(errno == ENOEXEC ? 97 : 98);
	}
	close(p[0]);
	snprintf(path, sizeof(path), "/proc/%d", pid);
	check(stat(path, &st) == 0 && st.st_uid == 0, "a child of root: its "
	      "/proc/<pid> is root's", NULL);
	if (write(p[1], "g", 1) != 1)
		perror("write");
	close(p[1]);
	if (waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 97 && !on_clonix) {
		/* qemu-user without binfmt_misc cannot exec a guest binary */
		printf("proc: (our own binary cannot be exec'd here: the "
		       "owner checks are not run)\n");
		return;
	}
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "a process that "
	      "became nobody owns its /proc/<pid>", NULL);
}

int main(int argc, char *argv[])
{
	struct utsname u;

	check_prog = "proc";
	if (argc > 1 && !strcmp(argv[1], "--owner")) {
		check_prog = "proc (nobody)";
		return owner_mode();
	}
	big = mmap(NULL, BIG, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (big == MAP_FAILED)
		return 1;
	on_clonix = !uname(&u) && strstr(u.version, "Clonix") != NULL;
	test_self(argv[0]);
	test_times();
	test_child();
	test_listing(argv[0]);
	test_ps_while_processes_come_and_go();
	test_maps();
	test_system_files();
	test_loadavg_moves();
	test_tty();
	test_owner(argv[0]);
	test_no_leak();
	return check_summary();
}
