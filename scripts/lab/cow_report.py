"""The copy-on-write lab's section of the lab report (scripts/lab/report.py).

Its facts come from scripts/lab/trace.py --lab cow: `cow` typed at MenuOS
(a private page written by the parent, then fork), the parent's PTE read
at the fork, then the two write faults on that page followed with
`cow-breaks ADDR` down do_page_fault → handle_page_fault →
handle_mm_fault → do_wp_page — the child's (the parent still holds the
page: do_wp_page copies it) and, after the child has exited, the
parent's (its last user: do_wp_page makes the same page writable). At
each do_wp_page both processes' page tables are walked from mm->pgd
before and after the call.
The table compares the two architectures' page-table formats (RISC-V
Sv39: three levels, 8-byte PTEs; i386: two levels, 4-byte PTEs), their
write-fault causes (scause 15 against the error code's write bit) and
the live values; each claim is derived from the trace (cow_claims), so a
spoiled fact makes its claim fail. The numbers not from the trace are
the kernel's own #defines, read from its headers.
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
COW_PATH = ["do_page_fault", "handle_page_fault", "handle_mm_fault",
            "do_wp_page"]
PARENT_WROTE = "written by the parent"
# The hardware's letters for the PTE bits the kernel names _PAGE_*.
LETTERS = {"riscv": {"_PAGE_PRESENT": "V", "_PAGE_READ": "R",
                     "_PAGE_WRITE": "W", "_PAGE_EXEC": "X",
                     "_PAGE_USER": "U", "_PAGE_GLOBAL": "G",
                     "_PAGE_ACCESSED": "A", "_PAGE_DIRTY": "D",
                     "_PAGE_PROT_NONE": "RSW0"},
           "x86": {"_PAGE_PRESENT": "P", "_PAGE_RW": "RW",
                   "_PAGE_USER": "US", "_PAGE_PWT": "PWT",
                   "_PAGE_PCD": "PCD", "_PAGE_ACCESSED": "A",
                   "_PAGE_DIRTY": "D", "_PAGE_PSE": "PS/PAT",
                   "_PAGE_GLOBAL": "G"}}


def header_number(path, name):
    """A `#define NAME number` (or _AC(number, UL)) of a kernel header."""
    with open(os.path.join(ROOT, path)) as f:
        m = re.search(r"^#define %s\s+(?:_AC\()?(0x[0-9a-fA-F]+|\d+)" % name,
                      f.read(), re.M)
    return int(m.group(1), 0) if m else None


EXC_STORE_PAGE_FAULT = header_number("arch/riscv/include/asm/csr.h",
                                     "EXC_STORE_PAGE_FAULT")
X86_PF = {n: header_number("arch/x86/include/asm/traps.h", n)
          for n in ("X86_PF_PROT", "X86_PF_WRITE", "X86_PF_USER")}


def letters(c, st):
    return " ".join(LETTERS[c["arch"]].get(b, b) for b in st["bits"])


def pte_text(c, st):
    """`0x...` (V R U A D), pfn 0x..., _refcount n."""
    width = 2 * c["mmu"]["entry_size"]
    return "`0x%0*x` (%s), pfn `0x%x`, _refcount %d" % (
        width, st["pte"], letters(c, st), st["pfn"], st["refcount"])


def cause_text(c, w):
    """The trap of one write fault, as the architecture reports it."""
    t = w["trap"]
    if c["arch"] == "riscv":
        return "scause %d (store/AMO page fault), stval `0x%x`" % (
            t["cause"], t["address"])
    e = t["error_code"]
    names = [n for n, bit in (("present", X86_PF["X86_PF_PROT"]),
                              ("write", X86_PF["X86_PF_WRITE"]),
                              ("user", X86_PF["X86_PF_USER"])) if e & bit]
    return "error code `0x%x` (%s), CR2 `0x%x`" % (e, "|".join(names),
                                                  t["address"])


def format_text(c):
    m = c["mmu"]
    return "%d levels (%s) of %d × %d-byte entries; shifts %s" % (
        len(m["levels"]), " → ".join(m["levels"]), m["ptrs_per_table"],
        m["entry_size"], "/".join(str(s) for s in m["shifts"]))


def bits_text(c):
    m = c["mmu"]
    return ", ".join("%s %d" % (LETTERS[c["arch"]].get(b, b), pos)
                     for b, pos in sorted(m["bits"].items(),
                                          key=lambda kv: kv[1])) + \
        "; frame from bit %d" % m["pfn_shift"]


def walk_text(c):
    return " → ".join("%s[%d]" % (lv["level"], lv["index"])
                      for lv in c["before_fork"]["levels"])


def rows():
    """(label, cell function of the trace) of the copy-on-write table."""
    cw = lambda c: c["child_write"]  # noqa: E731
    pw = lambda c: c["parent_write"]  # noqa: E731
    return [
        ("Page-table format", format_text),
        ("PTE bits (hardware name and position)", bits_text),
        ("The page and its walk", lambda c: "`0x%x`: %s" % (
            c["addr"], walk_text(c))),
        ("Parent's PTE at the fork", lambda c: pte_text(
            c, c["before_fork"])),
        ("The child's write: the trap", lambda c: cause_text(c, cw(c))),
        ("Call path", lambda c: " → ".join(cw(c)["path"])),
        ("At do_wp_page: child's PTE", lambda c: pte_text(
            c, cw(c)["before"]["self"])),
        ("At do_wp_page: parent's PTE", lambda c: pte_text(
            c, cw(c)["before"]["other"])),
        ("After do_wp_page: child's PTE", lambda c: pte_text(
            c, cw(c)["after"]["self"])),
        ("After do_wp_page: parent's PTE", lambda c: pte_text(
            c, cw(c)["after"]["other"])),
        ("TLB flush", lambda c: "`flush_tlb_page(0x%x)`: `%s`" % (
            cw(c)["tlb_flush"]["va"], c["mmu"]["tlb_flush_insn"])
         if cw(c).get("tlb_flush") else "not seen"),
        ("The parent's write, child gone: the trap", lambda c: cause_text(
            c, pw(c))),
        ("Parent's PTE before → after", lambda c: "%s → %s" % (
            pte_text(c, pw(c)["before"]["self"]),
            pte_text(c, pw(c)["after"]["self"]))),
        ("Console", lambda c: " / ".join(c["console"])),
    ]


def trap_claim(c):
    """The trap says: a user-mode store to a page that is there."""
    ok, ev = True, []
    for which in ("child_write", "parent_write"):
        w = c[which]
        t = w["trap"]
        ok &= t["user_mode"] and t["address"] >> 12 == c["addr"] >> 12
        if c["arch"] == "riscv":
            ok &= t["cause"] == EXC_STORE_PAGE_FAULT
        else:
            want = X86_PF["X86_PF_PROT"] | X86_PF["X86_PF_WRITE"] | \
                X86_PF["X86_PF_USER"]
            ok &= t["error_code"] & want == want
        ev.append("%s: %s" % (which.replace("_", " "), cause_text(c, w)))
    if c["arch"] == "riscv":
        text = ("the write traps as scause %d, a store/AMO page fault, "
                "from user mode, at the page's address" %
                EXC_STORE_PAGE_FAULT)
    else:
        text = ("the write traps as a page fault whose error code has the "
                "write bit (1), the present bit (0: a protection fault, "
                "not a missing page) and the user bit (2), with CR2 the "
                "page's address")
    return (text, bool(ok), "; ".join(ev))


def cow_claims(c):
    """The copy-on-write lab's claims, each (statement, held, evidence)."""
    cw, pw = c["child_write"], c["parent_write"]
    b = c["before_fork"]
    child0, parent0 = cw["before"]["self"], cw["before"]["other"]
    child1, parent1 = cw["after"]["self"], cw["after"]["other"]
    last0, last1 = pw["before"]["self"], pw["after"]["self"]
    flushes = [w.get("tlb_flush") for w in (cw, pw)]
    return [
        ("each write goes do_page_fault → handle_page_fault → "
         "handle_mm_fault → do_wp_page, in the writing process",
         cw["path"] == pw["path"] == COW_PATH and
         all(s["pid"] == cw["pid"] for s in cw["stops"]) and
         all(s["pid"] == pw["pid"] for s in pw["stops"]) and
         cw["pid"] == c["child_pid"] and pw["pid"] == c["parent_pid"],
         "child %d: %s; parent %d: %s" % (
             cw["pid"], " → ".join(cw["path"]), pw["pid"],
             " → ".join(pw["path"]))),
        trap_claim(c),
        ("before the fork the parent's page is writable and has one user",
         b["writable"] and b["refcount"] == 1 and
         b["holds"] == PARENT_WROTE,
         "pid %d: %s" % (b["pid"], pte_text(c, b))),
        ("after the fork, until a write, parent and child map the same "
         "frame read-only through their own page tables, and the page "
         "has two users",
         child0["pfn"] == parent0["pfn"] == b["pfn"] and
         child0["pgd"] != parent0["pgd"] and
         not child0["writable"] and not parent0["writable"] and
         child0["refcount"] == parent0["refcount"] == 2,
         "child %d: %s; parent %d: %s" % (
             child0["pid"], pte_text(c, child0), parent0["pid"],
             pte_text(c, parent0))),
        ("the child's write gets a copy: a new frame with the same bytes, "
         "writable; the parent keeps the old one, still read-only; one "
         "user each",
         child1["pfn"] != parent1["pfn"] == parent0["pfn"] and
         child1["writable"] and not parent1["writable"] and
         child1["refcount"] == parent1["refcount"] == 1 and
         child1["holds"] == parent1["holds"] == PARENT_WROTE and
         cw["returned"] == 0,
         "child: %s; parent: %s" % (pte_text(c, child1),
                                    pte_text(c, parent1))),
        ("do_wp_page drops the address's stale read-only translation "
         "from the TLB (flush_tlb_page: %s)" % (
             c["mmu"]["tlb_flush_insn"] or "?"),
         all(f and f["va"] >> 12 == c["addr"] >> 12 for f in flushes) and
         bool(c["mmu"]["tlb_flush_insn"]),
         "; ".join("flush_tlb_page(0x%x)" % f["va"] if f else "none"
                   for f in flushes)),
        ("the parent, writing after the child has exited, is the page's "
         "last user: do_wp_page makes the same frame writable, no copy",
         last0["pfn"] == last1["pfn"] == b["pfn"] and
         not last0["writable"] and last1["writable"] and
         last0["refcount"] == last1["refcount"] == 1 and
         pw["returned"] == 0,
         "%s → %s" % (pte_text(c, last0), pte_text(c, last1))),
        ("each process sees its own writes: the child its value, the "
         "parent still its own",
         'Child wrote "written by the child"' in c["console"] and
         'Parent still reads "%s"' % PARENT_WROTE in c["console"] and
         "Cow Complete!" in c["console"],
         " / ".join(c["console"]) or "nothing"),
    ]


def table(cows):
    arches = [a for a in ARCHES if a in cows]
    return arches, [[label] + [cell(cows[a]) for a in arches]
                    for label, cell in rows()]


def all_held(cows):
    return all(held for c in cows.values() for _, held, _ in cow_claims(c))


INTRO = ("`cow` typed at MenuOS: the parent writes a private page and "
         "forks; the child writes to it (its copy-on-write fault), then, "
         "after the child has exited, the parent. Traced with `cow-breaks "
         "ADDR` and `lx-pte` (scripts/gdb/clonix.py); the page tables of "
         "both processes are walked from `mm->pgd` at each `do_wp_page`, "
         "before and after it. The raw facts are in `cow-<arch>.json`.")


def markdown(cows, errors):
    """The section of report.md."""
    arches, rows_ = table(cows)
    return section.markdown(
        "The copy-on-write lab: `cow` typed at MenuOS", INTRO,
        "copy-on-write lab", arches, rows_,
        {a: cow_claims(cows[a]) for a in arches}, errors)


def html_section(cows, errors, code_html):
    """The section of report.html."""
    arches, rows_ = table(cows)
    return section.html_section(
        "The copy-on-write lab: <code>cow</code> typed at MenuOS",
        code_html(INTRO), "copy-on-write lab", "cow", arches, rows_,
        {a: cow_claims(cows[a]) for a in arches}, errors, code_html)
