#!/usr/bin/env python3
"""Trace the fork lab live, the way a student does it, and record what it
shows: boot Clonix paused under gdb, set the lab breakpoints, type `fork`
at MenuOS, and at each stop read the kernel's state (the call path, the
child's pt_regs and thread.ra/ip, its kernel stack, how it returns to user
mode). The result is a dict (JSON with --json) that tests assert on and
the lab report (report.py) is drawn from.

    scripts/lab/trace.py --arch riscv [--json build/lab/riscv.json]
                         [--lab fork|pipe|signal|thread|cow|fail]

The fault-injection lab (`fail`) is scripts/lab/fail_trace.py.
"""
import argparse
import json
import os
import re
import shlex
import socket
import subprocess
import sys

import pexpect

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
GDB_ARCH = {"riscv": "riscv:rv64", "x86": "i386"}
TIMEOUT = 120
# CLONIX_DEBUG=1 (make test-debug): the lab runs on the debug kernel
# (make DEBUG=1, build/<arch>-debug), as tests/conftest.py's do.
DEBUG = os.environ.get("CLONIX_DEBUG", "") not in ("", "0")
MAKE_DEBUG = ["DEBUG=1"] if DEBUG else []
KDIR = "-debug" if DEBUG else ""

# What differs between the two architectures, by name only: every value
# in the trace is read from the running kernel.
NAMES = {
    "riscv": {"ret": "a0", "pc": "epc", "resume": "ra", "nr": "a7",
              "upc": "$pc", "uret": "$a0"},
    "x86": {"ret": "ax", "pc": "ip", "resume": "ip", "nr": "orig_ax",
            "upc": "$eip", "uret": "$eax"},
}


class TraceError(Exception):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gdb:
    """gdb-multiarch driven line by line; each command's output returned."""

    PROMPT = r"\(gdb\) "

    def __init__(self, arch, port, log):
        self.log = log
        self.child = pexpect.spawn(
            "gdb-multiarch", ["-nx", "-q", "-ex", "set style enabled off",
                              "-ex", "set pagination off",
                              "-ex", "set confirm off",
                              "-ex", "set width 0",
                              "-ex", "set architecture " + GDB_ARCH[arch],
                              "-ex", "set trust-readonly-sections on",
                              "-ex", "file build/%s%s/vmlinux" % (arch, KDIR),
                              "-ex", "source scripts/gdb/clonix.py",
                              "-ex", "target remote :%d" % port],
            cwd=ROOT, encoding="utf-8", timeout=TIMEOUT, echo=False,
            env=dict(os.environ, TERM="dumb"))
        self.child.logfile_read = log
        self.child.expect(self.PROMPT)

    def cmd(self, command, timeout=TIMEOUT):
        self.child.sendline(command)
        self.child.expect(self.PROMPT, timeout=timeout)
        return self.child.before

    def value(self, expr):
        """An integer from a gdb expression."""
        out = self.cmd("printf \"%%lu\\n\", (unsigned long)(%s)" % expr)
        m = re.search(r"^(\d+)\s*$", out, re.M)
        if not m:
            raise TraceError("gdb could not evaluate %s: %s" % (expr, out))
        return int(m.group(1))

    def tbreak(self, spec):
        """Set a temporary breakpoint; return its number."""
        out = self.cmd("tbreak " + spec)
        return int(re.search(r"breakpoint (\d+) at", out).group(1))

    def breakpoint_number(self, location):
        out = self.cmd("info breakpoints")
        m = re.search(r"^(\d+)\s+breakpoint.*<?%s\b" % re.escape(location),
                      out, re.M)
        if not m:
            raise TraceError("no breakpoint on %s:\n%s" % (location, out))
        return int(m.group(1))

    def place(self):
        """Where the machine is stopped: pc, stack pointer, running task."""
        return tuple(self.value(e) for e in ("$pc", "$sp", "$current()"))

    # A stop at the very place the machine was resumed from (same pc,
    # stack pointer and task, no function returned in between) is the
    # breakpoint it stood on reported a second time: seen on a loaded
    # host (i386 debug kernel), as if QEMU had run the instruction under
    # it again after an interrupt (CI also saw it on i386's pipe lab:
    # do_pipe2 twice). On the labs' paths (clone, pipe, signal delivery),
    # and inside a function being finished, no breakpoint can be reached
    # twice from one place, so those resume again (counted in
    # self.repeated_stops). The loops that wait for a set of events skip
    # a repeat themselves, and the cow trace keeps one stop per function
    # and task.
    repeated_stops = 0

    def _again(self, before):
        if before is None or self.place() != before:
            return False
        self.repeated_stops += 1
        self.log.write("\n[trace.py: the same stop reported again at pc "
                       "0x%x; resuming]\n" % before[0])
        return True

    def cont_number(self, once=False):
        """Continue; return (breakpoint number, function) of the stop.
        once: a breakpoint reported again where the machine stood is
        skipped (see above)."""
        before = self.place() if once else None
        while True:
            self.child.sendline("continue")
            self.child.expect(r"(?:Temporary b|B)reakpoint (\d+), "
                              r"(?:0x[0-9a-f]+ in )?([\w?]+) ",
                              timeout=TIMEOUT)
            hit = int(self.child.match.group(1)), self.child.match.group(2)
            self.child.expect(self.PROMPT)
            if not self._again(before):
                return hit

    def cont(self, once=False):
        """Continue; return the function name of the breakpoint hit."""
        return self.cont_number(once)[1]

    def finish(self):
        """Run the current function to its return; return gdb's output.
        A breakpoint reported again where it started is skipped."""
        before = self.place()
        while True:
            out = self.cmd("finish")
            if not (re.search(r"reakpoint \d+(?:\.\d+)?, ", out) and
                    self._again(before)):
                return out


def start_qemu(arch, port, log):
    subprocess.run(["make", "-s", "ARCH=" + arch, *MAKE_DEBUG, "all",
                    "rootfs"], cwd=ROOT, check=True)
    argv = shlex.split(subprocess.run(
        ["make", "-s", "ARCH=" + arch, *MAKE_DEBUG, "qemu-cmd"], cwd=ROOT,
        check=True,
        capture_output=True, text=True).stdout)
    argv += ["-no-reboot", "-append", "", "-S", "-gdb", "tcp::%d" % port]
    q = pexpect.spawn(argv[0], argv[1:], cwd=ROOT, encoding="utf-8",
                      codec_errors="replace", timeout=TIMEOUT)
    q.logfile_read = log
    return q


def trace(arch, log=None, lab="fork"):
    """Run the traced fork (pipe, signal, thread, cow, fail) lab on arch;
    return the facts."""
    names = NAMES[arch]
    log = log or open(os.devnull, "w")
    port = free_port()
    qemu = start_qemu(arch, port, log)
    gdb = None
    try:
        gdb = Gdb(arch, port, log)
        facts = {"arch": arch, "lab": lab}
        facts["reset_pc"] = gdb.value("$pc")
        if lab == "pipe":
            gdb.cmd("pipe-breaks")
            facts.update(run_pipe(gdb, qemu))
        elif lab == "signal":
            gdb.cmd("signal-breaks")
            facts.update(run_signal(gdb, qemu, arch, names))
        elif lab == "thread":
            gdb.cmd("lab-breaks")
            facts.update(run_thread(gdb, qemu, arch, names))
        elif lab == "cow":
            facts.update(run_cow(gdb, qemu, arch))
        elif lab == "fail":
            sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
            import fail_trace  # scripts/lab/fail_trace.py
            facts.update(fail_trace.run_fail(gdb, qemu, arch))
        else:
            gdb.cmd("lab-breaks")  # set while paging is still off
            facts.update(run_fork(gdb, qemu, arch, names))
        facts["repeated_stops"] = gdb.repeated_stops
        return facts
    finally:
        if gdb:
            gdb.child.close(force=True)
        qemu.close(force=True)


def console_until(gdb, qemu, done, keep):
    """Let the machine run on until the console shows done; return the
    console lines that keep(line) accepts (stripped), as far as it got."""
    gdb.child.sendline("continue")
    out = ""
    try:
        qemu.expect(done, timeout=TIMEOUT)
        out = qemu.before + qemu.after
    except pexpect.TIMEOUT:
        out = qemu.before
    return [l.strip() for l in out.replace("\r", "").split("\n")
            if keep(l.strip())]


def pipe_state(gdb, pipe):
    """The ring and the ends of the pipe at address pipe, read live."""
    p = "((struct pipe_inode_info *)%d)" % pipe
    state = {k: gdb.value("%s->%s" % (p, k))
             for k in ("head", "tail", "readers", "writers", "ring_size")}
    state["waiting"] = (state["head"] - state["tail"]) & 0xffffffff
    n = min(state["waiting"], 64)
    text = ""
    if n:
        out = gdb.cmd("x/%dxb %s->buf + %s->tail %% %s->ring_size" %
                      (n, p, p, p))
        data = [int(b, 16) for line in out.splitlines() if ":" in line
                for b in re.findall(r"0x([0-9a-f]{2})\b",
                                    line.split(":", 1)[1])]
        text = bytes(data[:n]).decode("latin-1")
    state["text"] = text
    return state


def run_pipe(gdb, qemu):
    """Type `pipe` at MenuOS and follow it: the pipe made (sys_pipe2 or
    i386's sys_pipe, do_pipe2, create_pipe_files), the parent's write into
    the ring and the child's read out of it. At each pipe_write and
    pipe_read stop the ring is read before and after the call."""
    facts = {"stops": []}
    gdb.child.sendline("continue")
    qemu.expect("MenuOS>>", timeout=TIMEOUT)
    qemu.send("pipe\r")
    gdb.child.expect(r"Breakpoint \d+, (?:0x[0-9a-f]+ in )?(\w+) ")
    function = gdb.child.match.group(1)
    gdb.child.expect(gdb.PROMPT)
    while True:
        stop = {"function": function, "pid": gdb.value("$current()->pid"),
                "ppid": gdb.value("$current()->real_parent->pid")}
        if function in ("pipe_write", "pipe_read"):
            pipe = gdb.value("f->f_inode->i_private")
            stop["count"] = gdb.value("n")
            stop["f_count"] = gdb.value("f->f_count")
            stop["before"] = pipe_state(gdb, pipe)
            if function == "pipe_write" or stop["before"]["waiting"]:
                # Neither sleeps now: the writer has room, the reader data.
                out = gdb.finish()
                m = re.search(r"Value returned is \$\d+ = (-?\d+)", out)
                stop["returned"] = int(m.group(1)) if m else None
                stop["after"] = pipe_state(gdb, pipe)
            else:
                stop["sleeps"] = True  # the reader came first: it waits
        facts["stops"].append(stop)
        if function == "pipe_read" and "returned" in stop:
            break
        function = gdb.cont(once=True)
    gdb.cmd("delete")
    facts["console"] = console_until(
        gdb, qemu, "Pipe Complete!",
        lambda l: l.startswith(("Parent writes", "Child read",
                                "Pipe Complete")))
    return facts


# The user registers a signal frame saves, by pt_regs field: every one a
# program can see (RISC-V: pc and x1..x31; i386: the general and segment
# registers, eip, eflags, esp).
USER_REGS = {
    "riscv": ["epc", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1",
              "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3",
              "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4",
              "t5", "t6"],
    "x86": ["bx", "cx", "dx", "si", "di", "bp", "ax", "ds", "es", "fs", "gs",
            "ip", "cs", "flags", "sp", "ss"],
}


# The current task's pt_regs: task_pt_regs(current), at its stack's top.
PT_REGS = "((struct pt_regs *)((unsigned long)$current()->stack + " \
          "sizeof(union thread_union)) - 1)"


def user_regs(gdb, arch):
    """The current task's saved user registers, by name."""
    return {r: gdb.value("%s->%s" % (PT_REGS, r)) for r in USER_REGS[arch]}


def run_signal(gdb, qemu, arch, names):
    """Type `signal` at MenuOS and follow SIGUSR1 from the parent's kill to
    the child's handler and back: the sending side (sys_kill, send_signal,
    complete_signal), the child's way back to user mode (get_signal,
    handle_signal — the interrupted call's return value before and after
    the restart logic —, setup_rt_frame — its user registers read at the
    start, the frame, the handler and its return address at the end, the
    frame's layout from the kernel's own struct rt_sigframe), the handler
    itself (a breakpoint at its user address: its arguments, the siginfo
    and saved registers in the frame, the code at its return address),
    rt_sigreturn (where it finds the frame; restore_sigcontext: every
    register read again and compared with the ones the signal
    interrupted), and the child back in user mode where the signal found
    it, its CPU registers compared once more."""
    facts = {"stops": []}
    gdb.child.sendline("continue")
    qemu.expect("MenuOS>>", timeout=TIMEOUT)
    qemu.send("signal\r")
    # The first stop comes from the `continue` that booted MenuOS.
    gdb.child.expect(r"(?:Temporary b|B)reakpoint (\d+), "
                     r"(?:0x[0-9a-f]+ in )?([\w?]+) ", timeout=TIMEOUT)
    number, function = int(gdb.child.match.group(1)), gdb.child.match.group(2)
    gdb.child.expect(gdb.PROMPT)
    handler_bp = None
    frame = {}
    child = None  # the signalled task (pid), from send_signal
    while True:
        if function is None:
            number, function = gdb.cont_number(once=True)
        if number == handler_bp:
            stop = {"function": "handler",
                    "pid": user_pid(gdb, arch, facts, child)}
            stop.update(handler_facts(gdb, arch, facts))
            facts["handler_stop"] = stop
            function = "handler"
        else:
            stop = {"function": function,
                    "pid": gdb.value("$current()->pid")}
        if function == "handler":
            pass
        elif function in ("send_signal", "complete_signal"):
            stop["sig"] = gdb.value("sig")
            stop["target"] = gdb.value("p->pid")
            child = child or stop["target"]
            facts.setdefault("sender_pid", stop["pid"])
        elif function == "handle_signal" and stop["pid"] == child:
            # What the interrupted system call returned: -ERESTARTNOHAND
            # (sigsuspend), turned into -EINTR or a restart here.
            stop["syscall_return"] = signed(
                gdb.value("regs->%s" % names["ret"]), arch)
            facts["interrupted_call_return"] = stop["syscall_return"]
            facts["interrupted"] = interrupted_call(gdb, arch, names)
        elif function == "get_signal":
            stop["pending"] = "0x%x" % gdb.value(
                "$current()->pending.signal | "
                "$current()->signal->shared_pending.signal")
        elif function in ("setup_rt_frame", "setup_frame") and \
                stop["pid"] == child:
            stop["sig"] = gdb.value("ksig->sig")
            facts["child_task"] = gdb.value("$current()")
            facts["child_ppid"] = gdb.value("$current()->real_parent->pid")
            facts["regs_at_signal"] = user_regs(gdb, arch)
            # After handle_signal's restart logic: what the call returns
            # now, and whether its pc was wound back to re-execute it.
            facts["interrupted"]["return_after"] = signed(
                facts["regs_at_signal"][names["ret"]], arch)
            facts["interrupted"]["pc_after"] = \
                facts["regs_at_signal"][names["pc"]]
            facts["handler"] = "0x%x" % gdb.value("ksig->ka.handler")
            facts["sa_flags"] = "0x%x" % gdb.value("ksig->ka.flags")
            facts["sa_restorer"] = "0x%x" % gdb.value("ksig->ka.restorer")
            flags = int(facts["sa_flags"], 16)
            facts["sa_flag_names"] = [
                name for name, bit in header_defines(
                    "include/uapi/linux/signal.h", "SA_").items()
                if flags & bit]
            facts["frame_function"] = function
            facts["vdso"] = vdso_mapping(gdb, arch)
            gdb.finish()
            after = user_regs(gdb, arch)
            frame = {"sp": after["sp"], "pc": after[names["pc"]]}
            if arch == "riscv":
                frame["return_address"] = after["ra"]
                frame["return_symbol"] = "vdso rt_sigreturn"
                frame["args"] = [after["a0"], after["a1"], after["a2"]]
            else:
                frame["return_address"] = gdb.value(
                    "*(unsigned int *)%d" % after["sp"])
                frame["args"] = [after["ax"], after["dx"], after["cx"]]
            frame["size"] = gdb.value("sizeof(struct rt_sigframe)")
            frame["layout"] = frame_layout(gdb, arch)
            frame["sizes"] = {t: gdb.value("sizeof(%s)" % t)
                              for t in FRAME_TYPES[arch]}
            facts["frame"] = frame
            handler_bp = gdb.tbreak("*%s if %s" % (facts["handler"], (
                "$priv == 0" if arch == "riscv" else "($cs & 3) == 3")))
        elif function in ("sys_rt_sigreturn", "sys_sigreturn") and \
                stop["pid"] == child:
            # The handler has returned through its return address: the
            # system call finds the frame from the user sp.
            regs = user_regs(gdb, arch)
            stop["sp"] = regs["sp"]
            stop["syscall_nr"] = gdb.value("%s->%s" % (PT_REGS,
                                                       names["nr"]))
            facts["sigreturn"] = dict(stop)
        elif function == "restore_sigcontext" and stop["pid"] == child:
            gdb.finish()
            facts["regs_after_sigreturn"] = user_regs(gdb, arch)
            facts["stops"].append(stop)
            break
        facts["stops"].append(stop)
        function = None
    gdb.cmd("delete")
    back_in_user(gdb, arch, names, facts)
    gdb.cmd("delete")
    # Set now, while the CPU is in the kernel: the restart to trace next.
    restart_bp = restart_break(gdb, arch, names)
    facts["console"] = console_until(
        gdb, qemu, "Signal Complete!",
        lambda l: l.startswith(("Parent sends", "Child caught",
                                "Child back", "Signal Complete")))
    before, after = facts["regs_at_signal"], facts["regs_after_sigreturn"]
    facts["regs_differing"] = sorted(r for r in before
                                     if before[r] != after[r])
    cpu = facts.get("regs_back_in_user", {})
    facts["user_regs_differing"] = sorted(r for r in before
                                          if cpu.get(r) != before[r])
    if "Signal Complete!" in facts["console"]:
        facts["restart"] = run_restart(gdb, qemu, arch, names, restart_bp)
    return facts


RESTART_PROGRAM = "test_sigwait"
RESTART_CASE = "read of a pipe: restarted under SA_RESTART"


def restart_break(gdb, arch, names):
    """A breakpoint on handle_signal for a call that returned -ERESTARTSYS
    with a SIGUSR1 handler installed with SA_RESTART (test_sigwait's; not
    another process's SIGCHLD); its number."""
    sig = header_defines("include/uapi/linux/signal.h", "S")
    err = header_defines("include/linux/errno.h", "E")
    out = gdb.cmd("break handle_signal if $lab_user() && ksig->sig == %d && "
                  "(ksig->ka.flags & %d) && (long)regs->%s == -%d" % (
                      sig["SIGUSR1"], sig["SA_RESTART"], names["ret"],
                      err["ERESTARTSYS"]))
    return int(re.search(r"reakpoint (\d+) at", out).group(1))


def run_restart(gdb, qemu, arch, names, number):
    """A restarted system call, traced: at the MenuOS prompt the signals
    lab left, run test_sigwait (user/test_sigwait.c), whose second case
    blocks in read() of a pipe with a SIGUSR1 handler installed with
    SA_RESTART, and is sent SIGUSR1 by a child. Stop at the handle_signal
    that finds -ERESTARTSYS under SA_RESTART, read the interrupted call's
    registers, let handle_signal run, read them again — the return
    register given back the original argument, the pc moved back onto the
    system-call instruction — and wait for the case's verdict."""
    ret, pc, orig = names["ret"], names["pc"], \
        "orig_a0" if arch == "riscv" else "orig_ax"
    facts = {"program": RESTART_PROGRAM, "case": RESTART_CASE}
    try:
        qemu.expect("MenuOS>>", timeout=TIMEOUT)
        qemu.send(RESTART_PROGRAM + "\r")
        # gdb is still running from the lab's last `continue`.
        gdb.child.expect(r"(?:Temporary b|B)reakpoint (\d+), ",
                         timeout=TIMEOUT)
        hit = int(gdb.child.match.group(1))
        gdb.child.expect(gdb.PROMPT)
        if hit != number:
            facts["error"] = "stopped at breakpoint %d" % hit
            return facts
        regs = gdb.value("regs")
        r = "((struct pt_regs *)%d)" % regs
        facts["pid"] = gdb.value("$current()->pid")
        facts["sa_flags"] = "0x%x" % gdb.value("ksig->ka.flags")
        facts["sig"] = gdb.value("ksig->sig")
        nr = gdb.value("%s->%s" % (r, "a7" if arch == "riscv" else
                                   "orig_ax"))
        facts["syscall_nr"] = nr
        out = gdb.cmd("printf \"%%s\\n\", syscall_names[%d]" % nr)
        facts["syscall_name"] = out.strip().splitlines()[-1] \
            if out.strip() else "?"
        facts["before"] = {"ret": signed(gdb.value("%s->%s" % (r, ret)),
                                         arch),
                           "pc": gdb.value("%s->%s" % (r, pc)),
                           "orig": gdb.value("%s->%s" % (r, orig))}
        # handle_signal's restart logic runs first, then it builds the
        # frame: read the registers when the frame function starts.
        frame_fns = ["setup_rt_frame"] + (["setup_frame"] if arch == "x86"
                                          else [])
        stops = [gdb.tbreak(fn) for fn in frame_fns]
        hit, facts["frame_function"] = gdb.cont_number(once=True)
        if hit not in stops:
            facts["error"] = "stopped at breakpoint %d" % hit
            return facts
        facts["after"] = {"ret": gdb.value("%s->%s" % (r, ret)),
                          "pc": gdb.value("%s->%s" % (r, pc))}
        facts["code_at_pc_after"] = [
            {"address": int(a, 16), "code": re.sub(r"\s+", " ", c).strip()}
            for a, c in re.findall(r"^\s*(?:=> )?(0x[0-9a-f]+)(?: <[^>]*>)?:"
                                   r"\s*(.*)$", gdb.cmd("x/2i 0x%x" %
                                                        facts["after"]["pc"]),
                                   re.M)]
        gdb.cmd("delete")
        gdb.child.sendline("continue")
        # The whole verdict (check.h's): (\S+) would match the first
        # letter of "ok" as soon as the serial line delivered it alone.
        qemu.expect(r"%s: %s: (ok|FAILED)" % (
            RESTART_PROGRAM.replace("test_", ""), re.escape(RESTART_CASE)),
            timeout=TIMEOUT)
        facts["verdict"] = qemu.match.group(1)
    except (pexpect.TIMEOUT, pexpect.EOF, TraceError, AttributeError) as e:
        facts["error"] = "%s: %s" % (type(e).__name__,
                                     str(e).splitlines()[0] if str(e)
                                     else "")
    return facts


def user_pid(gdb, arch, facts, child):
    """The pid of the task running in user mode. QEMU lets gdb read kernel
    memory only while a RISC-V CPU is in the kernel: there the running
    task is told by its task_struct's address (in sscratch), compared with
    the child's read at setup_rt_frame; -1 for another task."""
    if arch == "x86":
        return gdb.value("$current()->pid")
    return child if gdb.value("$sscratch") == facts["child_task"] else -1


def signed(value, arch):
    """A register's value as the C long it holds."""
    bits = 64 if arch == "riscv" else 32
    return value - (1 << bits) if value >> (bits - 1) else value


def header_defines(path, prefix):
    """{NAME: value} of a kernel header's `#define PREFIX... number` lines:
    the names the kernel's code uses (the debug info has no macros)."""
    out = {}
    with open(os.path.join(ROOT, path)) as f:
        for m in re.finditer(r"^#define (%s\w*)\s+(0x[0-9a-fA-F]+|\d+)\b"
                             % prefix, f.read(), re.M):
            out[m.group(1)] = int(m.group(2), 0)
    return out


# The frame's members, by path from struct rt_sigframe, in address order;
# their offsets and sizes are read from the kernel's debug info.
FRAME_MEMBERS = {
    "riscv": ["info", "uc", "uc.uc_flags", "uc.uc_link", "uc.uc_stack",
              "uc.uc_sigmask", "uc.uc_mcontext", "uc.uc_mcontext.sc_regs",
              "uc.uc_mcontext.sc_q"],
    "x86": ["pretcode", "sig", "pinfo", "puc", "info", "uc", "uc.uc_flags",
            "uc.uc_link", "uc.uc_stack", "uc.uc_mcontext", "uc.uc_sigmask",
            "retcode"],
}
FRAME_TYPES = {
    "riscv": ["siginfo_t", "struct ucontext", "struct sigcontext",
              "struct user_regs_struct", "struct __riscv_q_ext_state",
              "struct pt_regs"],
    "x86": ["siginfo_t", "struct ucontext", "struct sigcontext",
            "struct _fpstate", "struct pt_regs"],
}


def frame_layout(gdb, arch):
    """[{member, offset, size}] of struct rt_sigframe, read live."""
    out = []
    for m in FRAME_MEMBERS[arch]:
        out.append({"member": m, "offset": gdb.value(
            "(unsigned long)&((struct rt_sigframe *)0)->%s" % m),
            "size": gdb.value("sizeof(((struct rt_sigframe *)0)->%s)" % m)})
    return out


def vdso_mapping(gdb, arch):
    """RISC-V: where the vDSO is mapped in the current process
    (mm->context.vdso), its image's size and the pages it takes
    (vdso_pages_nr pages of 1 << PAGE_SHIFT bytes); None elsewhere or when
    the kernel has no vDSO."""
    if arch != "riscv":
        return None
    out = gdb.cmd("printf \"%lu %lu %lu\\n\", "
                  "(unsigned long)$current()->mm->context.vdso, "
                  "(unsigned long)vdso_end - (unsigned long)vdso_start, "
                  "vdso_pages_nr")
    m = re.search(r"^(\d+) (\d+) (\d+)\s*$", out, re.M)
    if not m:
        return None
    page = 1 << header_defines("arch/riscv/include/asm/page.h",
                               "PAGE_SHIFT")["PAGE_SHIFT"]
    # Where in the image the trampoline is: the offset the kernel was
    # built with (VDSO_SYMBOL), from the image's own symbol table.
    offsets = header_defines("build/riscv%s/include/generated/vdso-offsets.h" % KDIR,
                             "__vdso_")
    return {"base": int(m.group(1)), "image_size": int(m.group(2)),
            "size": int(m.group(3)) * page,
            "rt_sigreturn_offset": offsets.get("__vdso_rt_sigreturn_offset")}


def interrupted_call(gdb, arch, names):
    """At handle_signal: the system call the signal interrupted — its
    number, its return value, the original first argument (RISC-V's
    orig_a0; i386's orig_ax is the call number) and the user pc after the
    system-call instruction."""
    facts = {"return_before": signed(gdb.value("regs->%s" % names["ret"]),
                                     arch),
             "pc_before": gdb.value("regs->%s" % names["pc"])}
    if arch == "riscv":
        facts["syscall_nr"] = gdb.value("regs->a7")
        facts["orig"] = {"field": "orig_a0", "value":
                         gdb.value("regs->orig_a0")}
        facts["cause"] = gdb.value("regs->cause")
        facts["exc_syscall"] = header_defines(
            "arch/riscv/include/asm/csr.h", "EXC_SYSCALL")["EXC_SYSCALL"]
    else:
        facts["syscall_nr"] = gdb.value("regs->orig_ax")
        facts["orig"] = {"field": "orig_ax", "value":
                         gdb.value("regs->orig_ax")}
    out = gdb.cmd("printf \"%%s\\n\", syscall_names[%d]" %
                  facts["syscall_nr"])
    facts["syscall_name"] = out.strip().splitlines()[-1] if out.strip() \
        else "?"
    errnos = header_defines("include/linux/errno.h", "E")
    facts["errnos"] = {name: errnos[name] for name in (
        "EINTR", "ERESTARTSYS", "ERESTARTNOINTR", "ERESTARTNOHAND",
        "ERESTART_RESTARTBLOCK")}
    return facts


# The size of the system-call instruction a restart winds the pc back
# over: ecall is 4 bytes, int $0x80 two. The trace disassembles what lies
# there to show it.
SYSCALL_INSN_SIZE = {"riscv": 4, "x86": 2}


def disassemble(gdb, addr, count):
    """count instructions at addr, as ['mnemonic operands', ...]."""
    out = gdb.cmd("x/%di 0x%x" % (count, addr))
    return [re.sub(r"\s+", " ", line.split(":", 1)[1]).strip()
            for line in out.splitlines() if ":" in line][:count]


def handler_facts(gdb, arch, facts):
    """At the handler's first instruction, in user mode: its arguments,
    where it returns to and the code there, and what the frame at sp
    holds (the siginfo, the saved pc and sp)."""
    stop = {}
    f = "((struct rt_sigframe *)$sp)"
    if arch == "riscv":
        stop["signo"] = gdb.value("$a0")
        stop["return_address"] = "0x%x" % gdb.value("$ra")
        stop["args"] = {"a0": gdb.value("$a0"), "a1": gdb.value("$a1"),
                        "a2": gdb.value("$a2")}
        mc = "%s->uc.uc_mcontext.sc_regs" % f
        stop["saved_pc"] = gdb.value("%s.pc" % mc)
        stop["saved_sp"] = gdb.value("%s.sp" % mc)
    else:  # the handler's arguments, above its return address
        stop["signo"] = gdb.value("*(int *)($esp + 4)")
        stop["return_address"] = "0x%x" % gdb.value("*(unsigned int *)$esp")
        stop["args"] = {"stack": [gdb.value("*(unsigned int *)($esp + %d)"
                                            % i) for i in (4, 8, 12)],
                        "eax": gdb.value("$eax"), "edx": gdb.value("$edx"),
                        "ecx": gdb.value("$ecx")}
        mc = "%s->uc.uc_mcontext" % f
        stop["saved_pc"] = gdb.value("%s.ip" % mc)
        stop["saved_sp"] = gdb.value("%s.sp" % mc)
        stop["fpstate"] = gdb.value("%s.fpstate" % mc)
    stop["sp"] = "0x%x" % gdb.value("$sp")
    stop["info_at"] = gdb.value("&%s->info" % f)
    stop["uc_at"] = gdb.value("&%s->uc" % f)
    stop["siginfo"] = {k: signed(gdb.value("%s->info.%s" % (f, v)), arch)
                       for k, v in (("si_signo", "si_signo"),
                                    ("si_code", "si_code"),
                                    ("si_pid", "_sifields._rt._pid"))}
    stop["trampoline"] = disassemble(gdb, int(stop["return_address"], 16),
                                     2)
    # What a restart would re-execute: the instruction before the pc the
    # signal interrupted.
    pc = facts["interrupted"]["pc_before"] - SYSCALL_INSN_SIZE[arch]
    stop["syscall_insn"] = {"address": pc,
                            "code": (disassemble(gdb, pc, 1) or ["?"])[0]}
    return stop


# The CPU registers gdb shows in user mode, by pt_regs field name.
CPU_REGS = {
    "riscv": dict([("epc", "$pc")] + [(r, "$" + r) for r in
                                     USER_REGS["riscv"][1:]]),
    "x86": {"bx": "$ebx", "cx": "$ecx", "dx": "$edx", "si": "$esi",
            "di": "$edi", "bp": "$ebp", "ax": "$eax", "ds": "$ds",
            "es": "$es", "fs": "$fs", "gs": "$gs", "ip": "$eip", "cs": "$cs",
            "flags": "$eflags", "sp": "$esp", "ss": "$ss"},
}


def back_in_user(gdb, arch, names, facts):
    """Let the child leave rt_sigreturn and stop at its first user
    instruction after it — the pc the signal interrupted — and read the
    CPU's registers there. Only the child: the parent runs the same code
    at the same addresses (MenuOS forked it), so the running task is
    checked by value (sscratch / current_task, as in the fork trace)."""
    regs = facts["regs_at_signal"]
    cur = "$sscratch" if arch == "riscv" else "current_task"
    user_mode = "$priv == 0" if arch == "riscv" else "($cs & 3) == 3"
    bp = gdb.tbreak("*0x%x if %s && %s == %d" % (
        regs[names["pc"]], user_mode, cur, facts["child_task"]))
    number, _ = gdb.cont_number(once=True)
    if number != bp:
        return
    facts["regs_back_in_user"] = {
        r: gdb.value(e) & (0xffff if arch == "x86" and r in
                           ("ds", "es", "fs", "gs", "cs", "ss") else ~0)
        for r, e in CPU_REGS[arch].items()}


def symbol_of(gdb, addr):
    out = gdb.cmd("info symbol 0x%x" % addr)
    m = re.match(r"\s*(\S+)( \+ (\d+))? in section", out)
    return (m.group(1) if not m.group(3) else
            "%s+%s" % (m.group(1), m.group(3))) if m else ""


def run_fork(gdb, qemu, arch, names):
    facts = {}
    # Boot to MenuOS. Lab breakpoints ignore the boot's kernel threads,
    # so the first stop must come from the `fork` we type.
    gdb.child.sendline("continue")
    qemu.expect("MenuOS>>", timeout=TIMEOUT)
    qemu.send("fork\r")
    gdb.child.expect(r"Breakpoint \d+, (?:0x[0-9a-f]+ in )?(\w+) ")
    path = [gdb.child.match.group(1)]
    gdb.child.expect(gdb.PROMPT)

    def stop_info():
        return {"function": path[-1], "address": "0x%x" % gdb.value("$pc")}

    facts["call_path"] = [stop_info()]
    parent = gdb.value("$current()")
    facts["parent_pid"] = gdb.value("$current()->pid")
    pregs = "((struct pt_regs *)((unsigned long)((struct task_struct *)%d)" \
            "->stack + sizeof(union thread_union)) - 1)" % parent
    facts["clone_syscall_nr"] = gdb.value("%s->%s" % (pregs, names["nr"]))
    facts["parent_ret_before"] = gdb.value("%s->%s" % (pregs, names["ret"]))
    words = gdb.value("sizeof(struct pt_regs) / 4")
    regs_dump = gdb.cmd("x/%dxw %s" % (words, pregs))
    user_pc = gdb.value("%s->%s" % (pregs, names["pc"]))
    facts["user_return_pc"] = "0x%x" % user_pc

    while path[-1] != "copy_thread":
        path.append(gdb.cont(once=True))
        facts["call_path"].append(stop_info())
    # At copy_thread: p is the child. Let it run to its end.
    child = gdb.value("p")
    gdb.cmd("set $child = (struct task_struct *)%d" % child)
    gdb.finish()
    t = "$child"
    cregs = "((struct pt_regs *)((unsigned long)%s->stack + " \
            "sizeof(union thread_union)) - 1)" % t
    facts.update({
        "sizeof_pt_regs": gdb.value("sizeof(struct pt_regs)"),
        "sizeof_task_struct": gdb.value("sizeof(struct task_struct)"),
        "thread_size": gdb.value("sizeof(union thread_union)"),
        "stack_base": "0x%x" % gdb.value("%s->stack" % t),
        "childregs": "0x%x" % gdb.value(cregs),
        "child_ret_in_regs": gdb.value("%s->%s" % (cregs, names["ret"])),
        "child_user_pc": "0x%x" % gdb.value("%s->%s" % (cregs, names["pc"])),
        "parent_ret_after": gdb.value("%s->%s" % (pregs, names["ret"])),
        # every word of the parent's pt_regs, compared before/after
        "parent_regs_unchanged": gdb.cmd("x/%dxw %s" % (words, pregs)) ==
        regs_dump,
        "resume_field": "thread." + names["resume"],
        "thread_sp": "0x%x" % gdb.value("%s->thread.sp" % t),
        "return_register": names["ret"],
    })
    resume = gdb.value("%s->thread.%s" % (t, names["resume"]))
    facts["resume_address"] = "0x%x" % resume
    facts["resume_symbol"] = symbol_of(gdb, resume)
    facts["ret_from_fork"] = "0x%x" % gdb.value("&ret_from_fork")
    facts["stack_top"] = "0x%x" % (int(facts["stack_base"], 16) +
                                   facts["thread_size"])

    # From here the child and the parent race; stop at each milestone in
    # whatever order they come: the child's first instruction
    # (ret_from_fork), and each one's first user instruction after the
    # system call, where the child has 0 in the return register and the
    # parent the child's pid. Who is running there is told by the current
    # task pointer (sscratch / current_task) — its value, since QEMU lets
    # gdb read kernel memory only while the CPU is in the kernel. (No
    # breakpoint on sret itself: gdb cannot step over one there.)
    exit_insn = return_instruction(gdb, arch)
    user_mode = "$priv == 0" if arch == "riscv" else "($cs & 3) == 3"
    cur = "$sscratch" if arch == "riscv" else "current_task"
    events = {}
    for who, cond in (("child", "=="), ("parent", "!=")):
        events[gdb.tbreak("*0x%x if %s %s 0 && %s" % (
            user_pc, names["uret"], cond, user_mode))] = who
    events[gdb.breakpoint_number("ret_from_fork")] = "ret_from_fork"
    seen = set()
    while len(seen) < 3:
        number, function = gdb.cont_number()
        what = events.get(number)
        if what is None or what in seen:
            continue
        seen.add(what)
        if what == "ret_from_fork":
            path.append(function)
            facts["call_path"].append(stop_info())
            facts["child_pid"] = gdb.value("$child->pid")
            facts["current_pid_at_ret_from_fork"] = \
                gdb.value("$current()->pid")
            facts["sp_at_ret_from_fork"] = "0x%x" % gdb.value("$sp")
            continue
        task = gdb.value(cur)
        facts[what + "_user_return"] = {
            "pc": "0x%x" % gdb.value(names["upc"]),
            "ret": gdb.value(names["uret"]),
            "user_mode": gdb.value(user_mode),
            "task": "child" if task == child else
                    "parent" if task == parent else "0x%x" % task}
    gdb.cmd("delete")
    facts["return_instruction"] = exit_insn["instruction"]
    facts["return_instruction_at"] = exit_insn["symbol"]
    facts.update(machine_facts(gdb, arch, user_pc))
    facts["console"] = console_until(
        gdb, qemu, "Child Complete!",
        lambda l: l in ("This is Child Process!", "This is Parent Process!",
                        "Child Complete!"))
    return facts


# The threads lab: `fork` and then `thread` typed at MenuOS, both followed
# through the fork lab's breakpoints, with the same facts read for each.

# What clone shares or copies, one copy_* step each: the task_struct
# field it fills in, and the count that says how many tasks hold it.
COPY_STEPS = [("copy_files", "files", "files->count"),
              ("copy_fs", "fs", "fs->users"),
              ("copy_sighand", "sighand", "sighand->count"),
              ("copy_signal", "signal", "signal->nr_threads"),
              ("copy_mm", "mm", "mm->mm_users")]


def clone_flag_names(flags):
    """The CLONE_* names of the bits set in flags (the low byte, CSIGNAL,
    is the exit signal and is left out)."""
    defines = header_defines("include/uapi/linux/signal.h", "CLONE_")
    return [name for name, bit in sorted(defines.items(),
                                         key=lambda kv: kv[1])
            if bit & ~0xff and flags & bit]


def task_list(gdb, head, member, limit=64):
    """The pids of the tasks on the list at head (an expression for a
    struct list_head), linked through task_struct.member."""
    first = gdb.value("&(%s)" % head)
    offset = gdb.value("&((struct task_struct *)0)->%s" % member)
    pids, node = [], gdb.value("(%s).next" % head)
    while node != first and len(pids) < limit:
        pids.append(gdb.value("((struct task_struct *)%d)->pid" %
                              (node - offset)))
        node = gdb.value("((struct list_head *)%d)->next" % node)
    return pids


def user_symbol(arch, addr):
    """'function+0xoff' for an address in MenuOS (/init, static and not
    position-independent), from its own symbol table."""
    nm = {"riscv": "riscv64-linux-gnu-nm", "x86": "i686-linux-gnu-nm"}[arch]
    try:
        out = subprocess.run([nm, "-n", os.path.join(
            ROOT, "build", arch, "rootfs", "init")], capture_output=True,
            text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return ""
    best = None
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "TtWw" and \
                not parts[2].startswith("$"):
            value = int(parts[0], 16)
            if value <= addr:
                best = (parts[2], value)
            else:
                break
    return "%s+0x%x" % (best[0], addr - best[1]) if best else ""


def tls_facts(gdb, arch, task, regs):
    """The thread pointer a task will have in user mode. RISC-V: tp, in
    its pt_regs. i386: %gs selects a GDT slot; the task's TLS slots are
    thread.tls_array (copied into the GDT when it is switched in), and the
    base of the one %gs selects is the thread pointer."""
    if arch == "riscv":
        return {"tp": gdb.value("%s->tp" % regs)}
    gs = gdb.value("%s->gs" % regs) & 0xffff
    first = header_defines("arch/x86/include/asm/segment.h",
                           "GDT_ENTRY_TLS_")["GDT_ENTRY_TLS_MIN"]
    slot = (gs >> 3) - first
    out = {"gs": gs, "gdt_entry": gs >> 3, "tls_slot": slot}
    if 0 <= slot < 3:
        d = "%s->thread.tls_array[%d]" % (task, slot)
        a, b = gdb.value("%s.a" % d), gdb.value("%s.b" % d)
        out["descriptor"] = "0x%08x%08x" % (b, a)
        out["base"] = (a >> 16) | ((b & 0xff) << 16) | (b & 0xff000000)
    return out


def clone_lab(gdb, qemu, arch, names, command, done, ni_bp):
    """Type command at MenuOS (the inferior running) and follow the clone
    it makes through the lab breakpoints: clone's arguments at sys_clone,
    the new task at copy_thread and after copy_process returns (what it
    shares with its creator, its ids, its pt_regs and TLS), then its
    first instruction (ret_from_fork) and its first user instruction.
    System calls answered -ENOSYS before the clone (clone3) are noted."""
    facts = {"command": command, "call_path": [], "enosys": []}
    gdb.cmd("enable %d" % ni_bp)  # gdb holds the machine at the prompt
    gdb.child.sendline("continue")
    gdb.child.expect("Continuing")
    qemu.send(command + "\r")
    gdb.child.expect(r"(?:Temporary b|B)reakpoint (\d+), "
                     r"(?:0x[0-9a-f]+ in )?([\w?]+) ", timeout=TIMEOUT)
    number, function = int(gdb.child.match.group(1)), gdb.child.match.group(2)
    gdb.child.expect(gdb.PROMPT)
    while True:
        if number == ni_bp:
            nr = gdb.value("nr")
            out = gdb.cmd("printf \"%%s\\n\", syscall_names[%d]" % nr)
            facts["enosys"].append({"nr": nr, "name": out.strip()})
        else:
            facts["call_path"].append(function)
        if function == "sys_clone":
            gdb.cmd("disable %d" % ni_bp)
            parent = gdb.value("$current()")
            gdb.cmd("set $creator = (struct task_struct *)%d" % parent)
            facts["syscall_nr"] = gdb.value("%s->%s" % (PT_REGS,
                                                        names["nr"]))
            facts["flags"] = gdb.value("clone_flags")
            facts["newsp"] = gdb.value("newsp")
            facts["tls_arg"] = gdb.value("tls")
        if function == "copy_thread":
            break
        number, function = gdb.cont_number(once=True)
    facts["flags_hex"] = "0x%x" % facts["flags"]
    facts["flag_names"] = clone_flag_names(facts["flags"])
    facts["exit_signal"] = facts["flags"] & 0xff
    child = gdb.value("p")
    gdb.cmd("set $child = (struct task_struct *)%d" % child)
    if arch == "x86" and facts["flags"] & 0x80000:  # CLONE_SETTLS
        u = "((struct user_desc *)%d)" % facts["tls_arg"]
        facts["user_desc"] = {"entry_number": gdb.value("%s->entry_number"
                                                        % u),
                              "base_addr": gdb.value("%s->base_addr" % u)}
    gdb.finish()  # copy_thread returns to copy_process
    gdb.finish()  # copy_process returns the new task to kernel_clone
    t, c = "$child", "$creator"
    pregs = "((struct pt_regs *)((unsigned long)%s->stack + " \
            "sizeof(union thread_union)) - 1)" % c
    cregs = "((struct pt_regs *)((unsigned long)%s->stack + " \
            "sizeof(union thread_union)) - 1)" % t
    facts["steps"] = {}
    for step, field, count in COPY_STEPS:
        mine, theirs = gdb.value("%s->%s" % (c, field)), \
            gdb.value("%s->%s" % (t, field))
        facts["steps"][step] = {
            "field": field, "creator": "0x%x" % mine, "new": "0x%x" % theirs,
            "shared": mine == theirs,
            "count_field": count.split("->")[1],
            "creator_count": gdb.value("%s->%s" % (c, count)),
            "new_count": gdb.value("%s->%s" % (t, count))}
    facts.update({
        "creator_pid": gdb.value("%s->pid" % c),
        "creator_tgid": gdb.value("%s->tgid" % c),
        "pid": gdb.value("%s->pid" % t),
        "tgid": gdb.value("%s->tgid" % t),
        "group_leader_pid": gdb.value("%s->group_leader->pid" % t),
        "group_leader_is_self": gdb.value("%s->group_leader == %s" % (t, t)),
        "real_parent_pid": gdb.value("%s->real_parent->pid" % t),
        "creator_real_parent_pid": gdb.value("%s->real_parent->pid" % c),
        "task_exit_signal": signed(gdb.value("%s->exit_signal" % t), arch),
        "creator_children": task_list(gdb, "%s->children" % c, "sibling"),
        "real_parent_children": task_list(
            gdb, "%s->real_parent->children" % t, "sibling"),
        "thread_group": task_list(gdb, "%s->signal->thread_head" % t,
                                  "thread_node"),
    })
    facts["on_creator_children"] = facts["pid"] in facts["creator_children"]
    facts["on_real_parent_children"] = \
        facts["pid"] in facts["real_parent_children"]
    user_pc = gdb.value("%s->%s" % (pregs, names["pc"]))
    resume = gdb.value("%s->thread.%s" % (t, names["resume"]))
    facts["regs"] = {
        "creator": {"sp": gdb.value("%s->sp" % pregs), "pc": user_pc,
                    "tls": tls_facts(gdb, arch, c, pregs)},
        "new": {"sp": gdb.value("%s->sp" % cregs),
                "pc": gdb.value("%s->%s" % (cregs, names["pc"])),
                "ret": gdb.value("%s->%s" % (cregs, names["ret"])),
                "tls": tls_facts(gdb, arch, t, cregs)},
        "return_register": names["ret"],
        "resume_field": "thread." + names["resume"],
        "resume": "0x%x" % resume,
        "resume_symbol": symbol_of(gdb, resume),
        "ret_from_fork": "0x%x" % gdb.value("&ret_from_fork"),
    }
    facts["clone_wrapper"] = user_symbol(arch, user_pc)
    # What a student's gdb helpers show now (scripts/gdb/clonix.py).
    facts["lx_ps"] = gdb.cmd("lx-ps").strip("\r\n").replace("\r", "")
    facts["lx_threads"] = gdb.cmd("lx-threads %d" % facts["pid"]).strip(
        "\r\n").replace("\r", "")

    # Both now leave the kernel at the same user pc, in either order: the
    # new task (first through ret_from_fork) and its creator, told apart
    # by the current task pointer, as in the fork trace.
    user_mode = "$priv == 0" if arch == "riscv" else "($cs & 3) == 3"
    cur = "$sscratch" if arch == "riscv" else "current_task"
    events = {gdb.breakpoint_number("ret_from_fork"): "ret_from_fork"}
    for who, task in (("new", child), ("creator", parent)):
        events[gdb.tbreak("*0x%x if %s && %s == %d" % (
            user_pc, user_mode, cur, task))] = who
    seen = set()
    while len(seen) < 3:
        number, function = gdb.cont_number()
        what = events.get(number)
        if what is None or what in seen:
            continue
        seen.add(what)
        if what == "ret_from_fork":
            facts["call_path"].append(function)
            facts["pid_at_ret_from_fork"] = gdb.value("$current()->pid")
            continue
        here = {"pc": gdb.value(names["upc"]), "sp": gdb.value("$sp"),
                "ret": signed(gdb.value(names["uret"]), arch)}
        if arch == "riscv":
            here["tp"] = gdb.value("$tp")
        else:
            here["gs"] = gdb.value("$gs") & 0xffff
        here["symbol"] = user_symbol(arch, here["pc"])
        here["code"] = disassemble(gdb, here["pc"], 4)
        facts["first_user_" + what] = here
    for number, what in events.items():
        if what != "ret_from_fork" and what not in seen:
            gdb.cmd("delete %d" % number)
    facts["console"] = console_until(
        gdb, qemu, done,
        lambda l: l.startswith(("This is", "Child Complete",
                                "Thread Complete", "pthread_")))
    qemu.expect("MenuOS>>", timeout=TIMEOUT)
    interrupt(gdb)
    return facts


def interrupt(gdb):
    """Stop the running machine (Ctrl-C to gdb) and wait for the prompt."""
    gdb.child.sendintr()
    gdb.child.expect(gdb.PROMPT)


def run_thread(gdb, qemu, arch, names):
    """Type `fork` and then `thread` at MenuOS, each followed through the
    fork lab's breakpoints (clone_lab), so the report can set the thread
    glibc's pthread_create makes beside the process fork makes."""
    ni_bp = int(re.search(r"Breakpoint (\d+) at",
                          gdb.cmd("break sys_ni_syscall if $lab_user()")
                          ).group(1))
    gdb.cmd("disable %d" % ni_bp)
    gdb.child.sendline("continue")
    qemu.expect("MenuOS>>", timeout=TIMEOUT)
    interrupt(gdb)
    facts = {"fork": clone_lab(gdb, qemu, arch, names, "fork",
                               "Child Complete!", ni_bp)}
    facts["thread"] = clone_lab(gdb, qemu, arch, names, "thread",
                                "Thread Complete!", ni_bp)
    return facts


def machine_facts(gdb, arch, user_pc):
    """Entry and exit instructions and the trap vector, read live."""
    facts = {}
    if arch == "riscv":
        entry = user_pc - 4  # epc was moved past the ecall
        vector = gdb.value("$stvec")
    else:
        entry = user_pc - 2  # int $0x80 is two bytes
        g = "((unsigned short *)&idt_table[0x80])"
        vector = gdb.value("%s[0] | (%s[3] << 16)" % (g, g))
    out = gdb.cmd("x/i 0x%x" % entry)
    facts["entry_instruction"] = re.sub(r"\s+", " ", out.split(":", 1)[1]
                                        ).strip() if ":" in out else out
    facts["trap_vector"] = {"address": "0x%x" % vector,
                            "symbol": symbol_of(gdb, vector)}
    return facts


def return_instruction(gdb, arch):
    """Where the kernel leaves for user mode: the sret / iret at the end of
    ret_from_exception / restore_all, found by disassembling it."""
    exit_fn = "ret_from_exception" if arch == "riscv" else "restore_all"
    out = gdb.cmd("x/80i %s" % exit_fn)
    m = re.search(r"^\s*(?:=> )?(0x[0-9a-f]+)\s*<([^>]+)>:\s*(sret|iret[lwd]?)\b",
                  out, re.M)
    if not m:
        raise TraceError("no sret/iret in %s:\n%s" % (exit_fn, out))
    return {"address": m.group(1), "symbol": m.group(2),
            "instruction": m.group(3)}


# ---- the copy-on-write lab ------------------------------------------------
#
# `cow` typed at MenuOS: a private page written by the parent, shared by
# fork, written by the child (its copy-on-write fault: do_wp_page copies),
# then by the parent once the child has exited (do_wp_page reuses). The
# page tables are walked here from the kernel's own mm->pgd, independently
# of lx-pte (whose text is recorded beside, for the test to compare).

# The write-fault path the trace stops on, in order (cow-breaks sets them).
COW_PATH = ["do_page_fault", "handle_page_fault", "handle_mm_fault",
            "do_wp_page"]
# The page-table levels: (name, the header constant of the level's shift).
PT_LEVELS = {"riscv": [("pgd", "PGDIR_SHIFT"), ("pmd", "PMD_SHIFT"),
                       ("pte", "PAGE_SHIFT")],
             "x86": [("pgd", "PGDIR_SHIFT"), ("pte", "PAGE_SHIFT")]}
PTE_BITS = {"riscv": ["_PAGE_PRESENT", "_PAGE_READ", "_PAGE_WRITE",
                      "_PAGE_EXEC", "_PAGE_USER", "_PAGE_GLOBAL",
                      "_PAGE_ACCESSED", "_PAGE_DIRTY", "_PAGE_PROT_NONE"],
            "x86": ["_PAGE_PRESENT", "_PAGE_RW", "_PAGE_USER", "_PAGE_PWT",
                    "_PAGE_PCD", "_PAGE_ACCESSED", "_PAGE_DIRTY",
                    "_PAGE_PSE", "_PAGE_GLOBAL"]}
WRITE_BIT = {"riscv": "_PAGE_WRITE", "x86": "_PAGE_RW"}


def header_constants(path):
    """{NAME: value} of every `#define NAME constant` in a kernel header
    whose value is a number, an _AC(number, UL), a shift of one or another
    such NAME — asm/page.h's and asm/pgtable.h's constants."""
    with open(os.path.join(ROOT, path)) as f:
        text = f.read()
    raw = {m.group(1): re.sub(r"/\*.*?\*/", "", m.group(2)).strip()
           for m in re.finditer(r"^#define (\w+)[ \t]+(.+)$", text, re.M)}
    out = {}

    def value(name, depth=0):
        if name in out or depth > 8:
            return out.get(name)
        expr = re.sub(r"_AC\(([^,]+),\s*\w+\)", r"\1", raw.get(name, ""))
        expr = re.sub(r"\b([A-Z_][A-Z0-9_]*)\b", lambda m: str(
            value(m.group(1), depth + 1)), expr)
        if re.fullmatch(r"[\s()0-9a-fA-Fx<|+-]+", expr or "-"):
            try:
                out[name] = int(eval(expr))  # digits, shifts, ors only
            except (SyntaxError, ValueError):
                pass
        return out.get(name)

    for name in raw:
        value(name)
    return out


def mmu_constants(arch):
    """The page-table constants, by name, from the kernel's headers."""
    c = header_constants("arch/%s/include/asm/page.h" % arch)
    c.update(header_constants("arch/%s/include/asm/pgtable.h" % arch))
    c.setdefault("PHYS_RAM_BASE", 0)
    c.setdefault("PMD_SHIFT", c["PGDIR_SHIFT"])
    return c


def pte_state(gdb, arch, task, addr):
    """Walk task's page tables (task->mm->pgd, kernel addresses through
    the linear map) for user address addr: each level's index and entry,
    the leaf PTE, its bits by their asm/pgtable.h names, the frame, and
    the frame's struct page (mem_map[pfn - min_low_pfn]): _refcount,
    mapping, and the bytes at addr."""
    c = mmu_constants(arch)
    linear = c["PAGE_OFFSET"] - c["PHYS_RAM_BASE"]
    pfn_shift = c.get("_PAGE_PFN_SHIFT", c["PAGE_SHIFT"])
    per = {"riscv": c.get("PTRS_PER_PTE", 512),
           "x86": c.get("PTRS_PER_PTE", 1024)}[arch]
    word = gdb.value("sizeof(unsigned long)")
    state = {"task": "0x%x" % gdb.value(task),
             "pid": gdb.value("(%s)->pid" % task),
             "pgd": gdb.value("(%s)->mm->pgd" % task), "levels": []}
    table = state["pgd"]
    entry = 0
    for name, shift in PT_LEVELS[arch]:
        index = addr >> c[shift] & (per - 1)
        at = table + index * word
        entry = gdb.value("*(unsigned long *)%d" % at)
        state["levels"].append({"level": name, "index": index, "at": at,
                                "entry": entry})
        if not entry & c["_PAGE_PRESENT"]:
            return state
        frame = entry >> pfn_shift if arch == "riscv" else \
            entry >> c["PAGE_SHIFT"]
        table = (frame << c["PAGE_SHIFT"]) + linear
    state["pte"] = entry
    state["bits"] = [b for b in PTE_BITS[arch] if entry & c[b]]
    state["writable"] = bool(entry & c[WRITE_BIT[arch]])
    pfn = entry >> pfn_shift if arch == "riscv" else \
        entry >> c["PAGE_SHIFT"]
    if arch == "riscv":
        pfn &= (1 << 44) - 1
    state["pfn"] = pfn
    page = "(&mem_map[%d - min_low_pfn])" % pfn
    state["page"] = "0x%x" % gdb.value(page)
    state["refcount"] = gdb.value("%s->_refcount" % page)
    state["mapping"] = gdb.value("%s->mapping" % page)
    out = gdb.cmd("printf \"%%s\\n\", (char *)%d" % (
        (pfn << c["PAGE_SHIFT"]) + linear + (addr & ((1 << c["PAGE_SHIFT"])
                                                     - 1))))
    state["holds"] = out.strip()
    return state


def leaf_table(gdb, arch, task, addr):
    """Where task's leaf (pte) table for addr is, the address of addr's
    entry in it, and the table's _refcount: the address spaces using it
    (fork shares a table whole until one side changes it)."""
    state = pte_state(gdb, arch, task, addr)
    c = mmu_constants(arch)
    upper = state["levels"][-2]["entry"]
    pfn = upper >> c.get("_PAGE_PFN_SHIFT", c["PAGE_SHIFT"])
    if arch == "riscv":
        pfn &= (1 << 44) - 1
    return {"entry_at": state["levels"][-1]["at"], "table_pfn": pfn,
            "table_refcount": gdb.value(
                "(&mem_map[%d - min_low_pfn])->_refcount" % pfn)}


def lx_pte(gdb, addr, *tasks):
    """What the student's lx-pte prints for these tasks."""
    return gdb.cmd("lx-pte 0x%x %s" % (addr, " ".join(tasks))).strip(
        "\r\n").replace("\r", "")


def fault_cause(gdb, arch, stop):
    """At do_page_fault: why the CPU trapped. RISC-V: scause (15, a store
    or AMO page fault) and stval (the address, in pt_regs badaddr);
    i386: the error code (bit 0 present, bit 1 write, bit 2 user) and
    CR2."""
    if arch == "riscv":
        stop["cause"] = gdb.value("cause")
        stop["address"] = gdb.value("regs->badaddr")
        stop["user_pc"] = gdb.value("regs->epc")
        stop["user_mode"] = not gdb.value("regs->status & %d" % (
            header_constants("arch/riscv/include/asm/csr.h")["SR_SPP"]))
    else:
        stop["error_code"] = gdb.value("error_code")
        stop["address"] = gdb.value("$cr2")
        stop["user_pc"] = gdb.value("regs->ip")
        stop["user_mode"] = bool(gdb.value("regs->cs & 3") == 3)


def wp_fault(gdb, qemu, arch, addr, who_expr):
    """Follow one write fault on addr's page down cow-breaks' path (the
    machine running into it); at do_wp_page read the PTEs of the faulting
    task and of who_expr's (the other process, when it still exists)
    before and after the call, and catch its TLB flush."""
    fault = {"path": [], "stops": []}
    while True:
        number, function = gdb.cont_number()
        stop = {"function": function, "pid": gdb.value("$current()->pid")}
        last = fault["stops"][-1] if fault["stops"] else {}
        if (last.get("function"), last.get("pid")) == (function,
                                                       stop["pid"]):
            # The same breakpoint in the same task again, with nothing in
            # between: QEMU's gdb stub reporting one stop twice (seen on
            # a loaded host); no function on this path calls itself.
            fault.setdefault("reported_twice", []).append(function)
            continue
        if function == "do_page_fault":
            fault_cause(gdb, arch, stop)
            fault["trap"] = stop
        if function == "handle_mm_fault" and who_expr:
            # Before walk_page_table: is the leaf table still the one
            # fork shared (mm/pgtable-share.c)?
            fault["leaf_at_fault"] = {
                "self": leaf_table(gdb, arch, "$current()", addr),
                "other": leaf_table(gdb, arch, who_expr, addr)}
        fault["path"].append(function)
        fault["stops"].append(stop)
        if function == "do_wp_page":
            break
    page = addr >> 12
    fault["pid"] = gdb.value("$current()->pid")
    fault["addr"] = gdb.value("addr")
    fault["pte_pointer"] = gdb.value("pte")
    # Why the task is here, as the kernel recorded it for this fault.
    if arch == "riscv":
        fault["cause"] = gdb.value("%s->cause" % PT_REGS)
        fault["badaddr"] = gdb.value("%s->badaddr" % PT_REGS)
    else:
        fault["error_code"] = gdb.value("$current()->thread.error_code")
        fault["cr2"] = gdb.value("$current()->thread.cr2")
    gdb.cmd("set $cow_me = $current()")
    tasks = ["$cow_me"] + ([who_expr] if who_expr else [])
    fault["before"] = {"self": pte_state(gdb, arch, "$cow_me", addr)}
    if who_expr:
        fault["before"]["other"] = pte_state(gdb, arch, who_expr, addr)
    fault["lx_pte_before"] = lx_pte(gdb, addr, *tasks)
    # Run do_wp_page to its end; on the way it flushes addr from the TLB.
    flush = gdb.tbreak("flush_tlb_page if (va >> 12) == %d" % page)
    out = gdb.finish()
    if re.search(r"reakpoint %d(?:\.\d+)?, " % flush, out):
        fault["tlb_flush"] = {"function": "flush_tlb_page",
                              "va": gdb.value("va")}
        gdb.finish()
        out = gdb.finish()
    else:
        gdb.cmd("delete %d" % flush)
    m = re.search(r"Value returned is \$\d+ = (-?\d+)", out)
    fault["returned"] = int(m.group(1)) if m else None
    fault["after"] = {"self": pte_state(gdb, arch, "$cow_me", addr)}
    if who_expr:
        fault["after"]["other"] = pte_state(gdb, arch, who_expr, addr)
    fault["lx_pte_after"] = lx_pte(gdb, addr, *tasks)
    return fault


def mmu_format(gdb, arch):
    """The page-table format, for the report: the levels, the entries per
    table and their size (the kernel's pte_t), each PTE bit by its
    asm/pgtable.h name, and the instruction flush_tlb_page uses."""
    c = mmu_constants(arch)
    code = disassemble(gdb, gdb.value("&flush_tlb_page"), 12)
    flush = [i for i in code if re.match(r"(sfence\.vma|invlpg)\b", i)]
    return {"levels": [name for name, _ in PT_LEVELS[arch]],
            "shifts": [c[shift] for _, shift in PT_LEVELS[arch]],
            "ptrs_per_table": c["PTRS_PER_PTE"],
            "entry_size": gdb.value("sizeof(pte_t)"),
            "pfn_shift": c.get("_PAGE_PFN_SHIFT", c["PAGE_SHIFT"]),
            "bits": {b: c[b].bit_length() - 1 for b in PTE_BITS[arch]},
            "tlb_flush_insn": flush[0] if flush else None}


def run_cow(gdb, qemu, arch):
    """Type `cow` at MenuOS. At the fork (sys_clone) the page's address is
    on the console: read the parent's PTE there (writable, one user), set
    `cow-breaks ADDR`, and follow the two write faults that come: the
    child's (do_wp_page with the parent still holding the page: a copy)
    and, after the child has exited, the parent's (its last user: the page
    reused). The console's lines come last."""
    facts = {"command": "cow", "mmu": mmu_format(gdb, arch)}
    clone_bp = int(re.search(r"reakpoint (\d+) at", gdb.cmd(
        "break sys_clone if $lab_user()")).group(1))
    gdb.child.sendline("continue")
    qemu.expect("MenuOS>>", timeout=TIMEOUT)
    qemu.send("cow\r")
    qemu.expect(r"Parent's page at (0x[0-9a-f]+) holds \"([^\"]*)\"",
                timeout=TIMEOUT)
    addr = int(qemu.match.group(1), 16)
    facts["addr"] = addr
    facts["parent_wrote"] = qemu.match.group(2)
    gdb.child.expect(r"Breakpoint %d, " % clone_bp, timeout=TIMEOUT)
    gdb.child.expect(gdb.PROMPT)
    gdb.cmd("delete %d" % clone_bp)
    gdb.cmd("set $cow_parent = $current()")
    facts["parent_pid"] = gdb.value("$cow_parent->pid")
    facts["before_fork"] = pte_state(gdb, arch, "$cow_parent", addr)
    facts["lx_pte_before_fork"] = lx_pte(gdb, addr, "$cow_parent")
    # lx-pte where there is nothing to show: the page at 0 (never mapped,
    # so NULL faults) and a kernel thread (kthreadd, pid 2: no mm).
    facts["lx_pte_page_zero"] = lx_pte(gdb, 0, "$cow_parent")
    facts["lx_pte_kernel_thread"] = lx_pte(gdb, addr, "2")
    gdb.cmd("cow-breaks 0x%x" % addr)
    facts["breakpoints"] = gdb.cmd("info breakpoints").replace("\r", "")
    facts["child_write"] = wp_fault(gdb, qemu, arch, addr, "$cow_parent")
    facts["child_pid"] = facts["child_write"]["pid"]
    facts["child_ppid"] = gdb.value("$cow_me->real_parent->pid")
    # The child exits; the parent, back from waitpid, writes as the page's
    # only user.
    facts["parent_write"] = wp_fault(gdb, qemu, arch, addr, None)
    gdb.cmd("delete")
    facts["console"] = console_until(
        gdb, qemu, "Cow Complete!",
        lambda l: l.startswith(("Parent's page", "Child reads",
                                "Child wrote", "Parent still",
                                "Parent wrote", "Cow Complete")))
    return facts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--arch", default="riscv", choices=sorted(GDB_ARCH))
    ap.add_argument("--json", help="write the facts here")
    ap.add_argument("--log", help="write the gdb and console session here")
    ap.add_argument("--lab", default="fork",
                    choices=("fork", "pipe", "signal", "thread", "cow",
                             "fail"))
    args = ap.parse_args()
    log = open(args.log, "w") if args.log else None
    facts = trace(args.arch, log, args.lab)
    text = json.dumps(facts, indent=2)
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)),
                    exist_ok=True)
        with open(args.json, "w") as f:
            f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    sys.exit(main())
