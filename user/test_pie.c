/*
 * test_pie: a position-independent executable (ELF type ET_DYN) with no
 * interpreter, like a static-pie program. The kernel chooses where to load
 * it. Built without libc (Debian's RISC-V glibc has no static-pie start
 * files), so it makes its system calls by hand.
 */
#include <stddef.h>

static long sys3(long nr, long a, long b, long c)
{
#if defined(__riscv)
	register long a0 __asm__("a0") = a;
	register long a1 __asm__("a1") = b;
	register long a2 __asm__("a2") = c;
	register long a7 __asm__("a7") = nr;

	__asm__ __volatile__("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7)
			     : "memory");
	return a0;
#elif defined(__i386__)
	long ret;

	__asm__ __volatile__("int $0x80" : "=a"(ret)
			     : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
	return ret;
#endif
}

#if defined(__riscv)
#define NR_write 64
#define NR_exit 93
#else
#define NR_write 4
#define NR_exit 1
#endif

static void say(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	sys3(NR_write, 1, (long)s, n);
}

void _start(void)
{
	static const char hex[] = "0123456789abcdef";
	char buf[2 + 2 * sizeof(long) + 2];
	unsigned long where = (unsigned long)_start;
	int i;

	buf[0] = '0';
	buf[1] = 'x';
	for (i = 0; i < (int)(2 * sizeof(long)); i++)
		buf[2 + i] = hex[(where >> (4 * (2 * sizeof(long) - 1 - i))) & 15];
	buf[2 + 2 * sizeof(long)] = '\n';
	buf[3 + 2 * sizeof(long)] = 0;
	say("pie: an ET_DYN program running at ");
	say(buf);
	/* Linked at 0; the kernel must have moved it (the load bias). */
	say(where > 0x10000 ? "pie: relocated: ok\n" : "pie: relocated: FAILED\n");
	sys3(NR_exit, where > 0x10000 ? 0 : 1, 0, 0);
	for (;;)
		;
}
