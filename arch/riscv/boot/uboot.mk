# The U-Boot boot chain (OpenSBI -> U-Boot -> Clonix), included by
# arch/riscv/Makefile. U-Boot's bootm boots "legacy" uImages: a file with a
# 64-byte header made by mkimage that says what it is, where to load it and
# where to enter it, and CRCs that U-Boot checks before it jumps.
#   make uImage       build/riscv/uImage (the kernel) and rootfs.uImage (the
#                     initramfs as a ramdisk uImage)
#   make uboot-disk   build/riscv/uboot-disk.img, the virtio disk that
#                     `make run BOOT=uboot` attaches: /boot.scr (from
#                     boot.cmd), /uImage, /rootfs.uImage, and the plain /Image
#                     for anyone who wants to try booti at U-Boot's prompt.

# Debian's S-mode U-Boot for QEMU virt (package u-boot-qemu): OpenSBI
# starts it at 0x80200000; it moves itself to the top of RAM, so Clonix can
# be copied to the same address later.
UBOOT := /usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin
UBOOT_DISK := $(O)/uboot-disk.img
# Where Clonix must run: KERNEL_PHYS_ADDR in asm/page.h (head.S refuses to
# run anywhere else and says so on the SBI console).
UIMAGE_LOAD := 0x80200000
MKIMAGE := mkimage -A riscv -O linux -C none

.PHONY: uImage uboot-disk
uImage: $(O)/uImage $(O)/rootfs.uImage
uboot-disk: $(UBOOT_DISK)

$(O)/uImage: $(O)/Image
	@echo "  MKIMAGE $@"
	$(Q)$(MKIMAGE) -T kernel -a $(UIMAGE_LOAD) -e $(UIMAGE_LOAD) \
		-n Clonix -d $< $@ > /dev/null

# Load address 0: U-Boot passes the ramdisk where it was loaded, after the
# 64-byte header (initrd_high is all ones in Debian's U-Boot: no copying).
$(O)/rootfs.uImage: $(U)/rootfs.img
	@echo "  MKIMAGE $@"
	$(Q)$(MKIMAGE) -T ramdisk -a 0 -e 0 -n "Clonix initramfs" -d $< $@ > /dev/null

$(O)/boot.scr: arch/riscv/boot/boot.cmd
	@echo "  MKIMAGE $@"
	$(Q)$(MKIMAGE) -T script -n "Clonix boot script" -d $< $@ > /dev/null

$(UBOOT_DISK): $(O)/boot.scr $(O)/uImage $(O)/rootfs.uImage $(O)/Image \
		arch/riscv/boot/mkdisk.sh
	@echo "  MKDISK  $@"
	$(Q)sh arch/riscv/boot/mkdisk.sh $@ $(filter-out %.sh,$^)
