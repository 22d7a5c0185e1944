"""The cross-architecture lab report (`make lab-report`, scripts/lab/report.py)
is made from live traces and says what they say.

One module-wide run of scripts/lab/report.py traces `fork` on both
architectures (QEMU + gdb) into a temporary directory; the tests then read
the <arch>.json facts it saved next to report.md, report.html and
kstack-<arch>.svg, and check that the report's values are the trace's.
(Whether the kernel behaves as the lab says is tests/test_gdb_lab.py's
business; here it is whether the report tells it faithfully.)
The same run traces the pipe lab (`pipe` typed at MenuOS), the signals
lab (`signal` typed), the threads lab (`fork` then `thread` typed), the
copy-on-write lab (`cow` typed) and the fault-injection lab (`failfork`
typed): their sections' tables and claims are checked the same way.
Both architectures are required: a trace that fails fails its tests.
"""
import copy
import html.parser
import importlib.util
import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPORT = os.path.join(ROOT, "scripts", "lab", "report.py")
ARCHES = ["riscv", "x86"]
TITLE = {"riscv": "RISC-V", "x86": "i386"}
SVG_NS = "{http://www.w3.org/2000/svg}"


def load_report_module():
    spec = importlib.util.spec_from_file_location("lab_report", REPORT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """Run `scripts/lab/report.py --out DIR` once: the traced fork on both
    architectures and the report. Returns DIR and how the run went."""
    out = tmp_path_factory.mktemp("lab")
    proc = subprocess.run(["/usr/bin/python3", REPORT, "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True,
                          timeout=1500)
    return {"dir": str(out), "proc": proc}


def read(lab, name):
    with open(os.path.join(lab["dir"], name)) as f:
        return f.read()


def lab_facts(lab, name, arch):
    """The <name>-<arch>.json trace report.py saved; fail if there is
    none."""
    path = os.path.join(lab["dir"], "%s-%s.json" % (name, arch))
    if not os.path.exists(path):
        pytest.fail("no %s %s trace: report.py said\n%s%s" % (
            arch, name, lab["proc"].stdout, lab["proc"].stderr))
    with open(path) as f:
        return json.load(f)


def claims_said(lab, arch, section):
    """[(mark, claim)] as report.md's `**<arch>, <section>**` list says
    them."""
    block = read(lab, "report.md").split(
        "**%s, %s**" % (TITLE[arch], section), 1)[1]
    block = block.split("\n\n**", 1)[0]
    return re.findall(r"^- (held|DID NOT HOLD): (.*?) — ", block, re.M)


def facts(lab, arch):
    """The trace the report was made from; fail if there is none."""
    path = os.path.join(lab["dir"], arch + ".json")
    if not os.path.exists(path):
        pytest.fail("no %s trace: report.py said\n%s%s" % (
            arch, lab["proc"].stdout, lab["proc"].stderr))
    with open(path) as f:
        return json.load(f)


def markdown_table(text, which=0):
    """report.md's comparison table (which=1: the pipe lab's, 2: the
    signals lab's, 3: the threads lab's, 4: the copy-on-write lab's, 5: the
    fault-injection lab's) as
    {label: {column title: cell}}."""
    tables, previous = [], False
    for line in text.splitlines():
        if line.startswith("|"):
            if not previous:
                tables.append([])
            tables[-1].append(line)
        previous = line.startswith("|")
    lines = tables[which]

    def cells(line):
        return [c.strip().replace("\\|", "|")
                for c in re.split(r"(?<!\\)\|", line)[1:-1]]

    head = cells(lines[0])
    return {row[0]: dict(zip(head[1:], row[1:]))
            for row in map(cells, lines[2:])}


class TableCells(html.parser.HTMLParser):
    """The text of every <td>/<th> of the first table (the fork lab's),
    row by row."""

    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.tables = [], None, 0

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables += 1
        if tag == "tr" and self.tables == 1:  # the fork table only
            self.rows.append([])
        elif tag in ("td", "th") and self.tables == 1:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None and \
                self.tables == 1:
            self.rows[-1].append(self.cell.strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def column(lab, arch):
    """{label: cell} of arch's column in report.md."""
    facts(lab, arch)
    table = markdown_table(read(lab, "report.md"))
    assert all(TITLE[arch] in row for row in table.values()), \
        "report.md has no %s column" % TITLE[arch]
    return {label: row[TITLE[arch]] for label, row in table.items()}


def test_report_run_succeeds(lab):
    proc = lab["proc"]
    assert proc.returncode == 0, \
        "report.py exited %d:\n%s%s" % (proc.returncode, proc.stdout,
                                        proc.stderr)
    for name in ("report.md", "report.html"):
        assert os.path.exists(os.path.join(lab["dir"], name)), name
        assert name in proc.stdout, "report.py does not say where %s is" % name


@pytest.mark.parametrize("arch", ARCHES)
def test_trace_saved_for_report_on(lab, arch):
    f = facts(lab, arch)
    assert f["arch"] == arch
    assert os.path.getsize(os.path.join(lab["dir"], arch + ".log")) > 0


@pytest.mark.parametrize("arch", ARCHES)
def test_table_values_come_from_trace_on(lab, arch):
    f, col = facts(lab, arch), column(lab, arch)

    def has(label, *values):
        for v in values:
            assert str(v) in col[label], \
                "%s row for %s: %r lacks %r" % (label, arch, col[label], v)

    has("System-call entry instruction", f["entry_instruction"])
    has("Trap vector it enters the kernel at", f["trap_vector"]["symbol"],
        f["trap_vector"]["address"])
    assert col["clone's system-call number"].startswith(
        "%d " % f["clone_syscall_nr"])
    path = [s["function"] for s in f["call_path"]]
    assert col["Call path"] == " → ".join(path)
    for i, stop in enumerate(f["call_path"], 1):
        has("`%s`" % stop["function"], "stop %d at `%s`" % (i,
                                                          stop["address"]))
    has("sizeof(struct pt_regs)", "%d bytes" % f["sizeof_pt_regs"])
    has("sizeof(struct task_struct)", "%d bytes" % f["sizeof_task_struct"])
    has("THREAD_SIZE (kernel stack)", "%d bytes" % f["thread_size"])
    has("Child's kernel stack (base – top)", f["stack_base"], f["stack_top"])
    has("Parent pid → child pid", "%d → %d" % (f["parent_pid"],
                                              f["child_pid"]))
    has("Return register", f["return_register"])
    has("Child's return register in childregs after copy_thread",
        "`%s` = %d" % (f["return_register"], f["child_ret_in_regs"]))
    has("Back in user mode", "`%s` = %d" % (
        f["return_register"], f["child_user_return"]["ret"]),
        "`%s` = %d" % (f["return_register"],
                       f["parent_user_return"]["ret"]))
    has("Parent's fork() returns (= child's pid)",
        "%d (child pid %d)" % (f["parent_user_return"]["ret"],
                               f["child_pid"]))
    has("Where the child resumes (thread.ra / thread.ip)", f["resume_field"],
        f["resume_address"], f["resume_symbol"])
    has("&ret_from_fork", f["ret_from_fork"])
    base, top = int(f["stack_base"], 16), int(f["stack_top"], 16)
    for label, key in (("thread.sp", "thread_sp"),
                       ("childregs = task_pt_regs(p)", "childregs"),
                       ("sp at ret_from_fork", "sp_at_ret_from_fork")):
        addr = int(f[key], 16)
        has(label, f[key], "base + %d" % (addr - base),
            "top − %d" % (top - addr))
    has("Return instruction", f["return_instruction"],
        f["return_instruction_at"])
    has("User pc after the system call (child, parent)",
        f["child_user_return"]["pc"], f["parent_user_return"]["pc"])
    has("Console", *f["console"])


@pytest.mark.parametrize("arch", ARCHES)
def test_html_table_matches_markdown_on(lab, arch):
    col = column(lab, arch)
    parser = TableCells()
    parser.feed(read(lab, "report.html"))
    head, *rows = parser.rows
    i = head.index(TITLE[arch])
    html_col = {r[0]: r[i] for r in rows}
    md_col = {label.replace("`", ""): cell.replace("`", "")
              for label, cell in col.items()}
    assert html_col == md_col


@pytest.mark.parametrize("arch", ARCHES)
def test_kernel_stack_svg_is_drawn_from_trace_on(lab, arch):
    f = facts(lab, arch)
    name = "kstack-%s.svg" % arch
    root = ET.parse(os.path.join(lab["dir"], name)).getroot()
    assert root.tag == SVG_NS + "svg"
    text = " ".join(t.text or "" for t in root.iter(SVG_NS + "text"))
    for value in (f["stack_base"], f["stack_top"], f["childregs"],
                  f["thread_sp"], f["resume_address"],
                  "%d bytes" % f["sizeof_pt_regs"],
                  "THREAD_SIZE = %d" % f["thread_size"],
                  "%s = %d" % (f["return_register"], f["child_ret_in_regs"])):
        assert value in text, "%s does not show %s" % (name, value)
    assert "](%s)" % name in read(lab, "report.md"), \
        "report.md does not show %s" % name
    page = read(lab, "report.html")
    assert 'id="arrow-%s"' % arch in page, "%s not in report.html" % name


@pytest.mark.parametrize("arch", ARCHES)
def test_claims_in_report_follow_trace_on(lab, arch):
    report = load_report_module()
    f = facts(lab, arch)
    md = read(lab, "report.md")
    block = md.split("**%s**" % TITLE[arch], 1)[1].split("\n\n**", 1)[0]
    said = re.findall(r"^- (held|DID NOT HOLD): (.*?) — ", block, re.M)
    derived = [("held" if held else "DID NOT HOLD", text)
               for text, held, _ in report.claims(f)]
    assert said == derived


@pytest.mark.parametrize("arch", ARCHES)
def test_claims_are_derived_not_typed_on(lab, arch):
    """Spoil one fact at a time: the matching claim must stop holding."""
    report = load_report_module()
    f = facts(lab, arch)
    assert all(held for _, held, _ in report.claims(f))
    spoil = {
        "child_ret_in_regs": 1,
        "parent_user_return": dict(f["parent_user_return"], ret=0),
        "resume_address": hex(int(f["ret_from_fork"], 16) + 4),
        "thread_sp": hex(int(f["thread_sp"], 16) - 8),
        "parent_ret_after": 0 if f["parent_ret_before"] else 1,
        "sp_at_ret_from_fork": hex(int(f["stack_top"], 16)),
        "console": f["console"][:-1],
        "call_path": f["call_path"][::-1],
    }
    for key, value in spoil.items():
        bad = copy.deepcopy(f)
        bad[key] = value
        failed = [t for t, held, _ in report.claims(bad) if not held]
        assert len(failed) == 1, "spoiling %s: %s fail" % (key, failed)


def pipe_facts(lab, arch):
    return lab_facts(lab, "pipe", arch)


# Each lab after the fork lab: its trace's name, its section's name in
# report.md, and its claims from its facts.
LAB_SECTIONS = {
    "pipe": ("pipe lab", lambda r, f, a: r.pipe_report.pipe_claims(f)),
    "signal": ("signals lab",
               lambda r, f, a: r.signal_report.signal_claims(f)),
    "thread": ("threads lab",
               lambda r, f, a: r.thread_report.thread_claims(f, a)),
    "cow": ("copy-on-write lab", lambda r, f, a: r.cow_report.cow_claims(f)),
    "fail": ("fault-injection lab",
             lambda r, f, a: r.fail_report.fail_claims(f)),
}


@pytest.mark.parametrize("arch", ARCHES)
@pytest.mark.parametrize("name", sorted(LAB_SECTIONS))
def test_lab_traced_and_its_claims_hold_and_are_said_on(lab, name, arch):
    """Each lab's trace exists, every claim holds, and report.md and
    report.html say so."""
    section, claims_of = LAB_SECTIONS[name]
    claims = claims_of(load_report_module(), lab_facts(lab, name, arch),
                       arch)
    failed = [(t, e) for t, held, e in claims if not held]
    assert not failed, failed
    assert claims_said(lab, arch, section) == [
        ("held", text) for text, _, _ in claims]
    assert "%s, %s</h3>" % (TITLE[arch], section) in read(lab, "report.html")


@pytest.mark.parametrize("arch", ARCHES)
def test_each_lab_stopped_on_its_path_on(lab, arch):
    report = load_report_module()
    path = [s["function"] for s in pipe_facts(lab, arch)["stops"]]
    assert path[0] in ("sys_pipe2", "sys_pipe") and \
        path[1:3] == ["do_pipe2", "create_pipe_files"]
    assert [st["function"] for st in signal_facts(lab, arch)["stops"]] == \
        report.signal_report.SIGNAL_PATH
    assert thread_facts(lab, arch)["thread"]["call_path"] == \
        report.thread_report.LAB_PATH


@pytest.mark.parametrize("arch", ARCHES)
def test_pipe_table_values_come_from_trace_on(lab, arch):
    p = pipe_facts(lab, arch)
    table = markdown_table(read(lab, "report.md"), which=1)
    col = {label: row[TITLE[arch]] for label, row in table.items()}
    w = [s for s in p["stops"] if s["function"] == "pipe_write"][0]
    r = [s for s in p["stops"] if s["function"] == "pipe_read" and
         "returned" in s][0]
    assert col["Call path"] == " → ".join(s["function"] for s in p["stops"])
    assert col["pipe_write (pid, bytes asked → returned)"] == \
        "pid %d: %d → %d" % (w["pid"], w["count"], w["returned"])
    assert "head %d, tail %d" % (w["after"]["head"], w["after"]["tail"]) in \
        col["Ring before / after the write"]
    assert col["pipe_read (pid, room → returned)"] == \
        "pid %d: %d → %d" % (r["pid"], r["count"], r["returned"])
    assert col["f_count of the write end's file"] == str(w["f_count"])


@pytest.mark.parametrize("arch", ARCHES)
def test_pipe_claims_are_derived_not_typed_on(lab, arch):
    """Spoil one fact at a time: a claim must stop holding."""
    report = load_report_module()
    p = pipe_facts(lab, arch)
    w = [i for i, s in enumerate(p["stops"]) if s["function"] == "pipe_write"]
    r = [i for i, s in enumerate(p["stops"]) if s["function"] == "pipe_read"
         and "returned" in s]
    spoils = []
    bad = copy.deepcopy(p)
    bad["stops"][w[0]]["returned"] -= 1
    spoils.append(bad)
    bad = copy.deepcopy(p)
    bad["stops"][r[0]]["after"]["tail"] -= 1
    spoils.append(bad)
    bad = copy.deepcopy(p)
    bad["stops"][w[0]]["before"]["readers"] = 2
    spoils.append(bad)
    bad = copy.deepcopy(p)
    bad["console"] = bad["console"][:1]
    spoils.append(bad)
    bad = copy.deepcopy(p)
    bad["stops"] = bad["stops"][1:]
    spoils.append(bad)
    bad = copy.deepcopy(p)
    bad["stops"][r[0]]["ppid"] = 0
    spoils.append(bad)
    for bad in spoils:
        failed = [t for t, held, _ in report.pipe_report.pipe_claims(bad)
                  if not held]
        assert failed, "a spoiled pipe trace still holds every claim"


def signal_facts(lab, arch):
    return lab_facts(lab, "signal", arch)


def signal_column(lab, arch):
    table = markdown_table(read(lab, "report.md"), which=2)
    assert all(TITLE[arch] in row for row in table.values()), \
        "the signals table has no %s column" % TITLE[arch]
    return {label: row[TITLE[arch]] for label, row in table.items()}


@pytest.mark.parametrize("arch", ARCHES)
def test_signal_table_values_come_from_trace_on(lab, arch):
    s, col = signal_facts(lab, arch), signal_column(lab, arch)
    h, f, i = s["handler_stop"], s["frame"], s["interrupted"]
    assert col["Call path"] == " → ".join(st["function"]
                                          for st in s["stops"])
    assert col["The interrupted system call"] == "`%s` (%d)" % (
        i["syscall_name"], i["syscall_nr"])
    assert col["Its return value at handle_signal → after the restart "
               "logic"].startswith("%d (" % i["return_before"])
    assert "→ %d (" % i["return_after"] in \
        col["Its return value at handle_signal → after the restart logic"]
    assert col["sizeof(struct rt_sigframe)"] == "%d bytes" % f["size"]
    for m in f["layout"]:
        row = "Frame layout" if "." not in m["member"] else "Inside uc"
        assert "`%s` +%d (%d)" % (m["member"], m["offset"], m["size"]) in \
            col[row], (row, m)
    assert h["return_address"] in col["Return address"]
    assert col["Code at the return address"] == " ; ".join(
        "`%s`" % c for c in h["trampoline"])
    assert col["siginfo in the frame"] == \
        "si_signo %(si_signo)d, si_code %(si_code)d, si_pid %(si_pid)d" % \
        h["siginfo"]
    assert col["rt_sigreturn (number, user sp)"].startswith(
        "%d, sp `0x%x`" % (s["sigreturn"]["syscall_nr"],
                           s["sigreturn"]["sp"]))
    assert "`0x%x`" % s["regs_at_signal"]["sp"] in col["Where the frame goes"]
    assert "`0x%x`" % f["sp"] in col["Where the frame goes"]
    assert col["sa_flags"].startswith("`%s`" % s["sa_flags"])
    assert col["Registers before the signal / after rt_sigreturn"] \
        .startswith("all %d equal" % len(s["regs_at_signal"]))
    assert col["Console"] == " / ".join(s["console"])
    r = s["restart"]
    assert col["A restarted call (test_sigwait, SA_RESTART)"].startswith(
        "`%s` (%d): " % (r["syscall_name"], r["syscall_nr"]))
    for v in ("%d (-ERESTARTSYS) → %d" % (r["before"]["ret"],
                                          r["after"]["ret"]),
              "pc `0x%x` → `0x%x`" % (r["before"]["pc"], r["after"]["pc"]),
              "case: %s" % r["verdict"]):
        assert v in col["A restarted call (test_sigwait, SA_RESTART)"], v
    if arch == "x86":
        assert "struct _fpstate` (%d bytes) at `0x%x`" % (
            f["sizes"]["struct _fpstate"], h["fpstate"]) in col["FP state"]
        assert col["The handler's arguments"].startswith(
            "`[esp+4]` = %d" % h["args"]["stack"][0])
    else:
        v = s["vdso"]
        assert "`0x%x`–`0x%x`" % (v["base"], v["base"] + v["size"]) in \
            col["Return address"]
        assert col["The handler's arguments"].startswith(
            "`a0` = %d, `a1` = `0x%x`" % (h["args"]["a0"], h["args"]["a1"]))


@pytest.mark.parametrize("arch", ARCHES)
def test_signal_claims_are_derived_not_typed_on(lab, arch):
    """Spoil one fact at a time: exactly the matching claim must stop
    holding."""
    report = load_report_module()
    s = signal_facts(lab, arch)

    def spoiled(change):
        bad = copy.deepcopy(s)
        change(bad)
        return [t for t, held, _ in
                report.signal_report.signal_claims(bad) if not held]

    def nudge(d, key, by):
        def change(bad):
            target = bad
            for k in d:
                target = target[k]
            target[key] = target[key] + by if not isinstance(
                target[key], str) else hex(int(target[key], 16) + by)
        return change

    spoils = {
        "stops reversed": lambda b: b["stops"].reverse(),
        "handler signo": nudge(["handler_stop"], "signo", 2),
        "handler's second argument": nudge(
            ["handler_stop", "args"], "a1", 8) if arch == "riscv" else
        nudge(["handler_stop", "args"], "edx", 8),
        "si_pid": nudge(["handler_stop", "siginfo"], "si_pid", 1),
        "saved pc": nudge(["handler_stop"], "saved_pc", 4),
        "return address": nudge(["handler_stop"], "return_address", 4),
        "sigreturn sp": nudge(["sigreturn"], "sp", 16),
        "return after the restart logic":
            nudge(["interrupted"], "return_after", -510),
        "syscall instruction": lambda b: b["handler_stop"][
            "syscall_insn"].update(code="nop"),
        "a register after sigreturn":
            nudge(["regs_after_sigreturn"], "sp", 4),
        "a register back in user mode":
            nudge(["regs_back_in_user"], "sp", 4),
        "console": lambda b: b.update(console=b["console"][:-1]),
        "child's parent": lambda b: b.update(child_ppid=0),
        "restarted call's return register":
            nudge(["restart", "after"], "ret", 1),
        "restarted call's pc": nudge(["restart", "after"], "pc", 2),
    }
    assert not spoiled(lambda b: None)
    for what, change in spoils.items():
        failed = spoiled(change)
        assert len(failed) == 1, "spoiling the %s: %s fail" % (what, failed)


def thread_facts(lab, arch):
    return lab_facts(lab, "thread", arch)


@pytest.mark.parametrize("arch", ARCHES)
def test_thread_table_values_come_from_trace_on(lab, arch):
    t = thread_facts(lab, arch)
    f, c = t["fork"], t["thread"]
    table = markdown_table(read(lab, "report.md"), which=3)
    col = {label: row[TITLE[arch]] for label, row in table.items()}

    def pair(a, b):
        return "fork: %s · pthread_create: %s" % (a, b)

    assert col["Call path"] == pair(" → ".join(f["call_path"]),
                                    " → ".join(c["call_path"]))
    assert col["System calls"].endswith("`clone` (%d)" % c["syscall_nr"])
    for e in c["enosys"]:
        assert "`%s` (%d) → ENOSYS" % (e["name"], e["nr"]) in \
            col["System calls"]
    assert col["Clone flags"].startswith("fork: %s: " % f["flags_hex"])
    assert "pthread_create: %s: " % c["flags_hex"] in col["Clone flags"]
    for n in c["flag_names"]:
        assert n.replace("CLONE_", "") in col["Clone flags"]
    for step in report_steps():
        cell = [v for k, v in col.items() if k.startswith("`%s`" % step)][0]
        s, sf = c["steps"][step], f["steps"][step]
        assert cell == pair(
            "%s (%s %d)" % ("shared" if sf["shared"] else "copied",
                            sf["count_field"], sf["new_count"]),
            "%s (%s %d)" % ("shared" if s["shared"] else "copied",
                            s["count_field"], s["new_count"]))
    assert col["pid / tgid (creator's tgid)"] == pair(
        "%d / %d (%d)" % (f["pid"], f["tgid"], f["creator_tgid"]),
        "%d / %d (%d)" % (c["pid"], c["tgid"], c["creator_tgid"]))
    assert col["signal->thread_head (pids)"] == pair(
        ", ".join(map(str, f["thread_group"])),
        ", ".join(map(str, c["thread_group"])))
    assert col["exit_signal"] == pair(f["task_exit_signal"],
                                      c["task_exit_signal"])
    sp = col["pt_regs sp (clone's newsp; creator's sp)"]
    assert "pthread_create: 0x%x (0x%x; 0x%x)" % (
        c["regs"]["new"]["sp"], c["newsp"], c["regs"]["creator"]["sp"]) in sp
    tp = [v for k, v in col.items() if k.startswith("Thread pointer")][0]
    if arch == "riscv":
        assert "pthread_create: tp 0x%x (creator's 0x%x)" % (
            c["regs"]["new"]["tls"]["tp"],
            c["regs"]["creator"]["tls"]["tp"]) in tp
    else:
        assert "pthread_create: %%gs 0x%x → GDT %d, tls_array[%d] base 0x%x" \
            % (c["regs"]["new"]["tls"]["gs"],
               c["regs"]["new"]["tls"]["gdt_entry"],
               c["regs"]["new"]["tls"]["tls_slot"],
               c["regs"]["new"]["tls"]["base"]) in tp
    assert "`%s`" % c["first_user_new"]["symbol"] in \
        col["First user instruction of the new task"]
    assert col["Console"] == " / ".join(c["console"])


def report_steps():
    return load_report_module().thread_report.STEPS


@pytest.mark.parametrize("arch", ARCHES)
def test_thread_claims_are_derived_not_typed_on(lab, arch):
    """Spoil one fact at a time: exactly the claim about it must stop
    holding."""
    report = load_report_module()
    t = thread_facts(lab, arch)

    def spoiled(change):
        bad = copy.deepcopy(t)
        change(bad)
        return [c for c, held, _ in
                report.thread_report.thread_claims(bad, arch) if not held]

    def setter(which, *path, value=None, by=None):
        def change(bad):
            target = bad[which]
            for k in path[:-1]:
                target = target[k]
            target[path[-1]] = value if by is None else target[path[-1]] + by
        return change

    tls = setter("thread", "tls_arg", by=8) if arch == "riscv" else \
        setter("thread", "user_desc", "base_addr", by=8)
    spoils = {
        # what is spoiled: (the change, words of the claim that must fail)
        "the thread's call path": (
            lambda b: b["thread"]["call_path"].remove("dup_task_struct"),
            "same lab breakpoints"),
        "a call other than clone3 answered ENOSYS": (
            lambda b: b["thread"]["enosys"].append({"nr": 98,
                                                    "name": "futex"}),
            "clone system call"),
        "CLONE_SETTLS": (
            lambda b: b["thread"]["flag_names"].remove("CLONE_SETTLS"),
            "asks for a thread"),
        "the thread's exit signal in the flags": (
            setter("thread", "exit_signal", value=17), "asks for a thread"),
        "fork's mm shared": (
            lambda b: b["fork"]["steps"]["copy_mm"].update(
                shared=True, new=b["fork"]["steps"]["copy_mm"]["creator"]),
            "each copy_* step"),
        "a shared count not raised": (
            setter("thread", "steps", "copy_files", "new_count", value=1),
            "each copy_* step"),
        "the thread's group_leader": (
            setter("thread", "group_leader_pid", by=1), "own pid"),
        "the thread on its creator's children": (
            setter("thread", "on_creator_children", value=True),
            "never on a children list"),
        "the thread's exit_signal": (
            setter("thread", "task_exit_signal", value=17),
            "exit_signal is -1"),
        "the thread's sp": (
            lambda b: b["thread"]["regs"]["new"].update(
                sp=b["thread"]["regs"]["new"]["sp"] + 16), "newsp"),
        "the TLS clone was given": (tls, "CLONE_SETTLS copy_thread"),
        "the new task's return register": (
            lambda b: b["thread"]["regs"]["new"].update(ret=5),
            "ret_from_fork"),
        "the first user pc": (
            setter("thread", "first_user_new", "pc", by=2),
            "first user instruction"),
        "the first user function": (
            setter("thread", "first_user_new", "symbol",
                   value="start_thread+0x10"), "first user instruction"),
        "the console": (
            lambda b: b["thread"].update(console=b["thread"]["console"][:-1]),
            "is joined"),
    }
    assert not spoiled(lambda b: None)
    for what, (change, words) in spoils.items():
        failed = spoiled(change)
        assert len(failed) == 1 and words in failed[0], \
            "spoiling %s: %s fail" % (what, failed)


def cow_facts(lab, arch):
    return lab_facts(lab, "cow", arch)


@pytest.mark.parametrize("arch", ARCHES)
def test_cow_table_values_come_from_trace_on(lab, arch):
    c = cow_facts(lab, arch)
    table = markdown_table(read(lab, "report.md"), which=4)
    col = {label: row[TITLE[arch]] for label, row in table.items()}
    m, w = c["mmu"], c["child_write"]
    assert col["Page-table format"].startswith(
        "%d levels (%s) of %d × %d-byte entries" % (
            len(m["levels"]), " → ".join(m["levels"]), m["ptrs_per_table"],
            m["entry_size"]))
    assert col["The page and its walk"].startswith("`0x%x`: " % c["addr"])
    for lv in c["before_fork"]["levels"]:
        assert "%s[%d]" % (lv["level"], lv["index"]) in \
            col["The page and its walk"]

    def pte(st):
        return "`0x%0*x` (" % (2 * m["entry_size"], st["pte"]) in cell and \
            "pfn `0x%x`, _refcount %d" % (st["pfn"], st["refcount"]) in cell

    for label, st in (("Parent's PTE at the fork", c["before_fork"]),
                      ("At do_wp_page: child's PTE", w["before"]["self"]),
                      ("At do_wp_page: parent's PTE", w["before"]["other"]),
                      ("After do_wp_page: child's PTE", w["after"]["self"]),
                      ("After do_wp_page: parent's PTE",
                       w["after"]["other"])):
        cell = col[label]
        assert pte(st), (label, cell)
    trap = col["The child's write: the trap"]
    if arch == "riscv":
        assert trap.startswith("scause %d " % w["trap"]["cause"])
    else:
        assert trap.startswith("error code `0x%x` " % w["trap"]["error_code"])
    assert "`0x%x`" % w["trap"]["address"] in trap
    assert col["Call path"] == " → ".join(w["path"])
    assert "`%s`" % m["tlb_flush_insn"] in col["TLB flush"]
    assert col["Console"] == " / ".join(c["console"])


@pytest.mark.parametrize("arch", ARCHES)
def test_cow_claims_are_derived_not_typed_on(lab, arch):
    """Spoil one fact at a time: exactly the matching claim must stop
    holding."""
    report = load_report_module()
    c = cow_facts(lab, arch)

    def spoiled(change):
        bad = copy.deepcopy(c)
        change(bad)
        return [t for t, held, _ in report.cow_report.cow_claims(bad)
                if not held]

    def set_(value, *keys):
        def change(bad):
            target = bad
            for k in keys[:-1]:
                target = target[k]
            target[keys[-1]] = value
        return change

    cw = ("child_write",)
    trap_key = "cause" if arch == "riscv" else "error_code"
    spoils = {
        "the path": (lambda b: b["child_write"]["path"].reverse(),
                     "each write goes"),
        "the trap": (set_(13 if arch == "riscv" else 5, *cw, "trap",
                          trap_key), "traps as"),
        "the parent's PTE at the fork": (
            set_(False, "before_fork", "writable"), "before the fork"),
        "the child's frame before the write": (
            set_(1, *cw, "before", "self", "pfn"), "same frame"),
        "the shared page's count": (
            set_(1, *cw, "before", "other", "refcount"), "same frame"),
        "the copy's frame": (
            lambda b: b["child_write"]["after"]["self"].update(
                pfn=b["child_write"]["after"]["other"]["pfn"]),
            "gets a copy"),
        "the parent made writable": (
            set_(True, *cw, "after", "other", "writable"), "gets a copy"),
        "no TLB flush": (set_(None, *cw, "tlb_flush"), "TLB"),
        "the parent's page copied": (
            set_(1, "parent_write", "after", "self", "pfn"),
            "last user"),
        "the console": (lambda b: b.update(console=b["console"][:1]),
                        "its own writes"),
    }
    assert not spoiled(lambda b: None)
    for what, (change, words) in spoils.items():
        failed = spoiled(change)
        assert len(failed) == 1 and words in failed[0], \
            "spoiling %s: %s fail" % (what, failed)


def fail_facts(lab, arch):
    return lab_facts(lab, "fail", arch)


@pytest.mark.parametrize("arch", ARCHES)
def test_fail_table_values_come_from_trace_on(lab, arch):
    f = fail_facts(lab, arch)
    table = markdown_table(read(lab, "report.md"), which=5)
    col = {label: row[TITLE[arch]] for label, row in table.items()}
    inside = [x for x in f["failures"] if x["in_fork"]]
    assert col["failure points of fork (MenuOS's stepper)"] == \
        "%d (failfork: %d)" % (len(inside), f["points"])
    steps = col["where, by copy_process step (who asked for memory)"]
    for step in {x["step"] for x in inside}:
        n = sum(1 for x in inside if x["step"] == step)
        assert "`%s` %d (" % (step, n) in steps, (step, steps)
    assert col["free pages before and after the walk"] == "%d / %d" % (
        f["free_before"], f["free_after"])


@pytest.mark.parametrize("arch", ARCHES)
def test_fail_claims_are_derived_not_typed_on(lab, arch):
    """Spoil one fact at a time: exactly the matching claim must stop
    holding."""
    report = load_report_module()
    f = fail_facts(lab, arch)

    def spoiled(change):
        bad = copy.deepcopy(f)
        change(bad)
        return [t for t, held, _ in report.fail_report.fail_claims(bad)
                if not held]

    def inside(b):
        return [x for x in b["failures"] if x["in_fork"]]

    spoils = {
        "a count": (lambda b: b.update(points=b["points"] + 1),
                    "stopped at fail_dump"),
        "an errno": (lambda b: inside(b)[-1].update(
            result="fork returned -1, errno EAGAIN (x)"), "ENOMEM"),
        "a skipped label": (lambda b: inside(b)[-1]["labels"].pop(1),
                            "fell through"),
        "the order of entries": (lambda b: b["failures"].insert(
            len(inside(b)) - 1, b["failures"].pop(0)),
            "the later the failing step"),
        "the stepper's end": (lambda b: b["failures"][-1].update(
            result="exit 0"), "kills only the stepper"),
        "a leak": (lambda b: b.update(free_after=b["free_before"] - 1),
                   "every page came back"),
    }
    assert not spoiled(lambda b: None)
    for what, (change, words) in spoils.items():
        failed = spoiled(change)
        assert len(failed) == 1 and words in failed[0], \
            "spoiling %s: %s fail" % (what, failed)
