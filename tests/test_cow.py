"""Copy-on-write fork, demand paging and exact page accounting (issue 13):
user/test_cow.c checks what fork(2), mmap(2), mprotect(2), madvise(2) and
vfork(2) promise about who sees which write (the same program passes on a
Linux host); its other modes, run here on Clonix only, use up memory on
purpose and read /proc/meminfo to see what pages cost. After every run
the machine's free pages are back exactly where they were, and the
kernel carries on.
"""
import re

import pytest

from conftest import (USER_ARCHES, assert_no_leak, free_pages, leak_baseline,
                      run_checks)

pytestmark = pytest.mark.parametrize("arch", USER_ARCHES)

def assert_kernel_lives(m):
    """The machine still forks, execs and waits after the test."""
    out = m.run("fork")
    assert "Child Complete!" in out, out


def run_twice_exactly(m, command, timeout=120):
    """Run a check program once to warm the kernel's caches up, then
    again: every check passes, and the second run leaves the free pages
    exactly as it found them. Returns the second run's output."""
    run_checks(m, command, timeout=timeout)
    before = free_pages(m)
    out = run_checks(m, command, timeout=timeout)
    after = free_pages(m)
    assert after == before, \
        f"{command} left {before - after} pages behind:\n{out}"
    return out


def test_parent_and_child_each_see_only_their_own_writes(menu, arch):
    """Data, bss, heap, mmap, stack, MAP_PRIVATE and MAP_SHARED memory,
    three generations, deep recursion, mprotect (before and after fork),
    MADV_DONTNEED, a signal frame and other pages the kernel writes, 8
    MiB of sparse writes, pages first touched after fork,
    munmap/mprotect/mremap/brk/execve in one of the two (mremap into a
    page table both still share), madvise DONTFORK/WIPEONFORK, vfork, and
    files that shrink under a mapping or a program. Each scenario runs in
    a process of its own, and gives back every page."""
    m = menu(arch)
    run_checks(m, "test_cow")  # warm up: the first run grows caches
    before = leak_baseline(m)
    out = run_checks(m, "test_cow exact")
    assert_no_leak(m, before, "test_cow exact")
    assert "skipped" not in out, out
    assert_kernel_lives(m)


def test_a_1_gib_reservation_costs_nothing_until_touched(menu, arch):
    m = menu(arch)
    out = run_twice_exactly(m, "test_cow reserve")
    print(re.search(r"cow: reserve: mmap cost.*", out).group(0))


def test_touching_more_than_memory_kills_that_process_not_the_kernel(
        menu, arch):
    """1 GiB touched in a 128 MiB machine, by the program itself and by
    read() from /dev/zero: the toucher dies of SIGKILL (or the read
    fails), its parent carries on, and every page comes back."""
    m = menu(arch)
    out = run_twice_exactly(m, "test_cow exhaust")
    assert re.search(r"Out of memory: killed process \d+ \(test_cow\)",
                     out), out
    assert_kernel_lives(m)


def test_fork_costs_a_few_pages_and_each_written_page_one(menu, arch):
    """A process with 32 MiB touched forks for fewer than 64 new pages;
    each page either side then writes costs one page; once the child is
    gone the parent writes its pages in place."""
    m = menu(arch)
    out = run_twice_exactly(m, "test_cow cost")
    print("\n".join(re.findall(r"cow: cost: .*pages.*", out)))


def test_fork_when_memory_is_exhausted_fails_with_enomem_and_leaks_nothing(
        menu, arch):
    """Memory filled to 32 and 600 free pages, then fork until it fails:
    each failure is ENOMEM (mid-way through copying 64 page tables, or
    earlier) and the forker lives. Then every failure point in turn:
    memory filled to 1 free page, one more given back after each failed
    fork, until one succeeds — some 70 failures, each a step further into
    copy_process, each undone exactly. Every page comes back."""
    m = menu(arch)
    out = run_twice_exactly(m, "test_cow forkoom", timeout=240)
    print("\n".join(re.findall(r"cow: forkoom.*the forker (?:exited|killed).*", out)))
    assert_kernel_lives(m)


def test_cow_fault_without_a_free_page_kills_the_faulting_process(menu,
                                                                   arch):
    """Parent and child both write every page of 60% of memory shared
    copy-on-write: there is not room for both, so one of them is
    SIGKILLed when its write fault finds no page; the other finishes
    with its own data; the kernel lives and every page comes back. Then
    munmap, mprotect, madvise and mremap over page tables a child still
    shares, with no free page left: each works or fails with ENOMEM, and
    does exactly what it said it did."""
    m = menu(arch)
    out = run_twice_exactly(m, "test_cow cowoom", timeout=240)
    print("\n".join(re.findall(r"cow: (?:cowoom|unshareoom): .*(?:finish|child exited|child killed).*", out)))
    assert re.search(r"Out of memory: killed process \d+ \(test_cow\)",
                     out), out
    assert_kernel_lives(m)
