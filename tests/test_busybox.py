"""A BusyBox console session, as a student types it: boot MenuOS, type
`sh` (BusyBox's ash, built from Debian's source package), run pipelines,
redirections, command substitution, the file commands, dd, ps, free, df,
/proc/self/status and a loop of 300 programs, then `exit` back to MenuOS.
Each area is its own test, on a freshly booted machine, so a failure names
what is missing; each ends by checking that the kernel logged no "not
implemented" system call during the session.

The expected outputs are those of the same BusyBox on Linux. Commands are
framed by markers the shell computes ($((n))), so the output is found
between them whatever the terminal echoes, and each command's exit status
is checked too."""
import os
import re
import subprocess

import pytest

from conftest import ROOT, USER_ARCHES, build, user_build

pytestmark = pytest.mark.parametrize("arch", USER_ARCHES)

CMD_TIMEOUT = 20  # seconds; every command here takes well under one
BANNER = r"BusyBox v1\.\d+\.\d+ \(Debian [^)]*\) built-in shell \(ash\)"
NOT_IMPLEMENTED = re.compile(r"^.*is not implemented.*$", re.M)
# The kernel's own notes on the console ("sh[3]: ...") come between the
# shell's lines; they are not the commands' output.
KERNEL_NOTE = re.compile(r"^[^\s\[]+\[\d+\]: ")


class Shell:
    """BusyBox's shell, started by MenuOS's `sh` on machine m."""

    def __init__(self, m, workdir=None):
        self.m = m
        self.n = 0
        self.start = len(m.output)
        m.sendline("sh")
        m.expect(BANNER)
        # The shell is up when it runs a first command.
        assert self.run("echo ready") == (0, "ready\n"), self.log()
        if workdir:
            self.ok(f"mkdir -p {workdir} && cd {workdir}")

    def log(self):
        """The console since `sh` was typed, for failure messages."""
        return "--- console since `sh`:\n" + self.m.output[self.start:]

    def run(self, cmd, timeout=CMD_TIMEOUT):
        """Type cmd; return (exit status, output without CRs or the
        kernel's notes)."""
        self.n += 1
        n = self.n
        # The echo of this line shows "[[$((n))"; only the shell's output
        # has "[[n" — so what the terminal echoes is never taken as output.
        self.m.sendline(f'echo "[[$(({n}))"; {cmd}; echo "]]$?:$(({n}))"')
        match = self.m.expect(rf"\[\[{n}\r*\n(.*?)\]\](\d+):{n}\r*\n",
                              timeout=timeout)
        out = match.group(1).replace("\r", "").split("\n")
        return int(match.group(2)), "\n".join(
            l for l in out if not KERNEL_NOTE.match(l))

    def ok(self, cmd, timeout=CMD_TIMEOUT):
        """Run cmd, which must succeed; return its output."""
        status, out = self.run(cmd, timeout)
        assert status == 0, (f"`{cmd}` exited with {status}:\n{out}\n"
                             + self.log())
        return out

    def lines(self, cmd):
        return self.ok(cmd).splitlines()

    def exit(self):
        """`exit` must come back to MenuOS, with no system call missing."""
        self.m.sendline("exit")
        self.m.wait_prompt()
        missing = NOT_IMPLEMENTED.findall(self.m.output[self.start:])
        assert not missing, ("the kernel logged missing system calls:\n"
                             + "\n".join(missing))


def test_busybox_is_installed_beside_menuos_programs(menu, arch):
    m = menu(arch)
    bin_ = m.run("ls /bin")
    # One busybox binary; its applets are links to it.
    assert re.search(r"^-0755\s+\d+ busybox$", bin_, re.M), bin_
    assert re.search(r"^l0777\s+\d+ wc$", bin_, re.M), bin_
    # MenuOS's own programs keep their names in /bin ...
    for name in ["ls", "cat", "echo", "sleep"]:
        assert re.search(rf"^-0755\s+\d+ {name}$", bin_, re.M), bin_
    assert re.search(r"^l0777\s+\d+ sh$", bin_, re.M), bin_
    # ... and BusyBox's applets of those names are in /usr/bin.
    usr = m.run("ls /usr/bin")
    for name in ["ls", "cat", "echo", "sleep", "sh"]:
        assert re.search(rf"^l0777\s+\d+ {name}$", usr, re.M), usr
    # An applet runs from MenuOS's prompt by its name.
    assert m.run("seq 3").split() == ["1", "2", "3"]


def test_busybox_is_built_once_from_debians_source(arch):
    out = os.path.join(user_build(arch), "busybox")
    # Debian's source package, with Debian's changelog and configuration.
    src = os.path.join(out, "src", "debian")
    assert os.path.isfile(os.path.join(src, "changelog"))
    assert os.path.isfile(os.path.join(src, "config", "pkg", "static"))
    cfg = open(os.path.join(out, "src", ".config")).read()
    assert "CONFIG_STATIC=y\n" in cfg
    assert 'CONFIG_BUSYBOX_EXEC_PATH="/bin/busybox"\n' in cfg
    # Built: make has nothing left to do for it, or for the initramfs.
    for target in [f"build/{arch}/busybox/busybox", f"build/{arch}/rootfs.img"]:
        q = subprocess.run(["make", "-q", f"ARCH={arch}", target], cwd=ROOT,
                           capture_output=True, text=True)
        assert q.returncode == 0, f"make would rebuild {target}"


def test_sh_starts_busybox_and_exit_returns_to_menuos(menu, arch):
    m = menu(arch)
    s = Shell(m)
    assert s.ok("echo hello") == "hello\n"
    assert s.ok('echo "$HOME $PATH $TERM"') == "/ /bin:/usr/bin vt100\n"
    assert s.ok("pwd") == "/\n"
    assert s.run("false")[0] == 1
    s.exit()
    # MenuOS carries on: the seeds' fork, and a second shell.
    assert "Child Complete!" in m.run("fork")
    s = Shell(m)
    assert s.ok("echo again") == "again\n"
    s.exit()


def test_busybox_pipelines(menu, arch):
    s = Shell(menu(arch))
    names = s.lines("ls -1 /")
    for name in ["bin", "dev", "init", "proc", "tmp", "usr"]:
        assert name in names, names
    assert s.ok("ls / | wc -l").strip() == str(len(names))
    assert s.ok("seq 1 1000 | sort -rn | head -1") == "1000\n"
    assert s.ok("echo hello world | tr a-z A-Z") == "HELLO WORLD\n"
    # A pipeline's status is its last command's.
    assert s.run("echo x | false")[0] == 1
    assert s.run("false | echo y") == (0, "y\n")
    s.exit()


def test_busybox_redirections(menu, arch):
    s = Shell(menu(arch), "/tmp/redir")
    assert s.ok("echo one > f") == ""
    assert s.ok("echo two >> f") == ""
    assert s.ok("cat f") == "one\ntwo\n"
    assert s.ok("echo three > f; cat f") == "three\n", "> truncates"
    assert s.ok("printf 'a\\nb\\n' > f; wc -l < f").strip() == "2"
    assert s.ok("cat < f > g; cat g") == "a\nb\n"
    # stderr, alone and joined to stdout.
    status, out = s.run("ls /nonexistent > err 2>&1")
    assert (status, out) == (1, ""), out
    assert s.ok("cat err") == \
        "ls: /nonexistent: No such file or directory\n"
    status, out = s.run("cat nonexistent 2> err")
    assert (status, out) == (1, "")
    assert s.ok("cat err") == \
        "cat: can't open 'nonexistent': No such file or directory\n"
    assert s.ok("ls /nonexistent 2>&1 | wc -l").strip() == "1"
    assert s.ok("ls /nonexistent 2>/dev/null; echo $?") == "1\n"
    s.exit()


def test_busybox_command_substitution(menu, arch):
    s = Shell(menu(arch))
    assert s.ok('x=$(echo hi); echo "got $x"') == "got hi\n"
    assert s.ok("echo `echo back`") == "back\n"
    assert s.ok('echo "lines: $(seq 1 5 | wc -l)"') == "lines: 5\n"
    assert s.ok('echo "$(echo "$(echo nested)")"') == "nested\n"
    assert s.ok("echo $(( $(seq 1 10 | wc -l) * 2 ))") == "20\n"
    s.exit()


def test_busybox_mkdir_p_and_find(menu, arch):
    s = Shell(menu(arch), "/tmp/find")
    assert s.ok("mkdir -p a/b/c") == ""
    assert s.ok("mkdir -p a/b/c") == "", "mkdir -p of an existing dir"
    assert s.ok("echo x > a/b/c/f; echo y > a/g") == ""
    assert s.lines("find . | sort") == \
        [".", "./a", "./a/b", "./a/b/c", "./a/b/c/f", "./a/g"]
    assert s.lines("find . -type f | sort") == ["./a/b/c/f", "./a/g"]
    assert s.lines("find . -name c -type d") == ["./a/b/c"]
    assert s.lines("find a -name f -exec cat {} \\;") == ["x"]
    status, out = s.run("mkdir a")
    assert status == 1 and "mkdir: can't create directory 'a': " \
        "File exists" in out, out
    s.exit()


def test_busybox_cp_r_mv_and_rm_r(menu, arch):
    s = Shell(menu(arch), "/tmp/cpmv")
    s.ok("mkdir -p d/sub && echo data > d/sub/file && echo top > d/top")
    assert s.ok("cp -r d e") == ""
    assert s.lines("find e | sort") == ["e", "e/sub", "e/sub/file", "e/top"]
    assert s.ok("cat e/sub/file e/top") == "data\ntop\n"
    assert s.ok("mv e f") == ""
    assert s.lines("ls -1") == ["d", "f"]
    assert s.ok("mv f/top f/renamed && ls -1 f") == "renamed\nsub\n"
    assert s.ok("cat f/renamed") == "top\n"
    assert s.ok("mv f/renamed d/sub/file && cat d/sub/file") == "top\n", \
        "mv over an existing file replaces it"
    assert s.ok("rm -r d f") == ""
    assert s.ok("ls -A") == ""
    s.exit()


def test_busybox_ln_s_chmod_and_touch(menu, arch):
    s = Shell(menu(arch), "/tmp/lnch")
    s.ok("echo data > file")
    assert s.ok("ln -s file link") == ""
    assert s.ok("readlink link") == "file\n"
    assert s.ok("cat link") == "data\n"
    assert "link -> file" in s.ok("ls -l link")
    assert s.ok("chmod 751 file && stat -c %a file") == "751\n"
    assert s.ok("ls -l file").startswith("-rwxr-x--x ")
    assert s.ok("chmod u-x,o-x file && stat -c %A file") == "-rw-r-x---\n"
    assert s.ok("touch new && stat -c '%F %s' new") == \
        "regular empty file 0\n"
    assert s.ok("touch -d '2020-01-02 03:04:05' file && stat -c %Y file") \
        == "1577934245\n"
    assert s.ok("stat -c %y file") == \
        "2020-01-02 03:04:05.000000000 +0000\n"
    # "Now" is the system clock's (Clonix's starts at the epoch at boot).
    now, mtime = s.ok("touch file && date +%s && stat -c %Y file").split()
    assert int(mtime) != 1577934245 and abs(int(mtime) - int(now)) <= 1, \
        "touch sets the time to now"
    s.exit()


def test_busybox_dd_from_dev_zero(menu, arch):
    s = Shell(menu(arch), "/tmp/dd")
    out = s.ok("dd if=/dev/zero bs=1k count=100 | wc -c")
    lines = out.splitlines()
    assert "102400" in [l.strip() for l in lines], out
    assert "100+0 records in" in lines and "100+0 records out" in lines, out
    s.ok("dd if=/dev/zero of=z bs=1k count=100 2>/dev/null")
    assert s.ok("stat -c %s z") == "102400\n"
    assert s.ok("wc -c < z").strip() == "102400"
    assert s.ok("tr -d '\\000' < z | wc -c").strip() == "0", "only zeros"
    s.exit()


def test_busybox_ps_free_df(menu, arch):
    s = Shell(menu(arch))
    shell_pid = s.ok("echo $$").strip()
    out = s.ok("ps")
    assert re.match(r"\s*PID\s+USER\s+.*COMMAND\n", out), out
    assert re.search(r"^\s*1\s+\S+\s+.*/init$", out, re.M), out
    assert re.search(r"^\s*2\s+\S+\s+.*\[kthreadd\]$", out, re.M), out
    assert re.search(rf"^\s*{shell_pid}\s+\S+\s+.*sh\b", out, re.M), out
    # ps itself: "ps", or "{ps} sh +m" when ash ran the applet in its
    # forked child without exec (comm set by prctl, argv the shell's).
    assert re.search(r"^\s*\d+\s+\S+\s+(.*\bps|\{ps\} .*)$", out, re.M), out

    mem_total = re.search(r"^MemTotal:\s+(\d+) kB$",
                          s.ok("cat /proc/meminfo"), re.M)
    assert mem_total, "no MemTotal in /proc/meminfo"
    out = s.ok("free")
    assert re.search(r"total\s+used\s+free\s+shared\s+buff/cache\s+"
                     r"available", out), out
    mem = re.search(r"^Mem:\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)",
                    out, re.M)
    assert mem, out
    total, used, free = (int(mem.group(i)) for i in (1, 2, 3))
    assert total == int(mem_total.group(1)), out
    assert 0 < used < total and 0 < free < total, out

    out = s.ok("df")
    assert re.match(r"Filesystem\s+1K-blocks\s+Used\s+Available\s+Use%\s+"
                    r"Mounted on\n", out), out
    root = re.search(r"^\S+\s+(\d+)\s+(\d+)\s+(\d+)\s+\d+%\s+/$", out, re.M)
    assert root, f"df shows no / file system:\n{out}"
    assert int(root.group(1)) > 0 and int(root.group(2)) > 0, out
    s.exit()


def test_busybox_cat_proc_self_status(menu, arch):
    s = Shell(menu(arch))
    shell_pid = s.ok("echo $$").strip()
    out = s.ok("cat /proc/self/status")
    fields = dict(l.split(":\t", 1) for l in out.splitlines() if ":\t" in l)
    assert fields.get("Name") == "cat", out
    assert fields.get("State") == "R (running)", out
    assert fields.get("PPid") == shell_pid, out
    assert fields.get("Tgid") == fields.get("Pid") != shell_pid, out
    assert fields.get("Uid", "").split() == ["0"] * 4, out
    assert int(fields.get("Threads", "0")) == 1, out
    s.exit()


def test_busybox_runs_bin_true_300_times(menu, arch):
    s = Shell(menu(arch))
    out = s.ok("i=0; while [ $i -lt 300 ]; do /bin/true || break; "
               "i=$((i + 1)); done; echo rounds=$i", timeout=300)
    assert out == "rounds=300\n", out
    s.exit()


def test_lab_guide_counting_a_process_pages(menu, arch):
    """The lab guide's section 17.7, typed as a student types it: bench_tiny
    procs stops at RLIMIT_NPROC (EAGAIN), with MenuOS, the shell and the
    forker counted against it; with the limits lifted it stops when memory
    runs out (ENOMEM), and the pages come back."""
    s = Shell(menu(arch))
    report = re.compile(r"MIN_PROCS procs=(\d+) forks=(\d+) error=(\d+)")

    def procs():
        out = s.ok("bench_tiny procs", timeout=120)
        found = report.search(out)
        assert found, out + s.log()
        return [int(v) for v in found.groups()]

    def mem_free():
        return int(s.ok("grep MemFree /proc/meminfo").split()[1])

    s.ok("ulimit -u 100")
    assert procs() == [97, 97, 11]     # EAGAIN: 3 + 97 = 100
    s.ok("ulimit -u unlimited")
    s.ok("echo 1000000 > /proc/sys/kernel/threads-max")
    before = mem_free()
    alive, forks, err = procs()
    assert err == 12 and alive == forks and alive > 1000, (alive, err)
    # The shell's own heap may take a page between the two greps; a page a
    # process left behind would be thousands (bench checks it exactly).
    assert abs(mem_free() - before) <= 16, (before, mem_free())
    s.exit()
