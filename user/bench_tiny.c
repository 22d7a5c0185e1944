/* bench_tiny: the smallest program there is, for the benchmark (bench.c).
 * Built without a C library (-nostdlib, see USER_LDMODE_bench_tiny in the
 * Makefile): one page of code and nothing else, so `fork + execve` of it
 * measures exec itself, not a C library's start-up. It has three modes:
 *   bench_tiny          exits with status 0 at once;
 *   bench_tiny sleep    reads one byte from descriptor 0 first: bench starts
 *                       its sleeping processes this way, with a pipe as fd
 *                       0, and releases them all by closing its write end;
 *   bench_tiny procs    the most minimal processes alive at once: forks
 *                       copies of itself that block in read until fork
 *                       fails, releases and reaps them, and then prints
 *                       "MIN_PROCS procs=N forks=F error=E" on
 *                       descriptor 1.
 * Neither the forker nor its copies write to memory between the forks (the
 * system calls are inline, the counts stay in registers), so each copy
 * costs the kernel's own share of a process and nothing else. */
#include <asm/unistd.h>

#define SIGCHLD	17
#define WNOHANG	1
#define EINTR	4

/* A system call with up to four arguments, without libc. The number is
 * an immediate in the instruction stream ("i"), so the compiler never
 * holds it in a register of its own (see procs: i386 has few to spare). */
#if defined(__riscv)
#define syscall4(nr, a, b, c, d) ({					\
	register long a0 asm("a0") = (long)(a);				\
	register long a1 asm("a1") = (long)(b);				\
	register long a2 asm("a2") = (long)(c);				\
	register long a3 asm("a3") = (long)(d);				\
	asm volatile("li a7, %1\n\tecall" : "+r"(a0) : "i"(nr), "r"(a1),	\
		     "r"(a2), "r"(a3) : "a7", "memory");			\
	a0; })
#elif defined(__i386__)
#define syscall4(nr, a, b, c, d) ({					\
	long ret;							\
	asm volatile("movl %1, %%eax\n\tint $0x80" : "=a"(ret)		\
		     : "i"(nr), "b"((long)(a)), "c"((long)(b)),		\
		       "d"((long)(c)), "S"((long)(d)) : "memory");		\
	ret; })
#else
#error "bench_tiny: RISC-V or i386 only"
#endif

#define syscall3(nr, a, b, c)	syscall4(nr, a, b, c, 0)

static inline __attribute__((always_inline, noreturn)) void exit_now(long st)
{
	for (;;)
		syscall3(__NR_exit_group, st, 0, 0);
}

/* "name=value " in decimal at p (value >= 0); returns the end. */
static char *put_field(char *p, const char *name, long value)
{
	char digits[24];
	int n = 0;

	while (*name)
		*p++ = *name++;
	do
		digits[n++] = '0' + value % 10;
	while ((value /= 10) > 0);
	while (n > 0)
		*p++ = digits[--n];
	*p++ = ' ';
	return p;
}

/* The procs mode (see the top): fork until it fails, report, release. */
static __attribute__((noreturn)) void procs(void)
{
	int release[2];
	long forks = 0, alive, pid;
	char line[96], *p = line;
	char c;

	if (syscall3(__NR_pipe2, (long)release, 0, 0) < 0)
		exit_now(2);
	for (;;) {
		pid = syscall3(__NR_clone, SIGCHLD, 0, 0);
		if (pid == 0) {		/* a copy: wait for the release */
			syscall3(__NR_close, release[1], 0, 0);
			while (syscall3(__NR_read, release[0], (long)&c, 1) > 0)
				;
			exit_now(0);
		}
		if (pid < 0)
			break;
		forks++;
	}
	/*
	 * The machine has no page left, and every page of the forker is
	 * shared with its copies: a write to memory now would need a page
	 * and kill it. So until the copies are gone the counts stay in one
	 * register (i386 has few beside the system call's): the copies alive
	 * above the low byte, the error (an errno, under 256) in it.
	 */
	alive = forks << 8 | -pid;
	/* A copy that is gone already (its read found no memory) is not
	 * alive (it is reaped without its status, which would be a write). */
	while (syscall4(__NR_wait4, -1, 0, WNOHANG, 0) > 0)
		alive -= 1 << 8;
	syscall3(__NR_close, release[1], 0, 0);
	while ((pid = syscall4(__NR_wait4, -1, 0, 0, 0)) > 0 || pid == -EINTR)
		;
	/* Every copy is gone, and its memory back: now the line. */
	p = put_field(p, "MIN_PROCS procs=", alive >> 8);
	p = put_field(p, "forks=", forks);
	p = put_field(p, "error=", alive & 255);
	p[-1] = '\n';
	syscall3(__NR_write, 1, (long)line, p - line);
	exit_now(0);
}

/* Called from _start with the initial stack: argc, then argv[]. */
__attribute__((noreturn, used)) void tiny_main(long *sp)
{
	char **argv = (char **)(sp + 1);
	char c;

	if (sp[0] > 1 && argv[1][0] == 'p')
		procs();
	if (sp[0] > 1)
		syscall3(__NR_read, 0, (long)&c, 1);	/* until released */
	exit_now(0);
}

/* The entry point: hand the stack pointer (where argc is) to tiny_main. */
#if defined(__riscv)
asm(".globl _start\n_start:\n\tmv a0, sp\n\tcall tiny_main\n");
#else
asm(".globl _start\n_start:\n\tpushl %esp\n\tcall tiny_main\n");
#endif
