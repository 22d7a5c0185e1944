/* The MenuOS command engine: commands are registered with MenuConfig and
 * run by ExecuteMenu, which reads lines, splits them into words and calls
 * the matching handler (as in the original MenuOS used by the labs). */
#ifndef MENU_H
#define MENU_H

/* The most words a command line is split into, the command included. */
#define MENU_MAX_ARGS 32

typedef int (*menu_handler)(int argc, char *argv[]);

/* Register cmd; help lists it with desc. Returns 0, or -1 if full. */
int MenuConfig(const char *cmd, const char *desc, menu_handler handler);
/* Read and run commands until end of input. */
int ExecuteMenu(void);
/* Run /bin/<argv[0]> (or a path) in a child process and wait for it. */
int RunProgram(int argc, char *argv[]);
/* Run path in a child, in a process group of its own in the terminal's
 * foreground, and wait for it; then take the terminal back. */
int RunForeground(const char *path, char *argv[], char *envp[]);
/* Ignore the terminal's job-control signals (SIGINT, SIGQUIT, SIGTSTP,
 * SIGTTIN, SIGTTOU), as an interactive shell does; the programs it runs
 * get SIG_DFL. (MenuOS's main then catches SIGINT for a fresh prompt.) */
void MenuIgnoreJobSignals(void);
/* `failfork [N]`: fork with allocation N failing, or every N in turn
 * (the fault-injection lab; user/menu/failfork.c). */
int FailFork(int argc, char *argv[]);

#endif
