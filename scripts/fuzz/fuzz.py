#!/usr/bin/env python3
"""`make fuzz`: the system-call fuzzer (user/fuzz.c) on Clonix in QEMU.

For each architecture it builds Clonix (make all rootfs), boots it to the
MenuOS prompt and types `fuzz -s SEED -n CALLS`, showing the output as it
comes. The seed is random unless given, the same for every architecture,
and printed first with the command that replays it. A run passes when the
fuzzer's summary says no leak, no lost task and a kernel that still
answers, and the console shows no kernel report (panic, Oops, BUG,
WARNING); the exit status says whether every architecture passed.

    scripts/fuzz/fuzz.py [--arch riscv --arch x86] [--calls N] [--seed S]
                         [--verbose]

--verbose: fuzz -v, every call printed before it is made (for a replay:
    the last call before a crash is the one that made it).
"""
import argparse
import os
import random
import re
import shlex
import subprocess
import sys
import time

import pexpect

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PROMPT = "MenuOS>>"
BOOT_TIMEOUT = 120
# What the kernel prints when it fails (include/linux/printk.h's BUG_ON
# and WARN_ON, the architectures' Oops and fault reports, panic).
KERNEL_REPORT = re.compile(r"panic|Oops|\bBUG\b|WARNING")
SUMMARY = re.compile(
    r"fuzz: summary: seed (\S+) calls (\d+) batches (\d+) timeouts (\d+) "
    r"stalled (\d+) stopped (\d+) crashed (\d+) leaks (\d+) lost (\d+) "
    r"dead (\d+) seconds ([\d.]+)")
FIELDS = ["seed", "calls", "batches", "timeouts", "stalled", "stopped",
          "crashed", "leaks", "lost", "dead", "seconds"]


def make(arch, *args):
    return subprocess.run(["make", "-s", f"ARCH={arch}", *args], cwd=ROOT,
                          check=True, capture_output=True, text=True).stdout


def kernel_reports(console):
    """Console lines that are kernel failure reports (not the fuzzer's
    own lines, which quote no such words but may echo its arguments)."""
    return [line for line in console.splitlines()
            if KERNEL_REPORT.search(line) and not line.startswith("fuzz:")]


def parse_summary(text):
    m = SUMMARY.search(text)
    if not m:
        return None
    out = dict(zip(FIELDS, m.groups()))
    for k in FIELDS[1:-1]:
        out[k] = int(out[k])
    out["seconds"] = float(out["seconds"])
    return out


def run_arch(arch, seed, calls, verbose=False, echo=True, timeout=None):
    """Boot arch, run the fuzzer; return (summary dict or None, console)."""
    make(arch, "all", "rootfs")
    argv = shlex.split(make(arch, "qemu-cmd").strip())
    argv += ["-no-reboot", "-append", ""]
    child = pexpect.spawn(argv[0], argv[1:], cwd=ROOT, encoding="utf-8",
                          codec_errors="replace", timeout=BOOT_TIMEOUT)
    if echo:
        child.logfile_read = sys.stdout
    console = ""
    try:
        child.expect(PROMPT)
        console += child.before + child.after
        cmd = f"fuzz -s {seed} -n {calls}" + (" -v" if verbose else "")
        child.send(cmd + "\r")
        # A minute to start, then generously: QEMU makes 1,000 to 5,000
        # calls a second here.
        child.expect(PROMPT, timeout=timeout or 120 + calls // 200)
        console += child.before + child.after
    except (pexpect.TIMEOUT, pexpect.EOF) as e:
        console += child.before if isinstance(child.before, str) else ""
        print(f"\nfuzz: {arch}: QEMU {'hung' if isinstance(e, pexpect.TIMEOUT) else 'ended'}"
              " before the fuzzer finished", file=sys.stderr)
    finally:
        child.terminate(force=True)
    return parse_summary(console), console


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--arch", action="append", choices=["riscv", "x86"])
    ap.add_argument("--calls", type=int, default=1000000)
    ap.add_argument("--seed")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    arches = args.arch or ["riscv", "x86"]
    seed = args.seed or hex(random.getrandbits(64))
    print(f"fuzz: seed {seed}, {args.calls} calls on {' and '.join(arches)}"
          f"\nfuzz: replay with: make fuzz ARCH=<arch> FUZZ_SEED={seed} "
          f"FUZZ_CALLS={args.calls}", flush=True)
    results, ok = {}, True
    for arch in arches:
        t0 = time.time()
        summary, console = run_arch(arch, seed, args.calls, args.verbose)
        reports = kernel_reports(console)
        good = (summary is not None and not reports and summary["leaks"] == 0
                and summary["lost"] == 0 and summary["dead"] == 0)
        ok &= good
        results[arch] = (summary, reports, time.time() - t0, good)
    print("\nfuzz: results (seed %s)" % seed)
    for arch, (summary, reports, wall, good) in results.items():
        if summary:
            rate = summary["calls"] / max(summary["seconds"], 0.001)
            print(f"  {arch}: {'ok' if good else 'FAILED'}: "
                  f"{summary['calls']} calls in {summary['batches']} batches,"
                  f" {rate:.0f} calls/s, leaks {summary['leaks']}, lost "
                  f"{summary['lost']}, dead {summary['dead']}, crashed "
                  f"batches {summary['crashed']}, timeouts "
                  f"{summary['timeouts']}, stalled {summary['stalled']}")
        else:
            print(f"  {arch}: FAILED: no summary from the fuzzer")
        for line in reports[:20]:
            print(f"  {arch}: kernel report: {line}")
    if not ok:
        print(f"fuzz: replay: make fuzz ARCH=<arch> FUZZ_SEED={seed} "
              f"FUZZ_CALLS={args.calls}  (fuzz -v at the prompt prints "
              f"each call)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
