"""Signals, judged by user programs written from the Linux man pages and
checked on Linux itself (each program's header says how): delivery to
handlers (test_sighandler), interrupted and waiting calls and timers
(test_sigwait), stop/continue, SIGCHLD and signals to process groups
(test_sigchld), every register kept across a handler (test_sigregs), and
bad input and hostile frames (test_sigbad) — on both architectures. Each
program prints one line per named case; every case must pass, and the
number of cases must be the program's whole list (a program that dies
half-way fails here)."""

import os
import re
import shutil
import socket
import subprocess

import pytest

from conftest import ROOT, USER_ARCHES, run_checks

pytestmark = pytest.mark.parametrize("arch", USER_ARCHES)


def checks(m, program, count, cases, timeout=300):
    """Run program; assert count checks, none failed, and each case ok."""
    out = run_checks(m, program, timeout=timeout)
    assert f"{count} checks, 0 failed" in out, out
    for case in cases:
        assert f": {case}: ok" in out, f"{case!r} missing:\n{out}"
    return out


def test_handlers(menu, arch):
    i386 = ["i386: the old sigaction system call and sigreturn",
            "i386: the old signal system call is one-shot"]
    checks(menu(arch), "test_sighandler", 19 if arch == "x86" else 17, [
        "the handler gets its signal number",
        "SA_SIGINFO, kill: si_code SI_USER, si_pid, si_uid",
        "SA_SIGINFO, tgkill: si_code SI_TKILL",
        "SA_SIGINFO, sigqueue: si_code SI_QUEUE and si_value",
        "SA_SIGINFO: si_pid is the sender's",
        "ucontext's uc_sigmask is the mask before the handler",
        "the mask in a handler is old | sa_mask | the signal, "
        "and the old one after",
        "a signal in a handler runs to completion first",
        "the signal itself waits until its handler returns",
        "SA_NODEFER: the handler is re-entered",
        "SA_RESETHAND: the handler once, then the default",
        "SIGKILL and SIGSTOP cannot be caught: EINVAL",
        "sigprocmask silently leaves SIGKILL and SIGSTOP unblocked",
        "SIGKILL kills through a full mask",
        "a SIGSEGV handler for a bad pointer siglongjmps out",
        "stack overflow: SIGSEGV handler on the alternate stack, "
        "SS_ONSTACK, EPERM",
        "SS_DISABLE: SA_ONSTACK handlers run on the ordinary stack",
    ] + (i386 if arch == "x86" else []))


def test_interrupted_calls_and_waiting(menu, arch):
    checks(menu(arch), "test_sigwait", 18, [
        "read of a pipe: EINTR without SA_RESTART",
        "read of a pipe: restarted under SA_RESTART",
        "wait4: EINTR without SA_RESTART",
        "wait4: restarted under SA_RESTART",
        "nanosleep: EINTR with the time left in rem",
        "nanosleep: EINTR even under SA_RESTART",
        "sigsuspend: a blocked pending signal runs, EINTR, mask back",
        "sigsuspend waits for a signal from another process",
        "pause: EINTR after the handler",
        "sigpending shows blocked pending signals",
        "sigtimedwait takes a blocked signal with its siginfo",
        "sigwaitinfo: a signal from a child",
        "sigtimedwait times out with EAGAIN",
        "SIGRTMIN three times while blocked: three runs, in order",
        "SIGUSR1 three times while blocked: once",
        "alarm: SIGALRM after a second",
        "alarm(0) cancels",
        "setitimer ITIMER_REAL with an interval fires again and again",
    ])


def test_stop_continue_sigchld_and_groups(menu, arch):
    checks(menu(arch), "test_sigchld", 11, [
        "SIGSTOP: WUNTRACED sees WSTOPSIG, SIGCONT: WCONTINUED",
        "a stop is unseen without WUNTRACED; SIGKILL ends it",
        "SIGTSTP stops a child in its own group",
        "SIGCHLD si_code CLD_STOPPED, CLD_CONTINUED, CLD_EXITED",
        "SIGCHLD si_code CLD_KILLED",
        "SA_NOCLDSTOP: no SIGCHLD for stop and continue",
        "SIGCHLD ignored: children reap themselves, ECHILD",
        "SA_NOCLDWAIT: children reap themselves, ECHILD",
        "SIGCHLD by default leaves the child to wait for",
        "kill(0, sig): our group, not a child's own group",
        "kill(-pgrp, sig): that group only; ESRCH when empty",
    ])


def test_registers_survive_a_handler(menu, arch):
    checks(menu(arch), "test_sigregs", 5 if arch == "x86" else 4, [
        "a handler during the kill call: every register back "
        "(SA_SIGINFO frame)",
        "a handler during the kill call: every register back "
        "(plain frame)",
        "handlers in the middle of a user-mode loop: every register "
        "back (SA_SIGINFO frame)",
        "handlers in the middle of a user-mode loop: every register "
        "back (plain frame)",
    ] + (["i386: the handler gets DF clear and a fresh FPU"]
         if arch == "x86" else []))


def test_bad_input_and_hostile_frames(menu, arch):
    """The battery runs twice on Clonix, the second time counting pages;
    the machine must live through it all."""
    common = [
        "a handler address in the kernel: SIGSEGV",
        "a handler address at an unmapped page: SIGSEGV",
        "sp in the kernel when a signal comes: SIGSEGV",
        "sp at an unmapped page when a signal comes: SIGSEGV",
        "sp at a read-only page when a signal comes: SIGSEGV",
        "sp in the kernel, SIGSEGV handled too: SIGSEGV",
        "signal numbers 0 (but kill's probe), 65, -1: EINVAL",
        "rt_sigprocmask: bad how or sigsetsize EINVAL, EFAULT",
        "sigaltstack: too small ENOMEM, bad flags EINVAL, EFAULT",
        "rt_sigreturn on 0x41 bytes: SIGSEGV",
        "rt_sigreturn on random bytes: SIGSEGV",
        "rt_sigreturn on zeros: SIGSEGV",
        "a forged frame's pc in the kernel: SIGSEGV",
    ]
    if arch == "x86":
        own = ["i386: sigreturn on 0x41 bytes: SIGSEGV",
               "i386: forged eflags give no IOPL 3 nor IF off: cli is "
               "SIGSEGV",
               "i386: a forged kernel cs: SIGSEGV or user mode"]
    else:
        own = ["a forged frame returns to user mode: csrr sstatus is "
               "SIGILL"]
    per_round = len(common) + len(own)
    m = menu(arch)
    out = checks(m, "test_sigbad", 2 * per_round + 1,
                 common + own + ["every page came back"])
    assert out.count("sigbad (again): ") == per_round, out
    assert "Child Complete!" in m.run("fork")


# ---- the gdb helper, on frames built to Linux's ABI ----------------------
# qemu-user builds a signal frame as Linux does (uapi layouts; its own
# trampoline on RISC-V, glibc's __restore_rt on i386 when there is no
# vDSO); lx-sigframe must decode it. (On the real i386 Linux host, gdb
# attached to the native binary gives the same decode, with the vDSO's
# __kernel_rt_sigreturn as the return address.)

FRAME_PROGRAM = r"""
#define _GNU_SOURCE
#include <signal.h>
#include <unistd.h>
void handler_rt(int s, siginfo_t *i, void *u) { (void)s; (void)i; (void)u; }
void handler_plain(int s) { (void)s; }
int main(void)
{
	struct sigaction sa = { 0 };
	union sigval v = { .sival_int = 99 };
	sigset_t m;

	sa.sa_sigaction = handler_rt;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, 0);
	signal(SIGUSR2, handler_plain);
	sigemptyset(&m);
	sigaddset(&m, SIGTERM);
	sigprocmask(SIG_BLOCK, &m, 0);
	sigqueue(getpid(), SIGUSR1, v);
	kill(getpid(), SIGUSR2);
	return 0;
}
"""

QEMU_USER = {"riscv": ("riscv64-linux-gnu-gcc", "qemu-riscv64"),
             "x86": ("i686-linux-gnu-gcc", "qemu-i386")}


def test_lx_sigframe_decodes_a_linux_frame(arch, tmp_path):
    cc, qemu = QEMU_USER[arch]
    if not shutil.which(qemu) or not shutil.which("gdb-multiarch"):
        pytest.skip(f"{qemu} or gdb-multiarch missing")
    src, prog = tmp_path / "frame.c", tmp_path / "frame"
    src.write_text(FRAME_PROGRAM)
    subprocess.run([cc, "-g", "-O0", "-static", "-o", str(prog), str(src)],
                   check=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    user = subprocess.Popen([qemu, "-g", str(port), str(prog)])
    try:
        script = os.path.join(ROOT, "scripts", "gdb", "clonix.py")
        out = subprocess.run(
            ["gdb-multiarch", "-nx", "-batch", "-ex", "set osabi GNU/Linux",
             "-ex", f"file {prog}",
             "-ex", f"target remote :{port}",
             "-ex", f"source {script}",
             "-ex", "handle SIGUSR1 SIGUSR2 nostop noprint pass",
             "-ex", "break *handler_rt", "-ex", "break *handler_plain",
             "-ex", "continue", "-ex", "lx-sigframe $sp", "-ex", "bt",
             "-ex", "continue", "-ex", "lx-sigframe $sp", "-ex", "bt",
             "-ex", "continue"],
            capture_output=True, text=True, timeout=120).stdout
    finally:
        user.wait(timeout=30)
    assert "Breakpoint 2, handler_plain" in out, out
    rt, plain = out.split("Breakpoint 1, handler_rt")[1].split(
        "Breakpoint 2, handler_plain")
    assert "signal   " in rt and "SIGUSR1" in rt, out
    assert "si_code -1 (SI_QUEUE)" in rt and "si_value 0x63" in rt, out
    assert "{SIGTERM}" in rt, out          # the mask before the handler
    assert "SIGUSR2" in plain and "{SIGTERM}" in plain, out
    for part in (rt, plain):
        assert re.search(r"saved (?:pc|eip) 0x[0-9a-f]+ <\w+\+0x", part), out
    if arch == "riscv":
        # gdb's own unwinder knows RISC-V Linux's frame: the frame under
        # "<signal handler called>" is at the saved pc.
        for part in (rt, plain):
            pc = re.search(r"saved pc (0x[0-9a-f]+) <", part)
            under = re.search(r"<signal handler called>\n#2 +(0x[0-9a-f]+)",
                              part)
            assert under and int(under.group(1), 16) == \
                int(pc.group(1), 16), out
    else:
        # The handler's own arguments, as gdb shows them: pinfo and puc
        # are what the frame says.
        args = re.search(r"i=(0x[0-9a-f]+), u=(0x[0-9a-f]+)", rt)
        assert f"(pinfo {args.group(1)}, puc {args.group(2)})" in rt, out
        assert "(s=12)" in plain and "signal   12 (SIGUSR2)" in plain, out
    if arch == "x86":
        assert "struct rt_sigframe (SA_SIGINFO)" in rt, out
        assert "struct sigframe (no SA_SIGINFO" in plain, out
        assert "<__restore_rt" in rt and "<__restore" in plain, out
    else:
        assert "RISC-V struct rt_sigframe" in rt, out
        assert "the handler's ra: 0x" in rt, out
