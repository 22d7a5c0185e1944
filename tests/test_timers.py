"""Interval timers and sleeps on both architectures (user/test_timers.c,
which also passes on a Linux host): alarm kills with SIGALRM and returns
the seconds left; setitimer/getitimer values, EINVAL and EFAULT;
ITIMER_VIRTUAL counts only user time, ITIMER_PROF all CPU time; fork does
not inherit a pending timer, execve keeps it. The checks with signal
handlers (`test_timers handlers`): SIGALRM counted by a handler, an
interval re-armed in phase, nanosleep's time left after EINTR, a stopped
sleep that ends on time. And the vDSO on both (user/test_vdso.c)."""
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


def test_vdso_clocks_agree_with_the_system_calls_on_both(menu, arch):
    """Both map a vDSO (AT_SYSINFO_EHDR; [vdso] and [vvar]) whose clocks
    glibc calls and which agree with the system calls; RISC-V's
    __vdso_rt_sigreturn is li a7, 139; ecall. i386 (booted with vdso32=1)
    also gives AT_SYSINFO, its __kernel_vsyscall: int $0x80; ret."""
    m = menu(arch, append="vdso32=1" if arch == "x86" else "")
    out = run_checks(m, "test_vdso")
    lines = ["AT_SYSINFO_EHDR gives the vDSO",
             "it is an ELF shared object for this machine",
             "glibc calls it for clock_gettime (no system call)",
             "its clock_gettime agrees with the system call (1000 times)",
             "... and never goes back",
             "its gettimeofday agrees with the system call",
             "its time agrees with the system clock",
             "its clock_getres agrees; a bad clock is -EINVAL",
             "the process CPU clock goes to the system call",
             "/proc/self/maps shows it r-x as [vdso]",
             "... and the data page, read-only, as [vvar]",
             "a fork child has it at the same place",
             "a child's write to its vDSO is its own (copy on write)",
             "... and the next child's is unchanged",
             "a child may munmap it and live on",
             "clock_gettime works (and does not go back)"]
    if arch == "riscv":
        lines += ["it exports __vdso_clock_gettime, __vdso_gettimeofday, "
                  "__vdso_clock_getres, __vdso_time (LINUX_4.15)",
                  "it exports __vdso_rt_sigreturn (LINUX_4.15)",
                  "its code is li a7, 139 (rt_sigreturn); ecall"]
    else:
        lines += ["it exports __vdso_clock_gettime64, __vdso_gettimeofday, "
                  "__vdso_clock_getres, __vdso_time (LINUX_2.6)",
                  "it exports __vdso_clock_gettime",
                  "its 32-bit clock_gettime agrees with the system call",
                  "its entry point is __kernel_vsyscall (LINUX_2.5)",
                  "AT_SYSINFO gives __kernel_vsyscall",
                  "__kernel_vsyscall is int $0x80; ret"]
    for line in lines:
        assert f"vdso: {line}: ok" in out, out
    # The pages every process shares are intact: programs still start.
    assert "Child Complete!" in m.run("fork")


def test_vdso_by_default_riscv_always_i386_only_with_vdso32(menu, arch):
    """Booted without options, RISC-V maps its vDSO; Clonix's i386 maps
    none and announces neither AT_SYSINFO_EHDR nor AT_SYSINFO, so glibc
    makes its system calls with its own int $0x80 (_dl_sysinfo_int80), as
    the fork lab shows."""
    m = menu(arch)
    out = run_checks(m, "test_vdso")
    if arch == "riscv":
        assert "vdso: glibc calls it for clock_gettime (no system call): ok" \
            in out, out
    else:
        assert ("vdso: vDSO off: no AT_SYSINFO_EHDR, no AT_SYSINFO, no "
                "[vdso]: ok") in out, out
