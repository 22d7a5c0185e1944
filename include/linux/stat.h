/* struct kstat: what the kernel knows about a file, before each stat
 * system call copies it out in its own layout (struct stat of the
 * architecture, i386's struct stat64, struct statx). */
#ifndef _LINUX_STAT_H
#define _LINUX_STAT_H

#include <linux/types.h>
#include <uapi/linux/stat.h>

struct kstat {
	u64 ino;
	u32 dev;
	u32 mode;
	u32 nlink;
	u32 rdev;
	loff_t size;
	u32 blksize;
	u64 blocks;		/* 512-byte units */
	s64 atime, mtime, ctime;	/* seconds */
};

/* fs/stat.c: 0 or -errno. flags: AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH. */
int vfs_fstat(unsigned int fd, struct kstat *stat);
int vfs_fstatat(int dfd, const char *filename, struct kstat *stat,
		int flags);

#endif
