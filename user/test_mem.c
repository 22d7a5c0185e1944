/* test_mem: user memory the kernel provides on demand — the heap (brk,
 * malloc), anonymous mmap/munmap/mprotect, and a stack that grows — and
 * that all of it goes back when the process exits. */
#include "check.h"
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>

static unsigned long free_pages(void)
{
	struct sysinfo si;

	sysinfo(&si);
	return si.freeram * si.mem_unit / 4096;
}

static int recurse(int depth)
{
	volatile unsigned char pad[1024];	/* char is signed on i386 */

	pad[0] = depth;
	return depth ? recurse(depth - 1) + pad[0] - depth : 0;
}

static void child_work(void)
{
	char *heap = malloc(8 << 20), *m;
	size_t i;

	for (i = 0; heap && i < (8 << 20); i += 4096)
		heap[i] = 1;
	m = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (i = 0; m != MAP_FAILED && i < (1 << 20); i += 4096)
		m[i] = 2;
	recurse(1000);	/* about 1 MiB of stack */
	_exit(heap && m != MAP_FAILED ? 0 : 1);
}

int main(void)
{
	char *p, *q, *b0;
	unsigned long before;
	int status, i, sum = 0;
	pid_t pid;

	check_prog = "mem";
	b0 = sbrk(0);
	check(brk(b0 + 65536) == 0 && sbrk(0) == b0 + 65536, "brk grows", NULL);
	b0[65535] = 1;
	check(brk(b0) == 0 && sbrk(0) == b0, "brk shrinks", NULL);

	p = malloc(4 << 20);
	check(p != NULL, "malloc 4 MiB", NULL);
	for (i = 0; p && i < (4 << 20); i += 4096)
		p[i] = i;
	for (i = 0; p && i < (4 << 20); i += 4096)
		sum += p[i] == (char)i;
	check(sum == 1024, "4 MiB of malloc memory holds its values", NULL);
	free(p);

	p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check(p != MAP_FAILED && p[0] == 0 && p[8191] == 0,
	      "anonymous mmap is zeroed", NULL);
	p[4096] = 7;
	check(munmap(p + 4096, 4096) == 0, "munmap the middle page", NULL);
	q = mmap(p + 4096, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
		 MAP_FIXED, -1, 0);
	check(q == p + 4096 && q[0] == 0, "MAP_FIXED refills the hole", NULL);
	check(mprotect(p, 3 * 4096, PROT_READ) == 0, "mprotect read-only", NULL);
	check_errno((long)mmap(p, 4096, PROT_READ, MAP_SHARED | MAP_ANONYMOUS |
			       MAP_FIXED_NOREPLACE, -1, 0) == -1 ? -1 : 0,
		    EEXIST, "MAP_FIXED_NOREPLACE onto a mapping gives EEXIST");
	check_errno(mprotect((char *)0x1000, 4096, PROT_READ), ENOMEM,
		    "mprotect of unmapped memory gives ENOMEM");
	check(munmap(p, 3 * 4096) == 0, "munmap all", NULL);
	check(recurse(200) == 0, "the stack grows on demand", NULL);

	wait(NULL);
	before = free_pages();
	pid = fork();
	if (pid == 0)
		child_work();
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "a child uses 10 MiB of heap, mmap and stack", NULL);
	check(free_pages() == before, "and gives every page back", NULL);
	return check_summary();
}
