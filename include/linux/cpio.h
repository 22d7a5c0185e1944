/*
 * Reader for cpio "newc" archives (lib/cpio.c), the format of Linux's
 * initramfs and of our rootfs.img: for each file a 110-byte ASCII header
 * (magic "070701", or "070702" with checksums, then 13 fields of 8 hex
 * digits), the NUL-terminated name and the data, each padded to 4 bytes;
 * a last entry named "TRAILER!!!" ends the archive.
 */
#ifndef _LINUX_CPIO_H
#define _LINUX_CPIO_H

#include <linux/types.h>

/* One archive member; name and data point into the archive itself. */
struct cpio_entry {
	const char *name; /* NUL-terminated path, e.g. "bin/init" */
	size_t namesize; /* bytes of name including its NUL */
	const void *data; /* file contents (a symlink's target) */
	size_t size; /* bytes of data */
	u32 mode; /* file type and permissions, as st_mode */
	u32 ino;
	u32 nlink;
	u32 mtime;
	u32 uid; /* owner and group */
	u32 gid;
};

/*
 * Read the entry at *offset (start with 0) of the len-byte archive into
 * *entry and advance *offset to the next one. Returns 1 for an entry, 0 at
 * the trailer or the end of the buffer, -EINVAL if the archive is
 * malformed. Never reads outside [archive, archive + len).
 */
int cpio_next(const void *archive, size_t len, size_t *offset,
	      struct cpio_entry *entry);

#endif
