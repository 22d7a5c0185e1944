#!/usr/bin/env python3
"""`make bench`: what process creation costs on Clonix, in guest
instructions and in wall time, on both architectures (issue 13).

For each architecture it builds Clonix (make all rootfs), then

 1. boots it in QEMU with `-icount shift=0,align=off`, where one guest
    nanosecond is one executed instruction, and types `bench --unit insn`
    at the MenuOS prompt (user/bench.c prints one BENCH line per figure);
 2. boots it again without -icount and types `bench --unit ns`: the same
    figures in wall-clock nanoseconds of this host;
 3. boots it five times (without -icount) and times, from the host, QEMU's
    start to the MenuOS prompt.

Then it writes

    build/bench/results.json    every line parsed, per architecture and run
    build/bench/results.md      both architectures side by side, with the
                                issue's targets and whether each is met
    build/bench/fork-cost.svg   fork cost against touched memory

and prints the table. Every number comes from a run; only the targets and
the issue's reference figures (its "today" and Linux columns) are typed in
here.

    scripts/bench/bench.py [--arch riscv --arch x86] [--quick]
                           [--out build/bench] [--from-json]
                           [--linux VMLINUZ]

--quick: few rounds, a 30-round shell loop and two boots (for the tests).
--from-json: redraw results.md and the chart from a saved results.json.
--linux: a third column, Linux i386 under the same QEMU: VMLINUZ booted
    with the i386 bench as its init (in an initramfs with bench_tiny, true
    and BusyBox), with and without -icount. Debian's 6.1 kernel, as the
    issue used:  dpkg --add-architecture i386 && apt-get update &&
    apt-get download linux-image-6.1.0-57-686:i386 && dpkg-deb -x *.deb x
    then --linux x/boot/vmlinuz-6.1.0-57-686.
"""
import argparse
import datetime
import json
import math
import os
import re
import shlex
import statistics
import subprocess
import sys
import time
from xml.sax.saxutils import escape as xml_escape

import pexpect

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ARCHES = ["riscv", "x86"]
COLUMNS = ARCHES + ["linux"]    # Linux i386, with --linux
TITLE = {"riscv": "RISC-V", "x86": "i386", "linux": "Linux i386"}
PROMPT = "MenuOS>>"
ICOUNT = ["-icount", "shift=0,align=off"]
BOOT_TIMEOUT = 120      # seconds to the prompt (a boot takes about one)
RUN_TIMEOUT = 1800      # seconds for one whole bench run

# The figures, in the order of the table: name, label.
FIGURES = [
    ("clock_gettime", "clock_gettime (taken off every timing)"),
    ("getppid", "getppid"),
    ("sched_yield", "sched_yield"),
    ("fork_exit_wait_0k", "fork + _exit + wait4, nothing touched"),
    ("fork_exit_wait_64k", "… with 64 KiB touched"),
    ("fork_exit_wait_1m", "… with 1 MiB touched"),
    ("fork_exit_wait_8m", "… with 8 MiB touched"),
    ("fork_exit_wait_32m", "… with 32 MiB touched"),
    ("vfork_exit_wait", "vfork + _exit + wait4"),
    ("fork_exec_tiny_wait", "fork + execve of a 1-page static program + wait4"),
    ("fork_exec_true_wait", "fork + execve of a static glibc true + wait4"),
    ("cow_first_write", "first write to a copy-on-write page (child)"),
    ("pipe_pingpong_0", "pipe ping-pong, round trip, 0 others"),
    ("pipe_pingpong_100", "… 100 others asleep"),
    ("pipe_pingpong_1000", "… 1,000 others asleep"),
    ("yield_pingpong_0", "sched_yield ping-pong, round trip, 0 others"),
    ("yield_pingpong_100", "… 100 others asleep"),
    ("yield_pingpong_1000", "… 1,000 others asleep"),
    ("fork_new_pages", "new pages per forked copy"),
    ("min_procs", "minimal processes alive at once in 128 MiB"),
    ("max_procs", "forked copies of this (glibc) benchmark alive at once "
     "in 128 MiB"),
    ("sh_true_loop", "BusyBox sh running /bin/true 300 times"),
]
FIGURE_NAMES = [name for name, _ in FIGURES]
# Figures that are counts, the same in both runs: only the insn run's.
COUNTS = {"fork_new_pages", "min_procs", "max_procs"}
FORK_SIZES = [("fork_exit_wait_0k", 0), ("fork_exit_wait_64k", 64),
              ("fork_exit_wait_1m", 1024), ("fork_exit_wait_8m", 8192),
              ("fork_exit_wait_32m", 32768)]

# Issue 13's "today" column (Clonix before issue 13, guest instructions)
# and its Linux 6.1 i386 column, measured by the issue's author.
ISSUE_TODAY = {
    "getppid": {"riscv": 172, "x86": 109},
    "vfork_exit_wait": {"riscv": 8943, "x86": 8519},
    "fork_exit_wait_0k": {"riscv": 436078, "x86": 1235406},
    "fork_exit_wait_1m": {"riscv": 1332713, "x86": 3062594},
    "fork_exit_wait_32m": {"riscv": 27420314, "x86": 56221818},
    "fork_exec_tiny_wait": {"riscv": 516131, "x86": 1385801},
    "fork_exec_true_wait": {"riscv": 2847581, "x86": 3182084},
    "fork_new_pages": {"riscv": 124, "x86": 184},
    "max_procs": {"riscv": 229, "x86": 150},
}
LINUX_I386 = {
    "getppid": 396, "fork_exit_wait_0k": 182710,
    "fork_exit_wait_1m": 277491, "fork_exit_wait_32m": 3090224,
    "vfork_exit_wait": 66387, "fork_exec_tiny_wait": 400017,
    "fork_exec_true_wait": 728790, "fork_new_pages": 14,
}
# This benchmark's own figures on main before issue 13 (commit d71f5f3,
# guest instructions): sched_yield is not in the issue's table, and the
# issue's vfork figure came from another program (this one measured
# 13,300 for the vfork alone and 6,000 for the wait4 there).
BENCH_BEFORE = {
    "clock_gettime": {"riscv": 37, "x86": 442},
    "getppid": {"riscv": 169, "x86": 86},
    "sched_yield": {"riscv": 222, "x86": 136},
    "fork_exit_wait_0k": {"riscv": 427963, "x86": 1247417},
    "fork_exit_wait_64k": {"riscv": 478163, "x86": 1358476},
    "fork_exit_wait_1m": {"riscv": 1221463, "x86": 2945052},
    "fork_exit_wait_8m": {"riscv": 6759763, "x86": 14793283},
    "fork_exit_wait_32m": {"riscv": 25749463, "x86": 55427453},
    "vfork_exit_wait": {"riscv": 19156, "x86": 20962},
    "fork_exec_tiny_wait": {"riscv": 488563, "x86": 1309322},
    "fork_exec_true_wait": {"riscv": 1286463, "x86": 4143102},
    "cow_first_write": {"riscv": 0, "x86": 19},
    "pipe_pingpong_0": {"riscv": 5921, "x86": 5299},
    "pipe_pingpong_100": {"riscv": 5921, "x86": 5049},
    "pipe_pingpong_1000": {"riscv": 6187, "x86": 5049},
    "yield_pingpong_0": {"riscv": 757, "x86": 435},
    "yield_pingpong_100": {"riscv": 757, "x86": 435},
    "yield_pingpong_1000": {"riscv": 757, "x86": 435},
    "fork_new_pages": {"riscv": 131, "x86": 188},
    "max_procs": {"riscv": 183, "x86": 113},
    "sh_true_loop": {"riscv": 628537763, "x86": 1907540693},
}

def targets():
    """The issue's targets: (figure, text, check(insn figures, arch) ->
    True/False, or None when a figure is missing)."""
    def le(name, limit):
        return lambda f, arch: (None if name not in f
                                else f[name]["median"] <= limit(arch))

    def ratio(f, arch):
        if "fork_exit_wait_32m" not in f or "fork_exit_wait_0k" not in f:
            return None
        return (f["fork_exit_wait_32m"]["median"]
                <= 1.5 * f["fork_exit_wait_0k"]["median"])

    def today(name, table):
        return lambda f, arch: (None if name not in f
                                or arch not in table[name]
                                else f[name]["median"] <= table[name][arch])

    return [
        ("getppid", "≤ today (172 / 109)", today("getppid", ISSUE_TODAY)),
        ("sched_yield", "≤ before issue 13 (222 / 136)",
         today("sched_yield", BENCH_BEFORE)),
        ("fork_exit_wait_0k", "≤ 35,000", le("fork_exit_wait_0k",
                                             lambda a: 35000)),
        ("fork_exit_wait_32m", "≤ 1.5 × untouched", ratio),
        ("vfork_exit_wait", "≤ today (8,943 / 8,519)",
         today("vfork_exit_wait", ISSUE_TODAY)),
        ("fork_exec_true_wait", "≤ 300,000", le("fork_exec_true_wait",
                                                lambda a: 300000)),
        ("fork_new_pages", "≤ 8", le("fork_new_pages", lambda a: 8)),
        ("min_procs", "≥ 2,500",
         lambda f, a: None if "min_procs" not in f
         else f["min_procs"]["median"] >= 2500),
    ]


# ---- running -------------------------------------------------------------

def make(arch, *args):
    cmd = ["make", "-s", f"ARCH={arch}", *args]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout


def qemu_argv(arch, extra=()):
    """make run's QEMU command (`make -s qemu-cmd`), plus extra options."""
    argv = shlex.split(make(arch, "qemu-cmd").strip())
    return argv + list(extra) + ["-no-reboot", "-append", ""]


class BenchError(Exception):
    pass


def boot(argv, log):
    """Start QEMU; return (pexpect child, seconds to the MenuOS prompt)."""
    t0 = time.monotonic()
    child = pexpect.spawn(argv[0], argv[1:], cwd=ROOT, encoding="utf-8",
                          codec_errors="replace", timeout=BOOT_TIMEOUT)
    child.logfile_read = log
    try:
        child.expect_exact(PROMPT)
    except (pexpect.TIMEOUT, pexpect.EOF):
        child.terminate(force=True)
        raise BenchError(f"no MenuOS prompt from {' '.join(argv)}")
    return child, time.monotonic() - t0


BAD = r"Kernel panic|Oops|BUG:|Unable to handle|general protection"


def run_bench(arch, unit, quick, log):
    """Boot (with -icount for insn), run /bin/bench; return its output."""
    argv = qemu_argv(arch, ICOUNT if unit == "insn" else ())
    child, _ = boot(argv, log)
    cmd = f"bench --unit {unit}" + (" --quick" if quick else "")
    child.send(cmd + "\r")
    try:
        i = child.expect([r"BENCH_DONE", BAD, PROMPT], timeout=RUN_TIMEOUT)
    except pexpect.TIMEOUT:
        child.terminate(force=True)
        raise BenchError(f"{arch}: `{cmd}` still running after "
                         f"{RUN_TIMEOUT} s (a hang?)")
    except pexpect.EOF:
        raise BenchError(f"{arch}: QEMU ended during `{cmd}`")
    out = child.before + child.after
    if i == 1:      # let the kernel finish its message, for the log
        try:
            child.expect(PROMPT, timeout=5)
        except (pexpect.TIMEOUT, pexpect.EOF):
            pass
        child.terminate(force=True)
        raise BenchError(f"{arch}: the kernel failed during `{cmd}`:\n"
                         + out[-3000:])
    child.terminate(force=True)
    if i == 2:
        raise BenchError(f"{arch}: `{cmd}` ended without BENCH_DONE:\n"
                         + out[-3000:])
    return out


LINE = re.compile(r"^(BENCH|BENCH_INFO|BENCH_NOTE|BENCH_ERROR) (.*?)\s*$",
                  re.M)


def number(v):
    try:
        return int(v)
    except ValueError:
        try:
            return float(v)
        except ValueError:
            return v


def parse(out):
    """The bench program's lines: {figures: {name: fields}, info, notes,
    errors}. A figure's median, min, max, rounds and reps are numbers."""
    res = {"figures": {}, "info": {}, "notes": [], "errors": []}
    for kind, rest in LINE.findall(out.replace("\r", "")):
        fields = dict(kv.split("=", 1) for kv in rest.split()
                      if "=" in kv)
        fields = {k: number(v) for k, v in fields.items()}
        if kind == "BENCH":
            res["figures"][fields["name"]] = fields
        elif kind == "BENCH_INFO":
            res["info"].update(fields)
        elif kind == "BENCH_NOTE":
            res["notes"].append(rest)
        else:
            res["errors"].append(rest)
    return res


def boot_times(arch, n, log):
    """Seconds from QEMU's start to the MenuOS prompt, n boots."""
    times = []
    for _ in range(n):
        child, t = boot(qemu_argv(arch), log)
        child.terminate(force=True)
        times.append(t)
    times.sort()
    return {"median": statistics.median(times), "min": times[0],
            "max": times[-1], "rounds": n, "unit": "s"}


def newc(entries):
    """A cpio archive (newc) of (name, mode, data) entries; data is bytes,
    or (major, minor) for a device node. Written here so that making
    /dev/console needs no root."""
    out = bytearray()
    for ino, (name, mode, data) in enumerate(
            entries + [("TRAILER!!!", 0, b"")], 1):
        rdev = data if isinstance(data, tuple) else (0, 0)
        body = b"" if isinstance(data, tuple) else data
        fields = [ino, mode, 0, 0, 1, 0, len(body), 0, 0, rdev[0], rdev[1],
                  len(name) + 1, 0]
        out += b"070701" + "".join(f"{v:08x}" for v in fields).encode()
        out += name.encode() + b"\0"
        out += b"\0" * (-len(out) % 4)
        out += body + b"\0" * (-len(body) % 4)
    return bytes(out)


def run_linux(vmlinuz, unit, quick, out_dir, log):
    """Linux booted with the i386 bench as init; return its output."""
    x86 = os.path.join(ROOT, "build", "x86")
    files = [("bin/bench", "rootfs/bin/bench"),
             ("bin/bench_tiny", "rootfs/bin/bench_tiny"),
             ("bin/true", "rootfs/bin/true"),
             ("bin/busybox", "busybox/busybox")]
    entries = [("bin", 0o40755, b""), ("dev", 0o40755, b""),
               ("proc", 0o40755, b""), ("tmp", 0o41777, b""),
               ("dev/console", 0o20600, (5, 1))]
    for name, path in files:
        with open(os.path.join(x86, path), "rb") as f:
            entries.append((name, 0o100755, f.read()))
    initrd = os.path.join(out_dir, "linux-initramfs.cpio")
    with open(initrd, "wb") as f:
        f.write(newc(entries))
    args = f"--unit {unit}" + (" --quick" if quick else "")
    argv = (["qemu-system-i386", "-M", "pc", "-m", "128M", "-nographic",
             "-no-reboot"] + (ICOUNT if unit == "insn" else [])
            + ["-kernel", vmlinuz, "-initrd", initrd, "-append",
               f"console=ttyS0 quiet rdinit=/bin/bench -- {args}"])
    child = pexpect.spawn(argv[0], argv[1:], cwd=ROOT, encoding="utf-8",
                          codec_errors="replace", timeout=RUN_TIMEOUT)
    child.logfile_read = log
    try:
        i = child.expect([r"BENCH_DONE", r"Kernel panic"])
    except (pexpect.TIMEOUT, pexpect.EOF):
        child.terminate(force=True)
        raise BenchError(f"Linux: no BENCH_DONE from {' '.join(argv)}")
    out = child.before + child.after
    child.terminate(force=True)
    if i == 1:
        raise BenchError("Linux panicked:\n" + out[-3000:])
    return out


def git_commit():
    proc = subprocess.run(["git", "describe", "--always", "--dirty"],
                          cwd=ROOT, capture_output=True, text=True)
    return proc.stdout.strip()


def collect(arches, quick, out_dir, linux=None):
    results = {"generated": datetime.datetime.now(datetime.timezone.utc)
               .strftime("%Y-%m-%d %H:%M UTC"),
               "commit": git_commit(), "quick": quick, "arches": {}}
    for arch in arches:
        print(f"bench: building {TITLE[arch]} ...", flush=True)
        make(arch, "all", "rootfs")
        r = {}
        with open(os.path.join(out_dir, f"{arch}.log"), "w") as log:
            for unit in ["insn", "ns"]:
                print(f"bench: {TITLE[arch]}, figures in {unit} ...",
                      flush=True)
                t = time.monotonic()
                r[unit] = parse(run_bench(arch, unit, quick, log))
                r[unit]["seconds"] = round(time.monotonic() - t, 1)
            print(f"bench: {TITLE[arch]}, boot time ...", flush=True)
            r["boot"] = boot_times(arch, 2 if quick else 5, log)
        results["arches"][arch] = r
    if linux:
        make("x86", "all", "rootfs")
        r = {"kernel": os.path.basename(linux)}
        with open(os.path.join(out_dir, "linux.log"), "w") as log:
            for unit in ["insn", "ns"]:
                print(f"bench: Linux i386, figures in {unit} ...",
                      flush=True)
                r[unit] = parse(run_linux(linux, unit, quick, out_dir, log))
        results["arches"]["linux"] = r
    return results


# ---- the report ----------------------------------------------------------

def fmt(v, unit):
    if v is None:
        return "—"
    if unit == "ns":        # wall: microseconds or milliseconds
        if v >= 1e6:
            return f"{v / 1e6:,.1f} ms"
        if v >= 1e3:
            return f"{v / 1e3:,.1f} µs"
        return f"{v:,.0f} ns"
    if unit == "s":
        return f"{v:,.2f} s"
    return f"{v:,.0f}"


def fig(results, arch, unit, name):
    r = results["arches"].get(arch, {}).get(unit, {})
    return r.get("figures", {}).get(name)


def cell(results, arch, unit, name):
    f = fig(results, arch, unit, name)
    if not f:
        return "—"
    s = fmt(f["median"], "ns" if unit == "ns" and name not in COUNTS
            else "")
    extra = []
    if "others" in f and name.endswith(("_100", "_1000")) \
            and str(f["others"]) != name.rsplit("_", 1)[1]:
        extra.append(f"{f['others']} others")
    if name in ("min_procs", "max_procs"):
        extra.append(f"then {f.get('error', '?')}")
    if name == "sh_true_loop":
        extra.append(f"{f.get('count', '?')} runs")
    return s + (f" ({', '.join(extra)})" if extra else "")


def verdicts(results, arches):
    """{figure: (target text, {arch: True/False/None})}."""
    out = {}
    for name, text, check in targets():
        out[name] = (text, {a: check(
            results["arches"].get(a, {}).get("insn", {}).get("figures", {}),
            a) for a in arches})
    return out


def markdown(results):
    arches = [a for a in COLUMNS if a in results["arches"]]
    v = verdicts(results, arches)
    mark = {True: "met", False: "**not met**", None: "—"}
    head = (["Figure"] + [f"{TITLE[a]} insn" for a in arches]
            + [f"{TITLE[a]} wall" for a in arches] + ["Target"]
            + [f"{TITLE[a]}" for a in arches])
    rows = []
    for name, label in FIGURES:
        row = [label]
        row += [cell(results, a, "insn", name) for a in arches]
        row += [("=" if name in COUNTS else cell(results, a, "ns", name))
                for a in arches]
        text, met = v.get(name, ("", {}))
        row.append(text)
        row += [mark[met.get(a)] if text else "" for a in arches]
        rows.append(row)
    row = ["boot: QEMU start to the MenuOS prompt (host)"]
    row += ["" for a in arches]
    row += [fmt(results["arches"][a]["boot"]["median"], "s")
            if "boot" in results["arches"][a] else "—" for a in arches]
    row += [""] + ["" for a in arches]
    rows.append(row)

    lines = [
        "# Clonix process-creation benchmark",
        "",
        f"Generated {results['generated']} from `{results['commit']}` by "
        f"`make bench`{' (quick)' if results.get('quick') else ''}: "
        "user/bench.c under QEMU (TCG). **insn**: guest instructions, "
        "with `-icount shift=0,align=off` (one guest ns = one "
        "instruction; exact and repeatable). **wall**: the same program "
        "without -icount, in this host's time (noisy). Each figure is "
        "the median of its rounds (min and max in results.json and "
        "below); counts (pages, processes) are the same in both runs.",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    lines += ["", "Targets from issue 13, judged on the instruction "
              "figures; \"today\" is the issue's own column (Clonix before "
              "issue 13, measured by the issue's author with another "
              "program). \"Before issue 13\" below is this benchmark on "
              "main at d71f5f3: it measured vfork + _exit + wait4 at "
              "19,156 / 20,962 there (13,300 for the vfork, 6,000 for the "
              "wait4 on RISC-V), so the issue's vfork figure is not met "
              "even by the kernel it came from.", ""]

    # The issue's reference columns, beside this run's.
    lines += ["## Beside the figures before issue 13 and the issue's "
              "(guest instructions)", ""]
    clonix = [a for a in arches if a in ARCHES]
    head2 = (["Figure"] + [f"{TITLE[a]} now" for a in arches]
             + [f"{TITLE[a]} before issue 13" for a in clonix]
             + [f"{TITLE[a]} issue's today" for a in clonix]
             + ["Linux 6.1 i386 (issue)"])
    lines += ["| " + " | ".join(head2) + " |", "|" + "---|" * len(head2)]
    for name, label in FIGURES:
        row = [label] + [cell(results, a, "insn", name) for a in arches]
        row += [fmt(BENCH_BEFORE.get(name, {}).get(a), "") for a in clonix]
        row += [fmt(ISSUE_TODAY.get(name, {}).get(a), "") for a in clonix]
        row.append(fmt(LINUX_I386.get(name), ""))
        lines.append("| " + " | ".join(row) + " |")

    lines += ["", "## Every figure: median (min – max), rounds", ""]
    head3 = ["Figure", "Unit"] + [TITLE[a] for a in arches]
    lines += ["| " + " | ".join(head3) + " |", "|" + "---|" * len(head3)]
    for unit in ["insn", "ns"]:
        for name, label in FIGURES:
            if unit == "ns" and name in COUNTS:
                continue
            cells = []
            for a in arches:
                f = fig(results, a, unit, name)
                cells.append("—" if not f else
                             f"{f['median']:,} ({f['min']:,} – "
                             f"{f['max']:,}), {f['rounds']}")
            u = (fig(results, arches[0], unit, name) or {}).get("unit",
                                                                 unit)
            lines.append(f"| {name} | {u} | " + " | ".join(cells) + " |")
    for a in arches:
        b = results["arches"][a].get("boot")
        if b:
            lines.append(f"| boot ({TITLE[a]}) | s | {b['median']:.2f} "
                         f"({b['min']:.2f} – {b['max']:.2f}), "
                         f"{b['rounds']} |")

    notes = []
    for a in arches:
        for unit in ["insn", "ns"]:
            r = results["arches"][a].get(unit, {})
            for n in r.get("notes", []):
                notes.append(f"- {TITLE[a]} ({unit}): {n}")
            for e in r.get("errors", []):
                notes.append(f"- {TITLE[a]} ({unit}): **error** {e}")
    if notes:
        lines += ["", "## Notes from the runs", ""] + notes
    lines += ["", "![fork cost against touched memory](fork-cost.svg)", ""]
    return "\n".join(lines)


def svg_chart(results):
    """Fork + _exit + wait4 in instructions against memory touched before
    the fork, both architectures (and the issue's Linux i386 points), on
    log-log axes; 0 touched sits one step left of 64 KiB."""
    W, H = 720, 440
    left, right, top, bottom = 90, 200, 40, 60
    pw, ph = W - left - right, H - top - bottom
    xs = [0, 64, 1024, 8192, 32768]          # KiB
    xlab = ["0", "64 KiB", "1 MiB", "8 MiB", "32 MiB"]
    lx0 = math.log2(64) - 2                 # where "0" goes
    lx1 = math.log2(32768)

    def X(kib):
        lx = lx0 if kib == 0 else math.log2(kib)
        return left + (lx - lx0) / (lx1 - lx0) * pw

    series = []
    colours = {"riscv": "#c0392b", "x86": "#2471a3", "linux": "#7f8c8d"}
    for a in COLUMNS:
        pts = [(kib, fig(results, a, "insn", n)) for n, kib in FORK_SIZES]
        pts = [(kib, f["median"]) for kib, f in pts if f]
        if pts:
            version = re.search(r"\d+\.\d+",
                                results["arches"][a].get("kernel", ""))
            label = (f"Clonix {TITLE[a]}" if a in ARCHES else
                     f"Linux {version.group() if version else ''} i386")
            series.append((label, colours[a], "6,4" if a == "linux" else "",
                           pts))
    if "linux" not in results["arches"]:
        linux = [(0, LINUX_I386["fork_exit_wait_0k"]),
                 (1024, LINUX_I386["fork_exit_wait_1m"]),
                 (32768, LINUX_I386["fork_exit_wait_32m"])]
        series.append(("Linux 6.1 i386 (issue 13)", colours["linux"], "6,4",
                        linux))
    values = [y for *_, pts in series for _, y in pts] + [35000]
    e0 = math.floor(math.log10(max(1, min(values))))
    e1 = math.ceil(math.log10(max(values)))
    if e1 == e0:
        e1 += 1

    def Y(v):
        return top + ph - (math.log10(max(v, 1)) - e0) / (e1 - e0) * ph

    o = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" '
         f'height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" '
         f'font-size="12">',
         f'<rect width="{W}" height="{H}" fill="white"/>',
         f'<text x="{W / 2}" y="22" '
         f'text-anchor="middle" font-size="15">fork + _exit + wait4: guest '
         f'instructions against memory touched before the fork</text>']
    for e in range(e0, e1 + 1):
        y = Y(10 ** e)
        o.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + pw}" '
                 f'y2="{y:.1f}" stroke="#ddd"/>')
        o.append(f'<text x="{left - 6}" y="{y + 4:.1f}" '
                 f'text-anchor="end">{10 ** e:,}</text>')
    for kib, lab in zip(xs, xlab):
        x = X(kib)
        o.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" '
                 f'y2="{top + ph}" stroke="#eee"/>')
        o.append(f'<text x="{x:.1f}" y="{top + ph + 18}" '
                 f'text-anchor="middle">{lab}</text>')
    o.append(f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" '
             f'fill="none" stroke="black"/>')
    o.append(f'<text x="{left + pw / 2}" y="{H - 15}" text-anchor="middle">'
             f'memory touched before the fork (log scale; 0 at the '
             f'left)</text>')
    o.append(f'<text x="20" y="{top + ph / 2}" text-anchor="middle" '
             f'transform="rotate(-90 20 {top + ph / 2})">guest instructions '
             f'(log scale)</text>')
    y = Y(35000)
    o.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + pw}" '
             f'y2="{y:.1f}" stroke="#27ae60" stroke-dasharray="2,3"/>')
    o.append(f'<text x="{left + pw - 4}" y="{y - 5:.1f}" text-anchor="end" '
             f'fill="#27ae60">target: 35,000</text>')
    for i, (label, colour, dash, pts) in enumerate(series):
        d = " ".join(f"{X(k):.1f},{Y(v):.1f}" for k, v in pts)
        o.append(f'<polyline points="{d}" fill="none" stroke="{colour}" '
                 f'stroke-width="2"'
                 + (f' stroke-dasharray="{dash}"' if dash else "") + '/>')
        for k, v in pts:
            o.append(f'<circle cx="{X(k):.1f}" cy="{Y(v):.1f}" r="3.5" '
                     f'fill="{colour}"><title>{xml_escape(label)}: '
                     f'{v:,.0f} at {k} KiB</title></circle>')
        ly = top + 20 + 22 * i
        o.append(f'<line x1="{left + pw + 15}" y1="{ly}" '
                 f'x2="{left + pw + 45}" y2="{ly}" stroke="{colour}" '
                 f'stroke-width="2"'
                 + (f' stroke-dasharray="{dash}"' if dash else "") + '/>')
        o.append(f'<text x="{left + pw + 50}" y="{ly + 4}">'
                 f'{xml_escape(label)}</text>')
    o.append("</svg>")
    return "\n".join(o) + "\n"


def write_outputs(results, out_dir):
    with open(os.path.join(out_dir, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
    md = markdown(results)
    with open(os.path.join(out_dir, "results.md"), "w") as f:
        f.write(md)
    with open(os.path.join(out_dir, "fork-cost.svg"), "w") as f:
        f.write(svg_chart(results))
    return md


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--arch", action="append", choices=ARCHES,
                    help="an architecture (repeatable; default both)")
    ap.add_argument("--quick", action="store_true",
                    help="few rounds, for the tests")
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "bench"))
    ap.add_argument("--linux", metavar="VMLINUZ",
                    help="add Linux i386 booted from VMLINUZ")
    ap.add_argument("--from-json", action="store_true",
                    help="redraw from the saved results.json")
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    if args.from_json:
        with open(os.path.join(args.out, "results.json")) as f:
            results = json.load(f)
    else:
        try:
            results = collect(args.arch or ARCHES, args.quick, args.out,
                              args.linux and os.path.abspath(args.linux))
        except BenchError as e:
            print(f"bench: {e}", file=sys.stderr)
            return 1
    md = write_outputs(results, args.out)
    print(md)
    print(f"bench: wrote {os.path.relpath(args.out, ROOT)}/results.md, "
          "results.json and fork-cost.svg")
    missing = [f"{a}/{u}/{n}" for a in results["arches"]
               for u in ["insn", "ns"] for n in FIGURE_NAMES
               if n not in results["arches"][a][u]["figures"]]
    if missing:
        print("bench: figures missing: " + ", ".join(missing),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
