"""The fault-injection lab's section of the lab report (scripts/lab/report.py).

Its facts come from scripts/lab/trace.py --lab fail (scripts/lab/
fail_trace.py): `failfork` typed at MenuOS walks every failure point of
fork with fail-nth, and `fail-breaks` stops at each injected failure
(fail_dump: the call chain that was allocating) and at each bad_fork_*
label of copy_process the unwinding passes. The table compares the two
architectures' failure points (RISC-V's page tables have one more level,
so fork allocates pmd tables i386 does not have); the claims are derived
from the trace, so a spoiled fact makes its claim fail.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import section  # noqa: E402  (scripts/lab/section.py)

ARCHES = ["riscv", "x86"]


def fork_failures(f):
    """The failures injected inside fork (not the one after it)."""
    return [x for x in f["failures"] if x["in_fork"]]


def entry(x):
    """Where a failed fork's unwinding entered the ladder."""
    return x["labels"][0] if x["labels"] else None


def runs(items):
    """"a ×2, b" for [a, a, b]: a list told in runs."""
    out = []
    for item in items:
        if out and out[-1][0] == item:
            out[-1][1] += 1
        else:
            out.append([item, 1])
    return ", ".join("%s ×%d" % (i, n) if n > 1 else str(i) for i, n in out)


def after_allocator(x, frames=3):
    """Who asked for memory and its callers: "a ← b ← c"."""
    chain = x["chain"]
    i = chain.index(x["asked_by"]) if x["asked_by"] in chain else 0
    return " ← ".join(chain[i:i + frames])


def by_step(f):
    """[(copy_process step, [what asked for memory, ...])] in fork's
    order, each step once."""
    steps = []
    for x in fork_failures(f):
        if not steps or steps[-1][0] != x["step"]:
            steps.append((x["step"], []))
        steps[-1][1].append(x["asked_by"])
    return steps


def steps_text(f):
    parts = []
    for step, askers in by_step(f):
        counts = {}
        for a in askers:
            counts[a] = counts.get(a, 0) + 1
        parts.append("`%s` %d (%s)" % (step, len(askers), ", ".join(
            "%s ×%d" % (a, n) if n > 1 else a for a, n in counts.items())))
    return "; ".join(parts)


def entries_text(f):
    parts = []
    for step, _ in by_step(f):
        labels = {entry(x) for x in fork_failures(f) if x["step"] == step}
        parts.append("`%s` → %s" % (step, "/".join(
            sorted(l or "none" for l in labels))))
    return "; ".join(parts)


def rows():
    return [
        ("failure points of fork (MenuOS's stepper)",
         lambda f: "%s (failfork: %s)" % (len(fork_failures(f)),
                                          f["points"])),
        ("where, by copy_process step (who asked for memory)", steps_text),
        ("where the unwinding enters the bad_fork_* ladder", entries_text),
        ("labels never entered by an allocation failure",
         lambda f: ", ".join("`%s`" % l for l in f["ladder"]
                             if l not in {entry(x) for x in
                                          fork_failures(f)}) or "none"),
        ("the first allocation the fork does not reach",
         lambda f: "N=%d: %s; the allocation was `%s`" % (
             f["failures"][-1]["n"], f["failures"][-1]["result"],
             after_allocator(f["failures"][-1], 4))
         if f["failures"] and not f["failures"][-1]["in_fork"] else "—"),
        ("free pages before and after the walk",
         lambda f: "%s / %s" % (f["free_before"], f["free_after"])),
    ]


def fail_claims(f):
    """(statement, held, evidence) for one architecture's trace."""
    inside = fork_failures(f)
    ladder = f["ladder"]
    order = [ladder.index(entry(x)) if entry(x) in ladder else -1
             for x in inside]
    return [
        ("every failure point failfork counted stopped at fail_dump "
         "inside fork (sys_clone → kernel_clone → copy_process)",
         bool(inside) and len(inside) == f["points"] and
         all("copy_process" in x["chain"] and "kernel_clone" in x["chain"]
             for x in inside),
         "%d stops in fork, failfork counted %s" % (len(inside),
                                                    f["points"])),
        ("every failed fork returned -1 with ENOMEM to the user",
         bool(inside) and all("errno ENOMEM" in x["result"]
                              for x in inside),
         "; ".join(sorted({x["result"] for x in inside})) or "nothing"),
        ("each failed fork entered the ladder and fell through every "
         "label below its entry to fork_out, undoing newest first",
         bool(inside) and all(
             x["labels"] and x["labels"] ==
             ladder[ladder.index(x["labels"][0]):] for x in inside),
         "entries: %s" % runs(entry(x) for x in inside)),
        ("the later the failing step, the higher on the ladder the "
         "unwinding enters (more to undo)",
         bool(order) and -1 not in order and
         all(a >= b for a, b in zip(order, order[1:])),
         entries_text(f)),
        ("a failure in dup_task_struct has nothing to undo: straight to "
         "fork_out",
         any(x["step"] == "dup_task_struct" for x in inside) and
         all(entry(x) == "fork_out" for x in inside
             if x["step"] == "dup_task_struct"),
         ", ".join("N=%d %s → %s" % (x["n"], x["asked_by"], entry(x))
                   for x in inside if x["step"] == "dup_task_struct")),
        ("past the last failure point the fork succeeds; the allocation "
         "after it fails outside fork and kills only the stepper",
         bool(f["failures"]) and not f["failures"][-1]["in_fork"] and
         "killed by signal 9" in f["failures"][-1]["result"],
         f["failures"][-1]["result"] if f["failures"] else "nothing"),
        ("every page came back (MemFree before and after the walk)",
         f["free_before"] is not None and
         f["free_before"] == f["free_after"],
         "%s / %s" % (f["free_before"], f["free_after"])),
    ]


def table(fails):
    arches = [a for a in ARCHES if a in fails]
    return arches, [[label] + [cell(fails[a]) for a in arches]
                    for label, cell in rows()]


def all_held(fails):
    return all(held for f in fails.values() for _, held, _ in fail_claims(f))


INTRO = ("`failfork` typed at MenuOS: for N = 1, 2, ... a stepper writes N "
         "to `/proc/self/fail-nth` and forks, so the Nth allocation of "
         "that fork fails. Traced with `fail-breaks` (scripts/gdb/"
         "clonix.py): each injected failure stops at `fail_dump`, where "
         "the call chain is read, then at each `bad_fork_*` label of "
         "`copy_process` the unwinding passes. The raw facts are in "
         "`fail-<arch>.json`.")


def markdown(fails, errors):
    """The section of report.md."""
    arches, rows_ = table(fails)
    return section.markdown(
        "The fault-injection lab: `failfork` typed at MenuOS", INTRO,
        "fault-injection lab", arches, rows_,
        {a: fail_claims(fails[a]) for a in arches}, errors)


def html_section(fails, errors, code_html):
    """The section of report.html."""
    arches, rows_ = table(fails)
    return section.html_section(
        "The fault-injection lab: <code>failfork</code> typed at MenuOS",
        code_html(INTRO), "fault-injection lab", "fail", arches, rows_,
        {a: fail_claims(fails[a]) for a in arches}, errors, code_html)
