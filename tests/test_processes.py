"""Processes: MenuOS as /init, the seeds' fork lab, exec, exit and wait,
and every error path a user program can take — the kernel must answer
with Linux's errno or a signal, never crash, and never lose a page."""
import os
import re
import shlex
import shutil
import subprocess
import tempfile
import time

import pytest

from conftest import (ROOT, USER_ARCHES, Machine, assert_no_leak, free_pages,
                      leak_baseline, user_build)

pytestmark = pytest.mark.parametrize("arch", USER_ARCHES)

SEED_LINES = ["This is Child Process!", "This is Parent Process!",
              "Child Complete!"]


def assert_seed_lines(out):
    lines = [l.strip() for l in out.splitlines()]
    for line in SEED_LINES:
        assert line in lines, f"{line!r} missing from:\n{out}"
    done = lines.index("Child Complete!")
    assert lines.index("This is Child Process!") < done, \
        "the parent must print 'Child Complete!' only after the child ran"
    assert lines.index("This is Parent Process!") < done


def test_boots_to_menuos_prompt_and_help_lists_commands(menu, arch):
    m = menu(arch)
    out = m.run("help")
    for cmd in ["version", "quit", "time", "time-asm", "fork", "exec", "ps",
                "help"]:
        assert re.search(rf"^\s+{re.escape(cmd)}\s", out, re.M), out


def test_version_command(menu, arch):
    assert "Clonix MenuOS" in menu(arch).run("version")


def test_time_and_time_asm_report_seconds_since_boot(menu, arch):
    m = menu(arch)
    assert re.search(r"gettimeofday: \d+\.\d{6} seconds", m.run("time"))
    out = m.run("time-asm")
    assert re.search(r"(ecall 169|int \$0x80, eax=13).*: \d+\.\d+ seconds",
                     out), out


def test_fork_command_prints_the_seeds_three_lines(menu, arch):
    assert_seed_lines(menu(arch).run("fork"))


def test_test_fork_program_prints_the_seeds_three_lines(menu, arch):
    assert_seed_lines(menu(arch).run("test_fork"))


def test_exec_command_runs_hello(menu, arch):
    assert "Hello from a new program!" in menu(arch).run("exec")


def test_ps_lists_idle_init_and_kthreadd(menu, arch):
    out = menu(arch).run("ps")
    assert re.search(r"^\s+0\s+0 R \(running\)\s+swapper", out, re.M), out
    assert re.search(r"^\s+1\s+0 R \(running\)\s+init", out, re.M), out
    assert re.search(r"^\s+2\s+0 S \(sleeping\)\s+kthreadd", out, re.M), out


def test_unknown_command_gets_a_clear_message(menu, arch):
    out = menu(arch).run("frobnicate")
    assert "Unknown command: frobnicate (type help" in out


def test_programs_in_bin_run_with_arguments(menu, arch):
    assert menu(arch).run("echo one two  three").strip() == "one two three"


def test_quit_powers_off_cleanly(menu, arch):
    m = menu(arch)
    m.sendline("quit")
    m.expect("reboot: Power down")
    assert m.wait_exit()[0] == 0


def test_thousand_fork_exit_wait_rounds_keep_free_pages_at_baseline(menu, arch):
    m = menu(arch)
    m.run("test_forkloop 1")  # warm up
    before = leak_baseline(m)
    out = m.run("test_forkloop 1000", timeout=300)
    assert "1000 rounds" in out and ": same" in out, out
    assert_no_leak(m, before, "test_forkloop 1000")


def test_fork_bomb_hits_rlimit_nproc_with_eagain_and_menu_answers(menu, arch):
    m = menu(arch)
    before = leak_baseline(m)
    out = m.run("test_forkbomb 40", timeout=120)
    assert re.search(r"fork failed after \d+ children: EAGAIN", out), out
    assert re.search(r"killed and reaped \d+ children", out), out
    assert "Clonix MenuOS" in m.run("version")
    assert_no_leak(m, before, "test_forkbomb 40")


def test_unlimited_fork_bomb_fails_cleanly_and_frees_everything(menu, arch):
    m = menu(arch)
    before = free_pages(m)
    out = m.run("test_forkbomb", timeout=300)
    assert re.search(r"fork failed after \d+ children: (EAGAIN|ENOMEM)",
                     out), out
    # RLIMIT_NPROC at RLIM_INFINITY is no limit (it once read as -1).
    out = m.run("test_forkbomb inf", timeout=300)
    found = re.search(r"fork failed after (\d+) children: (EAGAIN|ENOMEM)",
                      out)
    assert found and int(found.group(1)) >= 100, out
    assert_seed_lines(m.run("fork"))
    assert free_pages(m) == before


@pytest.mark.parametrize("mode,signal", [
    ("null", 11), ("kernel", 11), ("prot-none", 11), ("exec-data", 11),
    ("illegal", 4)])
def test_faulting_program_is_killed_and_reported_by_wait4(menu, arch, mode,
                                                          signal):
    m = menu(arch)
    out = m.run(f"test_segv {mode}")
    assert f"test_segv: killed by signal {signal}" in out, out
    assert_seed_lines(m.run("fork"))  # the kernel carries on


@pytest.mark.parametrize("program", ["test_badelf", "test_syscalls",
                                     "test_exec", "test_mem", "test_clone",
                                     "test_preempt", "test_files",
                                     "test_signals", "test_fpu",
                                     "test_devices", "test_txtbsy",
                                     "test_sysctl"])
def test_user_space_checks_pass(menu, arch, program):
    out = menu(arch).run(program, timeout=120)
    summary = re.search(r"(\d+) checks, (\d+) failed|badelf: (\d+) failed",
                        out)
    assert summary, out
    failed = [l for l in out.splitlines() if "FAILED" in l or "DIFFERENT" in l]
    assert not failed, "\n".join(failed)


def test_fd_table_grows_on_demand_up_to_rlimit_nofile(menu, arch):
    """Linux's descriptor table: RLIMIT_NOFILE 1024/4096 at boot, growth
    on demand (1500 open files, dup2 to fd 4095), EMFILE / EBADF / EINVAL
    / EPERM exactly at the limits, fork and execve carrying the table with
    its close-on-exec flags, and every page back once all is closed."""
    m = menu(arch)
    before = free_pages(m)
    out = m.run("test_fdtable", timeout=120)
    assert "RLIMIT_NOFILE at start: soft 1024 hard 4096" in out, out
    failed = [l for l in out.splitlines() if "FAILED" in l]
    assert not failed, "\n".join(failed)
    assert "skipped" not in out, out
    assert re.search(r"fdtable: \d+ checks, 0 failed", out), out
    assert "after execve fd 4095 is closed" in out, out
    assert free_pages(m) == before, "test_fdtable left pages behind"


def test_static_pie_program_is_loaded_at_a_bias(menu, arch):
    out = menu(arch).run("test_pie")
    assert re.search(r"pie: an ET_DYN program running at 0x[0-9a-f]+", out)
    assert "pie: relocated: ok" in out, out


def test_orphans_are_adopted_and_reaped_by_pid_1(menu, arch):
    m = menu(arch)
    out = m.run("test_orphan")
    child = re.search(r"leaves child (\d+) behind", out).group(1)
    # The orphan reports 100 ms after its parent exited: usually after
    # MenuOS's next prompt, on a slow machine before it.
    report = rf"orphan {child}: my parent is now (\d+)"
    found = re.search(report, out)
    if not found:
        found = m.expect(report + r"\r*\n", timeout=30)
    assert found.group(1) == "1", \
        f"orphan {child} was adopted by {found.group(1)}, not by pid 1"
    # It exits right after reporting, and MenuOS reaps ended orphans
    # before each prompt: a few commands later it must be gone.
    deadline = time.monotonic() + 30
    while True:
        ps = m.run("ps")
        if not re.search(rf"^\s*{child}\s", ps, re.M):
            break
        assert time.monotonic() < deadline, \
            f"orphan {child} was not reaped:\n{ps}"


def test_out_of_memory_kills_the_process_not_the_kernel(menu, arch):
    m = menu(arch)
    before = free_pages(m)
    out = m.run("test_oom", timeout=120)
    assert re.search(r"Out of memory: killed process \d+ \(test_oom\)", out)
    assert "test_oom: killed by signal 9" in out, out
    assert free_pages(m) == before
    assert_seed_lines(m.run("fork"))


def test_exec_passes_arguments_and_environment(menu, arch):
    out = menu(arch).run("test_exec alpha beta")
    assert "exec: argc=3" in out
    assert "exec: argv[1]=alpha" in out and "exec: argv[2]=beta" in out
    assert "exec: env TERM=linux" in out


def test_unknown_syscall_is_logged_once_by_name(menu, arch):
    m = menu(arch)
    out = m.run("test_syscalls")
    assert re.search(r"system call \d+ \(acct\) is not implemented: -ENOSYS",
                     out), out
    if arch == "x86":  # the name table has i386's _llseek, _sysctl ...
        assert re.search(r"system call 149 \(_sysctl\) is not implemented",
                         out), out
    out = m.run("test_syscalls")
    assert "(acct) is not implemented" not in out, "logged twice"


def test_rdinit_chooses_the_first_program(boot, arch):
    m = boot(arch, append="rdinit=/bin/test_fork")
    m.expect(r"Run /bin/test_fork as init process")
    m.expect("Child Complete!")
    m.expect(r"Kernel panic - not syncing: Attempted to kill init! "
             r"exitcode=0x00000000")
    assert m.wait_exit()[0] != 0


def test_init_cannot_clone_a_sibling(boot, arch):
    """clone(CLONE_PARENT) from pid 1 used to give the child the idle task
    as its parent, which never reaped it (its task, stack and pid leaked):
    Linux refuses it with EINVAL, and so does Clonix."""
    m = boot(arch, append="rdinit=/bin/test_clone")
    m.expect(r"init may not clone a sibling: CLONE_PARENT is EINVAL: ok")
    m.expect(r"clone: \d+ checks, 0 failed")
    m.expect(r"Kernel panic - not syncing: Attempted to kill init!")
    assert m.wait_exit()[0] != 0


def test_init_is_tried_when_rdinit_is_missing(boot, arch):
    m = boot(arch, append="rdinit=/nonexistent init=/bin/hello")
    m.expect(r"Run /nonexistent as init process")
    m.expect(r"Run /bin/hello as init process")
    m.expect("Hello from a new program!")
    assert m.wait_exit()[0] != 0  # init exited: Linux panics too


def test_missing_requested_init_panics_with_a_clear_message(boot, arch):
    m = boot(arch, append="rdinit=/nonexistent init=/bin/none")
    m.expect(r"Kernel panic - not syncing: Requested init /bin/none failed "
             r"\(error -2\)")
    assert m.wait_exit()[0] != 0


def tree_state(arch):
    """What a build of the real tree could touch: user/ and the arch's
    root file system, each file with its size and modification time."""
    state = {}
    for top in ("user", os.path.join("build", arch, "rootfs"),
                os.path.join("build", arch, "rootfs.img")):
        path = os.path.join(ROOT, top)
        files = [path] if os.path.isfile(path) else [
            os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs]
        for f in files:
            st = os.lstat(f)
            state[os.path.relpath(f, ROOT)] = (st.st_size, st.st_mtime_ns)
    return state


def test_a_new_user_program_runs_after_make_rootfs(arch):
    """A student's new user/*.c, built by `make all rootfs` and booted, in
    a copy of the tree (without build/), so the real tree and its build
    stay untouched."""
    name = f"newcomer_{os.getpid()}"
    before = tree_state(arch)
    with tempfile.TemporaryDirectory(prefix="clonix-") as tmp:
        tree = os.path.join(tmp, "clonix")
        shutil.copytree(ROOT, tree, symlinks=True, ignore=lambda d, names: [
            n for n in names if n in ("__pycache__", ".pytest_cache") or
            (d == ROOT and n in ("build", ".git", "vmlinux", "rootfs.img"))])
        with open(os.path.join(tree, "user", name + ".c"), "w") as f:
            f.write('#include <stdio.h>\nint main(int argc, char *argv[])\n'
                    '{\n\tprintf("newcomer says %s\\n", argv[1]);\n'
                    '\treturn 3;\n}\n')
        built = subprocess.run(["make", "-s", f"ARCH={arch}", "all", "rootfs"],
                               cwd=tree, capture_output=True, text=True)
        assert built.returncode == 0, built.stdout + built.stderr
        assert os.path.isfile(os.path.join(tree, "build", arch, "rootfs",
                                           "bin", name))
        qemu = subprocess.run(["make", "-s", f"ARCH={arch}", "qemu-cmd"],
                              cwd=tree, capture_output=True, text=True,
                              check=True).stdout
        # The copy's paths are relative to the copy: start QEMU there.
        m = Machine(["sh", "-c", 'cd "$0" && exec "$@"', tree,
                     *shlex.split(qemu), "-no-reboot", "-append", ""])
        try:
            m.wait_prompt()
            out = m.run(f"{name} hi")
        finally:
            m.child.terminate(force=True)
        assert "newcomer says hi" in out, out
        assert f"{name}: exit status 3" in out, out
    assert tree_state(arch) == before, \
        "building the copy changed the real tree or its build"
    assert not os.path.exists(os.path.join(ROOT, "user", name + ".c"))
    assert not os.path.exists(os.path.join(ROOT, "build", arch, "rootfs",
                                           "bin", name))


def test_make_run_boots_menuos_and_passes_append(arch):
    import pexpect
    child = pexpect.spawn("make", ["-s", f"ARCH={arch}", "run",
                                   "APPEND=hello=world"], cwd=ROOT,
                          encoding="utf-8", timeout=300)
    try:
        child.expect(r"Kernel command line: hello=world")
        child.expect("MenuOS>>")
        child.send("quit\r")
        child.expect("reboot: Power down")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)


def test_initramfs_programs_are_stripped_and_gdbs_copies_are_not(arch):
    """The RAM file system holds every file in memory, so its programs are
    stripped (a fifth of a static glibc program is symbols and debug
    information); gdb reads those from the unstripped copies in
    build/<arch>/rootfs, which the initramfs is made from."""
    out = user_build(arch)
    tool = {"riscv": "riscv64-linux-gnu-readelf",
            "x86": "i686-linux-gnu-readelf"}[arch]

    def sections(path):
        return subprocess.run([tool, "-S", "-W", path], check=True,
                              capture_output=True, text=True).stdout

    for prog in ("init", "bin/bench", "bin/test_fork"):
        packed = sections(os.path.join(out, "initramfs", prog))
        kept = sections(os.path.join(out, "rootfs", prog))
        assert ".symtab" not in packed and ".debug_info" not in packed, prog
        assert ".symtab" in kept and ".debug_info" in kept, prog
