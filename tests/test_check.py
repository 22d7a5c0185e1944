"""Static checking with sparse (`make check`): every kernel .c file of each
architecture passes sparse's address-space checks with no warning, and
sparse really looks — a file that dereferences a __user pointer, or hands
one to a function taking a kernel pointer, is reported through the very
rule and flags `make check` uses (so the clean run cannot be vacuous)."""

import re
import subprocess

import pytest

from conftest import ARCHES, ROOT

pytestmark = pytest.mark.parametrize("arch", ARCHES)

# What sparse prints for a finding: file:line:col: warning|error: ...
FINDING = re.compile(r"^\S+:\d+:\d+: (warning|error): ", re.M)


def run_make(*args):
    proc = subprocess.run(["make", "--no-print-directory", *args], cwd=ROOT,
                          capture_output=True, text=True)
    return proc.returncode, proc.stdout + proc.stderr


def test_make_check_has_no_warnings(arch):
    rc, out = run_make(f"ARCH={arch}", "check")
    findings = FINDING.findall(out)
    assert rc == 0 and not findings, f"make check ARCH={arch}:\n{out}"
    assert f"SPARSE  {arch}: no warnings" in out


BAD_SOURCE = """\
/* Kernel code that trusts user space: sparse must object to both. */
#include <linux/uaccess.h>

int read_count(const char *kbuf);

int peek(const int __user *uptr)
{
	return *uptr;		/* a kernel dereference of a user pointer */
}

int count(const char __user *ubuf)
{
	return read_count(ubuf);	/* a user pointer as a kernel one */
}
"""

GOOD_SOURCE = """\
/* The same done right: through get_user and a __user parameter. */
#include <linux/uaccess.h>

int read_count(const char __user *ubuf);

int peek(int __user *uptr)
{
	int v;

	return get_user(v, uptr) ? -EFAULT : v;
}

int count(const char __user *ubuf)
{
	return read_count(ubuf);
}
"""


def check_file(arch, path):
    """Sparse on one file through make check's own rule and flags."""
    return run_make(f"ARCH={arch}", "check-arch", f"CHECK_SRCS={path}")


def test_sparse_reports_user_pointer_misuse(arch, tmp_path):
    bad = tmp_path / "bad.c"
    bad.write_text(BAD_SOURCE)
    rc, out = check_file(arch, bad)
    assert rc != 0, f"sparse accepted a __user dereference:\n{out}"
    assert re.search(r"bad\.c:8:\d+: (warning|error): dereference of "
                     r"noderef expression", out), out
    assert re.search(r"bad\.c:13:\d+: (warning|error): incorrect type in "
                     r"argument 1 \(different address spaces\)", out), out


def test_sparse_accepts_the_correct_form(arch, tmp_path):
    good = tmp_path / "good.c"
    good.write_text(GOOD_SOURCE)
    rc, out = check_file(arch, good)
    assert rc == 0 and not FINDING.findall(out), out
