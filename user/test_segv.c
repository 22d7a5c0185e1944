/* test_segv MODE: do something fatal, so the parent's wait4 sees the
 * signal. MODE: null (read address 0), kernel (write kernel memory),
 * prot-none (touch a PROT_NONE page), exec-data (jump into the stack),
 * illegal (an illegal instruction). */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

int main(int argc, char *argv[])
{
	const char *mode = argc > 1 ? argv[1] : "null";

	printf("test_segv: %s\n", mode);
	fflush(stdout);
	if (!strcmp(mode, "null")) {
		volatile int *p = (volatile int *)0;

		return *p;
	}
	if (!strcmp(mode, "kernel")) {
		volatile unsigned long *k =
			(volatile unsigned long *)(sizeof(long) == 8 ?
				0xffffffff80200000UL : 0xc0100000UL);

		*k = 0xdead;
		return 0;
	}
	if (!strcmp(mode, "prot-none")) {
		volatile char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
					MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		p[0] = 1;
		mprotect((void *)p, 4096, PROT_NONE);
		return p[0];
	}
	if (!strcmp(mode, "exec-data")) {
		unsigned int code[4] = { 0 };
		void (*fn)(void) = (void (*)(void))code;

#if defined(__i386__)
		/* i386 paging without PAE has no no-execute bit: the jump
		 * into the stack succeeds. Fill the "code" with hlt, which
		 * user mode may not run (a general protection fault), so the
		 * program dies with SIGSEGV here too, and deterministically. */
		memset(code, 0xf4, sizeof(code));
		__asm__ __volatile__("" : : "r"(code) : "memory");
#endif
		fn();
		return 0;
	}
	if (!strcmp(mode, "illegal")) {
#if defined(__riscv)
		__asm__ __volatile__(".word 0");	/* defined illegal */
#else
		__asm__ __volatile__("ud2");
#endif
		return 0;
	}
	printf("test_segv: unknown mode %s\n", mode);
	return 2;
}
