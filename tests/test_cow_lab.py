"""The copy-on-write lab, asserted live: scripts/lab/trace.py --lab cow
boots Clonix paused under gdb, types `cow` at MenuOS (a private page
written by the parent, then fork), reads the parent's PTE at the fork,
sets `cow-breaks ADDR` and follows the two write faults on that page down
do_page_fault → handle_page_fault → handle_mm_fault → do_wp_page: the
child's, while the parent still holds the page (do_wp_page copies), and
the parent's after the child has exited (its last user: do_wp_page
reuses the page). At each do_wp_page the page tables of both processes
are walked from mm->pgd before and after the call. What a student sees
with lx-pte is checked against the same walk."""
import os
import re

import pytest

from conftest import ARCHES, ROOT, build, load_lab_trace


labtrace = load_lab_trace()
_traces = {}


def traced(arch):
    """One live copy-on-write trace per architecture and test session."""
    if arch not in _traces:
        build(arch)
        with open(os.path.join(ROOT, "build", arch, "cow-trace.log"),
                  "w") as log:
            _traces[arch] = labtrace.trace(arch, log, "cow")
    return _traces[arch]


pytestmark = pytest.mark.parametrize("arch", ARCHES)
COW_PATH = ["do_page_fault", "handle_page_fault", "handle_mm_fault",
            "do_wp_page"]
PAGE = 4096


def csr(name):
    return labtrace.header_constants("arch/riscv/include/asm/csr.h")[name]


def pf_bits():
    return labtrace.header_defines("arch/x86/include/asm/traps.h", "X86_PF_")


def test_both_writes_take_the_write_fault_path_to_do_wp_page(arch):
    f = traced(arch)
    for which, pid in (("child_write", f["child_pid"]),
                       ("parent_write", f["parent_pid"])):
        w = f[which]
        assert w["path"] == COW_PATH, (which, w["path"])
        assert all(s["pid"] == pid for s in w["stops"]), (which, w["stops"])
        assert w["addr"] == f["addr"] & ~(PAGE - 1), which
        assert w["returned"] == 0, which
    assert f["child_pid"] != f["parent_pid"]
    assert f["child_ppid"] == f["parent_pid"]


def test_the_trap_says_a_user_store_to_a_present_page(arch):
    """RISC-V: scause 15 (store/AMO page fault), stval the address;
    i386: error code bit 1 (write) and bit 0 (present: a protection
    fault, not a missing page), bit 2 (user), CR2 the address."""
    for which in ("child_write", "parent_write"):
        w = traced(arch)[which]
        trap = w["trap"]
        assert trap["user_mode"], trap
        assert trap["address"] >> 12 == traced(arch)["addr"] >> 12, trap
        if arch == "riscv":
            assert trap["cause"] == csr("EXC_STORE_PAGE_FAULT") == 15, trap
            assert w["cause"] == trap["cause"]
            assert w["badaddr"] == trap["address"]
        else:
            bits = pf_bits()
            assert trap["error_code"] & bits["X86_PF_WRITE"] == 2, trap
            assert trap["error_code"] & bits["X86_PF_PROT"] == 1, trap
            assert trap["error_code"] & bits["X86_PF_USER"], trap
            assert w["error_code"] == trap["error_code"]
            assert w["cr2"] == trap["address"]


def test_before_the_fork_the_parent_page_is_writable_and_its_own(arch):
    f = traced(arch)
    b = f["before_fork"]
    assert b["pid"] == f["parent_pid"]
    assert b["writable"] and b["refcount"] == 1 and b["mapping"] == 0, b
    assert b["holds"] == f["parent_wrote"] == "written by the parent"


def test_after_the_fork_both_map_the_same_frame_read_only(arch):
    """At the child's do_wp_page, before it runs: one frame, two PTEs in
    two page tables, neither writable, the page's _refcount 2."""
    f = traced(arch)
    child, parent = (f["child_write"]["before"][k] for k in ("self",
                                                             "other"))
    assert child["pid"] == f["child_pid"] and \
        parent["pid"] == f["parent_pid"]
    assert child["pgd"] != parent["pgd"]
    assert child["pfn"] == parent["pfn"] == f["before_fork"]["pfn"]
    assert child["pte"] == parent["pte"]
    assert not child["writable"] and not parent["writable"]
    assert child["refcount"] == parent["refcount"] == 2
    assert child["mapping"] == 0
    # the PTE do_wp_page was handed is the child's leaf entry
    assert f["child_write"]["pte_pointer"] == child["levels"][-1]["at"]


def test_the_child_write_gets_its_own_writable_copy(arch):
    """After the child's do_wp_page: different frames, the child's
    writable with the parent's bytes copied in, the parent's still
    read-only; each page has one user."""
    f = traced(arch)
    w = f["child_write"]
    child, parent = w["after"]["self"], w["after"]["other"]
    assert child["pfn"] != parent["pfn"], (child, parent)
    assert parent["pfn"] == w["before"]["other"]["pfn"]
    assert child["writable"] and not parent["writable"]
    assert child["refcount"] == parent["refcount"] == 1
    assert child["holds"] == parent["holds"] == "written by the parent"
    assert w["tlb_flush"]["va"] >> 12 == f["addr"] >> 12, w.get("tlb_flush")


def test_the_parent_writing_last_reuses_its_page(arch):
    """The child has exited: the parent's page has one user left, and its
    write fault makes the same frame writable instead of copying."""
    f = traced(arch)
    w = f["parent_write"]
    before, after = w["before"]["self"], w["after"]["self"]
    assert w["pid"] == f["parent_pid"]
    assert before["pfn"] == after["pfn"] == f["before_fork"]["pfn"]
    assert not before["writable"] and after["writable"]
    assert before["refcount"] == after["refcount"] == 1
    assert w["tlb_flush"]["va"] >> 12 == f["addr"] >> 12, w.get("tlb_flush")


def test_lx_pte_shows_the_walk_the_trace_made(arch):
    f = traced(arch)
    w = f["child_write"]
    text = w["lx_pte_before"]
    for st in w["before"].values():
        for level in st["levels"]:
            assert "0x%x = 0x%0*x" % (level["at"], 16 if arch == "riscv"
                                      else 8, level["entry"]) in text, level
    assert "the same frame (pfn 0x%x)" % w["before"]["self"]["pfn"] in text
    assert text.count("_refcount 2,") == 2, text
    bits = re.findall(r"^PTE 0x[0-9a-f]+: (.*?)  ", text, re.M)
    ro = "V R - - U - A D" if arch == "riscv" else "P - US - - A D - -"
    assert bits == [ro, ro], bits
    after = w["lx_pte_after"]
    assert "different frames: pid %d pfn 0x%x, pid %d pfn 0x%x" % (
        f["child_pid"], w["after"]["self"]["pfn"], f["parent_pid"],
        w["after"]["other"]["pfn"]) in after, after
    rw = "V R W - U - A D" if arch == "riscv" else "P RW US - - A D - -"
    assert re.findall(r"^PTE 0x[0-9a-f]+: (.*?)  ", after, re.M) == \
        [rw, ro]
    assert re.search(r"^PTE 0x[0-9a-f]+: %s" % re.escape(rw),
                     f["lx_pte_before_fork"], re.M)


def test_lx_pte_says_when_there_is_nothing_to_walk(arch):
    f = traced(arch)
    zero = f["lx_pte_page_zero"]
    assert "walk of 0x0:" in zero, zero
    assert re.search(r"nothing mapped here|not (valid|present): any "
                     r"access faults\nno page", zero), zero
    assert "frame:" not in zero
    assert f["lx_pte_kernel_thread"] == \
        "pid 2 (kthreadd) is a kernel thread: it has no user address " \
        "space (mm NULL)", f["lx_pte_kernel_thread"]


def test_cow_breaks_are_set_for_the_page(arch):
    f = traced(arch)
    out = f["breakpoints"]
    for fn in COW_PATH:
        assert re.search(r"in %s at" % fn, out), (fn, out)
    assert out.count("== %d" % (f["addr"] >> 12)) == 4, out


def test_console_shows_each_process_its_own_value(arch):
    f = traced(arch)
    assert f["console"] == [
        'Child reads "written by the parent" at 0x%x' % f["addr"],
        'Child wrote "written by the child"',
        'Parent still reads "written by the parent"',
        'Parent wrote "written by the parent again"',
        "Cow Complete!"], f["console"]


def test_fork_shared_the_leaf_table_until_the_childs_write(arch):
    """Page-table sharing (mm/pgtable-share.c): at handle_mm_fault, before
    walk_page_table, the child and its parent use one leaf table (two
    references to it); at do_wp_page the child has a table of its own."""
    w = traced(arch)["child_write"]
    at = w["leaf_at_fault"]
    assert at["self"]["table_pfn"] == at["other"]["table_pfn"], at
    assert at["self"]["entry_at"] == at["other"]["entry_at"], at
    assert at["self"]["table_refcount"] == 2, at
    before = w["before"]
    assert before["self"]["levels"][-1]["at"] != \
        before["other"]["levels"][-1]["at"], before
