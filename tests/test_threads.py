"""Threads (issue 12): glibc's pthreads, unmodified, on both architectures
(user/test_pthread.c, which passes on a Linux host: natively as i386 in
full; under qemu-user the raw-clone, execve-from-a-thread and robust-mutex
cases meet qemu-user's own limits), the thread-group bugs (a) and (b) of
the issue as regression cases, the scheduler calls glibc asks about
(kernel/sched/syscalls.c), and rseq answered without a console line.
Each group boots once and runs its cases at MenuOS; every case has a time
limit in the program, so a hang is a FAILED line, not a stuck test."""

import pytest

from conftest import USER_ARCHES, run_checks

pytestmark = pytest.mark.parametrize("arch", USER_ARCHES)

TIMEOUT = 300  # seconds: each case is limited to 15 s by the program


def test_pthread_synchronisation(menu, arch):
    """Mutex, condition variables, barriers, semaphores, rwlocks, robust
    mutexes and futex timeouts that never end early."""
    m = menu(arch)
    out = run_checks(m, "test_pthread mutex_counter condvar barrier "
                     "semaphore rwlock robust timeouts", timeout=TIMEOUT)
    assert "64 threads x 2000 increments give the exact total: ok" in out
    assert "consumer gets every item, in order" in out
    assert "one PTHREAD_BARRIER_SERIAL_THREAD per round: ok" in out
    assert "400 posts wake 4 waiters for 400 takes: ok" in out
    assert "a writer is alone, readers never see one: ok" in out
    assert "lock returns EOWNERDEAD: ok" in out
    assert "sem_timedwait is ETIMEDOUT, never early: ok" in out


def test_pthread_lifecycle(menu, arch):
    """Join values, detached threads, __thread, getpid/gettid,
    cancellation, and 1,000 threads with every page back."""
    m = menu(arch)
    out = run_checks(m, "test_pthread join_values detached tls ids cancel "
                     "thousand", timeout=TIMEOUT)
    assert "each thread's return and pthread_exit value: ok" in out
    assert "50 detached threads run and end: ok" in out
    assert "are distinct per thread: ok" in out
    assert "threads share the pid, each has its own tid: ok" in out
    assert "a thread blocked in read is cancelled: ok" in out
    assert "1000 threads created and joined: ok" in out
    assert "free pages back to the baseline: ok" in out


def test_thread_groups(menu, arch):
    """pthread_exit from main (issue 12 (a)), exit() and execve from a
    thread, CLONE_THREAD|CLONE_PARENT (issue 12 (b)), bad clone input."""
    m = menu(arch)
    out = run_checks(m, "test_pthread exit_main exit_thread exec_thread "
                     "thread_parent clone_bad", timeout=TIMEOUT)
    assert "wait4 reports it when the last thread ends: ok" in out
    assert "then wait4(-1) is ECHILD, not a hang: ok" in out
    assert "exit(7) in a thread ends the process with 7: ok" in out
    assert "the process's pid, alone: ok" in out
    assert "is no child of ours (ECHILD): ok" in out
    assert "CLONE_SIGHAND without CLONE_VM: ok" in out
    assert "dies of SIGSEGV, with its process: ok" in out
    assert "Kernel panic" not in m.output


def test_thread_signals(menu, arch):
    """pthread_kill, tgkill, and a process-directed signal taken by the
    one thread that does not block it."""
    m = menu(arch)
    out = run_checks(m, "test_pthread signals", timeout=TIMEOUT)
    assert "pthread_kill runs the handler in that thread: ok" in out
    assert "tgkill reaches the one thread named: ok" in out
    assert "does not block it: ok" in out


def test_sched_calls(menu, arch):
    """sched_*affinity, the policy calls, sched_rr_get_interval, getcpu
    and membarrier with their man pages' answers and errnos
    (user/test_sched.c; kernel/sched/syscalls.c)."""
    m = menu(arch)
    out = run_checks(m, "test_sched")
    assert "sched_getaffinity: returns whole longs, CPU 0 set: ok" in out
    assert "a mask without an online CPU is EINVAL: ok" in out
    assert "root may set SCHED_FIFO 10, reported back: ok" in out
    assert "SCHED_FIFO for a user is EPERM: ok" in out
    assert "PRIVATE_EXPEDITED unregistered is EPERM: ok" in out
    assert "getcpu: a CPU we have, node 0: ok" in out


def test_sched_calls_and_quiet_rseq(menu, arch):
    """What glibc asks the scheduler (affinity, policy, getcpu,
    membarrier), and glibc's rseq registration at every start answered
    -ENOSYS without a console line."""
    m = menu(arch)
    out = run_checks(m, "test_pthread sched", timeout=TIMEOUT)
    assert "sched_getaffinity includes CPU 0: ok" in out
    assert "sched_setaffinity without an online CPU is EINVAL: ok" in out
    assert "membarrier QUERY lists commands: ok" in out
    assert "(rseq)" not in m.output
    for call in ("sched_getaffinity", "getcpu", "membarrier"):
        assert f"({call}) is not implemented" not in m.output


def test_init_cannot_clone_parent(boot, arch):
    """Issue 12 (c): init is SIGNAL_UNKILLABLE (its own SIGTERM and SIGKILL
    do not kill it) and clone(CLONE_PARENT) from it is EINVAL, as Linux,
    instead of a child whose parent is the idle task, never reaped; but
    init may still create threads (only CLONE_PARENT is refused)."""
    m = boot(arch, append="rdinit=/bin/test_pthread")
    m.expect(r"Run /bin/test_pthread as init process")
    match = m.expect(r"test_pthread: (\d+) checks, (\d+) failed")
    assert "FAILED" not in m.output, m.output
    assert int(match.group(1)) == 4 and int(match.group(2)) == 0
    m.expect(r"Kernel panic - not syncing: Attempted to kill init! "
             r"exitcode=0x00000000")
