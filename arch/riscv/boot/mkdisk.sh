#!/bin/sh
# Make the disk U-Boot boots Clonix from (`make uboot-disk`): a DOS partition
# table with one bootable ext2 partition holding FILEs in its root directory.
# No root needed: sfdisk writes the partition table into a plain file, and
# mke2fs -d fills the file system from a directory, written at the
# partition's offset (-E offset).
#   usage: mkdisk.sh DISK FILE...
set -eu
disk=$1
shift
dir=$(mktemp -d)
trap 'rm -rf "$dir" "$disk.tmp"' EXIT
cp "$@" "$dir"/

# The partition: the files, a quarter more for ext2's own blocks, and 1 MiB.
# It starts 1 MiB into the disk (sector 2048), after the partition table.
kib=$(du -sk "$dir" | cut -f1)
fs_kib=$((kib + kib / 4 + 1024))
truncate -s $(((1024 + fs_kib) * 1024)) "$disk.tmp"
printf 'label: dos\nlabel-id: 0x434c4e58\nstart=2048, type=83, bootable\n' |
	/sbin/sfdisk --quiet "$disk.tmp"
/sbin/mke2fs -q -F -t ext2 -L clonix-boot -d "$dir" -E offset=1048576 \
	"$disk.tmp" "${fs_kib}k"
mv "$disk.tmp" "$disk"
