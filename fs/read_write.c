/*
 * read, write, writev, lseek. Data moves between user memory and the file
 * through a kernel bounce buffer, one chunk at a time, so a bad user
 * pointer is -EFAULT and never a kernel fault.
 */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#define IO_CHUNK 4096
#define UIO_MAXIOV 1024

struct iovec {
	void *iov_base;
	size_t iov_len;
};

static long file_read(struct file *f, char *ubuf, size_t count)
{
	char *kbuf;
	long done = 0;

	if ((f->f_flags & O_ACCMODE) == O_WRONLY)
		return -EBADF;
	if (S_ISDIR(f->f_inode->i_mode))
		return -EISDIR;
	if (!f->f_op->read)
		return -EINVAL;
	kbuf = kmalloc(IO_CHUNK, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	while (done < (long)count) {
		size_t n = min(count - done, (size_t)IO_CHUNK);
		long got = f->f_op->read(f, kbuf, n, &f->f_pos);

		if (got <= 0) {
			if (!done)
				done = got;
			break;
		}
		if (copy_to_user(ubuf + done, kbuf, got)) {
			done = done ? done : -EFAULT;
			break;
		}
		done += got;
		if (got < (long)n)
			break;	/* short read: a terminal line, or EOF */
	}
	kfree(kbuf);
	return done;
}

static long file_write(struct file *f, const char *ubuf, size_t count)
{
	char *kbuf;
	long done = 0;

	if ((f->f_flags & O_ACCMODE) == O_RDONLY)
		return -EBADF;
	if (!f->f_op->write)
		return -EINVAL;
	kbuf = kmalloc(IO_CHUNK, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	while (done < (long)count) {
		size_t n = min(count - done, (size_t)IO_CHUNK);
		long put;

		if (copy_from_user(kbuf, ubuf + done, n)) {
			done = done ? done : -EFAULT;
			break;
		}
		put = f->f_op->write(f, kbuf, n, &f->f_pos);
		if (put <= 0) {
			if (!done)
				done = put;
			break;
		}
		done += put;
	}
	kfree(kbuf);
	return done;
}

long sys_read(unsigned int fd, char *buf, size_t count)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	ret = file_read(f, buf, min(count, (size_t)MAX_RW_COUNT));
	fput(f);
	return ret;
}

long sys_write(unsigned int fd, const char *buf, size_t count)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	ret = file_write(f, buf, min(count, (size_t)MAX_RW_COUNT));
	fput(f);
	return ret;
}

/* readv/writev: one read or write per vector entry, stopping at the
 * first error or short transfer; returns the bytes moved or -errno. */
static long do_iov(unsigned int fd, const struct iovec *uvec,
		   unsigned long vlen, bool write)
{
	struct file *f;
	long total = 0;
	unsigned long i;

	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	for (i = 0; i < vlen; i++) {
		struct iovec iov;
		long r;

		if (copy_from_user(&iov, &uvec[i], sizeof(iov))) {
			total = total ? total : -EFAULT;
			break;
		}
		if (!iov.iov_len)
			continue;
		r = write ? file_write(f, iov.iov_base, iov.iov_len) :
			    file_read(f, iov.iov_base, iov.iov_len);
		if (r < 0) {
			total = total ? total : r;
			break;
		}
		total += r;
		if (r < (long)iov.iov_len)
			break;
	}
	fput(f);
	return total;
}

long sys_writev(unsigned int fd, const struct iovec *uvec,
		unsigned long vlen)
{
	return do_iov(fd, uvec, vlen, true);
}

long sys_readv(unsigned int fd, const struct iovec *uvec, unsigned long vlen)
{
	return do_iov(fd, uvec, vlen, false);
}

/* Move f's position (Linux's vfs_llseek): the new position, or -errno. */
loff_t vfs_llseek(struct file *f, loff_t offset, int whence)
{
	loff_t pos;

	if (f->f_inode->i_fop)
		return -ESPIPE;	/* a terminal */
	switch (whence) {
	case SEEK_SET:
		pos = offset;
		break;
	case SEEK_CUR:
		pos = f->f_pos + offset;
		break;
	case SEEK_END:
		pos = f->f_inode->i_size + offset;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0)
		return -EINVAL;
	f->f_pos = pos;
	return pos;
}

long sys_lseek(unsigned int fd, long offset, unsigned int whence)
{
	struct file *f = fget(fd);
	loff_t pos;
	long ret;

	if (!f)
		return -EBADF;
	pos = vfs_llseek(f, offset, whence);
	ret = pos;
	if (ret != pos)
		ret = -EOVERFLOW;	/* does not fit a 32-bit long */
	fput(f);
	return ret;
}
