"""scripts/lab/trace.py's handling of a breakpoint gdb reports twice, on
the host, against a scripted gdb (no QEMU): now and then, on a busy host,
gdb reports the breakpoint the machine was resumed from once more, at the
very same pc, stack pointer and task (CI saw it on i386's debug kernel:
copy_thread's `finish` stopped at copy_thread again, and the threads lab
read the new task before copy_process had given it its pid). The trace
resumes past such a stop on the lab's clone path and inside a `finish`,
and counts it; a stop anywhere else, or not asked to, is returned."""
import io
import re

from conftest import load_lab_trace

labtrace = load_lab_trace()
PROMPT = "(gdb) "


class ScriptedGdb:
    """What the trace's Gdb talks to (pexpect's sendline/expect/match/
    before): answers `printf` of $pc, $sp and $current() with the current
    stop's values, `continue` and `finish` with the next scripted stop."""

    def __init__(self, stops, finish_returns=None):
        self.stops = list(stops)  # (number, function, pc, sp, task)
        self.here = self.stops.pop(0)
        self.finish_returns = finish_returns  # the stop finish ends at
        self.pending = ""
        self.sent = []
        self.match = self.before = None

    def _stop_text(self, stop):
        return "\nBreakpoint %d, %s (x=1) at f.c:1\n1\tx;\n%s" % (
            stop[0], stop[1], PROMPT)

    def sendline(self, line):
        self.sent.append(line)
        if line == "continue":
            self.here = self.stops.pop(0)
            self.pending += "Continuing.\n" + self._stop_text(self.here)
        elif line == "finish":
            text = "Run till exit from #0  %s (x=1) at f.c:1\n" % \
                self.here[1]
            if self.stops and self.stops[0][1] == self.here[1]:
                self.here = self.stops.pop(0)  # reported again
                self.pending += text + self._stop_text(self.here)
            else:
                self.here = self.finish_returns
                self.pending += text + "0x10 in %s () at f.c:2\n" \
                    "Value returned is $1 = 0\n%s" % (self.here[1], PROMPT)
        else:
            m = re.match(r'printf "%lu\\n", \(unsigned long\)\((.*)\)$',
                         line)
            assert m, line
            value = {"$pc": self.here[2], "$sp": self.here[3],
                     "$current()": self.here[4]}[m.group(1)]
            self.pending += "%d\n%s" % (value, PROMPT)

    def expect(self, pattern, timeout=None):
        m = re.search(pattern, self.pending)
        assert m, "gdb would wait for ever for %r in %r" % (
            pattern, self.pending)
        self.match, self.before = m, self.pending[:m.start()]
        self.pending = self.pending[m.end():]
        return 0


def gdb_with(child):
    gdb = labtrace.Gdb.__new__(labtrace.Gdb)  # no gdb, no QEMU
    gdb.child, gdb.log = child, io.StringIO()
    return gdb


SYS_CLONE = (1, "sys_clone", 0x1000, 0x9f00, 0x5000)
KERNEL_CLONE = (3, "kernel_clone", 0x2000, 0x9e00, 0x5000)


def test_a_stop_reported_again_at_the_same_place_is_passed_on_the_path():
    gdb = gdb_with(ScriptedGdb([SYS_CLONE, SYS_CLONE, KERNEL_CLONE]))
    assert gdb.cont_number(once=True) == (3, "kernel_clone")
    assert gdb.repeated_stops == 1
    assert gdb.child.sent.count("continue") == 2
    assert "reported again at pc 0x1000" in gdb.log.getvalue()


def test_without_once_every_stop_is_returned():
    gdb = gdb_with(ScriptedGdb([SYS_CLONE, SYS_CLONE, KERNEL_CLONE]))
    assert gdb.cont_number() == (1, "sys_clone")
    assert gdb.repeated_stops == 0


def test_the_same_breakpoint_elsewhere_is_a_new_stop():
    deeper = SYS_CLONE[:3] + (0x9e80,) + SYS_CLONE[4:]  # another call
    other_task = SYS_CLONE[:4] + (0x6000,)
    for again in (deeper, other_task):
        gdb = gdb_with(ScriptedGdb([SYS_CLONE, again, KERNEL_CLONE]))
        assert gdb.cont_number(once=True) == (1, "sys_clone")
        assert gdb.repeated_stops == 0


def test_finish_goes_on_past_its_own_breakpoint_reported_again():
    copy_thread = (6, "copy_thread", 0x3000, 0x9d00, 0x5000)
    child = ScriptedGdb([copy_thread, copy_thread],
                        finish_returns=(0, "copy_process", 0x10, 0x9d80,
                                        0x5000))
    gdb = gdb_with(child)
    out = gdb.finish()
    assert "Value returned" in out and "copy_process" in out
    assert gdb.repeated_stops == 1
    assert child.sent.count("finish") == 2
