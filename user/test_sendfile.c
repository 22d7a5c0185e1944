/* test_sendfile: sendfile(2) from the man page: it copies between two
 * files in the kernel, from in_fd's position (which moves) or from
 * *offset (which moves instead), stops at the end of the input, and
 * answers EBADF, EINVAL, EFAULT and EOVERFLOW as Linux does. BusyBox's
 * cat and cp use it. Passes on a Linux host too (run it in a tmpfs work
 * directory such as /dev/shm). */
#include "check.h"
#include <sys/prctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>

#define DIR_ "/tmp/sendfile"
#define SIZE 10000	/* more than two pages, not a multiple of one */

static char data[SIZE], back[SIZE + 16];

static long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

#ifdef __i386__
/* qemu-user on a Linux host runs a 32-bit program's sendfile as the
 * host's 64-bit one, without the 32-bit limit. */
static int under_qemu_user(void)
{
	struct utsname u;
	char name[16] = "";

	prctl(PR_GET_NAME, (unsigned long)name, 0, 0, 0);
	return uname(&u) == 0 && !strstr(u.release, "clonix") &&
	       !strncmp(name, "qemu-", 5);
}
#endif

int main(int argc, char *argv[])
{
	const char *dir = argc > 1 ? argv[1] : DIR_;
	char src[256], dst[256];
	long free_before = -1;
	int in, out, i, bad = 0;
	off_t off;
	ssize_t n;


	check_prog = "sendfile";
	mkdir(dir, 0755);
	snprintf(src, sizeof(src), "%s/src", dir);
	snprintf(dst, sizeof(dst), "%s/dst", dir);
	for (i = 0; i < SIZE; i++)
		data[i] = 'a' + i % 26;
	in = open(src, O_RDWR | O_CREAT | O_TRUNC, 0644);
	check(in >= 0 && write(in, data, SIZE) == SIZE, "make the source",
	      strerror(errno));
	lseek(in, 0, SEEK_SET);
	out = open(dst, O_RDWR | O_CREAT | O_TRUNC, 0644);

	n = sendfile(out, in, NULL, SIZE + 100);
	check(n == SIZE, "without an offset it copies up to the end", NULL);
	check(lseek(in, 0, SEEK_CUR) == SIZE, "... and in_fd's position moves",
	      NULL);
	check(lseek(out, 0, SEEK_CUR) == SIZE, "... and out_fd's too", NULL);
	check(pread(out, back, sizeof(back), 0) == SIZE &&
	      !memcmp(back, data, SIZE), "the copy has the same bytes", NULL);
	check(sendfile(out, in, NULL, 100) == 0, "at the end it returns 0",
	      NULL);

	off = 4000;
	lseek(in, 7, SEEK_SET);
	ftruncate(out, 0);
	lseek(out, 0, SEEK_SET);
	n = sendfile(out, in, &off, 3000);
	check(n == 3000 && off == 7000, "from *offset: 3000 bytes, *offset "
	      "moves to 7000", NULL);
	check(lseek(in, 0, SEEK_CUR) == 7, "... and in_fd's position stays",
	      NULL);
	check(pread(out, back, sizeof(back), 0) == 3000 &&
	      !memcmp(back, data + 4000, 3000), "... with the right bytes",
	      NULL);
	off = SIZE - 10;
	check(sendfile(out, in, &off, 100) == 10 && off == SIZE,
	      "a copy past the end stops at the end", NULL);
	close(out);

	out = open("/dev/null", O_WRONLY);
	off = 0;
	check(sendfile(out, in, &off, SIZE) == SIZE, "to /dev/null", NULL);
	close(out);

	/* Errors. */
	out = open(dst, O_WRONLY | O_TRUNC);
	check_errno(sendfile(out, 99, NULL, 10), EBADF, "a closed in_fd: "
		    "EBADF");
	check_errno(sendfile(99, in, NULL, 10), EBADF, "a closed out_fd: "
		    "EBADF");
	i = open(src, O_WRONLY);
	check_errno(sendfile(out, i, NULL, 10), EBADF, "in_fd open only for "
		    "writing: EBADF");
	close(i);
	i = open(src, O_RDONLY);
	check_errno(sendfile(i, in, NULL, 10), EBADF, "out_fd open only for "
		    "reading: EBADF");
	close(i);
	i = open(dir, O_RDONLY | O_DIRECTORY);
	check_errno(sendfile(out, i, NULL, 10), EINVAL, "a directory as "
		    "in_fd: EINVAL");
	close(i);
	i = open(dst, O_WRONLY | O_APPEND);
	check_errno(sendfile(i, in, NULL, 10), EINVAL, "an O_APPEND out_fd: "
		    "EINVAL");
	close(i);
	check_errno(sendfile(out, in, (off_t *)1, 10), EFAULT, "a bad offset "
		    "pointer: EFAULT");
	check(file_size(dst) == 0, "... and nothing was copied", NULL);
	off = -1;
	check_errno(sendfile(out, in, &off, 10), EINVAL, "a negative offset: "
		    "EINVAL");
#ifdef __i386__
	{
		/* The 32-bit call cannot tell of an offset past 2 GiB - 1. */
		long off32 = 0x7fffffff;
		off64_t off64 = SIZE - 10;

		if (!under_qemu_user())
			check_errno(syscall(SYS_sendfile, out, in, &off32, 10),
				    EOVERFLOW, "i386 sendfile at 2 GiB - 1: "
				    "EOVERFLOW");
		check(sendfile64(out, in, &off64, 100) == 10 && off64 == SIZE,
		      "i386 sendfile64 with a 64-bit offset", NULL);
	}
#endif

	/* 200 copies to a file and to /dev/null give back every page. */
	ftruncate(out, 0);
	i = open("/dev/null", O_WRONLY);
	for (n = 0; n < 201; n++) {
		off = 0;
		bad |= sendfile(out, in, &off, SIZE) != SIZE;
		off = 0;
		bad |= sendfile(i, in, &off, SIZE) != SIZE;
		bad |= ftruncate(out, 0) != 0;
		lseek(out, 0, SEEK_SET);
		if (n == 0)	/* the first round warms the caches */
			free_before = meminfo_free_pages();
	}
	close(i);
	check(!bad, "200 more copies", NULL);
	if (free_before >= 0) {	/* Clonix (a Linux host has no FreePages) */
		char detail[64];
		long after = meminfo_free_pages();

		snprintf(detail, sizeof(detail), "%ld before, %ld after",
			 free_before, after);
		check(after == free_before, "every page came back", detail);
	}
	close(out);
	close(in);
	unlink(src);
	unlink(dst);
	rmdir(dir);
	return check_summary();
}
