"""Boot tests: Clonix comes up on each architecture (and, on RISC-V, under
each firmware), reports what the firmware or boot loader gave it, creates
pid 1 and pid 2 through kernel_clone and hands over to /init -- and ends
QEMU with a failure status, never a hang, when something is wrong."""
import os
import struct
import subprocess

import pytest

from conftest import ARCHES, build, nm_functions

FIRMWARES = ["default", "opensbi"]  # QEMU's OpenSBI, Debian's fw_jump.elf

# Where the two boot logs differ, each architecture's own lines, in order.
EXPECT = {
    "riscv": {
        "banner": r"Clonix for RISC-V",
        # RAM as the device tree describes it, for QEMU's -m.
        "memory": {
            "128M": [r"Memory: 128 MiB at 80000000-87ffffff"],
            "256M": [r"Memory: 256 MiB at 80000000-8fffffff",
                     r"Memory: \d+K/262144K available"],
        },
        "oops": [r"Oops - store page fault",
                 r"epc : [0-9a-f]{16} <crash_on_request\+0x[0-9a-f]+>",
                 r"badaddr: 0000000000000000"],
    },
    "x86": {
        "banner": r"Clonix for i386",
        # The BIOS (e820) map from multiboot: SeaBIOS keeps the top 128 KiB
        # of RAM for itself, so usable RAM ends 128 KiB below -m.
        "memory": {
            "128M": [r"BIOS-e820: \[mem 0x0000000000100000-"
                     r"0x0000000007fdffff\] usable",
                     r"Memory: 127 MiB at 0-7fdffff"],
            "256M": [r"BIOS-e820: \[mem 0x0000000000100000-"
                     r"0x000000000ffdffff\] usable",
                     r"Memory: 255 MiB at 0-ffdffff",
                     r"Memory: \d+K/262016K available"],
        },
        "oops": [r"BUG: unable to handle kernel NULL pointer dereference "
                 r"at 00000000",
                 r"#PF: supervisor write access in kernel mode",
                 r"Oops - page fault: 0002",
                 r"ip : [0-9a-f]{8} <crash_on_request\+0x[0-9a-f]+>",
                 r"cr2: 00000000"],
    },
}


def expect_kernel_threads_then_init(m):
    """The portable part of every boot: pid 1 and pid 2 through
    kernel_clone, the initramfs, ps, and pid 1 turning to /init. (What
    /init does next, and `quit` powering off, is tests/test_processes.py.)"""
    m.expect(r"created kernel_init \(pid 1\) and kthreadd \(pid 2\) "
             r"with kernel_clone")
    m.expect(r"kernel_init: pid 1 started, parent 0")
    m.expect(r"kthreadd: pid 2 started, parent 0")
    m.expect(r"initramfs: unpacked \d+ entries")
    m.expect(r"\s+1\s+0 R \(running\)\s+kernel_init")
    m.expect(r"\s+2\s+0 S \(sleeping\)\s+kthreadd")
    m.expect(r"Run /init as init process")


@pytest.mark.parametrize("arch", ARCHES)
def test_boots_and_creates_kernel_init_and_kthreadd(boot, arch):
    m = boot(arch)
    m.expect(EXPECT[arch]["banner"])
    for line in EXPECT[arch]["memory"]["128M"]:
        m.expect(line)
    m.expect(r"Initrd: [0-9a-f]+-[0-9a-f]+ \(\d+ bytes\)")
    expect_kernel_threads_then_init(m)


@pytest.mark.parametrize("firmware", FIRMWARES)
def test_boots_under_each_opensbi_and_reports_it_on_riscv(boot, firmware):
    m = boot("riscv", boot=firmware)
    m.expect(r"OpenSBI v\d+\.\d+")
    m.expect(r"Clonix for RISC-V")
    m.expect(r"SBI specification v\d+\.\d+ detected")
    m.expect(r"SBI implementation ID=0x1 \(OpenSBI\)")
    expect_kernel_threads_then_init(m)


@pytest.mark.parametrize("arch", ARCHES)
def test_memory_size_comes_from_the_firmware(boot, arch):
    m = boot(arch, mem="256M")
    for line in EXPECT[arch]["memory"]["256M"]:
        m.expect(line)


@pytest.mark.parametrize("arch", ARCHES)
def test_bootargs_reach_the_kernel_command_line(boot, arch):
    m = boot(arch, append="hello=world quiet")
    m.expect(r"Kernel command line: hello=world quiet\r*\n")


@pytest.mark.parametrize("arch", ARCHES)
def test_boot_without_initrd_says_so_and_exits_with_failure(boot, arch):
    m = boot(arch, initrd=False)
    m.expect(r"Initrd: none")
    m.expect(r"Kernel panic - not syncing: No initramfs: boot with "
             r"-initrd rootfs.img")
    status, _ = m.wait_exit()
    assert status != 0, "a panic must make QEMU exit with a failure status"


@pytest.mark.parametrize("arch", ARCHES)
def test_kernel_fault_prints_cause_registers_and_backtrace(boot, arch):
    m = boot(arch, append="clonix.crash=null")
    for line in EXPECT[arch]["oops"]:
        m.expect(line)
    m.expect(r"Call Trace:")
    m.expect(r"\] crash_on_request\+0x")
    m.expect(r"\] kernel_init\+0x")
    m.expect(r"Kernel panic - not syncing: Fatal exception")
    status, _ = m.wait_exit()
    assert status != 0


@pytest.mark.parametrize("arch", ARCHES)
def test_in_kernel_selftests_pass(boot, arch):
    """Kernel threads interleave and sleep on the timer; memory exhaustion
    gives NULL / -ENOMEM and every page comes back (kernel/selftest.c)."""
    m = boot(arch, append="clonix.selftest")
    m.expect(r"selftest: worker 2 \(pid \d+, parent 2\) round 2")
    match = m.expect(r"selftest: (\d+) passed, (\d+) failed")
    assert "FAILED" not in m.output, m.output
    assert int(match.group(2)) == 0 and int(match.group(1)) >= 9


CONTRACT = """start_kernel rest_init kernel_init kthreadd kernel_thread sys_clone
do_fork kernel_clone copy_process dup_task_struct arch_dup_task_struct
sched_fork copy_files copy_fs copy_sighand copy_signal copy_mm dup_mm
copy_thread alloc_pid wake_up_new_task schedule context_switch __switch_to
ret_from_fork ret_from_kernel_thread do_exit release_task kernel_wait4
sys_wait4 sys_exit_group""".split()


@pytest.mark.parametrize("arch", ARCHES)
def test_lab_functions_are_real_symbols(arch):
    missing = sorted(set(CONTRACT) - nm_functions(arch))
    assert not missing, f"vmlinux lacks function symbols: {missing}"


def test_image_carries_the_linux_riscv_header():
    with open(os.path.join(build("riscv"), "Image"), "rb") as f:
        head = f.read(64)
    code0, _, text_offset, image_size, flags, version = struct.unpack_from(
        "<IIQQQI", head)
    assert code0 & 0x7f == 0x6f, "code0 must be a jump (jal x0)"
    assert text_offset == 0x200000
    assert image_size > os.path.getsize(os.path.join(build("riscv"), "Image")) - 4096
    assert flags == 0 and version == 2
    assert head[48:56] == b"RISCV\0\0\0" and head[56:60] == b"RSC\x05"


def test_vmlinux_is_a_multiboot_kernel_entered_at_a_physical_address_on_x86():
    """QEMU -kernel and GRUB look for the multiboot v1 header in the first
    8 KiB and jump to the ELF entry with paging off."""
    path = os.path.join(build("x86"), "vmlinux")
    with open(path, "rb") as f:
        head = f.read(8192)
    assert head[:4] == b"\x7fELF" and head[4] == 1, "must be a 32-bit ELF"
    (entry,) = struct.unpack_from("<I", head, 24)
    offsets = [o for o in range(0, len(head) - 12, 4)
               if struct.unpack_from("<I", head, o)[0] == 0x1BADB002]
    assert offsets, "no multiboot header in the first 8 KiB"
    magic, flags, checksum = struct.unpack_from("<III", head, offsets[0])
    assert (magic + flags + checksum) & 0xffffffff == 0, "bad checksum"
    assert flags & 0x2, "the kernel must ask for the memory map"
    out = subprocess.run(["i686-linux-gnu-nm", path], capture_output=True,
                         text=True, check=True).stdout
    syms = {f[2]: int(f[0], 16) for f in (l.split() for l in out.splitlines())
            if len(f) == 3}
    assert syms["startup_32"] >= 0xC0000000, "linked at PAGE_OFFSET"
    assert entry == syms["startup_32"] - 0xC0000000, \
        f"entry {entry:#x} must be startup_32's physical address"
