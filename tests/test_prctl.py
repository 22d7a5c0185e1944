"""prctl(2)'s task name on both architectures: PR_SET_NAME and
PR_GET_NAME as the man page says (user/test_prctl.c, which also passes on
a Linux host). BusyBox names the applets it runs without exec this way."""
import re

import pytest

from conftest import USER_ARCHES

pytestmark = pytest.mark.parametrize("arch", USER_ARCHES)


def test_prctl_sets_and_gets_the_task_name(menu, arch):
    m = menu(arch)
    start = len(m.output)
    out = m.run("test_prctl")
    assert re.search(r"prctl: \d+ checks, 0 failed", out), out
    for line in ["PR_GET_NAME gives the new name: ok",
                 "/proc shows the new name: ok",
                 "a long name is cut to 15 bytes and a NUL: ok",
                 "a forked child starts with its parent's name and renames "
                 "only itself: ok",
                 "PR_SET_NAME from a bad pointer: EFAULT: ok",
                 "a failed PR_SET_NAME leaves the name: ok",
                 "an unknown option: EINVAL: ok"]:
        assert f"prctl: {line}" in out, out
    assert "not implemented" not in m.output[start:]
