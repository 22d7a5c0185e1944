"""The signals lab's section of the lab report (scripts/lab/report.py).

Its facts come from scripts/lab/trace.py --lab signal: `signal` typed at
MenuOS, the parent's kill(child, SIGUSR1) followed through sys_kill →
send_signal → complete_signal, the child's way back to user mode through
get_signal → handle_signal → setup_rt_frame, its handler (stopped at its
first user instruction), and the way back: sys_rt_sigreturn →
restore_sigcontext, then the child's first user instruction after it;
then, at the same MenuOS prompt, test_sigwait's read() of a pipe under a
SA_RESTART handler, stopped where handle_signal restarts it.
The table compares the two architectures — the call path, the frame's
layout and size (read from the kernel's own struct rt_sigframe), where
the handler's return address comes from, what happened to the interrupted
call, the handler's arguments, the registers before and after — and each
claim is derived from the trace (signal_claims), so a spoiled fact makes
its claim fail. The only numbers not from the trace are the kernel's own
#defines (SIGUSR1, SI_USER), read from its header.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import section  # noqa: E402  (scripts/lab/section.py)

TITLE = section.TITLE
ARCHES = ["riscv", "x86"]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
# The lab breakpoints in the order a signal meets them (setup_frame and
# sys_sigreturn are i386's frames without SA_SIGINFO; the lab uses
# SA_SIGINFO, so it is setup_rt_frame and sys_rt_sigreturn on both).
SIGNAL_PATH = ["sys_kill", "send_signal", "complete_signal", "get_signal",
               "handle_signal", "setup_rt_frame", "handler",
               "sys_rt_sigreturn", "restore_sigcontext"]
# The registers each architecture passes the handler's three arguments in
# (i386 also pushes them on the stack: that is where a C handler reads
# them).
ARG_REGS = {"riscv": ["a0", "a1", "a2"], "x86": ["eax", "edx", "ecx"]}
PC = {"riscv": "epc", "x86": "ip"}
RET = {"riscv": "a0", "x86": "ax"}


def header_defines(path, prefix):
    """{NAME: value} of the `#define PREFIX... number` lines of a kernel
    header."""
    with open(os.path.join(ROOT, path)) as f:
        return {m.group(1): int(m.group(2), 0) for m in re.finditer(
            r"^#define (%s\w*)\s+(-?0x[0-9a-fA-F]+|-?\d+)\b" % prefix,
            f.read(), re.M)}


SIGNALS = header_defines("include/uapi/linux/signal.h", "SI")
SA = header_defines("include/uapi/linux/signal.h", "SA_")
ORIG = {"riscv": "orig_a0", "x86": "orig_ax"}
SYSCALL_INSN = {"riscv": "ecall", "x86": "int $0x80"}


def functions(s):
    return [stop["function"] for stop in s["stops"]]


def member(s, name):
    """The frame member's {offset, size}, from the trace's layout."""
    for m in s["frame"]["layout"]:
        if m["member"] == name:
            return m
    return None


def signed(value, arch):
    bits = 64 if arch == "riscv" else 32
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value


def errno_name(value, s):
    """-514 → -ERESTARTNOHAND, by the kernel's errno.h."""
    names = {v: k for k, v in s["interrupted"]["errnos"].items()}
    return "-%s" % names[-value] if value < 0 and -value in names else ""


def sent(s):
    """The send_signal stop (sender, signal, target)."""
    return next((st for st in s["stops"] if st["function"] == "send_signal"),
                None)


def args(s):
    """The handler's three arguments as (where, value) pairs."""
    h, arch = s["handler_stop"], s["arch"]
    if arch == "riscv":
        return [(r, h["args"][r]) for r in ARG_REGS[arch]]
    return [("[esp+%d]" % (4 * (i + 1)), v)
            for i, v in enumerate(h["args"]["stack"])] + \
        [(r, h["args"][r]) for r in ARG_REGS[arch]]


def vdso_text(v):
    """The vDSO mapping and the trampoline's offset in it."""
    if not v:
        return "no vDSO mapped"
    off = v.get("rt_sigreturn_offset")
    return "[vdso] 0x%x–0x%x, __vdso_rt_sigreturn at base + %s" % (
        v["base"], v["base"] + v["size"],
        "0x%x" % off if off is not None else "?")


def return_address_ok(s):
    """(held, evidence) for where the handler returns to."""
    h, arch = s["handler_stop"], s["arch"]
    ra = int(h["return_address"], 16)
    nr = s.get("sigreturn", {}).get("syscall_nr")
    code = " ; ".join(h["trampoline"])
    if arch == "riscv":
        v = s.get("vdso")
        inside = bool(v) and v["base"] <= ra < v["base"] + v["size"] and \
            ra == v["base"] + (v.get("rt_sigreturn_offset") or -1) == \
            s["frame"]["return_address"]
        loads = bool(h["trampoline"]) and re.search(
            r"^li a7,\s*%s$" % nr, h["trampoline"][0]) is not None
        return (inside and loads and h["trampoline"][1:2] == ["ecall"],
                "ra = 0x%x (set by setup_rt_frame: 0x%x); %s; code "
                "there: %s; rt_sigreturn is number %s" % (
                    ra, s["frame"]["return_address"], vdso_text(v),
                    code, nr))
    restorer = int(s["sa_restorer"], 16)
    loads = bool(h["trampoline"]) and nr is not None and \
        h["trampoline"][0] == "mov $0x%x,%%eax" % nr
    return (ra == restorer and "SA_RESTORER" in s["sa_flag_names"] and
            loads and h["trampoline"][1:2] == ["int $0x80"],
            "pretcode at [esp] = 0x%x, sa_restorer = 0x%x (sa_flags %s: "
            "%s); code there: %s; rt_sigreturn is number %s" % (
                ra, restorer, s["sa_flags"],
                " | ".join(s["sa_flag_names"]) or "none", code, nr))


def restart_ok(s):
    """(held, evidence) for the restarted call of the trace's second part
    (test_sigwait's read under SA_RESTART)."""
    r, arch = s.get("restart") or {}, s["arch"]
    if "after" not in r or "verdict" not in r:
        return False, "not traced: %s" % r.get("error", "no restart part")
    e = s["interrupted"]["errnos"]
    code = r["code_at_pc_after"]
    held = (r["before"]["ret"] == -e["ERESTARTSYS"] and
            int(r["sa_flags"], 16) & SA["SA_RESTART"] != 0 and
            r["after"]["ret"] == r["before"]["orig"] and
            r["after"]["pc"] < r["before"]["pc"] and
            len(code) == 2 and code[0]["address"] == r["after"]["pc"] and
            code[0]["code"] == SYSCALL_INSN[arch] and
            code[1]["address"] == r["before"]["pc"] and r["verdict"] == "ok")
    return held, "%s (%d) in pid %d, sa_flags %s: %s %d → %d (%s = %d); " \
        "pc 0x%x → 0x%x (%s); %s says: %s" % (
            r["syscall_name"], r["syscall_nr"], r["pid"], r["sa_flags"],
            RET[arch], r["before"]["ret"], r["after"]["ret"], ORIG[arch],
            r["before"]["orig"], r["before"]["pc"], r["after"]["pc"],
            " ; ".join("0x%x: %s" % (c["address"], c["code"]) for c in code),
            r["program"], r["verdict"])


def signal_claims(s):
    """The signals lab's claims, each (statement, held, evidence)."""
    arch, path = s["arch"], functions(s)
    claims = [("the signal goes %s" % " → ".join(SIGNAL_PATH),
               path == SIGNAL_PATH, " → ".join(path))]
    h, f, snd = s.get("handler_stop"), s.get("frame"), sent(s)
    if not h or not f or not snd or "regs_after_sigreturn" not in s:
        return claims + [("the handler and the return were both traced",
                          False, "stops: %s" % " → ".join(path))]
    sig, child, sender = snd["sig"], snd["target"], snd["pid"]
    frame, before = f["sp"], s["regs_at_signal"]
    info, uc = member(s, "info"), member(s, "uc")
    a = dict(args(s))
    if arch == "riscv":
        args_ok = a["a0"] == sig and a["a1"] == frame + info["offset"] and \
            a["a2"] == frame + uc["offset"]
        frame_ok = frame % 16 == 0 and frame + f["size"] <= before["sp"]
        where = "frame 0x%x (16-byte aligned), %d bytes, below the " \
            "interrupted sp 0x%x" % (frame, f["size"], before["sp"])
        found = s["sigreturn"]["sp"] == frame
        found_how = "sp at rt_sigreturn 0x%x = the frame 0x%x" % (
            s["sigreturn"]["sp"], frame)
    else:
        pret = member(s, "pretcode")
        stack = h["args"]["stack"]
        args_ok = stack == [sig, frame + info["offset"],
                            frame + uc["offset"]] and \
            [a[r] for r in ARG_REGS[arch]] == stack
        fp = h["fpstate"]
        frame_ok = (frame + 4) % 16 == 0 and \
            frame + f["size"] <= fp and \
            fp + f["sizes"]["struct _fpstate"] <= before["sp"]
        where = "frame 0x%x ((sp + 4) %% 16 == 0), %d bytes, below the FP " \
            "state at 0x%x (%d bytes), below the interrupted sp 0x%x" % (
                frame, f["size"], fp, f["sizes"]["struct _fpstate"],
                before["sp"])
        found = s["sigreturn"]["sp"] == frame + pret["size"]
        found_how = "sp at rt_sigreturn 0x%x = the frame 0x%x + %d: the " \
            "handler's ret popped pretcode" % (s["sigreturn"]["sp"], frame,
                                               pret["size"])
    ra_ok, ra_evidence = return_address_ok(s)
    i = s["interrupted"]
    e = i["errnos"]
    differ, cpu_differ = differing(s)
    console = s["console"]
    claims += [
        ("the parent sends SIGUSR1 to its child",
         sig == SIGNALS["SIGUSR1"] and sender != child and
         s.get("child_ppid") == sender,
         "send_signal in pid %d: sig %d to pid %d (whose parent is pid %s)"
         % (sender, sig, child, s.get("child_ppid", "?"))),
        ("the handler runs in the child, in user mode, with the signal's "
         "number",
         h["pid"] == child and h["signo"] == sig ==
         s["stops"][path.index("setup_rt_frame")]["sig"],
         "handler 0x%s entered in pid %d with signo %d" % (
             s["handler"][2:], h["pid"], h["signo"])),
        ("its other arguments point at the siginfo and the ucontext in the "
         "frame",
         args_ok,
         "%s; info at frame + %d, uc at frame + %d" % (
             ", ".join("%s = %s" % (k, v if k in ("a0", "eax", "[esp+4]")
                                    else "0x%x" % v)
                       for k, v in args(s)),
             info["offset"], uc["offset"])),
        ("the siginfo says who sent it (si_code SI_USER, si_pid the "
         "parent)",
         h["siginfo"] == {"si_signo": sig, "si_code": SIGNALS["SI_USER"],
                          "si_pid": sender},
         "si_signo %(si_signo)d, si_code %(si_code)d, si_pid %(si_pid)d"
         % h["siginfo"]),
        ("the frame is on the user stack below where the signal found it",
         frame_ok, where),
        ("the frame saved the interrupted pc and sp",
         h["saved_pc"] == before[PC[arch]] and
         h["saved_sp"] == before["sp"],
         "saved pc 0x%x, sp 0x%x; interrupted at pc 0x%x, sp 0x%x" % (
             h["saved_pc"], h["saved_sp"], before[PC[arch]], before["sp"])),
        ("the handler returns into the vDSO's rt_sigreturn trampoline"
         if arch == "riscv" else
         "the handler returns to glibc's sa_restorer (SA_RESTORER)",
         ra_ok, ra_evidence),
        ("rt_sigreturn finds the frame from the user sp", found, found_how),
        ("the interrupted %s returned -ERESTARTNOHAND and handle_signal made "
         "it -EINTR, not restarted" % i["syscall_name"],
         i["return_before"] == -e["ERESTARTNOHAND"] and
         i["return_after"] == -e["EINTR"] and
         i["pc_after"] == i["pc_before"] and
         any("returned EINTR" in l for l in console),
         "%s → %s at handle_signal; pc 0x%x → 0x%x" % (
             i["return_before"], i["return_after"], i["pc_before"],
             i["pc_after"])),
        ("a restart would go back to the system-call instruction, %d bytes "
         "before the pc" % (i["pc_before"] - h["syscall_insn"]["address"]),
         h["syscall_insn"]["code"] == ("ecall" if arch == "riscv"
                                       else "int $0x80"),
         "at 0x%x: %s" % (h["syscall_insn"]["address"],
                          h["syscall_insn"]["code"])),
        ("under SA_RESTART a call that returned -ERESTARTSYS is restarted: "
         "%s = %s, the pc back on the %s" % (RET[arch], ORIG[arch],
                                            SYSCALL_INSN[arch]),
         ) + restart_ok(s),
        ("after rt_sigreturn every user register equals its value before "
         "the signal",
         not differ and not cpu_differ and
         set(s["regs_after_sigreturn"]) == set(before),
         "%d registers compared in pt_regs after restore_sigcontext (%s) "
         "and in the CPU back in user mode (%s)" % (
             len(before), "differing: " + ", ".join(differ) if differ else
             "all equal", "differing: " + ", ".join(cpu_differ) if
             cpu_differ else "all equal")),
        ("the console shows the handler ran and the program went on",
         "Child caught signal %d from pid %d" % (sig, sender) in console and
         "Signal Complete!" in console,
         " / ".join(console) or "nothing"),
    ]
    return claims


# ---- the table ---------------------------------------------------------

def layout(s, top_level):
    """'member +offset (size)' of the frame's members."""
    return ", ".join("`%s` +%d (%d)" % (m["member"], m["offset"], m["size"])
                     for m in s["frame"]["layout"]
                     if ("." not in m["member"]) == top_level)


def fp_state(s):
    f = s["frame"]
    if s["arch"] == "riscv":
        q = member(s, "uc.uc_mcontext.sc_q")
        return "in the frame: `uc.uc_mcontext.sc_q` at +%d (%d bytes)" % (
            q["offset"], q["size"])
    fp = s["handler_stop"]["fpstate"]
    return "above the frame: `struct _fpstate` (%d bytes) at `0x%x` = " \
        "frame + %d" % (f["sizes"]["struct _fpstate"], fp, fp - f["sp"])


def where_frame(s):
    f, sp = s["frame"], s["regs_at_signal"]["sp"]
    return "interrupted sp `0x%x` → frame `0x%x` (%d bytes below)" % (
        sp, f["sp"], sp - f["sp"])


def restart_regs(s):
    """What the interrupted call left for a restart, as read at
    handle_signal."""
    i, arch = s["interrupted"], s["arch"]
    if arch == "riscv":
        return "`orig_a0` = `0x%x` (the first argument), `a7` = %d; `a0` " \
            "= %d" % (i["orig"]["value"], i["syscall_nr"], i["return_before"])
    return "`orig_ax` = %d (the call's number); `ax` = %d" % (
        i["orig"]["value"], i["return_before"])


def return_cell(s):
    h = s["handler_stop"]
    if s["arch"] == "riscv":
        v = s.get("vdso")
        off = (v or {}).get("rt_sigreturn_offset")
        return "`ra` = `%s` = vDSO + %s (`__vdso_rt_sigreturn`), in " \
            "[vdso] %s" % (h["return_address"],
                           "`0x%x`" % off if off is not None else "?",
                           "`0x%x`–`0x%x`" % (v["base"], v["base"] +
                                              v["size"]) if v else
                           "(no vDSO)")
    return "pretcode at `[esp]` = `%s` = `sa_restorer`" % h["return_address"]


def restart_cell(s):
    r, arch = s.get("restart") or {}, s["arch"]
    if "after" not in r:
        return "not traced"
    return "`%s` (%d): `%s` %d (%s) → %d (= `%s`); pc `0x%x` → `0x%x` " \
        "(`%s`); case: %s" % (
            r["syscall_name"], r["syscall_nr"], RET[arch],
            r["before"]["ret"], errno_name(r["before"]["ret"], s),
            r["after"]["ret"], ORIG[arch], r["before"]["pc"],
            r["after"]["pc"], r["code_at_pc_after"][0]["code"]
            if r["code_at_pc_after"] else "?", r.get("verdict", "?"))


def differing(s):
    """The registers that differ from the interrupted ones: in pt_regs
    after restore_sigcontext, and in the CPU back in user mode (all of
    them if the child was not seen back there)."""
    before = s["regs_at_signal"]
    after = s["regs_after_sigreturn"]
    cpu = s.get("regs_back_in_user", {})
    return (sorted(r for r in before if after.get(r) != before[r]),
            sorted(r for r in before if cpu.get(r) != before[r]))


def regs_cell(s):
    before = s["regs_at_signal"]
    d, c = differing(s)
    if not d and not c:
        return "all %d equal (pt_regs after restore_sigcontext, CPU at " \
            "`0x%x`)" % (len(before), before[PC[s["arch"]]])
    return "differing: %s" % ", ".join(sorted(set(d) | set(c)))


def rows():
    """(label, cell function) of the signals table."""
    def traced(fmt):
        def cell(s):
            return fmt(s) if s.get("handler_stop") and s.get("frame") and \
                "regs_after_sigreturn" in s else "not traced"
        return cell
    return [
        ("Call path", lambda s: " → ".join(functions(s))),
        ("The interrupted system call", traced(lambda s: "`%s` (%d)" % (
            s["interrupted"]["syscall_name"],
            s["interrupted"]["syscall_nr"]))),
        ("Its return value at handle_signal → after the restart logic",
         traced(lambda s: "%d (%s) → %d (%s); pc %s" % (
             s["interrupted"]["return_before"],
             errno_name(s["interrupted"]["return_before"], s),
             s["interrupted"]["return_after"],
             errno_name(s["interrupted"]["return_after"], s),
             "unchanged" if s["interrupted"]["pc_after"] ==
             s["interrupted"]["pc_before"] else "wound back"))),
        ("Kept for a restart", traced(restart_regs)),
        ("A restarted call (test_sigwait, SA_RESTART)", restart_cell),
        ("The system-call instruction a restart re-executes",
         traced(lambda s: "`%s` at pc − %d" % (
             s["handler_stop"]["syscall_insn"]["code"],
             s["interrupted"]["pc_before"] -
             s["handler_stop"]["syscall_insn"]["address"]))),
        ("sa_flags", traced(lambda s: "`%s` (%s)" % (
            s["sa_flags"], ", ".join(s["sa_flag_names"])))),
        ("Handler; sa_restorer", traced(lambda s: "`%s`; `%s`" % (
            s["handler"], s["sa_restorer"]))),
        ("Frame built by", traced(lambda s: "`%s`" % s["frame_function"])),
        ("sizeof(struct rt_sigframe)",
         traced(lambda s: "%d bytes" % s["frame"]["size"])),
        ("Frame layout", traced(lambda s: layout(s, True))),
        ("Inside uc", traced(lambda s: layout(s, False))),
        ("FP state", traced(fp_state)),
        ("Where the frame goes", traced(where_frame)),
        ("The handler's arguments", traced(lambda s: ", ".join(
            "`%s` = %s" % (k, v if v < 4096 else "`0x%x`" % v)
            for k, v in args(s)))),
        ("siginfo in the frame", traced(lambda s: (
            "si_signo %(si_signo)d, si_code %(si_code)d, si_pid %(si_pid)d"
            % s["handler_stop"]["siginfo"]))),
        ("Return address", traced(return_cell)),
        ("Code at the return address", traced(lambda s: " ; ".join(
            "`%s`" % c for c in s["handler_stop"]["trampoline"]))),
        ("rt_sigreturn (number, user sp)", traced(lambda s: (
            "%d, sp `0x%x` = frame + %d" % (
                s["sigreturn"]["syscall_nr"], s["sigreturn"]["sp"],
                s["sigreturn"]["sp"] - s["frame"]["sp"])))),
        ("Registers before the signal / after rt_sigreturn",
         traced(regs_cell)),
        ("Console", lambda s: " / ".join(s["console"])),
    ]


def table(signals):
    arches = [a for a in ARCHES if a in signals]
    return arches, [[label] + [cell(signals[a]) for a in arches]
                    for label, cell in rows()]


def all_held(signals):
    return all(held for s in signals.values()
               for _, held, _ in signal_claims(s))


INTRO = ("The child blocks SIGUSR1, installs an SA_SIGINFO handler and "
         "waits in sigsuspend; the parent kill()s it. Traced with "
         "`signal-breaks` (scripts/gdb/clonix.py), plus a breakpoint at "
         "the handler in user mode and at the child's first user "
         "instruction after rt_sigreturn. Then, at the same prompt, "
         "`test_sigwait` runs: its read() of a pipe, interrupted by a "
         "handler installed with SA_RESTART, shows a restart. The raw "
         "facts are in `signal-<arch>.json`.")


def markdown(signals, errors):
    """The section of report.md."""
    arches, rows = table(signals)
    return section.markdown(
        "The signals lab: `signal` typed at MenuOS", INTRO, "signals lab",
        arches, rows, {a: signal_claims(signals[a]) for a in arches}, errors)


def html_section(signals, errors, code_html):
    """The section of report.html."""
    arches, rows = table(signals)
    return section.html_section(
        "The signals lab: <code>signal</code> typed at MenuOS",
        code_html(INTRO), "signals lab", "signal", arches, rows,
        {a: signal_claims(signals[a]) for a in arches}, errors, code_html)
