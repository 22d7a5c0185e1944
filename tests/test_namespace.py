"""The name space, file attributes and identity (issue 10, points 5 and
6): user/test_namespace.c (rename, link counts, symlinks, chmod/chown/
umask/utimensat shown by stat, fallocate, statfs, fsync, creat, access)
and user/test_creds.c (set*id rules, fork and execve keep ids, a child
that becomes nobody meets EACCES and EPERM, i386's 16-bit calls), on both
architectures, with every page given back. Both programs also pass on a
Linux host as root (see their headers)."""

import pytest

from conftest import USER_ARCHES, run_checks

pytestmark = pytest.mark.parametrize("arch", USER_ARCHES)


def test_rename_link_symlink_and_attributes_as_linux(menu, arch):
    m = menu(arch)
    out = run_checks(m, "test_namespace")
    for line in [
        "a directory moved into its own subdirectory: EINVAL",
        "a directory replaces an empty directory",
        "a directory over a non-empty directory: ENOTEMPTY",
        "RENAME_NOREPLACE onto an existing name: EEXIST",
        "RENAME_EXCHANGE swaps a file and a directory",
        "both names: one inode, nlink 2",
        "link of a directory: EPERM",
        "one symlink linked in two directories follows from each",
        "open of a symlink loop: ELOOP",
        "a chain of 30 symlinks is followed to its end",
        'lstat of "dirlink/" follows the link',
        "a 256-byte name: ENAMETOOLONG",
        "a new file gets mode & ~umask (0666 & ~027 = 0640)",
        "chown shows in stat",
        "utimensat sets atime and mtime to the nanosecond",
        "UTIME_OMIT keeps atime, UTIME_NOW sets mtime to now",
        "fallocate mode 0 extends the file and allocates its pages",
        "collapsing a range: EOPNOTSUPP",
        "f_type is ramfs's magic 0x858458f6",
        "fsync of /dev/null: EINVAL",
        "getdents64 one entry at a time, unlinking each: all 40 seen, none left",
        "root may not execute a file with no x bit: EACCES",
        "getdents64 lists both links, under their names after a rename",
        "every page came back",
    ]:
        assert f"namespace: {line}: ok" in out, line
    if arch == "x86":
        for line in ["i386 chown (16-bit ids)", "chown32 sets a 32-bit owner",
                     "i386 statfs64 with its 84-byte size",
                     "statfs64 with a wrong size: EINVAL",
                     "i386 creat makes a file open for writing",
                     "creat of an existing file empties it"]:
            assert f"namespace: {line}: ok" in out, line
    assert "Child Complete!" in m.run("fork")


def test_credentials_and_permissions_for_a_non_root_user(menu, arch):
    m = menu(arch)
    out = run_checks(m, "test_creds")
    for line in [
        "we start as root (uid, euid, gid, egid 0)",
        "getgroups returns them, sorted",
        "a forked child has the same ids",
        "execve keeps them",
        "setuid to a foreign id: EPERM",
        "setreuid(euid, -1): setting the ruid sets the saved id",
        "setfsuid to a foreign id: refused, the old fsuid returned",
        "setuid(-1): EINVAL",
        "setgid to a dropped group: EPERM",
        "become nobody (65534)",
        "open of root's 0600 file for reading: EACCES",
        "chmod of it: EPERM",
        "a file in root's 0700 directory: EACCES (no search permission)",
        "execve of it: EACCES",
        "it belongs to nobody:nobody",
        "removing root's file from the sticky directory: EPERM",
        "access uses the real uid: EACCES",
        "kill(0) of root's process: EPERM",
        "a write by nobody takes set-user-ID and set-group-ID off root's file",
        "a file made in it takes the directory's group",
        "a saved root uid does not let it signal root's process: EPERM",
        "/etc/passwd has nobody (65534)",
        "the parent is still root",
        "every page came back",
    ]:
        assert f"creds: {line}: ok" in out, line
    for child in ["the uid rules", "the gid rules", "nobody's permissions",
                  "access with the real ids"]:
        assert f"creds: {child}, in a child: ok" in out, child
    if arch == "x86":
        for line in ["the 16-bit getuid and geteuid show 65534 for them",
                     "16-bit setresuid: 0xffff leaves an id as it is",
                     "16-bit setuid of 0xffff (-1): EINVAL",
                     "i386's 16-bit id calls, in a child"]:
            assert f"creds: {line}: ok" in out, line
    assert "Child Complete!" in m.run("fork")
