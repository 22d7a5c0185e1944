/* test_exec [args...]: show what execve gave this program — argc, argv,
 * the environment and the auxiliary vector — and check it is Linux's. */
#include "check.h"
#include <elf.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char *argv[])
{
	char detail[64];
	int i;

	check_prog = "exec";
	printf("exec: argc=%d\n", argc);
	for (i = 0; i < argc; i++)
		printf("exec: argv[%d]=%s\n", i, argv[i]);
	for (i = 0; environ[i]; i++)
		printf("exec: env %s\n", environ[i]);
	check(argv[argc] == NULL, "argv ends with NULL", NULL);
	snprintf(detail, sizeof(detail), "AT_PAGESZ=%lu",
		 getauxval(AT_PAGESZ));
	check(getauxval(AT_PAGESZ) == 4096, "AT_PAGESZ is 4096", detail);
	check(getauxval(AT_PHDR) != 0, "AT_PHDR given", NULL);
	check(getauxval(AT_PHNUM) > 0, "AT_PHNUM given", NULL);
	extern char _start[];
	check(getauxval(AT_ENTRY) == (unsigned long)_start,
	      "AT_ENTRY is _start", NULL);
	check(getauxval(AT_RANDOM) != 0, "AT_RANDOM given", NULL);
	/* AT_EXECFN is the path given to execve ("/bin/test_exec"), argv[0]
	 * whatever the caller chose ("test_exec"). */
	check(getauxval(AT_EXECFN) &&
	      strstr((char *)getauxval(AT_EXECFN), argv[0]),
	      "AT_EXECFN names the program file", (char *)getauxval(AT_EXECFN));
	check(getauxval(AT_UID) == 0 && getauxval(AT_EGID) == 0,
	      "AT_UID and AT_EGID are root", NULL);
	check(((unsigned long)__builtin_frame_address(0) & 7) == 0,
	      "stack aligned", NULL);
	check(getenv("HOME") && !strcmp(getenv("HOME"), "/"),
	      "HOME=/ from kernel_init", NULL);
	return check_summary();
}
