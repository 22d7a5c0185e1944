/* test_namespace: the name space and file attributes, from the man pages:
 * rename(2)/renameat2(2) with RENAME_NOREPLACE and RENAME_EXCHANGE,
 * link(2)/linkat(2) and link counts, symlink(2) (loops, long names),
 * chmod/chown/umask/utimensat shown by stat and statx, fallocate(2),
 * statfs(2), fsync(2), creat(2) (i386), access(2) as root, getdents64 of
 * hard-linked names; and every page back after a thousand names made,
 * linked, renamed and removed. Runs on Linux too (as root, in a tmpfs):
 * qemu-riscv64 build/riscv/rootfs/bin/test_namespace /dev/shm
 * Usage: test_namespace [dir] (default /tmp). */
#include "check.h"
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#define RAMFS_MAGIC 0x858458f6
#define TMPFS_MAGIC 0x01021994
#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#define RENAME_EXCHANGE (1 << 1)
#endif
#define FALLOC_FL_KEEP_SIZE 0x01
#define FALLOC_FL_COLLAPSE_RANGE 0x08

static char base[256];
static int on_clonix;

static void put(const char *path, const char *text)
{
	int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);

	if (fd >= 0) {
		if (write(fd, text, strlen(text)) < 0)
			perror("write");
		close(fd);
	}
}

/* The file's content (up to 63 bytes), or "" */
static const char *get(const char *path)
{
	static char buf[64];
	int fd = open(path, O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;

	if (fd >= 0)
		close(fd);
	buf[n > 0 ? n : 0] = 0;
	return buf;
}

static mode_t mode_of(const char *path)
{
	struct stat st;

	return lstat(path, &st) ? (mode_t)-1 : st.st_mode;
}

static nlink_t nlink_of(const char *path)
{
	struct stat st;

	return lstat(path, &st) ? 0 : st.st_nlink;
}

static int renameat2_(const char *from, const char *to, unsigned int flags)
{
	return syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, flags);
}

static void rename_cases(void)
{
	struct stat a, b;
	int dfd;

	put("r1", "one");
	stat("r1", &a);
	check(rename("r1", "r2") == 0, "rename a file", strerror(errno));
	check(stat("r1", &b) && errno == ENOENT, "the old name is gone", NULL);
	check(!stat("r2", &b) && b.st_ino == a.st_ino &&
	      !strcmp(get("r2"), "one"), "the new name has the same inode "
	      "and bytes", NULL);
	put("r3", "three");
	check(rename("r2", "r3") == 0 && !strcmp(get("r3"), "one") &&
	      mode_of("r2") == (mode_t)-1, "rename replaces an existing file",
	      NULL);
	check(rename("r3", "r3") == 0 && !strcmp(get("r3"), "one"),
	      "rename of a name to itself does nothing", NULL);
	check(link("r3", "r3link") == 0 && rename("r3", "r3link") == 0 &&
	      nlink_of("r3") == 2 && nlink_of("r3link") == 2,
	      "rename between two links of one file does nothing",
	      strerror(errno));
	unlink("r3link");
	check_errno(rename("nothere", "x"), ENOENT, "rename of a missing "
		    "name: ENOENT");
	check_errno(rename("r3/", "x"), ENOTDIR, "rename of \"file/\": "
		    "ENOTDIR");

	/* Directories. */
	check(mkdir("d1", 0755) == 0 && mkdir("d1/sub", 0755) == 0 &&
	      mkdir("p2", 0755) == 0, "mkdir d1/sub and p2", NULL);
	check(nlink_of("d1") == 3, "a directory with a subdirectory has "
	      "nlink 3", NULL);
	check(rename("d1", "d2") == 0 && S_ISDIR(mode_of("d2")) &&
	      S_ISDIR(mode_of("d2/sub")), "rename a directory",
	      strerror(errno));
	check_errno(rename("d2", "d2/sub/x"), EINVAL, "a directory moved "
		    "into its own subdirectory: EINVAL");
	check_errno(rename("d2", "d2/x"), EINVAL, "a directory moved into "
		    "itself: EINVAL");
	check_errno(rename("d2/sub", "d2"), ENOTEMPTY, "a directory over "
		    "its non-empty parent: ENOTEMPTY");
	check_errno(rename("d2", "r3"), ENOTDIR, "a directory over a file: "
		    "ENOTDIR");
	check_errno(rename("r3", "d2"), EISDIR, "a file over a directory: "
		    "EISDIR");
	check(mkdir("empty", 0755) == 0 && rename("d2", "empty") == 0 &&
	      S_ISDIR(mode_of("empty/sub")) && mode_of("d2") == (mode_t)-1,
	      "a directory replaces an empty directory", strerror(errno));
	check(mkdir("full", 0755) == 0 && mkdir("full/x", 0755) == 0,
	      "mkdir full/x", NULL);
	check_errno(rename("empty", "full"), ENOTEMPTY, "a directory over a "
		    "non-empty directory: ENOTEMPTY");
	check(rename("empty/sub", "p2/sub") == 0 && nlink_of("empty") == 2 &&
	      nlink_of("p2") == 3, "moving a directory moves a link from "
	      "the old parent to the new", strerror(errno));
	check_errno(rename(".", "x"), EBUSY, "rename of \".\": EBUSY");
	check_errno(rename("r3", "p2/.."), EBUSY, "rename onto \"..\": "
		    "EBUSY");

	/* What was open or in use stays usable. */
	{
		char cwd[512], want[600];
		struct stat st;
		int fd, dfd2;

		put("victim", "old bytes");
		fd = open("victim", O_RDONLY);
		put("winner", "new");
		check(rename("winner", "victim") == 0 &&
		      !strcmp(get("victim"), "new"), "rename over an open file",
		      strerror(errno));
		check(read(fd, cwd, 9) == 9 && !memcmp(cwd, "old bytes", 9) &&
		      !fstat(fd, &st) && st.st_nlink == 0, "the open file "
		      "still reads its old bytes, with nlink 0", NULL);
		close(fd);
		check(mkdir("vdir", 0755) == 0 && mkdir("wdir", 0755) == 0,
		      "mkdir vdir wdir", NULL);
		dfd2 = open("vdir", O_RDONLY | O_DIRECTORY);
		check(rename("wdir", "vdir") == 0 && !fstat(dfd2, &st) &&
		      st.st_nlink == 0, "an open directory replaced by rename "
		      "has nlink 0", strerror(errno));
		close(dfd2);
		check(chdir("p2/sub") == 0, "chdir p2/sub", strerror(errno));
		snprintf(want, sizeof(want), "%s/p3", base);
		snprintf(cwd, sizeof(cwd), "%s/p2", base);
		check(rename(cwd, want) == 0, "rename the directory above our "
		      "working directory", strerror(errno));
		strcat(want, "/sub");
		check(getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, want),
		      "getcwd shows the new name", cwd);
		check(chdir("../..") == 0 && rename("p3", "p2") == 0,
		      "and back", strerror(errno));
		rmdir("vdir");
	}
	check_errno(open("newdir/", O_CREAT | O_WRONLY, 0644), EISDIR,
		    "O_CREAT of \"new/\": EISDIR");

	/* renameat with directory fds */
	dfd = open("p2", O_RDONLY | O_DIRECTORY);
	check(renameat(AT_FDCWD, "r3", dfd, "r4") == 0 &&
	      !strcmp(get("p2/r4"), "one"), "renameat into a directory fd",
	      strerror(errno));
	check(renameat(dfd, "r4", AT_FDCWD, "r3") == 0, "and back", NULL);
	check_errno(renameat(1000, "r3", AT_FDCWD, "x"), EBADF,
		    "renameat with a bad dirfd: EBADF");
	close(dfd);

	/* renameat2 flags */
	put("n1", "n1");
	put("n2", "n2");
	check_errno(renameat2_("n1", "n2", RENAME_NOREPLACE), EEXIST,
		    "RENAME_NOREPLACE onto an existing name: EEXIST");
	check(renameat2_("n1", "n3", RENAME_NOREPLACE) == 0 &&
	      !strcmp(get("n3"), "n1"), "RENAME_NOREPLACE to a new name",
	      strerror(errno));
	check(renameat2_("n3", "n2", RENAME_EXCHANGE) == 0 &&
	      !strcmp(get("n3"), "n2") && !strcmp(get("n2"), "n1"),
	      "RENAME_EXCHANGE swaps two files", strerror(errno));
	check(renameat2_("n3", "full", RENAME_EXCHANGE) == 0 &&
	      S_ISDIR(mode_of("n3")) && S_ISDIR(mode_of("n3/x")) &&
	      S_ISREG(mode_of("full")), "RENAME_EXCHANGE swaps a file and a "
	      "directory", strerror(errno));
	check(renameat2_("n3", "p2/n3", RENAME_EXCHANGE) == -1 &&
	      errno == ENOENT, "RENAME_EXCHANGE with nothing to swap: ENOENT",
	      NULL);
	check_errno(renameat2_("n3", "n3/x/y", RENAME_EXCHANGE), ENOENT,
		    "RENAME_EXCHANGE into itself, missing target: ENOENT");
	check_errno(renameat2_("n3", "n3/x", RENAME_EXCHANGE), EINVAL,
		    "RENAME_EXCHANGE with its own subdirectory: EINVAL");
	check_errno(renameat2_("n2", "full", RENAME_NOREPLACE |
			       RENAME_EXCHANGE), EINVAL,
		    "RENAME_NOREPLACE | RENAME_EXCHANGE: EINVAL");
	check_errno(renameat2_("n2", "x", 0x80), EINVAL,
		    "renameat2 with an unknown flag: EINVAL");
}

static void link_cases(void)
{
	struct stat a, b;
	int fd;

	put("l1", "linked");
	check(link("l1", "l2") == 0, "link", strerror(errno));
	check(!stat("l1", &a) && !stat("l2", &b) && a.st_ino == b.st_ino &&
	      a.st_nlink == 2 && b.st_nlink == 2, "both names: one inode, "
	      "nlink 2", NULL);
	put("l2", "changed");
	check(!strcmp(get("l1"), "changed"), "written through one name, "
	      "read through the other", NULL);
	check(linkat(AT_FDCWD, "l1", AT_FDCWD, "p2/l3", 0) == 0 &&
	      nlink_of("l1") == 3, "linkat into another directory: nlink 3",
	      strerror(errno));
	check(unlink("l1") == 0 && nlink_of("l2") == 2 &&
	      !strcmp(get("p2/l3"), "changed"), "unlink one: nlink 2, the "
	      "data stays", NULL);
	check_errno(link("p2", "p3"), EPERM, "link of a directory: EPERM");
	check_errno(link("l2", "p2/l3"), EEXIST, "link onto an existing "
		    "name: EEXIST");
	check_errno(link("nothere", "x"), ENOENT, "link of a missing name: "
		    "ENOENT");
	check_errno(linkat(AT_FDCWD, "l2", AT_FDCWD, "x", 0x8000), EINVAL,
		    "linkat with an unknown flag: EINVAL");
	check_errno(link("l2", "nodir/x"), ENOENT, "link into a missing "
		    "directory: ENOENT");

	/* A symlink is linked itself, or followed with AT_SYMLINK_FOLLOW. */
	check(symlink("l2", "sl") == 0, "symlink sl -> l2", strerror(errno));
	check(linkat(AT_FDCWD, "sl", AT_FDCWD, "sl2", 0) == 0 &&
	      S_ISLNK(mode_of("sl2")) && nlink_of("sl") == 2,
	      "linkat of a symlink links the symlink", strerror(errno));
	check(linkat(AT_FDCWD, "sl", AT_FDCWD, "sl3", AT_SYMLINK_FOLLOW) ==
	      0 && S_ISREG(mode_of("sl3")) && nlink_of("l2") == 3,
	      "AT_SYMLINK_FOLLOW links its target", strerror(errno));

	/* An open file outlives its names. */
	fd = open("l2", O_RDONLY);
	unlink("l2");
	unlink("p2/l3");
	unlink("sl3");
	check(!fstat(fd, &a) && a.st_nlink == 0, "every name removed: fstat "
	      "shows nlink 0", NULL);
	close(fd);

	check(mkdir("dl", 0755) == 0 && nlink_of("dl") == 2 &&
	      mkdir("dl/a", 0755) == 0 && mkdir("dl/b", 0755) == 0 &&
	      nlink_of("dl") == 4, "a directory's nlink counts its "
	      "subdirectories", NULL);
	check(rmdir("dl/a") == 0 && nlink_of("dl") == 3, "and rmdir takes "
	      "one off", NULL);
}

static void symlink_cases(void)
{
	char buf[PATH_MAX + 16], name[300];
	ssize_t n;
	int fd = -1;

	check(symlink("target", "dangling") == 0, "symlink to nothing",
	      strerror(errno));
	n = readlink("dangling", buf, sizeof(buf));
	check(n == 6 && !memcmp(buf, "target", 6), "readlink gives the "
	      "target", NULL);
	check(S_ISLNK(mode_of("dangling")), "lstat shows a symlink", NULL);
	check_errno(open("dangling", O_RDONLY), ENOENT, "open through a "
		    "dangling link: ENOENT");
	check_errno(open("dangling", O_CREAT | O_WRONLY | O_EXCL, 0644),
		    EEXIST, "O_CREAT | O_EXCL of a dangling link: EEXIST");
	check_errno(open("dangling", O_CREAT | O_WRONLY | O_NOFOLLOW, 0644),
		    ELOOP, "O_CREAT | O_NOFOLLOW of a dangling link: ELOOP");
	check(symlink("p2/made", "tomake") == 0 &&
	      (fd = open("tomake", O_CREAT | O_WRONLY, 0644)) >= 0 &&
	      S_ISREG(mode_of("p2/made")) && S_ISLNK(mode_of("tomake")),
	      "O_CREAT through a dangling link makes what it names",
	      strerror(errno));
	if (fd >= 0)
		close(fd);
	unlink("tomake");
	unlink("p2/made");
	check_errno(symlink("x", "dangling"), EEXIST, "symlink onto an "
		    "existing name: EEXIST");
	check_errno(symlink("", "empty"), ENOENT, "symlink with an empty "
		    "target: ENOENT");
	put("target", "t");
	check(!strcmp(get("dangling"), "t"), "once the target exists, "
	      "open follows", NULL);
	check_errno(open("dangling", O_RDONLY | O_NOFOLLOW), ELOOP,
		    "O_NOFOLLOW on a symlink: ELOOP");
	check(symlinkat("../target", AT_FDCWD, "p2/up") == 0 &&
	      !strcmp(get("p2/up"), "t"), "a relative target is relative to "
	      "the link's directory", strerror(errno));

	/* The same symlink inode under two directories: each name's target
	 * is looked up from the directory it was found in. */
	check(mkdir("s1", 0755) == 0 && mkdir("s2", 0755) == 0, "mkdir s1 "
	      "s2", NULL);
	put("s1/f", "in s1");
	put("s2/f", "in s2");
	check(symlink("f", "s1/l") == 0 && link("s1/l", "s2/l") == 0 &&
	      !strcmp(get("s1/l"), "in s1") && !strcmp(get("s2/l"), "in s2"),
	      "one symlink linked in two directories follows from each",
	      strerror(errno));

	check(symlink("loop2", "loop1") == 0 && symlink("loop1", "loop2") ==
	      0, "two symlinks pointing at each other", NULL);
	check_errno(open("loop1", O_RDONLY), ELOOP, "open of a symlink loop: "
		    "ELOOP");
	check_errno(stat("loop2", (struct stat *)buf), ELOOP, "stat of a "
		    "symlink loop: ELOOP");
	check_errno(open("loop1/x", O_RDONLY), ELOOP, "a loop in the middle "
		    "of a path: ELOOP");

	/* A chain of 30 links is fine (Linux follows 40 in all); a link
	 * to a directory named with a trailing slash is followed even by
	 * lstat. */
	{
		char from[16], to[16];
		int i, bad = 0;

		for (i = 0; i < 30; i++) {
			snprintf(from, sizeof(from), "c%d", i);
			snprintf(to, sizeof(to), i == 29 ? "target" : "c%d",
				 i + 1);
			bad |= symlink(to, from);
		}
		check(!bad && !strcmp(get("c0"), "t"), "a chain of 30 symlinks "
		      "is followed to its end", strerror(errno));
		for (i = 0; i < 30; i++) {
			snprintf(from, sizeof(from), "c%d", i);
			unlink(from);
		}
		check(symlink("p2", "dirlink") == 0 &&
		      S_ISLNK(mode_of("dirlink")) &&
		      S_ISDIR(mode_of("dirlink/")), "lstat of \"dirlink/\" "
		      "follows the link", strerror(errno));
		check_errno(lstat("dangling/", (struct stat *)buf), ENOTDIR,
			    "lstat of \"filelink/\": ENOTDIR");
		unlink("dirlink");
	}
	memset(name, 'n', 256);
	name[256] = 0;
	check_errno(open(name, O_CREAT | O_WRONLY, 0644), ENAMETOOLONG,
		    "a 256-byte name: ENAMETOOLONG");
	check_errno(symlink("x", name), ENAMETOOLONG, "symlink with a "
		    "256-byte name: ENAMETOOLONG");
	check_errno(mkdir(name, 0755), ENAMETOOLONG, "mkdir with a 256-byte "
		    "name: ENAMETOOLONG");
	check_errno(unlink(name), ENAMETOOLONG, "unlink of a 256-byte name: "
		    "ENAMETOOLONG");
	check_errno(rename("target", name), ENAMETOOLONG, "rename to a "
		    "256-byte name: ENAMETOOLONG");
	check_errno(link("target", name), ENAMETOOLONG, "link to a 256-byte "
		    "name: ENAMETOOLONG");
	name[255] = 0;
	check(symlink("x", name) == 0 && unlink(name) == 0, "a 255-byte name "
	      "is fine", strerror(errno));
	memset(buf, 'a', PATH_MAX);
	buf[PATH_MAX] = 0;
	check_errno(symlink(buf, "long"), ENAMETOOLONG, "a target of "
		    "PATH_MAX bytes: ENAMETOOLONG");
	check_errno(open(buf, O_RDONLY), ENAMETOOLONG, "a path of PATH_MAX "
		    "bytes: ENAMETOOLONG");
	check_errno(symlink("x", (char *)1), EFAULT, "symlink with a bad "
		    "pointer: EFAULT");
	fd = open("p2", O_RDONLY | O_DIRECTORY);
	check(symlinkat("target", fd, "viafd") == 0 &&
	      S_ISLNK(mode_of("p2/viafd")), "symlinkat relative to a "
	      "directory fd", strerror(errno));
	close(fd);
}

/* An address nothing is mapped at, hidden from the compiler's checks. */
static void *bad_pointer(void)
{
	static void *volatile p = (void *)1;

	return p;
}

static int ts_eq(struct timespec a, long sec, long nsec)
{
	return a.tv_sec == sec && a.tv_nsec == nsec;
}

static void attr_cases(void)
{
	struct timespec ts[2], before;
	struct statx sx;
	struct stat st;
	mode_t old;
	int fd;

	old = umask(027);
	check(umask(027) == 027, "umask returns the mask set before", NULL);
	fd = open("um", O_CREAT | O_WRONLY, 0666);
	close(fd);
	check((mode_of("um") & 07777) == 0640, "a new file gets mode & "
	      "~umask (0666 & ~027 = 0640)", NULL);
	check(mkdir("umd", 0777) == 0 && (mode_of("umd") & 07777) == 0750,
	      "a new directory too (0750)", NULL);
	umask(old);

	check(chmod("um", 0604) == 0 && (mode_of("um") & 07777) == 0604,
	      "chmod shows in stat", strerror(errno));
	fd = open("um", O_RDONLY);
	check(fchmod(fd, 04755) == 0 && (mode_of("um") & 07777) == 04755,
	      "fchmod shows in stat (with set-user-ID)", strerror(errno));
	check(fchmodat(AT_FDCWD, "um", 0100600, 0) == 0 &&
	      mode_of("um") == (S_IFREG | 0600), "chmod ignores file-type "
	      "bits", strerror(errno));
	check_errno(chmod("nothere", 0644), ENOENT, "chmod of a missing "
		    "name: ENOENT");
	check_errno(fchmod(1000, 0644), EBADF, "fchmod of a bad fd: EBADF");

	check(chown("um", 1234, 5678) == 0 && !stat("um", &st) &&
	      st.st_uid == 1234 && st.st_gid == 5678, "chown shows in stat",
	      strerror(errno));
	check(fchown(fd, -1, 42) == 0 && !stat("um", &st) &&
	      st.st_uid == 1234 && st.st_gid == 42, "fchown with -1 keeps the "
	      "owner", strerror(errno));
	check(!statx(AT_FDCWD, "um", 0, STATX_BASIC_STATS, &sx) &&
	      sx.stx_uid == 1234 && sx.stx_gid == 42 &&
	      (sx.stx_mode & 07777) == 0600, "statx shows owner, group and "
	      "mode", NULL);
	check(chmod("um", 06755) == 0 && chown("um", 0, 0) == 0 &&
	      (mode_of("um") & 07777) == 0755, "chown clears set-user-ID and "
	      "set-group-ID", strerror(errno));
	check(lchown("dangling", 77, 88) == 0 && !lstat("dangling", &st) &&
	      st.st_uid == 77 && !stat("target", &st) && st.st_uid == 0,
	      "lchown changes the link, not its target", strerror(errno));
	check(fchownat(AT_FDCWD, "dangling", 99, -1, AT_SYMLINK_NOFOLLOW) ==
	      0 && !lstat("dangling", &st) && st.st_uid == 99,
	      "fchownat(AT_SYMLINK_NOFOLLOW)", strerror(errno));
	check_errno(fchownat(AT_FDCWD, "um", 0, 0, 0x8000), EINVAL,
		    "fchownat with an unknown flag: EINVAL");
#ifdef SYS_chown32
	check(syscall(SYS_chown, "um", 300, 400) == 0 && !stat("um", &st) &&
	      st.st_uid == 300 && st.st_gid == 400, "i386 chown (16-bit ids)",
	      strerror(errno));
	check(syscall(SYS_chown, "um", 0xffff, 0xffff) == 0 &&
	      !stat("um", &st) && st.st_uid == 300, "i386 chown: 0xffff "
	      "leaves the owner as it is", strerror(errno));
	check(syscall(SYS_chown32, "um", 70000, 0) == 0 && !stat("um", &st) &&
	      st.st_uid == 70000, "chown32 sets a 32-bit owner",
	      strerror(errno));
	check(syscall(SYS_fchown, fd, 0, 0) == 0 &&
	      syscall(SYS_lchown32, "dangling", 0, 0) == 0 &&
	      !lstat("dangling", &st) && st.st_uid == 0,
	      "i386 fchown and lchown32", strerror(errno));
#endif
	close(fd);

	clock_gettime(CLOCK_REALTIME, &before);
	before.tv_nsec = 0;
	ts[0].tv_sec = 1000;
	ts[0].tv_nsec = 500;
	ts[1].tv_sec = 2000;
	ts[1].tv_nsec = 700;
	check(utimensat(AT_FDCWD, "um", ts, 0) == 0 && !stat("um", &st) &&
	      ts_eq(st.st_atim, 1000, 500) && ts_eq(st.st_mtim, 2000, 700),
	      "utimensat sets atime and mtime to the nanosecond",
	      strerror(errno));
	check(st.st_ctim.tv_sec >= before.tv_sec, "and ctime becomes now",
	      NULL);
	check(!statx(AT_FDCWD, "um", 0, STATX_BASIC_STATS, &sx) &&
	      sx.stx_atime.tv_sec == 1000 && sx.stx_mtime.tv_nsec == 700,
	      "statx shows the same times", NULL);
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_nsec = UTIME_NOW;
	check(utimensat(AT_FDCWD, "um", ts, 0) == 0 && !stat("um", &st) &&
	      ts_eq(st.st_atim, 1000, 500) &&
	      st.st_mtim.tv_sec >= before.tv_sec, "UTIME_OMIT keeps atime, "
	      "UTIME_NOW sets mtime to now", strerror(errno));
	ts[0].tv_nsec = 1000000000;
	check_errno(utimensat(AT_FDCWD, "um", ts, 0), EINVAL, "a tv_nsec of "
		    "1e9: EINVAL");
	check(utimensat(AT_FDCWD, "um", NULL, 0) == 0 && !stat("um", &st) &&
	      st.st_atim.tv_sec >= before.tv_sec, "NULL sets both to now",
	      strerror(errno));
	check_errno(utimensat(AT_FDCWD, "nothere", NULL, 0), ENOENT,
		    "utimensat of a missing name: ENOENT");
	check_errno(syscall(SYS_utimensat, AT_FDCWD, "um", bad_pointer(), 0),
		    EFAULT, "utimensat with a bad pointer: EFAULT");
	ts[0].tv_sec = 5;
	ts[0].tv_nsec = 0;
	ts[1] = ts[0];
	fd = open("um", O_WRONLY);
	check(futimens(fd, ts) == 0 && !fstat(fd, &st) &&
	      st.st_mtim.tv_sec == 5, "futimens through an fd",
	      strerror(errno));
	check(write(fd, "x", 1) == 1 && !fstat(fd, &st) &&
	      st.st_mtim.tv_sec >= before.tv_sec, "a write sets mtime to now",
	      NULL);
	close(fd);
}

static void fallocate_cases(void)
{
	struct stat st;
	char buf[8];
	int fd = open("fa", O_CREAT | O_RDWR | O_TRUNC, 0644);

	check(write(fd, "abc", 3) == 3, "write abc", NULL);
	check(fallocate(fd, 0, 0, 3 * 4096 + 1) == 0 && !fstat(fd, &st) &&
	      st.st_size == 3 * 4096 + 1 && st.st_blocks >= 4 * 8,
	      "fallocate mode 0 extends the file and allocates its pages",
	      strerror(errno));
	check(pread(fd, buf, 4, 0) == 4 && !memcmp(buf, "abc", 4),
	      "the old bytes stay, the rest reads as zeros", NULL);
	check(fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, 8 * 4096) == 0 &&
	      !fstat(fd, &st) && st.st_size == 3 * 4096 + 1 &&
	      st.st_blocks >= 8 * 8, "FALLOC_FL_KEEP_SIZE allocates without "
	      "growing", strerror(errno));
	check_errno(fallocate(fd, FALLOC_FL_COLLAPSE_RANGE, 0, 4096),
		    EOPNOTSUPP, "collapsing a range: EOPNOTSUPP");
	check_errno(fallocate(fd, 0, 0, 0), EINVAL, "fallocate of length 0: "
		    "EINVAL");
	check_errno(fallocate(fd, 0, -1, 10), EINVAL, "fallocate at -1: "
		    "EINVAL");
	check_errno(fallocate(1000, 0, 0, 10), EBADF, "fallocate of a bad "
		    "fd: EBADF");
	close(fd);
	fd = open("fa", O_RDONLY);
	check_errno(fallocate(fd, 0, 0, 10), EBADF, "fallocate on a "
		    "read-only fd: EBADF");
	close(fd);
	unlink("fa");
}

static void statfs_fsync_cases(void)
{
	struct statfs sf;
	int fd;

	check(statfs(".", &sf) == 0, "statfs", strerror(errno));
	if (on_clonix)
		check((unsigned long)sf.f_type == RAMFS_MAGIC,
		      "f_type is ramfs's magic 0x858458f6", NULL);
	else
		check((unsigned long)sf.f_type == TMPFS_MAGIC ||
		      (unsigned long)sf.f_type == RAMFS_MAGIC,
		      "f_type is ramfs's magic 0x858458f6", "not a tmpfs");
	check(sf.f_bsize == 4096 && sf.f_namelen == 255, "f_bsize 4096, "
	      "f_namelen 255", NULL);
	check(!on_clonix || (sf.f_blocks > 0 && sf.f_bfree <= sf.f_blocks),
	      "f_blocks and f_bfree are the RAM's", NULL);
	fd = open(".", O_RDONLY | O_DIRECTORY);
	check(fstatfs(fd, &sf) == 0 && sf.f_namelen == 255, "fstatfs",
	      strerror(errno));
	check(fsync(fd) == 0, "fsync of a directory", strerror(errno));
	close(fd);
	check_errno(statfs("nothere", &sf), ENOENT, "statfs of a missing "
		    "name: ENOENT");
	check_errno(syscall(SYS_statfs, ".", bad_pointer()), EFAULT,
		    "statfs with a bad pointer: EFAULT");
	check_errno(fstatfs(1000, &sf), EBADF, "fstatfs of a bad fd: EBADF");
#ifdef SYS_statfs64
	{
		char raw[128];

		check(syscall(SYS_statfs64, ".", 84, raw) == 0 &&
		      *(unsigned int *)raw == (unsigned int)sf.f_type, "i386 statfs64 with "
		      "its 84-byte size", strerror(errno));
		/* qemu-i386 does not check the size: Linux and Clonix do. */
		if (on_clonix)
			check_errno(syscall(SYS_statfs64, ".", 88, raw),
				    EINVAL, "statfs64 with a wrong size: "
				    "EINVAL");
		check_errno(syscall(SYS_fstatfs64, 1000, 84, raw), EBADF,
			    "fstatfs64 of a bad fd: EBADF");
		check(syscall(SYS_statfs, ".", raw) == 0 &&
		      *(unsigned int *)raw == (unsigned int)sf.f_type,
		      "i386 statfs (32-bit words)", strerror(errno));
	}
#endif

	fd = open("fs", O_CREAT | O_RDWR, 0644);
	check(write(fd, "x", 1) == 1 && fsync(fd) == 0 && fdatasync(fd) == 0,
	      "fsync and fdatasync of a file", strerror(errno));
	close(fd);
	unlink("fs");
	check_errno(fsync(1000), EBADF, "fsync of a bad fd: EBADF");
	fd = open("/dev/null", O_WRONLY);
	check_errno(fsync(fd), EINVAL, "fsync of /dev/null: EINVAL");
	close(fd);
	sync();
	check(1, "sync returns", NULL);

#ifdef SYS_creat
	fd = syscall(SYS_creat, "cr", 0640);
	check(fd >= 0 && write(fd, "creat", 5) == 5, "i386 creat makes a "
	      "file open for writing", strerror(errno));
	check(fd >= 0 && read(fd, (char[4]){0}, 1) == -1 && errno == EBADF,
	      "which it cannot read", NULL);
	close(fd);
	fd = syscall(SYS_creat, "cr", 0640);
	check(fd >= 0 && !strcmp(get("cr"), "") && nlink_of("cr") == 1,
	      "creat of an existing file empties it", strerror(errno));
	close(fd);
	unlink("cr");
#endif
}

/* Bad pointers are EFAULT, with nothing done. */
static void bad_pointers(void)
{
	char *bad = bad_pointer();

	check_errno(rename(bad, "x"), EFAULT, "rename from a bad pointer: "
		    "EFAULT");
	check_errno(rename("target", bad), EFAULT, "rename to a bad pointer: "
		    "EFAULT");
	check(mode_of("target") != (mode_t)-1, "and the file is still there",
	      NULL);
	check_errno(link(bad, "x"), EFAULT, "link from a bad pointer: EFAULT");
	check_errno(link("target", bad), EFAULT, "link to a bad pointer: "
		    "EFAULT");
	check(nlink_of("target") == 1, "and nlink is still 1", NULL);
	check_errno(chmod(bad, 0644), EFAULT, "chmod of a bad pointer: "
		    "EFAULT");
	check_errno(chown(bad, 0, 0), EFAULT, "chown of a bad pointer: "
		    "EFAULT");
	check_errno(access(bad, F_OK), EFAULT, "access of a bad pointer: "
		    "EFAULT");
	check_errno(readlink("dangling", bad, 10), EFAULT, "readlink into a "
		    "bad pointer: EFAULT");
}

static void access_cases(void)
{
	put("ac", "a");
	chmod("ac", 0644);
	check(access("ac", R_OK | W_OK) == 0, "access R_OK|W_OK as root",
	      strerror(errno));
	check_errno(access("ac", X_OK), EACCES, "root may not execute a file "
		    "with no x bit: EACCES");
	chmod("ac", 0);
	check(access("ac", R_OK | W_OK) == 0, "root reads and writes a "
	      "mode-0 file", strerror(errno));
	chmod("ac", 0001);
	check(access("ac", X_OK) == 0, "one x bit (others') lets root "
	      "execute", strerror(errno));
	check(mkdir("acd", 0) == 0 && access("acd", R_OK | W_OK | X_OK) == 0,
	      "root may search a mode-0 directory", strerror(errno));
	check(access("ac", F_OK) == 0, "F_OK: it exists", NULL);
	check_errno(access("nothere", F_OK), ENOENT, "access of a missing "
		    "name: ENOENT");
	check_errno(access("ac", 8), EINVAL, "access with a bad mode: "
		    "EINVAL");
	check(syscall(SYS_faccessat2, AT_FDCWD, "ac", X_OK, AT_EACCESS) == 0,
	      "faccessat2(AT_EACCESS)", strerror(errno));
	check_errno(syscall(SYS_faccessat2, AT_FDCWD, "ac", R_OK, 0x8000),
		    EINVAL, "faccessat2 with an unknown flag: EINVAL");
	rmdir("acd");
}

/* getdents64 lists every name, hard links included, after renames. */
static void getdents_cases(void)
{
	struct dirent *de;
	int seen = 0, other = 0;
	DIR *d;

	mkdir("gd", 0755);
	put("gd/a", "a");
	link("gd/a", "gd/b");
	rename("gd/b", "gd/c");
	d = opendir("gd");
	while (d && (de = readdir(d))) {
		if (!strcmp(de->d_name, "a") || !strcmp(de->d_name, "c"))
			seen++;
		else if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			other++;
	}
	if (d)
		closedir(d);
	check(seen == 2 && other == 0, "getdents64 lists both links, under "
	      "their names after a rename", NULL);
}

/* Removing what a directory read returned, between reads of one entry
 * each, never makes a later read skip a name that stayed (rm -r's loop;
 * the entries read so far may shift in the list, the position may not). */
static void getdents_while_removing(void)
{
	struct dirent64 de;	/* read 40 bytes at a time: one 24-byte entry */
	char name[300];
	int fd, i, seen = 0, bad = 0;
	long n;

	mkdir("gr", 0755);
	for (i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "gr/n%d", i);
		put(name, "x");
	}
	fd = open("gr", O_RDONLY | O_DIRECTORY);
	while ((n = syscall(SYS_getdents64, fd, &de, 40)) > 0) {
		if (n != de.d_reclen)
			bad = 1;	/* one entry per read */
		if (!strcmp(de.d_name, ".") || !strcmp(de.d_name, ".."))
			continue;
		snprintf(name, sizeof(name), "gr/%s", de.d_name);
		bad |= unlink(name);
		seen++;
	}
	close(fd);
	check(!bad && seen == 40 && rmdir("gr") == 0, "getdents64 one entry "
	      "at a time, unlinking each: all 40 seen, none left", NULL);
}

/* One round of the leak test: a file made, linked, renamed over a
 * symlink and removed, a directory made, renamed and removed. */
static int one_round(int i)
{
	char a[32], b[32];
	int bad;

	snprintf(a, sizeof(a), "leak/f%d", i);
	snprintf(b, sizeof(b), "leak2/g%d", i);
	put(a, "some bytes");
	bad = link(a, b) || unlink(b) || symlink(a, b) || rename(a, b) ||
	      unlink(b);
	snprintf(a, sizeof(a), "leak/d%d", i);
	return bad || mkdir(a, 0755) || rename(a, b) || rmdir(b);
}

/* Make, link, rename and remove a thousand names: every page back. */
static void no_leaks(void)
{
	long before, after;
	int i, bad = 0;

	mkdir("leak", 0755);
	mkdir("leak2", 0755);
	for (i = 0; i < 20; i++)	/* warm the caches */
		bad |= one_round(i);
	before = meminfo_free_pages();
	for (i = 0; i < 1000; i++)
		bad |= one_round(i);
	after = meminfo_free_pages();
	check(!bad, "1000 names made, linked, renamed and removed",
	      strerror(errno));
	if (before >= 0) {
		char detail[64];

		snprintf(detail, sizeof(detail), "%ld before, %ld after",
			 before, after);
		check(before == after, "every page came back", detail);
	}
	rmdir("leak");
	rmdir("leak2");
}

/* Remove what is left of the work tree (a depth-2 tree at most). */
static void cleanup(const char *dir)
{
	struct dirent *de;
	char path[600];
	DIR *d = opendir(dir);

	while (d && (de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (de->d_type == DT_DIR) {
			cleanup(path);
			rmdir(path);
		} else {
			unlink(path);
		}
	}
	if (d)
		closedir(d);
}

int main(int argc, char **argv)
{
	struct utsname u;

	check_prog = "namespace";
	on_clonix = !uname(&u) && strstr(u.release, "clonix");
	snprintf(base, sizeof(base), "%s/ns.%d", argc > 1 ? argv[1] : "/tmp",
		 getpid());
	check(mkdir(base, 0755) == 0 && chdir(base) == 0, "a work directory",
	      strerror(errno));
	rename_cases();
	link_cases();
	symlink_cases();
	attr_cases();
	fallocate_cases();
	statfs_fsync_cases();
	access_cases();
	bad_pointers();
	getdents_cases();
	getdents_while_removing();
	no_leaks();
	cleanup(base);
	check(chdir("/") == 0 && rmdir(base) == 0, "the work directory goes "
	      "too", strerror(errno));
	return check_summary();
}
