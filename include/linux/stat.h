/* struct kstat: what the kernel knows about a file, before each stat
 * system call copies it out in its own layout (struct stat of the
 * architecture, i386's struct stat64, struct statx). */
#ifndef _LINUX_STAT_H
#define _LINUX_STAT_H

#include <linux/types.h>
#include <linux/time.h>
#include <uapi/linux/stat.h>

/* Permission bits (Linux has the first ones in uapi/linux/stat.h). */
#define S_ISUID 0004000	/* run as the file's owner */
#define S_ISGID 0002000	/* run as its group; dirs: entries take it */
#define S_ISVTX 0001000	/* sticky: only owners may remove names */
#define S_IRWXU 00700
#define S_IRUSR 00400
#define S_IWUSR 00200
#define S_IXUSR 00100
#define S_IRWXG 00070
#define S_IXGRP 00010
#define S_IRWXO 00007
#define S_IRWXUGO (S_IRWXU | S_IRWXG | S_IRWXO)
#define S_IALLUGO (S_ISUID | S_ISGID | S_ISVTX | S_IRWXUGO)
#define S_IRUGO 00444
#define S_IWUGO 00222

struct kstat {
	u64 ino;
	u32 dev;
	u32 mode;
	u32 nlink;
	u32 rdev;
	loff_t size;
	u32 blksize;
	u64 blocks;		/* 512-byte units */
	u32 uid;
	u32 gid;
	struct timespec64 atime, mtime, ctime;
};

/* fs/stat.c: 0 or -errno. flags: AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH. */
int vfs_fstat(unsigned int fd, struct kstat *stat);
int vfs_fstatat(int dfd, const char __user *filename, struct kstat *stat,
		int flags);

#endif
