"""Shared memory (issue 10, point 8) on both architectures: MAP_SHARED
anonymous pages seen by parent, child and grandchild; MAP_SHARED file
mappings coherent with read() and write() through the page cache;
MAP_PRIVATE file mappings that copy on write; SIGBUS past the end of a
mapped file, also after truncation; msync, madvise and mremap with
Linux's errnos — and every page back once all is unmapped and the
children reaped. user/test_shm.c also passes on a Linux host."""
import re

import pytest

from conftest import USER_ARCHES, free_pages, run_checks

pytestmark = pytest.mark.parametrize("arch", USER_ARCHES)


def test_shared_anonymous_memory_is_shared_across_fork(menu, arch):
    m = menu(arch)
    out = run_checks(m, "test_shm")
    for line in [
        "child sees the parent's store made before fork",
        "child sees the parent's store made after fork",
        "parent sees the child's store made while both run",
        "grandchild and child see each other's stores",
        "parent sees the grandchild's store to a fresh page",
        "a MAP_PRIVATE page stays private across fork",
        "MADV_DONTNEED on shared memory keeps its contents",
        "after the parent unmaps shared memory, the child still has its pages",
    ]:
        assert f"shm: {line}: ok" in out
    assert "shm: every page came back: ok" in out


def test_file_mappings_share_the_page_cache(menu, arch):
    m = menu(arch)
    out = run_checks(m, "test_shm")
    for line in [
        "a store through the mapping is seen by read()",
        "write() is seen through the mapping",
        "a child's store through the inherited mapping reaches the file",
        "a store past the end does not grow the file",
        "a read past the file's last page is SIGBUS",
        "after truncation the cut page is SIGBUS",
        "grown again, the cut page reads zeros, not the old data",
        "a store to a private mapping does not change the file",
        "read() into a private mapping copies the page, not the file",
        "write() from the mapping past the file's end: EFAULT",
        "a page not yet written shows the file's changes",
        "once written, the private copy keeps its own bytes",
        "the child's store reaches neither the parent nor the file",
        "MADV_DONTNEED on a private file mapping reads the file again",
    ]:
        assert f"shm: {line}: ok" in out
    # The SIGBUS children are reported by the kernel as such.
    assert re.search(r"unhandled signal 7", out)


def test_msync_madvise_mremap_and_their_errors(menu, arch):
    m = menu(arch)
    out = run_checks(m, "test_shm")
    for line in [
        "msync MS_ASYNC|MS_SYNC: EINVAL",
        "msync of an unmapped range: ENOMEM",
        "PROT_WRITE MAP_SHARED of an O_RDONLY fd: EACCES",
        "mprotect PROT_WRITE on it: EACCES",
        "mmap of a directory: ENODEV",
        "an offset that is not page-aligned: EINVAL",
        "a mapping past the largest offset: EOVERFLOW",
        "MAP_SHARED_VALIDATE with MAP_SYNC: EOPNOTSUPP",
        "madvise bad advice: EINVAL",
        "madvise of an unmapped range: ENOMEM",
        "MADV_DONTNEED freed the two pages",
        "MAP_POPULATE maps all 8 pages at once",
        "private anonymous pages read as zeros after MADV_DONTNEED",
        "mremap grows in place, keeping the bytes, new pages zero",
        "mremap shrinks: the first page stays, the rest is unmapped",
        "MREMAP_MAYMOVE moves it, with the bytes",
        "MREMAP_FIXED moves it to the address asked for",
        "a moved MAP_SHARED mapping is still shared",
        "mremap across the end of the mapping: EFAULT",
        "mremap of an unmapped address: EFAULT",
        "a MADV_DONTFORK page is not mapped in a child",
        "a MADV_WIPEONFORK page reads zeros in a child",
        "MADV_REMOVE makes shared memory read zeros",
        "mremap old_size 0 maps shared memory a second time",
        "MREMAP_DONTUNMAP moves the page, the old range reads zeros",
        "MADV_POPULATE_WRITE on a private mapping copies the page",
    ]:
        assert f"shm: {line}: ok" in out


def test_dev_zero_and_unlinked_files_can_be_mapped(menu, arch):
    m = menu(arch)
    out = run_checks(m, "test_shm")
    for line in [
        "MAP_PRIVATE of /dev/zero is zeroed, writable memory",
        "MAP_SHARED of /dev/zero is shared with a child",
        "its mapping and read() still share the page",
        "a PROT_WRITE private file mapping can be read",
        "mmap of /dev/null: ENODEV",
    ]:
        assert f"shm: {line}: ok" in out


def test_shared_memory_leaks_no_page_over_many_runs(menu, arch):
    m = menu(arch)
    run_checks(m, "test_shm")  # warm up the kernel's caches
    before = free_pages(m)
    for _ in range(3):
        run_checks(m, "test_shm")
    assert free_pages(m) == before
    assert "Child Complete!" in m.run("fork")
