"""The fault-injection lab, asserted live: scripts/lab/trace.py --lab fail
boots Clonix paused under gdb, sets `fail-breaks`, types `failfork` at
MenuOS and follows every failure point of fork: each injected failure
stops at fail_dump (the call chain that was allocating is read there),
then at each bad_fork_* label of copy_process the unwinding passes. The
console says what each fork returned to the user, how many failure points
fork has and whether every page came back. Checked here: what the kernel
did; scripts/lab/fail_report.py's claims over the same facts are checked
by tests/test_lab_report.py."""
import os
import re

import pytest

from conftest import ARCHES, ROOT, build, load_lab_trace

labtrace = load_lab_trace()
_traces = {}


def traced(arch):
    """One live fault-injection trace per architecture and test session."""
    if arch not in _traces:
        build(arch)
        with open(os.path.join(ROOT, "build", arch, "fail-trace.log"),
                  "w") as log:
            _traces[arch] = labtrace.trace(arch, log, "fail")
    return _traces[arch]


def ladder_in_source():
    """copy_process's error labels, top to bottom, from kernel/fork.c."""
    with open(os.path.join(ROOT, "kernel", "fork.c")) as f:
        text = f.read()
    body = text[text.index("copy_process("):]
    body = body[:body.index("\n}\n")]
    return re.findall(r"^(bad_fork_\w+|fork_out):", body, re.M)


pytestmark = pytest.mark.parametrize("arch", ARCHES)


def test_fail_breaks_sets_fail_dump_and_every_ladder_label(arch):
    f = traced(arch)
    assert f["ladder"] == ladder_in_source()
    assert f["ladder"][-1] == "fork_out" and len(f["ladder"]) >= 6


def test_every_failure_point_stops_in_fork_and_returns_enomem(arch):
    f = traced(arch)
    inside = [x for x in f["failures"] if x["in_fork"]]
    assert f["points"] and len(inside) == f["points"], f["console"]
    assert [x["n"] for x in inside] == list(range(1, f["points"] + 1))
    assert len({x["pid"] for x in inside}) == len(inside)  # one stepper each
    for x in inside:
        chain = x["chain"]
        assert chain[0] == "fail_dump", chain
        assert chain.index("copy_process") < chain.index("kernel_clone") < \
            chain.index("sys_clone"), chain
        assert x["result"] == \
            "fork returned -1, errno ENOMEM (Cannot allocate memory)", x


def test_each_failed_fork_unwinds_from_its_step_down_to_fork_out(arch):
    """The labels passed are a tail of the ladder; the first allocation
    (the task_struct) has nothing to undo; a copy_mm failure undoes
    signal, sighand, fs and files; later steps enter higher up."""
    f = traced(arch)
    ladder = f["ladder"]
    inside = [x for x in f["failures"] if x["in_fork"]]
    entries = []
    for x in inside:
        assert x["labels"], x
        start = ladder.index(x["labels"][0])
        assert x["labels"] == ladder[start:], x["labels"]
        entries.append(start)
    assert entries == sorted(entries, reverse=True)
    first = inside[0]
    assert first["step"] == "dup_task_struct" and \
        first["labels"] == ["fork_out"], first
    mm = [x for x in inside if x["step"] == "copy_mm"]
    assert mm and all(x["labels"][0] == "bad_fork_cleanup_signal"
                      for x in mm)


def test_riscv_forks_allocate_pmd_tables_i386_has_none(arch):
    """Sv39 has a middle level (pmd tables, copied at fork); i386's
    two-level tables fold it away, so fork has fewer failure points."""
    askers = [x["asked_by"] for x in traced(arch)["failures"]
              if x["in_fork"]]
    assert "pgd_alloc" in askers and "mm_alloc" in askers
    assert ("pmd_alloc" in askers) == (arch == "riscv"), askers


def test_past_the_last_point_only_the_stepper_dies_and_nothing_leaks(arch):
    f = traced(arch)
    last = f["failures"][-1]
    assert not last["in_fork"] and last["n"] == f["points"] + 1, last
    assert "handle_mm_fault" in last["chain"], last["chain"]
    assert "killed by signal 9 after its fork" in last["result"]
    assert f["free_before"] and f["free_before"] == f["free_after"]
    assert "Failfork Complete!" in f["console"]
