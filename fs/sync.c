/*
 * sync, fsync, fdatasync: the RAM file system has nothing to write back,
 * so they only check their argument, as Linux's ramfs (noop_fsync) does:
 * a file or directory of the file system syncs at once; a device, /proc
 * file or anything without an fsync is EINVAL; a bad fd EBADF.
 */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/fs.h>

SYSCALL_DEFINE0(sync)
{
	return 0;
}

static long do_fsync(unsigned int fd, bool datasync)
{
	struct file *f = fget(fd);
	long err = -EINVAL;

	(void)datasync;
	if (!f)
		return -EBADF;
	if (f->f_op == &ramfs_file_operations ||
	    f->f_op == &ramfs_dir_operations)
		err = 0;
	fput(f);
	return err;
}

SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
	return do_fsync(fd, false);
}

SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
	return do_fsync(fd, true);
}
