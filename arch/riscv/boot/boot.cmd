# The U-Boot script that boots Clonix: `make uboot-disk` wraps it with
# `mkimage -T script` as /boot.scr on the disk U-Boot scans at power-on
# (its distro_bootcmd finds /boot.scr on virtio 0:1 and sets devtype, devnum,
# distro_bootpart and prefix for us). The load addresses are U-Boot's own
# (printenv shows them): the uImage at kernel_addr_r, the initramfs at
# ramdisk_addr_r and a copy of U-Boot's device tree at fdt_addr_r, where
# bootm has room to add /chosen linux,initrd-start/-end. bootm checks both
# CRCs, copies Clonix to its load address 0x80200000 and enters it with the
# hart id in a0 and the device tree in a1. The kernel command line is the
# device tree's /chosen/bootargs (QEMU's -append); `setenv bootargs ...`
# here would replace it.
echo "Clonix: loading uImage and rootfs.uImage from ${devtype} ${devnum}:${distro_bootpart}"
load ${devtype} ${devnum}:${distro_bootpart} ${kernel_addr_r} ${prefix}uImage
load ${devtype} ${devnum}:${distro_bootpart} ${ramdisk_addr_r} ${prefix}rootfs.uImage
fdt move ${fdtcontroladdr} ${fdt_addr_r} 0x10000
bootm ${kernel_addr_r} ${ramdisk_addr_r} ${fdt_addr_r}
# bootm returns only when it refused (a bad CRC, a missing file): say so
# and power off, rather than leave QEMU waiting at U-Boot's prompt.
echo "Clonix: U-Boot could not boot the kernel; powering off"
poweroff
