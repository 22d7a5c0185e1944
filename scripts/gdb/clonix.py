"""gdb helpers for the Clonix fork lab, the same on RISC-V and i386.

Load with `source scripts/gdb/clonix.py` (start-gdb.sh does). Commands:

  lx-ps                 every task: tgid, pid, ppid, state, comm, kernel
                        stack, saved resume address (thread.ra / thread.ip);
                        a task of a process with threads is marked
                        (thread group leader / thread of tgid N)
  lx-threads [PID]      the threads of a process (default: current's), from
                        signal->thread_head: each one's tid, state, user pc,
                        user sp and thread pointer (RISC-V tp; i386 the base
                        of the TLS slot %gs selects)
  lx-task [PID|EXPR]    one task's key fields (default: current)
  lx-regs [PID|EXPR]    the pt_regs at the top of its kernel stack
  lx-kstack [PID|EXPR]  a picture of its kernel stack
  lab-breaks            set the lab breakpoints (sys_clone ... ret_from_fork)
  lab-mode user|all     user: they fire only for clones made by user
                        programs (the default); all: kernel threads too
  pipe-breaks           the pipe lab's breakpoints (sys_pipe2 / sys_pipe,
                        do_pipe2, create_pipe_files, pipe_write, pipe_read),
                        for user programs only
  lx-pipe FD [PID]      the pipe behind a descriptor: its ring (head, tail,
                        bytes waiting), readers, writers, and the file
  signal-breaks         the signals lab's breakpoints (sys_kill, send_signal,
                        complete_signal, get_signal, handle_signal,
                        setup_rt_frame / setup_frame, sys_rt_sigreturn /
                        sys_sigreturn, restore_sigcontext), user tasks only
  lx-sigframe ADDR      the signal frame Linux's setup_rt_frame (or i386's
                        setup_frame) built at user address ADDR (the sp at
                        a handler's first instruction): the signal, its
                        siginfo, the saved pc and sp, every saved register,
                        the saved mask, the alternate stack, and where the
                        handler returns to
  cow-breaks [ADDR]     the copy-on-write lab's breakpoints on the write
                        fault path: the arch's do_page_fault (RISC-V:
                        scause 15, a store page fault; i386: error code
                        with the write bit), handle_page_fault,
                        handle_mm_fault, do_wp_page — user tasks' writes
                        only, and with ADDR only those to ADDR's page
  lx-pte ADDR [PID|EXPR ...]
                        the page-table walk for ADDR in each task given
                        (default: current): every level's entry, the
                        PTE's permission bits decoded (Sv39 or i386), the
                        physical frame and its struct page's _refcount;
                        with several tasks, whether they map the same
                        frame (a kernel address ends in the linear map's
                        large page)
  fail-breaks           the fault-injection lab's breakpoints: fail_dump
                        (an allocation fails now, on purpose: `bt` shows
                        whose) and every label of copy_process's
                        bad_fork_* ladder (where the unwinding enters and
                        each step it passes), for user tasks only; arm
                        the failure with MenuOS's `failfork N`

Convenience functions: $current() (also $lx_current()), $lab_user().
The names follow Linux's scripts/gdb (lx-ps, $lx_current) where they exist.
"""
import os
import re

import gdb

LAB_FUNCTIONS = ["sys_clone", "do_fork", "kernel_clone", "copy_process",
                 "dup_task_struct", "copy_thread", "ret_from_fork"]


def arch():
    name = gdb.selected_inferior().architecture().name()
    return "riscv" if "riscv" in name else "x86"


def task_type():
    return gdb.lookup_type("struct task_struct").pointer()


def thread_size():
    # union thread_union is exactly one kernel stack: THREAD_SIZE bytes.
    return gdb.lookup_type("union thread_union").sizeof


def resume_field():
    return "ra" if arch() == "riscv" else "ip"


def return_register():
    return "a0" if arch() == "riscv" else "ax"


def user_mode():
    """Is the CPU in user mode right now?"""
    if arch() == "riscv":
        return int(gdb.parse_and_eval("$priv")) == 0
    return int(gdb.parse_and_eval("$cs")) & 3 == 3


KERNEL_HALF = 1 << 63


def current_task():
    """The running task. RISC-V keeps it in tp while in the kernel and in
    sscratch while in user mode (and at the trap entry/exit instructions,
    where tp already holds the user's value): whichever holds a kernel
    address is current. i386 Clonix keeps it in current_task.
    (QEMU lets gdb read kernel memory only while the CPU is in the kernel.)"""
    if arch() == "riscv":
        tp = int(gdb.parse_and_eval("$tp")) & (2 ** 64 - 1)
        reg = "$tp" if tp >= KERNEL_HALF else "$sscratch"
        return gdb.parse_and_eval(reg).cast(task_type())
    return gdb.parse_and_eval("current_task")


def task_pt_regs(task):
    """The pt_regs at the top of task's kernel stack."""
    top = int(task["stack"]) + thread_size()
    regs_t = gdb.lookup_type("struct pt_regs")
    return gdb.Value(top - regs_t.sizeof).cast(regs_t.pointer())


def symbol(addr):
    """'name+0xoff' for a code address, or ''."""
    block = gdb.current_progspace().block_for_pc(addr)
    while block and not block.function:
        block = block.superblock
    if block and block.function:
        return "%s+0x%x" % (block.function.name, addr - block.start)
    sym = gdb.execute("info symbol 0x%x" % addr, to_string=True)
    if "No symbol" in sym:
        return ""
    name, _, off = sym.split(" in section")[0].partition(" + ")
    return "%s+0x%x" % (name.strip(), int(off or "0"))


def tasks():
    """init_task, then every task on its tasks list."""
    init = gdb.parse_and_eval("&init_task")
    yield init
    offset = int(gdb.parse_and_eval("&((struct task_struct *)0)->tasks"))
    node = init["tasks"]["next"]
    while int(node) != int(init["tasks"].address):
        yield gdb.Value(int(node) - offset).cast(task_type())
        node = node["next"]


def state_name(t):
    if int(t["exit_state"]) == 0x20:
        return "Z"
    state = int(t["__state"])
    if state == 0:
        return "R"
    if state & 1:
        return "S"
    if state & 2:
        return "D"
    if state & 0x80:
        return "X"
    if state & 0x800:
        return "N"
    return "?"


def comm(t):
    return t["comm"].string(length=16).split("\0")[0]


def find_task(arg):
    """A task from a pid or an expression (default: current)."""
    arg = arg.strip()
    if not arg:
        return current_task()
    if arg.isdigit():
        for t in tasks():
            if int(t["pid"]) == int(arg):
                return t
        raise gdb.GdbError("no task with pid %s" % arg)
    return gdb.parse_and_eval(arg).cast(task_type())


class CurrentFunction(gdb.Function):
    """$current(): the running task (struct task_struct *)."""

    def __init__(self, name):
        super().__init__(name)

    def invoke(self):
        return current_task()


class LabUserFunction(gdb.Function):
    """$lab_user(): 1 if the running task is a user process (has an mm),
    so lab breakpoints skip the clones kernel threads make at boot."""

    def __init__(self):
        super().__init__("lab_user")

    def invoke(self):
        return 1 if int(current_task()["mm"]) != 0 else 0


def thread_group(t):
    """The tasks of t's process, from signal->thread_head (linked through
    task->thread_node), the leader first; [] if t has no signal_struct."""
    if int(t["signal"]) == 0:
        return []
    head = t["signal"]["thread_head"]
    offset = int(gdb.parse_and_eval(
        "&((struct task_struct *)0)->thread_node"))
    out, node = [], head["next"]
    while int(node) != int(head.address) and len(out) < 4096:
        out.append(gdb.Value(int(node) - offset).cast(task_type()))
        node = node["next"]
    return out


def thread_mark(t):
    """'' for a process of one task; else what t is in its group."""
    n = len(thread_group(t))
    if n < 2:
        return ""
    if int(t["group_leader"]) == int(t):
        return "(thread group leader, %d threads)" % n
    return "(thread of tgid %d)" % int(t["tgid"])


class Ps(gdb.Command):
    """lx-ps: list every task (tgid, pid, ppid, state, comm, kernel stack
    range, the address it resumes at when switched back in). A thread's
    tgid is its process's pid; the tasks of a process with more than one
    thread are marked."""

    def __init__(self):
        super().__init__("lx-ps", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        size = thread_size()
        cur = int(current_task())
        field = resume_field()
        gdb.write("%-18s %5s %5s %5s %-2s %-16s %-37s %s\n" % (
            "TASK", "TGID", "PID", "PPID", "ST", "COMM", "KERNEL STACK",
            "RESUMES AT (thread.%s)" % field))
        for t in tasks():
            stack = int(t["stack"])
            resume = int(t["thread"][field])
            where = "(running now)" if int(t) == cur else \
                "0x%x %s" % (resume, symbol(resume))
            mark = thread_mark(t)
            gdb.write("0x%-16x %5d %5d %5d %-2s %-16s 0x%x-0x%x %s%s\n" % (
                int(t), int(t["tgid"]), int(t["pid"]),
                int(t["real_parent"]["pid"]), state_name(t), comm(t), stack,
                stack + size, where, "  " + mark if mark else ""))


def thread_pointer(t):
    """The thread pointer t has in user mode, from its pt_regs: RISC-V's
    tp; on i386 the base of the TLS slot its %gs selects
    (thread.tls_array, GDT entries 6..8)."""
    regs = task_pt_regs(t)
    if arch() == "riscv":
        return "tp 0x%x" % int(regs["tp"])
    gs = int(regs["gs"]) & 0xffff
    slot = (gs >> 3) - 6
    if not 0 <= slot < 3:
        return "%%gs 0x%x" % gs
    d = t["thread"]["tls_array"][slot]
    a, b = int(d["a"]), int(d["b"])
    return "%%gs 0x%x base 0x%x" % (
        gs, (a >> 16) | ((b & 0xff) << 16) | (b & 0xff000000))


class Threads(gdb.Command):
    """lx-threads [PID]: the threads of PID's process (default: the
    current task's), from signal->thread_head: each one's tid, state,
    comm, the user pc and sp in its pt_regs, and its thread pointer."""

    def __init__(self):
        super().__init__("lx-threads", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        t = find_task(arg)
        if int(t["mm"]) == 0:
            raise gdb.GdbError("pid %d is a kernel thread" % int(t["pid"]))
        pc = "epc" if arch() == "riscv" else "ip"
        group = thread_group(t)
        gdb.write("process %d (%s): %d thread(s), signal_struct 0x%x, "
                  "mm 0x%x\n" % (int(t["tgid"]), comm(t), len(group),
                                 int(t["signal"]), int(t["mm"])))
        gdb.write("%-18s %5s %-2s %-16s %-18s %-18s %s\n" % (
            "TASK", "TID", "ST", "COMM", "USER PC", "USER SP",
            "THREAD POINTER"))
        for th in group:
            regs = task_pt_regs(th)
            gdb.write("0x%-16x %5d %-2s %-16s 0x%-16x 0x%-16x %s%s\n" % (
                int(th), int(th["pid"]), state_name(th), comm(th),
                int(regs[pc]), int(regs["sp"]), thread_pointer(th),
                "  (leader)" if int(th["group_leader"]) == int(th) else ""))


class Task(gdb.Command):
    """lx-task [PID|EXPR]: one task's key fields (default: current)."""

    def __init__(self):
        super().__init__("lx-task", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        t = find_task(arg)
        children = []
        head = t["children"]
        offset = int(gdb.parse_and_eval(
            "&((struct task_struct *)0)->sibling"))
        node = head["next"]
        while int(node) != int(head.address):
            child = gdb.Value(int(node) - offset).cast(task_type())
            children.append(str(int(child["pid"])))
            node = node["next"]
        field = resume_field()
        resume = int(t["thread"][field])
        for name, value in [
                ("task", "0x%x (%s)" % (int(t), comm(t))),
                ("__state", "%d (%s)" % (int(t["__state"]), state_name(t))),
                ("flags", "0x%x%s" % (int(t["flags"]), " PF_KTHREAD"
                                      if int(t["flags"]) & 0x200000 else "")),
                ("pid / tgid", "%d / %d" % (int(t["pid"]), int(t["tgid"]))),
                ("real_parent", "%d" % int(t["real_parent"]["pid"])),
                ("children", " ".join(children) or "none"),
                ("mm / active_mm", "0x%x / 0x%x" % (int(t["mm"]),
                                                     int(t["active_mm"]))),
                ("stack", "0x%x-0x%x" % (int(t["stack"]), int(t["stack"]) +
                                         thread_size())),
                ("pt_regs", "0x%x" % int(task_pt_regs(t))),
                ("thread.sp", "0x%x" % int(t["thread"]["sp"])),
                ("thread.%s" % field, "0x%x %s" % (resume, symbol(resume)))]:
            gdb.write("%-16s %s\n" % (name, value))


class Regs(gdb.Command):
    """lx-regs [PID|EXPR]: the pt_regs saved at the top of a task's kernel
    stack — the user registers it returns to user mode with."""

    def __init__(self):
        super().__init__("lx-regs", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        t = find_task(arg)
        regs = task_pt_regs(t).dereference()
        gdb.write("pt_regs of pid %d at 0x%x:\n" % (int(t["pid"]),
                                                     int(regs.address)))
        fields = [f.name for f in regs.type.fields()]
        for i, name in enumerate(fields):
            gdb.write("%8s: 0x%-16x%s" % (name, int(regs[name]) &
                                          (2 ** (8 * regs[name].type.sizeof) - 1),
                                          "\n" if i % 3 == 2 else " "))
        gdb.write("\n")


class KStack(gdb.Command):
    """lx-kstack [PID|EXPR]: a picture of a task's kernel stack, top (high
    addresses) first: pt_regs, the saved kernel sp and where the task
    resumes, down to the stack's base."""

    def __init__(self):
        super().__init__("lx-kstack", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        t = find_task(arg)
        base = int(t["stack"])
        top = base + thread_size()
        regs = task_pt_regs(t)
        rsize = regs.dereference().type.sizeof
        running = int(t) == int(current_task())
        sp = int(gdb.parse_and_eval("$sp")) if running else \
            int(t["thread"]["sp"])
        field = resume_field()
        resume = int(t["thread"][field])
        reg = return_register()
        rows = [
            (top, "stack top (stack + THREAD_SIZE = 0x%x)" % thread_size()),
            (int(regs) + rsize, "+-- struct pt_regs (%d bytes): user "
             "registers" % rsize),
            (int(regs), "+-- pt_regs: %s = 0x%x, %s = 0x%x" % (
                reg, int(regs[reg]), "epc" if field == "ra" else "ip",
                int(regs["epc" if field == "ra" else "ip"]))),
            (sp, "<-- %s = 0x%x%s" % ("sp (running)" if running else
                                      "thread.sp", sp, "" if running else
                                      ", resumes at thread.%s = %s" %
                                      (field, symbol(resume) or hex(resume)))),
            (base, "stack base (task->stack); thread_info is in "
             "task_struct 0x%x" % int(t)),
        ]
        gdb.write("kernel stack of pid %d (%s):\n" % (int(t["pid"]), comm(t)))
        for addr, text in rows:
            gdb.write("  0x%x  %s\n" % (addr, text))
        if not base <= sp <= top:
            gdb.write("  (sp 0x%x lies outside this stack)\n" % sp)


def copy_thread_location():
    """copy_thread's first line after `childregs = task_pt_regs(p)`, so that
    at the lab breakpoint `p *childregs` already shows the child's pt_regs.
    Falls back to the function itself."""
    sym = gdb.lookup_global_symbol("copy_thread")
    if not sym or not sym.symtab:
        return "copy_thread"
    try:
        with open(sym.symtab.fullname()) as f:
            lines = f.read().split("\n")
    except OSError:
        return "copy_thread"
    for n in range(sym.line, min(sym.line + 20, len(lines))):
        if "childregs = task_pt_regs(" in lines[n - 1]:
            return "%s:%d" % (sym.symtab.filename, n + 1)
    return "copy_thread"


LAB_BREAKPOINTS = {}  # breakpoint number -> lab function


class LabBreaks(gdb.Command):
    """lab-breaks: set the lab breakpoints on the fork path (copy_thread's
    just after it has computed childregs)."""

    def __init__(self):
        super().__init__("lab-breaks", gdb.COMMAND_BREAKPOINTS)

    def invoke(self, arg, from_tty):
        for fn in LAB_FUNCTIONS:
            bp = gdb.Breakpoint(copy_thread_location() if fn == "copy_thread"
                                else fn)
            LAB_BREAKPOINTS[bp.number] = fn
        LabMode().invoke("user", from_tty)


class LabMode(gdb.Command):
    """lab-mode user|all: user (default) — the lab breakpoints fire only
    when a user program clones (not for kernel threads at boot); all —
    every clone stops, kernel threads included."""

    def __init__(self):
        super().__init__("lab-mode", gdb.COMMAND_BREAKPOINTS)

    def invoke(self, arg, from_tty):
        mode = arg.strip() or "user"
        if mode not in ("user", "all"):
            raise gdb.GdbError("lab-mode user|all")
        for bp in gdb.breakpoints() or []:
            if bp.number in LAB_BREAKPOINTS:
                bp.condition = "$lab_user()" if mode == "user" else None
        gdb.write("lab breakpoints: %s\n" % (
            "only clones made by user programs" if mode == "user" else
            "every clone, kernel threads included"))


# ---- the pipe lab ----------------------------------------------------------

PIPE_LAB_FUNCTIONS = ["sys_pipe2", "sys_pipe", "do_pipe2", "create_pipe_files",
                      "pipe_write", "pipe_read"]


class PipeBreaks(gdb.Command):
    """pipe-breaks: set the pipe lab's breakpoints, firing only in user
    processes (i386's glibc calls pipe, number 42; RISC-V has only pipe2)."""

    def __init__(self):
        super().__init__("pipe-breaks", gdb.COMMAND_BREAKPOINTS)

    def invoke(self, arg, from_tty):
        for fn in PIPE_LAB_FUNCTIONS:
            if not gdb.lookup_global_symbol(fn) and \
                    not gdb.lookup_static_symbol(fn):
                continue
            bp = gdb.Breakpoint(fn)
            bp.condition = "$lab_user()"


def fd_file(task, fd):
    """The struct file * of task's descriptor fd (or a GdbError)."""
    fdt = task["files"]["fdt"]
    if fd < 0 or fd >= int(fdt["max_fds"]) or int(fdt["fd"][fd]) == 0:
        raise gdb.GdbError("pid %d has no descriptor %d" % (
            int(task["pid"]), fd))
    return fdt["fd"][fd]


def pipe_of(f):
    inode = f["f_inode"]
    if int(inode["i_mode"]) & 0o170000 != 0o010000:
        raise gdb.GdbError("not a pipe or FIFO")
    pipe_t = gdb.lookup_type("struct pipe_inode_info").pointer()
    return inode["i_private"].cast(pipe_t)


def pipe_text(pipe, limit=64):
    """The bytes waiting in the ring, from tail to head (at most limit)."""
    size = int(pipe["ring_size"])
    head, tail = int(pipe["head"]), int(pipe["tail"])
    n = min((head - tail) & 0xffffffff, limit)
    data = bytes(int(pipe["buf"][(tail + i) % size]) & 0xff
                 for i in range(n))
    return data.decode("latin-1")


class LxPipe(gdb.Command):
    """lx-pipe FD [PID|EXPR]: the pipe behind descriptor FD of a task
    (default: current): where its ring's head and tail are, how many bytes
    wait and what they say, and how many read and write ends are open."""

    def __init__(self):
        super().__init__("lx-pipe", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        args = arg.split(None, 1)
        if not args:
            raise gdb.GdbError("usage: lx-pipe FD [PID|EXPR]")
        task = find_task(args[1] if len(args) > 1 else "")
        f = fd_file(task, int(args[0]))
        pipe = pipe_of(f)
        head, tail = int(pipe["head"]), int(pipe["tail"])
        acc = ("O_RDONLY", "O_WRONLY", "O_RDWR", "?")[int(f["f_flags"]) & 3]
        gdb.write("fd %s of pid %d: struct file 0x%x (%s, f_count %d)\n" % (
            args[0], int(task["pid"]), int(f), acc, int(f["f_count"])))
        gdb.write("pipe 0x%x: head %d, tail %d: %d bytes waiting %r\n" % (
            int(pipe), head, tail, (head - tail) & 0xffffffff,
            pipe_text(pipe)))
        gdb.write("readers %d, writers %d\n" % (int(pipe["readers"]),
                                                 int(pipe["writers"])))


# ---- the signals lab -------------------------------------------------------

SIGNAL_LAB_FUNCTIONS = ["sys_kill", "send_signal", "complete_signal",
                        "get_signal", "handle_signal", "setup_rt_frame",
                        "setup_frame", "sys_rt_sigreturn", "sys_sigreturn",
                        "restore_sigcontext"]


class SignalBreaks(gdb.Command):
    """signal-breaks: set the signals lab's breakpoints — the sending side
    (sys_kill, send_signal, complete_signal), the delivery on the way back
    to user mode (get_signal, handle_signal, setup_rt_frame; i386's
    setup_frame without SA_SIGINFO) and the return (sys_rt_sigreturn or
    i386's sys_sigreturn, restore_sigcontext) — firing only in user
    processes."""

    def __init__(self):
        super().__init__("signal-breaks", gdb.COMMAND_BREAKPOINTS)

    def invoke(self, arg, from_tty):
        for fn in SIGNAL_LAB_FUNCTIONS:
            if not gdb.lookup_global_symbol(fn) and \
                    not gdb.lookup_static_symbol(fn):
                continue
            bp = gdb.Breakpoint(fn)
            bp.condition = "$lab_user()"
# ---- lx-sigframe: Linux's signal frames, byte for byte -------------------
#
# RISC-V (arch/riscv/kernel/signal.c, uapi asm/ucontext.h, sigcontext.h):
#   struct rt_sigframe { siginfo_t info; struct ucontext uc; }  at sp
#     info 0 (128 bytes; its union at +16, pointer-aligned); uc 128: uc_flags +0, uc_link +8, uc_stack +16
#     (ss_sp, ss_flags, ss_size: 24), uc_sigmask +40 (8), __unused up to
#     +168, uc_mcontext +176 (aligned 16): sc_regs = 32 longs pc, ra, sp,
#     gp, tp, t0-t2, s0-s1, a0-a7, s2-s11, t3-t6; sc_fpregs +256 (f0-f31,
#     then fcsr at +512 for the D extension).
#   No return address in the frame: the kernel sets the handler's ra to
#   the vDSO's __vdso_rt_sigreturn (li a7, 139; ecall).
# i386 (arch/x86/include/asm/sigframe.h, uapi asm/sigcontext.h):
#   struct rt_sigframe { u32 pretcode; int sig; u32 pinfo; u32 puc;
#     siginfo_t info (+16, 128; its union at info+12); struct ucontext uc (+144: uc_flags,
#     uc_link, uc_stack 12, uc_mcontext +20 = struct sigcontext 88 bytes,
#     uc_sigmask +108, 8 bytes); char retcode[8] (+260); }
#   struct sigframe { u32 pretcode; int sig; struct sigcontext sc (+8);
#     struct _fpstate_32 fpstate_unused (+96, 624); u32 extramask[1]
#     (+720); char retcode[8] (+724); }   (no SA_SIGINFO)
#   sigcontext: gs fs es ds (16-bit, each padded to 4), edi esi ebp esp
#   ebx edx ecx eax (+16..), trapno err eip (+56) cs eflags (+64)
#   esp_at_signal ss fpstate (+76) oldmask (+80) cr2.
#   pretcode is the handler's return address: sa_restorer (glibc's
#   __restore_rt / __restore) when SA_RESTORER is set.

SIGNAL_NAMES = ["0", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP",
                "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1",
                "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM",
                "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP",
                "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ",
                "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR",
                "SIGSYS"]
SI_CODES = {0: "SI_USER", 0x80: "SI_KERNEL", -1: "SI_QUEUE",
            -2: "SI_TIMER", -3: "SI_MESGQ", -4: "SI_ASYNCIO",
            -5: "SI_SIGIO", -6: "SI_TKILL"}
RISCV_REGS = ["pc", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1",
              "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3",
              "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4",
              "t5", "t6"]
I386_REGS = ["edi", "esi", "ebp", "esp", "ebx", "edx", "ecx", "eax",
             "trapno", "err", "eip", "cs", "eflags", "esp_at_signal", "ss",
             "fpstate", "oldmask", "cr2"]


def signal_name(n):
    if 0 <= n < len(SIGNAL_NAMES):
        return SIGNAL_NAMES[n]
    if 34 <= n <= 64:
        return "SIGRTMIN+%d" % (n - 34) if n < 49 else \
            "SIGRTMAX-%d" % (64 - n) if n < 64 else "SIGRTMAX"
    return "signal %d" % n


def mask_text(mask):
    names = [signal_name(i + 1) for i in range(64) if mask >> i & 1]
    return "0x%016x {%s}" % (mask, " ".join(names))


def user_bytes(addr, size):
    return bytes(gdb.selected_inferior().read_memory(addr, size))


def word(data, off, size, signed=False):
    return int.from_bytes(data[off:off + size], "little", signed=signed)


def code_text(addr):
    try:
        name = symbol(addr)
    except gdb.error:
        name = ""
    return "0x%x%s" % (addr, " <%s>" % name if name else "")


def siginfo_text(info):
    signo, code = word(info, 0, 4, True), word(info, 8, 4, True)
    text = "si_signo %d (%s), si_code %d (%s)" % (
        signo, signal_name(signo), code, SI_CODES.get(code, "?"))
    # The union after si_signo, si_errno, si_code is pointer-aligned: it
    # starts at 16 on RISC-V (64-bit), at 12 on i386.
    u, long_size = (16, 8) if arch() == "riscv" else (12, 4)
    if code <= 0:      # sent by a process: _kill / _rt carry pid and uid
        text += ", si_pid %d, si_uid %d" % (word(info, u, 4, True),
                                            word(info, u + 4, 4))
        if code == -1:
            text += ", si_value 0x%x" % word(info, u + 8, long_size)
    return text


def stack_text(data, off, long_size):
    sp = word(data, off, long_size)
    flags = word(data, off + long_size, 4, True)
    size = word(data, off + 2 * long_size, long_size)
    names = [n for b, n in ((1, "SS_ONSTACK"), (2, "SS_DISABLE"))
             if flags & b] or ["0"]
    return "ss_sp 0x%x ss_flags %s ss_size %d" % (sp, "|".join(names), size)


def regs_text(names, values, per_line=4, width=16):
    lines = []
    for i in range(0, len(names), per_line):
        lines.append("  " + "  ".join(
            "%-6s 0x%0*x" % (n, width, v)
            for n, v in zip(names[i:i + per_line], values[i:i + per_line])))
    return "\n".join(lines) + "\n"


def sigframe_riscv(addr):
    data = user_bytes(addr, 128 + 960)
    uc = 128
    mc = uc + 176
    regs = [word(data, mc + 8 * i, 8) for i in range(32)]
    out = "RISC-V struct rt_sigframe at 0x%x (%d bytes)\n" % (addr, len(data))
    out += "signal   %s\n" % signal_name(word(data, 0, 4, True))
    out += "siginfo  %s\n" % siginfo_text(data[0:128])
    out += "saved pc %s\nsaved sp 0x%x   saved ra %s\n" % (
        code_text(regs[0]), regs[2], code_text(regs[1]))
    out += "uc_sigmask (the mask to restore) %s\n" % mask_text(
        word(data, uc + 40, 8))
    out += "uc_stack %s   uc_flags 0x%x uc_link 0x%x\n" % (
        stack_text(data, uc + 16, 8), word(data, uc, 8), word(data, uc + 8, 8))
    out += "uc_mcontext.sc_regs at 0x%x:\n" % (addr + mc)
    out += regs_text(RISCV_REGS, regs)
    out += "sc_fpregs at 0x%x: fcsr 0x%x (frm %d, fflags 0x%x)\n" % (
        addr + mc + 256, word(data, mc + 512, 4),
        word(data, mc + 512, 4) >> 5 & 7, word(data, mc + 512, 4) & 0x1f)
    try:
        sp = int(gdb.parse_and_eval("$sp")) & (2 ** 64 - 1)
        if sp == addr:
            ra = int(gdb.parse_and_eval("$ra")) & (2 ** 64 - 1)
            ret = "the handler's ra: %s" % code_text(ra)
        else:
            ret = "in ra at the handler's entry, not in the frame"
    except gdb.error:
        ret = "in ra at the handler's entry, not in the frame"
    out += ("returns to %s (the kernel sets ra to the vDSO's "
            "__vdso_rt_sigreturn: li a7, 139; ecall)\n" % ret)
    return out


def sigcontext_i386(data, off):
    segs = [word(data, off + 4 * i, 2) for i in range(4)]
    regs = [word(data, off + 16 + 4 * i, 4) for i in range(len(I386_REGS))]
    return segs, dict(zip(I386_REGS, regs)), regs


def sigframe_i386(addr):
    head = user_bytes(addr, 16)
    pretcode, sig = word(head, 0, 4), word(head, 4, 4, True)
    pinfo, puc = word(head, 8, 4), word(head, 12, 4)
    rt = pinfo == addr + 16 and puc == addr + 144
    if rt:
        data = user_bytes(addr, 268)
        sc_off, size = 164, 268
        mask = word(data, 252, 8)
        kind = "struct rt_sigframe (SA_SIGINFO)"
    else:
        data = user_bytes(addr, 732)
        sc_off, size = 8, 732
        mask = word(data, 8 + 80, 4) | word(data, 720, 4) << 32
        kind = "struct sigframe (no SA_SIGINFO: setup_frame)"
    segs, r, regs = sigcontext_i386(data, sc_off)
    out = "i386 %s at 0x%x (%d bytes)\n" % (kind, addr, size)
    out += "signal   %d (%s)\n" % (sig, signal_name(sig))
    if rt:
        out += "siginfo  %s   (pinfo 0x%x, puc 0x%x)\n" % (
            siginfo_text(data[16:144]), pinfo, puc)
    out += "saved eip %s\nsaved esp 0x%x   eflags 0x%x (IOPL %d, IF %d)\n" % (
        code_text(r["eip"]), r["esp"], r["eflags"], r["eflags"] >> 12 & 3,
        r["eflags"] >> 9 & 1)
    out += "saved mask (%s) %s\n" % (
        "uc_sigmask" if rt else "sc.oldmask | extramask[0] << 32",
        mask_text(mask))
    if rt:
        out += "uc_stack %s   uc_flags 0x%x uc_link 0x%x\n" % (
            stack_text(data, 152, 4), word(data, 144, 4),
            word(data, 148, 4))
    out += "sigcontext at 0x%x: gs 0x%x fs 0x%x es 0x%x ds 0x%x\n" % (
        addr + sc_off, *segs)
    out += regs_text(I386_REGS, regs, per_line=4, width=8)
    out += "returns to %s (pretcode: sa_restorer, %s)\n" % (
        code_text(pretcode), "rt_sigreturn, 173" if rt else
        "popl %eax, then sigreturn, 119")
    return out


class LxSigframe(gdb.Command):
    """lx-sigframe ADDR: decode the signal frame Linux's setup_rt_frame
    (i386: or setup_frame) built at user address ADDR — at a handler's
    first instruction, ADDR is $sp. Prints the signal and its siginfo, the
    saved pc and sp, every saved register, the mask sigreturn restores,
    the alternate stack, and the return address (i386: the frame's
    pretcode; RISC-V: none in the frame, the handler's ra)."""

    def __init__(self):
        super().__init__("lx-sigframe", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        if not arg.strip():
            raise gdb.GdbError("usage: lx-sigframe ADDR (e.g. $sp)")
        addr = int(gdb.parse_and_eval(arg))
        addr &= 2 ** 64 - 1 if arch() == "riscv" else 2 ** 32 - 1
        try:
            text = (sigframe_riscv if arch() == "riscv"
                    else sigframe_i386)(addr)
        except gdb.MemoryError as e:
            raise gdb.GdbError("cannot read the frame at 0x%x: %s" %
                               (addr, e))
        gdb.write(text)


# ---- the copy-on-write lab -----------------------------------------------
#
# The page tables, as the MMU reads them (the bit positions are the
# hardware's, the same as asm/pgtable.h's _PAGE_* bits):
#   RISC-V Sv39: three levels of 512 8-byte entries; a virtual address is
#     VPN[2] (bits 38-30), VPN[1] (29-21), VPN[0] (20-12), offset (11-0).
#     An entry: V R W X U G A D (bits 0-7), RSW (8-9, for software:
#     Clonix's _PAGE_PROT_NONE is bit 8), PPN (10-53), bits 54-63 reserved
#     (Svpbmt/Svnapot). V set with R, W, X all clear: a pointer to the
#     next table. satp holds the root's frame.
#   i386 (no PAE): two levels of 1024 4-byte entries; directory index
#     (bits 31-22), table index (21-12), offset (11-0). An entry: P RW US
#     PWT PCD A D (bits 0-6), bit 7 PS in a directory entry (a 4 MiB page)
#     or PAT in a PTE, G (8), AVL (9-11, for software), frame (12-31).
#     cr3 holds the directory's physical address.

SV39_BITS = [("V", 0), ("R", 1), ("W", 2), ("X", 3), ("U", 4), ("G", 5),
             ("A", 6), ("D", 7)]
I386_BITS = [("P", 0), ("RW", 1), ("US", 2), ("PWT", 3), ("PCD", 4),
             ("A", 5), ("D", 6), ("PS", 7), ("G", 8)]
SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))) if "__file__" in globals() else os.getcwd()


def header_value(path, name):
    """The value of `#define name ...` in a kernel header (an _AC(x, UL)
    constant or a shift of one), or None: the debug info has no macros."""
    try:
        with open(os.path.join(SOURCE_ROOT, path)) as f:
            text = f.read()
    except OSError:
        return None
    m = re.search(r"^#define %s\s+(.*)$" % name, text, re.M)
    if not m:
        return None
    expr = re.sub(r"_AC\(([^,]+),\s*\w+\)", r"\1", m.group(1))
    expr = re.sub(r"/\*.*?\*/", "", expr).strip()
    if not re.fullmatch(r"[\s()0-9a-fA-Fx<+|-]+", expr):
        return header_value(path, expr.strip("() ")) if \
            re.fullmatch(r"\(?\w+\)?", expr) else None
    return int(eval(expr))  # digits, shifts and ors only


def pgtable_header():
    return "arch/%s/include/asm/pgtable.h" % arch()


def linear_offset():
    """__va(pa) - pa: RISC-V maps RAM (from PHYS_RAM_BASE) at PAGE_OFFSET,
    i386 at PAGE_OFFSET from physical 0 (asm/page.h)."""
    page_h = "arch/%s/include/asm/page.h" % arch()
    offset = header_value(page_h, "PAGE_OFFSET")
    if offset is None:
        raise gdb.GdbError("cannot read PAGE_OFFSET from %s" % page_h)
    return offset - (header_value(page_h, "PHYS_RAM_BASE") or 0)


def read_word(kva, size):
    data = bytes(gdb.selected_inferior().read_memory(kva, size))
    return int.from_bytes(data, "little")


def pte_bits_text(entry, directory=False):
    """An entry's permission bits by name, set ones upper case, clear ones
    '-', and its software bits."""
    if arch() == "riscv":
        bits = " ".join(n if entry >> b & 1 else "-" for n, b in SV39_BITS)
        rsw = entry >> 8 & 3
        soft = "RSW %d%s" % (rsw, " (_PAGE_PROT_NONE: PROT_NONE, kept but "
                             "invalid to the MMU)" if rsw & 1 else "")
        high = entry >> 54
        if high:
            soft += ", bits 63-54 0x%x" % high
        return bits + "  " + soft
    names = list(I386_BITS)
    if not directory:
        names[7] = ("PAT", 7)
    bits = " ".join(n if entry >> b & 1 else "-" for n, b in names)
    return bits + "  AVL %d" % (entry >> 9 & 7)


def pte_meaning(entry):
    """What the MMU makes of a leaf entry, in words."""
    if arch() == "riscv":
        if not entry & 1:
            return "not valid: any access faults"
        rights = [w for w, b in (("read", 1), ("write", 2), ("execute", 3))
                  if entry >> b & 1]
        user = "user" if entry >> 4 & 1 else "kernel-only"
    else:
        if not entry & 1:
            return "not present: any access faults"
        rights = ["read", "execute"] + (["write"] if entry & 2 else [])
        user = "user" if entry & 4 else "kernel-only"
    text = "%s, %s" % (user, "/".join(rights) or "no access")
    if "write" not in rights:
        text += " — read-only: a write faults"
    return text


class WalkError(Exception):
    pass


def walk(task, addr):
    """The page-table walk for addr in task's mm, as [(level name, index,
    entry address, entry)] from the root down, the leaf entry (None when
    a level has no table) and the shift of the level it was found at: 12
    for a 4 KiB page, more for a large page (the kernel's linear map:
    Sv39 megapages and gigapages, i386 4 MiB pages with PS)."""
    off = linear_offset()
    table = int(task["mm"]["pgd"])
    if arch() == "riscv":
        levels = [("pgd (level 2, VPN[2])", 30), ("pmd (level 1, VPN[1])", 21),
                  ("pte (level 0, VPN[0])", 12)]
        size, per = 8, 512
    else:
        levels = [("pgd (page directory)", 22), ("pte (page table)", 12)]
        size, per = 4, 1024
    rows = []
    for i, (name, bits) in enumerate(levels):
        index = addr >> bits & (per - 1)
        at = table + index * size
        try:
            entry = read_word(at, size)
        except gdb.MemoryError:
            raise WalkError("cannot read the %s entry at 0x%x (in user mode "
                            "gdb cannot read kernel memory: stop in the "
                            "kernel first)" % (name, at))
        rows.append((name, index, at, entry))
        if i == len(levels) - 1:
            return rows, entry, bits
        if not entry & 1:
            return rows, None, bits
        if arch() == "riscv":
            if entry & 0xe:             # R, W or X: a leaf up here
                return rows, entry, bits
            table = ((entry >> 10) << 12) + off
        else:
            if entry & 0x80:            # PS: a 4 MiB page
                return rows, entry, bits
            table = (entry & ~0xfff) + off
    return rows, None, 12


def frame_of(entry, addr=0, bits=12):
    """The physical frame number a leaf entry maps addr to (for a large
    page, the entry's first frame plus addr's page inside it)."""
    if arch() == "riscv":
        first = entry >> 10 & ((1 << 44) - 1)
    elif bits > 12:
        first = (entry & 0xffc00000) >> 12
    else:
        first = entry >> 12
    return first + (addr >> 12 & ((1 << (bits - 12)) - 1))


def page_of(pfn):
    """mem_map[pfn - min_low_pfn] (pfn_to_page, include/linux/mm.h) and
    its _refcount and mapping, or None outside mem_map."""
    low = int(gdb.parse_and_eval("min_low_pfn"))
    high = int(gdb.parse_and_eval("max_pfn"))
    if not low <= pfn < high:
        return None
    page = gdb.parse_and_eval("&mem_map[%d]" % (pfn - low))
    return {"page": int(page), "refcount": int(page["_refcount"]),
            "mapping": int(page["mapping"]), "flags": int(page["flags"])}


def page_kind(page):
    """What a struct page is used for, from its PG_* flags and mapping
    (include/linux/mm_types.h)."""
    for flag, what in (("PG_reserved", "PG_reserved: never handed out "
                        "(kernel image, firmware, initrd)"),
                       ("PG_slab", "PG_slab: a kmem_cache's"),
                       ("PG_buddy", "PG_buddy: free")):
        bit = header_value("include/linux/mm_types.h", flag)
        if bit is not None and page["flags"] >> bit & 1:
            return what
    if page["mapping"]:
        return "a file's page (mapping 0x%x)" % page["mapping"]
    return "anonymous (mapping NULL)"


def frame_text(pfn, addr):
    """A few bytes of the frame at addr's offset, through the linear map."""
    kva = (pfn << 12) + linear_offset() + (addr & 0xfff)
    try:
        data = bytes(gdb.selected_inferior().read_memory(kva, 32))
    except gdb.MemoryError:
        return "?"
    text = data.split(b"\0")[0]
    if text and all(32 <= c < 127 for c in text):
        return '"%s"' % text.decode()
    return data[:16].hex(" ")


def leaf_table_text(entry):
    """Who uses the leaf (pte) table an upper entry points to: fork shares
    a table whole until one side changes it (mm/pgtable-share.c), and the
    table's _refcount counts the address spaces using it."""
    if arch() == "riscv":
        pfn = entry >> 10 & ((1 << 44) - 1)
    else:
        pfn = entry >> 12
    page = page_of(pfn)
    if page is None:
        return ""
    if page["refcount"] > 1:
        return ("\n%29s(leaf table shared by %d address spaces since a "
                "fork: _refcount %d)" % ("", page["refcount"],
                                         page["refcount"]))
    return "\n%29s(leaf table of this address space alone: _refcount 1)" % ""


def pte_report(task, addr):
    """lx-pte's text for one task, and the frame (or None)."""
    pid = int(task["pid"])
    if int(task["mm"]) == 0:
        raise WalkError("pid %d (%s) is a kernel thread: it has no user "
                        "address space (mm NULL)" % (pid, comm(task)))
    out = "pid %d (%s), mm 0x%x, pgd 0x%x\n" % (
        pid, comm(task), int(task["mm"]), int(task["mm"]["pgd"]))
    rows, pte, bits = walk(task, addr)
    if arch() == "riscv":
        out += ("Sv39 walk of 0x%x: VPN[2] %d, VPN[1] %d, VPN[0] %d, "
                "offset 0x%x\n" % (addr, addr >> 30 & 511, addr >> 21 & 511,
                                   addr >> 12 & 511, addr & 0xfff))
    else:
        out += ("i386 two-level walk of 0x%x: directory index %d, table "
                "index %d, offset 0x%x\n" % (addr, addr >> 22, addr >> 12 &
                                             1023, addr & 0xfff))
    width = 16 if arch() == "riscv" else 8
    for i, (name, index, at, entry) in enumerate(rows):
        leaf = i == len(rows) - 1 and pte is not None
        if leaf:
            what = "" if bits == 12 else "  (a leaf: a %d %s page)" % (
                1 << (bits - 20 if bits < 30 else bits - 30),
                "MiB" if bits < 30 else "GiB")
        elif not entry & 1:
            what = "  -> no table: nothing mapped here"
        elif arch() == "riscv":
            what = "  -> next table at pa 0x%x" % ((entry >> 10) << 12)
        else:
            what = "  -> page table at pa 0x%x (%s)" % (
                entry & ~0xfff, pte_bits_text(entry, True))
        if entry & 1 and not leaf and i == len(rows) - 2:
            what += leaf_table_text(entry)
        out += "  %-22s [%4d] at 0x%x = 0x%0*x%s\n" % (
            name, index, at, width, entry, what)
    if pte is None:
        return out, None
    pfn = frame_of(pte, addr, bits)
    out += "PTE 0x%0*x: %s\n" % (width, pte, pte_bits_text(pte,
                                                         bits > 12))
    out += "     %s\n" % pte_meaning(pte)
    # Bit 8 with V/P clear: a PROT_NONE page, kept but inaccessible
    # (RISC-V's _PAGE_PROT_NONE, i386's _PAGE_PROTNONE).
    present = pte & 1 or pte >> 8 & 1
    if not present:
        out += "no page\n"
        return out, None
    page = page_of(pfn)
    if page is None:
        out += "frame: pfn 0x%x (pa 0x%x), outside mem_map\n" % (
            pfn, pfn << 12)
        return out, pfn
    out += ("frame: pfn 0x%x (pa 0x%x), struct page 0x%x = mem_map[pfn - "
            "min_low_pfn]: _refcount %d, %s\n" % (
                pfn, pfn << 12, page["page"], page["refcount"],
                page_kind(page)))
    out += "frame holds at this address: %s\n" % frame_text(pfn, addr)
    return out, pfn


class LxPte(gdb.Command):
    """lx-pte ADDR [PID|EXPR ...]: the page-table walk for user address
    ADDR in each task given (default: current; an EXPR has no spaces, e.g.
    $current()->real_parent): each level's entry, the PTE and its
    permission bits decoded (RISC-V Sv39: V R W X U G A D and RSW; i386:
    P RW US PWT PCD A D PAT/PS G and AVL), the physical frame, and that
    frame's struct page (mem_map[pfn - min_low_pfn]) with its _refcount.
    With several tasks it says whether they map the same frame — after a
    fork, parent and child do, read-only, until one of them writes."""

    def __init__(self):
        super().__init__("lx-pte", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        args = arg.split()
        if not args:
            raise gdb.GdbError("usage: lx-pte ADDR [PID|EXPR ...]")
        addr = int(gdb.parse_and_eval(args[0]))
        addr &= 2 ** 64 - 1
        if arch() == "riscv":
            top = addr >> 38    # Sv39: bits 63-39 copy bit 38
            if top not in (0, 2 ** 26 - 1):
                raise gdb.GdbError("0x%x is not an Sv39 address (bits "
                                   "63-39 must equal bit 38)" % addr)
        elif addr >> 32:
            raise gdb.GdbError("0x%x is not a 32-bit address" % addr)
        frames = []
        for who in args[1:] or [""]:
            try:
                task = find_task(who)
                text, pfn = pte_report(task, addr)
            except WalkError as e:
                raise gdb.GdbError(str(e))
            except gdb.MemoryError as e:
                raise gdb.GdbError("%s: gdb reads kernel memory only while "
                                   "the CPU runs the kernel (stop at a "
                                   "kernel breakpoint first)" % e)
            gdb.write(text)
            frames.append((int(task["pid"]), pfn))
        if len(frames) > 1:
            pfns = set(f for _, f in frames)
            gdb.write("%s\n" % (
                "the same frame (pfn 0x%x) in pids %s" % (
                    frames[0][1], ", ".join(str(p) for p, _ in frames))
                if len(pfns) == 1 and None not in pfns else
                "different frames: %s" % ", ".join(
                    "pid %d pfn %s" % (p, "0x%x" % f if f is not None
                                       else "none") for p, f in frames)))


def cow_conditions(addr):
    """{function: condition} of the write-fault path, for user tasks, and
    for ADDR's page only when ADDR is given."""
    page = None if addr is None else addr >> 12
    store = header_value("arch/riscv/include/asm/csr.h",
                         "EXC_STORE_PAGE_FAULT") if arch() == "riscv" \
        else header_value("arch/x86/include/asm/traps.h", "X86_PF_WRITE")
    if arch() == "riscv":
        arch_cond = "cause == %d" % store
        if page is not None:
            arch_cond += " && (regs->badaddr >> 12) == %d" % page
    else:
        # The faulting address is in CR2 (QEMU shows it to gdb as $cr2).
        arch_cond = "(error_code & %d)" % store
        if page is not None:
            arch_cond += " && ($cr2 >> 12) == %d" % page
    where = "" if page is None else " && (addr >> 12) == %d" % page
    return [("do_page_fault", "$lab_user() && " + arch_cond),
            ("handle_page_fault", "$lab_user() && write" + where),
            ("handle_mm_fault", "$lab_user() && write" + where),
            ("do_wp_page", "$lab_user()" + where)]


class CowBreaks(gdb.Command):
    """cow-breaks [ADDR]: the copy-on-write lab's breakpoints on the write
    fault path — the arch's do_page_fault (RISC-V: scause 15, a store/AMO
    page fault; i386: the error code's write bit), handle_page_fault,
    handle_mm_fault and do_wp_page — for user tasks' writes; with ADDR
    only for writes to ADDR's page (MenuOS's `cow` prints it)."""

    def __init__(self):
        super().__init__("cow-breaks", gdb.COMMAND_BREAKPOINTS)

    def invoke(self, arg, from_tty):
        addr = int(gdb.parse_and_eval(arg)) if arg.strip() else None
        for fn, cond in cow_conditions(addr):
            if not gdb.lookup_global_symbol(fn) and \
                    not gdb.lookup_static_symbol(fn):
                continue
            bp = gdb.Breakpoint(fn)
            bp.condition = cond


# ---- the fault-injection lab ---------------------------------------------

def fork_ladder_labels():
    """The labels of copy_process's error ladder, top to bottom, read
    from kernel/fork.c (the debug info has labels, but no list of them)."""
    with open(os.path.join(SOURCE_ROOT, "kernel", "fork.c")) as f:
        text = f.read()
    body = text[text.index("copy_process("):]
    body = body[:body.index("\n}\n")]
    return re.findall(r"^(bad_fork_\w+|fork_out):", body, re.M)


class FailBreaks(gdb.Command):
    """fail-breaks: the fault-injection lab's breakpoints, for user tasks
    only: fail_dump, where an allocation armed by /proc/self/fail-nth fails
    (MenuOS's `failfork N`; `bt` shows which one), and every label of
    copy_process's bad_fork_* ladder, so a failed fork stops where its
    unwinding enters the ladder and at each step it falls through."""

    def __init__(self):
        super().__init__("fail-breaks", gdb.COMMAND_BREAKPOINTS)

    def invoke(self, arg, from_tty):
        for spec in ["fail_dump"] + ["copy_process:" + label
                                     for label in fork_ladder_labels()]:
            bp = gdb.Breakpoint(spec)
            bp.condition = "$lab_user()"


CurrentFunction("current")
CurrentFunction("lx_current")
LabUserFunction()
Ps()
Threads()
Task()
Regs()
KStack()
LabBreaks()
LabMode()
PipeBreaks()
LxPipe()
SignalBreaks()
LxSigframe()
LxPte()
CowBreaks()
FailBreaks()
