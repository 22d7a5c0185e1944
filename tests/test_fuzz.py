"""The system-call fuzzer (user/fuzz.c, `make fuzz`) and what it found.

CI runs the fuzzer with fixed seeds (24,000 calls per architecture, a few
seconds each): its summary must show every batch's checks passed (the
kernel still answers, free pages and every slab cache back at the
baseline, no task lost), and the console no kernel report. A seed that
once found a kernel bug joins FUZZ_SEEDS, and each bug also has a direct
check in user/test_fuzzfound.c.
"""
import re

import pytest

from conftest import USER_ARCHES, run_checks

# (seed, calls): each replays exactly with `fuzz -s SEED -n CALLS -v`.
FUZZ_SEEDS = [("0x1", 12000), ("0x2", 12000)]
MIN_CALLS = 20000
# What the kernel prints when it fails (include/linux/printk.h, the
# architectures' traps and fault handlers).
KERNEL_REPORT = re.compile(r"panic|Oops|\bBUG\b|WARNING")
SUMMARY = re.compile(r"fuzz: summary: seed (\S+) calls (\d+) batches (\d+) "
                     r"timeouts (\d+) stalled (\d+) stopped (\d+) crashed "
                     r"(\d+) leaks (\d+) lost (\d+) dead (\d+)")


@pytest.fixture(params=USER_ARCHES)
def arch(request):
    return request.param


def kernel_reports(out):
    return [l for l in out.splitlines()
            if KERNEL_REPORT.search(l) and not l.startswith("fuzz:")]


def test_fuzzing_fixed_seeds_leaves_no_leak_lost_task_or_report(menu, arch):
    m = menu(arch)
    total = 0
    for seed, calls in FUZZ_SEEDS:
        out = m.run(f"fuzz -s {seed} -n {calls}", timeout=300)
        s = SUMMARY.search(out)
        assert s, f"no summary from the fuzzer (seed {seed}):\n{out}"
        (got_seed, made, batches, timeouts, stalled, stopped, crashed, leaks,
         lost, dead) = s.groups()
        assert int(got_seed, 16) == int(seed, 16), out
        assert int(made) >= calls and int(batches) > 1, out
        leak_lines = [l for l in out.splitlines()
                      if "LEAK" in l or "LOST" in l or "DEAD" in l]
        assert (leaks, lost, dead) == ("0", "0", "0"), (
            f"seed {seed}: " + "\n".join(leak_lines) + "\n--- output:\n" + out)
        assert not kernel_reports(out), "\n".join(kernel_reports(out))
        total += int(made)
    assert total >= MIN_CALLS
    # After it all the machine still runs programs and the shell answers.
    assert "hello" in m.run("echo hello")
    assert not kernel_reports(m.output), "\n".join(kernel_reports(m.output))


def test_a_seed_replays_the_same_calls(menu, arch):
    """Each batch's own process makes the same calls, in the same order,
    when the seed is given again. Its children's interleaving may differ
    (and with it how many calls a batch's family makes, so which batches
    run, and where a child's kill cuts a batch short): a batch run both
    times made the same calls up to where the shorter run stopped."""
    m = menu(arch)

    def calls():
        # To a file: on the console a kernel note may cut a line.
        m.run("fuzz -s 0x1234 -n 300 -b 100 -v -o /tmp/fuzz.log",
              timeout=120)
        out = m.run("cat /tmp/fuzz.log")
        main, made = {}, {}
        for line in out.splitlines():
            f = line.split()
            if re.match(r"fuzz: b\d+ p\d+ #", line):
                # the batch's own process is the first to make a call
                if main.setdefault(f[1], f[2]) == f[2]:
                    made.setdefault(f[1], []).append(f[4])
        return made

    first, second = calls(), calls()
    common = set(first) & set(second)
    assert len(common) >= 2, (first, second)
    compared = 0
    for batch in common:
        n = min(len(first[batch]), len(second[batch]))
        assert first[batch][:n] == second[batch][:n], batch
        compared += n
    assert compared > 50, (first, second)


def test_what_the_fuzzer_found_stays_fixed(menu, arch):
    m = menu(arch)
    out = run_checks(m, "test_fuzzfound")
    # Numbers past the table leave at most one note on the console, not
    # one per call (the program made 40 such calls).
    notes = [l for l in out.splitlines() if "is not implemented" in l]
    assert len(notes) <= 1, out
