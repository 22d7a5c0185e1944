/*
 * Iterator over a cpio "newc" archive (include/linux/cpio.h): the kernel
 * walks the initramfs with it to fill its RAM filesystem. Every size in a
 * header is checked against the bytes left before it is used.
 */
#include <linux/cpio.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

#define CPIO_HEADER_SIZE 110
#define CPIO_MAGIC_LEN 6
#define CPIO_TRAILER "TRAILER!!!"

/* The 13 hex fields after the magic, in header order. */
enum {
	F_INO,
	F_MODE,
	F_UID,
	F_GID,
	F_NLINK,
	F_MTIME,
	F_FILESIZE,
	F_DEVMAJOR,
	F_DEVMINOR,
	F_RDEVMAJOR,
	F_RDEVMINOR,
	F_NAMESIZE,
	F_CHECK,
	NR_FIELDS
};

/* Parse 8 hex digits into *val; false if any of them is not hex. */
static bool parse_hex8(const char *s, u32 *val)
{
	int i;

	*val = 0;
	for (i = 0; i < 8; i++) {
		int c = s[i];

		if (!isxdigit(c))
			return false;
		*val = *val << 4 |
		       (u32)(isdigit(c) ? c - '0' : tolower(c) - 'a' + 10);
	}
	return true;
}

int cpio_next(const void *archive, size_t len, size_t *offset,
	      struct cpio_entry *entry)
{
	const char *hdr;
	size_t name_off, data_off, left;
	u32 field[NR_FIELDS];
	int i;

	if (*offset >= len)
		return 0; /* end of buffer (or of its last padding) */
	hdr = (const char *)archive + *offset;
	left = len - *offset;
	if (left < CPIO_HEADER_SIZE)
		return -EINVAL;
	if (memcmp(hdr, "070701", CPIO_MAGIC_LEN) &&
	    memcmp(hdr, "070702", CPIO_MAGIC_LEN))
		return -EINVAL;
	for (i = 0; i < NR_FIELDS; i++) {
		if (!parse_hex8(hdr + CPIO_MAGIC_LEN + 8 * i, &field[i]))
			return -EINVAL;
	}

	/* The name, with its NUL, must fit in what is left. */
	name_off = CPIO_HEADER_SIZE;
	if (field[F_NAMESIZE] == 0 || field[F_NAMESIZE] > left - name_off ||
	    hdr[name_off + field[F_NAMESIZE] - 1] != '\0')
		return -EINVAL;
	if (!strcmp(hdr + name_off, CPIO_TRAILER))
		return 0;

	/* The data starts 4-byte aligned (from the archive's start) and
	 * must fit too; the padding after the last file may be missing. */
	data_off = ALIGN(*offset + name_off + field[F_NAMESIZE], 4) - *offset;
	if (data_off > left || field[F_FILESIZE] > left - data_off)
		return -EINVAL;

	entry->name = hdr + name_off;
	entry->namesize = field[F_NAMESIZE];
	entry->data = hdr + data_off;
	entry->size = field[F_FILESIZE];
	entry->mode = field[F_MODE];
	entry->ino = field[F_INO];
	entry->nlink = field[F_NLINK];
	entry->mtime = field[F_MTIME];
	entry->uid = field[F_UID];
	entry->gid = field[F_GID];
	*offset = ALIGN(*offset + data_off + field[F_FILESIZE], 4);
	return 1;
}
