"""The debug kernel (`make DEBUG=1`, issue 14 point 5): each of its checkers
-- GCC's undefined-behaviour sanitizer with the kernel's own reporters,
slab redzones and poison, page poisoning, the lock checker, BUG_ON and
WARN_ON -- reports the fault it exists for, with the kind, the place and
a backtrace, and ends QEMU with a failure status; and the debug kernel
runs ordinary programs without a single report.

Each fault is committed on purpose by the boot option
debug_selftest=<fault> (lib/test_debug.c, built into debug kernels only);
the line that commits it carries a comment with the fault's name, which is
how these tests know the file:line the report must name."""
import os
import re

import pytest

from conftest import ARCHES, ROOT, leak_baseline, assert_no_leak, run_checks

SELFTEST_SRC = os.path.join(ROOT, "lib", "test_debug.c")


def marked_line(fault):
    """The line of lib/test_debug.c marked /* fault */."""
    with open(SELFTEST_SRC) as f:
        for number, line in enumerate(f, 1):
            if line.rstrip().endswith(f"/* {fault} */"):
                return number
    raise AssertionError(f"no line marked /* {fault} */ in {SELFTEST_SRC}")


def here(fault):
    return rf"lib/test_debug\.c:{marked_line(fault)}"


# fault -> the lines its report must show, in order (regular expressions;
# HERE stands for the marked file:line).
REPORTS = {
    "ubsan-shift": [r"UBSAN: shift-out-of-bounds in HERE:\d+",
                    r"shift exponent 40 is too large for 32-bit type 'int'"],
    "ubsan-overflow": [r"UBSAN: signed-integer-overflow in HERE:\d+",
                       r"2147483647 \+ 1 cannot be represented in type "
                       r"'int'"],
    "ubsan-bounds": [r"UBSAN: array-index-out-of-bounds in HERE:\d+",
                     r"index 4 is out of range for type 'int \[4\]'"],
    "ubsan-null": [r"UBSAN: null-ptr-deref in HERE:\d+",
                   r"load of null pointer of type 'int'"],
    "ubsan-divide": [r"UBSAN: division-overflow in HERE:\d+",
                     r"division of 1 by zero"],
    "ubsan-align": [r"UBSAN: misaligned-access in HERE:\d+",
                    r"load of misaligned address 0x[0-9a-f]+ for type 'int' "
                    r"which requires 4 byte alignment"],
    "slab-overflow": [r"BUG debug_selftest: Right Redzone overwritten",
                      r"object 0x[0-9a-f]+ \(44 bytes, slot \d+\) in cache "
                      r"debug_selftest: byte at offset 44 is 0x78, "
                      r"expected 0xcc",
                      r"kmem_cache_free\+", r"test_slab\+"],
    "slab-uaf": [r"BUG debug_selftest: Poison overwritten \(use after free\)",
                 r"in cache debug_selftest: byte at offset 8 is 0x78, "
                 r"expected 0x6b",
                 r"kmem_cache_alloc\+", r"test_slab\+"],
    "slab-double-free": [r"BUG debug_selftest: Object already free "
                         r"\(double free\)",
                         r"kmem_cache_free\+", r"test_slab\+"],
    "page-poison": [r"BUG: page poison overwritten \(use after free\)",
                    r"byte at offset 0x64 is 0x78, expected 0xaa",
                    r"__alloc_pages\+", r"test_page_poison\+"],
    "lock-unowned": [r"BUG: spinlock already unlocked on CPU#0, "
                     r"kernel_init/1",
                     r"do_raw_spin_unlock\+", r"test_locks\+"],
    "lock-recursive": [r"BUG: spinlock recursion on CPU#0, kernel_init/1",
                       r"\.owner: kernel_init/1, \.owner_cpu: 0",
                       r"taken at: test_locks\+",
                       r"do_raw_spin_lock\+", r"test_locks\+"],
    "lock-sleep": [r"BUG: scheduling while atomic: kernel_init/1/0x00000001",
                   r"schedule\+", r"msleep\+", r"test_locks\+"],
    "rwsem-recursive": [r"BUG: rwsem recursive down_write \(self-deadlock\):"
                        r" kernel_init/1",
                        r"down_write\+", r"test_locks\+"],
    "bug": [r"Kernel panic - not syncing: BUG at HERE: one",
            r"debug_selftest\+"],
    "warn": [r"WARNING: at HERE: one", r"debug_selftest\+"],
}
# i386 does misaligned accesses in hardware: the alignment check is
# RISC-V's only (the Makefile's UBSAN_CHECKS).
CASES = [(arch, fault) for arch in ARCHES for fault in REPORTS
         if not (fault == "ubsan-align" and arch == "x86")]


@pytest.mark.parametrize("arch,fault", CASES)
def test_debug_kernel_reports_the_fault_and_fails(boot, arch, fault):
    m = boot(arch, debug=True, append=f"debug_selftest={fault}")
    m.expect_reports = True
    m.expect(rf"debug_selftest={fault}: committing the fault on purpose")
    status, console = m.wait_exit()
    console = console.replace("\r", "")
    assert "no report" not in console, console
    pos = 0
    for pattern in REPORTS[fault]:
        found = re.compile(pattern.replace("HERE", here(fault))).search(
            console, pos)
        assert found, (f"{fault}: no {pattern!r} in the report (in order)"
                       f"\n--- console:\n{console}")
        pos = found.end()
    assert status not in (0, None), (
        f"QEMU exited with {status}, not a failure status\n{console}")


@pytest.mark.parametrize("arch", ARCHES)
def test_debug_kernel_runs_programs_without_a_report(menu, arch):
    """The debug kernel boots and runs programs that fork, share memory
    copy-on-write, use pipes and threads, and leaks nothing: no report
    (the boot fixture fails the test on any)."""
    m = menu(arch, debug=True)
    out = m.run("cat /proc/slabinfo")
    # <objsize> is the slot, as Linux shows it: kmalloc-64's 64 bytes, a
    # redzone and the free pointer; <objperslab> of them fit the slab.
    objsize, perslab, pages = map(int, re.search(
        r"^kmalloc-64\s+\d+\s+\d+\s+(\d+)\s+(\d+)\s+(\d+)", out,
        re.M).groups())
    assert objsize > 64 and perslab * objsize <= pages * 4096, out
    programs = ("test_cow", "test_pipe", "test_pthread", "test_futex")
    # Once to warm up (the first run of a program leaves caches grown),
    # then again, leak-checked.
    for rnd in range(2):
        if rnd:
            before = leak_baseline(m)
        for program in programs:
            run_checks(m, program)
        assert "Child Complete!" in m.run("fork")
    assert_no_leak(m, before, ", ".join(programs) + " and fork")
    assert m.debug_reports() == []


@pytest.mark.parametrize("arch", ARCHES)
def test_normal_kernel_has_no_debug_selftest(menu, arch):
    """The checkers are the debug kernel's only: the normal kernel ignores
    the boot option and comes up as usual."""
    m = menu(arch, debug=False, append="debug_selftest=slab-uaf")
    assert "committing the fault" not in m.output
    assert m.debug_reports() == []
