/* test_forkbomb [limit|inf]: fork until fork() fails, then report why,
 * kill and reap every child. With a limit, RLIMIT_NPROC is lowered first,
 * so the failure must be EAGAIN; without, or with "inf" (RLIMIT_NPROC set
 * to RLIM_INFINITY, as root may), it is EAGAIN (the kernel's threads-max)
 * or ENOMEM, whichever the kernel runs out of first. Either way the
 * system must go on. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_CHILDREN 100000

int main(int argc, char *argv[])
{
	static pid_t kids[MAX_CHILDREN];
	int n = 0, reaped = 0, err;

	if (argc > 1) {
		rlim_t n = strcmp(argv[1], "inf") ? (rlim_t)atoi(argv[1]) :
						    RLIM_INFINITY;
		struct rlimit rl = { n, n };

		if (setrlimit(RLIMIT_NPROC, &rl) != 0) {
			perror("setrlimit");
			return 2;
		}
	}
	setvbuf(stdout, NULL, _IONBF, 0);
	for (;;) {
		pid_t pid = fork();

		if (pid < 0) {
			err = errno;
			break;
		}
		if (pid == 0) {
			for (;;)
				sleep(1000);	/* until killed */
		}
		kids[n++] = pid;
		if (n == MAX_CHILDREN) {
			err = 0;
			break;
		}
	}
	/* Report once the children are gone: with memory exhausted even a
	 * write to the console may fail for want of a kernel buffer. */
	for (int i = 0; i < n; i++)
		kill(kids[i], SIGKILL);
	while (wait(NULL) > 0)
		reaped++;
	printf("forkbomb: fork failed after %d children: %s (%s)\n", n,
	       err == EAGAIN ? "EAGAIN" : err == ENOMEM ? "ENOMEM" : "other",
	       strerror(err));
	printf("forkbomb: killed and reaped %d children\n", reaped);
	return reaped == n ? 0 : 1;
}
