/* test_vdso: the vDSO the kernel maps into every program, as a debugger
 * or glibc finds it, on both architectures (Linux and Clonix alike):
 * getauxval(AT_SYSINFO_EHDR) is an ELF shared object for this machine
 * whose dynamic symbols, looked up by walking its dynamic symbol table,
 * give the clocks glibc calls — RISC-V: __vdso_clock_gettime,
 * _gettimeofday, _clock_getres and _time (version LINUX_4.15), and
 * __vdso_rt_sigreturn, whose code is exactly `li a7, 139; ecall`; i386:
 * __vdso_clock_gettime, _clock_gettime64, _gettimeofday, _time and
 * _clock_getres (LINUX_2.6). Each clock agrees with its system call: the
 * system call's reading lies between two of the vDSO's, and the vDSO's
 * readings never go back; a clock the vDSO does not serve goes to the
 * system call. glibc found it: its clock_gettime pointer is the vDSO's, so
 * clock_gettime(3) makes no system call. /proc/self/maps calls the
 * mappings [vvar] and [vdso]; a fork child has it at the same place; a
 * child may unmap it, or make it writable and write to it, without the
 * parent seeing anything. i386: AT_SYSINFO gives the entry point,
 * __kernel_vsyscall, which glibc calls for every system call (Linux's
 * uses sysenter; Clonix's is `int $0x80; ret`). Clonix's i386 maps the
 * vDSO only when booted with vdso32=1; without, nothing is announced.
 * Passes on a Linux host too (i386 natively; qemu-riscv64 7.2 maps no
 * vDSO, so there the checks are left out). */
#include "check.h"
#include <elf.h>
#include <link.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>

#ifdef __riscv
#define VDSO_MACHINE EM_RISCV
#define VDSO_VERSION "LINUX_4.15"
#define VDSO_GETTIME64 "__vdso_clock_gettime"	/* 64-bit time already */
#define SYS_GETTIME64 SYS_clock_gettime
#define SYS_GETRES64 SYS_clock_getres
#else
#define VDSO_MACHINE EM_386
#define VDSO_VERSION "LINUX_2.6"
#define VDSO_GETTIME64 "__vdso_clock_gettime64"
#define SYS_GETTIME64 SYS_clock_gettime64
#define SYS_GETRES64 SYS_clock_getres_time64
#endif

/* struct __kernel_timespec: the 64-bit time both vDSOs' clock_gettime
 * (RISC-V) or clock_gettime64 (i386) write. */
struct kts {
	long long tv_sec;
	long long tv_nsec;
};

/* glibc's pointer to the vDSO's clock_gettime (NULL: system call). */
extern void *_dl_vdso_clock_gettime64;

static ElfW(Addr) load_bias;
static const ElfW(Sym) *symtab;
static const char *strtab;
static const ElfW(Half) *versym;
static const ElfW(Verdef) *verdef;
static unsigned long nsyms;

/* Number of symbols from a GNU hash table: the highest index in a chain. */
static unsigned long gnu_hash_count(const Elf32_Word *h)
{
	Elf32_Word nbuckets = h[0], symoffset = h[1], bloom = h[2];
	const Elf32_Word *buckets =
		(const Elf32_Word *)((const ElfW(Addr) *)(h + 4) + bloom);
	const Elf32_Word *chain = buckets + nbuckets;
	unsigned long max = 0, i;

	for (i = 0; i < nbuckets; i++)
		if (buckets[i] > max)
			max = buckets[i];
	if (max < symoffset)
		return symoffset;
	while (!(chain[max - symoffset] & 1))
		max++;
	return max + 1;
}

/* Find the dynamic symbol table through PT_DYNAMIC, as glibc does. */
static int parse_vdso(const ElfW(Ehdr) *eh)
{
	const ElfW(Phdr) *ph = (const void *)((const char *)eh + eh->e_phoff);
	const ElfW(Dyn) *dyn = NULL;
	int i, have_load = 0;

	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && !have_load) {
			load_bias = (ElfW(Addr))eh + ph[i].p_offset -
				    ph[i].p_vaddr;
			have_load = 1;
		} else if (ph[i].p_type == PT_DYNAMIC) {
			dyn = (const void *)((const char *)eh + ph[i].p_offset);
		}
	}
	if (!have_load || !dyn)
		return -1;
	for (; dyn->d_tag != DT_NULL; dyn++) {
		ElfW(Addr) p = dyn->d_un.d_ptr + load_bias;

		switch (dyn->d_tag) {
		case DT_SYMTAB: symtab = (const void *)p; break;
		case DT_STRTAB: strtab = (const void *)p; break;
		case DT_VERSYM: versym = (const void *)p; break;
		case DT_VERDEF: verdef = (const void *)p; break;
		case DT_HASH:
			nsyms = ((const Elf32_Word *)p)[1];
			break;
		case DT_GNU_HASH:
			if (!nsyms)
				nsyms = gnu_hash_count((const void *)p);
			break;
		}
	}
	return symtab && strtab && nsyms ? 0 : -1;
}

/* The version name of symbol i, or "" without version information. */
static const char *sym_version(unsigned long i)
{
	const ElfW(Verdef) *d = verdef;
	ElfW(Half) want;

	if (!versym || !verdef)
		return "";
	want = versym[i] & 0x7fff;
	for (;;) {
		if (d->vd_ndx == want) {
			const ElfW(Verdaux) *a =
				(const void *)((const char *)d + d->vd_aux);
			return strtab + a->vda_name;
		}
		if (!d->vd_next)
			return "";
		d = (const void *)((const char *)d + d->vd_next);
	}
}

static const ElfW(Sym) *find_sym(const char *name, const char **version)
{
	unsigned long i;

	for (i = 0; i < nsyms; i++)
		if (symtab[i].st_shndx != SHN_UNDEF &&
		    !strcmp(strtab + symtab[i].st_name, name)) {
			*version = sym_version(i);
			return &symtab[i];
		}
	return NULL;
}

/* The line of /proc/self/maps naming what, or "" if there is none. */
static void maps_line(const char *what, char *line, size_t len)
{
	FILE *f = fopen("/proc/self/maps", "r");

	line[0] = 0;
	if (!f)
		return;
	while (fgets(line, len, f))
		if (strstr(line, what))
			break;
	if (!strstr(line, what))
		line[0] = 0;
	fclose(f);
}

static int wait_status(pid_t pid)
{
	int status = -1;

	waitpid(pid, &status, 0);
	return status;
}

static long long kts_ns(const struct kts *t)
{
	return t->tv_sec * 1000000000LL + t->tv_nsec;
}

/* A vDSO function by name, at its place in this process; NULL when it is
 * not there or has another version than this architecture's. */
static void *vdso_fn(const char *name)
{
	const char *version = "";
	const ElfW(Sym) *s = find_sym(name, &version);

	return s && !strcmp(version, VDSO_VERSION) ?
		       (void *)(load_bias + s->st_value) : NULL;
}

/* The 64-bit clock_gettime agrees with the system call, both clocks,
 * 1000 times: each system call's reading between the vDSO's two around
 * it, and no vDSO reading before the one before it. */
static void check_gettime(int (*vgettime)(clockid_t, struct kts *))
{
	struct kts a, b, c, last[2] = { { 0, 0 }, { 0, 0 } };
	char detail[160] = "";
	int ok = 1, back = 0, i;

	for (i = 0; i < 1000 && ok && !back; i++) {
		clockid_t clk = i % 2 ? CLOCK_MONOTONIC : CLOCK_REALTIME;

		ok = vgettime(clk, &a) == 0 &&
		     syscall(SYS_GETTIME64, clk, &b) == 0 &&
		     vgettime(clk, &c) == 0 && kts_ns(&a) <= kts_ns(&b) &&
		     kts_ns(&b) <= kts_ns(&c) && a.tv_nsec < 1000000000 &&
		     c.tv_nsec < 1000000000 && a.tv_nsec >= 0;
		back = kts_ns(&a) < kts_ns(&last[i % 2]);
		last[i % 2] = c;
		if (!ok || back)
			snprintf(detail, sizeof(detail),
				 "clock %d: %lld <= %lld <= %lld?", (int)clk,
				 kts_ns(&a), kts_ns(&b), kts_ns(&c));
	}
	check(ok, "its clock_gettime agrees with the system call (1000 "
	      "times)", detail);
	check(!back, "... and never goes back", detail);
}

#ifdef __i386__
struct ts32 {
	long tv_sec;
	long tv_nsec;
};

/* i386's older clock_gettime, with 32-bit seconds, likewise. */
static void check_gettime32(int (*vgettime)(clockid_t, struct ts32 *))
{
	struct ts32 a, b, c;
	int ok = 1, i;

	for (i = 0; i < 200 && ok; i++) {
		clockid_t clk = i % 2 ? CLOCK_MONOTONIC : CLOCK_REALTIME;

		ok = vgettime(clk, &a) == 0 &&
		     syscall(SYS_clock_gettime, clk, &b) == 0 &&
		     vgettime(clk, &c) == 0 &&
		     a.tv_sec * 1000000000LL + a.tv_nsec <=
			     b.tv_sec * 1000000000LL + b.tv_nsec &&
		     b.tv_sec * 1000000000LL + b.tv_nsec <=
			     c.tv_sec * 1000000000LL + c.tv_nsec;
	}
	check(ok, "its 32-bit clock_gettime agrees with the system call", NULL);
}
#endif

/* The vDSO's clocks against the system calls. */
static void check_clocks(void)
{
	int (*vgettime)(clockid_t, struct kts *) = vdso_fn(VDSO_GETTIME64);
	int (*vgettimeofday)(struct timeval *, void *) =
		vdso_fn("__vdso_gettimeofday");
	int (*vgetres)(clockid_t, struct timespec *) =
		vdso_fn("__vdso_clock_getres");
	long (*vtime)(long *) = vdso_fn("__vdso_time");
	struct kts a, b, rb;
	struct timespec ra;
	struct timeval ta, tc;
	long t0, t1, t2;
	int ok;

	check(vgettime && vgettimeofday && vgetres && vtime,
	      "it exports " VDSO_GETTIME64 ", __vdso_gettimeofday, "
	      "__vdso_clock_getres, __vdso_time (" VDSO_VERSION ")", NULL);
	if (!vgettime || !vgettimeofday || !vgetres || !vtime)
		return;
	check(_dl_vdso_clock_gettime64 == (void *)vgettime,
	      "glibc calls it for clock_gettime (no system call)", NULL);
	check_gettime(vgettime);
#ifdef __i386__
	{
		int (*v32)(clockid_t, struct ts32 *) =
			vdso_fn("__vdso_clock_gettime");

		check(v32 != NULL, "it exports __vdso_clock_gettime", NULL);
		if (v32)
			check_gettime32(v32);
	}
#endif
	ok = vgettimeofday(&ta, NULL) == 0 &&
	     syscall(SYS_GETTIME64, CLOCK_REALTIME, &b) == 0 &&
	     vgettimeofday(&tc, NULL) == 0 &&
	     ta.tv_sec * 1000000LL + ta.tv_usec <= kts_ns(&b) / 1000 &&
	     kts_ns(&b) / 1000 <= tc.tv_sec * 1000000LL + tc.tv_usec &&
	     vgettimeofday(NULL, NULL) == 0;
	check(ok, "its gettimeofday agrees with the system call", NULL);
	t0 = vtime(&t1);
	syscall(SYS_GETTIME64, CLOCK_REALTIME, &b);
	t2 = vtime(NULL);
	check(t0 == t1 && t0 <= b.tv_sec && b.tv_sec <= t2,
	      "its time agrees with the system clock", NULL);
	ok = vgetres(CLOCK_MONOTONIC, &ra) == 0 &&
	     syscall(SYS_GETRES64, CLOCK_MONOTONIC, &rb) == 0 &&
	     ra.tv_sec == rb.tv_sec && ra.tv_nsec == rb.tv_nsec &&
	     vgetres(99, &ra) == -EINVAL && vgettime(99, &a) == -EINVAL;
	check(ok, "its clock_getres agrees; a bad clock is -EINVAL", NULL);
	/* A clock it does not serve: the system call answers. */
	ok = vgettime(CLOCK_PROCESS_CPUTIME_ID, &a) == 0 &&
	     a.tv_nsec >= 0 && a.tv_nsec < 1000000000 && a.tv_sec >= 0 &&
	     vgetres(CLOCK_PROCESS_CPUTIME_ID, &ra) == 0;
	check(ok, "the process CPU clock goes to the system call", NULL);
}

#ifdef __riscv
static void check_sigreturn(void)
{
	const char *version = "";
	const ElfW(Sym) *s = find_sym("__vdso_rt_sigreturn", &version);
	const unsigned int *code;
	char detail[64];

	check(s && !strcmp(version, VDSO_VERSION),
	      "it exports __vdso_rt_sigreturn (" VDSO_VERSION ")", NULL);
	if (!s)
		return;
	code = (const unsigned int *)(load_bias + s->st_value);
	snprintf(detail, sizeof(detail), "%08x %08x", code[0], code[1]);
	/* addi a7, zero, 139 and ecall */
	check(code[0] == 0x08b00893 && code[1] == 0x00000073,
	      "its code is li a7, 139 (rt_sigreturn); ecall", detail);
}
#endif

#ifdef __i386__
/* The entry point, which AT_SYSINFO gives and glibc calls for every
 * system call: on Clonix `int $0x80; ret` (Linux's uses sysenter). */
static void check_vsyscall(const ElfW(Ehdr) *eh)
{
	const char *version = "";
	const ElfW(Sym) *s = find_sym("__kernel_vsyscall", &version);
	const unsigned char *code;
	char detail[64];

	check(s && !strcmp(version, "LINUX_2.5") && s->st_value == eh->e_entry,
	      "its entry point is __kernel_vsyscall (LINUX_2.5)", NULL);
	check(s && getauxval(AT_SYSINFO) == load_bias + s->st_value,
	      "AT_SYSINFO gives __kernel_vsyscall", NULL);
	if (!s || !running_on_clonix())
		return;
	code = (const unsigned char *)(load_bias + s->st_value);
	snprintf(detail, sizeof(detail), "%02x %02x %02x", code[0], code[1],
		 code[2]);
	check(code[0] == 0xcd && code[1] == 0x80 && code[2] == 0xc3,
	      "__kernel_vsyscall is int $0x80; ret", detail);
}
#endif

/* A child's mprotect of the vDSO failed (exit 2) on a Linux host. */
static int sealed(int status)
{
	return WIFEXITED(status) && WEXITSTATUS(status) == 2 &&
	       !running_on_clonix();
}

/* The mappings, as /proc/self/maps shows them and fork passes them on. */
static void check_mappings(unsigned long base)
{
	const unsigned int *word = (const unsigned int *)base;
	char line[256], want[40];
	unsigned int saved = word[0];
	unsigned long end;
	int status;
	pid_t pid;

	maps_line("[vdso]", line, sizeof(line));
	snprintf(want, sizeof(want), "%lx-", base);
	check(line[0] && !strncmp(line, want, strlen(want)) &&
	      strstr(line, " r-xp "),
	      "/proc/self/maps shows it r-x as [vdso]", line);
	if (!line[0])
		return;
	maps_line("[vvar]", line, sizeof(line));
	check(line[0] && strstr(line, " r--p "),
	      "... and the data page, read-only, as [vvar]", line);

	/* A child inherits the mapping at the same place... */
	pid = fork();
	if (pid == 0)
		_exit(getauxval(AT_SYSINFO_EHDR) == base &&
		      word[0] == saved ? 0 : 1);
	check(wait_status(pid) == 0, "a fork child has it at the same place",
	      NULL);
	/* ... may make it writable and change it: only its own copy ...
	 * (some Linux hosts seal the vDSO: mprotect and munmap refuse) */
	pid = fork();
	if (pid == 0) {
		if (mprotect((void *)base, getpagesize(),
			     PROT_READ | PROT_WRITE | PROT_EXEC))
			_exit(2);
		*(volatile unsigned int *)word = 0;
		_exit(word[0] == 0 ? 0 : 1);
	}
	status = wait_status(pid);
	if (sealed(status)) {
		printf("vdso: this kernel refuses mprotect on its vDSO: the "
		       "write and munmap checks are left out\n");
		return;
	}
	check(status == 0 && word[0] == saved,
	      "a child's write to its vDSO is its own (copy on write)", NULL);
	pid = fork();
	if (pid == 0)
		_exit(word[0] == saved ? 0 : 1);
	check(wait_status(pid) == 0, "... and the next child's is unchanged",
	      NULL);
	/* ... or unmap it (all its pages) and live on. */
	maps_line("[vdso]", line, sizeof(line));
	end = strtoul(strchr(line, '-') + 1, NULL, 16);
	pid = fork();
	if (pid == 0) {
#ifdef __i386__
		/* glibc's system calls go through the vDSO (AT_SYSINFO) and
		 * would return into it, gone: munmap and leave with our own
		 * int $0x80 (exit_group, 0 if munmap worked). */
		long r;

		__asm__ __volatile__("int $0x80" : "=a"(r)
				     : "0"(SYS_munmap), "b"(base),
				       "c"(end - base) : "memory");
		__asm__ __volatile__("int $0x80" : : "a"(SYS_exit_group),
				     "b"(r ? 2 : 0));
#endif
		if (munmap((void *)base, end - base))
			_exit(2);
		maps_line("[vdso]", line, sizeof(line));
		_exit(line[0] ? 1 : 0);
	}
	check(wait_status(pid) == 0, "a child may munmap it and live on",
	      NULL);
}

int main(void)
{
	unsigned long base = getauxval(AT_SYSINFO_EHDR);
	const ElfW(Ehdr) *eh = (const void *)base;
	struct timespec a, b;

	check_prog = "vdso";
	setvbuf(stdout, NULL, _IONBF, 0);
	if (!base && !running_on_clonix()) {
		/* Linux has mapped a vDSO on both since long ago (RISC-V
		 * 4.15): none means qemu-user (7.2 maps none). */
		printf("vdso: no vDSO under this qemu-user: its checks are "
		       "left out\n");
		return check_summary();
	}
#ifdef __i386__
	if (!base) {
		/* Clonix's i386 without vdso32=1: nothing announced, and
		 * glibc makes its system calls with its own int $0x80. */
		char line[256];

		maps_line("[vdso]", line, sizeof(line));
		printf("vdso: off (boot with vdso32=1 to turn it on)\n");
		check(getauxval(AT_SYSINFO) == 0 && line[0] == 0,
		      "vDSO off: no AT_SYSINFO_EHDR, no AT_SYSINFO, no [vdso]",
		      line);
		check(clock_gettime(CLOCK_MONOTONIC, &a) == 0,
		      "clock_gettime works (the system call)", NULL);
		return check_summary();
	}
#endif
	check(base != 0, "AT_SYSINFO_EHDR gives the vDSO", "none in auxv");
	if (!base)
		return check_summary();
	check(!memcmp(eh->e_ident, ELFMAG, SELFMAG) && eh->e_type == ET_DYN &&
	      eh->e_machine == VDSO_MACHINE,
	      "it is an ELF shared object for this machine", NULL);
	check(parse_vdso(eh) == 0, "its dynamic section gives the symbols",
	      NULL);
	if (!symtab)
		return check_summary();
#ifdef __riscv
	check_sigreturn();
#else
	check_vsyscall(eh);
#endif
	check_clocks();
	check_mappings(base);
	/* glibc looked at the vDSO when it started; time still works. */
	check(clock_gettime(CLOCK_MONOTONIC, &a) == 0 &&
	      clock_gettime(CLOCK_MONOTONIC, &b) == 0 &&
	      (b.tv_sec > a.tv_sec ||
	       (b.tv_sec == a.tv_sec && b.tv_nsec >= a.tv_nsec)),
	      "clock_gettime works (and does not go back)", NULL);
	return check_summary();
}
