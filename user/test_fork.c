/* The seeds' fork program: fork() returns twice — 0 in the child, the
 * child's pid in the parent — and the parent waits for the child. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int pid;

	/* fork another process */
	pid = fork();
	if (pid < 0) {
		/* error occurred */
		fprintf(stderr, "Fork Failed!");
		exit(-1);
	} else if (pid == 0) {
		/* child process */
		printf("This is Child Process!\n");
	} else {
		/* parent process */
		printf("This is Parent Process!\n");
		/* parent will wait for the child to complete */
		wait(NULL);
		printf("Child Complete!\n");
	}
	return 0;
}
