"""The threads lab, asserted live: scripts/lab/trace.py --lab thread boots
Clonix paused under gdb, sets `lab-breaks`, types `fork` and then `thread`
at MenuOS, and follows each clone through sys_clone → kernel_clone →
copy_process → dup_task_struct → copy_thread → ret_from_fork. What a
student sees by hand is checked here against Linux's rules: the flags
glibc's pthread_create passes, each copy_* step sharing what its flag
says, the thread's ids and lists (its creator's tgid and group_leader, on
signal->thread_head, on no children list), copy_thread's sp and
tp / TLS descriptor, the thread's first user instruction, and what lx-ps
and lx-threads print."""
import os
import re

import pytest

from conftest import ARCHES, ROOT, build, load_lab_trace


labtrace = load_lab_trace()
_traces = {}


def traced(arch):
    """One live threads trace per architecture and test session."""
    if arch not in _traces:
        build(arch)
        with open(os.path.join(ROOT, "build", arch, "thread-trace.log"),
                  "w") as log:
            _traces[arch] = labtrace.trace(arch, log, "thread")
    return _traces[arch]


pytestmark = pytest.mark.parametrize("arch", ARCHES)
LAB_PATH = ["sys_clone", "kernel_clone", "copy_process", "dup_task_struct",
            "copy_thread", "ret_from_fork"]
CLONE_NR = {"riscv": 220, "x86": 120}
# What glibc's pthread_create (create_thread, sysdeps/nptl) asks for.
PTHREAD_FLAGS = {"CLONE_VM", "CLONE_FS", "CLONE_FILES", "CLONE_SIGHAND",
                 "CLONE_THREAD", "CLONE_SYSVSEM", "CLONE_SETTLS",
                 "CLONE_PARENT_SETTID", "CLONE_CHILD_CLEARTID"}
STEP_FLAG = {"copy_files": "CLONE_FILES", "copy_fs": "CLONE_FS",
             "copy_sighand": "CLONE_SIGHAND", "copy_signal": "CLONE_THREAD",
             "copy_mm": "CLONE_VM"}


def test_fork_and_pthread_create_stop_at_the_same_breakpoints(arch):
    f = traced(arch)
    assert f["fork"]["call_path"] == LAB_PATH
    assert f["thread"]["call_path"] == LAB_PATH


def test_pthread_create_is_clone_after_clone3_enosys(arch):
    c = traced(arch)["thread"]
    assert c["syscall_nr"] == CLONE_NR[arch]
    # glibc 2.36 tries clone3 first where it has a wrapper (i386), and
    # falls back to clone on ENOSYS: Clonix has no clone3.
    assert all(e["name"] == "clone3" and e["nr"] == 435
               for e in c["enosys"]), c["enosys"]
    if arch == "x86":
        assert c["enosys"], "i386 glibc tries clone3 first"


def test_clone_flags_decoded(arch):
    f = traced(arch)
    assert set(f["thread"]["flag_names"]) == PTHREAD_FLAGS
    assert f["thread"]["exit_signal"] == 0
    assert set(f["fork"]["flag_names"]) == {"CLONE_CHILD_SETTID",
                                            "CLONE_CHILD_CLEARTID"}
    assert f["fork"]["exit_signal"] == 17  # SIGCHLD


def test_each_copy_step_shares_exactly_when_its_flag_says(arch):
    for which, shared in (("fork", False), ("thread", True)):
        c = traced(arch)[which]
        for step, flag in STEP_FLAG.items():
            s = c["steps"][step]
            assert (flag in c["flag_names"]) == shared
            assert s["shared"] == shared and \
                (s["new"] == s["creator"]) == shared, (which, step, s)
            if shared:
                assert s["new_count"] == s["creator_count"] >= 2, s
            else:
                assert s["new_count"] == 1, s


def test_thread_ids_and_lists_are_linux_s(arch):
    c = traced(arch)["thread"]
    assert c["pid"] != c["tgid"] == c["creator_tgid"] == c["creator_pid"]
    assert c["group_leader_pid"] == c["creator_pid"]
    assert not c["group_leader_is_self"]
    assert c["task_exit_signal"] == -1
    assert c["real_parent_pid"] == c["creator_real_parent_pid"]
    assert not c["on_creator_children"], c["creator_children"]
    assert not c["on_real_parent_children"], c["real_parent_children"]
    assert c["thread_group"] == [c["creator_pid"], c["pid"]]
    f = traced(arch)["fork"]
    assert f["pid"] == f["tgid"] and f["group_leader_is_self"]
    assert f["real_parent_pid"] == f["creator_pid"]
    assert f["on_creator_children"] and f["thread_group"] == [f["pid"]]


def test_copy_thread_gives_the_thread_its_stack_and_tls(arch):
    c, f = traced(arch)["thread"], traced(arch)["fork"]
    new, mine = c["regs"]["new"], c["regs"]["creator"]
    assert new["sp"] == c["newsp"] != mine["sp"]
    assert f["regs"]["new"]["sp"] == f["regs"]["creator"]["sp"]
    assert new["ret"] == 0 and new["pc"] == mine["pc"]
    assert c["regs"]["resume"] == c["regs"]["ret_from_fork"]
    assert c["regs"]["resume_symbol"] == "ret_from_fork"
    if arch == "riscv":
        assert new["tls"]["tp"] == c["tls_arg"] != mine["tls"]["tp"]
        assert f["regs"]["new"]["tls"]["tp"] == \
            f["regs"]["creator"]["tls"]["tp"]
    else:
        u = c["user_desc"]
        assert new["tls"]["gs"] == mine["tls"]["gs"]
        assert new["tls"]["gdt_entry"] == u["entry_number"]
        assert new["tls"]["base"] == u["base_addr"] != mine["tls"]["base"]
        assert f["regs"]["new"]["tls"]["base"] == \
            f["regs"]["creator"]["tls"]["base"]


def test_thread_first_user_instruction_is_in_glibc_clone(arch):
    c = traced(arch)["thread"]
    u, k = c["first_user_new"], c["first_user_creator"]
    assert c["pid_at_ret_from_fork"] == c["pid"]
    assert u["pc"] == k["pc"]
    assert u["symbol"].startswith("clone+"), u
    assert u["ret"] == 0 and k["ret"] == c["pid"]
    assert u["sp"] == c["newsp"]
    if arch == "riscv":
        assert u["tp"] == c["tls_arg"]
    else:
        assert u["gs"] == c["regs"]["new"]["tls"]["gs"]


def test_console_shows_the_thread_with_its_process_pid(arch):
    c = traced(arch)["thread"]
    m = [re.match(r"This is the new Thread! tid (\d+), pid (\d+)", l)
         for l in c["console"]]
    m = [x for x in m if x]
    assert m and int(m[0].group(1)) == c["pid"] and \
        int(m[0].group(2)) == c["tgid"], c["console"]
    assert "Thread Complete!" in c["console"]


def test_lx_ps_and_lx_threads_show_the_thread(arch):
    c = traced(arch)["thread"]
    row = [l for l in c["lx_ps"].splitlines()
           if re.search(r"\s%d\s+%d\s+%d\s" % (c["tgid"], c["pid"],
                                                c["real_parent_pid"]), l)]
    assert row and "(thread of tgid %d)" % c["tgid"] in row[0], c["lx_ps"]
    assert "TGID" in c["lx_ps"].splitlines()[0]
    lines = c["lx_threads"].splitlines()
    assert lines[0].startswith("process %d (init): 2 thread(s)" % c["tgid"])
    tids = [int(l.split()[1]) for l in lines[2:]]
    assert tids == c["thread_group"]
    mine = [l for l in lines[2:] if int(l.split()[1]) == c["pid"]][0]
    assert "0x%x" % c["regs"]["new"]["sp"] in mine
    f = traced(arch)["fork"]
    assert "thread" not in " ".join(
        l for l in f["lx_ps"].splitlines()[1:]
        if re.search(r"\s%d\s+%d\s" % (f["pid"], f["pid"]), l))
