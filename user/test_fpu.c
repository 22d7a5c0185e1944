/* test_fpu: each process has floating-point registers of its own. Two
 * children run the same long computation from different seeds at the
 * same time, so the timer switches between them while their values sit
 * in registers (RISC-V's f registers; on i386 the x87 stack, and the XMM
 * registers in an SSE version); each must end with exactly the result
 * the parent got running alone. */
#include "check.h"
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define ROUNDS 5000000

static double spin(double seed)
{
	double a = seed, b = 1.0;
	int i;

	for (i = 0; i < ROUNDS; i++) {
		a = a * 1.0000001 + b;
		b = b * 0.9999999 + 0.001;
	}
	return a + b;
}

#if defined(__i386__)
__attribute__((target("sse2,fpmath=sse"))) static double spin_sse(double seed)
{
	double a = seed, b = 1.0;
	int i;

	for (i = 0; i < ROUNDS; i++) {
		a = a * 1.0000001 + b;
		b = b * 0.9999999 + 0.001;
	}
	return a + b;
}
#endif

/* Two children compute fn(1.0) and fn(2.0) side by side. */
static void race(double (*fn)(double), const char *what)
{
	/* volatile: compare doubles, not the x87's wider registers */
	volatile double want[2] = { fn(1.0), fn(2.0) }, got;
	int i, status, ok = 1;
	pid_t pid[2];

	for (i = 0; i < 2; i++) {
		pid[i] = fork();
		if (pid[i] == 0) {
			got = fn(1.0 + i);
			_exit(got == want[i] ? 0 : 1);
		}
	}
	for (i = 0; i < 2; i++) {
		waitpid(pid[i], &status, 0);
		ok &= WIFEXITED(status) && WEXITSTATUS(status) == 0;
	}
	check(ok, what, NULL);
}

int main(void)
{
	check_prog = "fpu";
	race(spin, "two processes keep their floating-point registers");
#if defined(__i386__)
	race(spin_sse, "and their SSE registers");
#endif
	return check_summary();
}
