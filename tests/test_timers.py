"""Interval timers and sleeps on both architectures (user/test_timers.c,
which also passes on a Linux host): alarm kills with SIGALRM and returns
the seconds left; setitimer/getitimer values, EINVAL and EFAULT;
ITIMER_VIRTUAL counts only user time, ITIMER_PROF all CPU time; fork does
not inherit a pending timer, execve keeps it. The checks with signal
handlers (`test_timers handlers`): SIGALRM counted by a handler, an
interval re-armed in phase, nanosleep's time left after EINTR, a stopped
sleep that ends on time. And the RISC-V vDSO (user/test_vdso.c)."""
import re

import pytest

from conftest import USER_ARCHES, run_checks

pytestmark = pytest.mark.parametrize("arch", USER_ARCHES)


def test_alarm_and_itimers_as_linux(menu, arch):
    m = menu(arch)
    out = run_checks(m, "test_timers")
    for line in ["alarm(1) kills with SIGALRM after a second",
                 "alarm(2) returns the 5 s left, rounded",
                 "ITIMER_REAL 0.25 s fires after 0.25 s, not before",
                 "getitimer: 2.5 s counting down, interval 0.5 s",
                 "SIGALRM ignored: the interval timer stops after firing",
                 "ITIMER_VIRTUAL does not count sleep",
                 "ITIMER_VIRTUAL counts user time: SIGVTALRM kills",
                 "ITIMER_PROF counts CPU time: SIGPROF kills",
                 "it_value.tv_usec = 1000000: EINVAL",
                 "setitimer which = 3: EINVAL",
                 "fork: the child has no pending timer",
                 "execve keeps the timer: it fires in the new program"]:
        assert f"timers: {line}: ok" in out, out
    assert "not implemented" not in out
    # The machine lives on: no timer fired into a freed process.
    assert "Child Complete!" in m.run("fork")


def test_timers_with_signal_handlers(menu, arch):
    m = menu(arch)
    out = run_checks(m, "test_timers handlers")
    assert re.search(r"timers: 7 checks, 0 failed", out), out


def test_vdso_riscv_trampoline_or_none_on_i386(menu, arch):
    """RISC-V maps a vDSO (AT_SYSINFO_EHDR) whose __vdso_rt_sigreturn is
    li a7, 139; ecall and whose clocks agree with the system calls; i386
    announces none (glibc's sa_restorer)."""
    m = menu(arch)
    out = run_checks(m, "test_vdso")
    if arch == "riscv":
        lines = ["AT_SYSINFO_EHDR gives the vDSO",
                 "it exports __vdso_rt_sigreturn",
                 "... with version LINUX_4.15",
                 "its code is li a7, 139 (rt_sigreturn); ecall",
                 "it exports __vdso_clock_gettime, _gettimeofday, "
                 "_clock_getres",
                 "its clock_gettime agrees with the system call (1000 times)",
                 "its gettimeofday agrees with the system call",
                 "its clock_getres agrees; a bad clock is -EINVAL",
                 "/proc/self/maps shows it r-x as [vdso]",
                 "a fork child has it at the same place",
                 "a child's write to its vDSO is its own (copy on write)",
                 "... and the next child's is unchanged",
                 "a child may munmap it and live on"]
    else:
        lines = ["Clonix i386 has no vDSO: no AT_SYSINFO_EHDR",
                 "... and no [vdso] in /proc/self/maps"]
    for line in lines + ["clock_gettime works (and does not go back)"]:
        assert f"vdso: {line}: ok" in out, out
    # The pages every process shares are intact: programs still start.
    assert "Child Complete!" in m.run("fork")
