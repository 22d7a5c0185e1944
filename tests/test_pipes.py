"""Pipes, FIFOs, descriptors and waiting for I/O: pipe/pipe2 and mknod'd
FIFOs with pipe(7)'s guarantees, fcntl's flags and dup/dup2/dup3, and
poll/select on pipes, files, /dev/null and the terminal — on both
architectures. Each user program here also passes on
a Linux host (see its header)."""

import pytest

from conftest import USER_ARCHES, run_checks

pytestmark = pytest.mark.parametrize("arch", USER_ARCHES)


def test_pipe(menu, arch):
    m = menu(arch)
    out = run_checks(m, "test_pipe")
    assert "100000 bytes from a child, in order, then EOF: ok" in out
    assert "writing with no reader kills with SIGPIPE: ok" in out
    assert "a full pipe holds 65536 bytes, then EAGAIN: ok" in out
    assert "200 PIPE_BUF writes from two writers never interleave: ok" in out
    assert "an exec'd program's output through a pipe: ok" in out
    assert "and no descriptor was left behind: ok" in out
    assert "every page came back: ok" in out
    assert "Child Complete!" in m.run("fork")


def test_fifo(menu, arch):
    m = menu(arch)
    out = run_checks(m, "test_fifo")
    assert "O_WRONLY|O_NONBLOCK with no reader: ENXIO: ok" in out
    assert "a blocking reader's open meets a writer's: ok" in out
    assert "they went with the last close: ok" in out
    assert "and it opens as /dev/null: ok" in out
    assert "opening a number no driver has: ENXIO: ok" in out
    assert "every page came back: ok" in out


def test_poll_and_select(menu, arch):
    m = menu(arch)
    out = run_checks(m, "test_poll")
    assert "a writer in another process wakes an endless poll: ok" in out
    assert "every writer gone: POLLHUP (even if not asked): ok" in out
    assert "a closed fd: POLLNVAL: ok" in out
    assert "ppoll waits with its mask: a signal it unblocks gets in: ok" in out
    assert "after 150 ms, with the time left written back: 0: ok" in out
    assert "every page came back: ok" in out


def test_poll_wakes_on_a_typed_line(menu, arch):
    m = menu(arch)
    m.sendline("test_poll tty")
    m.expect("poll: type a line")
    m.sendline("hello poll")
    out = m.wait_prompt(30).replace("\r", "")
    assert 'poll: read "hello poll"' in out
    assert "FAILED" not in m.output, m.output
    assert "poll: 4 checks, 0 failed" in out


def test_fcntl_and_dup(menu, arch):
    m = menu(arch)
    out = run_checks(m, "test_fcntl")
    assert "and the empty pipe's read gives EAGAIN: ok" in out
    assert "a write at offset 0 goes to the end: ok" in out
    assert "dup3 with a flag other than O_CLOEXEC: EINVAL: ok" in out
    assert "every page came back: ok" in out
