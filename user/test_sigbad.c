/* test_sigbad: bad input to the signal system calls and hostile signal
 * frames — the caller gets Linux's errno, or the process dies of SIGSEGV
 * (SIGILL for a privileged instruction); the kernel never panics, never
 * runs user code with privilege, and leaks no memory:
 *  - a handler address in the kernel or unmapped: SIGSEGV at delivery;
 *  - the user stack pointer in the kernel, at an unmapped page or at a
 *    read-only one when a handled signal comes: the frame cannot be written,
 *    SIGSEGV (force_sigsegv), even when SIGSEGV has a handler too;
 *  - rt_sigaction / kill / tgkill / rt_sigqueueinfo with signal 0 (where
 *    not a probe), 65, -1: EINVAL; rt_sigprocmask with a bad how or
 *    sigsetsize: EINVAL; pointers into the kernel: EFAULT; sigaltstack too
 *    small: ENOMEM, bad flags: EINVAL;
 *  - rt_sigreturn (and i386's sigreturn) with sp at garbage: SIGSEGV;
 *  - a frame forged in a handler's ucontext: a pc in the kernel is SIGSEGV;
 *    on RISC-V the return is always to user mode (the sigcontext has no
 *    status; csrr sstatus there is SIGILL); on i386 the saved eflags cannot
 *    give IOPL 3 or turn interrupts off (cli is SIGSEGV), nor the saved cs
 *    kernel mode.
 * Each case runs in a child of its own (user/include/sigcase.h); the
 * battery runs twice and the second round must give every page back.
 * Passes on Linux, the i386 binary run natively. qemu-user 7.2 is no judge
 * here: qemu-riscv64 and qemu-i386 hang on "SIGSEGV handled too" (a frame
 * that cannot be written for the SIGSEGV handler either), and qemu-i386
 * itself crashes on a sigreturn of garbage (exit 127). */
#include "sigcase.h"
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <ucontext.h>

#if defined(__riscv)
#define KERNEL_ADDR 0xffffffff80000000UL	/* Clonix's and Linux's text */
#define KERNEL_SP 0xffffffff80100000UL
#else
#define KERNEL_ADDR 0xc0000000UL		/* PAGE_OFFSET */
#define KERNEL_SP 0xd0000000UL
#endif

/* The kernel's struct sigaction for rt_sigaction (no sa_restorer on
 * RISC-V). */
struct ksigaction {
	void *handler;
	unsigned long flags;
#if defined(__i386__)
	void *restorer;
#endif
	uint64_t mask;
};

static void on_sig(int sig)
{
	(void)sig;
}

static void handle(int sig, void *fn, int flags)
{
	struct sigaction sa = { 0 };

	sa.sa_handler = (void (*)(int))fn;
	sa.sa_flags = flags;
	sigaction(sig, &sa, NULL);
}

/* Set sp, then kill(getpid(), SIGUSR1) from there; spin if we live. */
static void __attribute__((noreturn)) kill_with_sp(unsigned long sp)
{
#if defined(__riscv)
	register long a0 __asm__("a0") = getpid();
	register long a1 __asm__("a1") = SIGUSR1;
	register long a7 __asm__("a7") = SYS_kill;
	register unsigned long t0 __asm__("t0") = sp;

	__asm__ volatile("mv sp, t0\n ecall\n1: j 1b"
			 : : "r"(a0), "r"(a1), "r"(a7), "r"(t0) : "memory");
#else
	__asm__ volatile("movl %%edx, %%esp\n int $0x80\n1: jmp 1b"
			 : : "a"(SYS_kill), "b"(getpid()), "c"(SIGUSR1),
			   "d"(sp) : "memory");
#endif
	__builtin_unreachable();
}

/* Set sp, then call the sigreturn system call nr; spin if we live. */
static void __attribute__((noreturn)) sigreturn_at(void *sp, long nr)
{
#if defined(__riscv)
	register long a7 __asm__("a7") = nr;
	register void *t0 __asm__("t0") = sp;

	__asm__ volatile("mv sp, t0\n ecall\n1: j 1b"
			 : : "r"(a7), "r"(t0) : "memory");
#else
	__asm__ volatile("movl %%edx, %%esp\n int $0x80\n1: jmp 1b"
			 : : "a"(nr), "d"(sp) : "memory");
#endif
	__builtin_unreachable();
}

/* ---- handlers and stacks that cannot be used ---- */

static int case_handler_in_kernel(void)
{
	handle(SIGUSR1, (void *)KERNEL_ADDR, 0);
	raise(SIGUSR1);
	FAIL("came back from a handler in the kernel");
}

static int case_handler_unmapped(void)
{
	handle(SIGUSR1, (void *)0x1000, SA_SIGINFO);
	raise(SIGUSR1);
	FAIL("came back from a handler at 0x1000");
}

static int case_sp_in_kernel(void)
{
	handle(SIGUSR1, on_sig, 0);
	kill_with_sp(KERNEL_SP);
}

static void *unmapped_page_end(void)
{
	char *p = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	munmap(p, 2 * 4096);
	return p + 2 * 4096;
}

static int case_sp_unmapped(void)
{
	void *sp = unmapped_page_end();

	EXPECT(sp, "mmap: %m");
	handle(SIGUSR1, on_sig, 0);
	kill_with_sp((unsigned long)sp);
}

static int case_sp_readonly(void)
{
	char *p = mmap(NULL, 4 * 4096, PROT_READ,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	EXPECT(p != MAP_FAILED, "mmap: %m");
	handle(SIGUSR1, on_sig, 0);
	kill_with_sp((unsigned long)(p + 4 * 4096));
}

static int case_sp_bad_with_segv_handler(void)
{
	handle(SIGSEGV, on_sig, 0);
	handle(SIGUSR1, on_sig, SA_SIGINFO);
	kill_with_sp(KERNEL_SP);
}

/* ---- invalid arguments ---- */

static long rt_sigaction(int sig, const struct ksigaction *act,
			 struct ksigaction *old, size_t size)
{
	return syscall(SYS_rt_sigaction, sig, act, old, size);
}

#define EXPECT_ERRNO(call, want, what)                                     \
	do {                                                               \
		long r_;                                                   \
		errno = 0;                                                 \
		r_ = (call);                                               \
		EXPECT(r_ == -1 && errno == (want),                        \
		       "%s: returned %ld, errno %s, want %s", what, r_,    \
		       strerrorname_np(errno) ?: "0",                      \
		       strerrorname_np(want));                             \
	} while (0)

static int case_bad_signal_numbers(void)
{
	struct ksigaction ka = { .handler = (void *)on_sig };
	union sigval v = { 0 };
	siginfo_t si = { 0 };

	EXPECT_ERRNO(rt_sigaction(0, &ka, NULL, 8), EINVAL, "rt_sigaction 0");
	EXPECT_ERRNO(rt_sigaction(65, &ka, NULL, 8), EINVAL,
		     "rt_sigaction 65");
	EXPECT_ERRNO(rt_sigaction(-1, &ka, NULL, 8), EINVAL,
		     "rt_sigaction -1");
	EXPECT_ERRNO(rt_sigaction(65, NULL, &ka, 8), EINVAL,
		     "rt_sigaction 65, reading");
	EXPECT_ERRNO(rt_sigaction(SIGKILL, &ka, NULL, 8), EINVAL,
		     "rt_sigaction SIGKILL");
	EXPECT_ERRNO(rt_sigaction(SIGUSR1, &ka, NULL, 4), EINVAL,
		     "rt_sigaction with sigsetsize 4");
	EXPECT_ERRNO(kill(getpid(), 65), EINVAL, "kill 65");
	EXPECT_ERRNO(kill(getpid(), -1), EINVAL, "kill -1");
	EXPECT(kill(getpid(), 0) == 0, "kill 0 is a probe: %m");
	EXPECT_ERRNO(syscall(SYS_tgkill, getpid(), gettid(), 65), EINVAL,
		     "tgkill 65");
	EXPECT_ERRNO(syscall(SYS_tgkill, 0, gettid(), SIGUSR1), EINVAL,
		     "tgkill tgid 0");
	si.si_code = SI_QUEUE;
	si.si_signo = 65;
	EXPECT_ERRNO(syscall(SYS_rt_sigqueueinfo, getpid(), 65, &si), EINVAL,
		     "rt_sigqueueinfo 65");
	EXPECT_ERRNO(sigqueue(getpid(), 65, v), EINVAL, "sigqueue 65");
	/* To another process, a user-space sender may not pose as the
	 * kernel: a si_code >= 0 (SI_KERNEL here) is EPERM. */
	pid_t other = fork();
	int st;

	if (other == 0) {
		for (;;)
			idle();
	}
	si.si_signo = SIGUSR1;
	si.si_code = SI_KERNEL;
	errno = 0;
	long r = syscall(SYS_rt_sigqueueinfo, other, SIGUSR1, &si);
	int e = errno;

	kill(other, SIGKILL);
	waitpid(other, &st, 0);
	EXPECT(r == -1 && e == EPERM,
	       "rt_sigqueueinfo to another with si_code SI_KERNEL: %ld, "
	       "errno %s, want EPERM",
	       r, strerrorname_np(e) ?: "0");
	return 0;
}

static int case_bad_sigprocmask(void)
{
	uint64_t set = 0, old;

	EXPECT_ERRNO(syscall(SYS_rt_sigprocmask, 3, &set, NULL, 8), EINVAL,
		     "how 3");
	EXPECT_ERRNO(syscall(SYS_rt_sigprocmask, -1, &set, NULL, 8), EINVAL,
		     "how -1");
	EXPECT_ERRNO(syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 4),
		     EINVAL, "sigsetsize 4");
	EXPECT_ERRNO(syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 16),
		     EINVAL, "sigsetsize 16");
	EXPECT_ERRNO(syscall(SYS_rt_sigprocmask, SIG_BLOCK,
			     (void *)KERNEL_ADDR, NULL, 8),
		     EFAULT, "set in the kernel");
	EXPECT_ERRNO(syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set,
			     (void *)KERNEL_ADDR, 8),
		     EFAULT, "old set in the kernel");
	EXPECT_ERRNO(syscall(SYS_rt_sigpending, (void *)KERNEL_ADDR, 8),
		     EFAULT, "rt_sigpending into the kernel");
	EXPECT_ERRNO(syscall(SYS_rt_sigaction, SIGUSR1, (void *)KERNEL_ADDR,
			     NULL, 8),
		     EFAULT, "rt_sigaction from the kernel");
	/* how is not looked at when there is no new set. */
	EXPECT(syscall(SYS_rt_sigprocmask, 3, NULL, &old, 8) == 0,
	       "how 3 with no set: %m");
	return 0;
}

static int case_bad_sigaltstack(void)
{
	stack_t ss = { 0 };

	ss.ss_sp = malloc(65536);
	ss.ss_size = 1024;
	EXPECT_ERRNO(sigaltstack(&ss, NULL), ENOMEM, "ss_size 1024");
	ss.ss_size = 65536;
	ss.ss_flags = 3;
	EXPECT_ERRNO(sigaltstack(&ss, NULL), EINVAL, "ss_flags 3");
	ss.ss_flags = 0x100;
	EXPECT_ERRNO(sigaltstack(&ss, NULL), EINVAL, "ss_flags 0x100");
	EXPECT_ERRNO(sigaltstack((void *)KERNEL_ADDR, NULL), EFAULT,
		     "ss in the kernel");
	ss.ss_flags = 0;
	EXPECT(sigaltstack(&ss, NULL) == 0, "a good one after: %m");
	return 0;
}

/* ---- sigreturn with garbage ---- */

static unsigned char junk[16384] __attribute__((aligned(16)));

static int case_sigreturn_pattern(void)
{
	memset(junk, 0x41, sizeof(junk));
	sigreturn_at(junk + sizeof(junk) / 2, SYS_rt_sigreturn);
}

static int case_sigreturn_random(void)
{
	uint32_t x = 12345;
	size_t i;

	for (i = 0; i < sizeof(junk); i++) {
		x = x * 1103515245 + 12345;
		junk[i] = x >> 16;
	}
	sigreturn_at(junk + sizeof(junk) / 2, SYS_rt_sigreturn);
}

static int case_sigreturn_zeros(void)
{
	memset(junk, 0, sizeof(junk));
	sigreturn_at(junk + sizeof(junk) / 2, SYS_rt_sigreturn);
}

#if defined(__i386__)
static int case_old_sigreturn_pattern(void)
{
	memset(junk, 0x41, sizeof(junk));
	sigreturn_at(junk + sizeof(junk) / 2, SYS_sigreturn);
}
#endif

/* ---- frames forged in the handler's ucontext ---- */

static void forge_pc_kernel(int sig, siginfo_t *info, void *ucv)
{
	ucontext_t *uc = ucv;

	(void)sig;
	(void)info;
#if defined(__riscv)
	uc->uc_mcontext.__gregs[REG_PC] = KERNEL_ADDR;
#else
	uc->uc_mcontext.gregs[REG_EIP] = KERNEL_ADDR;
#endif
}

static int case_forged_pc_kernel(void)
{
	handle(SIGUSR1, forge_pc_kernel, SA_SIGINFO);
	raise(SIGUSR1);
	FAIL("came back to the old pc");
}

#if defined(__riscv)
/* Reads sstatus: only supervisor mode may. */
extern char read_sstatus[];
__asm__(".text\nread_sstatus:\n csrr t0, sstatus\n1: j 1b\n");

static void forge_to_csr(int sig, siginfo_t *info, void *ucv)
{
	ucontext_t *uc = ucv;
	int i;

	(void)sig;
	(void)info;
	/* Every register all ones but pc: whatever the kernel keeps of
	 * them, there is no status among them to restore. */
	for (i = 1; i < 32; i++)
		uc->uc_mcontext.__gregs[i] = -1L;
	uc->uc_mcontext.__gregs[REG_PC] = (unsigned long)read_sstatus;
}

static int case_forged_frame_user_mode(void)
{
	handle(SIGUSR1, forge_to_csr, SA_SIGINFO);
	raise(SIGUSR1);
	FAIL("came back to the old pc");
}
#endif

#if defined(__i386__)
static uint32_t eflags_now(void)
{
	uint32_t f;

	__asm__ volatile("pushfl\n popl %0" : "=r"(f));
	return f;
}

static void forge_eflags(int sig, siginfo_t *info, void *ucv)
{
	ucontext_t *uc = ucv;

	(void)sig;
	(void)info;
	uc->uc_mcontext.gregs[REG_EFL] |= 0x3000;	/* IOPL 3 */
	uc->uc_mcontext.gregs[REG_EFL] &= ~0x200;	/* IF off */
}

static int case_forged_iopl(void)
{
	uint32_t f;

	handle(SIGUSR1, forge_eflags, SA_SIGINFO);
	raise(SIGUSR1);
	f = eflags_now();
	EXPECT((f & 0x3000) == 0, "eflags %#x: IOPL %d", f, (f >> 12) & 3);
	EXPECT(f & 0x200, "eflags %#x: interrupts off in user mode", f);
	__asm__ volatile("cli");
	FAIL("cli ran in user mode (eflags %#x)", f);
}

static void forge_cs(int sig, siginfo_t *info, void *ucv)
{
	ucontext_t *uc = ucv;

	(void)sig;
	(void)info;
	uc->uc_mcontext.gregs[REG_CS] = 0x60;	/* __KERNEL_CS */
	uc->uc_mcontext.gregs[REG_SS] = 0x68;	/* __KERNEL_DS */
}

/* Linux ORs RPL 3 into the saved cs and ss: the return either faults
 * (SIGSEGV) or lands in user mode. */
static int case_forged_cs(void)
{
	uint32_t cs;

	handle(SIGUSR1, forge_cs, SA_SIGINFO);
	raise(SIGUSR1);
	__asm__ volatile("movl %%cs, %0" : "=r"(cs));
	EXPECT((cs & 3) == 3, "running with cs %#x", cs);
	return 0;
}
#endif

static void battery(void)
{
	run_case_ending("a handler address in the kernel: SIGSEGV",
			case_handler_in_kernel, SIGSEGV, 5000);
	run_case_ending("a handler address at an unmapped page: SIGSEGV",
			case_handler_unmapped, SIGSEGV, 5000);
	run_case_ending("sp in the kernel when a signal comes: SIGSEGV",
			case_sp_in_kernel, SIGSEGV, 5000);
	run_case_ending("sp at an unmapped page when a signal comes: SIGSEGV",
			case_sp_unmapped, SIGSEGV, 5000);
	run_case_ending("sp at a read-only page when a signal comes: SIGSEGV",
			case_sp_readonly, SIGSEGV, 5000);
	run_case_ending("sp in the kernel, SIGSEGV handled too: SIGSEGV",
			case_sp_bad_with_segv_handler, SIGSEGV, 5000);
	run_case("signal numbers 0 (but kill's probe), 65, -1: EINVAL",
		 case_bad_signal_numbers);
	run_case("rt_sigprocmask: bad how or sigsetsize EINVAL, EFAULT",
		 case_bad_sigprocmask);
	run_case("sigaltstack: too small ENOMEM, bad flags EINVAL, EFAULT",
		 case_bad_sigaltstack);
	run_case_ending("rt_sigreturn on 0x41 bytes: SIGSEGV",
			case_sigreturn_pattern, SIGSEGV, 5000);
	run_case_ending("rt_sigreturn on random bytes: SIGSEGV",
			case_sigreturn_random, SIGSEGV, 5000);
	run_case_ending("rt_sigreturn on zeros: SIGSEGV",
			case_sigreturn_zeros, SIGSEGV, 5000);
	run_case_ending("a forged frame's pc in the kernel: SIGSEGV",
			case_forged_pc_kernel, SIGSEGV, 5000);
#if defined(__riscv)
	run_case_ending("a forged frame returns to user mode: csrr sstatus "
			"is SIGILL",
			case_forged_frame_user_mode, SIGILL, 5000);
#else
	run_case_ending("i386: sigreturn on 0x41 bytes: SIGSEGV",
			case_old_sigreturn_pattern, SIGSEGV, 5000);
	run_case_ending("i386: forged eflags give no IOPL 3 nor IF off: cli "
			"is SIGSEGV",
			case_forged_iopl, SIGSEGV, 5000);
	run_case_ending("i386: a forged kernel cs: SIGSEGV or user mode",
			case_forged_cs, -SIGSEGV, 5000);
#endif
}

int main(int argc, char **argv)
{
	long before, after;

	case_filter = argc > 1 ? argv[1] : NULL;
	check_prog = "sigbad";
	battery();
	before = meminfo_free_pages();
	if (before >= 0) {
		char detail[64];

		check_prog = "sigbad (again)";
		battery();
		after = meminfo_free_pages();
		check_prog = "sigbad";
		snprintf(detail, sizeof(detail), "%ld before, %ld after",
			 before, after);
		check(before == after, "every page came back", detail);
	}
	return check_summary();
}
