"""Boot chains on RISC-V (`make run BOOT=default|opensbi|uboot`): QEMU's
bundled OpenSBI, Debian's OpenSBI (fw_jump), and OpenSBI -> Debian's S-mode
U-Boot -> Clonix. Each chain boots MenuOS and runs the seeds' fork. U-Boot
finds Clonix on the virtio disk `make uboot-disk` builds, with nobody at its
prompt, checks the CRCs of the uImages mkimage made, and refuses a corrupted
one -- the test sees U-Boot's message and QEMU ending, not a hang. U-Boot's
booti accepts the plain Image by its Linux RISC-V header."""
import os
import struct
import zlib

import pytest

from conftest import (DEBUG, ROOT, Machine, build, make, qemu_command,
                      user_build)
from test_processes import assert_seed_lines

CHAINS = ["default", "opensbi", "uboot"]
# Debian's U-Boot loads the device tree, its script and the initramfs from
# 0x8c000000 on, so its chain runs with 256 MiB (as `make run BOOT=uboot`).
MEM = {"default": "128M", "opensbi": "128M", "uboot": "256M"}
KERNEL_LOAD = 0x80200000  # KERNEL_PHYS_ADDR: head.S runs only there
# The kernel's build directory's (build/riscv-debug with CLONIX_DEBUG=1).
UBOOT_DISK = "build/riscv%s/uboot-disk.img" % ("-debug" if DEBUG else "")

# What each chain prints before Clonix does, in order.
CHAIN_LINES = {
    "default": [r"OpenSBI v\d+\.\d+",
                r"Domain0 Next Address\s+: 0x0*80200000"],
    "opensbi": [r"OpenSBI v\d+\.\d+",
                r"Domain0 Next Address\s+: 0x0*80200000"],
    "uboot": [r"OpenSBI v\d+\.\d+",
              r"U-Boot 20\d\d\.\d\d",
              r"Scanning virtio 0:1\.\.\.",
              r"Found U-Boot script /boot\.scr",
              r"## Booting kernel from Legacy Image at 84000000",
              r"Image Name:\s+Clonix\r",
              r"Load Address: 80200000",
              r"Entry Point:\s+80200000",
              r"Verifying Checksum \.\.\. OK",
              r"## Loading init Ramdisk from Legacy Image at 8c300000",
              r"Verifying Checksum \.\.\. OK",
              r"Booting using the fdt blob at 0x8c000000",
              r"Starting kernel \.\.\."],
}

# U-Boot's legacy image header (include/image.h): 64 bytes, big endian.
UIMAGE_MAGIC = 0x27051956
IH_OS_LINUX, IH_ARCH_RISCV = 5, 26
IH_TYPE_KERNEL, IH_TYPE_RAMDISK, IH_TYPE_SCRIPT = 2, 3, 6
UIMAGE_FIELDS = ("magic hcrc time size load ep dcrc os arch type comp "
                 "name").split()


def uimage_header(data, offset=0):
    """The fields of the legacy header at offset, or None if there is no
    valid one (magic and header CRC)."""
    raw = bytes(data[offset:offset + 64])
    if len(raw) < 64:
        return None
    h = dict(zip(UIMAGE_FIELDS, struct.unpack(">7I4B32s", raw)))
    if h["magic"] != UIMAGE_MAGIC or \
            zlib.crc32(raw[:4] + bytes(4) + raw[8:]) != h["hcrc"]:
        return None
    h["name"] = h["name"].rstrip(b"\0").decode()
    return h


_disk_built = False


def uboot_disk():
    """Build the kernel, rootfs and U-Boot disk (once per session) with
    `make uboot-disk`, the target `make run BOOT=uboot` uses."""
    global _disk_built
    if not _disk_built:
        build("riscv")
        make("uboot-disk")
        _disk_built = True
    return os.path.join(ROOT, UBOOT_DISK)


def start(boot, chain, **opts):
    if chain == "uboot":
        uboot_disk()
    return boot("riscv", boot=chain, mem=MEM[chain], **opts)


def stop_uboot_autoboot(m):
    """Press a key during U-Boot's countdown; wait for its prompt."""
    m.expect(r"Hit any key to stop autoboot")
    m.child.send(" ")
    m.expect(r"=> ")


@pytest.fixture
def machine():
    """machine(argv): a QEMU started from a hand-made command line; it is
    killed after the test."""
    started = []

    def start_argv(argv):
        started.append(Machine(argv))
        return started[-1]

    yield start_argv
    for m in started:
        if m.child.isalive():
            m.child.terminate(force=True)


@pytest.mark.parametrize("chain", CHAINS)
def test_each_boot_chain_boots_menuos_and_runs_fork_on_riscv(boot, chain):
    m = start(boot, chain, append=f"chain={chain}")
    for line in CHAIN_LINES[chain]:
        m.expect(line)
    m.expect(r"Clonix for RISC-V")
    m.expect(rf"Memory: {MEM[chain][:-1]} MiB at 80000000-")
    initrd = m.expect(r"Initrd: [0-9a-f]+-[0-9a-f]+ \((\d+) bytes\)")
    rootfs = os.path.join(user_build("riscv"), "rootfs.img")
    assert int(initrd.group(1)) == os.path.getsize(rootfs), \
        "the kernel must get the whole initramfs, not the uImage header"
    m.expect(rf"Kernel command line: chain={chain}\r*\n")
    m.wait_prompt()
    assert_seed_lines(m.run("fork"))
    m.sendline("quit")
    m.expect(r"reboot: Power down")
    status, _ = m.wait_exit()
    assert status == 0, "quit must power off cleanly"


def test_make_uimage_wraps_image_and_initramfs_for_bootm_on_riscv():
    out = build("riscv")
    make("uImage")
    images = [("uImage", "Image", IH_TYPE_KERNEL, "Clonix", KERNEL_LOAD),
              ("rootfs.uImage", "rootfs.img", IH_TYPE_RAMDISK,
               "Clonix initramfs", 0)]
    for name, payload, kind, title, load in images:
        with open(os.path.join(out, name), "rb") as f:
            data = f.read()
        # The initramfs is user space's, built once for both kernels.
        where = user_build("riscv") if payload == "rootfs.img" else out
        with open(os.path.join(where, payload), "rb") as f:
            expected = f.read()
        h = uimage_header(data)
        assert h, f"{name}: no valid uImage header"
        assert (h["os"], h["arch"], h["type"], h["comp"]) == \
            (IH_OS_LINUX, IH_ARCH_RISCV, kind, 0), f"{name}: {h}"
        assert h["name"] == title
        assert h["load"] == h["ep"] == load, \
            f"{name}: load {h['load']:#x}, entry {h['ep']:#x}"
        assert data[64:] == expected and h["size"] == len(expected), \
            f"{name} must hold {payload} as it is (-C none)"
        assert zlib.crc32(data[64:]) == h["dcrc"]


def test_uboot_refuses_a_uimage_with_a_bad_crc_and_powers_off_on_riscv(
        machine, tmp_path):
    """A copy of the U-Boot disk with one byte of the kernel flipped: bootm
    must say "Bad Data CRC", and the boot script must power off."""
    with open(uboot_disk(), "rb") as f:
        disk = bytearray(f.read())
    kernels = [o for o in range(0, len(disk), 512)
               if (h := uimage_header(disk, o)) and
               h["type"] == IH_TYPE_KERNEL]
    assert len(kernels) == 1, "the disk must hold one kernel uImage"
    # The header and the first 960 bytes after it share one file-system
    # block, so this byte is the kernel's, not some other file's.
    disk[kernels[0] + 64 + 256] ^= 0xff
    bad = tmp_path / "uboot-disk-bad-crc.img"
    bad.write_bytes(disk)

    argv = qemu_command("riscv", boot="uboot", mem=MEM["uboot"])
    argv = [a.replace(f"file={UBOOT_DISK},", f"file={bad},") for a in argv]
    assert any(str(bad) in a for a in argv), f"no U-Boot disk in {argv}"
    m = machine(argv)
    m.expect(r"## Booting kernel from Legacy Image at 84000000")
    m.expect(r"Verifying Checksum \.\.\. Bad Data CRC")
    m.expect(r"ERROR: can't get kernel image!")
    m.expect(r"Clonix: U-Boot could not boot the kernel; powering off")
    _, console = m.wait_exit()
    assert "Starting kernel" not in console and "Clonix for" not in console


def test_uboot_booti_takes_the_image_by_its_linux_header_on_riscv(boot):
    """booti reads text_offset and image_size from the header that head.S
    starts with, and moves the Image to RAM start + text_offset."""
    with open(os.path.join(build("riscv"), "Image"), "rb") as f:
        text_offset, image_size = struct.unpack_from("<QQ", f.read(64), 8)
    m = start(boot, "uboot", append="via=booti")
    stop_uboot_autoboot(m)
    m.sendline("virtio scan; "
               "load virtio 0:1 ${kernel_addr_r} Image; "
               "load virtio 0:1 ${ramdisk_addr_r} rootfs.uImage; "
               "fdt move ${fdtcontroladdr} ${fdt_addr_r} 0x10000; "
               "booti ${kernel_addr_r} ${ramdisk_addr_r} ${fdt_addr_r}")
    start_pa = 0x80000000 + text_offset
    m.expect(rf"Moving Image from 0x84000000 to 0x{start_pa:x}, "
             rf"end=0*{start_pa + image_size:x}")
    m.expect(r"Starting kernel \.\.\.")
    m.expect(r"Kernel command line: via=booti\r*\n")
    m.wait_prompt()
    assert_seed_lines(m.run("fork"))


def test_kernel_started_at_the_wrong_address_says_so_on_riscv(boot):
    """head.S runs only at 0x80200000; entered elsewhere (here U-Boot's
    `go` at kernel_addr_r) it says so on the SBI console and stops."""
    m = start(boot, "uboot")
    stop_uboot_autoboot(m)
    m.sendline("virtio scan; load virtio 0:1 ${kernel_addr_r} Image; "
               "go ${kernel_addr_r}")
    m.expect(r"## Starting application at 0x0*84000000")
    m.expect(r"Clonix: must be loaded at 0x80200000; stopping\.")
