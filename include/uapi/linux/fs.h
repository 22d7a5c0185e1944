/* File system constants user space shares with the kernel, with Linux's
 * values. */
#ifndef _UAPI_LINUX_FS_H
#define _UAPI_LINUX_FS_H

/* RLIMIT_NOFILE of the first process: soft and hard limit. */
#define INR_OPEN_CUR 1024
#define INR_OPEN_MAX 4096

/* renameat2 flags */
#define RENAME_NOREPLACE (1 << 0)	/* don't overwrite the target */
#define RENAME_EXCHANGE (1 << 1)	/* swap source and target */
#define RENAME_WHITEOUT (1 << 2)	/* leave a whiteout (overlayfs) */

/* fallocate modes */
#define FALLOC_FL_KEEP_SIZE 0x01	/* allocate, but keep i_size */

#endif
