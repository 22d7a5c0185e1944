/* test_sighandler: delivery of signals to handlers, as signal(7),
 * sigaction(2) and sigaltstack(2) say: the handler's arguments (signo,
 * siginfo_t with si_code SI_USER / SI_TKILL / SI_QUEUE, ucontext_t with the
 * mask before it), the mask while it runs and after, nested signals,
 * SA_RESETHAND, SA_NODEFER, SIGKILL and SIGSTOP neither caught nor
 * blocked, SIGSEGV handlers that siglongjmp out (a bad pointer; a stack
 * overflow on an alternate stack) and sigaltstack's SS_ONSTACK and EPERM;
 * on i386 also the old sigaction and signal system calls. Each case runs
 * in a child of its own (user/include/sigcase.h). Passes on Linux (qemu-
 * riscv64, qemu-i386 and the i386 binary run natively). */
#include "sigcase.h"
#include <setjmp.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <ucontext.h>

#ifndef SA_RESTORER
#define SA_RESTORER 0x04000000	/* Linux's, for i386; glibc hides it */
#endif
/* qemu-riscv64 7.2 ignores sa_mask at delivery ("the mask in a handler"
 * fails there) and qemu-i386 has no signal(48) system call: both pass on
 * Linux itself (the i386 binary run natively). */

/* An address nothing is mapped at (the compiler must not see through). */
static int *volatile bad_ptr = (int *)16;
static volatile int stop_recursion;

static volatile sig_atomic_t got_sig, got_count;
static siginfo_t got_info;
static sigset_t got_mask, got_uc_mask;

static void on_sig(int sig)
{
	got_sig = sig;
	got_count++;
}

static void on_info(int sig, siginfo_t *info, void *ucv)
{
	ucontext_t *uc = ucv;

	got_sig = sig;
	got_count++;
	got_info = *info;
	got_uc_mask = uc->uc_sigmask;
	sigprocmask(SIG_SETMASK, NULL, &got_mask);
}

static int handle(int sig, void (*fn)(int), int flags, const sigset_t *mask)
{
	struct sigaction sa = { 0 };

	sa.sa_handler = fn;
	sa.sa_flags = flags;
	if (mask)
		sa.sa_mask = *mask;
	return sigaction(sig, &sa, NULL);
}

static int handle_info(int sig, int flags, const sigset_t *mask)
{
	struct sigaction sa = { 0 };

	sa.sa_sigaction = on_info;
	sa.sa_flags = SA_SIGINFO | flags;
	if (mask)
		sa.sa_mask = *mask;
	return sigaction(sig, &sa, NULL);
}

static sigset_t set_of(int a, int b)
{
	sigset_t s;

	sigemptyset(&s);
	if (a)
		sigaddset(&s, a);
	if (b)
		sigaddset(&s, b);
	return s;
}

/* ---- the handler's arguments ---- */

static int case_signo(void)
{
	EXPECT(handle(SIGUSR1, on_sig, 0, NULL) == 0, "sigaction: %m");
	EXPECT(kill(getpid(), SIGUSR1) == 0, "kill: %m");
	EXPECT(got_count == 1 && got_sig == SIGUSR1,
	       "handler ran %d times, signo %d", (int)got_count, (int)got_sig);
	return 0;
}

static int case_info_kill(void)
{
	handle_info(SIGUSR2, 0, NULL);
	kill(getpid(), SIGUSR2);
	EXPECT(got_count == 1, "handler ran %d times", (int)got_count);
	EXPECT(got_info.si_signo == SIGUSR2 && got_info.si_code == SI_USER &&
		       got_info.si_pid == getpid() &&
		       got_info.si_uid == getuid(),
	       "si_signo %d si_code %d si_pid %d si_uid %d",
	       got_info.si_signo, got_info.si_code, got_info.si_pid,
	       got_info.si_uid);
	return 0;
}

static int case_info_tgkill(void)
{
	handle_info(SIGUSR1, 0, NULL);
	EXPECT(syscall(SYS_tgkill, getpid(), gettid(), SIGUSR1) == 0,
	       "tgkill: %m");
	EXPECT(got_count == 1, "handler ran %d times", (int)got_count);
	EXPECT(got_info.si_signo == SIGUSR1 && got_info.si_code == SI_TKILL &&
		       got_info.si_pid == getpid() &&
		       got_info.si_uid == getuid(),
	       "si_signo %d si_code %d (SI_TKILL is %d) si_pid %d si_uid %d",
	       got_info.si_signo, got_info.si_code, SI_TKILL,
	       got_info.si_pid, got_info.si_uid);
	return 0;
}

static int case_info_sigqueue(void)
{
	union sigval v = { .sival_int = 4242 };

	handle_info(SIGRTMIN + 1, 0, NULL);
	EXPECT(sigqueue(getpid(), SIGRTMIN + 1, v) == 0, "sigqueue: %m");
	EXPECT(got_count == 1, "handler ran %d times", (int)got_count);
	EXPECT(got_info.si_signo == SIGRTMIN + 1 &&
		       got_info.si_code == SI_QUEUE &&
		       got_info.si_value.sival_int == 4242 &&
		       got_info.si_pid == getpid() &&
		       got_info.si_uid == getuid(),
	       "si_signo %d si_code %d si_value %d si_pid %d si_uid %d",
	       got_info.si_signo, got_info.si_code,
	       got_info.si_value.sival_int, got_info.si_pid,
	       got_info.si_uid);
	return 0;
}

/* A child sends: si_pid is the sender's, not ours. */
static int case_info_other_sender(void)
{
	sigset_t usr1 = set_of(SIGUSR1, 0), none = set_of(0, 0);
	pid_t parent = getpid(), child;
	int st;

	handle_info(SIGUSR1, 0, NULL);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	child = fork();
	if (child == 0) {
		kill(parent, SIGUSR1);
		_exit(0);
	}
	while (!got_count)
		EXPECT(sigsuspend(&none) == -1 && errno == EINTR,
		       "sigsuspend: %m");
	waitpid(child, &st, 0);
	EXPECT(got_info.si_code == SI_USER && got_info.si_pid == child,
	       "si_code %d si_pid %d, want %d", got_info.si_code,
	       got_info.si_pid, child);
	return 0;
}

static int case_uc_sigmask(void)
{
	sigset_t before = set_of(SIGTERM, 0);

	sigprocmask(SIG_SETMASK, &before, NULL);
	handle_info(SIGUSR1, 0, NULL);
	raise(SIGUSR1);
	EXPECT(got_count == 1, "handler ran %d times", (int)got_count);
	EXPECT(sigismember(&got_uc_mask, SIGTERM) &&
		       !sigismember(&got_uc_mask, SIGUSR1),
	       "uc_sigmask: SIGTERM %d SIGUSR1 %d, want 1 0",
	       sigismember(&got_uc_mask, SIGTERM),
	       sigismember(&got_uc_mask, SIGUSR1));
	return 0;
}

/* ---- the mask ---- */

static int case_mask_in_handler(void)
{
	sigset_t before = set_of(SIGTERM, 0), samask = set_of(SIGHUP, 0);
	sigset_t after;

	sigprocmask(SIG_SETMASK, &before, NULL);
	handle_info(SIGUSR1, 0, &samask);
	raise(SIGUSR1);
	EXPECT(got_count == 1, "handler ran %d times", (int)got_count);
	EXPECT(sigismember(&got_mask, SIGTERM) &&
		       sigismember(&got_mask, SIGHUP) &&
		       sigismember(&got_mask, SIGUSR1) &&
		       !sigismember(&got_mask, SIGUSR2),
	       "in the handler: old SIGTERM %d, sa_mask SIGHUP %d, "
	       "itself SIGUSR1 %d, other SIGUSR2 %d",
	       sigismember(&got_mask, SIGTERM),
	       sigismember(&got_mask, SIGHUP),
	       sigismember(&got_mask, SIGUSR1),
	       sigismember(&got_mask, SIGUSR2));
	sigprocmask(SIG_SETMASK, NULL, &after);
	EXPECT(sigismember(&after, SIGTERM) && !sigismember(&after, SIGHUP) &&
		       !sigismember(&after, SIGUSR1),
	       "after: SIGTERM %d SIGHUP %d SIGUSR1 %d, want 1 0 0",
	       sigismember(&after, SIGTERM), sigismember(&after, SIGHUP),
	       sigismember(&after, SIGUSR1));
	return 0;
}

static char order[32];
static volatile int order_len;

static void note(char c)
{
	if (order_len < (int)sizeof(order) - 1)
		order[order_len++] = c;
}

static void nest_outer(int sig)
{
	(void)sig;
	note('A');
	raise(SIGUSR2);		/* not masked here: runs before we go on */
	note('a');
}

static void nest_inner(int sig)
{
	(void)sig;
	note('B');
	note('b');
}

static int case_nested(void)
{
	handle(SIGUSR1, nest_outer, 0, NULL);
	handle(SIGUSR2, nest_inner, 0, NULL);
	raise(SIGUSR1);
	EXPECT(strcmp(order, "ABba") == 0,
	       "order %s, want ABba (A..a outer, B..b inner)", order);
	return 0;
}

static void self_raise(int sig)
{
	static int entries;

	note('S');
	if (++entries == 1)
		raise(sig);	/* pending till we return, unless SA_NODEFER */
	note('s');
}

static int case_self_deferred(void)
{
	handle(SIGUSR1, self_raise, 0, NULL);
	raise(SIGUSR1);
	EXPECT(strcmp(order, "SsSs") == 0,
	       "order %s, want SsSs (the second waits for the first)",
	       order);
	return 0;
}

static int case_nodefer(void)
{
	handle(SIGUSR1, self_raise, SA_NODEFER, NULL);
	raise(SIGUSR1);
	EXPECT(strcmp(order, "SSss") == 0,
	       "order %s, want SSss (re-entered)", order);
	return 0;
}

/* On SIGURG, whose default is to ignore: a default action that killed
 * could not be told from the handler's having run. */
static int case_resethand(void)
{
	struct sigaction now;

	handle(SIGURG, on_sig, SA_RESETHAND, NULL);
	raise(SIGURG);
	EXPECT(got_count == 1, "handler ran %d times", (int)got_count);
	sigaction(SIGURG, NULL, &now);
	EXPECT(now.sa_handler == SIG_DFL, "after one run the handler is %p",
	       (void *)now.sa_handler);
	raise(SIGURG);
	EXPECT(got_count == 1, "the handler ran again");
	return 0;
}

/* ---- SIGKILL and SIGSTOP ---- */

static int case_kill_stop_uncatchable(void)
{
	struct sigaction sa = { 0 };

	sa.sa_handler = on_sig;
	errno = 0;
	EXPECT(sigaction(SIGKILL, &sa, NULL) == -1 && errno == EINVAL,
	       "sigaction(SIGKILL): errno %s", strerrorname_np(errno));
	errno = 0;
	EXPECT(sigaction(SIGSTOP, &sa, NULL) == -1 && errno == EINVAL,
	       "sigaction(SIGSTOP): errno %s", strerrorname_np(errno));
	sa.sa_handler = SIG_IGN;
	errno = 0;
	EXPECT(sigaction(SIGKILL, &sa, NULL) == -1 && errno == EINVAL,
	       "sigaction(SIGKILL, SIG_IGN): errno %s",
	       strerrorname_np(errno));
	EXPECT(sigaction(SIGKILL, NULL, &sa) == 0 && sa.sa_handler == SIG_DFL,
	       "reading SIGKILL's action: %m");
	return 0;
}

static int case_kill_stop_unblockable(void)
{
	sigset_t all, now;

	sigfillset(&all);
	EXPECT(sigprocmask(SIG_BLOCK, &all, NULL) == 0, "sigprocmask: %m");
	sigprocmask(SIG_SETMASK, NULL, &now);
	EXPECT(!sigismember(&now, SIGKILL) && !sigismember(&now, SIGSTOP) &&
		       sigismember(&now, SIGUSR1) &&
		       sigismember(&now, SIGTERM),
	       "mask after blocking all: SIGKILL %d SIGSTOP %d SIGUSR1 %d",
	       sigismember(&now, SIGKILL), sigismember(&now, SIGSTOP),
	       sigismember(&now, SIGUSR1));
	return 0;
}

static int case_sigkill_through_full_mask(void)
{
	sigset_t all;

	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, NULL);
	raise(SIGKILL);
	FAIL("survived SIGKILL with every signal blocked");
}

/* ---- SIGSEGV handlers ---- */

static sigjmp_buf jump;
static volatile uintptr_t seen_sp_lo;
static volatile int seen_onstack, seen_eperm, seen_code;
static void *volatile seen_addr;
static char *alt_base;
static size_t alt_size;

static void segv_jump(int sig, siginfo_t *info, void *uc)
{
	stack_t now, other = { 0 };
	char here;

	(void)uc;
	got_sig = sig;
	seen_code = info->si_code;
	seen_addr = info->si_addr;
	seen_sp_lo = (uintptr_t)&here;
	if (sigaltstack(NULL, &now) == 0)
		seen_onstack = !!(now.ss_flags & SS_ONSTACK);
	other.ss_sp = malloc(SIGSTKSZ);
	other.ss_size = SIGSTKSZ;
	seen_eperm = sigaltstack(&other, NULL) == -1 && errno == EPERM;
	siglongjmp(jump, 1);
}

static int case_segv_bad_pointer(void)
{
	struct sigaction sa = { 0 };
	volatile int *bad = bad_ptr;

	sa.sa_sigaction = segv_jump;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSEGV, &sa, NULL);
	if (sigsetjmp(jump, 1) == 0) {
		*bad = 1;
		FAIL("the store to address 16 went through");
	}
	EXPECT(got_sig == SIGSEGV && seen_code == SEGV_MAPERR &&
		       seen_addr == (void *)16,
	       "signo %d si_code %d si_addr %p", (int)got_sig, seen_code,
	       seen_addr);
	/* siglongjmp restored the mask: SIGSEGV is not blocked now. */
	sigset_t now;
	sigprocmask(SIG_SETMASK, NULL, &now);
	EXPECT(!sigismember(&now, SIGSEGV), "SIGSEGV still blocked");
	if (sigsetjmp(jump, 1) == 0) {	/* and it works a second time */
		*bad = 2;
		FAIL("the second store went through");
	}
	return 0;
}

static int depth(int n)
{
	volatile char pad[256];

	pad[0] = (char)n;
	if (stop_recursion)
		return 0;
	return depth(n + 1) + pad[0];
}

static int case_overflow_on_altstack(void)
{
	struct sigaction sa = { 0 };
	stack_t ss = { 0 }, now;

	alt_size = 64 * 1024;
	alt_base = malloc(alt_size);
	ss.ss_sp = alt_base;
	ss.ss_size = alt_size;
	EXPECT(sigaltstack(&ss, NULL) == 0, "sigaltstack: %m");
	EXPECT(sigaltstack(NULL, &now) == 0 && now.ss_sp == alt_base &&
		       now.ss_size == alt_size && now.ss_flags == 0,
	       "read back: sp %p size %zu flags %d", now.ss_sp, now.ss_size,
	       now.ss_flags);
	sa.sa_sigaction = segv_jump;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigaction(SIGSEGV, &sa, NULL);
	if (sigsetjmp(jump, 1) == 0) {
		depth(0);
		FAIL("the recursion ended");
	}
	EXPECT(got_sig == SIGSEGV, "signo %d", (int)got_sig);
	EXPECT(seen_sp_lo >= (uintptr_t)alt_base &&
		       seen_sp_lo < (uintptr_t)alt_base + alt_size,
	       "the handler's stack %#lx is not the alternate stack "
	       "%p..+%zu", (unsigned long)seen_sp_lo, alt_base, alt_size);
	EXPECT(seen_onstack, "sigaltstack in the handler: no SS_ONSTACK");
	EXPECT(seen_eperm, "changing it while on it: not EPERM");
	EXPECT(sigaltstack(NULL, &now) == 0 && !(now.ss_flags & SS_ONSTACK),
	       "after the jump: flags %d", now.ss_flags);
	return 0;
}

static int case_altstack_disable(void)
{
	stack_t ss = { 0 }, now;

	ss.ss_sp = malloc(SIGSTKSZ);
	ss.ss_size = SIGSTKSZ;
	sigaltstack(&ss, NULL);
	ss.ss_flags = SS_DISABLE;
	EXPECT(sigaltstack(&ss, NULL) == 0, "SS_DISABLE: %m");
	EXPECT(sigaltstack(NULL, &now) == 0 && now.ss_flags == SS_DISABLE,
	       "flags %d, want SS_DISABLE", now.ss_flags);
	/* SA_ONSTACK with no alternate stack: the handler runs on the
	 * ordinary stack. */
	char here;
	struct sigaction sa = { 0 };
	sa.sa_sigaction = segv_jump;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigaction(SIGSEGV, &sa, NULL);
	if (sigsetjmp(jump, 1) == 0) {
		*bad_ptr = 0;
		FAIL("the store went through");
	}
	EXPECT(!seen_onstack && seen_sp_lo < (uintptr_t)&here &&
		       (uintptr_t)&here - seen_sp_lo < 64 * 1024,
	       "handler at %#lx, onstack %d; main at %p",
	       (unsigned long)seen_sp_lo, seen_onstack, (void *)&here);
	return 0;
}

/* ---- i386's old system calls: signal and sigaction ---- */

#if defined(__i386__)
struct old_sigaction {
	void (*handler)(int);
	unsigned long mask;
	unsigned long flags;
	void (*restorer)(void);
};

/* The old frame's return: pop the signal number, then sigreturn. */
extern void old_restore(void);
__asm__(".text\nold_restore:\n\tpopl %eax\n\tmovl $119, %eax\n"
	"\tint $0x80\n");

static int case_old_sigaction(void)
{
	struct old_sigaction sa = { on_sig, 1UL << (SIGHUP - 1),
				    SA_RESTORER, old_restore }, old;
	sigset_t after;

	EXPECT(syscall(SYS_sigaction, SIGUSR1, &sa, NULL) == 0,
	       "sigaction(67): %m");
	EXPECT(syscall(SYS_sigaction, SIGUSR1, NULL, &old) == 0 &&
		       old.handler == on_sig &&
		       old.mask == 1UL << (SIGHUP - 1),
	       "read back: handler %p mask %#lx", (void *)old.handler,
	       old.mask);
	raise(SIGUSR1);
	EXPECT(got_count == 1 && got_sig == SIGUSR1,
	       "handler ran %d times", (int)got_count);
	sigprocmask(SIG_SETMASK, NULL, &after);
	EXPECT(!sigismember(&after, SIGUSR1) && !sigismember(&after, SIGHUP),
	       "mask not restored by sigreturn");
	return 0;
}

/* signal(2) as the system call: SA_ONESHOT | SA_NOMASK (Linux's
 * kernel/signal.c sys_signal), so the handler runs once. */
static int case_old_signal(void)
{
	struct sigaction now;

	EXPECT(syscall(SYS_signal, SIGUSR1, on_sig) == (long)SIG_DFL,
	       "signal(48) did not return SIG_DFL: %m");
	sigaction(SIGUSR1, NULL, &now);
	EXPECT(now.sa_handler == on_sig &&
		       (now.sa_flags & (SA_RESETHAND | SA_NODEFER)) ==
			       (SA_RESETHAND | SA_NODEFER),
	       "flags %#x, want SA_RESETHAND|SA_NODEFER", now.sa_flags);
	return 0;
}

#endif

int main(int argc, char **argv)
{
	case_filter = argc > 1 ? argv[1] : NULL;
	check_prog = "sighandler";
	run_case("the handler gets its signal number", case_signo);
	run_case("SA_SIGINFO, kill: si_code SI_USER, si_pid, si_uid",
		 case_info_kill);
	run_case("SA_SIGINFO, tgkill: si_code SI_TKILL", case_info_tgkill);
	run_case("SA_SIGINFO, sigqueue: si_code SI_QUEUE and si_value",
		 case_info_sigqueue);
	run_case("SA_SIGINFO: si_pid is the sender's", case_info_other_sender);
	run_case("ucontext's uc_sigmask is the mask before the handler",
		 case_uc_sigmask);
	run_case("the mask in a handler is old | sa_mask | the signal, "
		 "and the old one after",
		 case_mask_in_handler);
	run_case("a signal in a handler runs to completion first",
		 case_nested);
	run_case("the signal itself waits until its handler returns",
		 case_self_deferred);
	run_case("SA_NODEFER: the handler is re-entered", case_nodefer);
	run_case("SA_RESETHAND: the handler once, then the default",
		 case_resethand);
	run_case("SIGKILL and SIGSTOP cannot be caught: EINVAL",
		 case_kill_stop_uncatchable);
	run_case("sigprocmask silently leaves SIGKILL and SIGSTOP unblocked",
		 case_kill_stop_unblockable);
	run_case_ending("SIGKILL kills through a full mask",
			case_sigkill_through_full_mask, SIGKILL, 10000);
	run_case("a SIGSEGV handler for a bad pointer siglongjmps out",
		 case_segv_bad_pointer);
	run_case("stack overflow: SIGSEGV handler on the alternate stack, "
		 "SS_ONSTACK, EPERM",
		 case_overflow_on_altstack);
	run_case("SS_DISABLE: SA_ONSTACK handlers run on the ordinary stack",
		 case_altstack_disable);
#if defined(__i386__)
	run_case("i386: the old sigaction system call and sigreturn",
		 case_old_sigaction);
	run_case("i386: the old signal system call is one-shot",
		 case_old_signal);
#endif
	return check_summary();
}
