"""Files attacked with hostile offsets and sizes, and directories removed:
the RAM file system must return the file's bytes or zeros and never
kernel memory, write only into the file, answer huge and negative
offsets with Linux's errors at once (no hang), keep sparse files sparse,
move file offsets only by what was transferred, and remove directories
with rmdir's errors — on both architectures, with every page given back.
Each user program here also passes on a Linux host (see its header)."""

import pytest

from conftest import USER_ARCHES, run_checks

pytestmark = pytest.mark.parametrize("arch", USER_ARCHES)


def test_hostile_file_offsets_never_reach_kernel_memory(menu, arch):
    m = menu(arch)
    out = run_checks(m, "test_hostile_files")
    assert "640 KiB below 4 GiB read as zeros, never kernel data: ok" in out
    assert "every page of the file came back: ok" in out
    if arch == "x86":
        # The 32-bit limits: MAX_NON_LFS without O_LARGEFILE, and the
        # page-cache limit of a 32-bit kernel (2^32 pages) with it.
        assert "write of 4 bytes there is cut to 1 (MAX_NON_LFS): ok" in out
        assert "a 32-bit fstat of the 4 GiB file gives EOVERFLOW: ok" in out
        assert "write at 2^63 - 2 is EFBIG on a 32-bit kernel: ok" in out
    else:
        assert "then write(4) returns at once with EINVAL, no hang: ok" in out
    # The kernel carries on.
    assert "Child Complete!" in m.run("fork")


def test_rmdir_removes_directories_with_linux_errors(menu, arch):
    m = menu(arch)
    out = run_checks(m, "test_rmdir")
    assert "rmdir of a non-empty dir: ENOTEMPTY: ok" in out
    assert "every page came back: ok" in out
    assert "\"..\" three times still works: ok" in out
