"""`make profile` runs and its figures hold together: 20 rounds of fork +
exit + wait (test_forkloop), through make, on each architecture. The
profile must name the fork path's and the exit path's own functions, its
per-function figures must add up to no more than the total, and the
program itself must have seen every page come back. No figure is checked
against a value: only that it is there and consistent."""
import os
import re
import subprocess

import pytest

from conftest import ARCHES, ROOT

ROUNDS = 20
LINE = re.compile(r"^PROFILE arch=(\w+) rounds=(\d+) insns=(\d+) "
                  r"per_round=(\d+) command=(\S+)$", re.M)
FN = re.compile(r"^PROFILE_FN arch=(\w+) name=(\S+) per_round=([\d.]+)$",
                re.M)


@pytest.mark.parametrize("arch", ARCHES)
def test_profile_of_fork_exit_wait_names_their_functions(arch, tmp_path):
    proc = subprocess.run(
        ["make", "-s", "profile", f"ARCH={arch}",
         f"PROFILE_ARGS=--rounds {ROUNDS} --top 60 --out {tmp_path}"],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, \
        f"make profile failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    text = open(tmp_path / f"{arch}.txt").read()
    assert text in proc.stdout
    m = LINE.search(text)
    assert m and m.group(1) == arch and int(m.group(2)) == ROUNDS, text
    total, per_round = int(m.group(3)), int(m.group(4))
    assert m.group(5) == f"test_forkloop_{ROUNDS}"
    assert total > 0 and per_round == round(total / ROUNDS), text
    fns = {name: float(v) for a, name, v in FN.findall(text) if a == arch}
    assert len(fns) == 60, text
    assert sum(fns.values()) <= per_round + 1, text
    # Both halves of a round, each in a function of its own.
    for name in ("copy_process", "dup_mmap", "copy_page_range",
                 "zap_pte_range", "exit_mmap"):
        assert fns.get(name, 0) > 0, (name, text)
    console = open(tmp_path / f"{arch}.console.log", errors="replace").read()
    assert re.search(r"forkloop: %d rounds, free pages before (\d+) after "
                     r"\1: same" % ROUNDS, console), console[-2000:]
