/*
 * Signal delivery on i386 (Linux's arch/x86/kernel/signal.c, 32-bit).
 *
 * On the way back to user mode (work_pending -> do_work_pending),
 * arch_do_signal_or_restart asks get_signal for a signal to handle.
 * handle_signal first settles an interrupted system call — EINTR, or
 * re-executing the int $0x80 with the call number back in eax (eip - 2)
 * — then builds the frame on the user stack (or the sigaltstack): the FP
 * state first (64-byte aligned), then below it struct rt_sigframe
 * (setup_rt_frame, SA_SIGINFO) or struct sigframe (setup_frame), placed so
 * that the handler sees a call's stack alignment. The handler is entered
 * with its argument in eax (and for rt frames &info in edx, &uc in ecx,
 * as well as on the stack), a fresh FPU, and returns to pretcode:
 * glibc's sa_restorer (__restore_rt: rt_sigreturn; __restore: sigreturn)
 * or, without SA_RESTORER, the retcode in the frame doing the same.
 * restore_sigcontext puts every register back, but only the eflags bits a
 * program may set: a forged frame cannot raise IOPL or turn interrupts
 * off, and a segment it cannot load faults back into user mode.
 */
#include <asm/i387.h>
#include <asm/processor-flags.h>
#include <asm/segment.h>
#include <asm/sigcontext.h>
#include <asm/signal.h>
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define __NR_restart_syscall 0
#define __NR_sigreturn 119
#define __NR_rt_sigreturn 173

#define X86_EFLAGS_CF 0x00000001
#define X86_EFLAGS_PF 0x00000004
#define X86_EFLAGS_AF 0x00000010
#define X86_EFLAGS_ZF 0x00000040
#define X86_EFLAGS_SF 0x00000080
#define X86_EFLAGS_TF 0x00000100
#define X86_EFLAGS_OF 0x00000800
#define X86_EFLAGS_RF 0x00010000
/* The flags a signal frame may change (Linux's FIX_EFLAGS). */
#define FIX_EFLAGS (X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | \
		    X86_EFLAGS_TF | X86_EFLAGS_SF | X86_EFLAGS_ZF | \
		    X86_EFLAGS_AF | X86_EFLAGS_PF | X86_EFLAGS_CF | \
		    X86_EFLAGS_RF)

_Static_assert(sizeof(struct _fpstate) == 624, "Linux's _fpstate_32");
_Static_assert(sizeof(struct sigcontext) == 88, "Linux's sigcontext_32");

/* ---------------------------------------------------------------------
 * The FP state
 */

/* The x87 tag word in fsave's 2-bit form, from fxsave's abridged one
 * (empty or not; a non-empty register is reported as valid). */
static u32 twd_fxsr_to_i387(const struct i387_fxsave_struct *fx)
{
	u32 tag = 0xffff0000;
	int i;

	for (i = 0; i < 8; i++)
		if (!(fx->twd & (1 << i)))
			tag |= 3 << (2 * i);
	return tag;
}

/* Write the thread's FP registers to the frame's struct _fpstate at buf:
 * the fsave-format part and the fxsave image. */
static int copy_fpstate_to_sigframe(struct _fpstate __user *buf)
{
	struct i387_fxsave_struct *fx = &current->thread.fpu;
	struct _fpstate env;
	int i;

	fxsave(fx);
	memset(&env, 0, sizeof(env));
	env.cw = fx->cwd | 0xffff0000;
	env.sw = fx->swd | 0xffff0000;
	env.tag = twd_fxsr_to_i387(fx);
	env.ipoff = fx->fip;
	env.cssel = fx->fcs | ((u32)(fx->fop & 0x7ff) << 16);
	env.dataoff = fx->foo;
	env.datasel = fx->fos;
	for (i = 0; i < 8; i++)
		memcpy(&env._st[i], &fx->st_space[i * 4], sizeof(env._st[i]));
	env.status = fx->swd;
	env.magic = X86_FXSR_MAGIC;
	memcpy(env.fxsave, fx, offsetof(struct i387_fxsave_struct, padding));
	return copy_to_user(buf, &env, sizeof(env)) ? -EFAULT : 0;
}

/* Load the FP registers from a frame's fxsave image, with only the MXCSR
 * bits the CPU has (fxrstor of others faults in the kernel). */
static int restore_fpstate(u32 ubuf)
{
	struct i387_fxsave_struct *fx = &current->thread.fpu;
	struct _fpstate __user *buf =
		(struct _fpstate __user *)(unsigned long)ubuf;

	if (!buf) {
		fpu_finit(fx);	/* a frame without FP state: a fresh FPU */
	} else {
		if (copy_from_user(fx, buf->fxsave,
				   offsetof(struct i387_fxsave_struct, padding)))
			return -EFAULT;
		fx->mxcsr &= mxcsr_feature_mask;
	}
	fxrstor(fx);
	return 0;
}

/* ---------------------------------------------------------------------
 * The frames
 */

static int setup_sigcontext(struct sigcontext __user *sc,
			    struct _fpstate __user *fpstate,
			    struct pt_regs *regs, unsigned long mask)
{
	struct sigcontext k = {
		.gs = regs->gs, .fs = regs->fs, .es = regs->es,
		.ds = regs->ds,
		.di = regs->di, .si = regs->si, .bp = regs->bp,
		.sp = regs->sp, .bx = regs->bx, .dx = regs->dx,
		.cx = regs->cx, .ax = regs->ax,
		.trapno = current->thread.trap_nr,
		.err = current->thread.error_code,
		.ip = regs->ip, .cs = regs->cs, .flags = regs->flags,
		.sp_at_signal = regs->sp, .ss = regs->ss,
		.fpstate = (u32)(unsigned long)fpstate,
		.oldmask = mask,
		.cr2 = current->thread.cr2,
	};

	return copy_to_user(sc, &k, sizeof(k)) ? -EFAULT : 0;
}

static int restore_sigcontext(struct pt_regs *regs,
			      struct sigcontext __user *usc)
{
	struct sigcontext sc;

	/* Always make any pending restarted system call return -EINTR. */
	current->restart_block.fn = do_no_restart_syscall;
	if (copy_from_user(&sc, usc, sizeof(sc)))
		return -EFAULT;
	regs->gs = sc.gs;
	regs->fs = sc.fs;
	regs->es = sc.es;
	regs->ds = sc.ds;
	regs->di = sc.di;
	regs->si = sc.si;
	regs->bp = sc.bp;
	regs->sp = sc.sp;
	regs->bx = sc.bx;
	regs->dx = sc.dx;
	regs->cx = sc.cx;
	regs->ax = sc.ax;
	regs->ip = sc.ip;
	regs->cs = sc.cs | USER_RPL;	/* never the kernel's privilege */
	regs->ss = sc.ss | USER_RPL;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc.flags & FIX_EFLAGS);
	regs->orig_ax = -1;	/* not a system call: nothing to restart */
	return restore_fpstate(sc.fpstate);
}

/*
 * Where a frame of frame_size goes, and its FP state (*fpstate): on the
 * alternate stack if asked and not on it already, below the FP state,
 * aligned as a call leaves the stack ((sp + 4) % 16 == 0). NULL (-1) if
 * it would overflow the alternate stack.
 */
static void __user *get_sigframe(struct ksignal *ksig, struct pt_regs *regs,
				 size_t frame_size,
				 struct _fpstate __user **fpstate)
{
	unsigned long sp = regs->sp, buf_fx;
	bool onsigstack = on_sig_stack(sp);

	if ((ksig->ka.flags & SA_ONSTACK) && !sas_ss_flags(sp)) {
		sp = current->sas_ss_sp + current->sas_ss_size;
		onsigstack = true;
	}
	buf_fx = (sp - 512) & ~63UL;	/* the fxsave image, 64-aligned */
	sp = buf_fx - FREGS_STATE_SIZE;
	*fpstate = (struct _fpstate __user *)sp;
	sp = ((sp - frame_size + 4) & ~15UL) - 4;
	if (onsigstack && !on_sig_stack(sp))
		return (void __user *)-1L; /* the alternate stack overflowed */
	return (void __user *)sp;
}

/* popl %eax; movl $__NR_sigreturn, %eax; int $0x80 */
static const u8 retcode[8] = { 0x58, 0xb8, __NR_sigreturn, 0, 0, 0,
			       0xcd, 0x80 };
/* movl $__NR_rt_sigreturn, %eax; int $0x80 */
static const u8 rt_retcode[8] = { 0xb8, __NR_rt_sigreturn, 0, 0, 0, 0xcd,
				  0x80, 0 };

/* Where the handler returns: glibc's restorer (SA_RESTORER), or the
 * frame's own retcode. */
static u32 return_address(struct ksignal *ksig, char __user *retcode)
{
	return ksig->ka.flags & SA_RESTORER ? ksig->ka.restorer :
					      (u32)(unsigned long)retcode;
}

/* Start the handler: eip at it, esp at the frame, its arguments in eax,
 * edx, ecx (as well as on the stack), user segments. */
static void enter_handler(struct ksignal *ksig, struct pt_regs *regs,
			  void __user *frame, unsigned long dx,
			  unsigned long cx)
{
	regs->ax = ksig->sig;
	regs->dx = dx;
	regs->cx = cx;
	regs->sp = (unsigned long)frame;
	regs->ip = ksig->ka.handler;
	regs->ds = __USER_DS;
	regs->es = __USER_DS;
	regs->ss = __USER_DS;
	regs->cs = __USER_CS;
	/* Linux: the handler starts with a fresh FPU, DF and TF clear. */
	regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
	fpu_finit(&current->thread.fpu);
	fxrstor(&current->thread.fpu);
}

/* Without SA_SIGINFO: the old frame, returned from with sigreturn. */
static int setup_frame(struct ksignal *ksig, u64 set, struct pt_regs *regs)
{
	struct _fpstate __user *fp;
	struct sigframe __user *frame = get_sigframe(ksig, regs,
						     sizeof(*frame), &fp);
	int err = 0;

	if (!access_ok(frame, sizeof(*frame)) || !access_ok(fp, sizeof(*fp)))
		return -EFAULT;
	err |= put_user(ksig->sig, &frame->sig);
	err |= copy_fpstate_to_sigframe(fp);
	err |= setup_sigcontext(&frame->sc, fp, regs, (u32)set);
	err |= put_user((unsigned long)(set >> 32), &frame->extramask[0]);
	err |= put_user(return_address(ksig, frame->retcode), &frame->pretcode);
	err |= copy_to_user(frame->retcode, retcode, sizeof(retcode));
	if (err)
		return -EFAULT;
	enter_handler(ksig, regs, frame, 0, 0);
	return 0;
}

/* With SA_SIGINFO: siginfo and ucontext, returned from with
 * rt_sigreturn. */
static int setup_rt_frame(struct ksignal *ksig, u64 set, struct pt_regs *regs)
{
	struct _fpstate __user *fp;
	struct rt_sigframe __user *frame = get_sigframe(ksig, regs,
							sizeof(*frame), &fp);
	int err = 0;

	if (!access_ok(frame, sizeof(*frame)) || !access_ok(fp, sizeof(*fp)))
		return -EFAULT;
	err |= put_user(ksig->sig, &frame->sig);
	err |= put_user((u32)(unsigned long)&frame->info, &frame->pinfo);
	err |= put_user((u32)(unsigned long)&frame->uc, &frame->puc);
	err |= copy_to_user(&frame->info, &ksig->info, sizeof(frame->info));
	err |= put_user(0UL, &frame->uc.uc_flags);
	err |= put_user(NULL, &frame->uc.uc_link);
	err |= __save_altstack(&frame->uc.uc_stack, regs->sp);
	err |= copy_fpstate_to_sigframe(fp);
	err |= setup_sigcontext(&frame->uc.uc_mcontext, fp, regs, (u32)set);
	err |= copy_to_user(&frame->uc.uc_sigmask, &set, sizeof(set));
	err |= put_user(return_address(ksig, frame->retcode), &frame->pretcode);
	err |= copy_to_user(frame->retcode, rt_retcode, sizeof(rt_retcode));
	if (err)
		return -EFAULT;
	enter_handler(ksig, regs, frame, (unsigned long)&frame->info,
		      (unsigned long)&frame->uc);
	return 0;
}

/* The handler's ret popped pretcode and __restore's popl %eax the signal
 * number: the sigframe began 8 bytes below esp. */
SYSCALL_DEFINE0(sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	struct sigframe __user *frame =
		(struct sigframe __user *)(regs->sp - 8);
	unsigned long extramask;
	u32 oldmask;

	if (!access_ok(frame, sizeof(*frame)) ||
	    get_user(oldmask, &frame->sc.oldmask) ||
	    get_user(extramask, &frame->extramask[0]))
		goto badframe;
	set_current_blocked(oldmask | ((u64)extramask << 32));
	if (restore_sigcontext(regs, &frame->sc))
		goto badframe;
	return regs->ax;

badframe:
	force_sigsegv(0);
	return 0;
}

/* The handler's ret popped pretcode: the rt_sigframe began at esp - 4. */
SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	struct rt_sigframe __user *frame =
		(struct rt_sigframe __user *)(regs->sp - 4);
	u64 set;

	if (!access_ok(frame, sizeof(*frame)) ||
	    copy_from_user(&set, &frame->uc.uc_sigmask, sizeof(set)))
		goto badframe;
	set_current_blocked(set);
	if (restore_sigcontext(regs, &frame->uc.uc_mcontext))
		goto badframe;
	if (restore_altstack(&frame->uc.uc_stack))
		goto badframe;
	return regs->ax;

badframe:
	force_sigsegv(0);
	return 0;
}

/* ---------------------------------------------------------------------
 * Delivery and restart
 */

/* Settle a system call the signal interrupted (syscall_restart_action):
 * -EINTR in eax, or the int $0x80 again — the call number back in eax
 * (0, restart_syscall, for a restart block) and eip on it. */
static void syscall_restart(struct pt_regs *regs, struct ksignal *ksig)
{
	if ((long)regs->orig_ax < 0)
		return;	/* not from a system call */
	switch (syscall_restart_action(regs->ax, ksig != NULL,
				       ksig ? ksig->ka.flags : 0)) {
	case RESTART_NONE:
		break;
	case RESTART_EINTR:
		regs->ax = -EINTR;
		break;
	case RESTART_AGAIN:
		regs->ax = regs->orig_ax;
		regs->ip -= 2;
		break;
	case RESTART_BLOCK:
		regs->ax = __NR_restart_syscall;
		regs->ip -= 2;
		break;
	}
	regs->orig_ax = -1;	/* done with it: never twice */
}

static void handle_signal(struct ksignal *ksig, struct pt_regs *regs)
{
	int ret;

	syscall_restart(regs, ksig);
	if (ksig->ka.flags & SA_SIGINFO)
		ret = setup_rt_frame(ksig, sigmask_to_save(), regs);
	else
		ret = setup_frame(ksig, sigmask_to_save(), regs);
	signal_setup_done(ret, ksig, regs->flags & X86_EFLAGS_TF);
}

void arch_do_signal_or_restart(struct pt_regs *regs)
{
	struct ksignal ksig;

	if (get_signal(&ksig)) {
		handle_signal(&ksig, regs);
		return;
	}
	syscall_restart(regs, NULL);	/* no handler: the call again */
	restore_saved_sigmask();
}

/* ---------------------------------------------------------------------
 * i386's old signal calls, with a 32-bit mask
 */

SYSCALL_DEFINE3(sigaction, int, sig, const struct old_sigaction __user *, act,
		struct old_sigaction __user *, oact)
{
	struct k_sigaction new, old;
	struct old_sigaction sa;
	int ret;

	if (act) {
		if (copy_from_user(&sa, act, sizeof(sa)))
			return -EFAULT;
		new.handler = sa.sa_handler;
		new.flags = sa.sa_flags;
		new.mask = (u32)sa.sa_mask;
		new.restorer = sa.sa_restorer;
	}
	ret = do_sigaction(sig, act ? &new : NULL, oact ? &old : NULL);
	if (!ret && oact) {
		sa.sa_handler = old.handler;
		sa.sa_flags = old.flags;
		sa.sa_mask = (u32)old.mask;
		sa.sa_restorer = old.restorer;
		if (copy_to_user(oact, &sa, sizeof(sa)))
			return -EFAULT;
	}
	return ret;
}

/* signal(2) as the kernel call: System V semantics (the handler is reset
 * on delivery and the signal not blocked); returns the old handler. */
SYSCALL_DEFINE2(signal, int, sig, unsigned long, handler)
{
	struct k_sigaction new = {
		.handler = handler,
		.flags = SA_RESETHAND | SA_NODEFER,
	}, old;
	int ret = do_sigaction(sig, &new, &old);

	return ret ? ret : (long)old.handler;
}

SYSCALL_DEFINE3(sigprocmask, int, how, const unsigned long __user *, nset,
		unsigned long __user *, oset)
{
	unsigned long set32;
	u64 set, old;
	int err;

	if (nset) {
		if (copy_from_user(&set32, nset, sizeof(set32)))
			return -EFAULT;
		set = set32;
		/* The upper 32 signals are left as they are. */
		if (how == SIG_SETMASK)
			set |= current->blocked & ~0xffffffffULL;
	}
	err = sigprocmask(how, nset ? &set : NULL, &old);
	if (err)
		return err;
	if (oset && put_user((unsigned long)old, oset))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE1(sigpending, unsigned long __user *, uset)
{
	return put_user((unsigned long)do_sigpending(), uset) ? -EFAULT : 0;
}

/* i386's sigsuspend takes the mask third (Linux's OLD_SIGSUSPEND3); the
 * upper 32 signals are unblocked while it waits, as in Linux. */
SYSCALL_DEFINE3(sigsuspend, int, unused1, int, unused2, unsigned long, mask)
{
	(void)unused1;
	(void)unused2;
	return sigsuspend((u32)mask);
}

SYSCALL_DEFINE0(sgetmask)
{
	return (u32)current->blocked;
}

SYSCALL_DEFINE1(ssetmask, int, newmask)
{
	u64 old = current->blocked;

	set_current_blocked((u32)newmask);
	return (u32)old;
}
