/* test_oom: touch memory until the kernel has none left. The kernel must
 * kill this process (SIGKILL, "Out of memory") and carry on. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

int main(void)
{
	size_t chunk = 1 << 20, total = 0;

	setvbuf(stdout, NULL, _IONBF, 0);
	for (;;) {
		char *p = mmap(NULL, chunk, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED) {
			printf("oom: mmap failed after %zu MiB\n", total >> 20);
			return 1;
		}
		for (size_t i = 0; i < chunk; i += 4096)
			p[i] = 1;	/* each touch needs a fresh page */
		total += chunk;
	}
}
