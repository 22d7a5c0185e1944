/* The smallest user program: MenuOS's `exec` command runs it. */
#include <stdio.h>

int main(void)
{
	printf("Hello from a new program!\n");
	return 0;
}
