"""Futexes on both architectures (user/test_futex.c, which also passes on
a Linux host): FUTEX_WAIT/WAKE between processes sharing MAP_SHARED memory (anonymous,
and a file mapped by each on its own) and between clone(CLONE_VM) tasks, EAGAIN, ETIMEDOUT never early (relative,
absolute on CLOCK_MONOTONIC and CLOCK_REALTIME, i386's futex_time64),
FUTEX_WAKE_BITSET, FUTEX_REQUEUE and FUTEX_CMP_REQUEUE, FUTEX_WAKE_OP,
private vs shared keys, EINTR and restarts, bad input, robust lists and a
robust futex whose owner dies, CLONE_CHILD_CLEARTID's wake, glibc's
process-shared condition variables and a robust mutex (EOWNERDEAD) — and
no page lost."""
import pytest

from conftest import USER_ARCHES, free_pages, run_checks

pytestmark = pytest.mark.parametrize("arch", USER_ARCHES)


def test_futex_operations_as_linux(menu, arch):
    m = menu(arch)
    out = run_checks(m, "test_futex", timeout=240)
    for line in [
        "FUTEX_WAIT when the word is not val: EAGAIN",
        "FUTEX_WAIT 100 ms: ETIMEDOUT, never early",
        "FUTEX_WAIT_BITSET: absolute CLOCK_MONOTONIC deadline",
        "FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME: absolute deadline",
        "FUTEX_WAKE wakes it: returns 1",
        "MAP_SHARED file: a waiter through another mapping of the page is "
        "woken",
        "FUTEX_WAKE_PRIVATE does not wake another process's shared waiter",
        "clone(CLONE_VM): a private waiter is woken by FUTEX_WAKE_PRIVATE",
        "clone(CLONE_VM): a shared waiter on private memory is woken",
        "FUTEX_WAKE_BITSET 0x2 does not wake a waiter of bitset 0x1",
        "FUTEX_REQUEUE wake 1, requeue 1: returns 2",
        "FUTEX_CMP_REQUEUE when the word is not val3: EAGAIN",
        "FUTEX_WAKE_OP: EQ, NE, LT, LE, GT, GE decide the second wake "
        "(old value 5 against 5, 4, 6)",
        "FUTEX_OP_OPARG_SHIFT: oparg is 1 << oparg",
        "a handled signal ends FUTEX_WAIT: EINTR",
        "a handled signal ends a timed FUTEX_WAIT: EINTR",
        "SA_RESTART: FUTEX_WAIT waits on after the handler",
        "SA_RESTART: a timed FUTEX_WAIT still ends with EINTR",
        "after SIGSTOP and SIGCONT the waiter waits on",
        "a timed wait stopped and continued times out when it should "
        "(ETIMEDOUT, never early)",
        "FUTEX_WAIT on an unaligned address: EINVAL",
        "FUTEX_WAIT_PRIVATE on an unmapped address: EFAULT",
        "FUTEX_WAIT on a kernel address: EFAULT",
        "FUTEX_WAKE on a kernel address: EFAULT",
        "an unknown futex op: ENOSYS",
        "FUTEX_LOCK_PI: ENOSYS (not implemented)",
        "FUTEX_WAIT_BITSET with bitset 0: EINVAL",
        "set_robust_list then get_robust_list gives it back",
        "get_robust_list of another process of ours",
        "the waiter on a dead owner's robust lock is woken",
        "... and the lock says FUTEX_OWNER_DIED (waiters bit kept, owner "
        "cleared)",
        "the list_op_pending lock (still 0): its waiter is woken",
        "CLONE_CHILD_CLEARTID wakes the waiter on the tid",
        "... which slept until then (FUTEX_WAIT returned 0)",
        "process-shared pthread_cond_wait and pthread_cond_signal between "
        "two processes",
        "pthread_cond_timedwait: ETIMEDOUT, never early",
        "a robust mutex whose owner died: pthread_mutex_lock gives "
        "EOWNERDEAD",
        "... made consistent, it locks and unlocks again",
    ]:
        assert f"futex: {line}: ok" in out, out
    if arch == "x86":
        assert "futex: futex_time64: 100 ms, ETIMEDOUT, never early: ok" \
            in out, out
    assert "skipped" not in out, out


def test_futex_leaks_no_page(menu, arch):
    """Waiters, shared keys (inode references), robust lists and many
    short-lived children: every page comes back."""
    m = menu(arch)
    run_checks(m, "test_futex", timeout=240)  # warm up the caches
    before = free_pages(m)
    run_checks(m, "test_futex", timeout=240)
    assert free_pages(m) == before
    assert "Child Complete!" in m.run("fork")
