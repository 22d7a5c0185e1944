/* File system constants user space shares with the kernel, with Linux's
 * values. */
#ifndef _UAPI_LINUX_FS_H
#define _UAPI_LINUX_FS_H

/* RLIMIT_NOFILE of the first process: soft and hard limit. */
#define INR_OPEN_CUR 1024
#define INR_OPEN_MAX 4096

#endif
