"""Host unit tests of lib/ (tests/unit/), run from pytest.

`make -C tests/unit` builds one program per tests/unit/test_*.c once per
session; each program is then its own pytest test, passing when it exits 0.
On failure the program's output (failed checks, sanitizer reports) is shown.
"""

import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
UNIT_DIR = ROOT / "tests" / "unit"
BUILD_DIR = ROOT / "build" / "host" / "unit"
UNIT_TESTS = sorted(p.stem for p in UNIT_DIR.glob("test_*.c"))


@pytest.fixture(scope="session")
def unit_test_dir():
    """Build every host unit test; fail every test if the build fails."""
    build = subprocess.run(
        ["make", "-C", str(UNIT_DIR), f"O={BUILD_DIR}"],
        capture_output=True, text=True)
    assert build.returncode == 0, (
        f"building the host unit tests failed:\n{build.stdout}{build.stderr}")
    return BUILD_DIR


@pytest.mark.parametrize("name", UNIT_TESTS)
def test_lib_unit_test_passes(unit_test_dir, name):
    run = subprocess.run([str(unit_test_dir / name)], capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, (
        f"{name} exited with {run.returncode}:\n{run.stdout}{run.stderr}")
