/*
 * test_badelf: execve() must refuse broken executables with Linux's error
 * numbers, leak no memory doing so, and still run a good one. Each case
 * copies this very program into /tmp, breaks one thing, and tries it.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>

static char *image, *work;	/* this program, and a copy to break */
static size_t image_size;
static int failures;

static unsigned long free_pages(void)
{
	struct sysinfo si;

	sysinfo(&si);
	return si.freeram * si.mem_unit / 4096;
}

static void load_self(const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || fstat(fd, &st) != 0) {
		perror(path);
		exit(2);
	}
	image_size = st.st_size;
	image = malloc(image_size);
	if (read(fd, image, image_size) != (ssize_t)image_size) {
		perror("read");
		exit(2);
	}
	close(fd);
}

static ElfW(Phdr) *phdr(char *img, int type, int nth)
{
	ElfW(Ehdr) *eh = (ElfW(Ehdr) *)img;
	ElfW(Phdr) *ph = (ElfW(Phdr) *)(img + eh->e_phoff);

	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == (unsigned)type && nth-- == 0)
			return &ph[i];
	return NULL;
}

/* Write img to path with mode, exec it in a child, return its errno (or
 * 0 if it ran and exited 42 as the good copy does). */
static int try_exec(const char *path, const char *img, size_t size,
		    int mode)
{
	int fd, status, err;
	pid_t pid;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (fd < 0 || write(fd, img, size) != (ssize_t)size) {
		perror(path);
		exit(2);
	}
	close(fd);
	pid = fork();
	if (pid == 0) {
		char *argv[] = { (char *)path, "--child", NULL };

		execv(path, argv);
		_exit(errno);	/* report the errno as the exit code */
	}
	waitpid(pid, &status, 0);
	err = WIFEXITED(status) ? WEXITSTATUS(status) : 1000 + WTERMSIG(status);
	return err == 42 ? 0 : err;
}

static void expect(const char *name, int got, int want)
{
	int ok = got == want;

	const char *gname = got ? strerrorname_np(got) : "ran";

	printf("badelf: %-28s %-8s (want %s) %s [free %lu]\n", name,
	       gname ? gname : "?", want ? strerrorname_np(want) : "ran",
	       ok ? "ok" : "FAILED", free_pages());
	failures += !ok;
}

#define CASE(name, want, mutate)                                          \
	do {                                                              \
		char *img = work;                                          \
		size_t size = image_size;                                  \
		ElfW(Ehdr) *eh = (ElfW(Ehdr) *)img;                        \
		memcpy(img, image, image_size);                            \
		(void)eh;                                                  \
		mutate;                                                    \
		expect(name, try_exec("/tmp/bad", img, size, 0755), want); \
	} while (0)

int main(int argc, char *argv[])
{
	unsigned long before, after;

	if (argc > 1 && !strcmp(argv[1], "--child"))
		return 42;
	load_self("/bin/test_badelf");
	work = malloc(image_size);
	memcpy(work, image, image_size);	/* fault its pages in now */
	mkdir("/tmp", 0777);
	/* Create the files first: rewriting them later allocates nothing, so
	 * any change in free pages is exec's doing. */
	try_exec("/tmp/bad", image, image_size, 0755);
	try_exec("/tmp/noexec", image, image_size, 0644);
	printf("badelf: warming up [free %lu]\n", free_pages());
	before = free_pages();

	CASE("good copy runs", 0, );
	CASE("bad magic", ENOEXEC, img[1] = 'X');
	CASE("wrong class", ENOEXEC,
	     img[EI_CLASS] = img[EI_CLASS] == ELFCLASS64 ? ELFCLASS32 : ELFCLASS64);
	CASE("big endian", ENOEXEC, img[EI_DATA] = ELFDATA2MSB);
	CASE("wrong machine", ENOEXEC, eh->e_machine = EM_SPARC);
	CASE("relocatable object", ENOEXEC, eh->e_type = ET_REL);
	CASE("file too short", ENOEXEC, size = 20);
	CASE("empty file", ENOEXEC, size = 0);
	CASE("bad phentsize", ENOEXEC, eh->e_phentsize = 7);
	CASE("program headers past end", ENOEXEC,
	     eh->e_phoff = image_size - 8);
	CASE("no loadable segment", ENOEXEC,
	     for (int i = 0; i < eh->e_phnum; i++) {
		     ElfW(Phdr) *p = (ElfW(Phdr) *)(img + eh->e_phoff) + i;
		     if (p->p_type == PT_LOAD)
			     p->p_type = PT_NULL;
	     });
	CASE("segment past end of file", EINVAL,
	     phdr(img, PT_LOAD, 0)->p_filesz = image_size * 2;
	     phdr(img, PT_LOAD, 0)->p_memsz = image_size * 2);
	CASE("filesz larger than memsz", EINVAL,
	     phdr(img, PT_LOAD, 0)->p_memsz = phdr(img, PT_LOAD, 0)->p_filesz - 1);
	CASE("segment in kernel memory", EINVAL,
	     phdr(img, PT_LOAD, 0)->p_vaddr =
		     sizeof(long) == 8 ? 0xffffffff80000000UL : 0xc0000000UL);
	CASE("overlapping segments", EINVAL,
	     phdr(img, PT_LOAD, 1)->p_vaddr = phdr(img, PT_LOAD, 0)->p_vaddr +
					      (phdr(img, PT_LOAD, 1)->p_offset & 0xfff));
	CASE("dynamically linked", ENOEXEC,
	     phdr(img, PT_NOTE, 0) ? (void)(phdr(img, PT_NOTE, 0)->p_type =
					    PT_INTERP) :
				     (void)(phdr(img, PT_TLS, 0)->p_type = PT_INTERP));
	expect("not executable (mode 0644)",
	       try_exec("/tmp/noexec", image, image_size, 0644), EACCES);
	{
		char *argv2[] = { "/tmp", NULL };
		int st;
		pid_t pid = fork();

		if (pid == 0) {
			execv("/tmp", argv2);
			_exit(errno);
		}
		waitpid(pid, &st, 0);
		expect("a directory", WEXITSTATUS(st), EACCES);
		pid = fork();
		if (pid == 0) {
			execv("/no/such/file", argv2);
			_exit(errno);
		}
		waitpid(pid, &st, 0);
		expect("missing file", WEXITSTATUS(st), ENOENT);
	}
	after = free_pages();
	printf("badelf: free pages before %lu after %lu: %s\n", before, after,
	       before == after ? "same" : "DIFFERENT");
	failures += before != after;
	unlink("/tmp/bad");
	unlink("/tmp/noexec");
	printf("badelf: %d failed\n", failures);
	return failures != 0;
}
