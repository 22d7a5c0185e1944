#!/usr/bin/env python3
"""`make profile`: where the kernel spends a command's instructions, per
function — the question `make bench`'s totals leave open (which part of
fork + exit + wait costs what?).

For each architecture it builds Clonix, boots it in QEMU under
`-icount shift=0,align=off` with QEMU's own trace of the code it runs
(`-d in_asm,exec,nochain`: every translated block once, with its
instructions, and a line each time a block runs), and types the command
at the MenuOS prompt (default: `test_forkloop 200`, 200 rounds of fork,
child _exit, wait). Tracing of runs starts only at the prompt (QEMU's
monitor turns it on), so the boot is not counted. Each run of a block
adds its instruction count to the function it lies in (the kernel's
symbols, `nm vmlinux`); user code counts as <user>. It prints, and
writes to build/profile/<arch>.txt, the instructions per round (the
command's total divided by --rounds) of the busiest functions, and one
machine-readable PROFILE line per figure.

    scripts/bench/profile.py [--arch riscv --arch x86] [--rounds 200]
                             [--command 'test_forkloop {rounds}']
                             [--top 40] [--out build/profile]

A profile is exact for one build and boot (icount), but where a round's
copy-on-write faults fall can change with the build; `make bench` gives
the totals. The command's own start and prints are in the figures too,
spread over its rounds.
"""
import argparse
import bisect
import collections
import os
import re
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402  (scripts/bench/bench.py: make, qemu_argv, boot)

ROOT = bench.ROOT
NM = {"riscv": "riscv64-unknown-elf-nm", "x86": "nm"}
RUN_TIMEOUT = 1200
# -d in_asm: "0xffffffff8020e066:  1141  addi sp,sp,-16" (RISC-V),
# "0xc01012a0:  55  pushl %ebp" (i386), one per instruction of a block
# being translated; -d exec: "Trace 0: 0x7f.. [00000000/<pc>/...]".
INSN = re.compile(r"^0x([0-9a-f]+):")
EXEC = re.compile(r"^Trace \d+: 0x[0-9a-f]+ \[[0-9a-f]+/([0-9a-f]+)/")


class Monitor:
    """QEMU's human monitor on a unix socket."""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        for _ in range(100):
            try:
                self.sock.connect(path)
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise bench.BenchError("no QEMU monitor on " + path)
        self.read_until(b"(qemu) ")

    def read_until(self, marker):
        data = b""
        self.sock.settimeout(30)
        while marker not in data:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise bench.BenchError("the QEMU monitor closed")
            data += chunk
        return data

    def command(self, line):
        self.sock.sendall(line.encode() + b"\n")
        return self.read_until(b"(qemu) ")


def kernel_symbols(arch):
    """Sorted (address, name) of the kernel's functions."""
    vmlinux = os.path.join(ROOT, "build", arch, "vmlinux")
    out = subprocess.run([NM[arch], "-n", vmlinux], capture_output=True,
                         text=True, check=True).stdout
    syms = []
    for line in out.splitlines():
        p = line.split()
        if len(p) == 3 and p[1] in "tTwW":
            syms.append((int(p[0], 16), p[2]))
    return syms


def count_log(path):
    """Instructions run per block start address, from a QEMU log: each
    `Trace` line adds the size of the block at its pc as last translated
    (a block is translated again, maybe shorter, when icount cuts it)."""
    size, runs = {}, collections.Counter()
    start, n = None, 0
    with open(path, errors="replace") as f:
        for line in f:
            m = INSN.match(line)
            if m:
                if start is None:
                    start = int(m.group(1), 16)
                n += 1
                size[start] = n
                continue
            start, n = None, 0
            m = EXEC.match(line)
            if m:
                pc = int(m.group(1), 16)
                runs[pc] += size.get(pc, 0)
    return runs


def by_function(runs, syms):
    """Sum the instructions of runs into the kernel function each block
    starts in; below the kernel's first symbol: <user>."""
    addrs = [a for a, _ in syms]
    lowest = addrs[0]
    per = collections.Counter()
    for pc, insns in runs.items():
        if pc < lowest:
            per["<user>"] += insns
            continue
        i = bisect.bisect_right(addrs, pc) - 1
        per[syms[i][1]] += insns
    return per


def profile(arch, command, log):
    """Boot arch, run command at the prompt with tracing on; return the
    instructions per kernel function (a Counter)."""
    bench.make(arch, "all", "rootfs")
    with tempfile.TemporaryDirectory() as tmp:
        trace = os.path.join(tmp, "qemu.log")
        sock = os.path.join(tmp, "monitor")
        argv = bench.qemu_argv(arch, bench.ICOUNT + [
            "-d", "in_asm,nochain", "-D", trace,
            "-monitor", "unix:%s,server=on,wait=off" % sock])
        child, _ = bench.boot(argv, log)
        try:
            mon = Monitor(sock)
            mon.command("log in_asm,exec,nochain")
            child.send(command + "\r")
            child.expect_exact(bench.PROMPT, timeout=RUN_TIMEOUT)
            out = child.before
            mon.command("log in_asm,nochain")
        finally:
            child.terminate(force=True)
        if re.search(bench.BAD, out):
            raise bench.BenchError("%s: the kernel failed during `%s`:\n%s"
                                   % (arch, command, out[-3000:]))
        return by_function(count_log(trace), kernel_symbols(arch))


def report(arch, command, rounds, per, top):
    total = sum(per.values())
    lines = ["PROFILE arch=%s rounds=%d insns=%d per_round=%.0f "
             "command=%s" % (arch, rounds, total, total / rounds,
                             command.replace(" ", "_")),
             "", "%12s %6s  %s" % ("insns/round", "share", "function")]
    for name, n in per.most_common(top):
        lines.append("%12.1f %5.1f%%  %s" % (n / rounds, 100.0 * n / total,
                                             name))
    rest = total - sum(n for _, n in per.most_common(top))
    lines.append("%12.1f %5.1f%%  (%d other functions)" % (
        rest / rounds, 100.0 * rest / total, max(0, len(per) - top)))
    for name, n in per.most_common(top):
        lines.append("PROFILE_FN arch=%s name=%s per_round=%.1f" % (
            arch, name, n / rounds))
    return "\n".join(lines) + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--arch", action="append", choices=bench.ARCHES)
    ap.add_argument("--rounds", type=int, default=200)
    ap.add_argument("--command", default="test_forkloop {rounds}")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "profile"))
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    command = args.command.format(rounds=args.rounds)
    for arch in args.arch or bench.ARCHES:
        with open(os.path.join(args.out, arch + ".console.log"), "w") as log:
            try:
                per = profile(arch, command, log)
            except bench.BenchError as e:
                sys.exit("profile: %s" % e)
        text = report(arch, command, args.rounds, per, args.top)
        path = os.path.join(args.out, arch + ".txt")
        with open(path, "w") as f:
            f.write(text)
        print(text)
        print("profile: wrote %s" % os.path.relpath(path, ROOT))


if __name__ == "__main__":
    main()
