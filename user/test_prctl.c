/* test_prctl: prctl(2)'s PR_SET_NAME and PR_GET_NAME, the thread's name
 * (comm) that ps and /proc show; BusyBox sets it for the applets it runs
 * without exec. From the man page: names are cut to 15 bytes plus NUL, a
 * child of fork starts with its parent's name, bad pointers are EFAULT
 * and leave the name alone, an unknown option is EINVAL. Passes on a
 * Linux host too. */
#include "check.h"
#include <sys/prctl.h>
#include <sys/utsname.h>
#include <sys/wait.h>

/* Under qemu-user on a Linux host, the name after exec is QEMU's own. */
static int under_qemu_user(const char *name)
{
	struct utsname u;

	return uname(&u) == 0 && !strstr(u.release, "clonix") &&
	       !strncmp(name, "qemu-", 5);
}

static void get_name(char name[16])
{
	memset(name, 'x', 16);
	if (prctl(PR_GET_NAME, (unsigned long)name, 0, 0, 0) != 0)
		strcpy(name, "(prctl failed)");
}

/* The name as /proc shows it: /proc/self/comm where there is one, else
 * this pid's line of Clonix's /proc/tasks. 1 if found and equal. */
static int proc_shows(const char *want)
{
	char line[256], pid[16];
	FILE *f = fopen("/proc/self/comm", "r");
	int found = 0;

	if (f) {
		found = fgets(line, sizeof(line), f) &&
			!strncmp(line, want, strlen(want)) &&
			line[strlen(want)] == '\n';
		fclose(f);
		return found;
	}
	f = fopen("/proc/tasks", "r");
	if (!f)
		return 1;	/* no /proc to look at */
	snprintf(pid, sizeof(pid), "%d", getpid());
	while (fgets(line, sizeof(line), f)) {
		char p[16], comm[64];

		if (sscanf(line, "%15s %*s %*s %*s %63s", p, comm) == 2 &&
		    !strcmp(p, pid) && strstr(line, want))
			found = 1;
	}
	fclose(f);
	return found;
}

int main(void)
{
	char name[16];
	int status;
	pid_t pid;

	check_prog = "prctl";
	get_name(name);
	check(!strcmp(name, "test_prctl") || under_qemu_user(name),
	      "the name after exec is the file's basename", name);

	check(prctl(PR_SET_NAME, (unsigned long)"renamed", 0, 0, 0) == 0,
	      "PR_SET_NAME returns 0", NULL);
	get_name(name);
	check(!strcmp(name, "renamed"), "PR_GET_NAME gives the new name",
	      name);
	check(proc_shows("renamed"), "/proc shows the new name", NULL);

	prctl(PR_SET_NAME, (unsigned long)"a-name-longer-than-16-bytes", 0,
	      0, 0);
	get_name(name);
	check(!strcmp(name, "a-name-longer-t"), "a long name is cut to 15 "
	      "bytes and a NUL", name);

	prctl(PR_SET_NAME, (unsigned long)"parent", 0, 0, 0);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		get_name(name);
		if (strcmp(name, "parent"))
			_exit(1);
		prctl(PR_SET_NAME, (unsigned long)"child", 0, 0, 0);
		get_name(name);
		_exit(strcmp(name, "child") ? 2 : 0);
	}
	check(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0, "a forked child starts with its "
	      "parent's name and renames only itself", NULL);
	get_name(name);
	check(!strcmp(name, "parent"), "the parent keeps its name", name);

	check_errno(prctl(PR_SET_NAME, 1UL, 0, 0, 0), EFAULT,
		    "PR_SET_NAME from a bad pointer: EFAULT");
	get_name(name);
	check(!strcmp(name, "parent"), "a failed PR_SET_NAME leaves the name",
	      name);
	check_errno(prctl(PR_GET_NAME, 1UL, 0, 0, 0), EFAULT,
		    "PR_GET_NAME to a bad pointer: EFAULT");
	check_errno(prctl(0x7fff1234, 0, 0, 0, 0), EINVAL,
		    "an unknown option: EINVAL");
	return check_summary();
}
