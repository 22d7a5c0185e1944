"""The pipe lab's section of the lab report (scripts/lab/report.py).

Its facts come from scripts/lab/trace.py --lab pipe: `pipe` typed at
MenuOS, the pipe made (sys_pipe2 → do_pipe2 → create_pipe_files), the
parent's pipe_write and the child's pipe_read, with the ring's head and
tail read before and after each. Like the fork section, every value is the
trace's and each claim is derived from it (pipe_claims), so a spoiled fact
makes its claim fail.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import section  # noqa: E402  (scripts/lab/section.py)

TITLE = section.TITLE
ARCHES = ["riscv", "x86"]
MAKE_PATH = ["do_pipe2", "create_pipe_files"]
ENTRIES = ("sys_pipe2", "sys_pipe")
MESSAGE = "Hello through a pipe!"


def stop(p, function):
    """The first stop in function that has a result (or any stop there)."""
    stops = [s for s in p["stops"] if s["function"] == function]
    done = [s for s in stops if "returned" in s]
    return (done or stops or [None])[0]


def functions(p):
    return [s["function"] for s in p["stops"]]


def pipe_claims(p):
    """The pipe lab's claims, each (statement, held, evidence)."""
    path = functions(p)
    w, r = stop(p, "pipe_write"), stop(p, "pipe_read")
    made = path[:3]
    ok_made = (len(made) == 3 and made[0] in ENTRIES and
               made[1:] == MAKE_PATH)
    claims = [("the pipe is made by %s → do_pipe2 → create_pipe_files" %
               (made[0] if made and made[0] in ENTRIES else "sys_pipe2"),
               ok_made, " → ".join(path))]
    if not w or not r or "after" not in w or "after" not in r:
        return claims + [("the write and the read were both traced", False,
                          "stops: %s" % " → ".join(path))]
    wb, wa, rb, ra = w["before"], w["after"], r["before"], r["after"]
    moved = (wa["head"] - wb["head"]) & 0xffffffff
    claims += [
        ("pipe_write puts the bytes it returns into the ring at head",
         w["returned"] == w["count"] == moved and wa["tail"] == wb["tail"]
         and wa["text"].endswith(MESSAGE[:w["returned"]]),
         "asked %d, returned %d; head %d → %d, tail stays %d; ring holds %r"
         % (w["count"], w["returned"], wb["head"], wa["head"], wa["tail"],
            wa["text"])),
        ("pipe_read takes them from tail, and the ring is empty after",
         r["returned"] == rb["waiting"] and ra["tail"] == ra["head"] and
         ra["waiting"] == 0 and rb["text"] == MESSAGE,
         "%d waiting (%r); returned %d; tail %d → %d = head %d" % (
             rb["waiting"], rb["text"], r["returned"], rb["tail"],
             ra["tail"], ra["head"])),
        ("readers and writers count open files, not descriptors or "
         "processes",
         wb["readers"] == 1 and wb["writers"] == 1,
         "at the write: readers %d, writers %d, with the write end's file "
         "held %d times (its descriptors in parent and child, and the "
         "write call's own reference)" % (wb["readers"], wb["writers"],
                                          w["f_count"])),
        ("the writer ran in the parent, the reader in its child",
         w["pid"] != r["pid"] and r.get("ppid") == w["pid"] and
         p["stops"][0]["pid"] == w["pid"],
         "pipe made and written by pid %d, read by pid %d (whose parent "
         "is pid %s)" % (w["pid"], r["pid"], r.get("ppid", "?"))),
        ("the console shows what went through",
         any(l == "Child read %d bytes: %s" % (len(MESSAGE), MESSAGE)
             for l in p["console"]) and "Pipe Complete!" in p["console"],
         " / ".join(p["console"]) or "nothing"),
    ]
    return claims


def ring(state):
    return "head %d, tail %d: %d bytes" % (state["head"], state["tail"],
                                           state["waiting"])


def rows():
    """(label, cell function) of the pipe table."""
    def at(function, fmt):
        def cell(p):
            s = stop(p, function)
            return fmt(s) if s and "after" in s else "not traced"
        return cell
    return [
        ("Call path", lambda p: " → ".join(functions(p))),
        ("System call that makes it",
         lambda p: "`%s`" % (functions(p)[0] if p["stops"] else "?")),
        ("Ring size", at("pipe_write",
                         lambda s: "%d bytes" % s["before"]["ring_size"])),
        ("Readers / writers at the write",
         at("pipe_write", lambda s: "%d / %d" % (s["before"]["readers"],
                                                s["before"]["writers"]))),
        ("f_count of the write end's file",
         at("pipe_write", lambda s: "%d" % s["f_count"])),
        ("pipe_write (pid, bytes asked → returned)",
         at("pipe_write", lambda s: "pid %d: %d → %d" % (
             s["pid"], s["count"], s["returned"]))),
        ("Ring before / after the write",
         at("pipe_write", lambda s: "%s / %s" % (ring(s["before"]),
                                                 ring(s["after"])))),
        ("pipe_read (pid, room → returned)",
         at("pipe_read", lambda s: "pid %d: %d → %d" % (
             s["pid"], s["count"], s["returned"]))),
        ("Ring before / after the read",
         at("pipe_read", lambda s: "%s / %s" % (ring(s["before"]),
                                                ring(s["after"])))),
        ("Writers left when the child reads",
         at("pipe_read", lambda s: "%d" % s["before"]["writers"])),
        ("Console", lambda p: " / ".join(p["console"])),
    ]


def table(pipes):
    arches = [a for a in ARCHES if a in pipes]
    return arches, [[label] + [cell(pipes[a]) for a in arches]
                    for label, cell in rows()]


def all_held(pipes):
    return all(held for p in pipes.values() for _, held, _ in pipe_claims(p))


def markdown(pipes, errors):
    """The section of report.md."""
    arches, rows = table(pipes)
    return section.markdown(
        "The pipe lab: `pipe` typed at MenuOS",
        "The parent makes a pipe, forks, and writes %d bytes; the child "
        "reads them. Traced with `pipe-breaks` (scripts/gdb/clonix.py); "
        "the raw facts are in `pipe-<arch>.json`." % len(MESSAGE),
        "pipe lab", arches, rows,
        {a: pipe_claims(pipes[a]) for a in arches}, errors)


def html_section(pipes, errors, code_html):
    """The section of report.html."""
    arches, rows = table(pipes)
    return section.html_section(
        "The pipe lab: <code>pipe</code> typed at MenuOS",
        "The parent makes a pipe, forks, and writes %d bytes; the child "
        "reads them." % len(MESSAGE), "pipe lab", "pipe", arches, rows,
        {a: pipe_claims(pipes[a]) for a in arches}, errors, code_html)
