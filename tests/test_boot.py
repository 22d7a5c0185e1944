"""Boot tests: Clonix comes up under each firmware, reports what the device
tree gave it, creates pid 1 and pid 2 through kernel_clone, and ends QEMU
cleanly -- with a failure status, never a hang, when something is wrong."""
import os
import struct

import pytest

from conftest import ARCHES, build, nm_functions

FIRMWARES = ["default", "opensbi"]  # QEMU's OpenSBI, Debian's fw_jump.elf


@pytest.mark.parametrize("firmware", FIRMWARES)
def test_boots_and_creates_kernel_init_and_kthreadd_on_riscv(boot, firmware):
    m = boot("riscv", boot=firmware)
    m.expect(r"OpenSBI v\d+\.\d+")
    m.expect(r"Clonix for RISC-V")
    m.expect(r"SBI specification v\d+\.\d+ detected")
    m.expect(r"SBI implementation ID=0x1 \(OpenSBI\)")
    m.expect(r"Memory: 128 MiB at 80000000-87ffffff")
    m.expect(r"Initrd: [0-9a-f]+-[0-9a-f]+ \(\d+ bytes\)")
    m.expect(r"created kernel_init \(pid 1\) and kthreadd \(pid 2\) "
             r"with kernel_clone")
    m.expect(r"kernel_init: pid 1 started, parent 0")
    m.expect(r"kthreadd: pid 2 started, parent 0")
    m.expect(r"initramfs: \d+ entries")
    m.expect(r"\s+1\s+0 R \(running\)\s+kernel_init")
    m.expect(r"\s+2\s+0 S \(sleeping\)\s+kthreadd")
    m.expect(r"reboot: Power down")
    status, _ = m.wait_exit()
    assert status == 0, "a clean power-off must end QEMU with status 0"


def test_memory_size_comes_from_the_device_tree_on_riscv(boot):
    m = boot("riscv", mem="256M")
    m.expect(r"Memory: 256 MiB at 80000000-8fffffff")
    m.expect(r"Memory: \d+K/262144K available")
    assert m.wait_exit()[0] == 0


def test_bootargs_reach_the_kernel_command_line_on_riscv(boot):
    m = boot("riscv", append="hello=world quiet")
    m.expect(r"Kernel command line: hello=world quiet\r*\n")
    assert m.wait_exit()[0] == 0


def test_boot_without_initrd_says_so_and_exits_with_failure_on_riscv(boot):
    m = boot("riscv", initrd=False)
    m.expect(r"Initrd: none")
    m.expect(r"Kernel panic - not syncing: No initramfs: boot with "
             r"-initrd rootfs.img")
    status, _ = m.wait_exit()
    assert status != 0, "a panic must make QEMU exit with a failure status"


def test_kernel_fault_prints_cause_epc_stval_and_backtrace_on_riscv(boot):
    m = boot("riscv", append="clonix.crash=null")
    m.expect(r"Oops - store page fault")
    m.expect(r"epc : [0-9a-f]{16} <crash_on_request\+0x[0-9a-f]+>")
    m.expect(r"badaddr: 0000000000000000")
    m.expect(r"Call Trace:")
    m.expect(r"\] crash_on_request\+0x")
    m.expect(r"\] kernel_init\+0x")
    m.expect(r"Kernel panic - not syncing: Fatal exception")
    status, _ = m.wait_exit()
    assert status != 0


def test_in_kernel_selftests_pass_on_riscv(boot):
    """Kernel threads interleave and sleep on the timer; memory exhaustion
    gives NULL / -ENOMEM and every page comes back (kernel/selftest.c)."""
    m = boot("riscv", append="clonix.selftest")
    m.expect(r"selftest: worker 2 \(pid \d+, parent 2\) round 2")
    match = m.expect(r"selftest: (\d+) passed, (\d+) failed")
    status, out = m.wait_exit()
    assert "FAILED" not in out, out
    assert int(match.group(2)) == 0 and int(match.group(1)) >= 9
    assert status == 0


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
