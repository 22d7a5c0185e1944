"""Process groups, sessions and the terminal with job control, at the
console, as a person types: Ctrl-C at MenuOS (a runaway program dies,
MenuOS lives on), the termios modes seen from a program (test_termios's
modes, typed into through pexpect), the pgid/sid rules (test_pgrp), and
BusyBox's shell with job control (Ctrl-C, Ctrl-Z, jobs, bg, fg, trap,
wait, vi).

The typing drivers (termios_*) take any pexpect child, so the same
checks run against the test program on the host's Linux in a
pseudo-terminal (`python3 tests/test_jobs.py HOST_BINARY`), which is how
they were checked to be Linux's behaviour."""
import re
import sys
import time

import pexpect
import pytest

from conftest import USER_ARCHES, run_checks, strip_ansi

pytestmark = pytest.mark.parametrize("arch", USER_ARCHES)

SHELL_PROMPT = r"/[^\r\n#]* # "
BANNER = r"BusyBox v1\.\d+\.\d+ \(Debian [^)]*\) built-in shell \(ash\)"


def quiet(child, seconds):
    """Nothing new on the console for that long (pexpect's TIMEOUT)."""
    try:
        child.expect(r"\S", timeout=seconds)
    except pexpect.TIMEOUT:
        return True
    print("not quiet: %r" % (child.before + child.after))
    return False


# ---- typing drivers: c is a pexpect child running test_termios MODE ----

def termios_raw(c):
    c.expect("raw ready")
    c.send("a")
    c.expect("got 61")
    c.send("\r")
    c.expect("got (..)")
    assert c.match.group(1) == "0a", "ICRNL: CR should read as LF"
    c.expect("inlcr ready")
    c.send("\r")
    c.expect("got (..)")
    assert c.match.group(1) == "0d", "without ICRNL, CR stays CR"
    c.send("\n")
    c.expect("got (..)")
    assert c.match.group(1) == "0d", "INLCR: LF should read as CR"
    c.expect("igncr ready")
    c.send("\rz")
    c.expect("got (..)")
    assert c.match.group(1) == "7a", "IGNCR: CR should be dropped"


def termios_raw_is_per_byte(c):
    """Non-canonical: a byte is readable before any newline."""
    c.expect("raw ready")
    c.send("a")
    c.expect("got 61", timeout=5)
    c.send("\r")
    c.expect("got 0a")


# Each pattern that ends in a variable-length capture ends at the line's
# end too: pexpect matches as soon as the text so far fits, and a line
# may arrive in pieces.


def termios_vmin(c):
    c.expect("vmin ready")
    c.send("ab")
    assert quiet(c, 1), "read returned before VMIN (3) bytes: " + c.before
    c.send("c")
    c.expect(r"read (\d+): (\w*)\r*\n")
    assert c.match.group(1) == "3" and c.match.group(2) == "abc"


def termios_vtime(c):
    c.expect(r"timeout read (-?\d+) after (\d+) ms")
    n, ms = int(c.match.group(1)), int(c.match.group(2))
    assert n == 0 and 400 <= ms <= 2000, (n, ms)
    c.expect(r"poll read (-?\d+) after (\d+) ms")
    n, ms = int(c.match.group(1)), int(c.match.group(2))
    assert n == 0 and ms < 300, (n, ms)
    c.expect("interbyte ready")
    c.send("x")
    c.expect(r"interbyte read (-?\d+)\r*\n", timeout=5)
    assert c.match.group(1) == "1", "VMIN 2, VTIME 5: one byte, then timeout"
    c.expect("first ready")
    c.send("q")
    c.expect(r"first read (-?\d+): (.) after ([^\r\n]+)\r*\n")
    assert c.match.group(1) == "1" and c.match.group(2) == "q"
    assert c.match.group(3) == "less than 4 s"


def termios_noecho(c):
    c.expect("password:")
    c.send("hunter2\r")
    c.expect(r"read hunter2")
    assert "hunter2" not in c.before, "ECHO off, yet typing was shown"
    c.expect("echonl:")
    c.send("xyz\r")
    c.expect("read xyz")
    assert "xyz" not in c.before and "\n" in c.before, \
        "ECHONL: only the newline is echoed: %r" % c.before


def termios_output(c, console=False):
    """console: the bytes came through QEMU's serial line into the host's
    pseudo-terminal, whose own ONLCR put a CR before each LF: undo it."""
    c.expect(r"\[done\]")
    out = c.before.replace("\r\n", "\n") if console else c.before
    assert "[onlcr]A\r\nB\r\n" in out, repr(out)
    assert "[raw]C\nD\n[" in out, repr(out)
    assert out.endswith("[ocrnl]E\nF\n"), repr(out)


def termios_flush(c):
    c.expect("type ahead")
    c.send("junk\r")
    c.expect(r"fionread (\d+)\r*\n")
    assert c.match.group(1) == "5", "FIONREAD counts the typed line"
    c.expect(r"after flush (\d+)\r*\n")
    assert c.match.group(1) == "0", "TCSAFLUSH drops typed input"
    c.send("fresh\r")
    c.expect(r"read (\w+)\r*\n")
    assert c.match.group(1) == "fresh"


def termios_line(c):
    c.expect("lines ready")
    c.send("abx\x7fc\r")
    c.expect(r"read \[([^\]]*)\]")
    assert c.match.group(1) == "abc", "erase (DEL) removes one byte"
    assert "\b \b" in c.before, "ECHOE erases on screen: %r" % c.before
    c.send("zz\x15ok\r")
    c.expect(r"read \[([^\]]*)\]")
    assert c.match.group(1) == "ok", "kill (^U) removes the line"
    c.send("one two\x17three\r")
    c.expect(r"read \[([^\]]*)\]")
    assert c.match.group(1) == "one three", "^W erases a word"
    c.send("end\r")
    c.expect(r"read \[end\]")


DRIVERS = {"raw": termios_raw, "vmin": termios_vmin, "vtime": termios_vtime,
           "noecho": termios_noecho, "output": termios_output,
           "flush": termios_flush, "line": termios_line}


# ---- Clonix ----------------------------------------------------------------

@pytest.mark.parametrize("mode", sorted(DRIVERS))
def test_termios_mode_at_the_console(menu, arch, mode):
    m = menu(arch)
    m.sendline(f"test_termios {mode}")
    if mode == "output":
        termios_output(m.child, console=True)
    else:
        DRIVERS[mode](m.child)
    m.wait_prompt(timeout=20)
    assert "exit status" not in m.child.before, m.child.before


def test_termios_ioctls(menu, arch):
    """Job control ioctls and errnos, window size and SIGWINCH, FIONREAD,
    background reads and writes (the SIGTTIN stop waits for the core)."""
    m = menu(arch)
    out = m.run("test_termios ioctls", timeout=60)
    failed = [l for l in out.splitlines() if "FAILED" in l]
    core = ("a background read stops the process with SIGTTIN: ",
            # a blocked signal is never dropped as ignored (the core's
            # sig_ignored), so the SIGWINCH stays pending:
            "a new size sends SIGWINCH to the foreground group: ")
    assert [l for l in failed if not any(c in l for c in core)] == [], out
    assert re.search(r"20 checks", out), out


def test_background_read_stops_and_sigwinch_stays_pending(menu, arch):
    m = menu(arch)
    run_checks(m, "test_termios ioctls", timeout=60)


def test_pgrp_rules(menu, arch):
    """test_pgrp's cases but the orphaned stopped group (it needs stop)."""
    m = menu(arch)
    out = m.run("test_pgrp", timeout=60)
    failed = [l for l in out.splitlines() if "FAILED" in l]
    needs_stop = ("a child stops itself", "the orphaned stopped group")
    assert [l for l in failed if not any(s in l for s in needs_stop)] == [], \
        out
    assert re.search(r"26 checks", out), out


def test_orphaned_stopped_group_gets_sighup_and_sigcont(menu, arch):
    m = menu(arch)
    run_checks(m, "test_pgrp", timeout=60)


def test_ctrl_c_interrupts_a_program_and_menuos_lives_on(menu, arch):
    m = menu(arch)
    m.sendline("sleep 10")
    m.expect("sleep 10")    # the echo
    assert quiet(m.child, 1)
    t0 = time.monotonic()
    m.child.send("\x03")
    m.expect(r"\^C")
    m.wait_prompt(timeout=5)
    assert time.monotonic() - t0 < 5, "Ctrl-C did not stop sleep 10"
    assert "killed by signal 2" in m.child.before, m.child.before
    assert m.run("version").strip() == "Clonix MenuOS 1.0"


def test_ctrl_backslash_sends_sigquit(menu, arch):
    m = menu(arch)
    m.sendline("sleep 10")
    m.expect("sleep 10")
    assert quiet(m.child, 1)
    m.child.send("\x1c")
    m.expect(r"\^\\")
    m.wait_prompt(timeout=5)
    assert "killed by signal 3" in m.child.before, m.child.before


def test_ctrl_z_does_not_stop_a_child_of_init(menu, arch):
    """Linux drops the terminal's stop signals (SIGTSTP, SIGTTIN, SIGTTOU)
    sent to an orphaned process group, and a group whose only parent
    outside it is init is orphaned: Ctrl-Z leaves a MenuOS command
    running (BusyBox's sh, not pid 1, stops its jobs)."""
    m = menu(arch)
    m.sendline("sleep 2")
    m.expect("sleep 2")
    t0 = time.monotonic()
    m.child.send("\x1a")
    m.expect(r"\^Z")
    m.wait_prompt(timeout=10)
    assert time.monotonic() - t0 > 1, "sleep 2 ended early"
    assert "stopped" not in m.child.before, m.child.before


def test_ctrl_c_at_the_prompt_gives_a_fresh_prompt(menu, arch):
    """^C echoes and throws away what was typed (ISIG flushes input);
    MenuOS's SIGINT handler (no SA_RESTART) ends its read with EINTR and
    it prompts again, as shells do."""
    m = menu(arch)
    m.child.send("versio")
    m.child.send("\x03")
    m.expect(r"\^C\r*\n" + m.PROMPT, timeout=5)
    assert m.run("version").strip() == "Clonix MenuOS 1.0"


def test_each_command_is_a_foreground_group_of_menuos_session(menu, arch):
    """/proc/<pid>/stat: MenuOS (pid 1) leads session 1; a command has a
    group of its own, which is the terminal's foreground (tpgid)."""
    m = menu(arch)
    f = m.run("cat /proc/self/stat").split()
    pid, pgrp, session, tty_nr, tpgid = f[0], f[4], f[5], f[6], f[7]
    assert pgrp == pid and tpgid == pid, f[:8]
    assert session == "1" and tty_nr == "1281", f[:8]
    init = m.run("cat /proc/1/stat").split()
    assert init[4:7] == ["1", "1", "1281"], init[:8]
    assert init[7] not in ("1", "-1"), "tpgid is the running cat's group"


# ---- BusyBox's shell with job control ---------------------------------------

class Ash:
    def __init__(self, m):
        self.m = m
        m.sendline("sh")
        m.expect(BANNER)
        m.expect(SHELL_PROMPT)

    def type(self, line, timeout=20):
        """Type a line; return what came before the next prompt."""
        self.m.sendline(line)
        self.m.expect(SHELL_PROMPT, timeout=timeout)
        return strip_ansi(self.m.child.before.replace("\r", ""))


def test_ash_has_job_control(menu, arch):
    m = menu(arch)
    sh = Ash(m)
    flags = re.findall(r"flags=(\w+)", sh.type("echo flags=$-"))
    assert flags and "m" in flags[-1], "ash's -m (job control) is off"
    out = sh.type("sleep 5 & jobs; kill %1")
    assert re.search(r"\[1\]\+\s+Running\s+sleep 5", out), out
    out = sh.type("cat /proc/self/stat | cut -d' ' -f5,8 | sed 's/^/pg=/'")
    pgrp, tpgid = re.search(r"^pg=(\d+) (\d+)$", out, re.M).groups()
    assert pgrp == tpgid, "a pipeline's group is the foreground: " + out


def test_ash_ctrl_c_interrupts_sleep_and_the_shell_survives(menu, arch):
    m = menu(arch)
    sh = Ash(m)
    m.sendline("sleep 10")
    m.expect("sleep 10")
    assert quiet(m.child, 1)
    m.child.send("\x03")
    m.expect(SHELL_PROMPT, timeout=5)
    assert sh.type("echo alive").strip().endswith("alive")


def test_ash_ctrl_z_jobs_bg_fg(menu, arch):
    m = menu(arch)
    sh = Ash(m)
    m.sendline("sleep 3")
    m.expect("sleep 3")
    assert quiet(m.child, 1)
    m.child.send("\x1a")
    m.expect(r"Stopped", timeout=5)
    m.expect(SHELL_PROMPT)
    assert re.search(r"\[1\]\+\s+Stopped\s+sleep 3", sh.type("jobs"))
    assert "sleep 3" in sh.type("bg")
    assert re.search(r"Running", sh.type("jobs"))
    t0 = time.monotonic()
    sh.type("fg", timeout=10)
    assert time.monotonic() - t0 < 5


def test_ash_trap_runs_on_a_signal(menu, arch):
    m = menu(arch)
    sh = Ash(m)
    assert "got" in sh.type("trap 'echo got' USR1; kill -USR1 $$")


def test_ash_background_job_and_wait(menu, arch):
    m = menu(arch)
    sh = Ash(m)
    t0 = time.monotonic()
    sh.type("sleep 1 & wait; echo waited", timeout=10)
    assert time.monotonic() - t0 < 5


def test_vi_edits_and_saves_a_file(menu, arch):
    m = menu(arch)
    sh = Ash(m)
    sh.type("echo first > /tmp/vi.txt")
    m.sendline("vi /tmp/vi.txt")
    m.expect(r"/tmp/vi\.txt")      # vi's status line
    # Keys one step at a time: an ESC followed at once by more bytes is
    # an escape sequence to vi, as on any terminal.
    m.child.send("A second")        # append to line 1
    m.expect("second")
    m.child.send("\x1b")             # command mode ("-" on the status line)
    m.expect(r"- /tmp/vi\.txt \[Modified\] 1/1")
    m.child.send("o third")         # open line 2
    m.expect("third")
    m.child.send("\x1b")
    m.expect(r"- /tmp/vi\.txt \[Modified\] 2/2")
    m.child.send(":wq\r")
    m.expect(SHELL_PROMPT, timeout=10)
    assert sh.type("cat /tmp/vi.txt").split("\n")[1:3] == \
        ["first second", " third"]


if __name__ == "__main__":
    # Check the typing drivers against Linux: python3 tests/test_jobs.py
    # BINARY [qemu-user]. Each mode runs in a fresh pseudo-terminal.
    binary, runner = sys.argv[1], sys.argv[2:]
    for mode, driver in sorted(DRIVERS.items()):
        argv = runner + [binary, mode]
        c = pexpect.spawn(argv[0], argv[1:], encoding="utf-8", timeout=10)
        driver(c)
        c.expect(pexpect.EOF)
        print(mode, "ok")
