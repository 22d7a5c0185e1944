"""The threads lab's section of the lab report (scripts/lab/report.py):
pthread_create beside fork.

Its facts come from scripts/lab/trace.py --lab thread: `fork` and then
`thread` typed at MenuOS, each followed through the fork lab's breakpoints
(sys_clone → kernel_clone → copy_process → dup_task_struct → copy_thread →
ret_from_fork), with the same facts read for both: clone's flags, what each
copy_* step shares with the creator or copies, the new task's ids and
lists, its pt_regs (sp, tp / the i386 TLS descriptor) and its first user
instruction. Every value is the trace's and each claim is derived from it
(thread_claims), so a spoiled fact makes its claim fail.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import section  # noqa: E402  (scripts/lab/section.py)

TITLE = section.TITLE
ARCHES = ["riscv", "x86"]
LAB_PATH = ["sys_clone", "kernel_clone", "copy_process", "dup_task_struct",
            "copy_thread", "ret_from_fork"]
# Which clone flag makes each copy_* step share instead of copy (Linux's
# copy_files, copy_fs, copy_sighand, copy_signal, copy_mm).
STEP_FLAG = {"copy_files": "CLONE_FILES", "copy_fs": "CLONE_FS",
             "copy_sighand": "CLONE_SIGHAND", "copy_signal": "CLONE_THREAD",
             "copy_mm": "CLONE_VM"}
STEPS = list(STEP_FLAG)
THREAD_FLAGS = ["CLONE_VM", "CLONE_FS", "CLONE_FILES", "CLONE_SIGHAND",
                "CLONE_THREAD", "CLONE_SETTLS"]
SIGCHLD = 17
NEW_THREAD = re.compile(r"This is the new Thread! tid (\d+), pid (\d+)")


def flags_text(c):
    names = [n.replace("CLONE_", "") for n in c["flag_names"]]
    return "%s: %s%s" % (c["flags_hex"], "|".join(names) or "none",
                         " + exit signal %d" % c["exit_signal"]
                         if c["exit_signal"] else ", no exit signal")


def step_text(c, step):
    s = c["steps"][step]
    return "%s (%s %d)" % ("shared" if s["shared"] else "copied",
                           s["count_field"], s["new_count"])


def tls_text(c, arch):
    new, mine = c["regs"]["new"]["tls"], c["regs"]["creator"]["tls"]
    if arch == "riscv":
        return "tp 0x%x (creator's 0x%x)" % (new["tp"], mine["tp"])
    return "%%gs 0x%x → GDT %d, tls_array[%d] base 0x%x (creator's 0x%x)" % (
        new["gs"], new["gdt_entry"], new["tls_slot"], new.get("base", 0),
        mine.get("base", 0))


def both(fn):
    """A cell: the fork's value, then pthread_create's."""
    return lambda t: "fork: %s · pthread_create: %s" % (fn(t["fork"]),
                                                         fn(t["thread"]))


def both_arch(fn):
    return lambda t, arch: "fork: %s · pthread_create: %s" % (
        fn(t["fork"], arch), fn(t["thread"], arch))


def syscall_text(c):
    tried = ["`%s` (%d) → ENOSYS" % (e["name"], e["nr"])
             for e in c["enosys"]]
    return ", ".join(tried + ["`clone` (%d)" % c["syscall_nr"]])


def rows():
    """(label, cell function of (trace, arch)) of the threads table."""
    def plain(fn):
        return lambda t, arch: fn(t)
    return [
        ("System calls", plain(both(syscall_text))),
        ("Clone flags", plain(both(flags_text))),
        ("Call path", plain(both(lambda c: " → ".join(c["call_path"])))),
    ] + [
        ("`%s` (%s)" % (step, STEP_FLAG[step]),
         plain(both(lambda c, step=step: step_text(c, step))))
        for step in STEPS
    ] + [
        ("pid / tgid (creator's tgid)", plain(both(
            lambda c: "%d / %d (%d)" % (c["pid"], c["tgid"],
                                        c["creator_tgid"])))),
        ("group_leader", plain(both(
            lambda c: "itself" if c["group_leader_is_self"] else
            "pid %d" % c["group_leader_pid"]))),
        ("real_parent; on the creator's children list", plain(both(
            lambda c: "pid %d; %s" % (c["real_parent_pid"], "yes" if
                                      c["on_creator_children"] else "no")))),
        ("signal->thread_head (pids)", plain(both(
            lambda c: ", ".join(map(str, c["thread_group"]))))),
        ("exit_signal", plain(both(lambda c: "%d" % c["task_exit_signal"]))),
        ("pt_regs sp (clone's newsp; creator's sp)", plain(both(
            lambda c: "0x%x (0x%x; 0x%x)" % (
                c["regs"]["new"]["sp"], c["newsp"],
                c["regs"]["creator"]["sp"])))),
        ("Thread pointer (RISC-V: pt_regs tp; i386: %gs and its TLS slot)",
         both_arch(tls_text)),
        ("Return register in pt_regs / creator's return", plain(both(
            lambda c: "%s = %d / %d" % (
                c["regs"]["return_register"], c["regs"]["new"]["ret"],
                c.get("first_user_creator", {}).get("ret", -1))))),
        ("Resumes at (thread.ra / thread.ip)", plain(both(
            lambda c: "`%s`" % c["regs"]["resume_symbol"]))),
        ("First user instruction of the new task", plain(both(
            lambda c: "`%s` (%s), sp 0x%x" % (
                c["first_user_new"]["symbol"] or "?",
                c["first_user_new"]["code"][0] if
                c["first_user_new"]["code"] else "?",
                c["first_user_new"]["sp"]) if "first_user_new" in c
            else "not traced"))),
        ("Console", plain(lambda t: " / ".join(t["thread"]["console"]))),
    ]


def thread_claims(t, arch):
    """The threads lab's claims, each (statement, held, evidence)."""
    f, c = t["fork"], t["thread"]
    claims = [
        ("pthread_create goes through the same lab breakpoints as fork",
         c["call_path"] == f["call_path"] == LAB_PATH,
         "fork: %s; pthread_create: %s" % (" → ".join(f["call_path"]),
                                           " → ".join(c["call_path"]))),
        ("both are the clone system call (a clone3 glibc tries first is "
         "answered ENOSYS, and glibc falls back to clone)",
         c["syscall_nr"] == f["syscall_nr"] and
         all(e["name"] == "clone3" for e in c["enosys"]) and
         not f["enosys"],
         "fork: %s; pthread_create: %s" % (syscall_text(f),
                                           syscall_text(c))),
        ("pthread_create asks for a thread (CLONE_VM|FS|FILES|SIGHAND|"
         "THREAD|SETTLS, no exit signal); fork for none of it, with SIGCHLD",
         all(n in c["flag_names"] for n in THREAD_FLAGS) and
         c["exit_signal"] == 0 and f["exit_signal"] == SIGCHLD and
         not any(n in f["flag_names"] for n in THREAD_FLAGS),
         "fork %s; pthread_create %s" % (flags_text(f), flags_text(c))),
    ]
    evidence = []
    ok = True
    for step in STEPS:
        for name, x in (("fork", f), ("pthread_create", c)):
            s = x["steps"][step]
            flag = STEP_FLAG[step] in x["flag_names"]
            ok &= s["shared"] == flag and (s["new"] == s["creator"]) == flag
            ok &= (s["new_count"] == s["creator_count"] >= 2) if flag else \
                s["new_count"] == 1
        evidence.append("%s: fork %s, thread %s (%s %s = %s)" % (
            step, step_text(f, step), step_text(c, step),
            c["steps"][step]["field"], c["steps"][step]["new"],
            c["steps"][step]["creator"]))
    claims.append(("each copy_* step shares its object (the same pointer, "
                   "its count raised) exactly when its CLONE_ flag is set, "
                   "and copies it otherwise", ok, "; ".join(evidence)))
    claims += [
        ("the thread gets its own pid but its creator's tgid and "
         "group_leader; the forked child leads its own group",
         c["pid"] != c["tgid"] and c["tgid"] == c["creator_tgid"] and
         not c["group_leader_is_self"] and
         c["group_leader_pid"] == c["creator_tgid"] and
         f["pid"] == f["tgid"] and f["group_leader_is_self"],
         "thread pid %d tgid %d leader %d; child pid %d tgid %d" % (
             c["pid"], c["tgid"], c["group_leader_pid"], f["pid"],
             f["tgid"])),
        ("the thread is on its group's thread list, never on a children "
         "list: its real_parent is its creator's, and only the forked child "
         "is its creator's child",
         c["real_parent_pid"] == c["creator_real_parent_pid"] and
         not c["on_creator_children"] and not c["on_real_parent_children"]
         and c["pid"] in c["thread_group"] and
         c["creator_pid"] in c["thread_group"] and
         f["real_parent_pid"] == f["creator_pid"] and
         f["on_creator_children"] and f["thread_group"] == [f["pid"]],
         "thread: real_parent %d, creator's children %s, thread_head %s; "
         "child: real_parent %d, creator's children %s" % (
             c["real_parent_pid"], c["creator_children"],
             c["thread_group"], f["real_parent_pid"],
             f["creator_children"])),
        ("a thread's exit_signal is -1 (its end is no SIGCHLD); the child's "
         "is SIGCHLD",
         c["task_exit_signal"] == -1 and f["task_exit_signal"] == SIGCHLD,
         "thread %d, child %d" % (c["task_exit_signal"],
                                  f["task_exit_signal"])),
        ("copy_thread gives the thread clone's newsp as its user sp; the "
         "forked child keeps its parent's",
         c["newsp"] != 0 and c["regs"]["new"]["sp"] == c["newsp"] !=
         c["regs"]["creator"]["sp"] and f["newsp"] == 0 and
         f["regs"]["new"]["sp"] == f["regs"]["creator"]["sp"],
         "thread sp 0x%x (newsp 0x%x, creator 0x%x); child sp 0x%x "
         "(parent 0x%x)" % (c["regs"]["new"]["sp"], c["newsp"],
                            c["regs"]["creator"]["sp"],
                            f["regs"]["new"]["sp"],
                            f["regs"]["creator"]["sp"])),
        tls_claim(f, c, arch),
        ("both start at ret_from_fork and return 0 in the new task's "
         "return register, the new pid in the creator's",
         all(x["regs"]["resume"] == x["regs"]["ret_from_fork"] and
             x["regs"]["new"]["ret"] == 0 and
             x.get("pid_at_ret_from_fork") == x["pid"] and
             x.get("first_user_creator", {}).get("ret") == x["pid"] and
             x.get("first_user_new", {}).get("ret") == 0
             for x in (f, c)),
         "; ".join("%s: %s = %s, %s 0 / creator %s" % (
             n, x["regs"]["resume_field"], x["regs"]["resume_symbol"],
             x["regs"]["return_register"],
             x.get("first_user_creator", {}).get("ret"))
             for n, x in (("fork", f), ("pthread_create", c)))),
        first_user_claim(c, arch),
    ]
    m = [NEW_THREAD.match(l) for l in c["console"]]
    m = [x for x in m if x]
    claims.append(("the new thread reports the traced tid and its "
                   "process's pid, and is joined",
                   bool(m) and int(m[0].group(1)) == c["pid"] and
                   int(m[0].group(2)) == c["tgid"] and
                   "Thread Complete!" in c["console"],
                   " / ".join(c["console"]) or "nothing"))
    return claims


def tls_claim(f, c, arch):
    """What copy_thread does with CLONE_SETTLS: RISC-V sets pt_regs tp to
    clone's tls argument; i386 fills the TLS slot %gs selects from the
    struct user_desc tls points at."""
    new, mine = c["regs"]["new"]["tls"], c["regs"]["creator"]["tls"]
    fnew, fmine = f["regs"]["new"]["tls"], f["regs"]["creator"]["tls"]
    if arch == "riscv":
        return ("with CLONE_SETTLS copy_thread sets the thread's tp to "
                "clone's tls argument; the forked child keeps its parent's "
                "tp",
                new["tp"] == c["tls_arg"] != mine["tp"] and
                fnew["tp"] == fmine["tp"],
                "thread tp 0x%x = tls 0x%x (creator 0x%x); child tp 0x%x "
                "(parent 0x%x)" % (new["tp"], c["tls_arg"], mine["tp"],
                                   fnew["tp"], fmine["tp"]))
    u = c.get("user_desc", {})
    return ("with CLONE_SETTLS copy_thread fills the TLS slot named by "
            "clone's struct user_desc with its base; %gs keeps the same "
            "selector, so the thread sees its own base; the forked child "
            "keeps its parent's",
            new.get("base") is not None and
            new["base"] == u.get("base_addr") != mine.get("base") and
            new["gdt_entry"] == u.get("entry_number") and
            new["gs"] == mine["gs"] and fnew.get("base") == fmine.get("base"),
            "user_desc entry %s base 0x%x; thread %%gs 0x%x → GDT %d base "
            "0x%x (creator 0x%x); child base 0x%x (parent 0x%x)" % (
                u.get("entry_number"), u.get("base_addr", 0), new["gs"],
                new["gdt_entry"], new.get("base", 0), mine.get("base", 0),
                fnew.get("base", 0), fmine.get("base", 0)))


def first_user_claim(c, arch):
    """The thread leaves the kernel where its creator does, inside glibc's
    clone wrapper, on its own stack and thread pointer."""
    u, k = c.get("first_user_new"), c.get("first_user_creator")
    if not u or not k:
        return ("the thread's first user instruction was traced", False,
                "not reached")
    reg = "tp" if arch == "riscv" else "gs"
    want = c["regs"]["new"]["tls"][reg]
    return ("the thread's first user instruction is in glibc's clone "
            "wrapper, at the pc its creator returns to, with the new sp and "
            "thread pointer",
            u["pc"] == k["pc"] == c["regs"]["new"]["pc"] and
            u["symbol"].startswith("clone") and u["sp"] == c["newsp"] and
            u[reg] == want,
            "pc 0x%x (%s: %s), sp 0x%x, %s 0x%x" % (
                u["pc"], u["symbol"], "; ".join(u["code"]), u["sp"], reg,
                u[reg]))


def table(threads):
    arches = [a for a in ARCHES if a in threads]
    return arches, [[label] + [cell(threads[a], a) for a in arches]
                    for label, cell in rows()]


def all_held(threads):
    return all(held for a, t in threads.items()
               for _, held, _ in thread_claims(t, a))


INTRO = ("`fork` and then `thread` typed at MenuOS, each followed through "
         "the fork lab's breakpoints (`lab-breaks`); each cell gives the "
         "fork's value, then pthread_create's. The raw facts are in "
         "`thread-<arch>.json`.")


def markdown(threads, errors):
    """The section of report.md."""
    arches, rows = table(threads)
    return section.markdown(
        "The threads lab: pthread_create beside fork", INTRO, "threads lab",
        arches, rows, {a: thread_claims(threads[a], a) for a in arches},
        errors)


def html_section(threads, errors, code_html):
    """The section of report.html."""
    arches, rows = table(threads)
    return section.html_section(
        "The threads lab: <code>pthread_create</code> beside "
        "<code>fork</code>",
        "<code>fork</code> and then <code>thread</code> typed at MenuOS, "
        "each followed through the fork lab's breakpoints; each cell gives "
        "the fork's value, then pthread_create's.", "threads lab", "thread",
        arches, rows, {a: thread_claims(threads[a], a) for a in arches},
        errors, code_html)
