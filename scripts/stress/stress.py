#!/usr/bin/env python3
"""`make stress`: the soak (issue 14, point 4), on both architectures.

For each architecture it builds Clonix (make all rootfs), boots it in QEMU
(the command `make run` uses) and at the MenuOS prompt

 1. runs a small `stress` (a warm-up: every cache gets its slabs),
 2. takes a baseline: free pages (/proc/meminfo) and every slab cache's
    objects in use (/proc/slabinfo),
 3. runs `stress -r ROUNDS ...` (user/stress.c), printing its lines as they
    come: one per phase with its figures (rounds, wraps of pid_max, time),
 4. compares free pages and every cache with the baseline, and looks for a
    kernel report (BUG, WARNING, panic, Oops, sanitizer) on the console.

Then it prints a table per architecture (rounds, rounds per second, wraps)
and writes it to build/stress/results.md (each console to
build/stress/ARCH.log). It exits non-zero if any check failed on any
architecture.

    scripts/stress/stress.py [--arch riscv --arch x86] [--rounds 1000000]
        [--low-rounds N] [--low-pid-max 1000] [--threads 1000]
        [--bomb 200] [--orphans 1000] [--pingpongs 10000]

--low-rounds: rounds run with pid_max lowered to --low-pid-max, so the pids
    wrap many times more (default: a tenth of --rounds). The --rounds
    themselves run at the default pid_max, 32768, and wrap there.
"""
import argparse
import os
import re
import sys
import time

import pexpect

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests"))
import conftest  # noqa: E402  (build, qemu_command, Machine, leak helpers)

PROMPT = "MenuOS>>"
KERNEL_REPORT = re.compile(r"\bBUG\b|WARNING|Kernel panic|Oops|UBSAN|"
                           r"use-after-free|redzone|poison", re.I)


def run_streaming(m, command, timeout):
    """Type command at MenuOS and print its output line by line until the
    prompt comes back; return the output."""
    m.sendline(command)
    out = []
    start = time.time()
    while True:
        left = timeout - (time.time() - start)
        i = m.child.expect([r"\r?\n", PROMPT, pexpect.EOF],
                           timeout=max(left, 1))
        text = m.child.before + (m.child.after if i < 2 else "")
        m.output += text
        if i == 0:
            line = text.strip("\r\n")
            out.append(line)
            if line.startswith("stress: ") and not line.endswith(": ok"):
                print(f"  {line}", flush=True)
        elif i == 1:
            return "\n".join(out[1:])    # without the echoed command
        else:
            raise RuntimeError("QEMU exited during the run")


def soak(arch, args):
    """One architecture: the figures and the problems found."""
    print(f"== {arch}: building and booting", flush=True)
    conftest.build(arch)
    m = conftest.Machine(conftest.qemu_command(arch))
    problems = []
    try:
        m.wait_prompt()
        warm = m.run("stress -r 500 -l 500 -t 50 -b 20 -o 20 -p 40", 600)
        if not re.search(r"stress: \d+ checks, 0 failed", warm):
            problems.append("the warm-up failed:\n" + warm)
        before = conftest.leak_baseline(m)
        cmd = (f"stress -r {args.rounds} -l {args.low_rounds} "
               f"-m {args.low_pid_max} -t {args.threads} -b {args.bomb} "
               f"-o {args.orphans} -p {args.pingpongs}")
        print(f"== {arch}: {cmd}", flush=True)
        t0 = time.time()
        out = run_streaming(m, cmd, timeout=args.timeout)
        wall = time.time() - t0
        summary = re.search(r"stress: (\d+) checks, (\d+) failed", out)
        if not summary or summary.group(2) != "0":
            problems.append("stress reported failures:\n" + "\n".join(
                l for l in out.splitlines() if "FAILED" in l))
        try:
            conftest.assert_no_leak(m, before, "the soak")
        except AssertionError as e:
            problems.append(str(e))
        report = [l for l in m.output.splitlines() if KERNEL_REPORT.search(l)]
        if report:
            problems.append("kernel report on the console:\n" +
                            "\n".join(report))
    finally:
        m.child.terminate(force=True)
        out_dir = os.path.join(ROOT, "build", "stress")
        os.makedirs(out_dir, exist_ok=True)
        with open(os.path.join(out_dir, f"{arch}.log"), "w") as f:
            f.write(m.output)    # the whole console, for a failure
    figures = {"wall": wall}
    for name in ("fork", "fork-low"):
        f = re.search(rf"^stress: {name}: (rounds=.*)$", out, re.M)
        if f:
            figures[name] = dict(re.findall(r"(\w+)=(\S+)", f.group(1)))
    return figures, problems


def table(results):
    rows = ["| | " + " | ".join(results) + " |",
            "|---|" + "---|" * len(results)]

    def row(label, get):
        cells = []
        for arch in results:
            try:
                cells.append(get(results[arch][0]))
            except (KeyError, ValueError):
                cells.append("—")
        rows.append(f"| {label} | " + " | ".join(cells) + " |")

    row("fork rounds (pid_max 32768)", lambda f: f"{int(f['fork']['rounds']):,}")
    row("… rounds per second", lambda f: f["fork"]["rate"].rstrip("/s"))
    row("… wraps of pid_max", lambda f: f["fork"]["wraps"])
    row("… zombies held / crossed / pid reused",
        lambda f: "{zombies} / {crossed} / {reused}".format(**f["fork"]))
    row("rounds with pid_max lowered",
        lambda f: "{:,} (pid_max {})".format(int(f["fork-low"]["rounds"]),
                                            f["fork-low"]["pid_max"]))
    row("… wraps", lambda f: f["fork-low"]["wraps"])
    row("whole run, wall", lambda f: f"{f['wall']:.0f} s")
    return "\n".join(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--arch", action="append", choices=conftest.ARCHES)
    ap.add_argument("--rounds", type=int, default=1000000)
    ap.add_argument("--low-rounds", type=int)
    ap.add_argument("--low-pid-max", type=int, default=1000)
    ap.add_argument("--threads", type=int, default=1000)
    ap.add_argument("--bomb", type=int, default=200)
    ap.add_argument("--orphans", type=int, default=1000)
    ap.add_argument("--pingpongs", type=int, default=10000)
    ap.add_argument("--timeout", type=int, default=3 * 3600,
                    help="seconds for one architecture's run")
    args = ap.parse_args()
    if args.low_rounds is None:
        args.low_rounds = args.rounds // 10
    results, failed = {}, False
    for arch in args.arch or conftest.ARCHES:
        try:
            results[arch] = soak(arch, args)
        except BaseException as e:   # pytest.fail's exception included
            if isinstance(e, KeyboardInterrupt):
                raise
            results[arch] = ({}, [f"{type(e).__name__}: {e}"])
        for p in results[arch][1]:
            print(f"!! {arch}: {p}")
        failed |= bool(results[arch][1])
        print(f"== {arch}: {'FAILED' if results[arch][1] else 'ok'}",
              flush=True)
    text = table(results)
    out_dir = os.path.join(ROOT, "build", "stress")
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "results.md"), "w") as f:
        f.write(text + "\n")
    print(text)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
