/* test_creds: user and group ids (credentials(7), setuid(2), setreuid(2),
 * setresuid(2), setfsuid(2), getgroups(2)) with Linux's rules: root may
 * set anything, others only move among their real, effective and saved
 * ids; ids are inherited by fork and kept by execve. Then file permissions
 * for a non-root user: a child that becomes nobody (65534) gets EACCES
 * opening a root-owned 0600 file, EPERM on chmod of it, and so on; access(2)
 * checks with the real ids. i386 also has the 16-bit calls (getuid = 24,
 * ...). /etc/passwd and /etc/group know root and nobody. Every page comes
 * back after 200 children that change ids and groups. Runs on Linux too,
 * as root: qemu-i386 build/x86/rootfs/bin/test_creds /dev/shm
 * Usage: test_creds [dir] (default /tmp). */
#include "check.h"
#include <fcntl.h>
#include <grp.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/fsuid.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#define NOBODY 65534

static char base[256];
static int on_clonix;

static void put(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, mode);

	if (fd >= 0) {
		if (write(fd, text, strlen(text)) < 0)
			perror("write");
		close(fd);
	}
	chmod(path, mode);
}

/* Run fn in a child; its checks print there, its failures come back in
 * the exit status and count here once more. */
static void in_child(void (*fn)(void), const char *what)
{
	int status = -1;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		check_failed = 0;
		fn();
		fflush(stdout);
		_exit(check_failed ? 1 : 0);
	}
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0, what, NULL);
}

static int resuid_is(uid_t r, uid_t e, uid_t s)
{
	uid_t gr, ge, gs;

	return !getresuid(&gr, &ge, &gs) && gr == r && ge == e && gs == s;
}

static int resgid_is(gid_t r, gid_t e, gid_t s)
{
	gid_t gr, ge, gs;

	return !getresgid(&gr, &ge, &gs) && gr == r && ge == e && gs == s;
}

static volatile int minus_one = -1;	/* hidden from the compiler */

static void root_ids(void)
{
	gid_t groups[4] = { 5, 3 };
	int n;

	check(getuid() == 0 && geteuid() == 0 && getgid() == 0 &&
	      getegid() == 0, "we start as root (uid, euid, gid, egid 0)",
	      NULL);
	check(resuid_is(0, 0, 0) && resgid_is(0, 0, 0), "getresuid and "
	      "getresgid: all 0", NULL);
	check(setgroups(2, groups) == 0, "root may setgroups",
	      strerror(errno));
	n = getgroups(0, NULL);
	check(n == 2, "getgroups(0) counts them", NULL);
	memset(groups, 0, sizeof(groups));
	check(getgroups(4, groups) == 2 && groups[0] == 3 && groups[1] == 5,
	      "getgroups returns them, sorted", NULL);
	check_errno(getgroups(1, groups), EINVAL, "getgroups with too small "
		    "a buffer: EINVAL");
	check_errno(getgroups(minus_one, groups), EINVAL, "getgroups(-1): "
		    "EINVAL");
	check_errno(setgroups(65537, groups), EINVAL, "setgroups of more "
		    "than NGROUPS_MAX: EINVAL");
	check_errno(syscall(SYS_getgroups, 4, (gid_t *)1), EFAULT,
		    "getgroups to a bad pointer: EFAULT");
	check_errno(syscall(SYS_getresuid, (uid_t *)1, (uid_t *)1,
			    (uid_t *)1), EFAULT,
		    "getresuid to a bad pointer: EFAULT");
	check(setgroups(0, NULL) == 0 && getgroups(0, NULL) == 0,
	      "setgroups(0) empties the list", strerror(errno));
	{
		struct stat st;
		int fd;

		check(mkdir("sgid", 0755) == 0 && chown("sgid", 0, 77) == 0 &&
		      chmod("sgid", 02775) == 0, "a set-group-ID directory of "
		      "group 77", strerror(errno));
		fd = open("sgid/f", O_CREAT | O_WRONLY, 0644);
		close(fd);
		check(!stat("sgid/f", &st) && st.st_gid == 77, "a file made "
		      "in it takes the directory's group", NULL);
		check(mkdir("sgid/d", 0755) == 0 && !stat("sgid/d", &st) &&
		      st.st_gid == 77 && (st.st_mode & S_ISGID),
		      "a directory made in it takes the group and the bit",
		      NULL);
		rmdir("sgid/d");
		unlink("sgid/f");
		rmdir("sgid");
	}
}

static void exec_report(void)
{
	char *argv[] = { "test_creds", "--report", NULL };

	execv("/proc/self/exe", argv);
	execv("/bin/test_creds", argv);
	_exit(99);	/* could not exec: qemu-user on a host */
}

static void unprivileged_rules(void)
{
	pid_t pid;
	int status;

	check(setresuid(1000, 1001, 1002) == 0 && resuid_is(1000, 1001, 1002),
	      "root: setresuid(1000, 1001, 1002)", strerror(errno));
	check(getuid() == 1000 && geteuid() == 1001, "getuid and geteuid "
	      "show them", NULL);
	check(setfsuid(-1) == 1001, "the fsuid follows the euid", NULL);
	pid = fork();
	if (pid == 0)
		_exit(resuid_is(1000, 1001, 1002) ? 0 : 1);
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "a forked child "
	      "has the same ids", NULL);
	pid = fork();
	if (pid == 0)
		exec_report();
	waitpid(pid, &status, 0);
	/* qemu-user on a host cannot exec a foreign binary (99). */
	check(WIFEXITED(status) && (WEXITSTATUS(status) == 0 ||
				    (!on_clonix && WEXITSTATUS(status) == 99)),
	      "execve keeps them", NULL);

	check(setuid(1002) == 0 && resuid_is(1000, 1002, 1002),
	      "setuid to the saved id: only the euid changes",
	      strerror(errno));
	check_errno(setuid(5), EPERM, "setuid to a foreign id: EPERM");
	check_errno(setuid(0), EPERM, "setuid(0) once not root: EPERM");
	check(setreuid(-1, 1000) == 0 && resuid_is(1000, 1000, 1002),
	      "setreuid(-1, ruid) keeps the saved id", strerror(errno));
	check(setreuid(-1, 1002) == 0 && resuid_is(1000, 1002, 1002),
	      "setreuid(-1, suid)", strerror(errno));
	check(setreuid(1002, -1) == 0 && resuid_is(1002, 1002, 1002),
	      "setreuid(euid, -1): setting the ruid sets the saved id",
	      strerror(errno));
	check_errno(setreuid(1000, -1), EPERM, "now 1000 is gone: EPERM");
	check_errno(setresuid(-1, 7, -1), EPERM, "setresuid to a foreign "
		    "id: EPERM");
	check(setresuid(-1, -1, -1) == 0, "setresuid(-1, -1, -1) changes "
	      "nothing", strerror(errno));
	check(setfsuid(7) == 1002 && setfsuid(-1) == 1002, "setfsuid to a "
	      "foreign id: refused, the old fsuid returned", NULL);
	check_errno(setuid(-1), EINVAL, "setuid(-1): EINVAL");
	check_errno(setgroups(0, NULL), EPERM, "setgroups when not root: "
		    "EPERM");
	check_errno(setgid(5), EPERM, "setgid to a foreign group: EPERM");
}

static void group_rules(void)
{
	check(setresgid(10, 11, 12) == 0 && resgid_is(10, 11, 12),
	      "root: setresgid(10, 11, 12)", strerror(errno));
	check(getgid() == 10 && getegid() == 11 && setfsgid(-1) == 11,
	      "getgid, getegid, and the fsgid follows the egid", NULL);
	check(setregid(12, 10) == 0 && resgid_is(12, 10, 10),
	      "root: setregid(12, 10)", strerror(errno));
	check(setuid(1000) == 0 && resuid_is(1000, 1000, 1000),
	      "root: setuid(1000) sets all three uids", strerror(errno));
	check_errno(setgid(11), EPERM, "setgid to a dropped group: EPERM");
	check(setgid(12) == 0 && resgid_is(12, 12, 10), "setgid to the real "
	      "group", strerror(errno));
	check(setfsgid(10) == 12 && setfsgid(-1) == 10, "setfsgid to the "
	      "saved group", NULL);
	check_errno(setresgid(99, -1, -1), EPERM, "setresgid to a foreign "
		    "group: EPERM");
}

/* As nobody: the permission bits bind. */
static void as_nobody(void)
{
	struct timespec ts[2] = { { 1, 0 }, { 1, 0 } };
	char *argv[] = { "prog", NULL };
	struct stat st;
	int fd;

	check(setgroups(0, NULL) == 0 && setgid(NOBODY) == 0 &&
	      setuid(NOBODY) == 0 && resuid_is(NOBODY, NOBODY, NOBODY),
	      "become nobody (65534)", strerror(errno));
	check_errno(setuid(0), EPERM, "and cannot go back: EPERM");
	check_errno(kill(getppid(), 0), EPERM, "kill(0) of root's process: "
		    "EPERM");
	check(kill(getpid(), 0) == 0, "kill(0) of itself", strerror(errno));
	check_errno(open("secret", O_RDONLY), EACCES, "open of root's 0600 "
		    "file for reading: EACCES");
	check_errno(open("secret", O_WRONLY), EACCES, "for writing: EACCES");
	check_errno(chmod("secret", 0777), EPERM, "chmod of it: EPERM");
	check_errno(chown("secret", NOBODY, -1), EPERM, "chown of it: EPERM");
	check_errno(utimensat(AT_FDCWD, "secret", ts, 0), EPERM,
		    "setting its times: EPERM");
	check_errno(utimensat(AT_FDCWD, "secret", NULL, 0), EACCES,
		    "touching it (times to now): EACCES");
	check_errno(truncate("secret", 0), EACCES, "truncate of it: EACCES");
	check_errno(unlink("secret"), EACCES, "unlink in root's 0755 "
		    "directory: EACCES");
	check_errno(rename("secret", "stolen"), EACCES, "rename there: "
		    "EACCES");
	check_errno(symlink("public", "mysym"), EACCES, "symlink there: "
		    "EACCES");
	check_errno(mkdir("mine", 0755), EACCES, "mkdir there: EACCES");
	check_errno(open("new", O_CREAT | O_WRONLY, 0644), EACCES,
		    "creating a file there: EACCES");
	check_errno(mkdir("public", 0755), EEXIST, "mkdir of an existing "
		    "name: EEXIST before EACCES");
	fd = open("public", O_RDONLY);
	check(fd >= 0, "root's 0644 file opens for reading", strerror(errno));
	close(fd);
	check_errno(open("public", O_RDWR), EACCES, "not for writing: EACCES");
	check_errno(stat("private/f", &st), EACCES, "a file in root's 0700 "
		    "directory: EACCES (no search permission)");
	check_errno(open("private/f", O_RDONLY), EACCES, "open there: EACCES");
	check_errno(chdir("private"), EACCES, "chdir there: EACCES");
	check(access("public", R_OK) == 0, "access R_OK of the public file",
	      strerror(errno));
	check_errno(access("public", W_OK), EACCES, "access W_OK: EACCES");
	check_errno(access("prog", X_OK), EACCES, "access X_OK of root's "
		    "0700 program: EACCES");
	check_errno(execve("prog", argv, NULL), EACCES, "execve of it: "
		    "EACCES");

	/* In a sticky, world-writable directory (like /tmp). */
	fd = open("sticky/mine", O_CREAT | O_WRONLY, 0666);
	check(fd >= 0, "nobody creates a file in the sticky directory",
	      strerror(errno));
	close(fd);
	check(!stat("sticky/mine", &st) && st.st_uid == NOBODY &&
	      st.st_gid == NOBODY, "it belongs to nobody:nobody", NULL);
	check(chmod("sticky/mine", 0600) == 0 &&
	      !stat("sticky/mine", &st) && (st.st_mode & 07777) == 0600,
	      "its owner may chmod it", strerror(errno));
	check(utimensat(AT_FDCWD, "sticky/mine", ts, 0) == 0,
	      "and set its times", strerror(errno));
	check_errno(chown("sticky/mine", 0, -1), EPERM, "but not give it "
		    "away: EPERM");
	check_errno(chown("sticky/mine", -1, 0), EPERM, "nor to a group it "
		    "is not in: EPERM");
	check(chown("sticky/mine", -1, NOBODY) == 0, "chown to its own group",
	      strerror(errno));
	check_errno(link("sticky/mine", "mylink"), EACCES, "link into root's "
		    "0755 directory: EACCES");
	check(link("sticky/mine", "sticky/mylink") == 0 &&
	      unlink("sticky/mylink") == 0, "link and unlink of its own file "
	      "in the sticky directory", strerror(errno));
	check_errno(unlink("sticky/rootfile"), EPERM, "removing root's file "
		    "from the sticky directory: EPERM");
	check_errno(rename("sticky/rootfile", "sticky/x"), EPERM,
		    "renaming it: EPERM");
	check(utimensat(AT_FDCWD, "sticky/rootfile", NULL, 0) == 0,
	      "touching root's 0666 file (times to now): allowed",
	      strerror(errno));
	check_errno(utimensat(AT_FDCWD, "sticky/rootfile", ts, 0), EPERM,
		    "but not setting its times: EPERM");
	fd = open("sticky/suid", O_WRONLY);
	check(fd >= 0 && write(fd, "x", 1) == 1 && !fstat(fd, &st) &&
	      (st.st_mode & 07777) == 0777, "a write by nobody takes "
	      "set-user-ID and set-group-ID off root's file",
	      strerror(errno));
	close(fd);
	check(unlink("sticky/mine") == 0, "removing its own file there",
	      strerror(errno));
}

/* Real uid nobody, effective root: access(2) asks for the real one. */
static void access_uses_real_ids(void)
{
	int fd;

	check(setresuid(NOBODY, 0, 0) == 0, "setresuid(nobody, 0, 0)",
	      strerror(errno));
	fd = open("secret", O_RDONLY);
	check(fd >= 0, "open uses the effective uid: root's file opens",
	      strerror(errno));
	close(fd);
	check_errno(access("secret", R_OK), EACCES, "access uses the real "
		    "uid: EACCES");
	check(syscall(SYS_faccessat2, AT_FDCWD, "secret", R_OK, AT_EACCESS)
	      == 0, "faccessat2(AT_EACCESS) uses the effective uid",
	      strerror(errno));
	check(kill(getppid(), 0) == 0, "an effective root may signal root's "
	      "process", strerror(errno));
	check(setresuid(NOBODY, NOBODY, 0) == 0, "setresuid(nobody, nobody, "
	      "0)", strerror(errno));
	check_errno(kill(getppid(), 0), EPERM, "a saved root uid does not "
		    "let it signal root's process: EPERM");
	check(setresuid(-1, 0, -1) == 0 && kill(getppid(), 0) == 0,
	      "but it may take euid 0 back, and then may", strerror(errno));
}

#ifdef SYS_getuid32
/* i386: the 16-bit calls next to the *32 ones. */
static void uid16(void)
{
	uint16_t r, e, s;

	check(syscall(SYS_setgid, 77) == 0 && syscall(SYS_getgid) == 77 &&
	      syscall(SYS_getegid32) == 77, "16-bit setgid and getgid",
	      strerror(errno));
	check(syscall(SYS_setresuid, 0xffff, 0xffff, 300) == 0 &&
	      resuid_is(0, 0, 300), "16-bit setresuid: 0xffff leaves an id "
	      "as it is", strerror(errno));
	check(syscall(SYS_setresuid32, 70000, 70001, -1) == 0 &&
	      syscall(SYS_getuid32) == 70000 &&
	      syscall(SYS_geteuid32) == 70001, "setresuid32 / getuid32 with "
	      "ids past 16 bits", strerror(errno));
	check(syscall(SYS_getuid) == NOBODY && syscall(SYS_geteuid) == NOBODY,
	      "the 16-bit getuid and geteuid show 65534 for them", NULL);
	check(syscall(SYS_getresuid, &r, &e, &s) == 0 && r == NOBODY &&
	      e == NOBODY && s == 300, "the 16-bit getresuid too", NULL);
	check_errno(syscall(SYS_setuid, 0xffff), EINVAL, "16-bit setuid of "
		    "0xffff (-1): EINVAL");
	check(syscall(SYS_setuid, 300) == 0 && geteuid() == 300,
	      "16-bit setuid to the saved id", strerror(errno));
	check_errno(syscall(SYS_setuid, 0), EPERM, "16-bit setuid(0) once "
		    "not root: EPERM");
}
#endif

/* /etc/passwd and /etc/group name root and nobody. */
static void etc_files(void)
{
	char buf[4096];
	int fd = open("/etc/passwd", O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;

	close(fd);
	buf[n > 0 ? n : 0] = 0;
	check(!strncmp(buf, "root:x:0:0:", 11) || strstr(buf, "\nroot:x:0:0:"),
	      "/etc/passwd has root (0)", NULL);
	check(strstr(buf, "\nnobody:x:65534:65534:") != NULL,
	      "/etc/passwd has nobody (65534)", NULL);
	fd = open("/etc/group", O_RDONLY);
	n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	check(!strncmp(buf, "root:x:0:", 9) && strstr(buf, ":65534:"),
	      "/etc/group has root (0) and group 65534", NULL);
}

/* 200 children change their ids and groups and exit: every page back. */
static void no_leaks(void)
{
	gid_t groups[100];
	long before = -1, after;
	int i, status, bad = 0;

	for (i = 0; i < 100; i++)
		groups[i] = 1000 + i;
	for (i = 0; i < 220; i++) {
		pid_t pid;

		if (i == 20)	/* the first 20 warm the caches */
			before = meminfo_free_pages();
		pid = fork();
		if (pid == 0)
			_exit(setgroups(100, groups) || setresgid(1, 2, 3) ||
			      setresuid(4, 5, 6) || setfsuid(4) != 5);
		bad |= waitpid(pid, &status, 0) != pid || status != 0;
	}
	after = meminfo_free_pages();
	check(!bad, "200 children changed ids and groups", NULL);
	if (before >= 0) {
		char detail[64];

		snprintf(detail, sizeof(detail), "%ld before, %ld after",
			 before, after);
		check(before == after, "every page came back", detail);
	}
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--report"))
		return resuid_is(1000, 1001, 1002) ? 0 : 1;
	struct utsname u;

	check_prog = "creds";
	on_clonix = !uname(&u) && strstr(u.release, "clonix");
	snprintf(base, sizeof(base), "%s/creds.%d",
		 argc > 1 ? argv[1] : "/tmp", getpid());
	check(mkdir(base, 0755) == 0 && chdir(base) == 0, "a work directory",
	      strerror(errno));
	chmod(base, 0755);
	put("secret", "s", 0600);
	put("public", "p", 0644);
	put("prog", "#!/bin/sh\n", 0700);
	mkdir("private", 0700);
	put("private/f", "f", 0644);
	mkdir("sticky", 0);
	chmod("sticky", 01777);
	put("sticky/rootfile", "r", 0666);
	put("sticky/suid", "#!/bin/sh\n", 06777);

	root_ids();
	in_child(unprivileged_rules, "the uid rules, in a child");
	in_child(group_rules, "the gid rules, in a child");
	in_child(as_nobody, "nobody's permissions, in a child");
	in_child(access_uses_real_ids, "access with the real ids, in a "
		 "child");
#ifdef SYS_getuid32
	in_child(uid16, "i386's 16-bit id calls, in a child");
#endif
	etc_files();
	check(getuid() == 0 && geteuid() == 0, "the parent is still root",
	      NULL);
	no_leaks();

	unlink("sticky/rootfile");
	unlink("sticky/suid");
	rmdir("sticky");
	unlink("private/f");
	rmdir("private");
	unlink("prog");
	unlink("public");
	unlink("secret");
	check(chdir("/") == 0 && rmdir(base) == 0, "the work directory goes "
	      "too", strerror(errno));
	return check_summary();
}
