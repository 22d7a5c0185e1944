/* test_rmdir: removing directories, with Linux's errors (rmdir(2)), and a
 * removed working directory that stays usable for "..", but where nothing
 * new can be made. A thousand directories made and removed give every
 * page back. Usage: test_rmdir [dir] (default /tmp). */
#include "check.h"
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char base[256];

static void errors_as_linux(void)
{
	struct stat st;
	int fd;

	check(mkdir("d", 0755) == 0, "mkdir d", strerror(errno));
	check(rmdir("d") == 0, "rmdir d", strerror(errno));
	check_errno(stat("d", &st), ENOENT, "d is gone");
	check_errno(rmdir("d"), ENOENT, "rmdir of a missing name: ENOENT");
	fd = open("f", O_CREAT | O_WRONLY, 0644);
	close(fd);
	check_errno(rmdir("f"), ENOTDIR, "rmdir of a file: ENOTDIR");
	check_errno(rmdir("f/"), ENOTDIR, "rmdir of \"file/\": ENOTDIR");
	check(mkdir("d", 0755) == 0 && mkdir("d/e", 0755) == 0,
	      "mkdir d/e", NULL);
	check_errno(rmdir("d"), ENOTEMPTY, "rmdir of a non-empty dir: "
		    "ENOTEMPTY");
	check_errno(rmdir("d/e/."), EINVAL, "rmdir of \"d/e/.\": EINVAL");
	check_errno(rmdir("."), EINVAL, "rmdir of \".\": EINVAL");
	check_errno(rmdir("d/e/.."), ENOTEMPTY,
		    "rmdir of \"d/e/..\": ENOTEMPTY");
	check_errno(rmdir("/"), EBUSY, "rmdir of /: EBUSY");
	check_errno(unlink("d/e"), EISDIR, "unlink of a directory: EISDIR");
	check_errno(unlinkat(AT_FDCWD, "d/e", 0x4000), EINVAL,
		    "unlinkat with an unknown flag: EINVAL");
	check(unlinkat(AT_FDCWD, "d/e", AT_REMOVEDIR) == 0,
	      "unlinkat(AT_REMOVEDIR) removes d/e", strerror(errno));
	check(rmdir("d/") == 0, "rmdir \"d/\" removes d", strerror(errno));
	check_errno(unlinkat(AT_FDCWD, "f", AT_REMOVEDIR), ENOTDIR,
		    "unlinkat(AT_REMOVEDIR) of a file: ENOTDIR");
	check(unlink("f") == 0, "unlink f", NULL);
}

/* The working directory removed from under us, three levels deep. */
static void removed_cwd(void)
{
	char buf[512], top[300];
	int fd;

	snprintf(top, sizeof(top), "%s/a", base);
	check(mkdir("a", 0755) == 0 && mkdir("a/b", 0755) == 0 &&
	      mkdir("a/b/c", 0755) == 0, "mkdir a/b/c", NULL);
	check(chdir("a/b/c") == 0, "chdir a/b/c", NULL);
	check(rmdir("../c") == 0, "rmdir our own working directory",
	      strerror(errno));
	check_errno(rmdir(".."), ENOTEMPTY,
		    "rmdir of \"..\" from there: ENOTEMPTY");
	snprintf(buf, sizeof(buf), "%s/b", top);
	check(rmdir(buf) == 0 && rmdir(top) == 0,
	      "remove b and a too, from the outside", strerror(errno));
	check_errno(getcwd(buf, sizeof(buf)) ? 0 : -1, ENOENT,
		    "getcwd in a removed directory: ENOENT");
	fd = open("new", O_CREAT | O_WRONLY, 0644);
	check_errno(fd, ENOENT, "creating a file there: ENOENT");
	check_errno(mkdir("sub", 0755), ENOENT, "mkdir there: ENOENT");
	check(chdir("..") == 0 && chdir("..") == 0 && chdir("..") == 0,
	      "\"..\" three times still works", strerror(errno));
	check(getcwd(buf, sizeof(buf)) && !strcmp(buf, base),
	      "and leads back to where a was", buf);
}

int main(int argc, char **argv)
{
	long before, after;
	char name[32];
	int i, bad = 0;

	check_prog = "rmdir";
	snprintf(base, sizeof(base), "%s/rmdir.%d",
		 argc > 1 ? argv[1] : "/tmp", getpid());
	check(mkdir(base, 0755) == 0 && chdir(base) == 0, "a work directory",
	      strerror(errno));
	errors_as_linux();
	removed_cwd();

	for (i = 0; i < 20; i++) {	/* warm the caches */
		snprintf(name, sizeof(name), "w%d", i);
		bad |= mkdir(name, 0755) || rmdir(name);
	}
	before = meminfo_free_pages();
	for (i = 0; i < 1000; i++) {
		snprintf(name, sizeof(name), "dir%d", i);
		bad |= mkdir(name, 0755);
	}
	for (i = 0; i < 1000; i++) {
		snprintf(name, sizeof(name), "dir%d", i);
		bad |= rmdir(name);
	}
	after = meminfo_free_pages();
	check(!bad, "1000 directories made and removed", NULL);
	if (before >= 0) {
		char detail[64];

		snprintf(detail, sizeof(detail), "%ld before, %ld after",
			 before, after);
		check(before == after, "every page came back", detail);
	}
	check(chdir("/") == 0 && rmdir(base) == 0,
	      "the work directory goes too", strerror(errno));
	return check_summary();
}
