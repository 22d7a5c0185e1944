#!/usr/bin/env python3
"""The cross-architecture fork lab report, drawn from live traces.

`make lab-report` runs this: for each architecture it runs the traced fork
of scripts/lab/trace.py (QEMU + gdb, `fork` typed at MenuOS), saves the
facts as build/lab/<arch>.json (and the session as <arch>.log), does the
same for the pipe lab (`pipe` typed; pipe-<arch>.json, pipe-<arch>.log;
its section is scripts/lab/pipe_report.py) and the signals lab (`signal`
typed; signal-<arch>.json, signal-<arch>.log; its section is
scripts/lab/signal_report.py) and the threads lab (`fork` then `thread`
typed; thread-<arch>.json, thread-<arch>.log; its section is
scripts/lab/thread_report.py), the copy-on-write lab (`cow` typed;
cow-<arch>.json, cow-<arch>.log; its section is scripts/lab/cow_report.py)
and the fault-injection lab (`failfork` typed; fail-<arch>.json,
fail-<arch>.log; its section is scripts/lab/fail_report.py), and writes

    build/lab/report.md, build/lab/report.html   side-by-side table
    build/lab/kstack-<arch>.svg                 the child's kernel stack

Every number in the report comes from a trace: nothing is typed in here
but labels. The lab's claims (fork returns 0 in the child, the child
starts at ret_from_fork on a consistent stack, ...) are checked against
the same facts, and the exit status is 1 if a trace failed or a claim did
not hold.

    scripts/lab/report.py [--arch riscv --arch x86] [--out build/lab]
                          [--from-json]   (reuse saved <arch>.json files)
"""
import argparse
import datetime
import html
import importlib.util
import json
import os
import re
import subprocess
import sys
from xml.sax.saxutils import escape as xml_escape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ARCHES = ["riscv", "x86"]
TITLE = {"riscv": "RISC-V", "x86": "i386"}
# The lab breakpoints, in the order Linux calls them; do_fork only on i386
# and only if the program used fork(2) rather than clone(2).
LAB_PATH = ["sys_clone", "do_fork", "kernel_clone", "copy_process",
            "dup_task_struct", "copy_thread", "ret_from_fork"]
SEED_LINES = ["This is Child Process!", "This is Parent Process!",
              "Child Complete!"]


def load_trace_module():
    """scripts/lab/trace.py, by path: the standard library has a module
    called trace too, and it must not be the one we get."""
    spec = importlib.util.spec_from_file_location(
        "clonix_lab_trace", os.path.join(HERE, "trace.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


trace = load_trace_module()


def load_section_module(name):
    """scripts/lab/<name>.py: a lab's section of the report."""
    spec = importlib.util.spec_from_file_location(
        "clonix_" + name, os.path.join(HERE, name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pipe_report = load_section_module("pipe_report")
signal_report = load_section_module("signal_report")
thread_report = load_section_module("thread_report")
cow_report = load_section_module("cow_report")
fail_report = load_section_module("fail_report")
# The labs after the fork lab, in the report's order: (lab, its section
# module, what a failed trace of it is called).
LABS = [("pipe", pipe_report, "pipe"), ("signal", signal_report, "signals"),
        ("thread", thread_report, "threads"),
        ("cow", cow_report, "copy-on-write"),
        ("fail", fail_report, "fault-injection")]


# ---- collecting the facts ------------------------------------------------

def run_trace(arch, out, lab="fork"):
    """Trace a fork (or one of LABS) on arch; save <arch>.json and
    <arch>.log (<lab>-<arch>.json and .log) in out."""
    name = arch if lab == "fork" else "%s-%s" % (lab, arch)
    stale = os.path.join(out, name + ".json")
    if os.path.exists(stale):
        os.remove(stale)
    with open(os.path.join(out, name + ".log"), "w") as log:
        facts = trace.trace(arch, log, lab)
    with open(os.path.join(out, name + ".json"), "w") as f:
        json.dump(facts, f, indent=2)
        f.write("\n")
    return facts


def failure_summary(arch, out, error, lab="fork"):
    """One line for the error, then the end of the session log (where a
    kernel panic or a gdb message says what went wrong)."""
    lines = ["%s: %s" % (type(error).__name__,
                         (str(error).strip().splitlines() or [""])[0])]
    log = os.path.join(out, (arch if lab == "fork" else lab + "-" + arch) +
                       ".log")
    if os.path.exists(log):
        with open(log, errors="replace") as f:
            tail = [l.rstrip() for l in f.read().replace("\r", "").split("\n")
                    if l.strip()][-14:]
        lines += ["last lines of %s:" % shown(log)] + tail
    return "\n".join(lines)


def collect(arches, out, from_json, lab="fork"):
    """{arch: facts} for the traces that worked, {arch: why} for the rest."""
    traces, errors = {}, {}
    for arch in arches:
        name = arch if lab == "fork" else "%s-%s" % (lab, arch)
        try:
            if from_json:
                with open(os.path.join(out, name + ".json")) as f:
                    traces[arch] = json.load(f)
            else:
                print("lab-report: tracing %s on %s ..." % (lab, TITLE[arch]),
                      flush=True)
                traces[arch] = run_trace(arch, out, lab)
        except Exception as e:  # a failed trace is reported, not fatal
            errors[arch] = failure_summary(arch, out, e, lab)
    return traces, errors


# ---- reading the facts ---------------------------------------------------

def num(value):
    """An address from the trace ("0x...") or a plain integer."""
    return int(value, 16) if isinstance(value, str) else int(value)


def stack_offsets(f, addr):
    """(bytes above the stack base, bytes below the stack top)."""
    a = num(addr)
    return a - num(f["stack_base"]), num(f["stack_top"]) - a


def path_functions(f):
    """The functions of the lab breakpoints, in the order they stopped."""
    return [stop["function"] for stop in f["call_path"]]


def in_linux_order(f):
    """The stops follow LAB_PATH (skipping what was not hit), each once,
    from sys_clone to ret_from_fork."""
    path = path_functions(f)
    known = [fn for fn in path if fn in LAB_PATH]
    return (known == path and len(set(path)) == len(path) and
            path == sorted(path, key=LAB_PATH.index) and
            path[:1] == ["sys_clone"] and path[-1:] == ["ret_from_fork"] and
            all(fn in path for fn in LAB_PATH if fn != "do_fork"))


def claims(f):
    """The lab's claims, each (statement, held, evidence), from facts f."""
    reg, resume = f["return_register"], f["resume_field"]
    child, cu, pu = f["child_pid"], f["child_user_return"], \
        f["parent_user_return"]
    task_pt_regs = num(f["stack_top"]) - f["sizeof_pt_regs"]
    sp = num(f["sp_at_ret_from_fork"])
    return [
        ("the lab breakpoints are hit in Linux's order",
         in_linux_order(f), " → ".join(path_functions(f))),
        ("the child's %s is 0 (fork() returns 0 in the child)" % reg,
         f["child_ret_in_regs"] == 0 and cu["ret"] == 0 and
         cu.get("task", "child") == "child",
         "childregs->%s = %d after copy_thread; %d back in user mode "
         "(running task: %s)"
         % (reg, f["child_ret_in_regs"], cu["ret"], cu.get("task", "?"))),
        ("the parent's fork() returns the child's pid",
         pu["ret"] == child and pu.get("task", "parent") == "parent",
         "the parent (pid %d; running task: %s) gets %d; the child's pid "
         "is %d"
         % (f["parent_pid"], pu.get("task", "?"), pu["ret"], child)),
        ("%s == &ret_from_fork" % resume,
         num(f["resume_address"]) == num(f["ret_from_fork"]),
         "%s = %s (%s), &ret_from_fork = %s" % (
             resume, f["resume_address"], f["resume_symbol"] or "?",
             f["ret_from_fork"])),
        ("thread.sp == childregs == task_pt_regs(p)",
         num(f["thread_sp"]) == num(f["childregs"]) == task_pt_regs,
         "thread.sp = %s, childregs = %s, stack + THREAD_SIZE - "
         "sizeof(struct pt_regs) = 0x%x" % (f["thread_sp"], f["childregs"],
                                            task_pt_regs)),
        ("copy_thread leaves the parent's pt_regs unchanged",
         f["parent_ret_before"] == f["parent_ret_after"] and
         f.get("parent_regs_unchanged", False),
         "parent's saved %s: 0x%x before, 0x%x after copy_thread" % (
             reg, f["parent_ret_before"], f["parent_ret_after"])),
        ("ret_from_fork runs as the child, on the child's kernel stack",
         f["current_pid_at_ret_from_fork"] == child and
         num(f["stack_base"]) <= sp < num(f["stack_top"]),
         "current->pid = %d, sp = %s in %s-%s" % (
             f["current_pid_at_ret_from_fork"], f["sp_at_ret_from_fork"],
             f["stack_base"], f["stack_top"])),
        ("both return to the user instruction after %s"
         % f["entry_instruction"],
         num(cu["pc"]) == num(pu["pc"]) == num(f["user_return_pc"]) ==
         num(f["child_user_pc"]),
         "child at %s, parent at %s" % (cu["pc"], pu["pc"])),
        ("the console shows the three seed lines",
         all(line in f["console"] for line in SEED_LINES),
         " / ".join(f["console"]) or "nothing"),
    ]


def all_held(traces):
    """Did every claim hold on every traced architecture?"""
    return all(held for f in traces.values() for _, held, _ in claims(f))


# ---- the side-by-side table ------------------------------------------------
# Cells are plain text where `backquoted` parts are code: Markdown as is,
# <code> in HTML.

def cell_path_stop(fn):
    """Which stop fn was, and its address."""
    def cell(f):
        for i, stop in enumerate(f["call_path"], 1):
            if stop["function"] == fn:
                return "stop %d at `%s`" % (i, stop["address"])
        return "not hit"
    return cell


def cell_stack_spot(key):
    """An address in the child's stack, from its base and from its top."""
    def cell(f):
        above, below = stack_offsets(f, f[key])
        return "`%s` = base + %d = top − %d" % (f[key], above, below)
    return cell


def cell_user_returns(f):
    """The return register of each, back in user mode after the call."""
    reg, cu, pu = f["return_register"], f["child_user_return"], \
        f["parent_user_return"]
    return "child (pid %d): `%s` = %d; parent (pid %d): `%s` = %d" % (
        f["child_pid"], reg, cu["ret"], f["parent_pid"], reg, pu["ret"])


def table_rows(traces):
    """(label, cell function) for every row of the comparison table."""
    hit = [fn for fn in LAB_PATH
           if any(fn in path_functions(f) for f in traces.values())]
    rows = [
        ("System-call entry instruction",
         lambda f: "`%s`" % f["entry_instruction"]),
        ("Trap vector it enters the kernel at",
         lambda f: "`%s` at `%s`" % (f["trap_vector"]["symbol"],
                                     f["trap_vector"]["address"])),
        ("clone's system-call number",
         lambda f: "%d (pt_regs->%s)" % (
             f["clone_syscall_nr"], trace.NAMES[f["arch"]]["nr"])),
        ("Call path", lambda f: " → ".join(path_functions(f))),
    ]
    rows += [("`%s`" % fn, cell_path_stop(fn)) for fn in hit]
    rows += [
        ("sizeof(struct pt_regs)",
         lambda f: "%d bytes" % f["sizeof_pt_regs"]),
        ("sizeof(struct task_struct)",
         lambda f: "%d bytes" % f["sizeof_task_struct"]),
        ("THREAD_SIZE (kernel stack)",
         lambda f: "%d bytes" % f["thread_size"]),
        ("Child's kernel stack (base – top)",
         lambda f: "`%s` – `%s`" % (f["stack_base"], f["stack_top"])),
        ("Parent pid → child pid",
         lambda f: "%d → %d" % (f["parent_pid"], f["child_pid"])),
        ("Return register", lambda f: "`%s`" % f["return_register"]),
        ("Child's return register in childregs after copy_thread",
         lambda f: "`%s` = %d" % (f["return_register"],
                                  f["child_ret_in_regs"])),
        ("Back in user mode", cell_user_returns),
        ("Parent's fork() returns (= child's pid)",
         lambda f: "%d (child pid %d)" % (f["parent_user_return"]["ret"],
                                         f["child_pid"])),
        ("Parent's saved return register before / after copy_thread",
         lambda f: "0x%x / 0x%x" % (f["parent_ret_before"],
                                    f["parent_ret_after"])),
        ("Where the child resumes (thread.ra / thread.ip)",
         lambda f: "`%s` = `%s` → `%s`" % (f["resume_field"],
                                           f["resume_address"],
                                           f["resume_symbol"])),
        ("&ret_from_fork", lambda f: "`%s`" % f["ret_from_fork"]),
        ("thread.sp", cell_stack_spot("thread_sp")),
        ("childregs = task_pt_regs(p)", cell_stack_spot("childregs")),
        ("sp at ret_from_fork", cell_stack_spot("sp_at_ret_from_fork")),
        ("Return instruction",
         lambda f: "`%s` at `%s`" % (f["return_instruction"],
                                     f["return_instruction_at"])),
        ("User pc after the system call (child, parent)",
         lambda f: "`%s`, `%s`" % (f["child_user_return"]["pc"],
                                   f["parent_user_return"]["pc"])),
        ("Console", lambda f: " / ".join(f["console"])),
    ]
    return rows


def table(traces):
    """[label, cell per arch] rows, in the order of ARCHES."""
    arches = [a for a in ARCHES if a in traces]
    return arches, [[label] + [cell(traces[a]) for a in arches]
                    for label, cell in table_rows(traces)]


# ---- the kernel stack drawing -------------------------------------------

SVG_W, SVG_H = 720, 470
BOX_X, BOX_W = 210, 170
TOP_Y, REGS_Y, BASE_Y = 70, 170, 430  # stack top, childregs, stack base


def svg_text(x, y, text, anchor="start", size=12, weight="normal",
             mono=True):
    """A <text> element, escaped."""
    family = "monospace" if mono else "sans-serif"
    return ('<text x="%d" y="%d" text-anchor="%s" font-size="%d" '
            'font-weight="%s" font-family="%s">%s</text>' % (
                x, y, anchor, size, weight, family, xml_escape(text)))


def svg_arrow(arch, y, label, lines):
    """An arrow from the right pointing at the box's edge at height y, its
    label above it and more lines below."""
    x0, x1 = SVG_W - 10, BOX_X + BOX_W + 4
    out = ['<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#c0392b" '
           'stroke-width="2" marker-end="url(#arrow-%s)"/>' % (x0, y, x1, y,
                                                                arch),
           svg_text(x1 + 12, y - 7, label, size=12, weight="bold")]
    out += [svg_text(x1 + 12, y + 17 + 15 * i, line, size=11)
            for i, line in enumerate(lines)]
    return out


def sp_y(f, key):
    """Height of a stack address in the drawing (not to scale below
    pt_regs: the free part is squeezed)."""
    addr, regs = num(f[key]), num(f["childregs"])
    if addr >= regs:
        span = num(f["stack_top"]) - regs
        return REGS_Y - (REGS_Y - TOP_Y) * (addr - regs) // max(span, 1)
    return REGS_Y + 100  # below thread.sp's labels


def kstack_svg(f, standalone=True):
    """The child's kernel stack at ret_from_fork, stack base at the bottom,
    pt_regs at the top, thread.sp and the running sp pointing at it."""
    out = svg_heading(f) + stack_box(f) + address_labels(f) + \
        pointer_arrows(f) + ["</svg>"]
    head = '<?xml version="1.0" encoding="UTF-8"?>\n' if standalone else ""
    return head + "\n".join(out) + "\n"


def svg_heading(f):
    """The <svg> element, its title, the arrow marker (one id per arch:
    both drawings share the HTML page) and the caption."""
    arch = f["arch"]
    return [
        '<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
        'viewBox="0 0 %d %d" role="img">' % (SVG_W, SVG_H, SVG_W, SVG_H),
        '<title>%s: kernel stack of the child (pid %d) at ret_from_fork'
        '</title>' % (TITLE[arch], f["child_pid"]),
        '<defs><marker id="arrow-%s" markerWidth="10" markerHeight="8" '
        'refX="9" refY="4" orient="auto"><path d="M0,0 L10,4 L0,8 z" '
        'fill="#c0392b"/></marker></defs>' % arch,
        '<rect width="100%" height="100%" fill="white"/>',
        svg_text(SVG_W // 2, 24, "%s: child pid %d's kernel stack at "
                 "ret_from_fork" % (TITLE[arch], f["child_pid"]),
                 anchor="middle", size=15, weight="bold", mono=False),
        svg_text(SVG_W // 2, 44, "THREAD_SIZE = %d bytes; not to scale "
                 "below pt_regs" % f["thread_size"], anchor="middle",
                 size=11, mono=False)]


def stack_box(f):
    """pt_regs on top (with the child's return register and user pc), the
    free part below it, broken by a zigzag: it is not drawn to scale."""
    reg, pc = f["return_register"], trace.NAMES[f["arch"]]["pc"]
    free = num(f["childregs"]) - num(f["stack_base"])
    mid, low = BOX_X + BOX_W // 2, (REGS_Y + BASE_Y) // 2
    return [
        '<rect x="%d" y="%d" width="%d" height="%d" fill="#d6eaf8" '
        'stroke="black"/>' % (BOX_X, TOP_Y, BOX_W, REGS_Y - TOP_Y),
        '<rect x="%d" y="%d" width="%d" height="%d" fill="#f4f6f6" '
        'stroke="black"/>' % (BOX_X, REGS_Y, BOX_W, BASE_Y - REGS_Y),
        svg_text(mid, TOP_Y + 30, "struct pt_regs", "middle", 13, "bold"),
        svg_text(mid, TOP_Y + 50, "%d bytes" % f["sizeof_pt_regs"], "middle"),
        svg_text(mid, TOP_Y + 70, "%s = %d" % (reg, f["child_ret_in_regs"]),
                 "middle"),
        svg_text(mid, TOP_Y + 88, "%s = %s" % (pc, f["child_user_pc"]),
                 "middle", 11),
        svg_text(mid, low - 8, "free: %d bytes" % free, "middle"),
        svg_text(mid, low + 10, "(grows down)", "middle", 11, mono=False),
        '<path d="M%d,%d l20,-8 l20,16 l20,-16 l20,16 l20,-16 l20,16 '
        'l20,-16 l20,16 l10,-8" fill="none" stroke="#7f8c8d"/>'
        % (BOX_X, low + 50)]


def address_labels(f):
    """The stack's top, childregs and base, left of the box."""
    out = []
    for y, name, addr in (
            (TOP_Y, "top = stack + THREAD_SIZE", f["stack_top"]),
            (REGS_Y, "childregs = task_pt_regs(p)", f["childregs"]),
            (BASE_Y, "base = task->stack", f["stack_base"])):
        out += [svg_text(BOX_X - 8, y - 3, name, "end", 10, mono=False),
                svg_text(BOX_X - 8, y + 12, addr, "end", 11)]
    return out


def pointer_arrows(f):
    """thread.sp (and the sp ret_from_fork runs with, if elsewhere)."""
    arch, resume = f["arch"], f["resume_field"]
    where = ["", "%s = %s" % (resume, f["resume_address"]),
             "  = &%s: where __switch_to goes" % (f["resume_symbol"] or "?")]
    if num(f["sp_at_ret_from_fork"]) == num(f["thread_sp"]):
        return svg_arrow(arch, sp_y(f, "thread_sp"),
                         "thread.sp = sp at ret_from_fork",
                         ["= %s = childregs" % f["thread_sp"]] + where)
    return (svg_arrow(arch, sp_y(f, "thread_sp"), "thread.sp",
                      ["= %s" % f["thread_sp"]] + where) +
            svg_arrow(arch, sp_y(f, "sp_at_ret_from_fork"),
                      "sp at ret_from_fork",
                      ["= %s" % f["sp_at_ret_from_fork"]]))


# ---- Markdown and HTML ---------------------------------------------------

def provenance():
    """When and from which commit the traces were taken."""
    try:
        rev = subprocess.run(["git", "describe", "--always", "--dirty"],
                             cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        rev = "unknown"
    when = datetime.datetime.now(datetime.timezone.utc)
    return "commit %s, %s" % (rev, when.strftime("%Y-%m-%d %H:%M UTC"))


def claim_lines(traces):
    """(arch, [(mark, statement, evidence)]) per traced architecture."""
    for arch in (a for a in ARCHES if a in traces):
        yield arch, [("held" if held else "DID NOT HOLD", text, evidence)
                     for text, held, evidence in claims(traces[arch])]


def markdown(traces, errors, stamp, labs=None):
    """report.md: the table, the claims, the drawings, the failures; then
    each lab's section (labs: {lab: (facts, errors)}, see LABS)."""
    arches, rows = table(traces)
    md = ["# Clonix fork lab: RISC-V and i386 side by side", "",
          "Generated by `make lab-report` (scripts/lab/report.py) from live "
          "gdb traces of `fork` typed at MenuOS (%s). Every value below was "
          "read from the running kernel; the raw facts are in `<arch>.json`."
          % stamp, ""]
    md += ["| | %s |" % " | ".join(TITLE[a] for a in arches),
           "|---|" + "---|" * len(arches)]
    md += ["| %s |" % " | ".join(c.replace("|", "\\|") for c in row)
           for row in rows]
    md += ["", "## Did the lab's claims hold?", ""]
    for arch, lines in claim_lines(traces):
        md.append("**%s**" % TITLE[arch])
        md.append("")
        md += ["- %s: %s — %s" % (m, t, e) for m, t, e in lines]
        md.append("")
    md += ["## The child's kernel stack at ret_from_fork", ""]
    md += ["![%s kernel stack](kstack-%s.svg)" % (TITLE[a], a)
           for a in arches]
    md += failures_md(errors)
    for lab, module, _ in LABS:
        md += module.markdown(*(labs or {}).get(lab, ({}, {})))
    return "\n".join(md) + "\n"


def failures_md(errors):
    """Why each failed trace failed, for the end of report.md."""
    if not errors:
        return []
    md = ["", "## Traces that failed", ""]
    for arch, why in errors.items():
        md += ["**%s**:" % TITLE[arch], "", "```", why, "```", ""]
    return md


def code_html(text):
    """A table cell: escaped, `backquoted` parts as <code>."""
    return re.sub(r"`([^`]*)`", r"<code>\1</code>", html.escape(text))


HTML_STYLE = """body{font-family:sans-serif;max-width:1200px;margin:2em auto;
padding:0 1em;color:#222}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #bbb;padding:4px 8px;vertical-align:top;text-align:left}
th{background:#eee}td:first-child{font-weight:bold;width:22%}
code{font-size:0.92em}.held{color:#1e8449}
.failed{color:#c0392b;font-weight:bold}
.stacks{display:flex;flex-wrap:wrap;gap:1em}
pre{background:#f4f4f4;padding:1em}"""


def html_page(traces, errors, stamp, labs=None):
    """report.html: what report.md says, with the drawings inline."""
    arches, rows = table(traces)
    h = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
         "<title>Clonix fork lab: RISC-V and i386</title>",
         "<style>%s</style></head><body>" % HTML_STYLE,
         "<h1>Clonix fork lab: RISC-V and i386 side by side</h1>",
         "<p>Generated by <code>make lab-report</code> from live gdb traces "
         "of <code>fork</code> typed at MenuOS (%s). Every value was read "
         "from the running kernel.</p>" % html.escape(stamp),
         "<table><tr><th></th>%s</tr>" % "".join(
             "<th>%s</th>" % TITLE[a] for a in arches)]
    h += ["<tr>%s</tr>" % "".join("<td>%s</td>" % code_html(c) for c in row)
          for row in rows]
    h += ["</table>", "<h2>Did the lab's claims hold?</h2>"]
    for arch, lines in claim_lines(traces):
        h.append("<h3>%s</h3><ul>" % TITLE[arch])
        h += ['<li><span class="%s">%s</span>: %s — %s</li>' % (
            "held" if m == "held" else "failed", m, html.escape(t),
            html.escape(e)) for m, t, e in lines]
        h.append("</ul>")
    h += ["<h2>The child's kernel stack at ret_from_fork</h2>",
          '<div class="stacks">']
    h += [kstack_svg(traces[a], standalone=False) for a in arches]
    h.append("</div>")
    for arch, why in errors.items():
        h.append("<h2>%s: trace failed</h2><pre>%s</pre>" % (
            TITLE[arch], html.escape(why)))
    for lab, module, _ in LABS:
        h += module.html_section(*(labs or {}).get(lab, ({}, {})),
                                 code_html)
    h.append("</body></html>")
    return "\n".join(h) + "\n"


def write_report(traces, errors, out, labs=None):
    """Write report.md, report.html and kstack-<arch>.svg; return paths.
    labs: {lab: (facts, errors)} of the labs after the fork lab."""
    stamp = provenance()
    paths = {"md": os.path.join(out, "report.md"),
             "html": os.path.join(out, "report.html")}
    for arch, facts in traces.items():
        paths[arch] = os.path.join(out, "kstack-%s.svg" % arch)
        with open(paths[arch], "w") as f:
            f.write(kstack_svg(facts))
    with open(paths["md"], "w") as f:
        f.write(markdown(traces, errors, stamp, labs))
    with open(paths["html"], "w") as f:
        f.write(html_page(traces, errors, stamp, labs))
    return paths


def shown(path):
    """path relative to the current directory when it lies below it."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--arch", action="append", choices=ARCHES,
                    help="trace only this architecture (repeatable; "
                         "default: both)")
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "lab"),
                    help="where the traces and the report go")
    ap.add_argument("--from-json", action="store_true",
                    help="reuse <out>/<arch>.json instead of tracing")
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    traces, errors = collect(args.arch or ARCHES, args.out, args.from_json)
    labs = {lab: collect(args.arch or ARCHES, args.out, args.from_json, lab)
            for lab, _, _ in LABS}
    paths = write_report(traces, errors, args.out, labs)
    for arch, why in errors.items():
        print("lab-report: %s trace failed:\n%s" % (TITLE[arch], why),
              file=sys.stderr)
    for lab, _, called in LABS:
        for arch, why in labs[lab][1].items():
            print("lab-report: %s %s trace failed:\n%s" % (
                TITLE[arch], called, why), file=sys.stderr)
    held = all_held(traces) and all(module.all_held(labs[lab][0])
                                    for lab, module, _ in LABS)
    if traces and not held:
        print("lab-report: some of the lab's claims did not hold; see the "
              "report", file=sys.stderr)
    for key in ("md", "html"):
        print("lab-report: wrote %s" % shown(paths[key]))
    return 0 if traces and not errors and held and all(
        facts and not failed for facts, failed in labs.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
