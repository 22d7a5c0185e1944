"""`make bench` runs and its output holds together (issue 13): the quick
benchmark on both architectures, through make, into a temporary
directory. Every figure line of user/bench.c must be there in both runs
(guest instructions under -icount, and wall time), parse, and be a sane
summary (min <= median <= max, rounds > 0); results.md, results.json and
the SVG chart must be written and well-formed. Timings are never checked
against values: only that they are there and consistent.
"""
import importlib.util
import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET

import pytest

from conftest import ARCHES, ROOT

# scripts/bench/bench.py, for its list of figures and its line parser.
_spec = importlib.util.spec_from_file_location(
    "clonix_bench", os.path.join(ROOT, "scripts", "bench", "bench.py"))
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def quick_bench(tmp_path_factory):
    """`make bench BENCH_ARGS='--quick --out DIR'`, both architectures."""
    out = tmp_path_factory.mktemp("bench")
    proc = subprocess.run(
        ["make", "-s", "bench", f"BENCH_ARGS=--quick --out {out}"],
        cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, \
        f"make bench failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    return out, proc.stdout


@pytest.mark.parametrize("arch", ARCHES)
def test_bench_prints_every_figure_in_both_runs(quick_bench, arch):
    out, _ = quick_bench
    log = open(os.path.join(out, f"{arch}.log"), errors="replace").read()
    log = log.replace("\r", "")
    assert "BENCH_ERROR" not in log, log[-3000:]
    # Two runs: instructions under -icount, then wall nanoseconds.
    assert log.count("BENCH_DONE") == 2, log[-3000:]
    for unit in ["insn", "ns"]:
        assert re.search(rf"^BENCH_INFO arch=\S+ unit={unit} quick=1 ",
                         log, re.M), log[:3000]
    for name in bench.FIGURE_NAMES:
        lines = re.findall(rf"^BENCH name={name} .*$", log, re.M)
        assert len(lines) == 2, f"{arch}: {name}: {lines}"
        for line in lines:
            f = bench.parse(line)["figures"][name]
            for key in ["median", "min", "max", "rounds", "reps"]:
                assert isinstance(f.get(key), (int, float)), \
                    f"{arch}: {key} of {line!r}"
            assert f["min"] <= f["median"] <= f["max"], line
            assert f["min"] >= 0 and f["rounds"] > 0 and f["reps"] > 0, line


@pytest.mark.parametrize("arch", ARCHES)
def test_bench_results_json_holds_both_runs_and_boot_times(quick_bench,
                                                           arch):
    out, _ = quick_bench
    res = json.load(open(os.path.join(out, "results.json")))
    assert res["quick"] is True
    r = res["arches"][arch]
    for unit in ["insn", "ns"]:
        assert r[unit]["errors"] == [], r[unit]["errors"]
        assert sorted(r[unit]["figures"]) == sorted(bench.FIGURE_NAMES)
        for name, f in r[unit]["figures"].items():
            want = {"fork_new_pages": "pages", "min_procs": "procs",
                    "max_procs": "procs"}.get(name, unit)
            assert f["unit"] == want, f"{name}: {f}"
    b = r["boot"]
    assert b["rounds"] == 2 and 0 < b["min"] <= b["median"] <= b["max"]


@pytest.mark.parametrize("name", ["min_procs", "max_procs"])
@pytest.mark.parametrize("arch", ARCHES)
def test_bench_most_processes_give_every_page_back(quick_bench, arch, name):
    """Running the machine out of processes or memory (with bench_tiny's
    minimal processes, min_procs, and with forked copies of bench itself,
    max_procs) and releasing them leaves exactly as many pages free as
    before, and fork failed for a reason (ENOMEM or EAGAIN), not a crash."""
    out, _ = quick_bench
    res = json.load(open(os.path.join(out, "results.json")))
    for unit in ["insn", "ns"]:
        f = res["arches"][arch][unit]["figures"][name]
        assert f["error"] in ("ENOMEM", "EAGAIN"), f
        assert f["median"] > 0 and f["forks"] >= f["median"], f
        assert f["free_after"] == f["free_before"], \
            f"{arch} ({unit}): {f['free_before'] - f['free_after']} " \
            f"pages not given back after {name}: {f}"


@pytest.mark.parametrize("arch", ARCHES)
def test_bench_notes_where_a_forked_copys_pages_go(quick_bench, arch):
    """The note beside new pages per forked copy: its kernel stack
    (THREAD_SIZE), slab, and the rest, adding up to the copy's pages."""
    out, _ = quick_bench
    res = json.load(open(os.path.join(out, "results.json")))
    stack_pages = {"riscv": 4, "x86": 2}[arch]
    for unit in ["insn", "ns"]:
        note = next(n for n in res["arches"][arch][unit]["notes"]
                    if n.startswith("name=fork_new_pages "))
        f = dict(kv.split("=") for kv in note.split()[1:5])
        total, stack, slab, rest = (float(f[k]) for k in (
            "last_round", "kernel_stack", "slab",
            "tables_and_written_pages"))
        assert stack == stack_pages, note
        assert slab > 0 and rest > 0, note
        assert abs(stack + slab + rest - total) < 0.2, note


def test_bench_writes_the_table_for_both_architectures(quick_bench):
    out, stdout = quick_bench
    md = open(os.path.join(out, "results.md")).read()
    assert md in stdout     # the table is printed too
    head = next(l for l in md.splitlines() if l.startswith("| Figure |"))
    for col in ["RISC-V insn", "i386 insn", "RISC-V wall", "i386 wall",
                "Target"]:
        assert col in head, head
    width = head.count("|")
    table = [l for l in md.split("\n\n")[2].splitlines()]
    assert all(l.count("|") == width for l in table), "\n".join(table)
    for _, label in bench.FIGURES:
        assert any(l.startswith(f"| {label} |") for l in table), label
    # Every target is judged on both architectures.
    for _, text, _ in bench.targets():
        row = next(l for l in table if f"| {text} |" in l)
        verdicts = row.rstrip(" |").split("|")[-2:]
        assert all(v.strip() in ("met", "**not met**") for v in verdicts), \
            row


def test_bench_chart_is_well_formed_svg_with_both_architectures(
        quick_bench):
    out, _ = quick_bench
    root = ET.parse(os.path.join(out, "fork-cost.svg")).getroot()
    assert root.tag == f"{SVG}svg"
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    for label in ["Clonix RISC-V", "Clonix i386", "32 MiB",
                  "guest instructions"]:
        assert label in texts, texts
    lines = root.findall(f"{SVG}polyline")
    assert len(lines) == 3          # both architectures and Linux's
    for line in lines[:2]:          # five memory sizes each
        assert len(line.get("points").split()) == 5
