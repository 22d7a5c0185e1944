"""The kernel's memory primitives (issue 13): each architecture's memcpy,
memmove and memset (arch/riscv/lib/memcpy.S and memset.S,
arch/x86/lib/memcpy_32.c) and its copy_to_user/copy_from_user
(arch/*/lib/uaccess.S) move words whatever the alignment, and stay exact.

- The architecture's own memcpy/memmove/memset, built into a user program
  (tests/unit/arch/test_arch_string.c) and run under qemu-riscv64 or
  qemu-i386: every alignment and length against a byte loop, every
  memmove overlap, and no access past a page the copy does not need.
- user/test_copy.c in Clonix: bytes through a pipe and a file at every
  source/destination alignment, and partial copies that stop exactly at
  an inaccessible page (Linux's semantics).
"""
import os
import re
import subprocess

import pytest

from conftest import ROOT, USER_ARCHES, run_checks

pytestmark = pytest.mark.parametrize("arch", USER_ARCHES)

RENAME = ["-Dmemcpy=arch_memcpy", "-Dmemmove=arch_memmove",
          "-Dmemset=arch_memset"]
HARNESS = os.path.join(ROOT, "tests", "unit", "arch", "test_arch_string.c")


def build_harness(arch, tmp_path):
    """The harness linked with arch's own string functions, renamed so
    libc's stay libc's; returns the command that runs it."""
    exe = str(tmp_path / "test_arch_string")
    if arch == "riscv":
        cc = "riscv64-linux-gnu-gcc"
        inc = ["-I", os.path.join(ROOT, "arch/riscv/include"),
               "-I", os.path.join(ROOT, "include")]
        objs = []
        for src in ("memcpy.S", "memset.S"):
            obj = str(tmp_path / (src + ".o"))
            subprocess.run([cc, "-D__ASSEMBLY__", *RENAME, *inc, "-c", "-o",
                            obj, os.path.join(ROOT, "arch/riscv/lib", src)],
                           check=True)
            objs.append(obj)
        run = ["qemu-riscv64", exe]
    else:
        cc = "i686-linux-gnu-gcc"
        obj = str(tmp_path / "memcpy_32.o")
        subprocess.run([cc, "-O2", "-ffreestanding", "-fno-builtin", *RENAME,
                        "-I", os.path.join(ROOT, "include"),
                        "-I", os.path.join(ROOT, "arch/x86/include"), "-c",
                        "-o", obj, os.path.join(ROOT, "arch/x86/lib",
                                                "memcpy_32.c")], check=True)
        objs = [obj]
        # Under qemu-user, as RISC-V's: not every x86-64 host kernel runs
        # i386 programs itself (IA32 emulation may be left out).
        run = ["qemu-i386", exe]
    subprocess.run([cc, "-O2", "-static", "-Wall", "-Wextra", "-Werror",
                    "-o", exe, HARNESS, *objs], check=True)
    return run


def test_arch_memcpy_memmove_memset_are_exact_at_every_alignment(arch,
                                                                  tmp_path):
    run = subprocess.run(build_harness(arch, tmp_path), capture_output=True,
                         text=True, timeout=300)
    out = run.stdout + run.stderr
    m = re.search(r"(\d+) passed, (\d+) failed", out)
    assert m and run.returncode == 0 and m.group(2) == "0", out
    assert int(m.group(1)) > 100000, out


def test_user_copies_are_exact_at_every_alignment_and_stop_at_a_bad_page(
        menu, arch):
    m = menu(arch)
    out = run_checks(m, "test_copy", timeout=300)
    assert "through a pipe, every alignment 0..15, lengths 0..70: ok" in out
    assert "through a file, every alignment 0..15, lengths 0..70: ok" in out
    assert "10000 bytes across pages, every alignment 0..15: ok" in out
    assert ("write() from a buffer that runs into a PROT_NONE page writes "
            "exactly the bytes before it: ok") in out
    assert ("read() into a buffer that runs into a PROT_NONE page reads "
            "exactly the bytes that fit: ok") in out
    assert "... and into one that runs into a read-only page: ok" in out
    # These fault inside the copy loop itself (the VMA allows the access;
    # the page past the end of the file does not exist): the fixups.
    assert ("write() from a mapping that runs past the end of its file "
            "writes exactly the bytes before: ok") in out
    assert "read() into such a mapping reads exactly the bytes that fit: ok" \
        in out
