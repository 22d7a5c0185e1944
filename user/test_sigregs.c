/* test_sigregs: a signal handler leaves every register as it was. Per
 * architecture, assembly loads a known value into every general register
 * it can (RISC-V: x1 and x5..x31, with sp/gp/tp checked unchanged; i386:
 * eax..edi and ebp, esp checked unchanged, CF and DF set) and into the
 * floating-point state (RISC-V: f0..f31 and fcsr; i386: the x87 stack and
 * control word, xmm0..7 and MXCSR), then either
 *  - makes the kill system call itself (ecall / int $0x80), so the signal
 *    is delivered on that call's way back to user mode, or
 *  - spins on a counter in user mode while another process sends signals,
 *    so they come in through the timer interrupt in the middle of the loop;
 * the handler (assembly too) clobbers every register it may — callee-
 * saved ones, gp and tp included, since it returns into the sigreturn
 * trampoline, not to C — and the first time sleeps 1 ms (so the
 * clobbered FP state is switched out, and only the frame holds the old
 * one); after the return every register must hold its value again. On i386 the handler also checks what Linux gives it:
 * DF clear and a fresh FPU (x87 control word 0x37f, MXCSR 0x1f80).
 * Each case runs in a child of its own (user/include/sigcase.h). Passes on
 * Linux: qemu-riscv64 and the i386 binary run natively (qemu-i386 7.2
 * neither restores the x87 control word nor clears DF for the handler). */
#include "sigcase.h"
#include <stdint.h>

volatile int handler_runs;
struct timespec nap = { 0, 1000000 };	/* the handler's 1 ms sleep */
volatile uint32_t handler_eflags, handler_fcw, handler_mxcsr;

#if defined(__riscv)

/* regs[0..31]: x0..x31, regs[32..63]: f0..f31 (bits), regs[64]: fcsr,
 * regs[65]: sp just before the ecall / loop. */
#define NREGS 66
#define FCSR 64
#define SP_BEFORE 65
#define X_LIST "1,5,6,7,8,9,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31"
#define F_LIST "0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31"

void regs_kill(long *in, long *out);
void regs_spin(long *in, long *out);
void sig_clobber(int);

/* Load: f and fcsr from in (a0), then every x but sp/gp/tp, a0 last.
 * Store: every x and f, fcsr, onto the 528-byte area at sp, then copy
 * the area to out (saved at 632(sp)). */
__asm__(".macro LOAD_ALL\n"
	"  .irp n," F_LIST "\n fld f\\n, (256+\\n*8)(a0)\n .endr\n"
	"  ld t0, 512(a0)\n  fscsr t0\n"
	"  sd sp, 520(sp)\n"
	"  .irp n," X_LIST "\n ld x\\n, (\\n*8)(a0)\n .endr\n"
	"  ld a0, 80(a0)\n"
	".endm\n"
	".macro STORE_ALL\n"
	"  .irp n,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,"
	"23,24,25,26,27,28,29,30,31\n sd x\\n, (\\n*8)(sp)\n .endr\n"
	"  .irp n," F_LIST "\n fsd f\\n, (256+\\n*8)(sp)\n .endr\n"
	"  frcsr t0\n  sd t0, 512(sp)\n"
	"  ld t1, 632(sp)\n  mv t2, sp\n  li t3, 66\n"
	"1: ld t0, 0(t2)\n  sd t0, 0(t1)\n  addi t2, t2, 8\n"
	"  addi t1, t1, 8\n  addi t3, t3, -1\n  bnez t3, 1b\n"
	".endm\n"
	".macro ENTER\n"
	"  addi sp, sp, -640\n  sd ra, 528(sp)\n"
	"  .irp n,8,9\n sd x\\n, (536+(\\n-8)*8)(sp)\n .endr\n"
	"  .irp n,18,19,20,21,22,23,24,25,26,27\n"
	"  sd x\\n, (552+(\\n-18)*8)(sp)\n .endr\n"
	"  sd a1, 632(sp)\n"
	".endm\n"
	".macro LEAVE\n"
	"  ld ra, 528(sp)\n"
	"  .irp n,8,9\n ld x\\n, (536+(\\n-8)*8)(sp)\n .endr\n"
	"  .irp n,18,19,20,21,22,23,24,25,26,27\n"
	"  ld x\\n, (552+(\\n-18)*8)(sp)\n .endr\n"
	"  addi sp, sp, 640\n  ret\n"
	".endm\n"
	".text\n"
	".globl regs_kill\nregs_kill:\n"
	"  ENTER\n  LOAD_ALL\n  ecall\n  STORE_ALL\n  LEAVE\n"
	/* a0 = the counter's address, a1 = the count to reach, t0 scratch */
	".globl regs_spin\nregs_spin:\n"
	"  ENTER\n  LOAD_ALL\n"
	"2: lw t0, 0(a0)\n  blt t0, a1, 2b\n"
	"  STORE_ALL\n  LEAVE\n"
	/* The handler: counts, then clobbers all but ra and sp. */
	".globl sig_clobber\nsig_clobber:\n"
	"  lla t0, handler_runs\n  lw t1, 0(t0)\n  addi t1, t1, 1\n"
	"  sw t1, 0(t0)\n"
	"  li t0, 0x9f\n  fscsr t0\n"
	"  li t0, -0x21524111\n"
	"  .irp n," F_LIST "\n fmv.d.x f\\n, t0\n .endr\n"
	/* The first time, sleep 1 ms: a switch away saves the clobbered FP
	 * state in the kernel, so only the frame can give the old one back.
	 * (Only once: signals arriving while every handler slept would keep
	 * the interrupted loop from ever running again.) */
	"  li t2, 1\n  bne t1, t2, 3f\n"
	"  lla a0, nap\n  li a1, 0\n  li a7, 101\n  ecall\n"
	"3:\n"
	"  .irp n,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,"
	"25,26,27,28,29,30,31\n li x\\n, 0xbad00+\\n\n .endr\n"
	"  ret\n");

static const char *reg_name(int i)
{
	static const char *x[] = { "zero", "ra", "sp", "gp", "tp", "t0", "t1",
				   "t2", "s0", "s1", "a0", "a1", "a2", "a3",
				   "a4", "a5", "a6", "a7", "s2", "s3", "s4",
				   "s5", "s6", "s7", "s8", "s9", "s10", "s11",
				   "t3", "t4", "t5", "t6" };
	static char buf[8];

	if (i < 32)
		return x[i];
	if (i == FCSR)
		return "fcsr";
	snprintf(buf, sizeof(buf), "f%d", i - 32);
	return buf;
}

/* Values to load; the kill case's a0, a1, a7 are the call's. */
static void fill(long *in, int kill_call)
{
	int i;

	for (i = 0; i < 64; i++)
		in[i] = (long)(0x5a00000000000000UL | ((unsigned long)i << 40) |
			       (0x01010101UL * (unsigned long)(i + 1)));
	in[FCSR] = (1 << 5) | 0x15;	/* frm RTZ, some flags */
	if (kill_call) {
		in[10] = getpid();
		in[11] = SIGUSR1;
		in[17] = 129;	/* __NR_kill */
	} else {
		in[10] = (long)&handler_runs;
		in[11] = 20;
	}
}

/* Which registers to compare after; "want" is what they must hold. */
static int compare(const long *in, const long *out, int kill_call)
{
	unsigned long gp, tp;
	int i;

	__asm__ volatile("mv %0, gp\n mv %1, tp" : "=r"(gp), "=r"(tp));
	EXPECT(out[2] == out[SP_BEFORE], "sp %#lx, was %#lx", out[2],
	       out[SP_BEFORE]);
	EXPECT((unsigned long)out[3] == gp && (unsigned long)out[4] == tp,
	       "gp %#lx tp %#lx, were %#lx %#lx", out[3], out[4], gp, tp);
	for (i = 1; i <= FCSR; i++) {
		long want = in[i];

		if (i == 2 || i == 3 || i == 4)
			continue;
		if (kill_call && i == 10)
			want = 0;	/* kill's return value */
		if (!kill_call && i == 5)
			continue;	/* the loop's scratch */
		EXPECT(out[i] == want, "%s is %#lx, want %#lx", reg_name(i),
		       out[i], want);
	}
	return 0;
}

#elif defined(__i386__)

struct regs386 {
	uint32_t gpr[8];	/* eax ecx edx ebx esp ebp esi edi */
	uint32_t eflags, esp_before, mxcsr, fcw;
	double x87[8];		/* as loaded: x87[7] ends in st(0) */
	uint8_t xmm[8][16];
};
#define NREGS (sizeof(struct regs386) / sizeof(long))
_Static_assert(sizeof(struct regs386) == 240, "the asm's layout");

void regs_kill(long *in, long *out);
void regs_spin(long *in, long *out);
void sig_clobber(int);

/* in = 260(%esp), out = 264(%esp) after ENTER. */
__asm__(".macro ENTER\n"
	"  pushl %ebp\n  pushl %ebx\n  pushl %esi\n  pushl %edi\n"
	"  subl $240, %esp\n  movl 260(%esp), %eax\n"
	"  fninit\n  fldcw 44(%eax)\n"
	"  .irp n,0,1,2,3,4,5,6,7\n fldl (48+\\n*8)(%eax)\n .endr\n"
	"  ldmxcsr 40(%eax)\n"
	"  .irp n,0,1,2,3,4,5,6,7\n movdqu (112+\\n*16)(%eax), %xmm\\n\n"
	"  .endr\n"
	"  movl %esp, 36(%esp)\n"
	"  movl 4(%eax), %ecx\n  movl 8(%eax), %edx\n  movl 12(%eax), %ebx\n"
	"  movl 20(%eax), %ebp\n  movl 24(%eax), %esi\n"
	"  movl 28(%eax), %edi\n  movl 0(%eax), %eax\n"
	".endm\n"
	".macro LEAVE\n"
	"  movl %eax, 0(%esp)\n  movl %ecx, 4(%esp)\n  movl %edx, 8(%esp)\n"
	"  movl %ebx, 12(%esp)\n  movl %esp, 16(%esp)\n"
	"  movl %ebp, 20(%esp)\n  movl %esi, 24(%esp)\n"
	"  movl %edi, 28(%esp)\n"
	"  pushfl\n  popl 32(%esp)\n  cld\n"
	"  fnstcw 44(%esp)\n"
	"  .irp n,7,6,5,4,3,2,1,0\n fstpl (48+\\n*8)(%esp)\n .endr\n"
	"  stmxcsr 40(%esp)\n"
	"  .irp n,0,1,2,3,4,5,6,7\n movdqu %xmm\\n, (112+\\n*16)(%esp)\n"
	"  .endr\n"
	"  movl 264(%esp), %edi\n  movl %esp, %esi\n  movl $60, %ecx\n"
	"  rep movsl\n"
	"  addl $240, %esp\n"
	"  popl %edi\n  popl %esi\n  popl %ebx\n  popl %ebp\n  ret\n"
	".endm\n"
	".text\n"
	".globl regs_kill\nregs_kill:\n"
	"  ENTER\n  stc\n  std\n  int $0x80\n  LEAVE\n"
	/* eax = the counter's address, ebx = the count, ecx scratch */
	".globl regs_spin\nregs_spin:\n"
	"  ENTER\n"
	"1: movl (%eax), %ecx\n  cmpl %ebx, %ecx\n  jl 1b\n"
	"  LEAVE\n"
	/* The handler: notes eflags and the FPU it was given, counts, then
	 * clobbers all but esp. */
	".globl sig_clobber\nsig_clobber:\n"
	"  pushfl\n  popl handler_eflags\n"
	"  fnstcw handler_fcw\n  stmxcsr handler_mxcsr\n"
	"  incl handler_runs\n"
	"  fninit\n  pushl $0x0c7f\n  fldcw (%esp)\n"
	"  .irp n,0,1,2,3,4,5,6,7\n fldpi\n pcmpeqd %xmm\\n, %xmm\\n\n .endr\n"
	"  movl $0x7f9e, (%esp)\n  ldmxcsr (%esp)\n  addl $4, %esp\n"
	/* The first time, sleep 1 ms (as on RISC-V, above). */
	"  cmpl $1, handler_runs\n  jne 3f\n"
	"  movl $162, %eax\n  movl $nap, %ebx\n  xorl %ecx, %ecx\n"
	"  int $0x80\n"
	"3:\n"
	"  movl $0xbad00000, %eax\n  movl $0xbad00001, %ebx\n"
	"  movl $0xbad00002, %ecx\n  movl $0xbad00003, %edx\n"
	"  movl $0xbad00004, %esi\n  movl $0xbad00005, %edi\n"
	"  movl $0xbad00006, %ebp\n  stc\n"
	"  ret\n");

static void fill(long *inl, int kill_call)
{
	struct regs386 *in = (struct regs386 *)inl;
	int i, j;

	memset(in, 0, sizeof(*in));
	for (i = 0; i < 8; i++)
		in->gpr[i] = 0x5a000000 | (i << 16) | (0x0101 * (i + 1));
	in->fcw = 0x0f7f;	/* round toward zero, all masked */
	in->mxcsr = 0x5fa1;	/* round up, all masked, two flags */
	for (i = 0; i < 8; i++) {
		in->x87[i] = (i + 1) * 1.25 - 100.0;
		for (j = 0; j < 16; j++)
			in->xmm[i][j] = (uint8_t)(0x30 + i * 16 + j);
	}
	if (kill_call) {
		in->gpr[0] = 37;	/* __NR_kill */
		in->gpr[3] = getpid();
		in->gpr[1] = SIGUSR1;
	} else {
		in->gpr[0] = (uint32_t)&handler_runs;
		in->gpr[3] = 20;
	}
}

static int compare(const long *inl, const long *outl, int kill_call)
{
	const struct regs386 *in = (const void *)inl, *out = (const void *)outl;
	static const char *names[] = { "eax", "ecx", "edx", "ebx",
				       "esp", "ebp", "esi", "edi" };
	int i;

	EXPECT(out->gpr[4] == out->esp_before, "esp %#x, was %#x",
	       out->gpr[4], out->esp_before);
	for (i = 0; i < 8; i++) {
		uint32_t want = in->gpr[i];

		if (i == 4 || (!kill_call && i == 1))
			continue;	/* esp; the loop's scratch */
		if (kill_call && i == 0)
			want = 0;	/* kill's return value */
		EXPECT(out->gpr[i] == want, "%s is %#x, want %#x", names[i],
		       out->gpr[i], want);
	}
	if (kill_call)
		EXPECT((out->eflags & 0x401) == 0x401,
		       "eflags %#x: CF or DF lost", out->eflags);
	EXPECT((out->fcw & 0xffff) == in->fcw,
	       "x87 control word %#x, want %#x", out->fcw, in->fcw);
	EXPECT(out->mxcsr == in->mxcsr, "MXCSR %#x, want %#x", out->mxcsr,
	       in->mxcsr);
	for (i = 0; i < 8; i++)
		EXPECT(out->x87[i] == in->x87[i], "x87 value %d is %g, want %g",
		       i, out->x87[i], in->x87[i]);
	for (i = 0; i < 8; i++)
		EXPECT(!memcmp(out->xmm[i], in->xmm[i], 16),
		       "xmm%d changed (byte 0 %#x, want %#x)", i,
		       out->xmm[i][0], in->xmm[i][0]);
	return 0;
}
#endif

static void install(int flags)
{
	struct sigaction sa = { 0 };

	sa.sa_handler = sig_clobber;
	sa.sa_flags = flags;
	sigaction(SIGUSR1, &sa, NULL);
}

static int kill_case(int flags)
{
	long in[NREGS], out[NREGS];

	install(flags);
	fill(in, 1);
	memset(out, 0, sizeof(out));
	regs_kill(in, out);
	EXPECT(handler_runs == 1, "the handler ran %d times", handler_runs);
	return compare(in, out, 1);
}

static int case_kill_rt(void)
{
	return kill_case(SA_SIGINFO);
}

static int case_kill_plain(void)
{
	return kill_case(0);
}

/* Another process sends SIGUSR1 every 2 ms while we spin in user mode
 * until the handler has run 20 times. */
static int spin_case(int flags)
{
	long in[NREGS], out[NREGS];
	pid_t parent = getpid(), sender;
	int st;

	install(flags);
	fill(in, 0);
	sender = fork();
	if (sender == 0) {
		struct timespec ts = { 0, 2000000 };
		int i;

		for (i = 0; i < 2000 && kill(parent, SIGUSR1) == 0; i++)
			nanosleep(&ts, NULL);
		_exit(0);
	}
	regs_spin(in, out);
	kill(sender, SIGKILL);
	waitpid(sender, &st, 0);
	EXPECT(handler_runs >= 20, "the handler ran %d times", handler_runs);
	return compare(in, out, 0);
}

static int case_spin_rt(void)
{
	return spin_case(SA_SIGINFO);
}

static int case_spin_plain(void)
{
	return spin_case(0);
}

#if defined(__i386__)
static int case_handler_state(void)
{
	long in[NREGS], out[NREGS];

	install(SA_SIGINFO);
	fill(in, 1);
	regs_kill(in, out);
	EXPECT(handler_runs == 1, "the handler ran %d times", handler_runs);
	EXPECT(!(handler_eflags & 0x400), "DF set in the handler (eflags %#x)",
	       handler_eflags);
	EXPECT(handler_fcw == 0x37f && handler_mxcsr == 0x1f80,
	       "the handler's x87 cw %#x MXCSR %#x, want 0x37f 0x1f80",
	       handler_fcw, handler_mxcsr);
	return 0;
}
#endif

int main(int argc, char **argv)
{
	case_filter = argc > 1 ? argv[1] : NULL;
	check_prog = "sigregs";
	run_case("a handler during the kill call: every register back "
		 "(SA_SIGINFO frame)",
		 case_kill_rt);
	run_case("a handler during the kill call: every register back "
		 "(plain frame)",
		 case_kill_plain);
	run_case("handlers in the middle of a user-mode loop: every "
		 "register back (SA_SIGINFO frame)",
		 case_spin_rt);
	run_case("handlers in the middle of a user-mode loop: every "
		 "register back (plain frame)",
		 case_spin_plain);
#if defined(__i386__)
	run_case("i386: the handler gets DF clear and a fresh FPU",
		 case_handler_state);
#endif
	return check_summary();
}
