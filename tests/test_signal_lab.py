"""The signals lab, asserted live: scripts/lab/trace.py --lab signal boots
Clonix paused under gdb, sets `signal-breaks`, types `signal` at MenuOS
and follows SIGUSR1 from the parent's kill to the child's handler and back
through rt_sigreturn. What a student sees by hand in gdb is checked here:
the functions in Linux's order, the handler running in the child with the
signal's number and arguments, the frame where the kernel says it is, the
return address (RISC-V: the vDSO's trampoline; i386: glibc's
sa_restorer), the interrupted sigsuspend turned into EINTR, and every
register the same after rt_sigreturn as before the signal."""
import os

import pytest

from conftest import ARCHES, ROOT, build, load_lab_trace


labtrace = load_lab_trace()
_traces = {}


def traced(arch):
    """One live signals trace per architecture and test session."""
    if arch not in _traces:
        build(arch)
        with open(os.path.join(ROOT, "build", arch, "signal-trace.log"),
                  "w") as log:
            _traces[arch] = labtrace.trace(arch, log, "signal")
    return _traces[arch]


pytestmark = pytest.mark.parametrize("arch", ARCHES)
SIGNAL_PATH = ["sys_kill", "send_signal", "complete_signal", "get_signal",
               "handle_signal", "setup_rt_frame", "handler",
               "sys_rt_sigreturn", "restore_sigcontext"]
SIGUSR1 = 10


def child_pid(f):
    return [s for s in f["stops"] if s["function"] == "send_signal"][0][
        "target"]


def test_signal_lab_stops_in_linux_order(arch):
    path = [s["function"] for s in traced(arch)["stops"]]
    assert path == SIGNAL_PATH


def test_kill_comes_from_the_parent_and_the_rest_runs_in_the_child(arch):
    f = traced(arch)
    child = child_pid(f)
    assert f["child_ppid"] == f["sender_pid"] == 1, \
        "MenuOS (pid 1) signals the child it forked"
    for s in f["stops"]:
        want = f["sender_pid"] if s["function"] in (
            "sys_kill", "send_signal", "complete_signal") else child
        assert s["pid"] == want, "%s ran in pid %d" % (s["function"],
                                                        s["pid"])


def test_handler_runs_with_sigusr1_and_siginfo_from_the_parent(arch):
    f = traced(arch)
    h = f["handler_stop"]
    assert h["pid"] == child_pid(f)
    assert h["signo"] == SIGUSR1
    assert h["siginfo"] == {"si_signo": SIGUSR1, "si_code": 0,
                            "si_pid": f["sender_pid"]}, \
        "kill() fills si_code SI_USER and si_pid"


def test_handler_arguments_point_into_the_frame(arch):
    f = traced(arch)
    h, frame = f["handler_stop"], f["frame"]["sp"]
    assert int(h["sp"], 16) == frame, "the handler starts with sp = frame"
    if arch == "riscv":
        assert (h["args"]["a0"], h["args"]["a1"], h["args"]["a2"]) == \
            (SIGUSR1, h["info_at"], h["uc_at"])
        assert frame % 16 == 0
    else:
        assert h["args"]["stack"] == [SIGUSR1, h["info_at"], h["uc_at"]]
        assert [h["args"][r] for r in ("eax", "edx", "ecx")] == \
            h["args"]["stack"], "rt frames pass them in registers too"
        assert (frame + 4) % 16 == 0, "a call's alignment at the handler"
    assert frame + f["frame"]["size"] <= f["regs_at_signal"]["sp"]


def test_frame_saves_the_interrupted_pc_and_sp(arch):
    f = traced(arch)
    pc = f["regs_at_signal"]["epc" if arch == "riscv" else "ip"]
    assert f["handler_stop"]["saved_pc"] == pc
    assert f["handler_stop"]["saved_sp"] == f["regs_at_signal"]["sp"]


def test_handler_return_address_is_the_arch_trampoline(arch):
    f = traced(arch)
    h = f["handler_stop"]
    ra = int(h["return_address"], 16)
    nr = f["sigreturn"]["syscall_nr"]
    if arch == "riscv":
        v = f["vdso"]
        assert v, "no vDSO mapped (mm->context.vdso)"
        assert v["base"] <= ra < v["base"] + v["size"], \
            "ra 0x%x outside [vdso] 0x%x+0x%x" % (ra, v["base"], v["size"])
        assert ra == v["base"] + v["rt_sigreturn_offset"], \
            "ra must be VDSO_SYMBOL(mm->context.vdso, rt_sigreturn)"
        assert h["trampoline"] == ["li a7,%d" % nr, "ecall"], h["trampoline"]
        assert nr == 139
    else:
        assert ra == int(f["sa_restorer"], 16), "pretcode must be sa_restorer"
        assert "SA_RESTORER" in f["sa_flag_names"]
        assert h["trampoline"] == ["mov $0x%x,%%eax" % nr, "int $0x80"], \
            h["trampoline"]
        assert nr == 173


def test_rt_sigreturn_finds_the_frame_at_the_user_sp(arch):
    f = traced(arch)
    popped = 0 if arch == "riscv" else 4  # i386's ret popped pretcode
    assert f["sigreturn"]["sp"] == f["frame"]["sp"] + popped


def test_interrupted_sigsuspend_returns_eintr_not_restarted(arch):
    f = traced(arch)
    i = f["interrupted"]
    assert i["syscall_name"] == "rt_sigsuspend"
    assert i["return_before"] == -514, "-ERESTARTNOHAND at handle_signal"
    assert i["return_after"] == -4, "-EINTR when the handler is set up"
    assert i["pc_after"] == i["pc_before"], "not wound back: no restart"
    insn = f["handler_stop"]["syscall_insn"]
    assert insn["code"] == ("ecall" if arch == "riscv" else "int $0x80")
    assert i["pc_before"] - insn["address"] == (4 if arch == "riscv" else 2)
    assert "Child back from the handler: sigsuspend returned EINTR" in \
        f["console"]


def test_sa_restart_read_is_restarted_by_the_arch_restart_logic(arch):
    """test_sigwait's read of a pipe, interrupted by a SA_RESTART handler:
    handle_signal puts the original a0 / eax back and moves the pc back
    onto the ecall / int $0x80, and the read then succeeds."""
    r = traced(arch)["restart"]
    assert "error" not in r, r
    assert r["syscall_name"] == "read" and r["sig"] == SIGUSR1
    assert r["before"]["ret"] == -512, "-ERESTARTSYS at handle_signal"
    assert r["after"]["ret"] == r["before"]["orig"], \
        "the return register must get orig_a0 / orig_ax back"
    if arch == "riscv":
        assert r["before"]["orig"] == 3, "orig_a0: read's fd"
    else:
        assert r["before"]["orig"] == r["syscall_nr"] == 3, \
            "orig_ax: read's number"
    size = 4 if arch == "riscv" else 2
    assert r["after"]["pc"] == r["before"]["pc"] - size
    assert r["code_at_pc_after"][0]["code"] == (
        "ecall" if arch == "riscv" else "int $0x80")
    assert r["verdict"] == "ok", "the restarted read must get its byte"


def test_registers_after_rt_sigreturn_equal_those_before_the_signal(arch):
    f = traced(arch)
    assert len(f["regs_at_signal"]) == len(labtrace.USER_REGS[arch])
    assert f["regs_differing"] == [], "pt_regs after restore_sigcontext"
    assert f["user_regs_differing"] == [], "the CPU back in user mode"


def test_console_shows_the_lab_program_ran(arch):
    lines = traced(arch)["console"]
    child = child_pid(traced(arch))
    assert lines == ["Parent sends SIGUSR1 to child %d" % child,
                     "Child caught signal 10 from pid 1",
                     "Child back from the handler: sigsuspend returned EINTR",
                     "Signal Complete!"]
