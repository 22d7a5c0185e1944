"""sendfile(2) on both architectures (user/test_sendfile.c, which also
passes on a Linux host): copies in the kernel from a file's position or
from *offset, and Linux's EBADF, EINVAL, EFAULT, EOVERFLOW. BusyBox's cat
and cp use it."""
import re

import pytest

from conftest import USER_ARCHES

pytestmark = pytest.mark.parametrize("arch", USER_ARCHES)


def test_sendfile_copies_in_the_kernel_with_linux_errors(menu, arch):
    m = menu(arch)
    start = len(m.output)
    out = m.run("test_sendfile")
    assert re.search(r"sendfile: \d+ checks, 0 failed", out), out
    for line in ["without an offset it copies up to the end",
                 "from *offset: 3000 bytes, *offset moves to 7000",
                 "... and in_fd's position stays",
                 "a copy past the end stops at the end",
                 "an O_APPEND out_fd: EINVAL",
                 "a bad offset pointer: EFAULT",
                 "... and nothing was copied",
                 "200 more copies", "every page came back"]:
        assert f"sendfile: {line}: ok" in out, out
    if arch == "x86":
        assert "sendfile: i386 sendfile at 2 GiB - 1: EOVERFLOW: ok" in out
        assert "sendfile: i386 sendfile64 with a 64-bit offset: ok" in out
    assert "not implemented" not in m.output[start:]
    # Every page came back: the machine still forks.
    assert "Child Complete!" in m.run("fork")
