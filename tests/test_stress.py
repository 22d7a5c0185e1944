"""The soak (issue 14, point 4), scaled for CI: user/stress runs 50,000
fork/exit/wait rounds at the default pid_max (so the pids wrap at 32768 at
least once) and 5,000 more with pid_max lowered to 1,000 (seven wraps at
least), holding zombies across the wraps; a fork bomb bounded by
RLIMIT_NPROC and by threads-max; reparenting storms to a subreaper and to
init; 1,000 threads alive at once; pipe and signal ping-pong. Free pages
and every slab cache must be back at the baseline taken after a warm-up
run, and the console must hold no kernel report. `make stress` runs the
full million (scripts/stress/stress.py).

Also the knob the soak uses, /proc/sys/kernel/pid_max, on its own.
"""
import re

import pytest

from conftest import USER_ARCHES, assert_no_leak, leak_baseline, run_checks

# The CI run: 50,000 rounds at the default pid_max, 5,000 at 1,000.
CI_RUN = "stress -r 50000 -l 5000 -m 1000 -t 1000 -b 200 -o 200 -p 2000"
WARM_UP = "stress -r 500 -l 500 -t 50 -b 20 -o 20 -p 40"
# What a kernel prints when it is in trouble (printk.h's BUG_ON/WARN_ON,
# panic, the traps' Oops, the debug kernel's sanitizer reports).
KERNEL_REPORT = re.compile(r"\bBUG\b|WARNING|Kernel panic|Oops|UBSAN|"
                           r"use-after-free|redzone|poison", re.I)


@pytest.fixture(params=USER_ARCHES)
def arch(request):
    return request.param


def phase(out, name):
    """The key=value figures of the line "stress: NAME: ..."."""
    m = re.search(rf"^stress: {re.escape(name)}: (\S+=.*)$", out, re.M)
    assert m, f"no figures for phase {name}:\n{out}"
    return dict(re.findall(r"(\w+)=(\S+)", m.group(1)))


def test_soak_50000_rounds_wraps_pids_and_leaks_nothing(menu, arch):
    m = menu(arch)
    run_checks(m, WARM_UP, timeout=300)
    before = leak_baseline(m)
    out = run_checks(m, CI_RUN, timeout=900)

    fork = phase(out, "fork")
    assert int(fork["rounds"]) == 50000, out
    assert fork["pid_max"] == "32768", out
    assert int(fork["wraps"]) >= 1, f"no wrap at the default pid_max:\n{out}"
    assert fork["reused"] == "0" and int(fork["crossed"]) > 0, out
    low = phase(out, "fork-low")
    assert low["pid_max"] == "1000" and int(low["wraps"]) >= 7, out
    first, last = map(int, low["pids"].split(".."))
    assert 300 <= first < 310 and last == 999, out
    assert low["reused"] == "0" and int(low["crossed"]) > 0, out
    assert "pid_max: value=32768 min=301" in out and "writes=ok" in out, out

    bombs = re.findall(r"^stress: forkforkfork: bound=(\S+) .*peak=(\d+) "
                       r"eagain=(\d+)", out, re.M)
    assert [b[0] for b in bombs] == ["RLIMIT_NPROC", "threads-max"], out
    for bound, peak, eagain in bombs:
        assert int(peak) > 100 and peak == eagain, f"{bound}:\n{out}"
    rep = phase(out, "reparent")
    assert rep["to_subreaper"] == "200" and rep["to_init"] == "200", out
    thr = phase(out, "threads")
    assert thr["alive"] == "1000" and thr["joined"] == "1000", out
    assert phase(out, "pingpong")["failed"] == "0", out
    assert "leak: free pages and every slab cache back at the baseline: ok" \
        in out, out

    assert_no_leak(m, before, "the soak")
    report = [l for l in m.output.splitlines() if KERNEL_REPORT.search(l)]
    assert not report, "kernel report on the console:\n" + "\n".join(report)


def test_pid_max_bounds_and_a_low_pid_max_wraps(menu, arch):
    """pid_max reads 32768; 301 and PID_MAX_LIMIT (4,194,304 on 64-bit
    RISC-V, 32,768 on i386) are taken, 300, one more than the limit, a
    negative number and text are EINVAL (stress's pid_max phase); with
    pid_max at 400 the pids of 2,000 forks stay in 300..399, wrapping every
    hundred, and none is an unreaped zombie's."""
    m = menu(arch)
    limit = 4194304 if arch == "riscv" else 32768
    assert m.run("cat /proc/sys/kernel/pid_max").strip() == "32768"
    out = run_checks(m, "stress -r 0 -l 2000 -m 400 -t 0 -b 0 -o 0 -p 0",
                     timeout=300)
    assert f"pid_max: value=32768 min=301 limit={limit} writes=ok" in out, out
    low = phase(out, "fork-low")
    first, last = map(int, low["pids"].split(".."))
    assert 300 <= first < 310 and last == 399, out
    assert int(low["wraps"]) >= 20, out
    assert low["reused"] == "0" and int(low["crossed"]) > 0, out
    assert m.run("cat /proc/sys/kernel/pid_max").strip() == "32768"
