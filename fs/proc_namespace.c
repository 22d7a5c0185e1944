/*
 * /proc/mounts (what df and mount read, in fstab's format) and
 * /proc/filesystems. Clonix has one mount, the RAM file system the
 * initramfs was unpacked into, at / (Linux calls it rootfs), and /proc,
 * whose files live in that tree but belong to the proc super block.
 */
#include "proc/internal.h"

int mounts_proc_show(struct seq_file *m)
{
	seq_puts(m, "rootfs / rootfs rw 0 0\n");
	seq_puts(m, "proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n");
	return 0;
}

/* The file-system types the kernel knows: "nodev" for those without a
 * block device, as Linux's fs/filesystems.c prints them. */
int filesystems_proc_show(struct seq_file *m)
{
	seq_puts(m, "nodev\trootfs\nnodev\tramfs\nnodev\tproc\n");
	return 0;
}
