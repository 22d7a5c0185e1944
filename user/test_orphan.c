/* test_orphan: leave a child behind. The parent exits at once; the child,
 * adopted by pid 1, reports its new parent and exits a little later —
 * and pid 1 (MenuOS) must reap it, so no zombie stays. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		struct timespec ts = { 0, 100 * 1000 * 1000 };

		nanosleep(&ts, NULL);
		printf("orphan %d: my parent is now %d\n", getpid(), getppid());
		return 0;
	}
	printf("orphan: parent %d leaves child %d behind\n", getpid(), pid);
	return 0;
}
