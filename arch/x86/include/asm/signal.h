/* struct sigaction as rt_sigaction(2) passes it on i386: with
 * sa_restorer, the user code that calls rt_sigreturn (glibc's
 * __restore_rt) when a handler returns. */
#ifndef _ASM_X86_SIGNAL_H
#define _ASM_X86_SIGNAL_H

struct sigaction {
	unsigned long sa_handler;
	unsigned long sa_flags;
	unsigned long sa_restorer;
	unsigned long long sa_mask;
};

#define sigaction_restorer(sa) ((sa)->sa_restorer)
#define sigaction_set_restorer(sa, r) ((sa)->sa_restorer = (r))

/* The old sigaction(2) and sigprocmask(2): a 32-bit mask. */
struct old_sigaction {
	unsigned long sa_handler;
	unsigned long sa_mask;
	unsigned long sa_flags;
	unsigned long sa_restorer;
};

#endif
