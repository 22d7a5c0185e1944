/* bench_tiny: the smallest program there is, for the benchmark (bench.c).
 * Built without a C library (-nostdlib, see USER_LDMODE_bench_tiny in the
 * Makefile): one page of code and nothing else, so `fork + execve` of it
 * measures exec itself, not a C library's start-up. Without arguments it
 * exits with status 0 at once. With any argument it first reads one byte
 * from descriptor 0: bench starts its sleeping processes this way, with a
 * pipe as fd 0, and releases them all by closing the pipe's write end. */
#include <asm/unistd.h>

/* A system call with up to three arguments, without libc. */
static long syscall3(long nr, long a, long b, long c)
{
#if defined(__riscv)
	register long a7 asm("a7") = nr;
	register long a0 asm("a0") = a;
	register long a1 asm("a1") = b;
	register long a2 asm("a2") = c;

	asm volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2) : "memory");
	return a0;
#elif defined(__i386__)
	long ret;

	asm volatile("int $0x80" : "=a"(ret) : "0"(nr), "b"(a), "c"(b), "d"(c)
		     : "memory");
	return ret;
#else
#error "bench_tiny: RISC-V or i386 only"
#endif
}

/* Called from _start with the initial stack: argc, then argv[]. */
__attribute__((noreturn, used)) void tiny_main(long *sp)
{
	char c;

	if (sp[0] > 1)
		syscall3(__NR_read, 0, (long)&c, 1);	/* until released */
	for (;;)
		syscall3(__NR_exit_group, 0, 0, 0);
}

/* The entry point: hand the stack pointer (where argc is) to tiny_main. */
#if defined(__riscv)
asm(".globl _start\n_start:\n\tmv a0, sp\n\tcall tiny_main\n");
#else
asm(".globl _start\n_start:\n\tpushl %esp\n\tcall tiny_main\n");
#endif
