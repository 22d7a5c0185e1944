"""The gdb lab, asserted: what the seeds' students see by hand in gdb,
checked on every run. scripts/lab/trace.py boots Clonix paused under gdb,
sets the lab breakpoints at the reset vector (paging still off), types
`fork` at MenuOS and records the kernel's state at each stop."""
import contextlib
import os
import re
import subprocess

import pytest

from conftest import ARCHES, ROOT, build, load_lab_trace

labtrace = load_lab_trace()

_traces = {}


def traced(arch):
    """One live trace per architecture and test session."""
    if arch not in _traces:
        build(arch)
        log = open(os.path.join(ROOT, "build", arch, "lab-trace.log"), "w")
        _traces[arch] = labtrace.trace(arch, log)
    return _traces[arch]


pytestmark = pytest.mark.parametrize("arch", ARCHES)
LAB_PATH = ["sys_clone", "kernel_clone", "copy_process", "dup_task_struct",
            "copy_thread", "ret_from_fork"]


def test_breakpoints_set_at_reset_with_paging_off_still_hit(arch):
    f = traced(arch)
    assert f["reset_pc"] < 0x100000000, "gdb attached after paging was on"
    assert f["call_path"][0]["function"] in ("sys_clone", "sys_fork")


def test_lab_breakpoints_hit_in_linux_order_then_child_runs(arch):
    path = [s["function"] for s in traced(arch)["call_path"]]
    path = [p for p in path if p != "do_fork"]  # Linux 3.18's name, i386
    assert path == LAB_PATH


def test_lab_mode_ignores_boot_kernel_threads(arch):
    f = traced(arch)
    assert f["parent_pid"] == 1, "the first stop must be MenuOS's fork"


def test_copy_thread_puts_childregs_at_the_top_of_the_child_stack(arch):
    f = traced(arch)
    top = int(f["stack_top"], 16)
    assert int(f["childregs"], 16) == top - f["sizeof_pt_regs"], \
        "childregs must be task_pt_regs(p)"


def test_child_return_register_is_zero_and_parents_regs_unchanged(arch):
    f = traced(arch)
    assert f["child_ret_in_regs"] == 0, \
        f"childregs->{f['return_register']} must be 0 after copy_thread"
    assert f["parent_ret_after"] == f["parent_ret_before"], \
        "copy_thread must not touch the parent's return register"
    assert f["parent_regs_unchanged"], \
        "copy_thread must not touch any word of the parent's pt_regs"


def test_child_resumes_at_ret_from_fork_on_its_pt_regs(arch):
    f = traced(arch)
    assert f["resume_address"] == f["ret_from_fork"], \
        f"{f['resume_field']} must point at ret_from_fork"
    assert f["resume_symbol"] == "ret_from_fork"
    assert f["thread_sp"] == f["childregs"], "thread.sp must be childregs"


def test_at_ret_from_fork_current_is_the_child_on_its_own_stack(arch):
    f = traced(arch)
    assert f["current_pid_at_ret_from_fork"] == f["child_pid"]
    sp = int(f["sp_at_ret_from_fork"], 16)
    assert int(f["stack_base"], 16) <= sp < int(f["stack_top"], 16)


def test_child_returns_zero_after_its_syscall_and_parent_gets_the_pid(arch):
    f = traced(arch)
    child, parent = f["child_user_return"], f["parent_user_return"]
    assert child["user_mode"] and parent["user_mode"]
    assert child["pc"] == f["user_return_pc"] == parent["pc"], \
        "both must resume at the instruction after the system call"
    assert child["ret"] == 0
    assert parent["ret"] == f["child_pid"]
    assert child["task"] == "child" and parent["task"] == "parent", \
        "the current task pointer must say who returned"


def test_entry_and_exit_instructions_are_the_architectures(arch):
    f = traced(arch)
    want = {"riscv": ("ecall", "handle_exception", "sret", 220),
            "x86": ("int", "system_call", "iret", 120)}[arch]
    assert f["entry_instruction"].startswith(want[0])
    assert f["trap_vector"]["symbol"] == want[1]
    assert f["return_instruction"].startswith(want[2])
    assert f["clone_syscall_nr"] == want[3]


def test_console_shows_the_seeds_three_lines(arch):
    lines = traced(arch)["console"]
    assert sorted(lines[:2]) == ["This is Child Process!",
                                 "This is Parent Process!"], lines
    assert lines[2] == "Child Complete!"


def symbol_address(arch, name):
    """name's address in build/<arch>/vmlinux, read with nm, not gdb."""
    nm = {"riscv": "riscv64-unknown-elf-nm", "x86": "i686-linux-gnu-nm"}[arch]
    out = subprocess.run([nm, os.path.join(build(arch), "vmlinux")],
                         capture_output=True, text=True, check=True).stdout
    found = [int(f[0], 16) for f in (l.split() for l in out.splitlines())
             if len(f) == 3 and f[2] == name]
    assert len(found) == 1, f"{name} in vmlinux: {found}"
    return found[0]


def gdb_session(arch):
    """QEMU paused + gdb with the helpers loaded, for interactive checks."""
    build(arch)
    port = labtrace.free_port()
    log = open(os.devnull, "w")
    return labtrace.start_qemu(arch, port, log), labtrace.Gdb(arch, port, log)


def test_lab_mode_all_stops_at_kernel_threads_during_boot(arch):
    qemu, gdb = gdb_session(arch)
    try:
        gdb.cmd("lab-breaks")
        assert "kernel threads included" in gdb.cmd("lab-mode all")
        assert gdb.cont() == "kernel_clone"
        assert "rest_init" in gdb.cmd("bt")
        assert gdb.value("$current()->pid") == 0
    finally:
        gdb.child.close(force=True)
        qemu.close(force=True)


def test_gdb_helpers_print_real_values_at_copy_thread(arch):
    qemu, gdb = gdb_session(arch)
    try:
        gdb.cmd("break copy_thread if $lab_user()")
        gdb.child.sendline("continue")
        qemu.expect("MenuOS>>", timeout=120)
        qemu.send("fork\r")
        gdb.child.expect(r"Breakpoint \d+, copy_thread")
        gdb.child.expect(gdb.PROMPT)
        out = gdb.cmd("p *p")
        assert "optimized out" not in out and "pid = " in out, out
        gdb.cmd("set $child = p")
        assert "Value returned" in gdb.finish()
        field = "ra" if arch == "riscv" else "ip"
        out = gdb.cmd("p/x $child->thread.%s" % field)
        # copy_thread: p->thread.ra (i386: ip) = (unsigned long)ret_from_fork
        want = symbol_address(arch, "ret_from_fork")
        printed = re.search(r"^\$\d+ = (0x[0-9a-f]+)\s*$", out, re.M)
        assert printed and int(printed.group(1), 16) == want, \
            f"thread.{field} must be ret_from_fork ({want:#x}):\n{out}"
        assert gdb.value("$child->thread.%s" % field) == \
            gdb.value("&ret_from_fork")
        ps = gdb.cmd("lx-ps")
        assert re.search(r"\s1\s+0 R\s+init\s", ps), ps
        assert re.search(r"\s2\s+0 S\s+kthreadd\s", ps), ps
        assert "thread.%s" % field in gdb.cmd("lx-task")
        regs = gdb.cmd("lx-regs $child")
        assert re.search(r"a0: 0x0 |ax: 0x0 ", regs), regs
        ks = gdb.cmd("lx-kstack $child")
        assert "struct pt_regs" in ks and "ret_from_fork" in ks, ks
        assert gdb.value("$current()->pid") == 1
    finally:
        gdb.child.close(force=True)
        qemu.close(force=True)


@contextlib.contextmanager
def lab_scripts(arch, *gdb_args):
    """./init-gdb.sh ARCH and ./start-gdb.sh ARCH GDB_ARGS, as a student
    runs them in two terminals; yields (qemu, gdb) and ends both."""
    import pexpect
    build(arch)
    port = str(labtrace.free_port())
    env = dict(os.environ, GDBPORT=port, TERM="dumb")
    qemu = pexpect.spawn("./init-gdb.sh", [arch], cwd=ROOT, env=env,
                         encoding="utf-8", codec_errors="replace",
                         timeout=120)
    gdb = None
    try:
        qemu.expect("gdb stub on :" + port)
        gdb = pexpect.spawn("./start-gdb.sh", [arch, *gdb_args], cwd=ROOT,
                            env=env, encoding="utf-8", timeout=120)
        yield qemu, gdb
    finally:
        if gdb:
            gdb.close(force=True)
        qemu.close(force=True)


STOP = r"Breakpoint \d+, (?:0x[0-9a-f]+ in )?(\w+) "


def place(gdb):
    """Where the student's gdb is stopped: pc, stack pointer, task."""
    gdb.sendline('printf "place %lu %lu %lu\\n", $pc, $sp, '
                 '(unsigned long)$current()')
    gdb.expect(r"place (\d+) (\d+) (\d+)\r*\n")
    here = gdb.match.groups()
    gdb.expect(r"\(gdb\) ")
    return here


def next_stop(gdb, last):
    """After a `c`, wait for the next breakpoint; return (function, place).
    The breakpoint the machine stood on, reported once more at the very
    same place (QEMU does this now and then on a loaded host; see
    scripts/lab/trace.py), is passed with another `c`, as a student
    would."""
    while True:
        gdb.expect(STOP)
        function = gdb.match.group(1)
        gdb.expect(r"\(gdb\) ")
        stop = (function, place(gdb))
        if stop != last:
            return stop
        gdb.sendline("c")


def test_init_gdb_and_start_gdb_scripts_stop_at_each_lab_breakpoint(arch):
    """The README's two lab commands, exactly as a student runs them."""
    with lab_scripts(arch, "-ex", "set style enabled off") as (qemu, gdb):
        gdb.expect("lab breakpoints: only clones made by user programs")
        gdb.expect(r"\(gdb\) ")
        gdb.sendline("c")
        # (init-gdb.sh's own instructions mention the prompt, too.)
        qemu.expect("Run /init as init process")
        qemu.expect("MenuOS>>")
        qemu.send("fork\r")
        stop = None
        for function in LAB_PATH:
            stop = next_stop(gdb, stop)
            if stop[0] == "do_fork":  # i386's sys_fork path
                gdb.sendline("c")
                stop = next_stop(gdb, stop)
            assert stop[0] == function
            if function == LAB_PATH[-1]:
                # The last stop: nothing may stop the child from here on.
                gdb.sendline("disable")
                gdb.expect(r"\(gdb\) ")
            gdb.sendline("c")
        qemu.expect("Child Complete!")


def test_start_gdb_no_break_sets_no_breakpoints(arch):
    with lab_scripts(arch, "--no-break", "-ex", "info breakpoints") as \
            (_, gdb):
        gdb.expect("No breakpoints or watchpoints")
