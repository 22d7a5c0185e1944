/* test_fifo: FIFOs (fifo(7), mkfifo(3), mknod(2)): a named pipe made by
 * mknod S_IFIFO, whose opens wait for the other side (or ENXIO and EOF
 * with O_NONBLOCK) and whose data goes with the last close; and the other
 * node types mknod makes: regular files, device nodes that open through
 * their driver (char 1,3 is /dev/null; an unknown number is ENXIO), and
 * mknod's errors. Usage: test_fifo [dir] (default /tmp). Passes on a
 * Linux host too (as root, in a directory that allows device nodes, such
 * as /dev/shm). */
#include "check.h"
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

static char buf[256];

static void made_by_mknod(void)
{
	struct stat st;

	umask(022);
	check(mknod("f", S_IFIFO | 0666, 0) == 0, "mknod S_IFIFO",
	      strerror(errno));
	check(stat("f", &st) == 0 && S_ISFIFO(st.st_mode) &&
	      (st.st_mode & 0777) == 0644 && st.st_size == 0,
	      "stat: a FIFO, mode 0666 & ~umask", NULL);
	check_errno(mkfifo("f", 0600), EEXIST, "mkfifo over it: EEXIST");
	check_errno(mkfifo("nodir/f", 0600), ENOENT,
		    "mkfifo in a missing directory: ENOENT");
	check(unlink("f") == 0 && mkfifo("f", 0600) == 0,
	      "unlink and mkfifo again", NULL);
}

static void nonblocking_opens(void)
{
	int r, w;

	check_errno(open("f", O_WRONLY | O_NONBLOCK), ENXIO,
		    "O_WRONLY|O_NONBLOCK with no reader: ENXIO");
	r = open("f", O_RDONLY | O_NONBLOCK);
	check(r >= 0, "O_RDONLY|O_NONBLOCK opens at once", strerror(errno));
	check(read(r, buf, sizeof(buf)) == 0,
	      "and reads end of file while no writer has it", NULL);
	w = open("f", O_WRONLY | O_NONBLOCK);
	check(w >= 0, "O_WRONLY|O_NONBLOCK opens once a reader has it",
	      strerror(errno));
	check(write(w, "abc", 3) == 3 && read(r, buf, sizeof(buf)) == 3 &&
	      !memcmp(buf, "abc", 3), "what is written is read", NULL);
	check_errno(read(r, buf, sizeof(buf)), EAGAIN,
		    "empty with a writer: EAGAIN");
	check_errno(lseek(r, 0, SEEK_SET), ESPIPE, "lseek: ESPIPE");
	check(write(w, "left", 4) == 4, "write bytes nobody reads", NULL);
	close(w);
	close(r);
	r = open("f", O_RDONLY | O_NONBLOCK);
	check(r >= 0 && read(r, buf, sizeof(buf)) == 0,
	      "they went with the last close", NULL);
	close(r);
	unlink("f");
}

/* main counts free pages around this: the FIFO it uses is made and
 * removed in here, so nothing made before (a slab page of inodes or
 * dentries that its removal would empty) is freed inside the count. */

static void blocking_opens(void)
{
	int status = -1, r, rw;
	ssize_t n, got = 0;
	pid_t pid;

	check(mkfifo("g", 0600) == 0, "a second FIFO", strerror(errno));
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		/* Waits in open until the parent opens for reading. */
		int w = open("g", O_WRONLY);

		_exit(w < 0 || write(w, "from the child", 14) != 14);
	}
	r = open("g", O_RDONLY);	/* waits for the child's open */
	check(r >= 0, "a blocking reader's open meets a writer's", NULL);
	while ((n = read(r, buf + got, sizeof(buf) - 1 - got)) > 0)
		got += n;
	buf[got] = 0;
	waitpid(pid, &status, 0);
	check(!strcmp(buf, "from the child") && n == 0,
	      "the writer's data, then end of file", buf);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "the child's open and write succeeded", NULL);
	close(r);
	rw = open("g", O_RDWR);
	check(rw >= 0, "O_RDWR opens without waiting", strerror(errno));
	check(write(rw, "x", 1) == 1 && read(rw, buf, 1) == 1 && buf[0] == 'x',
	      "and reads back its own write", NULL);
	check(unlink("g") == 0 && write(rw, "y", 1) == 1 &&
	      read(rw, buf, 1) == 1 && buf[0] == 'y',
	      "an unlinked FIFO still works while open", NULL);
	close(rw);
}

static void other_nodes(void)
{
	struct stat st;
	int fd;

	check(mknod("reg", 0644, 0) == 0 && stat("reg", &st) == 0 &&
	      S_ISREG(st.st_mode), "mknod type 0 makes a regular file", NULL);
	check(mknod("null", S_IFCHR | 0666, makedev(1, 3)) == 0 &&
	      stat("null", &st) == 0 && S_ISCHR(st.st_mode) &&
	      major(st.st_rdev) == 1 && minor(st.st_rdev) == 3,
	      "mknod char 1,3: stat shows the number", strerror(errno));
	fd = open("null", O_RDWR);
	check(fd >= 0 && write(fd, "gone", 4) == 4 &&
	      read(fd, buf, sizeof(buf)) == 0,
	      "and it opens as /dev/null", strerror(errno));
	close(fd);
	check(mknod("nodev", S_IFCHR | 0666, makedev(250, 7)) == 0,
	      "mknod char 250,7", NULL);
	check_errno(open("nodev", O_RDONLY), ENXIO,
		    "opening a number no driver has: ENXIO");
	check_errno(mknod("d", S_IFDIR | 0755, 0), EPERM,
		    "mknod S_IFDIR: EPERM");
	check_errno(mknod("bad", 0170000 | 0644, 0), EINVAL,
		    "mknod of an unknown type: EINVAL");
	check_errno(mknod("reg", S_IFIFO | 0644, 0), EEXIST,
		    "mknod over a file: EEXIST");
	check_errno(mknod((char *)16, S_IFIFO | 0644, 0), EFAULT,
		    "mknod of a bad pointer: EFAULT");
	unlink("reg");
	unlink("null");
	unlink("nodev");
}

int main(int argc, char **argv)
{
	char base[128];
	long before, after;

	check_prog = "fifo";
	snprintf(base, sizeof(base), "%s/fifo.%d",
		 argc > 1 ? argv[1] : "/tmp", getpid());
	check(mkdir(base, 0755) == 0 && chdir(base) == 0, "a work directory",
	      base);
	made_by_mknod();
	nonblocking_opens();
	before = meminfo_free_pages();
	blocking_opens();
	after = meminfo_free_pages();
	other_nodes();
	if (before >= 0) {
		char detail[64];

		snprintf(detail, sizeof(detail), "%ld before, %ld after",
			 before, after);
		check(before == after, "every page came back", detail);
	}
	check(chdir("/") == 0 && rmdir(base) == 0, "the work directory goes",
	      strerror(errno));
	return check_summary();
}
