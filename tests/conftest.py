"""Shared test machinery: build Clonix once per architecture, and boot it in
QEMU under pexpect, waiting for what the console prints (never sleeping).

The QEMU command line is the one `make run` uses (see arch/*/Makefile); the
tests ask make for it with `make -s qemu-cmd`, so they boot exactly what a
student boots.

CLONIX_DEBUG=1 in the environment (`make test-debug`) runs every test on
the debug kernel (`make DEBUG=1`: UBSAN, slab and page poisoning, lock
checks): make is called with DEBUG=1, so the tests build and boot
build/<arch>-debug. Whatever kernel runs, a test whose console shows a
debug report fails (the boot fixture checks when the test ends).
"""
import os
import re
import shlex
import subprocess

import pexpect
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARCHES = ["riscv", "x86"]
# Architectures that run user programs (MenuOS as /init): all of them.
USER_ARCHES = ARCHES
BOOT_TIMEOUT = 60  # seconds; a boot takes well under one
DEBUG = os.environ.get("CLONIX_DEBUG", "") not in ("", "0")
# A debug report's lines (kernel/panic.c report_begin/report_end): the
# headings of lib/ubsan.c, mm/slab.c, mm/page_alloc.c, the lock checker
# and WARN_ON, and the line each report ends with.
DEBUG_REPORT = re.compile(r"^(UBSAN: .*|BUG [\w-]+: .*|BUG: (?!unable to "
                          r"handle).*|WARNING: .*|---\[ end of debug report.*)$",
                          re.M)


def make(*args, arch="riscv", debug=None):
    """Run make in the repository (for the debug kernel with
    CLONIX_DEBUG=1, or debug=True); fail the test with make's output."""
    debug = DEBUG if debug is None else debug
    cmd = ["make", "-s", f"ARCH={arch}", *(["DEBUG=1"] if debug else []),
           *args]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.fail(f"{' '.join(cmd)} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout


_built = set()


def build(arch, debug=None):
    """Build the kernel and the root filesystem for arch (once per session);
    debug: the debug kernel (default: as CLONIX_DEBUG says)."""
    debug = DEBUG if debug is None else debug
    if (arch, debug) not in _built:
        make("all", "rootfs", arch=arch, debug=debug)
        _built.add((arch, debug))
    return os.path.join(ROOT, "build", arch + ("-debug" if debug else ""))


def user_build(arch):
    """Where user space (rootfs, BusyBox) is built: build/<arch> for both
    kernels (the debug kernel boots the normal build's rootfs)."""
    build(arch)
    return os.path.join(ROOT, "build", arch)


def qemu_command(arch, boot="default", append="", initrd=True, mem="128M",
                 extra=(), debug=None):
    """make run's QEMU command; extra: more QEMU options (e.g. -icount);
    debug: boot the debug kernel (default: as CLONIX_DEBUG says)."""
    out = make("qemu-cmd", f"BOOT={boot}", f"MEM={mem}", arch=arch,
               debug=debug).strip()
    argv = shlex.split(out)
    if not initrd:
        i = argv.index("-initrd")
        del argv[i:i + 2]
    return argv + list(extra) + ["-no-reboot", "-append", append]


class Machine:
    """A running QEMU whose serial console we read and type into."""

    def __init__(self, argv):
        self.argv = argv
        self.child = pexpect.spawn(argv[0], argv[1:], cwd=ROOT,
                                   encoding="utf-8", codec_errors="replace",
                                   timeout=BOOT_TIMEOUT)
        self.output = ""
        self.expect_reports = False  # a test that provokes them says so

    def _fail(self, what):
        self.child.terminate(force=True)
        pytest.fail(f"{what}\n--- command: {' '.join(self.argv)}\n"
                    f"--- console so far:\n{self.output}{self.child.before}")

    def expect(self, pattern, timeout=BOOT_TIMEOUT):
        """Wait for a regular expression on the console; return the match."""
        try:
            self.child.expect(pattern, timeout=timeout)
        except pexpect.TIMEOUT:
            self._fail(f"timed out after {timeout}s waiting for {pattern!r}")
        except pexpect.EOF:
            self._fail(f"QEMU exited while waiting for {pattern!r}")
        self.output += self.child.before + self.child.after
        return self.child.match

    def sendline(self, line):
        self.child.send(line + "\r")

    PROMPT = r"MenuOS>>"

    def wait_prompt(self, timeout=BOOT_TIMEOUT):
        """Wait for MenuOS's prompt; return the console text before it."""
        self.expect(self.PROMPT, timeout=timeout)
        return self.child.before

    def run(self, command, timeout=BOOT_TIMEOUT):
        """Type a MenuOS command; return its output (up to the next
        prompt), with the echoed command line and CRs removed."""
        self.sendline(command)
        out = self.wait_prompt(timeout).replace("\r", "")
        first, _, rest = out.partition("\n")
        assert first.strip() == command, f"echo mismatch: {first!r}"
        return rest

    def drain(self):
        """Add what the console printed and no expect consumed yet."""
        self.output += self.child.buffer
        self.child.buffer = ""
        try:
            while True:
                self.output += self.child.read_nonblocking(65536, timeout=0)
        except (pexpect.TIMEOUT, pexpect.EOF, ValueError):  # ValueError: closed
            pass

    def debug_reports(self):
        """The debug-report lines the console has shown so far."""
        self.drain()
        return [m.group(0) for m in DEBUG_REPORT.finditer(
            self.output.replace("\r", ""))]

    def wait_exit(self, timeout=BOOT_TIMEOUT):
        """Wait for QEMU to end by itself; return (exit status, console)."""
        try:
            self.child.expect(pexpect.EOF, timeout=timeout)
        except pexpect.TIMEOUT:
            self._fail(f"QEMU still running after {timeout}s (a hang?)")
        self.output += self.child.before
        self.child.close()
        return self.child.exitstatus, self.output


def run_checks(m, command, timeout=120):
    """Run a user/include/check.h program at MenuOS; fail on any FAILED
    line or a missing summary; return its output."""
    out = m.run(command, timeout=timeout)
    summary = re.search(r"(\d+) checks, (\d+) failed", out)
    assert summary, f"no summary from {command}:\n{out}"
    failed = [l for l in out.splitlines() if "FAILED" in l]
    assert not failed, "\n".join(failed) + "\n--- output:\n" + out
    return out


def free_pages(m):
    """Free pages now, from /proc/meminfo's MemFree (in kB: free pages
    times 4, with 4 KiB pages on both architectures)."""
    out = m.run("cat /proc/meminfo")
    return int(re.search(r"MemFree:\s+(\d+) kB", out).group(1)) // 4


def slab_counts(m):
    """{cache name: objects in use}, from /proc/slabinfo (Linux's
    format: the name, then <active_objs>)."""
    out = m.run("cat /proc/slabinfo")
    counts = {}
    for line in out.splitlines():
        fields = line.split()
        if len(fields) > 2 and not line.startswith(("slabinfo", "#")):
            counts[fields[0]] = int(fields[1])
    assert counts, f"no caches in /proc/slabinfo:\n{out}"
    return counts


def leak_baseline(m):
    """What assert_no_leak compares with: free pages and every cache."""
    return free_pages(m), slab_counts(m)


def assert_no_leak(m, before, what="the test"):
    """Free pages and every slab cache's objects are back at the baseline
    leak_baseline(m) took; a failure names the caches that changed."""
    pages, slabs = before
    now_pages, now_slabs = free_pages(m), slab_counts(m)
    changed = {c: now_slabs.get(c, 0) - slabs.get(c, 0)
               for c in set(slabs) | set(now_slabs)
               if now_slabs.get(c, 0) != slabs.get(c, 0)}
    assert now_pages == pages and not changed, (
        f"{what} leaked: free pages {pages} -> {now_pages}; objects "
        f"gained per cache: {changed or 'none'}")


@pytest.fixture
def menu(boot):
    """menu(arch, **opts): a machine booted to the MenuOS prompt."""

    def start(arch, **opts):
        m = boot(arch, **opts)
        m.wait_prompt()
        return m

    return start


@pytest.fixture
def boot():
    """boot(arch, **opts) starts a machine; it is killed after the test."""
    machines = []

    def start(arch, **opts):
        build(arch, debug=opts.get("debug"))
        m = Machine(qemu_command(arch, **opts))
        machines.append(m)
        return m

    yield start
    reports = []
    for m in machines:
        if not m.expect_reports:
            reports += m.debug_reports()
        if m.child.isalive():
            m.child.terminate(force=True)
    if reports:
        pytest.fail("the kernel reported a bug during the test:\n" +
                    "\n".join(reports))


def nm_functions(arch):
    """The function symbols of build/<arch>/vmlinux."""
    nm = {"riscv": "riscv64-unknown-elf-nm",
          "x86": "i686-linux-gnu-nm"}[arch]
    out = subprocess.run([nm, os.path.join(build(arch), "vmlinux")],
                         capture_output=True, text=True, check=True).stdout
    return {f[2] for f in (l.split() for l in out.splitlines())
            if len(f) == 3 and f[1] in "Tt"}


def load_lab_trace():
    """scripts/lab/trace.py (the live lab traces), loaded by path: the
    standard library has a module called trace too."""
    import importlib.util
    path = os.path.join(ROOT, "scripts", "lab", "trace.py")
    spec = importlib.util.spec_from_file_location("clonix_lab_trace", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def strip_ansi(s):
    return re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", s)
