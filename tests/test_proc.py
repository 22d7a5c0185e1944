"""/proc in Linux's formats and /dev/tty, on both architectures: the
test_proc program (which also passes on a Linux host) reads every file the
way ps, top, free, uptime and df do, and the console shows the same files
to a user typing cat — with every page given back."""
import re

import pytest

from conftest import USER_ARCHES, free_pages, run_checks

pytestmark = pytest.mark.parametrize("arch", USER_ARCHES)


def test_proc_files_read_as_ps_top_free_and_uptime_read_them(menu, arch):
    m = menu(arch)
    m.run("test_proc", timeout=120)  # warm up: the first run grows caches
    before = free_pages(m)
    out = run_checks(m, "test_proc")
    for line in [
            "/proc/self points at getpid()",
            "stat: Linux's 52 fields",
            "stat: spinning 0.4 s, we get (nearly) every tick as utime + stime",
            "the child's /proc/<pid>/cmdline is its argv: sleep\\05\\0",
            "a killed, unreaped child is a zombie: state Z",
            "open /proc/<pid>/stat of a reaped pid gives ENOENT",
            "a file opened before the reaping reads ESRCH",
            "getdents64 on /proc lists our pid and the child's",
            "maps: our stack is the [stack] line",
            "maps of 1000+ VMAs (40+ KiB) is read whole",
            "meminfo: touching 1 MiB lowers MemFree by 1024 kB+",
            "uptime: lseek to 0 and read again: 0.3 s later",
            "writing /proc/meminfo gives EIO (as root)",
            "/dev/tty opens for a console process (a terminal)",
            "stat: tty_nr is the console's, 5:1",
            "unlink /proc/meminfo gives EPERM",
            "loadavg: spinning 5.2 s raises the 1-minute load",
            "sysinfo's loads[0] is /proc/loadavg's figure",
            "ps-style scans while 300 processes come and go",
            "260 reads of /proc files keep no page"]:
        assert f"proc: {line}: ok" in out, f"{line!r} missing:\n{out}"
    assert free_pages(m) == before, "test_proc left pages behind"


def test_proc_as_a_user_sees_it_at_the_console(menu, arch):
    m = menu(arch)
    listing = m.run("ls /proc")
    for name in ["1", "2", "self", "meminfo", "stat", "uptime", "loadavg",
                 "mounts", "version", "cpuinfo"]:
        assert re.search(rf"\s{name}$", listing, re.M), listing
    status = m.run("cat /proc/self/status")
    assert re.search(r"^Name:\tcat$", status, re.M), status
    assert re.search(r"^State:\tR \(running\)$", status, re.M), status
    assert re.search(r"^PPid:\t1$", status, re.M), status
    assert re.search(r"^VmRSS:\s+\d+ kB$", status, re.M), status
    assert m.run("cat /proc/1/comm").strip() == "init"
    init = m.run("cat /proc/1/stat")
    # MenuOS calls setsid() as inits do: it leads process group and
    # session 1, the console (5:1 = 1281) its controlling terminal; the
    # terminal's foreground group (tpgid) is the running cat's own.
    tpgid = re.match(r"1 \(init\) S 0 1 1 1281 (\d+) ", init)
    assert tpgid and tpgid.group(1) not in ("0", "1"), init
    assert len(init.split()) == 52, init
    maps = m.run("cat /proc/self/maps")
    assert re.search(r"^[0-9a-f]{8,}-[0-9a-f]{8,} rw-p 00000000 00:00 0 +"
                     r"\[stack\]$", maps, re.M), maps
    version = m.run("cat /proc/version")
    machine = "riscv64" if arch == "riscv" else "i686"
    assert re.match(rf"Linux version 6\.1\.0-clonix .*#1 Clonix {machine}",
                    version), version
    cpu = m.run("cat /proc/cpuinfo")
    if arch == "riscv":
        assert re.search(r"^isa\t\t: rv64i", cpu, re.M), cpu
        assert re.search(r"^mmu\t\t: sv39$", cpu, re.M), cpu
    else:
        assert re.search(r"^vendor_id\t: \S+", cpu, re.M), cpu
        assert re.search(r"^flags\t\t:.* fpu", cpu, re.M), cpu
    up1 = float(m.run("cat /proc/uptime").split()[0])
    m.run("sleep 0.5")
    up2 = float(m.run("cat /proc/uptime").split()[0])
    assert 0.5 <= up2 - up1 < 5, (up1, up2)
    stat = m.run("cat /proc/stat")
    assert re.match(r"cpu  \d+ \d+ \d+ \d+ \d+ \d+ \d+ \d+ \d+ \d+\n", stat)
    assert re.search(r"^processes \d+$", stat, re.M), stat
