"""The fault-injection lab, traced live (scripts/lab/trace.py --lab fail).

`failfork` typed at MenuOS walks every failure point of fork: for N = 1,
2, ... a stepper process writes N to /proc/self/fail-nth and forks, so
the Nth allocation of that fork fails (user/menu/failfork.c). With
`fail-breaks` set (scripts/gdb/clonix.py), each injected failure stops at
fail_dump, where the trace reads the call chain that was allocating, and
then at each bad_fork_* label of copy_process the unwinding passes: where
it enters the ladder and every step it falls through on the way to
fork_out. The console says what each fork returned. The walk ends with
the first N the fork does not reach: the fork succeeds, and the stepper's
next allocation (a copy-on-write fault on its stack) is the one that
fails, killing only the stepper.
"""
import re
import time

import pexpect

TIMEOUT = 120
DONE = "Failfork Complete!"
STOP = re.compile(r"(?:Temporary b|B)reakpoint (\d+), "
                  r"(?:0x[0-9a-f]+ in )?([\w?]+) ")
# The allocator's own frames, above the function that asked for memory.
ALLOCATOR = {"fail_dump", "__should_fail_alloc", "should_fail_alloc", "alloc_pages", "__alloc_pages",
             "kmem_cache_alloc", "kmem_cache_zalloc", "kmalloc", "kzalloc",
             "__kmalloc",
             "get_zeroed_page", "__get_free_pages", "alloc_page"}


def next_event(gdb, qemu, deadline):
    """Wait for gdb to stop at a breakpoint ("stop", number) or for the
    console to say the walk is over ("done", None)."""
    while time.time() < deadline:
        if gdb.child.expect([STOP, pexpect.TIMEOUT], timeout=0.2) == 0:
            number = int(gdb.child.match.group(1))
            gdb.child.expect(gdb.PROMPT)
            return "stop", number
        if qemu.expect([re.escape(DONE), pexpect.TIMEOUT],
                       timeout=0.05) == 0:
            return "done", None
    raise RuntimeError("failfork did not finish within %d s" % TIMEOUT)


def breakpoints(gdb):
    """{number: "fail_dump" or the ladder label} of fail-breaks."""
    out = gdb.cmd("info breakpoints")
    found = {}
    for m in re.finditer(r"^(\d+)\s+breakpoint\s+\w+\s+\w\s+\S+\s+"
                         r"(?:in )?(fail_dump|copy_process:(\w+))", out, re.M):
        found[int(m.group(1))] = m.group(3) or m.group(2)
    return found


def backtrace(gdb):
    """The function names of the current call chain, innermost first."""
    out = gdb.cmd("bt 40")
    return re.findall(r"^#\d+\s+(?:0x[0-9a-f]+ in )?(\w+)", out, re.M)


def asked_by(chain):
    """The first frame that is not the allocator: who wanted memory."""
    return next((f for f in chain if f not in ALLOCATOR), None)


def copy_process_step(chain):
    """The copy_process step the allocation was made in (the frame just
    below copy_process), or None when copy_process is not on the chain."""
    if "copy_process" not in chain:
        return None
    i = chain.index("copy_process")
    return chain[i - 1] if i > 0 else "copy_process"


def run_fail(gdb, qemu, arch):
    """Set fail-breaks, type `failfork` and record each injected failure:
    its stepper's pid, the call chain at fail_dump, and the ladder labels
    passed after it; then the console's lines."""
    facts = {"command": "failfork"}
    gdb.cmd("fail-breaks")
    numbers = breakpoints(gdb)
    facts["ladder"] = [numbers[n] for n in sorted(numbers)
                       if numbers[n] != "fail_dump"]
    gdb.child.sendline("continue")
    qemu.expect("MenuOS>>", timeout=TIMEOUT)
    qemu.send("failfork\r")
    failures, deadline = [], time.time() + TIMEOUT
    while True:
        kind, number = next_event(gdb, qemu, deadline)
        if kind == "done":
            break
        what = numbers.get(number)
        pid = gdb.value("$current()->pid")
        if what == "fail_dump":
            # The gdb stub may report one stop twice: a stepper has one
            # injected failure, so a second stop in the same pid is it.
            if not failures or failures[-1]["pid"] != pid:
                chain = backtrace(gdb)
                failures.append({
                    "pid": pid, "chain": chain, "asked_by": asked_by(chain),
                    "step": copy_process_step(chain),
                    "in_fork": "kernel_clone" in chain, "labels": []})
        elif what and failures and failures[-1]["pid"] == pid:
            labels = failures[-1]["labels"]
            if not labels or labels[-1] != what:
                labels.append(what)
        gdb.child.sendline("continue")
    out = (qemu.before + qemu.after).replace("\r", "")
    lines = [l.strip() for l in out.split("\n")
             if l.strip().startswith("failfork:") or DONE in l]
    facts["console"] = lines
    results = {}
    for l in lines:
        m = re.match(r"failfork: N=(\d+): (.*)$", l)
        if m:
            results[int(m.group(1))] = m.group(2)
    for n, f in enumerate(failures, 1):
        f["n"] = n
        f["result"] = results.get(n, "")
    facts["failures"] = failures
    m = re.search(r"fork has (\d+) failure points", out)
    facts["points"] = int(m.group(1)) if m else None
    m = re.search(r"free pages before (\d+), after (\d+)", out)
    facts["free_before"], facts["free_after"] = \
        (int(m.group(1)), int(m.group(2))) if m else (None, None)
    return facts
