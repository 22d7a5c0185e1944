/* test_files: the file system calls glibc programs use — paths, cwd,
 * symlinks, seeking, vectored writes, stat, directories, terminal ioctls —
 * and their errors. */
#include "check.h"
#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <termios.h>
#include <unistd.h>

int main(void)
{
	char buf[256];
	struct stat st;
	struct termios t;
	struct winsize ws;
	struct utsname u;
	struct iovec iov[2] = { { "vec", 3 }, { "tor\n", 4 } };
	int fd, n;

	check_prog = "files";
	check(getcwd(buf, sizeof(buf)) && !strcmp(buf, "/"), "cwd starts at /",
	      buf);
	check(chdir("/bin") == 0 && getcwd(buf, sizeof(buf)) &&
	      !strcmp(buf, "/bin"), "chdir /bin", buf);
	check(access("hello", X_OK) == 0, "relative paths use the cwd", NULL);
	check(chdir("..") == 0 && getcwd(buf, sizeof(buf)) &&
	      !strcmp(buf, "/"), "chdir ..", buf);
	check_errno(chdir("/init"), ENOTDIR, "chdir to a file gives ENOTDIR");
	check_errno(getcwd(buf, 1) ? 0 : -1, ERANGE,
		    "getcwd into a 1-byte buffer gives ERANGE");

	n = readlink("/bin/sh", buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = 0;
	check(n > 0 && !strcmp(buf, "/init"), "readlink /bin/sh", buf);
	check_errno(readlink("/init", buf, sizeof(buf)), EINVAL,
		    "readlink of a file gives EINVAL");
	check(stat("/bin/sh", &st) == 0 && S_ISREG(st.st_mode),
	      "stat follows the symlink", NULL);
	check(lstat("/bin/sh", &st) == 0 && S_ISLNK(st.st_mode),
	      "lstat does not", NULL);

	mkdir("/tmp", 0777);
	fd = open("/tmp/f", O_RDWR | O_CREAT | O_TRUNC, 0644);
	check(fd >= 0, "create /tmp/f", strerror(errno));
	check(write(fd, "hello world\n", 12) == 12, "write 12 bytes", NULL);
	check(writev(fd, iov, 2) == 7, "writev 7 bytes", NULL);
	check(lseek(fd, 0, SEEK_END) == 19, "lseek to the end", NULL);
	check(lseek(fd, 6, SEEK_SET) == 6 && read(fd, buf, 5) == 5 &&
	      !memcmp(buf, "world", 5), "lseek and read back", NULL);
	check(fstat(fd, &st) == 0 && st.st_size == 19 && S_ISREG(st.st_mode),
	      "fstat size and type", NULL);
	check_errno(lseek(fd, -100, SEEK_SET), EINVAL,
		    "lseek before the start gives EINVAL");
	check_errno(ioctl(fd, TCGETS, &t), ENOTTY,
		    "TCGETS on a file gives ENOTTY");
	check_errno(open("/tmp/f", O_RDONLY | O_CREAT | O_EXCL, 0644), EEXIST,
		    "O_EXCL on an existing file gives EEXIST");
	close(fd);
	check(unlink("/tmp/f") == 0, "unlink", NULL);
	check_errno(open("/tmp/f", O_RDONLY), ENOENT, "and it is gone");
	check_errno(open("/bin", O_WRONLY), EISDIR,
		    "opening a directory for writing gives EISDIR");

	check(ioctl(0, TCGETS, &t) == 0 && (t.c_lflag & ICANON),
	      "the console is a canonical terminal", NULL);
	check(isatty(1), "isatty(stdout)", NULL);
	check(ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col == 80,
	      "TIOCGWINSZ gives 80 columns", NULL);
	check(uname(&u) == 0 && !strcmp(u.sysname, "Linux"),
	      "uname says Linux (glibc expects it)", u.sysname);
	check(getrandom(buf, 32, 0) == 32, "getrandom 32 bytes", NULL);
	check(sched_yield() == 0, "sched_yield", NULL);
	{
		DIR *d = opendir("/bin");
		struct dirent *e;
		int seen = 0;

		while (d && (e = readdir(d)))
			seen += !strcmp(e->d_name, "hello");
		check(d && seen == 1, "readdir /bin finds hello once", NULL);
		if (d)
			closedir(d);
	}
	return check_summary();
}
