/*
 * The MenuOS engine: a table of commands, a prompt, and a loop that reads
 * a line, splits it into words and runs the command — or, for any other
 * word, the program of that name in /bin (fork, execve, wait4), so a new
 * program in user/ needs no menu code. Each program runs in its own
 * process group in the terminal's foreground. As pid 1 it also reaps
 * orphans.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "menu.h"

extern char **environ;

#define MAX_COMMANDS 64
#define LINE_MAX 512

struct command {
	const char *cmd;
	const char *desc;
	menu_handler handler;
};

static struct command commands[MAX_COMMANDS];
static int ncommands;

int MenuConfig(const char *cmd, const char *desc, menu_handler handler)
{
	if (ncommands >= MAX_COMMANDS)
		return -1;
	commands[ncommands].cmd = cmd;
	commands[ncommands].desc = desc;
	commands[ncommands].handler = handler;
	ncommands++;
	return 0;
}

static int Help(int argc, char *argv[])
{
	int i;

	(void)argc;
	(void)argv;
	printf("Menu commands:\n");
	for (i = 0; i < ncommands; i++)
		printf("  %-10s %s\n", commands[i].cmd, commands[i].desc);
	printf("Any program in /bin runs by its name, with arguments.\n");
	return 0;
}

/* Say how a child ended, unless it simply succeeded. */
static void report_status(const char *name, int status)
{
	if (WIFSIGNALED(status))
		printf("%s: killed by signal %d\n", name, WTERMSIG(status));
	else if (WIFEXITED(status) && WEXITSTATUS(status))
		printf("%s: exit status %d\n", name, WEXITSTATUS(status));
}

/*
 * Job control, as a shell does it: the child gets a process group of its
 * own (setpgid in both parent and child, so neither depends on who runs
 * first) and the terminal's foreground (tcsetpgrp), so Ctrl-C and Ctrl-Z
 * reach it and not us; it starts with the default signal actions we
 * ignore. When it ends we take the terminal back (we ignore SIGTTOU, so
 * the kernel lets a background MenuOS do that). Ctrl-Z does not stop a
 * command: as pid 1's child in a group of its own, its group is orphaned
 * (POSIX: no parent outside it but init), and Linux drops the terminal's
 * stop signals to such a group. MenuOS keeps no job list anyway: a command
 * stopped otherwise (kill -STOP) is killed; BusyBox's `sh` has jobs.
 */
static const int job_signals[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN,
				   SIGTTOU };

void MenuIgnoreJobSignals(void)
{
	unsigned int i;

	for (i = 0; i < sizeof(job_signals) / sizeof(job_signals[0]); i++)
		signal(job_signals[i], SIG_IGN);
}

static void take_terminal(pid_t pgrp)
{
	if (isatty(0))
		tcsetpgrp(0, pgrp);
}

int RunForeground(const char *path, char *argv[], char *envp[])
{
	int status;
	unsigned int i;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		printf("%s: fork failed: %s\n", argv[0], strerror(errno));
		return -1;
	}
	if (pid == 0) {
		setpgid(0, 0);
		take_terminal(getpid());
		for (i = 0; i < sizeof(job_signals) / sizeof(job_signals[0]);
		     i++)
			signal(job_signals[i], SIG_DFL);
		execve(path, argv, envp);
		printf("%s: cannot run: %s\n", path, strerror(errno));
		_exit(127);
	}
	setpgid(pid, pid);
	take_terminal(pid);
	/* Wait for any child, not just this one: as pid 1 we adopt the
	 * orphans of every program, and reap them as they end, while the
	 * program runs (a stopped one is not ours to report). */
	for (;;) {
		pid_t w = waitpid(-1, &status, WUNTRACED);

		if (w == pid)
			break;
		if (w < 0 && errno != EINTR) {
			printf("%s: wait failed: %s\n", argv[0],
			       strerror(errno));
			take_terminal(getpgrp());
			return -1;
		}
	}
	take_terminal(getpgrp());
	if (WIFSTOPPED(status)) {
		printf("\n%s: stopped by signal %d; MenuOS keeps no jobs, so "
		       "it is killed (BusyBox's sh has jobs, bg and fg)\n",
		       argv[0], WSTOPSIG(status));
		kill(-pid, SIGKILL);
		waitpid(pid, &status, 0);
		return -1;
	}
	report_status(argv[0], status);
	return 0;
}

int RunProgram(int argc, char *argv[])
{
	char path[LINE_MAX];

	(void)argc;
	if (strchr(argv[0], '/'))
		snprintf(path, sizeof(path), "%s", argv[0]);
	else
		snprintf(path, sizeof(path), "/bin/%s", argv[0]);
	if (access(path, X_OK) != 0) {
		printf("Unknown command: %s (type help for the list)\n",
		       argv[0]);
		return -1;
	}
	return RunForeground(path, argv, environ);
}

static int split(char *line, char *argv[])
{
	int argc = 0;
	char *word = strtok(line, " \t\r\n");

	while (word && argc < MENU_MAX_ARGS - 1) {
		argv[argc++] = word;
		word = strtok(NULL, " \t\r\n");
	}
	argv[argc] = NULL;
	return argc;
}

int ExecuteMenu(void)
{
	char line[LINE_MAX], *argv[MENU_MAX_ARGS];

	MenuConfig("help", "list the commands", Help);
	for (;;) {
		int argc, i;

		/* As pid 1 we adopt orphans: collect the ones that ended. */
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		printf("MenuOS>>");
		fflush(stdout);
		if (!fgets(line, sizeof(line), stdin)) {
			if (ferror(stdin) && errno == EINTR) {
				/* A caught signal ended the read: the line
				 * is gone (ISIG flushed it), prompt again. */
				clearerr(stdin);
				printf("\n");
				continue;
			}
			if (getpid() != 1)
				return 0;
			clearerr(stdin);	/* init never exits on Ctrl-D */
			printf("\n");
			continue;
		}
		argc = split(line, argv);
		if (!argc)
			continue;
		for (i = 0; i < ncommands; i++)
			if (!strcmp(argv[0], commands[i].cmd))
				break;
		if (i < ncommands)
			commands[i].handler(argc, argv);
		else
			RunProgram(argc, argv);
	}
}
