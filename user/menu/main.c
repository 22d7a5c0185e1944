/*
 * MenuOS for Clonix: the first user program (/init). Each command is a
 * function registered with MenuConfig; `fork` is the seeds' ForkProcess,
 * the program students trace in gdb from sys_clone to ret_from_fork, and
 * `pipe` the pipe lab's, traced from sys_pipe2 to pipe_read.
 * `signal` the signals lab's, traced from sys_kill to the handler and back
 * through rt_sigreturn. `thread` the threads lab's: pthread_create traced
 * through the same breakpoints as `fork`. `cow` the copy-on-write lab's:
 * a page shared by fork until the child writes to it (do_wp_page).
 * `failfork` the fault-injection lab's (user/menu/failfork.c): fork with
 * one allocation failing, down the bad_fork_* ladder.
 */
#define _GNU_SOURCE /* pthread_tryjoin_np */
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "menu.h"

#define CLONIX_VERSION "Clonix MenuOS 1.0"
/* The multi-call binary every BusyBox applet links to (scripts/busybox.sh). */
#define BUSYBOX "/bin/busybox"

static int Version(int argc, char *argv[])
{
	(void)argc;
	(void)argv;
	printf("%s\n", CLONIX_VERSION);
	return 0;
}

static int Quit(int argc, char *argv[])
{
	(void)argc;
	(void)argv;
	printf("Powering off.\n");
	fflush(stdout);
	sync();
	reboot(RB_POWER_OFF);
	printf("quit: reboot failed: %s\n", strerror(errno));
	return -1;
}

static void print_time(const char *how, long sec, long usec)
{
	time_t t = sec;
	struct tm *tm = gmtime(&t);

	printf("%s: %ld.%06ld seconds since the epoch (%04d-%02d-%02d "
	       "%02d:%02d:%02d UTC; Clonix's clock starts at boot)\n", how,
	       sec, usec, tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday,
	       tm->tm_hour, tm->tm_min, tm->tm_sec);
}

static int Time(int argc, char *argv[])
{
	struct timeval tv;

	(void)argc;
	(void)argv;
	if (gettimeofday(&tv, NULL) != 0) {
		printf("time: %s\n", strerror(errno));
		return -1;
	}
	print_time("gettimeofday", tv.tv_sec, tv.tv_usec);
	return 0;
}

/* The same, without libc: the system call by hand, as the MenuOS labs do. */
static int TimeAsm(int argc, char *argv[])
{
	(void)argc;
	(void)argv;
#if defined(__riscv)
	struct timeval tv;
	register long a0 __asm__("a0") = (long)&tv;
	register long a1 __asm__("a1") = 0;
	register long a7 __asm__("a7") = 169;	/* __NR_gettimeofday */

	__asm__ __volatile__("ecall" : "+r"(a0) : "r"(a1), "r"(a7) : "memory");
	if (a0 != 0) {
		printf("time-asm: ecall returned %ld\n", a0);
		return -1;
	}
	print_time("ecall 169 (gettimeofday)", tv.tv_sec, tv.tv_usec);
#elif defined(__i386__)
	long t;

	__asm__ __volatile__("int $0x80" : "=a"(t) : "a"(13), "b"(0)
			     : "memory");	/* __NR_time */
	if (t < 0) {
		printf("time-asm: int $0x80 returned %ld\n", t);
		return -1;
	}
	print_time("int $0x80, eax=13 (time)", t, 0);
#endif
	return 0;
}

/* The seeds' ForkProcess. The child prints its line and exits, instead of
 * returning to the menu (which would leave two menus reading the console). */
static int ForkProcess(int argc, char *argv[])
{
	int pid;

	(void)argc;
	(void)argv;
	fflush(stdout);
	/* fork another process */
	pid = fork();
	if (pid < 0) {
		/* error occurred */
		fprintf(stderr, "Fork Failed! (%s)\n", strerror(errno));
		return -1;
	} else if (pid == 0) {
		/* child process */
		printf("This is Child Process!\n");
		exit(0);
	} else {
		/* parent process */
		printf("This is Parent Process!\n");
		fflush(stdout);
		/* parent will wait for the child to complete */
		waitpid(pid, NULL, 0);
		printf("Child Complete!\n");
	}
	return 0;
}

/* The threads lab: pthread_create makes a thread of this process (clone
 * with CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|
 * CLONE_SETTLS|...), traced through the fork lab's breakpoints. The new
 * thread has its own tid but the process's pid. */
static void *NewThread(void *arg)
{
	(void)arg;
	printf("This is the new Thread! tid %ld, pid %d\n",
	       (long)syscall(SYS_gettid), getpid());
	fflush(stdout);
	return NULL;
}

/* Does the kernel have futex? pthread_join sleeps on the thread's tid word
 * with FUTEX_WAIT, and glibc aborts if futex answers ENOSYS. */
static int HaveFutex(void)
{
	int word = 0;

	return syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL,
		       0) >= 0 || errno != ENOSYS;
}

static int ThreadProcess(int argc, char *argv[])
{
	pthread_t thread;
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	int err;

	(void)argc;
	(void)argv;
	fflush(stdout);
	err = pthread_create(&thread, NULL, NewThread, NULL);
	if (err) {
		printf("pthread_create: %s\n", strerror(err));
		return -1;
	}
	printf("This is the main Thread! tid %ld, pid %d\n",
	       (long)syscall(SYS_gettid), getpid());
	fflush(stdout);
	if (HaveFutex()) {
		err = pthread_join(thread, NULL);
	} else {
		/* No futex yet: poll until the kernel has cleared the
		 * thread's tid word (CLONE_CHILD_CLEARTID), then join. */
		while ((err = pthread_tryjoin_np(thread, NULL)) == EBUSY)
			nanosleep(&tick, NULL);
	}
	if (err) {
		printf("pthread_join: %s\n", strerror(err));
		return -1;
	}
	printf("Thread Complete!\n");
	return 0;
}

/* The pipe lab: the parent writes a message into a pipe, the child it
 * forked reads it out (pipe(2)'s example). Each end is closed where it is
 * not used, so the child would see end of file once the parent closes. */
static int PipeProcess(int argc, char *argv[])
{
	static const char msg[] = "Hello through a pipe!";
	char buf[64];
	int fds[2], pid;
	ssize_t n;

	(void)argc;
	(void)argv;
	if (pipe(fds) != 0) {
		printf("pipe: %s\n", strerror(errno));
		return -1;
	}
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "Fork Failed! (%s)\n", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	} else if (pid == 0) {
		/* child: the reader */
		close(fds[1]);
		n = read(fds[0], buf, sizeof(buf) - 1);
		buf[n > 0 ? n : 0] = '\0';
		printf("Child read %zd bytes: %s\n", n, buf);
		exit(0);
	}
	/* parent: the writer */
	close(fds[0]);
	printf("Parent writes %zu bytes into the pipe\n", strlen(msg));
	fflush(stdout);
	if (write(fds[1], msg, strlen(msg)) < 0)
		printf("pipe: write: %s\n", strerror(errno));
	close(fds[1]);
	waitpid(pid, NULL, 0);
	printf("Pipe Complete!\n");
	return 0;
}

/* The signals lab's handler: what it was given, then back through
 * rt_sigreturn (RISC-V: the vDSO's trampoline; i386: glibc's restorer). */
static void SignalHandler(int sig, siginfo_t *info, void *uc)
{
	(void)uc;
	printf("Child caught signal %d from pid %d\n", sig, (int)info->si_pid);
	fflush(stdout);
}

/*
 * The signals lab: the child installs a SIGUSR1 handler and waits in
 * sigsuspend (the signal blocked until then, so it cannot come too
 * early); the parent sends SIGUSR1 with kill once the child says it is
 * ready. The handler runs in the child; sigsuspend then returns EINTR.
 */
static int SignalProcess(int argc, char *argv[])
{
	struct sigaction sa;
	sigset_t block, none;
	int ready[2], pid;
	char c;

	(void)argc;
	(void)argv;
	if (pipe(ready) != 0) {
		printf("signal: pipe: %s\n", strerror(errno));
		return -1;
	}
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "Fork Failed! (%s)\n", strerror(errno));
		close(ready[0]);
		close(ready[1]);
		return -1;
	} else if (pid == 0) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = SignalHandler;
		sa.sa_flags = SA_SIGINFO;
		sigaction(SIGUSR1, &sa, NULL);
		sigemptyset(&block);
		sigaddset(&block, SIGUSR1);
		sigprocmask(SIG_BLOCK, &block, NULL);
		close(ready[0]);
		(void)!write(ready[1], "r", 1);	/* ready: send it now */
		sigemptyset(&none);
		if (sigsuspend(&none) < 0 && errno == EINTR)
			printf("Child back from the handler: sigsuspend "
			       "returned EINTR\n");
		exit(0);
	}
	close(ready[1]);
	(void)!read(ready[0], &c, 1);
	close(ready[0]);
	printf("Parent sends SIGUSR1 to child %d\n", pid);
	fflush(stdout);
	kill(pid, SIGUSR1);
	waitpid(pid, NULL, 0);
	printf("Signal Complete!\n");
	return 0;
}

/*
 * The copy-on-write lab. One private anonymous page, written before the
 * fork (so it is present), then shared by parent and child read-only.
 * The child writes to it first: its write faults and do_wp_page gives it
 * a copy, because the parent still holds the page. The parent, waiting in
 * waitpid meanwhile, still sees its own value; when it then writes, it is
 * the page's last user, and do_wp_page lets it write in place.
 */
static int CowProcess(int argc, char *argv[])
{
	char *page;
	int pid;

	(void)argc;
	(void)argv;
	page = mmap(NULL, getpagesize(), PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED) {
		printf("cow: mmap: %s\n", strerror(errno));
		return -1;
	}
	strcpy(page, "written by the parent");
	printf("Parent's page at %p holds \"%s\"\n", (void *)page, page);
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "Fork Failed! (%s)\n", strerror(errno));
		munmap(page, getpagesize());
		return -1;
	} else if (pid == 0) {
		printf("Child reads \"%s\" at %p\n", page, (void *)page);
		strcpy(page, "written by the child");	/* the COW fault */
		printf("Child wrote \"%s\"\n", page);
		fflush(stdout);
		exit(0);
	}
	waitpid(pid, NULL, 0);
	printf("Parent still reads \"%s\"\n", page);
	strcpy(page, "written by the parent again");	/* its last user */
	printf("Parent wrote \"%s\"\n", page);
	munmap(page, getpagesize());
	printf("Cow Complete!\n");
	return 0;
}

static int Exec(int argc, char *argv[])
{
	char *hello[] = { "hello", NULL };

	(void)argc;
	(void)argv;
	return RunProgram(1, hello);
}

/* Every task, kernel threads included, from /proc/tasks. */
static int Ps(int argc, char *argv[])
{
	char buf[256];
	FILE *f = fopen("/proc/tasks", "r");

	(void)argc;
	(void)argv;
	if (!f) {
		printf("ps: /proc/tasks: %s\n", strerror(errno));
		return -1;
	}
	while (fgets(buf, sizeof(buf), f))
		fputs(buf, stdout);
	fclose(f);
	return 0;
}

/*
 * BusyBox's shell (ash), interactive with job control, with the
 * environment a shell expects. It runs like any command, in a process
 * group of its own in the terminal's foreground; ash then puts each of
 * its jobs in a group of its own (Ctrl-Z, jobs, bg, fg). MenuOS waits
 * for it: `exit` (or Ctrl-D) comes back to this prompt. The words after
 * `sh` are passed on (`sh /tmp/script`). The terminal's settings are put
 * back afterwards, in case the shell left them changed.
 */
static int Shell(int argc, char *argv[])
{
	char *envp[] = { "PATH=/bin:/usr/bin", "HOME=/", "TERM=vt100",
			 "SHELL=/usr/bin/sh", "USER=root", "LOGNAME=root", NULL };
	char *args[MENU_MAX_ARGS];
	struct termios tio;
	int i, have_tio, ret;

	args[0] = "sh";
	for (i = 1; i < argc && i < MENU_MAX_ARGS - 1; i++)
		args[i] = argv[i];
	args[i] = NULL;
	have_tio = tcgetattr(0, &tio) == 0;
	if (chdir("/") != 0)
		printf("sh: chdir /: %s\n", strerror(errno));
	ret = RunForeground(BUSYBOX, args, envp);
	if (have_tio)
		tcsetattr(0, TCSANOW, &tio);
	return ret;
}

/* Ctrl-C at the prompt: the handler has nothing to do but exist.
 * Installed without SA_RESTART, it ends the prompt's read with EINTR and
 * ExecuteMenu prompts afresh, as a shell's SIGINT handler does. */
static void PromptInterrupted(int sig)
{
	(void)sig;
}

/*
 * As init does on Linux: lead a session of our own, with the console as
 * its controlling terminal (setsid, then TIOCSCTTY on it), and ignore
 * the terminal's job-control signals but SIGINT, which gives a fresh
 * prompt. (Our children get the default actions back: RunForeground.)
 * Run as a program (not pid 1), MenuOS may lead a group already; then
 * it stays in its parent's session.
 */
static void console_init(void)
{
	struct sigaction sa;

	if (setsid() < 0 && getpid() == 1)
		printf("MenuOS: setsid: %s\n", strerror(errno));
	if (getsid(0) == getpid() && ioctl(0, TIOCSCTTY, 0) < 0)
		printf("MenuOS: no controlling terminal: %s\n",
		       strerror(errno));
	MenuIgnoreJobSignals();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = PromptInterrupted;	/* no SA_RESTART */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
}

int main(void)
{
	console_init();
	printf("\n%s: type help for the commands.\n\n", CLONIX_VERSION);
	MenuConfig("version", "show the MenuOS version", Version);
	MenuConfig("quit", "power off the machine", Quit);
	MenuConfig("time", "show the time (gettimeofday through libc)", Time);
	MenuConfig("time-asm", "show the time (raw system call)", TimeAsm);
	MenuConfig("fork", "fork a child process (the seeds' lab)",
		   ForkProcess);
	MenuConfig("pipe", "a parent writes to its child through a pipe",
		   PipeProcess);
	MenuConfig("signal", "a parent signals its child, whose handler runs",
		   SignalProcess);
	MenuConfig("thread", "make a thread with pthread_create and join it",
		   ThreadProcess);
	MenuConfig("cow", "fork shares a page until the child writes to it",
		   CowProcess);
	MenuConfig("failfork", "fork with allocation N failing (fail-nth); "
		   "no N: each in turn", FailFork);
	MenuConfig("exec", "fork and execute /bin/hello", Exec);
	MenuConfig("ps", "list every task", Ps);
	MenuConfig("sh", "BusyBox's shell (exit comes back here)", Shell);
	ExecuteMenu();
	return 0;
}
