/* test_shm: shared memory, from the man pages of mmap(2), msync(2),
 * madvise(2) and mremap(2). MAP_SHARED|MAP_ANONYMOUS pages are seen by
 * parent, child and grandchild alike; a MAP_SHARED file mapping and
 * read()/write() see each other's changes; a MAP_PRIVATE mapping copies
 * on write and never changes the file; touching a file mapping past the
 * end of the file is SIGBUS, also after a truncation; MADV_DONTNEED
 * gives zeros (or the file) back; mremap grows, shrinks and moves with
 * the contents; and Linux's errnos. On Clonix, every page comes back
 * once all is unmapped and the children are reaped.
 * Usage: test_shm [dir] (default /tmp; on a Linux host use a tmpfs such
 * as /dev/shm). */
#define _FILE_OFFSET_BITS 64
#include "check.h"
#include <sched.h>
#include <stdint.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define PG 4096L

static const char *dir = "/tmp";
static char path[256];
/* qemu-user (how these tests also run on a Linux host) does not emulate
 * MAP_SHARED_VALIDATE, madvise beyond MADV_DONTNEED (its errors,
 * DONTFORK, WIPEONFORK, REMOVE, POPULATE), some of mremap (its errors,
 * old_size 0, MREMAP_DONTUNMAP), nor msync of an address it has
 * reserved: those checks run on Clonix only. */
static int on_clonix;
/* qemu-i386 emulates mremap in its own reservation of the 32-bit space:
 * it does not grow in place, and moves or unmapped addresses stay
 * reserved (so "mapped") there. */
static int mremap_exact;

static char pattern(long i)
{
	return 'a' + i % 26;
}

/* A new file of size bytes of pattern(), open read-write. */
static int make_file(const char *name, long size)
{
	char buf[PG];
	long i, done;
	int fd;

	snprintf(path, sizeof(path), "%s/%s.%d", dir, name, getpid());
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	for (done = 0; fd >= 0 && done < size; done += PG) {
		long n = size - done < PG ? size - done : PG;

		for (i = 0; i < n; i++)
			buf[i] = pattern(done + i);
		if (write(fd, buf, n) != n)
			return -1;
	}
	return fd;
}

static char read_at(int fd, long off)
{
	char c = '?';

	if (pread(fd, &c, 1, off) != 1)
		return '?';
	return c;
}

/* Run fn in a child; its wait status. */
static int in_child(int (*fn)(void *), void *arg)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn(arg));
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static int touch(void *p)
{
	return *(volatile char *)p == 0x7f;
}

static int store(void *p)
{
	*(volatile char *)p = 'S';
	return 0;
}

static void check_sigbus(int status, const char *what)
{
	char detail[64];

	snprintf(detail, sizeof(detail), "wait status %#x", status);
	check(status >= 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGBUS,
	      what, detail);
}

static void check_exit0(int status, const char *what)
{
	char detail[64];

	snprintf(detail, sizeof(detail), "wait status %#x", status);
	check(status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      what, detail);
}

/* Wait until *flag == want, yielding; 0 when it never came. */
static int wait_for(volatile char *flag, char want)
{
	long i;

	for (i = 0; i < 2000000; i++) {
		if (*flag == want)
			return 1;
		sched_yield();
	}
	return 0;
}

/* ---- MAP_SHARED|MAP_ANONYMOUS across fork ---------------------------- */

static int grandchild(volatile char *p)
{
	if (p[1] != 'C')
		return 1;
	p[2 * PG + 5] = 'G';	/* a page nobody touched yet */
	return 0;
}

static int child(volatile char *p)
{
	int bad = 0, status;
	pid_t pid;

	if (p[0] != 'P')
		bad |= 1;	/* the parent's store before fork */
	p[1] = 'C';
	pid = fork();
	if (pid == 0)
		_exit(grandchild(p));
	if (pid < 0 || waitpid(pid, &status, 0) != pid || status)
		bad |= 2;
	if (p[2 * PG + 5] != 'G')
		bad |= 4;	/* the grandchild's store */
	if (!wait_for(&p[100], 1))
		bad |= 8;	/* the parent's store after fork */
	p[101] = 2;
	return bad;
}

static void anon_shared(void)
{
	volatile char *p = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE,
				MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	char *priv = mmap(NULL, PG, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int status = -1;
	pid_t pid;

	check(p != MAP_FAILED && priv != MAP_FAILED,
	      "mmap MAP_SHARED|MAP_ANONYMOUS", strerror(errno));
	if (p == MAP_FAILED || priv == MAP_FAILED)
		return;
	check(p[0] == 0 && p[2 * PG] == 0,
	      "shared anonymous memory starts zeroed", NULL);
	p[0] = 'P';
	priv[0] = 'p';
	pid = fork();
	if (pid == 0) {
		int bad = child(p);

		priv[0] = 'c';
		_exit(bad);
	}
	p[100] = 1;
	check(wait_for(&p[101], 2), "parent sees the child's store made "
	      "while both run", NULL);
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && !(WEXITSTATUS(status) & 1),
	      "child sees the parent's store made before fork", NULL);
	check(WIFEXITED(status) && !(WEXITSTATUS(status) & 8),
	      "child sees the parent's store made after fork", NULL);
	check(WIFEXITED(status) && !(WEXITSTATUS(status) & 6),
	      "grandchild and child see each other's stores", NULL);
	check(p[1] == 'C', "parent sees the child's store", NULL);
	check(p[2 * PG + 5] == 'G',
	      "parent sees the grandchild's store to a fresh page", NULL);
	check(priv[0] == 'p', "a MAP_PRIVATE page stays private across fork",
	      NULL);
	check(madvise((void *)p, 3 * PG, MADV_DONTNEED) == 0 && p[1] == 'C' &&
	      p[2 * PG + 5] == 'G',
	      "MADV_DONTNEED on shared memory keeps its contents", NULL);
	check(munmap((void *)p, 3 * PG) == 0 && munmap(priv, PG) == 0,
	      "munmap of the shared and private mappings", NULL);
}

/* A shared page lives while any process maps it: the parent unmaps it
 * first, the child still has its bytes. */
static void last_user(void)
{
	volatile char *p = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE,
				MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	volatile char *flag = mmap(NULL, PG, PROT_READ | PROT_WRITE,
				   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int status = -1;
	pid_t pid;

	if (p == MAP_FAILED || flag == MAP_FAILED)
		return;
	p[0] = 'x';
	p[PG] = 'y';
	pid = fork();
	if (pid == 0)
		_exit(!wait_for(flag, 1) || p[0] != 'x' || p[PG] != 'y');
	munmap((void *)p, 2 * PG);
	flag[0] = 1;
	waitpid(pid, &status, 0);
	check_exit0(status, "after the parent unmaps shared memory, the "
		    "child still has its pages");
	munmap((void *)flag, PG);
}

/* ---- MAP_SHARED file mappings ----------------------------------------- */

static void file_shared(void)
{
	long size = 2 * PG + 100;
	int fd = make_file("shared", size), ok, i;
	char *m, *m2, buf[8];
	struct stat st;

	check(fd >= 0, "a file of two pages and 100 bytes", strerror(errno));
	m = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	check(m != MAP_FAILED, "mmap MAP_SHARED of the file", strerror(errno));
	if (fd < 0 || m == MAP_FAILED)
		return;
	for (ok = 1, i = 0; i < size; i++)
		ok &= m[i] == pattern(i);
	check(ok, "the mapping shows the file's bytes", NULL);
	check(m[size] == 0 && m[3 * PG - 1] == 0,
	      "the last page reads zeros past the end of file", NULL);

	m[10] = 'X';
	check(read_at(fd, 10) == 'X', "a store through the mapping is seen "
	      "by read()", NULL);
	check(pwrite(fd, "HELLO", 5, PG + 3) == 5 &&
	      !memcmp(m + PG + 3, "HELLO", 5),
	      "write() is seen through the mapping", NULL);
	check(in_child(store, m + 20) == 0 && read_at(fd, 20) == 'S',
	      "a child's store through the inherited mapping reaches the file",
	      NULL);
	m[size + 1] = 'Z';	/* in the last page, past the end */
	check(fstat(fd, &st) == 0 && st.st_size == size,
	      "a store past the end does not grow the file", NULL);

	m2 = mmap(NULL, PG, PROT_READ, MAP_SHARED, fd, PG);
	check(m2 != MAP_FAILED && !memcmp(m2 + 3, "HELLO", 5),
	      "a mapping at offset 4096 shows the second page", NULL);
	if (m2 != MAP_FAILED)
		munmap(m2, PG);

	check_sigbus(in_child(touch, m + 3 * PG),
		     "a read past the file's last page is SIGBUS");
	check_errno(write(fd, m + 3 * PG, 10), EFAULT,
		    "write() from the mapping past the file's end: EFAULT");
	check_exit0(in_child(touch, m + 2 * PG + 200),
		    "a read in the last page, past the end, is fine");

	check(msync(m, 4 * PG, MS_SYNC) == 0, "msync MS_SYNC", strerror(errno));
	check(msync(m, PG, MS_ASYNC) == 0, "msync MS_ASYNC", strerror(errno));
	check(msync(m, PG, MS_INVALIDATE) == 0, "msync MS_INVALIDATE",
	      strerror(errno));
	check_errno(msync(m, PG, MS_ASYNC | MS_SYNC), EINVAL,
		    "msync MS_ASYNC|MS_SYNC: EINVAL");
	check_errno(msync(m, PG, 8), EINVAL, "msync unknown flag: EINVAL");
	check_errno(msync(m + 1, PG, MS_SYNC), EINVAL,
		    "msync unaligned address: EINVAL");

	/* Truncation while mapped. */
	check(ftruncate(fd, PG) == 0, "ftruncate to one page while mapped",
	      strerror(errno));
	check_sigbus(in_child(touch, m + PG + 5),
		     "after truncation the cut page is SIGBUS");
	check(m[10] == 'X', "the page before the new end stays mapped", NULL);
	check(ftruncate(fd, 3 * PG) == 0 && m[PG + 3] == 0 && m[PG + 4] == 0,
	      "grown again, the cut page reads zeros, not the old data", NULL);
	check(pread(fd, buf, 5, PG + 3) == 5 && !memcmp(buf, "\0\0\0\0\0", 5),
	      "and read() agrees", NULL);
	/* To the largest size and back: no offset arithmetic overflows. */
	check(ftruncate(fd, sizeof(long) == 8 ? INT64_MAX : (1LL << 44) - PG) ==
		      0 && ftruncate(fd, 3 * PG) == 0 && m[10] == 'X',
	      "truncating a mapped file to the largest size and back", NULL);

	check(munmap(m, 4 * PG) == 0, "munmap of the file mapping", NULL);
	if (on_clonix)
		check_errno(msync(m, PG, MS_SYNC), ENOMEM,
			    "msync of an unmapped range: ENOMEM");
	close(fd);
	unlink(path);
}

/* ---- MAP_PRIVATE file mappings ---------------------------------------- */

static void file_private(void)
{
	int fd = make_file("private", 3 * PG), ro, status;
	char *m, *r;
	pid_t pid;

	m = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	check(fd >= 0 && m != MAP_FAILED, "mmap MAP_PRIVATE of a file",
	      strerror(errno));
	if (fd < 0 || m == MAP_FAILED)
		return;
	check(m[0] == 'a' && m[PG] == pattern(PG), "it shows the file", NULL);
	m[0] = 'Z';
	check(m[0] == 'Z' && read_at(fd, 0) == 'a',
	      "a store to a private mapping does not change the file", NULL);
	check(pwrite(fd, "W", 1, PG) == 1 && m[PG] == 'W',
	      "a page not yet written shows the file's changes", NULL);
	check(m[2 * PG] == pattern(2 * PG) &&
	      pread(fd, m + 2 * PG, 5, 0) == 5 && !memcmp(m + 2 * PG, "abcde", 5)
	      && read_at(fd, 2 * PG) == pattern(2 * PG),
	      "read() into a private mapping copies the page, not the file",
	      NULL);
	m[PG + 1] = 'V';
	check(pwrite(fd, "U", 1, PG) == 1 && m[PG] == 'W' && m[PG + 1] == 'V',
	      "once written, the private copy keeps its own bytes", NULL);
	pid = fork();
	if (pid == 0) {
		int bad = m[0] != 'Z';

		m[2] = 'q';
		_exit(bad);
	}
	waitpid(pid, &status, 0);
	check_exit0(status, "a child sees the parent's private copy");
	check(m[2] == pattern(2) && read_at(fd, 2) == pattern(2),
	      "the child's store reaches neither the parent nor the file",
	      NULL);
	check(madvise(m, PG, MADV_DONTNEED) == 0 && m[0] == 'a',
	      "MADV_DONTNEED on a private file mapping reads the file again",
	      NULL);
	munmap(m, 3 * PG);

	ro = open(path, O_RDONLY);
	r = mmap(NULL, PG, PROT_READ, MAP_PRIVATE, ro, 0);
	check(r != MAP_FAILED && mprotect(r, PG, PROT_READ | PROT_WRITE) == 0,
	      "mprotect PROT_WRITE on a private mapping of a read-only fd",
	      strerror(errno));
	if (r != MAP_FAILED) {
		r[0] = 'R';
		check(read_at(fd, 0) == 'a', "the file does not see that store",
		      NULL);
		munmap(r, PG);
	}
	close(ro);
	close(fd);
	unlink(path);
}

/* ---- errors ------------------------------------------------------------ */

static void errors(void)
{
	int fd = make_file("errors", PG), ro, wo, dfd, nfd;
	char *m;

	ro = open(path, O_RDONLY);
	wo = open(path, O_WRONLY);
	check_errno((long)mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, ro,
			       0), EACCES,
		    "PROT_WRITE MAP_SHARED of an O_RDONLY fd: EACCES");
	m = mmap(NULL, PG, PROT_READ, MAP_SHARED, ro, 0);
	check(m != MAP_FAILED, "PROT_READ MAP_SHARED of an O_RDONLY fd",
	      strerror(errno));
	check_errno(mprotect(m, PG, PROT_READ | PROT_WRITE), EACCES,
		    "mprotect PROT_WRITE on it: EACCES");
	munmap(m, PG);
	check_errno((long)mmap(NULL, PG, PROT_READ, MAP_PRIVATE, wo, 0), EACCES,
		    "mmap of an O_WRONLY fd: EACCES");
	check_errno((long)mmap(NULL, PG, PROT_READ, MAP_SHARED, fd, 100), EINVAL,
		    "an offset that is not page-aligned: EINVAL");
	check_errno((long)mmap(NULL, PG, PROT_READ, MAP_SHARED, 999, 0), EBADF,
		    "a bad fd: EBADF");
	/* Pages past the largest file offset (2^63 - 1 on 64 bits; 16 TiB,
	 * 2^32 page numbers, on a 32-bit kernel — a 64-bit host's kernel
	 * maps that for an i386 program): no page number wraps. */
	if (sizeof(long) == 8 || on_clonix)
		check_errno((long)mmap(NULL, 2 * PG, PROT_READ, MAP_SHARED, fd,
				       sizeof(long) == 8 ? INT64_MAX - PG + 1 :
							   (1LL << 44) - PG),
			    EOVERFLOW,
			    "a mapping past the largest offset: EOVERFLOW");
	check_errno((long)mmap(NULL, PG, PROT_READ, 0, fd, 0), EINVAL,
		    "neither MAP_SHARED nor MAP_PRIVATE: EINVAL");
	check_errno((long)mmap(NULL, 0, PROT_READ, MAP_SHARED, fd, 0), EINVAL,
		    "length 0: EINVAL");
	if (on_clonix) {
		check_errno((long)mmap(NULL, PG, PROT_READ,
				       MAP_SHARED_VALIDATE | MAP_SYNC, fd, 0),
			    EOPNOTSUPP,
			    "MAP_SHARED_VALIDATE with MAP_SYNC: EOPNOTSUPP");
		m = mmap(NULL, PG, PROT_READ, MAP_SHARED_VALIDATE, fd, 0);
		check(m != MAP_FAILED, "MAP_SHARED_VALIDATE with known flags",
		      strerror(errno));
		if (m != MAP_FAILED)
			munmap(m, PG);
	}
	dfd = open(dir, O_RDONLY);
	check_errno((long)mmap(NULL, PG, PROT_READ, MAP_PRIVATE, dfd, 0), ENODEV,
		    "mmap of a directory: ENODEV");
	nfd = open("/dev/null", O_RDWR);
	check_errno((long)mmap(NULL, PG, PROT_READ, MAP_SHARED, nfd, 0), ENODEV,
		    "mmap of /dev/null: ENODEV");
	close(nfd);
	close(dfd);
	close(wo);
	close(ro);

	m = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	check_errno(madvise(m + 1, PG, MADV_NORMAL), EINVAL,
		    "madvise unaligned: EINVAL");
	if (on_clonix) {
		check_errno(madvise(m, PG, 999), EINVAL,
			    "madvise bad advice: EINVAL");
		check_errno(madvise(m, PG, MADV_FREE), EINVAL,
			    "MADV_FREE on a file mapping: EINVAL");
		check_errno(madvise(m, PG, MADV_WIPEONFORK), EINVAL,
			    "MADV_WIPEONFORK on a file mapping: EINVAL");
	}
	check(madvise(m, PG, MADV_NORMAL) == 0 &&
	      madvise(m, PG, MADV_RANDOM) == 0 &&
	      madvise(m, PG, MADV_SEQUENTIAL) == 0 &&
	      madvise(m, PG, MADV_WILLNEED) == 0 &&
	      madvise(m, PG, MADV_COLD) == 0,
	      "MADV_NORMAL, RANDOM, SEQUENTIAL, WILLNEED, COLD accepted",
	      strerror(errno));
	check(madvise(m, PG, MADV_POPULATE_READ) == 0,
	      "MADV_POPULATE_READ faults the page in", strerror(errno));
	munmap(m, 2 * PG);
	if (on_clonix)
		check_errno(madvise(m, PG, MADV_DONTNEED), ENOMEM,
			    "madvise of an unmapped range: ENOMEM");
	check(madvise(m, 0, MADV_DONTNEED) == 0, "madvise of length 0 does "
	      "nothing", strerror(errno));

	/* mremap */
	m = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check_errno((long)mremap(m, PG, PG, 8), EINVAL,
		    "mremap unknown flag: EINVAL");
	check_errno((long)mremap(m, PG, PG, MREMAP_FIXED, m + 16 * PG), EINVAL,
		    "MREMAP_FIXED without MREMAP_MAYMOVE: EINVAL");
	check_errno((long)mremap(m + 1, PG, PG, 0), EINVAL,
		    "mremap unaligned address: EINVAL");
	if (on_clonix)
		check_errno((long)mremap(m, PG, 0, MREMAP_MAYMOVE), EINVAL,
			    "mremap to length 0: EINVAL");
	check_errno((long)mremap(m, 2 * PG, 2 * PG,
				 MREMAP_FIXED | MREMAP_MAYMOVE, m + PG), EINVAL,
		    "MREMAP_FIXED onto an overlapping range: EINVAL");
	check_errno((long)mremap(m, PG, 2 * PG,
				 MREMAP_DONTUNMAP | MREMAP_MAYMOVE), EINVAL,
		    "MREMAP_DONTUNMAP with a new size: EINVAL");
	if (on_clonix) {
		check_errno((long)mremap(m, 0, PG, MREMAP_MAYMOVE), EINVAL,
			    "old_size 0 of a private mapping: EINVAL");
		check_errno((long)mremap(m, 8 * PG, 16 * PG, MREMAP_MAYMOVE),
			    EFAULT,
			    "mremap across the end of the mapping: EFAULT");
	}
	munmap(m, 4 * PG);
	if (mremap_exact)
		check_errno((long)mremap(m, PG, 2 * PG, MREMAP_MAYMOVE), EFAULT,
			    "mremap of an unmapped address: EFAULT");
	close(fd);
	unlink(path);
}

/* ---- MADV_DONTNEED and mremap keep exact page counts ------------------- */

static void dontneed(void)
{
	char *m = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long before, after;
	char detail[64];

	memset(m, 'x', 4 * PG);
	before = meminfo_free_pages();
	check(madvise(m + PG, 2 * PG, MADV_DONTNEED) == 0, "MADV_DONTNEED",
	      strerror(errno));
	after = meminfo_free_pages();
	check(m[PG] == 0 && m[3 * PG - 1] == 0,
	      "private anonymous pages read as zeros after MADV_DONTNEED", NULL);
	check(m[0] == 'x' && m[3 * PG] == 'x',
	      "the pages around them keep their bytes", NULL);
	if (before >= 0) {
		snprintf(detail, sizeof(detail), "%ld before, %ld after", before,
			 after);
		check(after - before == 2, "MADV_DONTNEED freed the two pages",
		      detail);
	}
	munmap(m, 4 * PG);
}

static void populate(void)
{
	long before = meminfo_free_pages(), after;
	char *m = mmap(NULL, 8 * PG, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	char detail[64];

	after = meminfo_free_pages();
	check(m != MAP_FAILED && m[0] == 0 && m[8 * PG - 1] == 0,
	      "a MAP_POPULATE mapping is zeroed memory", strerror(errno));
	if (before >= 0) {
		snprintf(detail, sizeof(detail), "%ld before, %ld after", before,
			 after);
		check(before - after >= 8,
		      "MAP_POPULATE maps all 8 pages at once", detail);
	}
	if (m != MAP_FAILED)
		munmap(m, 8 * PG);
}

static int all(const char *p, long n, char c)
{
	while (n--)
		if (*p++ != c)
			return 0;
	return 1;
}

static void remap(void)
{
	char *m, *g, *n, *r;
	volatile char *s;
	int fd, status;
	pid_t pid;

	/* Grow in place: reserve room, then give it back. */
	m = mmap(NULL, 8 * PG, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(m + 2 * PG, 6 * PG);
	memset(m, 'g', 2 * PG);
	if (mremap_exact)
		check(mremap(m, 2 * PG, 4 * PG, 0) == m &&
		      all(m, 2 * PG, 'g') && all(m + 2 * PG, 2 * PG, 0),
		      "mremap grows in place, keeping the bytes, new pages zero",
		      strerror(errno));
	else
		mremap(m, 2 * PG, 4 * PG, 0);
	check(mremap(m, 4 * PG, PG, 0) == m && all(m, PG, 'g') &&
	      msync(m + PG, PG, MS_ASYNC) == -1 && errno == ENOMEM,
	      "mremap shrinks: the first page stays, the rest is unmapped",
	      NULL);

	/* Blocked: a guard page right after it. */
	g = mmap(m + PG, PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
		 -1, 0);
	check_errno((long)mremap(m, PG, 3 * PG, 0), ENOMEM,
		    "growing into a mapping without MREMAP_MAYMOVE: ENOMEM");
	n = mremap(m, PG, 3 * PG, MREMAP_MAYMOVE);
	check(n != MAP_FAILED && n != m && all(n, PG, 'g') &&
	      all(n + PG, 2 * PG, 0),
	      "MREMAP_MAYMOVE moves it, with the bytes", strerror(errno));
	if (mremap_exact)
		check(msync(m, PG, MS_ASYNC) == -1 && errno == ENOMEM,
		      "the old address is unmapped after the move", NULL);
	munmap(g, PG);

	/* MREMAP_FIXED onto a reserved place. */
	r = mmap(NULL, 3 * PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check(mremap(n, 3 * PG, 3 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, r) == r &&
	      all(r, PG, 'g') && r[PG] == 0,
	      "MREMAP_FIXED moves it to the address asked for", strerror(errno));
	munmap(r, 3 * PG);

	/* A shared mapping moved stays shared. */
	s = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
		 -1, 0);
	g = mmap((char *)s + PG, PG, PROT_NONE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	s[0] = 's';
	s = mremap((void *)s, PG, PG, MREMAP_MAYMOVE | MREMAP_FIXED,
		   (char *)g + 8 * PG);
	pid = fork();
	if (pid == 0) {
		s[1] = 't';
		_exit(s[0] != 's');
	}
	waitpid(pid, &status, 0);
	check(s != MAP_FAILED && WIFEXITED(status) && !WEXITSTATUS(status) &&
	      s[1] == 't', "a moved MAP_SHARED mapping is still shared", NULL);
	munmap((void *)s, PG);
	munmap(g, PG);

	/* A file mapping moved still reaches the file. */
	fd = make_file("remap", 2 * PG);
	m = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	g = mmap(m + PG, PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
		 -1, 0);
	n = mremap(m, PG, 2 * PG, MREMAP_MAYMOVE);
	check(n != MAP_FAILED && n[0] == 'a' && n[PG] == pattern(PG),
	      "a file mapping grown by a move shows the next page of the file",
	      strerror(errno));
	if (n != MAP_FAILED) {
		n[PG + 1] = '!';
		check(read_at(fd, PG + 1) == '!',
		      "and its stores still reach the file", NULL);
		munmap(n, 2 * PG);
	}
	munmap(g, PG);
	close(fd);
	unlink(path);
}

/* What qemu-user cannot show: madvise's DONTFORK, WIPEONFORK, REMOVE,
 * and mremap's second mapping of shared memory (old_size 0). */
static void fork_advice_and_holes(void)
{
	volatile char *s;
	char *m, *n;
	int status;
	pid_t pid;

	/* MADV_DONTFORK and MADV_WIPEONFORK. */
	m = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(m, 'w', 2 * PG);
	check(madvise(m, PG, MADV_DONTFORK) == 0 &&
	      madvise(m + PG, PG, MADV_WIPEONFORK) == 0,
	      "MADV_DONTFORK and MADV_WIPEONFORK", strerror(errno));
	status = in_child(touch, m);
	check(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	      "a MADV_DONTFORK page is not mapped in a child", NULL);
	pid = fork();
	if (pid == 0)
		_exit(m[PG] != 0 || m[2 * PG - 1] != 0);
	waitpid(pid, &status, 0);
	check_exit0(status, "a MADV_WIPEONFORK page reads zeros in a child");
	check(m[0] == 'w' && m[PG] == 'w', "the parent keeps both", NULL);
	munmap(m, 2 * PG);

	/* MADV_REMOVE punches a hole in shared memory. */
	s = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE,
		 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	s[0] = 'r';
	s[PG] = 'k';
	check(madvise((void *)s, PG, MADV_REMOVE) == 0 && s[0] == 0 &&
	      s[PG] == 'k', "MADV_REMOVE makes shared memory read zeros",
	      strerror(errno));
	/* A second mapping of the same shared pages (old_size 0). */
	n = mremap((void *)s, 0, 2 * PG, MREMAP_MAYMOVE);
	check(n != MAP_FAILED && n != s && n[PG] == 'k',
	      "mremap old_size 0 maps shared memory a second time",
	      strerror(errno));
	if (n != MAP_FAILED) {
		n[1] = '2';
		check(s[1] == '2', "and both mappings are the same pages", NULL);
		munmap(n, 2 * PG);
	}
	munmap((void *)s, 2 * PG);
}

/* ---- the rest of madvise, mremap and mmap's sources ------------------ */

static void more(void)
{
	char *m, *n, *z;
	int fd, zfd;

	/* A file unlinked while mapped lives on until munmap. */
	fd = make_file("gone", PG);
	m = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	check(m != MAP_FAILED && unlink(path) == 0,
	      "unlink a file while it is mapped", strerror(errno));
	if (m != MAP_FAILED) {
		m[5] = '5';
		check(read_at(fd, 5) == '5',
		      "its mapping and read() still share the page", NULL);
		munmap(m, PG);
	}
	close(fd);

	if (on_clonix)
		fork_advice_and_holes();

	/* MREMAP_DONTUNMAP moves the pages and leaves the old range empty. */
	m = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		 -1, 0);
	m[0] = 'd';
	if (on_clonix) {
		n = mremap(m, PG, PG, MREMAP_MAYMOVE | MREMAP_DONTUNMAP);
		check(n != MAP_FAILED && n[0] == 'd' && m[0] == 0,
		      "MREMAP_DONTUNMAP moves the page, the old range reads zeros",
		      strerror(errno));
		if (n != MAP_FAILED)
			munmap(n, PG);
	}
	munmap(m, PG);

	/* /dev/zero: private and shared zeroed memory. */
	zfd = open("/dev/zero", O_RDWR);
	z = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, zfd, 0);
	check(z != MAP_FAILED && z[0] == 0 && (z[1] = 1),
	      "MAP_PRIVATE of /dev/zero is zeroed, writable memory",
	      strerror(errno));
	if (z != MAP_FAILED)
		munmap(z, PG);
	z = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, zfd, 0);
	check(z != MAP_FAILED && in_child(store, z) == 0 && z[0] == 'S',
	      "MAP_SHARED of /dev/zero is shared with a child", strerror(errno));
	if (z != MAP_FAILED)
		munmap(z, PG);
	close(zfd);

	/* Write-only and populated private file mappings. */
	fd = make_file("wonly", PG);
	m = mmap(NULL, PG, PROT_WRITE, MAP_PRIVATE, fd, 0);
	check(m != MAP_FAILED && m[3] == 'd',
	      "a PROT_WRITE private file mapping can be read", strerror(errno));
	if (m != MAP_FAILED) {
		m[3] = '3';
		check(read_at(fd, 3) == 'd', "and its store stays private",
		      NULL);
		munmap(m, PG);
	}
	m = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	if (on_clonix)
		check(madvise(m, PG, MADV_POPULATE_WRITE) == 0 && (m[0] = '0') &&
		      read_at(fd, 0) == 'a',
		      "MADV_POPULATE_WRITE on a private mapping copies the page",
		      strerror(errno));
	munmap(m, PG);
	close(fd);
	unlink(path);
}

static void warm_up(void)
{
	volatile char stack[64 * 1024];
	char *p;
	int fd;

	memset((char *)stack, 0, sizeof(stack));
	fd = make_file("warm", 2 * PG);
	p = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p != MAP_FAILED) {
		p[0] = 1;
		in_child(store, p);
		munmap(p, 2 * PG);
	}
	close(fd);
	unlink(path);
}

int main(int argc, char **argv)
{
	long before, after;
	char detail[64];

	check_prog = "shm";
	if (argc > 1)
		dir = argv[1];
	setvbuf(stdout, NULL, _IONBF, 0);
	on_clonix = meminfo_free_pages() >= 0;
	mremap_exact = on_clonix || sizeof(long) == 8;
	warm_up();
	before = meminfo_free_pages();
	anon_shared();
	last_user();
	file_shared();
	file_private();
	errors();
	dontneed();
	populate();
	remap();
	more();
	after = meminfo_free_pages();
	if (before >= 0) {
		snprintf(detail, sizeof(detail), "%ld before, %ld after", before,
			 after);
		check(before == after, "every page came back", detail);
	}
	return check_summary();
}
