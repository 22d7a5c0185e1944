"""Fault injection (Linux's fail-nth) and leak accounting.

user/test_failnth walks every failure point of fork, vfork, a thread's
clone, execve, brk, mmap, pipe, open(O_CREAT), a copy-on-write fault and a
signal delivery: at each it checks the documented error (or that only the
faulting process died), and that free pages and every slab cache are back
at the baseline. Here we also check the knob and /proc/slabinfo themselves.
"""
import re

import pytest

from conftest import USER_ARCHES, run_checks, slab_counts


@pytest.fixture(params=USER_ARCHES)
def arch(request):
    return request.param


def test_every_failure_point_of_ten_calls_fails_cleanly(menu, arch):
    m = menu(arch)
    out = run_checks(m, "test_failnth", timeout=240)
    points = dict(re.findall(r"^(\w+): (\d+) failure points", out, re.M))
    for call in ("fork", "vfork", "pthread_create", "execve", "brk", "mmap",
                 "pipe", "open", "cow", "signal"):
        assert call in points, f"{call} was not walked:\n{out}"
        assert int(points[call]) > 0, f"{call}: no failure point?\n{out}"
    # fork copies far more than a pipe allocates.
    assert int(points["fork"]) > int(points["pipe"]), out
    assert "skipped" not in out, out
    # The knob itself (checked first by the program).
    assert "fail-nth reads back what was written: ok" in out, out
    assert "an orphan comes to the subreaper: ok" in out, out


def test_slabinfo_has_linux_columns_and_counts_what_fork_uses(menu, arch):
    m = menu(arch)
    out = m.run("cat /proc/slabinfo")
    lines = out.strip().splitlines()
    assert lines[0] == "slabinfo - version: 2.1", out
    assert lines[1].startswith("# name") and "<active_objs>" in lines[1] \
        and ": slabdata <active_slabs> <num_slabs> <sharedavail>" in lines[1]
    for line in lines[2:]:
        f = line.split()
        active, total, size, perslab = (int(x) for x in f[1:5])
        assert active <= total and total % perslab == 0 and size > 0, line
        assert f[7] == "tunables" and f[12] == "slabdata", line
    caches = slab_counts(m)
    for name in ("task_struct", "mm_struct", "vm_area_struct", "kmalloc-64"):
        assert name in caches, out
    # While cat runs, its task_struct is in use: at least init, kthreadd,
    # cat (and the idle task is static).
    assert caches["task_struct"] >= 3, out
    meminfo = m.run("cat /proc/meminfo")
    slab = int(re.search(r"^Slab:\s+(\d+) kB", meminfo, re.M).group(1))
    unrec = int(re.search(r"^SUnreclaim:\s+(\d+) kB", meminfo, re.M).group(1))
    assert slab > 0 and slab == unrec, meminfo
