/*
 * Signal delivery on RISC-V (Linux's arch/riscv/kernel/signal.c).
 *
 * On the way back to user mode (do_work_pending), arch_do_signal_or_restart
 * asks get_signal for a signal to handle. handle_signal first settles an
 * interrupted system call — EINTR, or re-executing the ecall with its
 * first argument back in a0 (epc - 4) — then setup_rt_frame pushes a
 * struct rt_sigframe below the user sp (or on the sigaltstack): siginfo,
 * and a ucontext with every register, the FP registers, the mask to put
 * back. The handler is entered with a0 = signo, a1 = &info, a2 = &uc and
 * ra = the vDSO's __vdso_rt_sigreturn, whose `li a7, 139; ecall` is
 * rt_sigreturn: restore_sigcontext copies the registers back, and the
 * program goes on where the signal found it.
 */
#include <asm/csr.h>
#include <asm/sigcontext.h>
#include <asm/switch_to.h>
#include <asm/vdso.h>
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define __NR_restart_syscall 128

/* The FP registers, as the thread would see them now. */
static long save_fp_state(struct pt_regs *regs,
			  struct sigcontext __user *sc)
{
	long err = 0;

	fstate_save(current, regs);	/* thread.fstate is up to date */
	err |= copy_to_user(sc->sc_q.f, current->thread.fstate.f,
			    sizeof(current->thread.fstate.f));
	err |= put_user(current->thread.fstate.fcsr, &sc->sc_q.fcsr);
	/* No further extension: the END header. */
	err |= put_user(0, &sc->sc_extdesc.hdr.magic);
	err |= put_user(0, &sc->sc_extdesc.hdr.size);
	return err;
}

static long restore_fp_state(struct pt_regs *regs,
			     struct sigcontext __user *sc)
{
	long err;

	err = copy_from_user(current->thread.fstate.f, sc->sc_q.f,
			     sizeof(current->thread.fstate.f));
	err |= get_user(current->thread.fstate.fcsr, &sc->sc_q.fcsr);
	if (err)
		return err;
	/* Load them (the registers may hold the handler's values), and
	 * mark the state in use so the next switch saves it. */
	if ((regs->status & SR_FS) == SR_FS_OFF)
		regs->status |= SR_FS_INITIAL;
	fstate_restore(current, regs);
	return 0;
}

/* Put back what setup_sigcontext saved: every user register and the FP
 * state. status is not in the frame, so a forged frame can set no
 * privilege; a pc in the kernel only faults in user mode. */
static long restore_sigcontext(struct pt_regs *regs,
			       struct sigcontext __user *sc)
{
	long err;

	err = copy_from_user(regs, &sc->sc_regs, sizeof(sc->sc_regs));
	if (err)
		return err;
	return restore_fp_state(regs, sc);
}

SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	struct rt_sigframe __user *frame =
		(struct rt_sigframe __user *)regs->sp;
	u64 set;

	/* Always make any pending restarted system call return -EINTR. */
	current->restart_block.fn = do_no_restart_syscall;
	if (!access_ok(frame, sizeof(*frame)))
		goto badframe;
	if (copy_from_user(&set, &frame->uc.uc_sigmask, sizeof(set)))
		goto badframe;
	set_current_blocked(set);
	if (restore_sigcontext(regs, &frame->uc.uc_mcontext))
		goto badframe;
	if (restore_altstack(&frame->uc.uc_stack))
		goto badframe;
	regs->cause = -1UL;	/* not a system call: nothing to restart */
	return regs->a0;

badframe:
	force_sigsegv(0);
	return 0;
}

static long setup_sigcontext(struct rt_sigframe __user *frame,
			     struct pt_regs *regs)
{
	struct sigcontext __user *sc = &frame->uc.uc_mcontext;
	long err;

	err = copy_to_user(&sc->sc_regs, regs, sizeof(sc->sc_regs));
	err |= save_fp_state(regs, sc);
	return err;
}

/* Where the frame goes: below sp (or at the top of the alternate stack),
 * 16-byte aligned; -1 if it would overflow the alternate stack. */
static struct rt_sigframe __user *get_sigframe(struct ksignal *ksig,
					       struct pt_regs *regs,
					       size_t size)
{
	unsigned long sp = regs->sp;

	if (on_sig_stack(sp) && !on_sig_stack(sp - size))
		return (struct rt_sigframe __user *)-1UL;
	sp = sigsp(sp, ksig) - size;
	return (struct rt_sigframe __user *)(sp & ~0xfUL);
}

static int setup_rt_frame(struct ksignal *ksig, u64 set, struct pt_regs *regs)
{
	struct rt_sigframe __user *frame = get_sigframe(ksig, regs,
							sizeof(*frame));
	unsigned long handler = ksig->ka.handler;
	long err = 0;

	if (!access_ok(frame, sizeof(*frame)) || !current->mm->context.vdso)
		return -EFAULT;
	err |= copy_to_user(&frame->info, &ksig->info, sizeof(frame->info));
	err |= put_user(0UL, &frame->uc.uc_flags);
	err |= put_user(NULL, &frame->uc.uc_link);
	err |= __save_altstack(&frame->uc.uc_stack, regs->sp);
	err |= setup_sigcontext(frame, regs);
	err |= copy_to_user(&frame->uc.uc_sigmask, &set, sizeof(set));
	if (err)
		return -EFAULT;

	/* The handler returns into the vDSO's rt_sigreturn trampoline. */
	regs->ra = VDSO_SYMBOL(current->mm->context.vdso, rt_sigreturn);
	regs->epc = handler;
	regs->sp = (unsigned long)frame;
	regs->a0 = ksig->sig;
	regs->a1 = (unsigned long)&frame->info;
	regs->a2 = (unsigned long)&frame->uc;
	return 0;
}

/* Settle a system call the signal interrupted (syscall_restart_action):
 * -EINTR in a0, or the ecall again — its first argument back in a0 and
 * epc on it (a7 = restart_syscall for a restart block). */
static void syscall_restart(struct pt_regs *regs, struct ksignal *ksig)
{
	if (regs->cause != EXC_SYSCALL)
		return;
	regs->cause = -1UL;	/* done with it: never twice */
	switch (syscall_restart_action(regs->a0, ksig != NULL,
				       ksig ? ksig->ka.flags : 0)) {
	case RESTART_NONE:
		break;
	case RESTART_EINTR:
		regs->a0 = -EINTR;
		break;
	case RESTART_BLOCK:
		regs->a7 = __NR_restart_syscall;
		/* fallthrough */
	case RESTART_AGAIN:
		regs->a0 = regs->orig_a0;
		regs->epc -= 4;
		break;
	}
}

static void handle_signal(struct ksignal *ksig, struct pt_regs *regs)
{
	int ret;

	syscall_restart(regs, ksig);
	ret = setup_rt_frame(ksig, sigmask_to_save(), regs);
	signal_setup_done(ret, ksig, 0);
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
