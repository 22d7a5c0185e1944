/* test_vdso: the vDSO the kernel maps into every program, as a debugger
 * or glibc finds it. On RISC-V (Linux and Clonix): getauxval(AT_SYSINFO_EHDR)
 * is an ELF shared object whose dynamic symbols give
 * __vdso_rt_sigreturn (version LINUX_4.15), whose code is exactly
 * `li a7, 139; ecall` (rt_sigreturn), and clock_gettime, gettimeofday and
 * clock_getres that agree with the system calls; /proc/self/maps calls
 * it [vdso];
 * a fork child has it at the same place; a child may unmap it, or make
 * it writable and write to it, without the parent seeing anything.
 * i386: Linux maps a vDSO (__kernel_rt_sigreturn, __kernel_vsyscall);
 * Clonix's i386 has none — handlers return through glibc's sa_restorer
 * and system calls are int $0x80 — and announces none, which the test
 * checks there. Passes on a Linux host too (qemu-riscv64, i386). */
#include "check.h"
#include <elf.h>
#include <link.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>

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

/* The [vdso] line of /proc/self/maps, or "" if there is none. */
static void maps_line(char *line, size_t len)
{
	FILE *f = fopen("/proc/self/maps", "r");

	line[0] = 0;
	if (!f)
		return;
	while (fgets(line, len, f))
		if (strstr(line, "[vdso]"))
			break;
	if (!strstr(line, "[vdso]"))
		line[0] = 0;
	fclose(f);
}

#ifdef __riscv
static int wait_status(pid_t pid)
{
	int status = -1;

	waitpid(pid, &status, 0);
	return status;
}

static long long ts_ns(const struct timespec *t)
{
	return t->tv_sec * 1000000000LL + t->tv_nsec;
}

/* The vDSO's clocks agree with the system calls: each system call's
 * reading lies between two of the vDSO's, for CLOCK_REALTIME and
 * CLOCK_MONOTONIC; gettimeofday likewise; clock_getres says what the
 * system call says, and both refuse a bad clock alike. */
static void check_clocks(void)
{
	int (*vgettime)(clockid_t, struct timespec *);
	int (*vgettimeofday)(struct timeval *, void *);
	int (*vgetres)(clockid_t, struct timespec *);
	const ElfW(Sym) *g, *t, *r;
	const char *version = "";
	struct timespec a, b, c, ra, rb;
	struct timeval ta, tc;
	char detail[160];
	int ok = 1, i;

	g = find_sym("__vdso_clock_gettime", &version);
	t = find_sym("__vdso_gettimeofday", &version);
	r = find_sym("__vdso_clock_getres", &version);
	check(g && t && r && !strcmp(version, "LINUX_4.15"),
	      "it exports __vdso_clock_gettime, _gettimeofday, _clock_getres",
	      NULL);
	if (!g || !t || !r)
		return;
	vgettime = (void *)(load_bias + g->st_value);
	vgettimeofday = (void *)(load_bias + t->st_value);
	vgetres = (void *)(load_bias + r->st_value);
	detail[0] = 0;
	for (i = 0; i < 1000 && ok; i++) {
		clockid_t clk = i % 2 ? CLOCK_MONOTONIC : CLOCK_REALTIME;

		ok = vgettime(clk, &a) == 0 &&
		     syscall(SYS_clock_gettime, clk, &b) == 0 &&
		     vgettime(clk, &c) == 0 && ts_ns(&a) <= ts_ns(&b) &&
		     ts_ns(&b) <= ts_ns(&c) && a.tv_nsec < 1000000000 &&
		     b.tv_nsec < 1000000000;
		if (!ok)
			snprintf(detail, sizeof(detail),
				 "clock %d: %lld <= %lld <= %lld?", (int)clk,
				 ts_ns(&a), ts_ns(&b), ts_ns(&c));
	}
	check(ok, "its clock_gettime agrees with the system call (1000 times)",
	      detail);
	ok = vgettimeofday(&ta, NULL) == 0 &&
	     syscall(SYS_clock_gettime, CLOCK_REALTIME, &b) == 0 &&
	     vgettimeofday(&tc, NULL) == 0 &&
	     ta.tv_sec * 1000000LL + ta.tv_usec <= ts_ns(&b) / 1000 &&
	     ts_ns(&b) / 1000 <= tc.tv_sec * 1000000LL + tc.tv_usec;
	check(ok, "its gettimeofday agrees with the system call", NULL);
	ok = vgetres(CLOCK_MONOTONIC, &ra) == 0 &&
	     syscall(SYS_clock_getres, CLOCK_MONOTONIC, &rb) == 0 &&
	     ra.tv_sec == rb.tv_sec && ra.tv_nsec == rb.tv_nsec &&
	     vgetres(99, &ra) == -EINVAL && vgettime(99, &a) == -EINVAL;
	check(ok, "its clock_getres agrees; a bad clock is -EINVAL", NULL);
}

static void check_riscv(unsigned long base)
{
	const ElfW(Ehdr) *eh = (const void *)base;
	const ElfW(Sym) *s;
	const char *version = "";
	const unsigned int *code;
	char detail[160], line[256], want[40];
	unsigned int saved;
	pid_t pid;

	check(base != 0, "AT_SYSINFO_EHDR gives the vDSO", "none in auxv");
	if (!base)
		return;
	check(!memcmp(eh->e_ident, ELFMAG, SELFMAG) && eh->e_type == ET_DYN &&
	      eh->e_machine == EM_RISCV,
	      "it is an ELF shared object for RISC-V", NULL);
	check(parse_vdso(eh) == 0, "its dynamic section gives the symbols",
	      NULL);
	s = symtab ? find_sym("__vdso_rt_sigreturn", &version) : NULL;
	check(s != NULL, "it exports __vdso_rt_sigreturn", NULL);
	if (!s)
		return;
	check(!strcmp(version, "LINUX_4.15"),
	      "... with version LINUX_4.15", version);
	code = (const unsigned int *)(load_bias + s->st_value);
	snprintf(detail, sizeof(detail), "%08x %08x", code[0], code[1]);
	/* addi a7, zero, 139 and ecall */
	check(code[0] == 0x08b00893 && code[1] == 0x00000073,
	      "its code is li a7, 139 (rt_sigreturn); ecall", detail);

	check_clocks();

	maps_line(line, sizeof(line));
	snprintf(want, sizeof(want), "%lx-", base);
	check(strstr(line, "[vdso]") && !strncmp(line, want, strlen(want)) &&
	      strstr(line, " r-xp "),
	      "/proc/self/maps shows it r-x as [vdso]", line);

	/* A child inherits the mapping at the same place... */
	pid = fork();
	if (pid == 0)
		_exit(getauxval(AT_SYSINFO_EHDR) == base &&
		      code[0] == 0x08b00893 ? 0 : 1);
	check(wait_status(pid) == 0, "a fork child has it at the same place",
	      NULL);
	/* ... may make it writable and change it: only its own copy ... */
	saved = code[0];
	pid = fork();
	if (pid == 0) {
		if (mprotect((void *)base, getpagesize(),
			     PROT_READ | PROT_WRITE | PROT_EXEC))
			_exit(2);
		*(volatile unsigned int *)code = 0;
		_exit(code[0] == 0 ? 0 : 1);
	}
	check(wait_status(pid) == 0 && code[0] == saved,
	      "a child's write to its vDSO is its own (copy on write)", NULL);
	pid = fork();
	if (pid == 0)
		_exit(code[0] == saved ? 0 : 1);
	check(wait_status(pid) == 0, "... and the next child's is unchanged",
	      NULL);
	/* ... or unmap it and live on. */
	pid = fork();
	if (pid == 0) {
		if (munmap((void *)base, getpagesize()))
			_exit(2);
		maps_line(line, sizeof(line));
		_exit(line[0] ? 1 : 0);
	}
	check(wait_status(pid) == 0, "a child may munmap it and live on",
	      NULL);
}
#endif

#ifdef __i386__
static void check_i386(unsigned long base)
{
	const ElfW(Ehdr) *eh = (const void *)base;
	const char *version = "";
	char line[256];

	maps_line(line, sizeof(line));
	if (running_on_clonix()) {
		check(base == 0, "Clonix i386 has no vDSO: no AT_SYSINFO_EHDR",
		      NULL);
		check(getauxval(AT_SYSINFO) == 0,
		      "... and no AT_SYSINFO (system calls are int $0x80)",
		      NULL);
		check(line[0] == 0, "... and no [vdso] in /proc/self/maps",
		      line);
		return;
	}
	/* A Linux host: its i386 vDSO. */
	check(base != 0 && !memcmp(eh->e_ident, ELFMAG, SELFMAG) &&
	      eh->e_machine == EM_386, "Linux i386: an i386 ELF vDSO", NULL);
	if (!base)
		return;
	check(parse_vdso(eh) == 0 &&
	      find_sym("__kernel_rt_sigreturn", &version) != NULL,
	      "Linux i386: it exports __kernel_rt_sigreturn", NULL);
	check(line[0] != 0, "Linux i386: /proc/self/maps shows [vdso]", NULL);
}
#endif

int main(void)
{
	unsigned long base = getauxval(AT_SYSINFO_EHDR);
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
#ifdef __riscv
	check_riscv(base);
#endif
#ifdef __i386__
	check_i386(base);
#endif
	/* glibc looked at the vDSO when it started; time still works. */
	check(clock_gettime(CLOCK_MONOTONIC, &a) == 0 &&
	      clock_gettime(CLOCK_MONOTONIC, &b) == 0 &&
	      (b.tv_sec > a.tv_sec ||
	       (b.tv_sec == a.tv_sec && b.tv_nsec >= a.tv_nsec)),
	      "clock_gettime works (and does not go back)", NULL);
	return check_summary();
}
